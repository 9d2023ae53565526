"""One event as an iCalendar VEVENT, serialised once when the event changes.

Feeds stream the stored text instead of rebuilding every component on every request.
"""

import datetime
import re
from zoneinfo import ZoneInfo

import icalendar
from django.conf import settings

from events.dates import format_span, last_day

PRECISION_NOTES = {
    "month": "Date known to the month only ({label}); the day is not given in the source.",
    "year": "Date known to the year only ({label}); the day and month are not given in the source.",
}


# RFC 5545 3.3.11: a TEXT value holds no CONTROL character but HTAB; a line break inside a value
# is written escaped (\n). Every break a text may carry (CR, LF, VT, FF, NEL, U+2028/9…) becomes
# one escaped \n, and other control characters are dropped, whoever supplied the text.
_LINE_BREAKS = re.compile("\r\n|[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
# What a serialised component may hold once its CRLF line ends are set aside: no other control.
_UNSAFE = re.compile("[\x00-\x08\x0a-\x1f\x7f]")


class UnsafeCalendarText(ValueError):
    """Serialised iCalendar text that would break a content line (never written)."""


def calendar_text(value: str) -> icalendar.vText:
    """A TEXT value as the writer sends it: line breaks escaped, other control characters dropped.

    icalendar guards property values only with `assert` (gone under `python -O`) and writes
    NAME/X-WR-CALNAME unescaped; wrapping every text in vText after this cleaning does not depend
    on either.
    """
    return icalendar.vText(_CONTROLS.sub("", _LINE_BREAKS.sub("\n", value)))


def checked(text: str) -> str:
    """Serialised iCalendar text, refused (UnsafeCalendarText) if any line holds a control character."""
    match = _UNSAFE.search(text.replace("\r\n", ""))
    if match:
        raise UnsafeCalendarText(f"control character U+{ord(match.group()):04X} in calendar text")
    return text


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
    if event.pk:
        parts.append(f"Sources and details: {page_url(event)}")
    return "\n\n".join(parts)


def page_url(event) -> str:
    """The event's page, where the release sentences that date it are quoted."""
    return f"{settings.EVENTS_SITE_URL.rstrip('/')}{event.get_absolute_url()}"


def exclusive_end(event) -> datetime.date:
    """All-day DTEND is exclusive: a 21-23 January range ends on 24 January."""
    last = last_day(event.end_date or event.start_date, event.precision)
    return last + datetime.timedelta(days=1)


def local_time(day: datetime.date, time: datetime.time, zone: ZoneInfo) -> datetime.datetime:
    """A wall-clock time in its zone (written with TZID), or in UTC when the zone makes it ambiguous.

    A time the clock shows twice (autumn change) or never (spring change) is read differently by
    different clients (ical.js takes the later offset, Python the earlier); UTC is read alike by all.
    We take the first reading (fold=0).
    """
    value = datetime.datetime.combine(day, time, tzinfo=zone)
    if value.utcoffset() != value.replace(fold=1).utcoffset():
        return value.astimezone(datetime.UTC)
    return value


def build_vevent(event) -> icalendar.Event:
    component = icalendar.Event()
    component.add("uid", event.uid)
    component.add("dtstamp", event.modified_at.astimezone(datetime.UTC))
    component.add("last-modified", event.modified_at.astimezone(datetime.UTC))
    component.add("created", event.created_at.astimezone(datetime.UTC) if event.created_at else event.modified_at)
    component.add("sequence", event.sequence)
    component.add("summary", calendar_text(summary_for(event)))
    component.add("description", calendar_text(description_for(event)))
    component.add("categories", [event.get_kind_display()])
    if event.location:
        component.add("location", calendar_text(event.location))
    if event.pk:
        component.add("url", page_url(event))
    if event.start_time is not None and event.precision == "day":
        zone = ZoneInfo(event.time_zone)
        component.add("dtstart", local_time(event.start_date, event.start_time, zone))
        if event.end_date and event.end_date != event.start_date:
            component.add("dtend", local_time(exclusive_end(event), datetime.time.min, zone))
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
    return checked(build_vevent(event).to_ical().decode("utf-8"))


def anniversary_summary(founding) -> str:
    return f"Anniversary: {founding.title} (since {founding.start_date.year})"


def build_anniversary(founding) -> icalendar.Event:
    """A founding date marked every year: one all-day VEVENT with RRULE:FREQ=YEARLY.

    29 February policy: a founding on 29 February is marked on the last day of February every
    year (28 February in common years) with BYMONTH=2;BYMONTHDAY=-1, which every client expands
    the same way; a bare FREQ=YEARLY from 29 February is read differently by different clients.
    """
    start = founding.start_date
    component = icalendar.Event()
    component.add("uid", f"anniversary-{founding.uid}")
    stamp = founding.modified_at.astimezone(datetime.UTC)
    component.add("dtstamp", stamp)
    component.add("last-modified", stamp)
    component.add("sequence", founding.sequence)
    component.add("summary", calendar_text(anniversary_summary(founding)))
    component.add(
        "description",
        calendar_text(f"Every year on the anniversary of: {founding.title} ({format_span(start, None, 'day')})."),
    )
    component.add("categories", ["Anniversary"])
    if founding.location:
        component.add("location", calendar_text(founding.location))
    component.add("dtstart", start)
    component.add("dtend", start + datetime.timedelta(days=1))
    if (start.month, start.day) == (2, 29):
        component.add("rrule", {"freq": "yearly", "bymonth": 2, "bymonthday": -1})
    else:
        component.add("rrule", {"freq": "yearly"})
    component.add("transp", "TRANSPARENT")
    component.add("status", "CANCELLED" if founding.status == "cancelled" else "CONFIRMED")
    return component


def build_vtimezone(tzid: str) -> icalendar.Timezone:
    """The VTIMEZONE for an IANA zone, with one value per RDATE property.

    ical.js (Thunderbird) reads only the first value of an RDATE that lists several, which moves
    Moscow times by an hour; one value per property is read the same way by every client.
    """
    zone = icalendar.Timezone.from_tzid(tzid)
    for observance in zone.subcomponents:
        rdates = observance.pop("RDATE", None)
        if rdates is None:
            continue
        for rdate in rdates if isinstance(rdates, list) else [rdates]:
            for value in rdate.dts:
                observance.add("rdate", value.dt)
    return zone


def serialize_vtimezone(tzid: str) -> str:
    return checked(build_vtimezone(tzid).to_ical().decode("utf-8"))
