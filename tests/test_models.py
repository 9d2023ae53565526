"""Models keep data valid: constraints, identity, derived fields, QuerySet reads."""

import datetime

import icalendar
import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from events.models import Event, Release

pytestmark = pytest.mark.django_db


def test_end_before_start_is_refused(make_event):
    with pytest.raises(IntegrityError), transaction.atomic():
        make_event(start_date=datetime.date(2020, 1, 23), end_date=datetime.date(2020, 1, 21))


@pytest.mark.parametrize("field, value", [("precision", "week"), ("kind", "party"), ("status", "archived")])
def test_values_outside_the_vocabulary_are_refused(make_event, field, value):
    with pytest.raises(IntegrityError), transaction.atomic():
        make_event(**{field: value})


def test_uid_is_unique_and_assigned_once(make_event):
    event = make_event()
    uid = event.uid
    event.title = "Renamed"
    event.save()
    assert Event.objects.get(pk=event.pk).uid == uid
    with pytest.raises(IntegrityError), transaction.atomic():
        make_event(uid=uid)


def test_release_identity_is_unique(make_release):
    release = make_release()
    with pytest.raises(IntegrityError), transaction.atomic():
        make_release(content_hash=release.content_hash)
    with pytest.raises(IntegrityError), transaction.atomic():
        make_release(source_name=release.source_name)


def test_str_shows_the_date_at_its_precision(make_event):
    assert str(make_event(title="Drills", start_date=datetime.date(2020, 11, 1), precision="month")) == (
        "November 2020: Drills"
    )
    ranged = make_event(title="Talks", start_date=datetime.date(2020, 1, 21), end_date=datetime.date(2020, 1, 23))
    assert str(ranged) == "21–23 January 2020: Talks"


def test_saving_refreshes_the_stored_calendar_component(make_event):
    event = make_event(title="Before")
    event.title = "After"
    event.save()
    assert "SUMMARY:After" in Event.objects.get(pk=event.pk).ical_component


def test_touch_bumps_sequence_and_modified(make_event):
    event = make_event()
    before = event.modified_at
    event.touch()
    event.save()
    event.refresh_from_db()
    assert event.sequence == 1 and event.modified_at > before


def test_queryset_reads(make_event):
    day = make_event(kind="visit", start_date=datetime.date(2020, 1, 16), location="Minsk")
    year = make_event(kind="exercise", start_date=datetime.date(2020, 1, 1), precision="year")
    ranged = make_event(start_date=datetime.date(2019, 12, 30), end_date=datetime.date(2020, 1, 2))
    draft = make_event(status="draft")
    assert draft not in Event.objects.published()
    assert list(Event.objects.of_kind("visit")) == [day]
    assert set(Event.objects.in_year(2020)) >= {day, year}
    assert list(Event.objects.exact_days().at_location("minsk")) == [day]
    assert set(Event.objects.between(datetime.date(2020, 1, 1), datetime.date(2020, 1, 1))) >= {ranged, year}


def test_cancelled_events_stay_in_feeds_for_a_while_if_subscribers_saw_them(make_event):
    seen = make_event(status="published")
    seen.status = "cancelled"
    seen.save()
    never = make_event(status="cancelled")
    in_feed = set(Event.objects.in_feed())
    assert seen in in_feed and never not in in_feed
    later = datetime.date.today() + datetime.timedelta(days=200)
    assert seen not in set(Event.objects.in_feed(today=later))


# --- validation in the editor's words (issue #10, case 3) ---------------------------------------


@pytest.mark.parametrize("precision", ["day", "month"])
def test_an_unknown_time_zone_is_a_validation_error(make_event, precision):
    event = Event(title="Talks", start_date=datetime.date(2020, 9, 1), precision=precision, time_zone="Moscow")
    event.start_time = datetime.time(10) if precision == "day" else None
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "“Moscow” is not a time zone name" in error.value.message_dict["time_zone"][0]


