"""events.matching: "is this the same happening?" on pairs shaped like the corpus's.

The sentences are written for these tests; each pair mirrors a shape seen in real releases
(a range reworded on re-import, a happening restated by another release, one sentence read as
two kinds, a named exercise spelt two ways, two exercises named in one sentence, a summit day).
"""

import datetime
from types import SimpleNamespace

import pytest

from events import matching
from events.importers import import_text
from events.models import Event

DAY = datetime.date(2024, 5, 14)


def stored_mention(pk, evidence, start="2024-05-14", end=None, kind="meeting"):
    return SimpleNamespace(pk=pk, evidence=evidence, extracted={"start": start, "end": end, "kind": kind})


def extracted(evidence, start="2024-05-14", end=None, kind="meeting", title="", location=None, precision="day"):
    data = {"start": start, "end": end, "kind": kind}
    return SimpleNamespace(
        evidence=evidence,
        kind=kind,
        title=title or evidence,
        location=location,
        precision=precision,
        start=datetime.date.fromisoformat(start) if precision == "day" else datetime.date(int(start[:4]), 1, 1),
        end=datetime.date.fromisoformat(end) if end else None,
        as_json=lambda: data,
    )


# --- within a release -------------------------------------------------------------------------


def test_within_a_release_same_dates_and_kind_is_the_same_mention():
    old = stored_mention(1, "On 14 May the council met in Astana.")
    assert matching.find_own_mention([old], extracted("On 14 May the council met in Astana again."), set()) is old


def test_within_a_release_a_reworded_range_is_the_same_statement():
    old = stored_mention(1, "From 20 to 23 May, staff talks were held in Minsk.", start="2024-05-20", end="2024-05-23")
    new = extracted("From 21 to 23 May, staff talks were held in Minsk.", start="2024-05-21", end="2024-05-23")
    assert matching.SequenceMatcher(None, old.evidence, new.evidence).ratio() >= matching.REWORDED_SIMILARITY
    assert matching.find_own_mention([old], new, set()) is old
    assert matching.find_own_mention([old], new, {1}) is None  # already taken by another event


def test_within_a_release_another_sentence_of_the_same_kind_is_not_the_same_statement():
    old = stored_mention(1, "From 20 to 23 May, staff talks were held in Minsk.", start="2024-05-20", end="2024-05-23")
    new = extracted("On 2 June the delegations met again in Bishkek to sign a protocol.", start="2024-06-02")
    assert matching.find_own_mention([old], new, set()) is None


# --- across releases --------------------------------------------------------------------------


FIRST = """Ministers meet in Astana

Ministers meet in Astana 14.05.2024
On 14 May, the Council of Foreign Ministers held a meeting in Astana on regional security.
"""
RESTATED = """Week in review

Week in review 17.05.2024
On 14 May, the Council of Foreign Ministers met in Astana and discussed regional security.
"""
OTHER_MEETING = """Parliamentarians gather

Parliamentarians gather 14.05.2024
On 14 May, the parliamentary commission on agrarian policy held a meeting on grain prices.
"""


def test_across_releases_a_restated_happening_gains_a_mention_not_a_twin(db):
    import_text(FIRST, "first.txt")
    import_text(RESTATED, "restated.txt")
    assert Event.objects.count() == 1
    assert Event.objects.get().mentions.count() == 2


def test_across_releases_another_happening_on_the_same_day_stays_apart(db):
    import_text(FIRST, "first.txt")
    import_text(OTHER_MEETING, "other.txt")
    assert Event.objects.count() == 2


def test_across_releases_coarse_dates_need_more_shared_words(db, make_event):
    known = "Joint exercise of the rapid reaction forces"
    sentence = "In 2024 the rapid forces will train with new drones."
    share = matching.overlap(matching.content_words(sentence), matching.content_words(known))
    assert matching.SAME_SUBJECT_OVERLAP <= share < matching.SAME_SUBJECT_OVERLAP_COARSE
    year = make_event(title=known, start_date=datetime.date(2024, 1, 1), precision="year")
    assert matching.find_shared_event(extracted(sentence, start="2024", precision="year")) is None
    day = make_event(title=known, start_date=DAY)
    assert matching.find_shared_event(extracted(sentence)) == day
    assert year.pk != day.pk


# --- likely duplicates ------------------------------------------------------------------------


def two_readings_of_one_sentence(make_event, make_mention, make_release):
    """One sentence the extractor read twice: a meeting and the decision taken at it."""
    text = "Council 14.05.2024\nOn 14 May, the Council met in Astana and approved the new training plan.\n"
    release = make_release(original_text=text)
    start = text.index("On 14 May")
    end = len(text) - 1
    meeting = make_event(title="The Council met in Astana", kind="meeting", start_date=DAY, status="draft")
    decision = make_event(title="The Council approved the new training plan", kind="decision", start_date=DAY)
    for event in (meeting, decision):
        make_mention(release=release, event=event, evidence=text[start:end], evidence_start=start, evidence_end=end)
    return meeting, decision


def test_one_sentence_read_as_two_kinds_is_a_likely_duplicate(make_event, make_mention, make_release):
    meeting, decision = two_readings_of_one_sentence(make_event, make_mention, make_release)
    assert [(e.pk, why) for e, why in matching.likely_duplicates(meeting)] == [(decision.pk, "same sentence, same day")]


