"""The review queue's working parts: each draft's confidence and reasons, the "needs a look"
filter, publishing many with a confirmation, and the words the admin's messages count in.

`events.review` computes; this module only shows, sorts and filters.
"""

import copy
from dataclasses import dataclass
from urllib.parse import urlencode

from django.contrib import admin
from django.contrib.admin.views.main import ChangeList
from django.http import QueryDict
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from events import review
from events.models import Event, Mention

# Evidence longer than this is shown cut, with the whole sentence on hover and on expanding it.
EVIDENCE_SHOWN = 160


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """ "1 mention", "2 mentions", "0 events": counts in plain words."""
    return f"{count} {singular if count == 1 else (plural_form or singular + 's')}"


# The queue's own parameters a draft's page carries, so "next" and "back" keep the editor's view.
QUEUE_PARAMETER = "queue"


def queue_query(get) -> str:
    """The queue's filters and sort order, without the page number (the next draft may be on another)."""
    params = get.copy()
    params.pop("p", None)
    return params.urlencode()


def draft_url(pk: int, query: str = "") -> str:
    url = reverse("admin:events_event_change", args=[pk])
    return f"{url}?{urlencode({QUEUE_PARAMETER: query})}" if query else url


@dataclass
class QueuePosition:
    """Where a draft stands in the queue as the editor sees it (its filters and order): the next one."""

    query: str
    next_pk: int | None
    remaining: int

    @classmethod
    def of(cls, queue_admin, request, pk: int, next_pk: int | None = None) -> "QueuePosition":
        query = request.GET.get(QUEUE_PARAMETER, "")
        if next_pk is None:
            view = copy.copy(request)
            view.GET = QueryDict(query)
            view.method = "GET"
            changelist = queue_admin.get_changelist_instance(view)
            pks = list(changelist.queryset.values_list("pk", flat=True))
            after = pks[pks.index(pk) + 1 :] + pks[: pks.index(pk)] if pk in pks else pks
            next_pk = after[0] if after else None
            return cls(query, next_pk, len(after))
        return cls(query, next_pk, 0)

    @property
    def queue_url(self) -> str:
        url = reverse("admin:events_draftevent_changelist")
        return f"{url}?{self.query}" if self.query else url

    def url_of(self, pk: int | None) -> str:
        return draft_url(pk, self.query) if pk else ""


class ReviewChangeList(ChangeList):
    """The queue's page of drafts, each carrying its assessment for the columns that show it.

    The queue sorts, filters and counts by the stored confidence (`Event.confidence`, kept by the
    write path); the reasons beside each shown draft are computed afresh for the page alone."""

    def get_results(self, request):
        super().get_results(request)
        found = review.assess_all(self.result_list)
        query = queue_query(request.GET)
        for event in self.result_list:
            event.assessment = found.get(event.pk)
            event.queue_query = query


class NeedsALookFilter(admin.SimpleListFilter):
    title = "confidence"
    parameter_name = "look"

    def lookups(self, request, model_admin):
        return [("yes", "Needs a look"), ("no", "Looks right")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(confidence__lt=review.NEEDS_A_LOOK)
        if self.value() == "no":
            return queryset.filter(confidence__gte=review.NEEDS_A_LOOK)
        return queryset


def confidence_cell(assessment: review.Assessment):
    level = "low" if assessment.needs_a_look else "high"
    note = mark_safe('<span class="needs-look">needs a look</span>') if assessment.needs_a_look else ""
    return format_html(
        '<span class="confidence confidence-{}" title="confidence {}%">{}%</span> {}',
        level,
        assessment.percent,
        assessment.percent,
        note,
    )


def evidence_text(mention: Mention, highlighted, shown: int = EVIDENCE_SHOWN):
    """The sentence, cut when long: the full text on hover (title) and on expanding it (details)."""
    if len(mention.evidence) <= shown:
        return format_html('<span class="evidence">{}</span>', highlighted)
    cut = mention.evidence[:shown].rsplit(" ", 1)[0] + "…"
    return format_html(
        '<details class="evidence"><summary title="{}">{}</summary><span>{}</span></details>',
        mention.evidence,
        cut,
        highlighted,
    )


def reasons_list(assessment: review.Assessment, pk: int | None = None):
    """Doubts first, then the extractor's own rules, in one list an editor reads beside the evidence."""
    items = [("doubt", f"⚠ {doubt}") for doubt in assessment.doubts]
    items += [("rule", rule) for rule in assessment.rules]
    if assessment.by_hand:
        items.append(("rule", "entered by hand"))
    elif not assessment.rules:
        items.append(("rule", "extracted before reasons were recorded"))
    compare = ""
    if pk is not None and assessment.duplicates:
        ids = ",".join(str(n) for n in [pk, *assessment.duplicates])
        label = f"compare with {plural(len(assessment.duplicates), 'likely duplicate')}"
        compare = format_html(
            '<li class="compare"><a href="{}?ids={}">{}</a></li>', reverse("admin:events_event_merge"), ids, label
        )
    return format_html(
        '<ul class="review-reasons">{}{}</ul>', format_html_join("", '<li class="{}">{}</li>', items), compare
    )


def confirm_publish(model_admin, request, queryset):
    """Publishing several events at once first says how many and how many are flagged.

    Returns the confirmation page, or None when the editor has confirmed (or chose one event).
    """
    events = list(queryset.prefetch_related("mentions"))
    if len(events) < 2 or request.POST.get("confirmed") == "yes":
        return None
    found = review.assess_all(events)
    flagged = [event for event in events if found[event.pk].needs_a_look]
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.opts,
        "title": f"Publish {plural(len(events), 'event')}?",
        "events": events,
        "flagged": [(event, found[event.pk]) for event in flagged],
        "flagged_label": plural(len(flagged), "of them needs a look", "of them need a look"),
        "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
    }
    return TemplateResponse(request, "admin/events/event/publish_confirm.html", context)


def queue_counts() -> dict[str, int]:
    """The admin home's figures: drafts waiting, and how many of them need a look (stored confidences)."""
    drafts = Event.objects.drafts()
    return {"drafts": drafts.count(), "needs_a_look": drafts.filter(confidence__lt=review.NEEDS_A_LOOK).count()}


def merge_message(result) -> str:
    """What a merge did, counted in words: "Merged 1 event into “…”: 2 mentions moved."."""
    parts = [f"{plural(result.mentions_moved, 'mention')} moved"]
    if result.mentions_dropped:
        parts.append(
            f"{plural(result.mentions_dropped, 'sentence')} the survivor already cited "
            f"{'was' if result.mentions_dropped == 1 else 'were'} dropped"
        )
    if result.fields_taken:
        parts.append(f"{', '.join(name.replace('_', ' ') for name in result.fields_taken)} set from your choices")
    message = f"Merged {plural(len(result.merged), 'event')} into “{result.survivor.title}”: {'; '.join(parts)}."
    if result.survivor_published:
        message += " The survivor was a draft and is now published."
    return message
