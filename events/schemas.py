"""The API's shapes (pydantic, via django-ninja) and the functions that fill them from rows.

The shapes are plain pydantic models filled from dicts built here, not ninja Schemas read from
ORM objects: pydantic's core then validates a page without a Python call per field.

Dates are reduced-precision ISO 8601, as in the extraction contract: `2024`, `2024-05`,
`2024-05-17`; a date known only to the month or year is never given a day.
"""

import datetime
from typing import Literal

from django.urls import reverse
from pydantic import BaseModel as Schema
from pydantic import Field

from events.dates import format_span, to_iso
from events.models import Event, Kind, Mention, Precision, Release, Status

KINDS = tuple(Kind.values)
ISO_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"


class ReleaseRef(Schema):
    id: int
    title: str
    published: str | None = Field(description="Publication date (ISO 8601), null when the release shows none.")
    url: str = Field(description="The release's page.")
    api_url: str
    source_url: str = Field(description="Address of the original publication; empty when unknown.")


class MentionOut(Schema):
    release: ReleaseRef
    evidence: str = Field(description="The words of the release that date the event, verbatim.")
    evidence_start: int = Field(description="Offset of the evidence in the release's original text.")
    evidence_end: int = Field(description="End offset (exclusive) of the evidence.")
    date_text: str = Field(description="The date expression as written.")


class EventLinks(Schema):
    html: str = Field(description="The event's page.")
    api: str
    ical: str | None = Field(description="The event as an iCalendar file; null when withdrawn.")


class EventOut(Schema):
    id: int
    uid: str = Field(description="Stable iCalendar UID, never reused.")
    title: str
    kind: Literal[KINDS]  # type: ignore[valid-type]
    kind_label: str
    status: Literal["published", "cancelled"] = Field(description="Cancelled: withdrawn by the editors.")
    start: str = Field(pattern=ISO_PATTERN, description="First day, month or year, at the event's precision.")
    end: str | None = Field(pattern=ISO_PATTERN, description="Last day, month or year (inclusive) of a range.")
    precision: Literal["day", "month", "year"]
    date_label: str = Field(description="The dates as the timeline shows them, e.g. `21–23 January 2020`.")
    time: str | None = Field(description="Start time (HH:MM) in `time_zone`, when the text states one.")
    time_zone: str
    location: str = Field(description="City, country or venue; empty when unknown.")
    place: str = Field(description="The city read from the location (gazetteer name); empty when unknown.")
    country: str = Field(description="The country of that place; empty when unknown.")
    description: str
    recurs_yearly: bool
    founding_event: int | None = Field(description="For an anniversary: the id of the event it marks.")
    merged_into: int | None = Field(description="For a duplicate merged away: the id of the event kept.")
    modified: datetime.datetime = Field(description="Last change a calendar would notice.")
    mentions: list[MentionOut]
    links: EventLinks


class EventPage(Schema):
    next: str | None = Field(description="URL of the next page, null on the last.")
    previous: str | None = Field(description="URL of the previous page, null on the first.")
    results: list[EventOut]


class ReleaseOut(ReleaseRef):
    source_name: str
    published_time: str | None
    published_inferred: bool = Field(description="The publication date was inferred from the text.")
    language: str


class ReleaseEvent(Schema):
    id: int
    title: str
    api_url: str
    evidence: str
    evidence_start: int
    evidence_end: int


class ReleaseDetail(ReleaseOut):
    text: str = Field(description="The release exactly as imported; every evidence offset points into it.")
    events: list[ReleaseEvent] = Field(description="The published events this release states, in text order.")


class ReleasePage(Schema):
    next: str | None
    previous: str | None
    results: list[ReleaseOut]


class Problem(Schema):
    detail: str
    errors: dict[str, list[str]] = Field(default_factory=dict, description="Messages per parameter.")


# Builders ----------------------------------------------------------------------------------------


# A number no row has: each link pattern is reversed once per request with it, then filled per row
# (reverse() for every link of every row was the largest cost of a page).
PLACEHOLDER = 4_611_686_018_427_387_904


class Links:
    """Absolute URLs of one request's rows."""

    def __init__(self, request):
        self.root = request.build_absolute_uri("/").removesuffix("/")
        self.event_html = self.pattern("events:event-detail")
        self.event_api = self.pattern("api:event")
        self.event_ics = self.pattern("events:event-ics")
        self.release_html = self.pattern("events:release-detail")
        self.release_api = self.pattern("api:release")

    def pattern(self, name: str) -> str:
        return self.root + reverse(name, args=[PLACEHOLDER]).replace(str(PLACEHOLDER), "{}")


def release_ref(release: Release, links: Links) -> dict:
    return {
        "id": release.pk,
        "title": release.title,
        "published": release.published_on.isoformat() if release.published_on else None,
        "url": links.release_html.format(release.pk),
        "api_url": links.release_api.format(release.pk),
        "source_url": release.source_url,
    }


def release_out(release: Release, links: Links) -> dict:
    return {
        **release_ref(release, links),
        "source_name": release.source_name,
        "published_time": release.published_time.strftime("%H:%M") if release.published_time else None,
        "published_inferred": release.published_inferred,
        "language": release.language,
    }


def mention_out(mention: Mention, links: Links) -> dict:
    return {
        "release": release_ref(mention.release, links),
        "evidence": mention.evidence,
        "evidence_start": mention.evidence_start,
        "evidence_end": mention.evidence_end,
        "date_text": mention.date_text,
    }


def event_out(event: Event, links: Links) -> dict:
    """One event as the API shows it; `event.mentions` should be prefetched with their releases."""
    return {
        "id": event.pk,
        "uid": event.uid,
        "title": event.title,
        "kind": event.kind,
        "kind_label": Kind(event.kind).label,
        "status": event.status,
        "start": to_iso(event.start_date, event.precision),
        "end": to_iso(event.end_date, event.precision) if event.end_date else None,
        "precision": event.precision,
        "date_label": format_span(event.start_date, event.end_date, event.precision),
        "time": event.start_time.strftime("%H:%M") if event.start_time and event.precision == Precision.DAY else None,
        "time_zone": event.time_zone,
        "location": event.location,
        "place": event.place,
        "country": event.country,
        "description": event.description,
        "recurs_yearly": event.recurs_yearly,
        "founding_event": event.founding_event_id,
        "merged_into": event.merged_into_id,
        "modified": event.modified_at,
        "mentions": [mention_out(mention, links) for mention in event.mentions.all()],
        "links": {
            "html": links.event_html.format(event.pk),
            "api": links.event_api.format(event.pk),
            "ical": links.event_ics.format(event.pk) if event.status == Status.PUBLISHED else None,
        },
    }
