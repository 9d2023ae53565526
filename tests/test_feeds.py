"""events.feeds: every feed parsed back with icalendar, conditional GET, fixed query counts."""

import datetime
from io import StringIO

import icalendar
import pytest
import recurring_ical_events
from django.core.cache import cache
from django.utils import timezone

from events.feeds import apply_filters, read_filters
from events.models import Event, Kind


@pytest.fixture(autouse=True)
def clear_cache():
    cache.clear()
    yield
    cache.clear()


def fetch(client, url, **headers):
    response = client.get(url, headers=headers)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response, body


def parse(client, url) -> icalendar.Calendar:
    response, body = fetch(client, url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert body.endswith(b"END:VCALENDAR\r\n")
    assert b"\n" not in body.replace(b"\r\n", b"")
    return icalendar.Calendar.from_ical(body)


def uids(calendar) -> set[str]:
    return {str(e["UID"]) for e in calendar.walk("VEVENT")}


def test_calendar_holds_published_events_never_drafts(client, make_event):
    published = make_event()
    make_event(status="draft")
    calendar = parse(client, "/calendar.ics")
    assert uids(calendar) == {published.uid}


def test_calendar_properties(client, make_event):
    make_event()
    calendar = parse(client, "/calendar.ics")
    assert str(calendar["X-WR-CALNAME"]) == str(calendar["NAME"]) == "CSTO events timeline"
    assert calendar["X-WR-CALDESC"] and calendar["DESCRIPTION"]
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"]
    assert calendar.decoded("REFRESH-INTERVAL") == datetime.timedelta(hours=1)
    assert calendar["REFRESH-INTERVAL"].params["VALUE"] == "DURATION"
    assert str(calendar["X-PUBLISHED-TTL"]) == "PT1H"


def test_recently_cancelled_events_stay_as_cancelled(client, make_event):
    event = make_event()
    event.status = "cancelled"
    event.touch()
    event.save()
    old = make_event()
    old.status = "cancelled"
    old.save()
    Event.objects.filter(pk=old.pk).update(modified_at=timezone.now() - datetime.timedelta(days=120))
    never_published = make_event(status="cancelled")
    Event.objects.filter(pk=never_published.pk).update(published_once=False)
    calendar = parse(client, "/calendar.ics")
    (component,) = calendar.walk("VEVENT")
    assert str(component["UID"]) == event.uid
    assert component["STATUS"] == "CANCELLED"


def test_uid_stable_and_sequence_last_modified_follow_changes(client, make_event):
    event = make_event(title="Before")
    event.modified_at -= datetime.timedelta(hours=1)  # LAST-MODIFIED has one-second resolution
    event.save()
    first = parse(client, "/calendar.ics").walk("VEVENT")[0]
    event.title = "After"
    event.touch()
    event.save()
    second = parse(client, "/calendar.ics").walk("VEVENT")[0]
    assert str(second["UID"]) == str(first["UID"]) == event.uid
    assert second["SEQUENCE"] > first["SEQUENCE"]
    assert second.decoded("LAST-MODIFIED") > first.decoded("LAST-MODIFIED")
    assert str(second["SUMMARY"]) == "After"


def test_timed_events_have_a_vtimezone_for_each_zone(client, make_event):
    make_event(start_time=datetime.time(10), time_zone="Europe/Moscow")
    make_event(start_time=datetime.time(9), time_zone="Asia/Almaty")
    make_event(start_time=datetime.time(9), time_zone="Asia/Almaty")
    make_event()
    calendar = parse(client, "/calendar.ics")
    zones = sorted(str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE"))
    assert zones == ["Asia/Almaty", "Europe/Moscow"]
    used = {e["DTSTART"].params["TZID"] for e in calendar.walk("VEVENT") if "TZID" in e["DTSTART"].params}
    assert used == set(zones)


def test_feed_instants_match_the_database(client, make_event):
    event = make_event(start_date=datetime.date(2008, 7, 1), start_time=datetime.time(12), time_zone="Europe/Moscow")
    calendar = parse(client, "/calendar.ics")
    (occurrence,) = recurring_ical_events.of(calendar).between((2008, 1, 1), (2009, 1, 1))
    expected = datetime.datetime.combine(event.start_date, event.start_time, tzinfo=datetime.UTC)
    assert occurrence.decoded("DTSTART") == expected - datetime.timedelta(hours=4)  # MSD in 2008


def test_kind_feed(client, make_event):
    exercise = make_event(kind="exercise")
    make_event(kind="meeting")
    calendar = parse(client, "/calendar/exercise.ics")
    assert uids(calendar) == {exercise.uid}
    assert "Exercise" in str(calendar["X-WR-CALNAME"])
    assert client.get("/calendar/nonsense.ics").status_code == 404


@pytest.mark.parametrize(
    "query",
    [
        "kind=exercise",
        "year=2021",
        "location=Minsk",
        "q=drill",
        "precision=day",
        "kind=exercise&year=2021&precision=day",
    ],
)
def test_filters_match_the_same_queryset(client, make_event, query):
    make_event(kind="exercise", title="Command drill", location="Minsk", start_date=datetime.date(2021, 5, 3))
    make_event(kind="exercise", start_date=datetime.date(2021, 5, 1), precision="month")
    make_event(kind="meeting", location="Moscow", start_date=datetime.date(2020, 2, 3))
    make_event(kind="meeting", description="Staff drill review", start_date=datetime.date(2021, 1, 1), precision="year")
    make_event(kind="exercise", status="draft", location="Minsk")
    calendar = parse(client, f"/calendar.ics?{query}")
    from django.http import QueryDict

    expected = apply_filters(Event.objects.published(), read_filters(QueryDict(query)))
    assert uids(calendar) == set(expected.values_list("uid", flat=True))
    assert expected.exists()


def test_feeds_hold_exact_days_and_approximate_dates_are_a_choice(client, make_event):
    day = make_event()
    month = make_event(start_date=datetime.date(2020, 11, 1), precision="month")
    year = make_event(start_date=datetime.date(2020, 1, 1), precision="year")
    assert uids(parse(client, "/calendar.ics")) == {day.uid}
    assert uids(parse(client, "/calendar.ics?precision=day")) == {day.uid}
    assert uids(parse(client, "/calendar/meeting.ics")) == {day.uid}
    assert uids(parse(client, "/calendar.ics?precision=all")) == {day.uid, month.uid, year.uid}
    assert uids(parse(client, "/calendar.ics?precision=approximate")) == {month.uid, year.uid}
    assert uids(parse(client, "/calendar/approximate.ics")) == {month.uid, year.uid}
    assert uids(parse(client, "/calendar/approximate.ics?year=2020&kind=meeting")) == {month.uid, year.uid}


def test_bad_filters_are_rejected(client, db):
    assert client.get("/calendar.ics?year=twenty").status_code == 400
    assert client.get("/calendar.ics?kind=party").status_code == 400
    assert client.get("/calendar.ics?precision=hour").status_code == 400


def test_anniversaries_feed(client, make_event):
    founding = make_event(title="Joint Staff", start_date=datetime.date(2003, 4, 28), kind="decision")
    make_event(
        kind="anniversary", title="Joint Staff is 19", founding_event=founding, start_date=datetime.date(2022, 4, 28)
    )
    leap = make_event(title="Leap founding", start_date=datetime.date(2004, 2, 29), recurs_yearly=True)
    make_event(title="Not a founding")
    make_event(title="Month founding", start_date=datetime.date(2001, 5, 1), precision="month", recurs_yearly=True)
    calendar = parse(client, "/calendar/anniversaries.ics")
    assert uids(calendar) == {f"anniversary-{founding.uid}", f"anniversary-{leap.uid}"}
    summaries = {str(e["SUMMARY"]) for e in calendar.walk("VEVENT")}
    assert "Anniversary: Joint Staff (since 2003)" in summaries
    occurrences = recurring_ical_events.of(calendar).between((2023, 1, 1), (2024, 12, 31))
    days = sorted((e.decoded("DTSTART"), str(e["SUMMARY"])) for e in occurrences)
    assert [day for day, _ in days] == [
        datetime.date(2023, 2, 28),
        datetime.date(2023, 4, 28),
        datetime.date(2024, 2, 29),
        datetime.date(2024, 4, 28),
    ]


def test_single_event_download(client, make_event):
    event = make_event()
    calendar = parse(client, f"/events/{event.pk}/event.ics")
    assert uids(calendar) == {event.uid}
    response = client.get(f"/events/{event.pk}/event.ics")
    assert "attachment" in response["Content-Disposition"]
    assert client.get(f"/events/{make_event(status='draft').pk}/event.ics").status_code == 404
    assert client.get(f"/events/{make_event(status='cancelled').pk}/event.ics").status_code == 404
    assert client.get("/events/999999/event.ics").status_code == 404


def test_conditional_get(client, make_event):
    event = make_event()
    response, _ = fetch(client, "/calendar.ics")
    etag, last_modified = response["ETag"], response["Last-Modified"]
    not_modified, body = fetch(client, "/calendar.ics", if_none_match=etag)
    assert not_modified.status_code == 304
    assert body == b""
    assert not_modified["ETag"] == etag
    assert fetch(client, "/calendar.ics", if_modified_since=last_modified)[0].status_code == 304
    # Same URL, unchanged data: same validators.
    assert fetch(client, "/calendar.ics")[0]["ETag"] == etag
    # The default written out is the same feed; a different filter is a different body.
    assert fetch(client, "/calendar.ics?precision=day")[0]["ETag"] == etag
    assert fetch(client, "/calendar.ics?precision=all")[0]["ETag"] != etag

    event.title = "Changed"
    event.touch()
    event.modified_at += datetime.timedelta(seconds=5)  # Last-Modified has one-second resolution
    event.save()
    changed, body = fetch(client, "/calendar.ics", if_none_match=etag, if_modified_since=last_modified)
    assert changed.status_code == 200
    assert b"Changed" in body
    assert changed["ETag"] != etag


def feed_entry(client, url="/calendar.ics"):
    """(ETag, the only VEVENT) of a feed, parsed back."""
    response, body = fetch(client, url)
    assert response.status_code == 200
    (component,) = icalendar.Calendar.from_ical(body).walk("VEVENT")
    return response["ETag"], component


def test_a_plain_orm_save_reaches_subscribers(client, make_event):
    event = make_event(title="Old title")
    modified = event.modified_at
    etag, before = feed_entry(client)
    event = Event.objects.get(pk=event.pk)  # as manage.py shell would: no touch(), no admin
    event.title = "New title"
    event.save()
    new_etag, after = feed_entry(client)
    assert new_etag != etag
    assert str(after["SUMMARY"]) == "New title"
    assert after["SEQUENCE"] == before["SEQUENCE"] + 1
    assert Event.objects.get(pk=event.pk).modified_at > modified  # LAST-MODIFIED shows whole seconds


def test_a_bulk_queryset_update_reaches_subscribers(client, make_event):
    event = make_event(title="Old title")
    modified = event.modified_at
    etag, before = feed_entry(client)
    assert Event.objects.filter(pk=event.pk).update(title="New title") == 1
    new_etag, after = feed_entry(client)
    assert new_etag != etag
    assert str(after["SUMMARY"]) == "New title"
    assert after["SEQUENCE"] == before["SEQUENCE"] + 1
    assert Event.objects.get(pk=event.pk).modified_at > modified


def test_bulk_update_moves_every_row_it_changes(client, make_event):
    first, second = make_event(location="Minsk"), make_event(location="Minsk")
    first.location = second.location = "Astana"
    Event.objects.bulk_update([first, second], ["location"])
    calendar = parse(client, "/calendar.ics")
    assert {str(c["LOCATION"]) for c in calendar.walk("VEVENT")} == {"Astana"}
    assert {c["SEQUENCE"] for c in calendar.walk("VEVENT")} == {1}


def test_refresh_calendar_after_the_site_moves_reaches_subscribers(client, make_event, settings):
    from django.core.management import call_command

    make_event()
    etag, before = feed_entry(client)
    settings.EVENTS_SITE_URL = "https://new.example.org"
    call_command("refresh_calendar", stdout=StringIO())
    new_etag, after = feed_entry(client)
    assert new_etag != etag
    assert str(after["URL"]).startswith("https://new.example.org/")
    assert after["SEQUENCE"] == before["SEQUENCE"]  # nothing about the happening changed


def test_saving_without_a_calendar_change_keeps_sequence(make_event):
    event = make_event()
    event.editor_fields = ["title"]
    event.save()
    event.refresh_from_db()
    assert event.sequence == 0


def test_validators_change_when_an_event_is_added_or_drafted(client, make_event):
    event = make_event()
    etag = fetch(client, "/calendar.ics")[0]["ETag"]
    make_event(status="draft")
    assert fetch(client, "/calendar.ics")[0]["ETag"] == etag  # drafts are not in the feed
    added = make_event()
    second = fetch(client, "/calendar.ics")[0]["ETag"]
    assert second != etag
    Event.objects.filter(pk=added.pk).delete()
    assert fetch(client, "/calendar.ics")[0]["ETag"] != second
    assert event.pk


def test_query_count_does_not_grow(client, make_event, django_assert_num_queries):
    for day in range(1, 4):
        make_event(start_date=datetime.date(2020, 3, day), start_time=datetime.time(10))
    with django_assert_num_queries(3):  # validators, zones used, the stored components
        fetch(client, "/calendar.ics")
    for day in range(4, 29):
        make_event(start_date=datetime.date(2020, 3, day), start_time=datetime.time(10), time_zone="Asia/Almaty")
    cache.clear()
    with django_assert_num_queries(3):
        fetch(client, "/calendar.ics")
    with django_assert_num_queries(0):  # repeat: validators and body both cached
        fetch(client, "/calendar.ics")
    make_event(start_date=datetime.date(2020, 3, 30))
    with django_assert_num_queries(3):  # a saved event renews the validators
        _, body = fetch(client, "/calendar.ics")
    assert body.count(b"BEGIN:VEVENT") == 29


def test_large_feeds_stream(client, make_event, django_assert_num_queries, monkeypatch):
    from events.feeds import CalendarFeed

    monkeypatch.setattr(CalendarFeed, "cache_max_events", 2)
    for day in range(1, 6):
        make_event(start_date=datetime.date(2020, 3, day))
    with django_assert_num_queries(3):
        calendar = parse(client, "/calendar.ics")
    assert len(calendar.walk("VEVENT")) == 5


def test_feeds_page_lists_every_feed(client, db):
    response = client.get("/feeds/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "webcal://testserver/calendar.ics" in html
    assert "https://testserver/calendar.ics" in html
    assert "webcal://testserver/calendar/anniversaries.ics" in html
    assert "https://testserver/calendar/approximate.ics" in html
    assert "https://testserver/calendar/upcoming.ics" in html
    assert html.count("Copy address") >= len(Kind.values) + 5
    for kind in ("meeting", "exercise", "anniversary", "other"):
        assert f"webcal://testserver/calendar/{kind}.ics" in html


def test_feeds_stream_stored_components_without_rebuilding(client, make_event, monkeypatch):
    import events.ical

    event = make_event(title="Stored once")

    def fail(event):
        raise AssertionError("a feed request rebuilt a VEVENT")

    monkeypatch.setattr(events.ical, "build_vevent", fail)
    _, body = fetch(client, "/calendar.ics")
    assert event.ical_component.encode() in body


def test_head_answers_like_get(client, make_event):
    make_event()
    response = client.head("/calendar.ics")
    assert response.status_code == 200
    assert response["ETag"]


@pytest.mark.parametrize(
    "query", ["", "kind=meeting", "year=2020", "kind=exercise&year=2021", "location=minsk", "q=talks"]
)
def test_feed_holds_what_the_timeline_shows_for_the_same_filter(client, make_event, query):
    import datetime
    import re

    make_event(title="Talks in Minsk", kind="meeting", start_date=datetime.date(2020, 5, 5), location="Minsk")
    make_event(title="Drills", kind="exercise", start_date=datetime.date(2021, 1, 1), precision="year")
    make_event(title="Council session", kind="meeting", start_date=datetime.date(2021, 11, 1), precision="month")
    make_event(title="Draft talks", kind="meeting", start_date=datetime.date(2020, 5, 6), status="draft")
    page = client.get(f"/?{query}").content.decode()
    on_page = {int(pk) for pk in re.findall(r'href="/events/(\d+)/"', page)}
    feed = parse(client, f"/calendar.ics?{query}&precision=all")
    uids = {str(component["UID"]) for component in feed.walk("VEVENT")}
    in_feed = set(Event.objects.filter(uid__in=uids).values_list("pk", flat=True))
    assert on_page == in_feed
    assert on_page  # every filter above matches something


def test_calendar_text_properties_are_escaped_and_there_is_no_method(client, make_event):
    make_event(kind="exercise", location="Minsk", title="Drill, staff")
    response = client.get("/calendar.ics?kind=exercise&q=drill,staff&place=Minsk")
    body = b"".join(response.streaming_content).decode()
    lines = body.replace("\r\n ", "").split("\r\n")  # unfolded
    name = next(line for line in lines if line.startswith("X-WR-CALNAME:"))
    assert "\\," in name and ", " not in name.replace("\\, ", "")
    assert next(line for line in lines if line.startswith("NAME:")) == name.replace("X-WR-CALNAME:", "NAME:")
    assert "\\," in next(line for line in lines if line.startswith("X-WR-CALDESC:"))
    assert not any(line.startswith("METHOD:") for line in lines)


def test_upcoming_feed_holds_events_from_today(client, make_event):
    today = datetime.date.today()
    soon = make_event(start_date=today + datetime.timedelta(days=1))
    make_event(start_date=today - datetime.timedelta(days=10))
    assert uids(parse(client, "/calendar/upcoming.ics")) == {soon.uid}
