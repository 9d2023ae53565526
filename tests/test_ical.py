"""events.ical: one event as a VEVENT, anniversaries, VTIMEZONEs."""

import datetime
from zoneinfo import ZoneInfo

import icalendar
import recurring_ical_events

from events.ical import build_anniversary, build_vtimezone, serialize_event


def parse(text: str) -> icalendar.Event:
    return icalendar.Event.from_ical(text)


def test_range_is_all_day_with_exclusive_end(make_event):
    event = make_event(start_date=datetime.date(2020, 1, 21), end_date=datetime.date(2020, 1, 23))
    component = parse(event.ical_component)
    assert component["DTSTART"].params["VALUE"] == "DATE"
    assert component.decoded("DTSTART") == datetime.date(2020, 1, 21)
    assert component.decoded("DTEND") == datetime.date(2020, 1, 24)


def test_month_precision_spans_month_and_says_approximate(make_event):
    event = make_event(title="Drills", start_date=datetime.date(2020, 11, 1), precision="month")
    component = parse(event.ical_component)
    assert component.decoded("DTSTART") == datetime.date(2020, 11, 1)
    assert component.decoded("DTEND") == datetime.date(2020, 12, 1)
    assert "November 2020" in str(component["SUMMARY"])
    assert "approximate" in str(component["SUMMARY"])
    assert "month only" in str(component["DESCRIPTION"])


def test_year_precision_spans_year(make_event):
    event = make_event(title="Reform", start_date=datetime.date(2021, 1, 1), precision="year")
    component = parse(event.ical_component)
    assert component.decoded("DTEND") == datetime.date(2022, 1, 1)
    assert "(2021, date approximate)" in str(component["SUMMARY"])


def test_timed_event_has_tzid(make_event):
    event = make_event(start_time=datetime.time(10, 30), time_zone="Europe/Moscow")
    start = parse(event.ical_component).decoded("DTSTART")
    assert start == datetime.datetime(2020, 1, 16, 10, 30, tzinfo=ZoneInfo("Europe/Moscow"))
    assert "DTSTART;TZID=Europe/Moscow:20200116T103000" in event.ical_component


def test_dtstamp_and_last_modified_are_utc(make_event):
    component = parse(make_event().ical_component)
    assert component.decoded("DTSTAMP").utcoffset() == datetime.timedelta(0)
    assert component["DTSTAMP"].to_ical().endswith(b"Z")
    assert component["LAST-MODIFIED"].to_ical().endswith(b"Z")


def test_hostile_title_cannot_inject_properties(make_event):
    title = 'Talks, "quotes"; semi\r\nBEGIN:VEVENT\r\nUID:evil\nСовещание в Москве ' + "длинный " * 20
    event = make_event(title=title)
    calendar = icalendar.Calendar.from_ical(f"BEGIN:VCALENDAR\r\n{event.ical_component}END:VCALENDAR\r\n")
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    assert str(events[0]["UID"]) == event.uid
    assert str(events[0]["SUMMARY"]) == title.replace("\r\n", "\n")
    for line in event.ical_component.split("\r\n"):
        assert len(line.encode("utf-8")) <= 75


def test_cancelled_event_says_so(make_event):
    assert parse(make_event(status="cancelled").ical_component)["STATUS"] == "CANCELLED"


def test_anniversary_recurs_yearly_from_founding(make_event):
    founding = make_event(title="Joint Staff founded", start_date=datetime.date(2003, 4, 28), recurs_yearly=True)
    component = build_anniversary(founding)
    assert str(component["SUMMARY"]) == "Anniversary: Joint Staff founded (since 2003)"
    assert component["UID"] != founding.uid
    calendar = icalendar.Calendar()
    calendar.add_component(component)
    days = [e.decoded("DTSTART") for e in recurring_ical_events.of(calendar).between((2020, 1, 1), (2023, 1, 1))]
    assert days == [datetime.date(2020, 4, 28), datetime.date(2021, 4, 28), datetime.date(2022, 4, 28)]


def test_29_february_is_marked_on_last_day_of_february(make_event):
    founding = make_event(start_date=datetime.date(2004, 2, 29), recurs_yearly=True)
    calendar = icalendar.Calendar()
    calendar.add_component(build_anniversary(founding))
    days = [e.decoded("DTSTART") for e in recurring_ical_events.of(calendar).between((2023, 1, 1), (2026, 1, 1))]
    assert days == [datetime.date(2023, 2, 28), datetime.date(2024, 2, 29), datetime.date(2025, 2, 28)]


def test_vtimezone_has_one_value_per_rdate():
    text = build_vtimezone("Europe/Moscow").to_ical().decode()
    rdates = [line for line in text.split("\r\n") if line.startswith("RDATE")]
    assert rdates
    assert all("," not in line for line in rdates)
    zone = icalendar.Timezone.from_ical(text)
    tz = zone.to_tz()
    # Summer 2005: MSD (+4); summer 2012: permanent +4; 2020: +3.
    assert datetime.datetime(2005, 7, 1, 12, tzinfo=tz).utcoffset() == datetime.timedelta(hours=4)
    assert datetime.datetime(2012, 7, 1, 12, tzinfo=tz).utcoffset() == datetime.timedelta(hours=4)
    assert datetime.datetime(2020, 1, 16, 12, tzinfo=tz).utcoffset() == datetime.timedelta(hours=3)


def test_serialization_is_stable(make_event):
    event = make_event()
    assert serialize_event(event) == event.ical_component


def test_ambiguous_local_time_is_written_in_utc(make_event):
    # Moscow set clocks back from 02:00 to 01:00 on 26 October 2014: 01:30 happened twice.
    event = make_event(start_date=datetime.date(2014, 10, 26), start_time=datetime.time(1, 30))
    assert "DTSTART:20141025T213000Z" in event.ical_component
    assert parse(event.ical_component).decoded("DTSTART") == datetime.datetime(
        2014, 10, 25, 21, 30, tzinfo=datetime.UTC
    )


def test_calendar_entries_link_to_the_event_page(make_event, settings):
    import icalendar

    settings.EVENTS_SITE_URL = "https://timeline.example.org/"
    event = make_event(title="Talks")
    component = icalendar.Event.from_ical(event.ical_component)
    assert str(component["URL"]) == f"https://timeline.example.org/events/{event.pk}/"
    assert f"https://timeline.example.org/events/{event.pk}/" in str(component["DESCRIPTION"])


def test_refresh_calendar_rebuilds_stored_entries_after_the_site_moves(make_event, settings):
    from io import StringIO

    import icalendar
    from django.core.management import call_command

    from events.models import Event

    event = make_event(title="Talks")
    settings.EVENTS_SITE_URL = "https://new.example.org"
    out = StringIO()
    call_command("refresh_calendar", stdout=out)
    stored = Event.objects.get(pk=event.pk)
    assert str(icalendar.Event.from_ical(stored.ical_component)["URL"]).startswith("https://new.example.org/")
    assert stored.sequence == event.sequence
    assert "1 calendar entries rebuilt" in out.getvalue()
