"""The small frozen values the extraction package returns."""

import datetime
from dataclasses import dataclass, field


class ReleaseError(ValueError):
    """A release file that cannot be read or has no recognisable date."""


@dataclass(frozen=True)
class DateValue:
    """A date expression read from text: first day, optional last day, and how much is known."""

    start: datetime.date
    end: datetime.date | None
    precision: str  # "day" | "month" | "year"
    text_start: int
    text_end: int
    text: str
    type: str  # explicit, range, month, year, relative, anaphoric, name, numeric, period
    time: datetime.time | None = None
    year_given: bool = True  # False when the year was not written but inferred
    pattern: str = ""  # the name of the date pattern that read it (dates.PATTERNS), for explanations

    def iso_start(self) -> str:
        return iso(self.start, self.precision)

    def iso_end(self) -> str | None:
        return iso(self.end, self.precision) if self.end else None


@dataclass(frozen=True)
class ExtractedEvent:
    start: datetime.date
    end: datetime.date | None
    precision: str
    kind: str
    title: str
    evidence: str
    evidence_start: int
    evidence_end: int
    date_text: str = ""
    date_start: int | None = None
    date_end: int | None = None
    time: datetime.time | None = None
    location: str | None = None
    anniversary_years: int | None = None
    founding: datetime.date | None = None
    founding_precision: str | None = None
    recurs_yearly: bool = False
    # Why the extractor made this event: "date: mdy", "kind: lexicon 'session'", ... (explain_release)
    rules: tuple[str, ...] = ()

    def as_json(self) -> dict:
        data = {
            "start": iso(self.start, self.precision),
            "end": iso(self.end, self.precision) if self.end else None,
            "precision": self.precision,
            "time": self.time.strftime("%H:%M") if self.time else None,
            "kind": self.kind,
            "title": self.title,
            "location": self.location,
            "evidence": self.evidence,
            "evidence_start": self.evidence_start,
            "evidence_end": self.evidence_end,
        }
        if self.anniversary_years is not None:
            data["anniversary_years"] = self.anniversary_years
        if self.founding is not None:
            data["founding"] = iso(self.founding, self.founding_precision or "day")
        if self.recurs_yearly:
            data["recurs_yearly"] = True
        if self.rules:
            data["rules"] = list(self.rules)
        return data

    def span(self) -> tuple[datetime.date, datetime.date]:
        return self.start, last_day(self.end or self.start, self.precision)


@dataclass(frozen=True)
class ExtractedRelease:
    title: str
    published: datetime.date | None
    published_time: datetime.time | None
    published_inferred: bool
    body: str
    body_start: int
    body_end: int
    events: tuple[ExtractedEvent, ...] = ()
    errors: tuple[str, ...] = field(default=())

    def as_json(self, file_name: str) -> dict:
        return {
            "file": file_name,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "published_time": self.published_time.strftime("%H:%M") if self.published_time else None,
            "published_inferred": self.published_inferred,
            "errors": list(self.errors),
            "events": [event.as_json() for event in self.events],
        }


def iso(value: datetime.date, precision: str) -> str:
    if precision == "year":
        return f"{value.year:04d}"
    if precision == "month":
        return f"{value.year:04d}-{value.month:02d}"
    return value.isoformat()


def last_day(value: datetime.date, precision: str) -> datetime.date:
    if precision == "year":
        return datetime.date(value.year, 12, 31)
    if precision == "month":
        nxt = datetime.date(value.year + value.month // 12, value.month % 12 + 1, 1)
        return nxt - datetime.timedelta(days=1)
    return value
