"""The duplicates view, the event page's candidates and the side-by-side merge."""

import datetime

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.auth.models import Group, User
from django.urls import reverse

from events.models import Event, Mention

DAY = datetime.date(2024, 5, 14)
MERGE = reverse("admin:events_event_merge")
DUPLICATES = reverse("admin:events_event_duplicates")


@pytest.fixture
def editor_client(client, db):
    user = User.objects.create_user("ed", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return client


@pytest.fixture
def pair(make_event, make_mention, make_release):
    """One sentence read as a meeting and as a decision (kinds differ), plus an unrelated event."""
    release = make_release(original_text="On 14 May the council met in Astana and approved the training plan.")
    meeting = make_event(title="The council met in Astana", start_date=DAY, status="draft", location="Astana")
    decision = make_event(title="The council approved the plan", kind="decision", start_date=DAY, status="draft")
    for event in (meeting, decision):
        make_mention(release=release, event=event, evidence=release.original_text, evidence_end=68)
    other = make_release(original_text="Later the council's plan was published in full on 14 May.")
    make_mention(release=other, event=decision, evidence=other.original_text, evidence_end=57)
    make_event(title="Unrelated briefing", kind="briefing", start_date=datetime.date(2020, 1, 1))
    return meeting, decision


def test_the_duplicates_view_lists_groups_with_reasons_and_a_merge_link(editor_client, pair):
    meeting, decision = pair
    page = editor_client.get(DUPLICATES)
    assert page.status_code == 200
    assert "1 group to compare" in page.text
    assert "same sentence, same day" in page.text
    assert f"{MERGE}?ids={meeting.pk},{decision.pk}" in page.text
    assert "Unrelated briefing" not in page.text


def test_the_event_page_lists_its_candidates(editor_client, pair):
    meeting, decision = pair
    page = editor_client.get(reverse("admin:events_event_change", args=[meeting.pk])).text
    assert 'class="duplicate-candidates"' in page
    assert reverse("admin:events_event_change", args=[decision.pk]) in page
    assert "(same sentence, same day)" in page


def test_merge_compares_every_field_and_evidence_side_by_side(editor_client, pair):
    meeting, decision = pair
    page = editor_client.get(f"{MERGE}?ids={meeting.pk},{decision.pk}")
    rows = {row["name"]: row for row in page.context["form"].comparison()}
    assert [c["value"] for c in rows["kind"]["cells"]] == ["Meeting", "Decision"]
    assert rows["kind"]["differ"] and not rows["dates"]["differ"]
    assert [c["value"] for c in rows["location"]["cells"]] == ["Astana", "(none)"]
    assert page.text.count("approved the training plan") >= 2  # the shared sentence, under each candidate
    assert "plan was published in full" in page.text  # every evidence sentence
    assert "@csto-timeline" not in page.text  # no raw UIDs


def test_merge_takes_the_picked_values_and_says_what_moved(editor_client, pair):
    meeting, decision = pair
    data = {
        ACTION_CHECKBOX_NAME: [meeting.pk, decision.pk],
        "action": "merge_selected",
        "post": "yes",
        "survivor": meeting.pk,
        "kind": decision.pk,
        "title": decision.pk,
        "dates": meeting.pk,
        "location": meeting.pk,
    }
    response = editor_client.post(MERGE, data, follow=True)
    message = [str(m) for m in response.context["messages"]][0]
    assert message == (
        "Merged 1 event into “The council approved the plan”: 1 mention moved; 1 sentence the survivor already "
        "cited was dropped; kind, title set from your choices."
    )
    meeting.refresh_from_db()
    assert (meeting.kind, meeting.title, meeting.location) == ("decision", "The council approved the plan", "Astana")
    assert set(meeting.editor_fields) == {"title", "kind"}
    assert Mention.objects.filter(event=meeting).count() == 2
    assert Event.objects.get(pk=decision.pk).merged_into_id == meeting.pk


def test_merge_page_without_two_events_says_so(editor_client, make_event):
    event = make_event()
    response = editor_client.get(f"{MERGE}?ids={event.pk},x", follow=True)
    assert "Select two or more events to merge." in [str(m) for m in response.context["messages"]]


@pytest.fixture
def spread(make_event):
    """Likely-duplicate pairs on many dates: same day and place, a month-long range meeting a day in
    it, a pair on one day sharing a start date with unrelated events, and singles between them."""
    for n, day in enumerate([datetime.date(2020, 1, 5) + datetime.timedelta(days=40 * k) for k in range(6)]):
        make_event(title=f"Ministers met {n}", start_date=day, location="Minsk")
        make_event(title=f"Talks of the ministers {n}", start_date=day, location="Minsk", status="draft")
        make_event(title=f"Unrelated {n}", kind="briefing", start_date=day + datetime.timedelta(days=3))
    make_event(
        title="Joint staff exercise season",
        kind="exercise",
        precision="month",
        start_date=datetime.date(2020, 2, 1),
        end_date=datetime.date(2020, 3, 1),
    )
    make_event(
        title="Joint staff exercise season opens",
        kind="exercise",
        precision="month",
        start_date=datetime.date(2020, 3, 1),
    )


def pks(groups):
    return [[event.pk for event in group] for group in groups]


@pytest.mark.parametrize("window", [1, 2, 3, 5, 1000])
def test_paging_by_window_shows_every_group_once_in_the_same_order(spread, window):
    """Behaviour unchanged: pages walked newest to oldest hold exactly duplicate_groups(), in order."""
    from events import matching

    everything = pks(matching.duplicate_groups())
    assert len(everything) == 7
    seen, before = [], None
    while True:
        page = matching.duplicate_groups_before(before, window=window)
        seen += pks(page.groups)
        if page.since is None:
            break
        assert before is None or page.since < before
        before = page.since
    assert seen == everything


def test_the_duplicates_view_pages_by_date(editor_client, spread, monkeypatch):
    from events import matching

    monkeypatch.setattr(matching, "GROUPS_WINDOW", 4)
    first = editor_client.get(DUPLICATES)
    assert first.status_code == 200 and "Older events" in first.text
    older = first.context["older_url"]
    assert older.startswith(DUPLICATES + "?before=")
    second = editor_client.get(older)
    assert second.status_code == 200 and "Newest events" in second.text
    shown = [{tuple(group) for group in pks(g for g, *_ in page.context["groups"])} for page in (first, second)]
    assert shown[0] and shown[1] and not shown[0] & shown[1]
    assert editor_client.get(DUPLICATES + "?before=yesterday").status_code == 400