def test_end_before_start_is_said_in_plain_words(db):
    event = Event(title="Talks", start_date=datetime.date(2020, 1, 23), end_date=datetime.date(2020, 1, 21))
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert error.value.message_dict == {"end_date": ["The end date is before the start date."]}
    with pytest.raises(ValidationError) as error:
        event.validate_constraints()
    assert error.value.messages == ["The end date is before the start date."]


@pytest.mark.parametrize(
    "precision, start, end, first, last",
    [
        ("month", datetime.date(2020, 9, 15), None, datetime.date(2020, 9, 1), None),
        (
            "month",
            datetime.date(2020, 9, 15),
            datetime.date(2020, 10, 20),
            datetime.date(2020, 9, 1),
            datetime.date(2020, 10, 1),
        ),
        ("year", datetime.date(2020, 9, 15), None, datetime.date(2020, 1, 1), None),
    ],
)
def test_reduced_precision_dates_start_on_the_first_day(make_event, precision, start, end, first, last):
    event = make_event(start_date=start, end_date=end, precision=precision)
    event.refresh_from_db()
    assert (event.start_date, event.end_date) == (first, last)
    component = icalendar.Event.from_ical(event.ical_component)
    assert component["DTSTART"].dt == first


# --- deletion is withdrawal (issue #10, case 4) ----------------------------------------------------


def assert_withdrawn(event: Event, sequence: int) -> None:
    event = Event.objects.get(pk=event.pk)
    assert event.status == "cancelled" and event.sequence == sequence
    assert event in Event.objects.in_feed()
    assert "STATUS:CANCELLED" in event.ical_component


def test_deleting_a_published_event_withdraws_it(make_event):
    event = make_event()
    assert event.delete() == (0, {})
    assert_withdrawn(event, sequence=1)


def test_deleting_published_events_in_bulk_withdraws_them_and_deletes_drafts(make_event):
    published, draft = make_event(), make_event(status="draft")
    unpublished = make_event()
    unpublished.status = "draft"
    unpublished.save()  # back to draft, but subscribers may have it
    Event.objects.filter(pk__in=[published.pk, draft.pk, unpublished.pk]).delete()
    assert_withdrawn(published, sequence=1)
    assert_withdrawn(unpublished, sequence=2)
    assert not Event.objects.filter(pk=draft.pk).exists()


def test_deleting_a_release_withdraws_the_events_only_it_states(make_release, make_event, make_mention):
    release, other = make_release(), make_release()
    alone, shared, draft = make_event(), make_event(), make_event(status="draft")
    for event in (alone, shared, draft):
        make_mention(release=release, event=event)
    make_mention(release=other, event=shared)
    release.delete()
    assert_withdrawn(alone, sequence=1)
    shared.refresh_from_db()
    assert shared.status == "published" and shared.mentions.count() == 1
    assert not Event.objects.filter(pk=draft.pk).exists()
    Release.objects.filter(pk=other.pk).delete()
    assert_withdrawn(shared, sequence=1)


def test_a_save_from_a_stale_instance_never_takes_sequence_back(make_event):
    event = make_event()
    stale = Event.objects.get(pk=event.pk)
    event.title = "Renamed"
    event.save()  # SEQUENCE 1
    stale.recurs_yearly = True
    stale.save(update_fields=["recurs_yearly"])
    stale.title = "Renamed again"
    stale.save()
    event.refresh_from_db()
    assert (event.title, event.sequence, event.recurs_yearly) == ("Renamed again", 2, True)
    assert event.version == 3


def test_a_partial_save_from_a_stale_instance_keeps_the_stored_calendar_entry(make_event):
    event = make_event(title="Old title")
    stale = Event.objects.get(pk=event.pk)
    Event.objects.filter(pk=event.pk).update(title="New title")
    stale.recurs_yearly = True
    stale.save(update_fields=["recurs_yearly"])
    event.refresh_from_db()
    assert (event.title, event.recurs_yearly, event.sequence) == ("New title", True, 1)
    assert str(icalendar.Event.from_ical(event.ical_component)["SUMMARY"]) == "New title"
