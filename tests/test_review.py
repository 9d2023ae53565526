"""events.review and the queue that shows it: each draft's confidence and the reasons for it."""

import datetime
import re

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.auth.models import Group, User
from django.urls import reverse

from events import admin_review, review
from events.history import IMPORTER_USERNAME
from events.importers import import_text
from events.models import Event

QUEUE = reverse("admin:events_draftevent_changelist")
DAY = datetime.date(2025, 6, 3)


@pytest.fixture
def editor_client(client, db):
    user = User.objects.create_user("ed", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return client


def draft_with_rules(make_event, make_mention, rules, **values):
    event = make_event(status="draft", **{"title": "The council held a session on border security", **values})
    make_mention(event=event, extracted={"rules": rules})
    return event


def assessed(event):
    return review.assess_all(Event.objects.filter(pk=event.pk).prefetch_related("mentions"))[event.pk]


def test_a_plainly_dated_draft_with_a_good_title_is_confident(make_event, make_mention):
    event = draft_with_rules(
        make_event, make_mention, ["dated by '3 June 2025' (dmy)", "kind: lexicon 'session' = meeting"]
    )
    found = assessed(event)
    assert (found.confidence, found.doubts, found.needs_a_look) == (1.0, [], False)
    assert found.rules == ["dated by '3 June 2025' (dmy)", "kind: lexicon 'session' = meeting"]


@pytest.mark.parametrize(
    ("rules", "doubt"),
    [
        (["dated by 'on Tuesday' (weekday)", "kind: lexicon 'session' = meeting"], "date from a weekday"),
        (["dated by '3 June' (dmy), year inferred", "kind: lexicon 'session' = meeting"], "year inferred"),
        (["dated by 'yesterday' (rel_day)", "kind: lexicon 'session' = meeting"], "date from a relative word"),
        (
            ["dated by '3 June 2025' (dmy)", "kind: generic verb 'held' takes its subject's ('council')"],
            "kind from a generic verb",
        ),
        (
            ["dated by '3 June 2025' (dmy)", "kind: generic verb 'held' and no kind word: other"],
            "kind from a generic verb, no kind word",
        ),
        (["dated by 'on Monday and Tuesday' (weekday_pair)", "kind: lexicon 'talks' = meeting"], "date from a weekday"),
        (
            ["dated by '3 June 2025' (dmy)", "kind: 'thanked' is a verb of doing the lexicon lacks: other"],
            "kind from a verb the lexicon lacks",
        ),
    ],
)
def test_doubts_come_from_the_extractors_rules(make_event, make_mention, rules, doubt):
    found = assessed(draft_with_rules(make_event, make_mention, rules))
    assert found.doubts == [doubt]
    assert found.confidence < 1.0


def test_a_title_without_a_verb_needs_a_look(make_event, make_mention):
    found = assessed(draft_with_rules(make_event, make_mention, ["dated by 'yesterday' (rel_day)"], title="yesterday"))
    assert "title has no verb" in found.doubts and "title is too short" in found.doubts
    assert found.needs_a_look


@pytest.mark.parametrize(
    ("title", "doubt"),
    [
        ("At a session in Moscow", "title is a phrase, not a statement"),
        ("The second stage will be held in", "title breaks off"),
        ("MOSCOW A whole series of events was held…", "title starts with a place or agency in capitals"),
    ],
)
def test_titles_readers_should_not_see_need_a_look(make_event, make_mention, title, doubt):
    found = assessed(draft_with_rules(make_event, make_mention, ["dated by '3 June 2025' (dmy)"], title=title))
    assert doubt in found.doubts and found.needs_a_look


def test_an_acronym_at_the_head_of_a_title_is_no_doubt(make_event, make_mention):
    found = assessed(draft_with_rules(make_event, make_mention, [], title="CSTO Secretary General visited Minsk"))
    assert found.doubts == []


def test_an_editor_written_title_is_not_doubted(make_event, make_mention):
    found = assessed(draft_with_rules(make_event, make_mention, [], title="yesterday", editor_fields=["title"]))
    assert found.doubts == []


def test_two_events_from_one_sentence_and_likely_duplicates_are_flagged(make_event, make_mention, make_release):
    release = make_release(original_text="On 3 June 2025 the council met in Minsk and adopted the plan.")
    one = make_event(status="draft", title="The council met in Minsk", start_date=DAY)
    other = make_event(status="draft", title="The council adopted the plan", kind="decision", start_date=DAY)
    for event in (one, other):
        make_mention(release=release, event=event, evidence=release.original_text, evidence_end=61)
    found = review.assess_all(Event.objects.filter(pk__in=[one.pk, other.pk]).prefetch_related("mentions"))
    assert found[one.pk].doubts == ["same sentence as another event", "likely duplicate"]
    assert found[one.pk].duplicates == {other.pk: "same sentence, same day"}
    assert found[one.pk].needs_a_look and found[other.pk].needs_a_look
    assert f"{reverse('admin:events_event_merge')}?ids={one.pk},{other.pk}" in str(
        admin_review.reasons_list(found[one.pk], one.pk)
    )


def test_a_draft_entered_by_hand_has_no_extractor_doubts(make_event):
    found = assessed(make_event(status="draft", title="The council held a session"))
    assert found.by_hand and found.confidence == 1.0


# --- the queue --------------------------------------------------------------------------------


def queue_rows(client, query=""):
    return [e.pk for e in client.get(QUEUE + query).context["cl"].result_list]


def test_the_queue_sorts_by_confidence_and_filters_what_needs_a_look(editor_client, make_event, make_mention):
    sure = draft_with_rules(make_event, make_mention, ["dated by '3 June 2025' (dmy)"], start_date=DAY)
    doubtful = draft_with_rules(make_event, make_mention, ["dated by 'on Tuesday' (weekday)"], title="yesterday")
    fair = draft_with_rules(
        make_event, make_mention, ["dated by '3 June' (dmy), year inferred"], start_date=datetime.date(2024, 1, 1)
    )
    assert queue_rows(editor_client, "?o=4") == [doubtful.pk, fair.pk, sure.pk]
    assert queue_rows(editor_client, "?o=-4") == [sure.pk, fair.pk, doubtful.pk]
    assert queue_rows(editor_client, "?look=yes") == [doubtful.pk]
    assert set(queue_rows(editor_client, "?look=no")) == {sure.pk, fair.pk}
    page = editor_client.get(QUEUE).text
    assert "⚠ title has no verb" in page and "needs a look" in page
    shown = re.findall(r'<span class="confidence confidence-\w+" title="confidence (\d+)%">', page)
    assert sorted(int(n) for n in shown) == sorted(round(e.confidence * 100) for e in Event.objects.drafts())
    assert page.count('class="review-reasons"') == 3


def test_the_queue_costs_a_fixed_number_of_queries(
    editor_client, make_event, make_mention, django_assert_max_num_queries
):
    for n in range(3):
        draft_with_rules(make_event, make_mention, ["dated by 'on Tuesday' (weekday)"], title=f"Council session {n}")
    editor_client.get(QUEUE)  # warm the session and content types
    with django_assert_max_num_queries(30) as few:
        editor_client.get(QUEUE)
    for n in range(20):
        draft_with_rules(make_event, make_mention, ["dated by 'on Tuesday' (weekday)"], title=f"Drill {n} in Osh")
    with django_assert_max_num_queries(len(few.captured_queries)):
        editor_client.get(QUEUE)


def test_publishing_many_asks_first_and_names_the_flagged(editor_client, make_event, make_mention):
    good = draft_with_rules(make_event, make_mention, ["dated by '3 June 2025' (dmy)"], start_date=DAY)
    bad = draft_with_rules(make_event, make_mention, ["dated by 'on Tuesday' (weekday)"], title="yesterday")
    data = {"action": "publish_events", ACTION_CHECKBOX_NAME: [good.pk, bad.pk], "index": 0}
    response = editor_client.post(QUEUE, data)
    assert response.status_code == 200
    assert "1 of them needs a look" in response.text
    assert reverse("admin:events_event_change", args=[bad.pk]) in response.text
    assert Event.objects.published().count() == 0
    response = editor_client.post(QUEUE, {**data, "confirmed": "yes"}, follow=True)
    assert "2 events published." in response.text
    assert Event.objects.published().count() == 2


def test_imports_record_who_and_from_which_file(db):
    import_text("Talks\n\nTalks 06.06.2025\nOn 5 June, staff talks were held in Minsk.\n", "talks.txt")
    rows = Event.history.all()
    assert rows and {(row.history_user.username, row.history_change_reason) for row in rows} == {
        (IMPORTER_USERNAME, "import of talks.txt")
    }
    importer = rows[0].history_user
    assert not importer.is_active and not importer.has_usable_password()


# --- the stored confidence --------------------------------------------------------------------


def stored_matches_assessment():
    drafts = Event.objects.drafts().prefetch_related("mentions")
    found = review.assess_all(drafts)
    stored = dict(Event.objects.drafts().values_list("pk", "confidence"))
    return {pk: (stored[pk], a.confidence) for pk, a in found.items() if stored[pk] != a.confidence}


def test_the_stored_confidence_follows_every_write_that_moves_it(make_event, make_mention, make_release):
    """The queue sorts by Event.confidence: after each write it equals a fresh assessment, for the
    written draft and for the drafts around it (a likely duplicate, a shared sentence)."""
    release = make_release(original_text="On 3 June 2025 the ministers met in Minsk and signed the plan.")
    draft = make_event(status="draft", title="The ministers met in Minsk", start_date=DAY, location="Minsk")
    make_mention(event=draft, release=release, evidence_start=0, evidence_end=40)
    assert Event.objects.get(pk=draft.pk).confidence == 1.0
    twin = make_event(title="Ministers gathered", start_date=DAY, location="Minsk")  # published: same day and place
    assert Event.objects.get(pk=draft.pk).confidence < 1.0 and not stored_matches_assessment()
    steps = [
        lambda: twin.withdraw(),  # no longer live: the draft loses its likely duplicate
        lambda: Event.objects.filter(pk=twin.pk).update(status="published"),  # a bulk write brings it back
        lambda: Event.objects.filter(pk=twin.pk).update(start_date=datetime.date(2025, 7, 1)),  # moved away
        lambda: make_mention(event=make_event(status="draft", title="Plan signed"), release=release, evidence_start=5),
        lambda: setattr(draft, "title", "yesterday") or draft.save(),  # a title with no verb
        lambda: Event.objects.filter(title="Plan signed").delete(),  # a deleted draft no longer shares the sentence
        lambda: draft.mentions.get().delete(),
    ]
    for n, step in enumerate(steps):
        step()
        assert not stored_matches_assessment(), n


def test_an_import_stores_each_drafts_confidence_once_per_release(make_event):
    text = (
        "Ministers met\n\nMinisters met 03.06.2025\n"
        "On 3 June 2025 the defence ministers met in Minsk. On 2 June the council held a session in Minsk.\n"
    )
    make_event(title="Defence ministers met in Minsk", start_date=DAY, location="Minsk")  # published, same day
    import_text(text, "ministers.txt")
    assert Event.objects.drafts().filter(confidence__lt=1.0).exists()  # a likely duplicate of the published one
    assert not stored_matches_assessment()
