"""Highlighting date expressions in a release's text, without a database."""

from types import SimpleNamespace

from events.highlight import highlight_release


def mention(pk, start, end, event_pk=None, date=None):
    event = SimpleNamespace(
        pk=event_pk or pk, title=f"Event <{pk}>", get_absolute_url=lambda: f"/events/{event_pk or pk}/"
    )
    date_start, date_end = date or (None, None)
    return SimpleNamespace(
        pk=pk,
        event=event,
        event_id=event.pk,
        evidence_start=start,
        evidence_end=end,
        date_start=date_start,
        date_end=date_end,
    )


def test_text_is_escaped_and_spans_marked():
    html = highlight_release("a <i>b</i> c", [mention(1, 2, 5)])
    assert html == '<mark id="m-1"><a href="/events/1/" title="Event &lt;1&gt;">&lt;i&gt;</a></mark>'.join(
        ["a ", "b&lt;/i&gt; c"]
    )


def test_date_span_preferred_over_evidence():
    html = highlight_release("On 5 May they met.", [mention(1, 0, 18, date=(3, 8))])
    assert ">5 May</a></mark> they met." in html


def test_overlapping_spans_share_one_mark_and_keep_every_anchor():
    html = highlight_release("From 3 to 5 June 2020.", [mention(1, 5, 21), mention(2, 5, 21), mention(3, 10, 15)])
    assert html.count("<mark") == 1
    assert 'id="m-2"' in html and 'id="m-3"' in html
    assert html.count("<sup>") == 2


def test_invalid_offsets_are_ignored():
    assert highlight_release("short", [mention(1, 3, 99), mention(2, 4, 4)]) == "short"
