"""A release's text as HTML, with the date expressions that produced published events marked and linked.

Every piece of release text goes through escape(); only the <mark>/<a> wrappers are ours.
"""

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe


def mention_span(mention, length: int) -> tuple[int, int] | None:
    """The date expression when the extractor recorded one, else the evidence sentence; None if unusable."""
    if mention.date_start is not None and mention.date_end is not None:
        start, end = mention.date_start, mention.date_end
    else:
        start, end = mention.evidence_start, mention.evidence_end
    if not (0 <= start < end <= length):
        return None
    return start, end


def highlight_release(text: str, mentions) -> SafeString:
    """`mentions` carry `.event` (published ones only are passed) and offsets into `text`.

    Overlapping spans are merged into the first one, which then links every event it stands for;
    each mention keeps an anchor `m-<pk>` so event pages can link to it.
    """
    spans = []
    for mention in mentions:
        span = mention_span(mention, len(text))
        if span:
            spans.append((span[0], span[1], mention))
    spans.sort(key=lambda s: (s[0], -s[1], s[2].pk))

    groups: list[list] = []  # [start, end, [mentions]]
    for start, end, mention in spans:
        if groups and start < groups[-1][1]:
            groups[-1][2].append(mention)
        else:
            groups.append([start, end, [mention]])

    parts = []
    position = 0
    for start, end, group in groups:
        parts.append(escape(text[position:start]))
        first, *others = group
        anchors = "".join(format_html('<span id="m-{}"></span>', m.pk) for m in others)
        parts.append(
            format_html(
                '<mark id="m-{}">{}<a href="{}" title="{}">{}</a></mark>',
                first.pk,
                mark_safe(anchors),
                first.event.get_absolute_url(),
                first.event.title,
                text[start:end],
            )
        )
        seen = {first.event_id}
        for extra in others:
            if extra.event_id not in seen:
                seen.add(extra.event_id)
                parts.append(
                    format_html(
                        '<sup><a href="{}" title="{}" aria-label="Also: {}">+</a></sup>',
                        extra.event.get_absolute_url(),
                        extra.event.title,
                        extra.event.title,
                    )
                )
        position = end
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))
