"""Models keep data valid: constraints, identity, derived fields, QuerySet reads."""

import datetime

import pytest
from django.db import IntegrityError, transaction

from events.models import Event

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