def test_a_restatement_in_another_release_across_kinds_is_a_likely_duplicate(make_event, make_mention):
    met = make_event(title="Defence ministers met in Dushanbe", kind="meeting", start_date=DAY, location="Dushanbe")
    make_mention(event=met, evidence="On 14 May the defence ministers met in Dushanbe to review the exercise plan.")
    adopted = make_event(title="Approval of the exercise plan", kind="decision", start_date=DAY, location="Dushanbe")
    make_mention(event=adopted, evidence="The exercise plan was adopted by the defence ministers in Dushanbe.")
    assert [e.pk for e, _ in matching.likely_duplicates(met)] == [adopted.pk]
    assert matching.likely_duplicates(met)[0][1] == "same day and place"


def test_shared_words_without_a_place_suggest_a_duplicate(make_event, make_mention):
    first = make_event(title="Heads of state signed the Minsk declaration", start_date=DAY)
    make_mention(
        event=first, evidence="On 14 May the heads of state signed the Minsk declaration on border protection."
    )
    second = make_event(title="Declaration adopted", kind="decision", start_date=DAY)
    make_mention(event=second, evidence="The Minsk declaration on border protection was adopted by the heads of state.")
    found = matching.likely_duplicates(first)
    assert [e.pk for e, _ in found] == [second.pk]
    assert found[0][1].startswith("same dates,") and "words in common" in found[0][1]


def test_two_exercises_named_in_one_sentence_are_two_happenings(make_event, make_mention, make_release):
    text = "In 2025, the Search-2025 and Echelon-2025 exercises will be held in Belarus.\n"
    release = make_release(original_text=text)
    search = make_event(title='The "Search-2025" exercise', kind="exercise", start_date=datetime.date(2025, 1, 1))
    echelon = make_event(title='The "Echelon-2025" exercise', kind="exercise", start_date=datetime.date(2025, 1, 1))
    for event in (search, echelon):
        Event.objects.filter(pk=event.pk).update(precision="year")
        make_mention(release=release, event=event, evidence=text.strip(), evidence_start=0, evidence_end=len(text) - 1)
    assert matching.likely_duplicates(search) == []


def test_one_exercise_spelt_two_ways_in_two_releases_is_a_likely_duplicate(make_event):
    year = datetime.date(2025, 1, 1)
    hyphen = make_event(title='The "Echelon-2025" exercise', kind="exercise", start_date=year, precision="year")
    space = make_event(
        title='The "Echelon 2025" exercise in Belarus', kind="exercise", start_date=year, precision="year"
    )
    assert [e.pk for e, _ in matching.likely_duplicates(hyphen)] == [space.pk]


def test_a_summit_day_holds_different_happenings(make_event):
    make_event(title="Defence ministers met in Minsk", start_date=DAY, location="Minsk")
    make_event(title="Press conference of the Secretary General", kind="briefing", start_date=DAY, location="Minsk")
    make_event(title="Working group on border security", start_date=DAY)
    assert matching.events_with_likely_duplicates() == set()


def test_other_days_withdrawn_and_merged_events_are_no_candidates(make_event):
    event = make_event(title="Session of the Collective Security Council", start_date=DAY)
    make_event(title="Session of the Collective Security Council", start_date=DAY + datetime.timedelta(days=1))
    make_event(title="The session of the Collective Security Council", start_date=DAY, status="cancelled")
    make_event(title="The session of the Collective Security Council held", start_date=DAY, merged_into=event)
    twin = make_event(title="The session of the Collective Security Council", start_date=DAY)
    make_event(title="Session of the Collective Security Council", start_date=DAY, kind="decision")  # titles alone
    assert [e.pk for e, _ in matching.likely_duplicates(event)] == [twin.pk]
    assert matching.events_with_likely_duplicates() == {event.pk, twin.pk}


def test_a_range_and_a_day_inside_it_can_be_one_happening(make_event):
    whole = make_event(
        title="Joint exercise Interaction held at the Belarus range",
        kind="exercise",
        start_date=DAY,
        end_date=DAY + datetime.timedelta(days=5),
    )
    final = make_event(
        title="Final stage of the joint exercise Interaction at the Belarus range",
        kind="exercise",
        start_date=DAY + datetime.timedelta(days=4),
    )
    assert [e.pk for e, _ in matching.likely_duplicates(final)] == [whole.pk]


def test_groups_join_linked_pairs(make_event, make_mention, make_release):
    meeting, decision = two_readings_of_one_sentence(make_event, make_mention, make_release)
    third = make_event(title="The Council approved the new training plan today", kind="decision", start_date=DAY)
    make_event(title="Unrelated happening elsewhere", start_date=datetime.date(2020, 1, 1))
    groups = matching.duplicate_groups()
    assert [[e.pk for e in group] for group in groups] == [[meeting.pk, decision.pk, third.pk]]


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("REWORDED_SIMILARITY", 0.75),
        ("SAME_SUBJECT_OVERLAP", 0.3),
        ("SAME_SUBJECT_OVERLAP_COARSE", 0.5),
        ("DUPLICATE_TITLE_RATIO", 0.6),
    ],
)
def test_the_importers_thresholds_are_kept_and_named_in_one_place(name, value):
    assert getattr(matching, name) == value
