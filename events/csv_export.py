"""CSV of events for spreadsheets: `/events.csv` with the timeline's filters, and the editors' admin action.

One row per event, dates in reduced-precision ISO 8601 beside the precision, so a spreadsheet never
shows a day the releases did not give. Cells a spreadsheet would read as a formula (starting with
= + - @, or a tab or carriage return before one) are prefixed with an apostrophe (OWASP's advice on
CSV injection). Rows are streamed, so a large export holds little memory.
"""

import csv
from collections.abc import Iterable, Iterator

from django.db.models import Prefetch
from django.http import StreamingHttpResponse
from django.views.decorators.http import require_safe

from events import freshness
from events.dates import to_iso
from events.models import Event, Mention
from events.opendata import InvalidFilters, bad_filters, published_matching, read_filters
from events.views import DEFER

COLUMNS = (
    "id",
    "uid",
    "title",
    "kind",
    "status",
    "start",
    "end",
    "precision",
    "time",
    "time_zone",
    "location",
    "description",
    "url",
    "sources",
    "evidence",
)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CHUNK_SIZE = 1000


def safe_cell(value) -> str:
    """The cell's text; one a spreadsheet would run as a formula gets a leading apostrophe."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


class Echo:
    """A file-like object whose write returns the line, for csv.writer over a stream."""

    def write(self, value: str) -> str:
        return value


def row(event: Event, absolute) -> list[str]:
    mentions = list(event.mentions.all())
    values = (
        event.pk,
        event.uid,
        event.title,
        event.kind,
        event.status,
        to_iso(event.start_date, event.precision),
        to_iso(event.end_date, event.precision) if event.end_date else "",
        event.precision,
        event.start_time.strftime("%H:%M") if event.start_time else "",
        event.time_zone,
        event.location,
        event.description,
        absolute(event.get_absolute_url()),
        " | ".join(absolute(m.release.get_absolute_url()) for m in mentions),
        " | ".join(" ".join(m.evidence.split()) for m in mentions),
    )
    return [safe_cell(value) for value in values]


def with_sources(events):
    mentions = Mention.objects.select_related("release").only(
        "event_id", "evidence", "evidence_start", "release__id", "release__published_on"
    )
    return (
        events.defer(*DEFER)
        .order_by("start_date", "start_time", "pk")
        .prefetch_related(Prefetch("mentions", queryset=mentions.order_by("release__published_on", "evidence_start")))
    )


def lines(events: Iterable[Event], absolute) -> Iterator[str]:
    writer = csv.writer(Echo())
    yield "\ufeff"  # a byte-order mark: spreadsheets then read the file as UTF-8
    yield writer.writerow(COLUMNS)
    for event in events:
        yield writer.writerow(row(event, absolute))


def csv_response(events, absolute, filename: str) -> StreamingHttpResponse:
    response = StreamingHttpResponse(
        lines(with_sources(events).iterator(chunk_size=CHUNK_SIZE), absolute), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_safe
def events_csv(request):
    """/events.csv: the published events the timeline shows for the same filters."""
    try:
        filters = read_filters(request.GET)
    except InvalidFilters as error:
        return bad_filters(error)
    events = published_matching(filters)
    etag = freshness.etag_for(filters, "events-csv")
    if unchanged := freshness.not_modified(request, etag):
        return unchanged
    response = csv_response(events, request.build_absolute_uri, "events.csv")
    response["ETag"] = etag
    return response
