"""One event as an iCalendar VEVENT, serialised once when the event changes.

Feeds stream the stored text instead of rebuilding every component on every request.
"""

import datetime
from zoneinfo import ZoneInfo

import icalendar

from events.dates import format_span, last_day

PRECISION_NOTES = {
    "month": "Date known to the month only ({label}); the day is not given in the source.",
    "year": "Date known to the year only ({label}); the day and month are not given in the source.",
}


def summary_for(event) -> str:
    """The SUMMARY line; reduced-precision dates say so, so no client shows them as a real day."""
    if event.precision == "day":
        return event.title
    return f"{event.title} ({format_span(event.start_date, event.end_date, event.precision)}, date approximate)"


def description_for(event) -> str:
    parts = []
    note = PRECISION_NOTES.get(event.precision)
    if note:
        parts.append(note.format(label=format_span(event.start_date, event.end_date, event.precision)))
    if event.description:
        parts.append(event.description)
    parts.append(f"Kind: {event.get_kind_display()}")
    return "\n\n".join(parts)


def exclusive_end(event) -> datetime.date:
    """All-day DTEND is exclusive: a 21-23 January range ends on 24 January."""
    last = last_day(event.end_date or event.start_date, event.precision)
    return last + datetime.timedelta(days=1)


def build_vevent(event) -> icalendar.Event:
    component = icalendar.Event()
    component.add("uid", event.uid)
    component.add("dtstamp", event.modified_at.astimezone(datetime.UTC))
    component.add("last-modified", event.modified_at.astimezone(datetime.UTC))
    component.add("created", event.created_at.astimezone(datetime.UTC) if event.created_at else event.modified_at)
    component.add("sequence", event.sequence)
    component.add("summary", summary_for(event))
    component.add("description", description_for(event))
    component.add("categories", [event.get_kind_display()])
    if event.location:
        component.add("location", event.location)
    if event.start_time is not None and event.precision == "day":
        zone = ZoneInfo(event.time_zone)
        start = datetime.datetime.combine(event.start_date, event.start_time, tzinfo=zone)
        component.add("dtstart", start)
        if event.end_date and event.end_date != event.start_date:
            component.add("dtend", datetime.datetime.combine(exclusive_end(event), datetime.time.min, tzinfo=zone))
        else:
            component.add("duration", datetime.timedelta(hours=1))
    else:
        component.add("dtstart", event.start_date)
        component.add("dtend", exclusive_end(event))
        component.add("transp", "TRANSPARENT")
    if event.status == "cancelled":
        component.add("status", "CANCELLED")
    else:
        component.add("status", "CONFIRMED")
    return component


def serialize_event(event) -> str:
    return build_vevent(event).to_ical().decode("utf-8")
