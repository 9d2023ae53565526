"""Dates with a precision: reduced ISO 8601 strings and human labels."""

import calendar
import datetime

from events.extraction.model import iso as to_iso
from events.extraction.model import last_day

__all__ = ["format_date", "format_span", "from_iso", "last_day", "to_iso"]

MONTH_NAMES = tuple(calendar.month_name)


def from_iso(text: str) -> tuple[datetime.date, str]:
    """Parse a reduced-precision ISO date (`2020`, `2020-01`, `2020-01-16`) into (first day, precision)."""
    parts = text.split("-")
    if len(parts) == 1:
        return datetime.date(int(parts[0]), 1, 1), "year"
    if len(parts) == 2:
        return datetime.date(int(parts[0]), int(parts[1]), 1), "month"
    return datetime.date.fromisoformat(text), "day"


def format_date(value: datetime.date, precision: str) -> str:
    if precision == "year":
        return str(value.year)
    if precision == "month":
        return f"{MONTH_NAMES[value.month]} {value.year}"
    return f"{value.day} {MONTH_NAMES[value.month]} {value.year}"


def format_span(start: datetime.date, end: datetime.date | None, precision: str) -> str:
    """`21–23 January 2020`, `30 September – 2 October 2020`, `September–October 2020`, `2020`."""
    if end is None or end == start:
        return format_date(start, precision)
    if precision == "day":
        if (start.year, start.month) == (end.year, end.month):
            return f"{start.day}–{end.day} {MONTH_NAMES[end.month]} {end.year}"
        if start.year == end.year:
            return f"{start.day} {MONTH_NAMES[start.month]} – {end.day} {MONTH_NAMES[end.month]} {end.year}"
    elif precision == "month" and start.year == end.year:
        return f"{MONTH_NAMES[start.month]}–{MONTH_NAMES[end.month]} {end.year}"
    return f"{format_date(start, precision)} – {format_date(end, precision)}"
