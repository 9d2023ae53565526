"""The read-only JSON API under /api/ (django-ninja): published events and the releases that state them.

The list takes the timeline's own filters, validated by the timeline's form and applied by
`EventQuerySet.filtered`, so the API never has a filter grammar of its own. Pages are cursors
(ninja's CursorPagination: a position in the ordering plus an offset among equal positions), so a
deep page costs what the first does. Every answer carries an ETag; a repeat request with
If-None-Match is answered 304 (`events.freshness`). Drafts are never shown.
"""

import datetime
from typing import Annotated

from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from ninja import Field, NinjaAPI, Query, Schema
from ninja.errors import ValidationError
from ninja.pagination import CursorPagination
from ninja.responses import Status as Answer
from pydantic import WithJsonSchema, create_model

from events import freshness
from events import params as parameters
from events.models import Event, Mention, Status
from events.opendata import FILTERS, InvalidFilters, public_releases, published_matching, read_filters
from events.schemas import EventOut, EventPage, Links, Problem, ReleaseDetail, ReleasePage, event_out, release_out
from events.views import DEFER, ordering_of

PAGE_SIZE = 50
MAX_PAGE_SIZE = 200

api = NinjaAPI(
    title="CSTO events timeline API",
    version="1",
    description=(
        "Read-only access to the published events of the CSTO events timeline and to the press releases "
        "they are read from. Dates are reduced-precision ISO 8601 (`2024`, `2024-05`, `2024-05-17`): an "
        "event known only to the month or the year is never given a day. Lists are paged with opaque "
        "cursors (`next`/`previous` URLs). Every answer has an ETag: send it back in If-None-Match to get "
        "304 Not Modified while nothing changed."
    ),
    urls_namespace="api",
    openapi_url="/openapi.json",
    docs_url="/docs/",
)


@api.exception_handler(ValidationError)
def bad_parameter(request, error: ValidationError):
    """Malformed parameters (a cursor, a page size) answer 400 in the same shape as a bad filter."""
    errors: dict[str, list[str]] = {}
    for item in error.errors:
        location = [str(part) for part in item.get("loc", ()) if part not in ("query", "path")]
        name = location[-1] if location else next(iter(item), "request")
        errors.setdefault(name, []).append(str(item.get("msg") or item.get(name) or item))
    return api.create_response(request, {"detail": "Invalid parameter.", "errors": errors}, status=400)


def read(path: str, **options):
    """A GET operation that answers HEAD too (clients and proxies check validators with it).

    HEAD is registered as its own operation left out of the schema: it is GET without a body, and
    OpenAPI wants one operation id per method.
    """

    def register(view):
        api.get(path, **options)(view)
        api.api_operation(["HEAD"], path, response=options["response"], include_in_schema=False)(view)
        return view

    return register


# The list's parameters that `events.params` reads: the timeline's filters and its order. Its OpenAPI
# description is built from them, so a filter added there is documented with its values at once.
LIST_PARAMETERS = (*FILTERS, "order")


def query_schema(name: str, names: tuple[str, ...], doc: str) -> type[Schema]:
    """A ninja query model documenting `events.params` parameters: each one's JSON Schema and words.

    The values stay strings here: `events.params.read` judges them (its 400s name the parameter), so
    a kind given as `Exercise` is taken as the timeline takes it.
    """
    fields = {}
    for parameter in (parameters.PARAMETERS[name] for name in names):
        documented = WithJsonSchema({**parameter.schema, "description": parameter.help})
        fields[parameter.name] = (Annotated[str | None, documented], Field(None, description=parameter.help))
    return create_model(name, __base__=Schema, __doc__=doc, **fields)


EventFilters = query_schema(
    "EventFilters", LIST_PARAMETERS, "The timeline's filters and order, as `events.params` reads them."
)


class PageParams(Schema):
    cursor: str | None = Field(None, description="Opaque cursor from a previous page's `next` or `previous`.")
    page_size: int | None = Field(None, ge=1, le=MAX_PAGE_SIZE, description=f"Items per page (default {PAGE_SIZE}).")


class Cursors(CursorPagination):
    """ninja's cursor pagination, with positions checked before they reach a query."""

    def __init__(self, ordering: tuple[str, ...], position_type=str):
        super().__init__(ordering=ordering, page_size=PAGE_SIZE, max_page_size=MAX_PAGE_SIZE)
        self.position_type = position_type

    def _find_position(self, queryset, cursor):
        if cursor.p is not None:
            try:
                self.position_type(cursor.p)
            except ValueError:
                raise ValidationError([{"cursor": "Invalid cursor"}]) from None
        return super()._find_position(queryset, cursor)

    def page(self, queryset, params: PageParams, request) -> dict:
        return self.paginate_queryset(queryset, self.Input(cursor=params.cursor, page_size=params.page_size), request)


# The timeline's orders (`events.views.ordering_of`): newest first by default, best match first for a search.
EVENT_CURSORS = {
    "newest": Cursors(("-start_date", "-start_time", "-pk"), position_type=datetime.date.fromisoformat),
    "oldest": Cursors(("start_date", "start_time", "pk"), position_type=datetime.date.fromisoformat),
    "relevance": Cursors(("-relevance", "-start_date", "-pk"), position_type=float),
}
RELEASE_CURSORS = Cursors(("-pk",), position_type=int)


MENTION_FIELDS = ("event_id", "release_id", "evidence", "evidence_start", "evidence_end", "date_text")
RELEASE_REF_FIELDS = ("title", "published_on", "source_url")


def with_mentions(events):
    mentions = (
        Mention.objects.select_related("release")
        .only(*MENTION_FIELDS, *(f"release__{name}" for name in RELEASE_REF_FIELDS))
        .order_by("release__published_on", "evidence_start")
    )
    return events.defer(*DEFER).prefetch_related(Prefetch("mentions", queryset=mentions))


def conditional(
    request: HttpRequest, response: HttpResponse, scope: str, filters: dict | None = None, extra: str = ""
) -> HttpResponse | None:
    """Set the ETag of this answer; a 304 when the client holds it already."""
    etag = freshness.etag_for(filters or {}, scope, extra)
    response["ETag"] = etag
    response["Cache-Control"] = "public, max-age=300"
    return freshness.not_modified(request, etag)


@read(
    "/events",
    response={200: EventPage, 400: Problem},
    url_name="events",
    summary="Published events, filtered like the timeline",
    tags=["events"],
)
def list_events(request, response: HttpResponse, filters: Query[EventFilters], page: Query[PageParams]):
    """Published events in the timeline's order (newest first; best match first for a search), with its filters."""
    try:
        filters = read_filters(request.GET)
    except InvalidFilters as error:
        return Answer(400, {"detail": str(error), "errors": error.errors})
    try:
        order = ordering_of({**filters, **parameters.read(request.GET, ("order",))}, upcoming=False)
    except parameters.InvalidParameter as error:
        return Answer(400, {"detail": str(error), "errors": {"order": [str(error)]}})
    events = published_matching(filters)
    extra = f"{order}|{page.cursor}|{page.page_size}"
    if unchanged := conditional(request, response, "api-events", filters, extra):
        return unchanged
    links = Links(request)
    if order == "relevance":
        events = events.ranked(filters["q"])
    result = EVENT_CURSORS[order].page(with_mentions(events), page, request)
    result["results"] = [event_out(event, links) for event in result["results"]]
    return result


def event_response(request, response: HttpResponse, **lookup):
    # Published and withdrawn events, like the event page; never drafts.
    events = Event.objects.public().filter(**lookup)
    if unchanged := conditional(request, response, f"api-event|{sorted(lookup.items())}"):
        return unchanged
    event = get_object_or_404(with_mentions(events))
    return event_out(event, Links(request))


@read(
    "/events/{int:event_id}",
    response={200: EventOut, 400: Problem},
    url_name="event",
    summary="One event by id",
    tags=["events"],
)
def get_event(request, response: HttpResponse, event_id: int):
    return event_response(request, response, pk=event_id)


@read(
    "/events/uid/{uid}",
    response={200: EventOut, 400: Problem},
    url_name="event-by-uid",
    summary="One event by its UID",
    tags=["events"],
)
def get_event_by_uid(request, response: HttpResponse, uid: str):
    """The UID is the one in the iCalendar feeds, so a calendar entry leads back to its event."""
    return event_response(request, response, uid=uid)


@read(
    "/releases",
    response={200: ReleasePage, 400: Problem},
    url_name="releases",
    summary="Press releases",
    tags=["releases"],
)
def list_releases(request, response: HttpResponse, page: Query[PageParams]):
    """Releases, most recently imported first; a release appears once one of its events is published."""
    extra = f"{page.cursor}|{page.page_size}"
    if unchanged := conditional(request, response, "api-releases", extra=extra):
        return unchanged
    result = RELEASE_CURSORS.page(public_releases().defer("original_text", "body"), page, request)
    links = Links(request)
    result["results"] = [release_out(release, links) for release in result["results"]]
    return result


@read(
    "/releases/{int:release_id}",
    response={200: ReleaseDetail, 400: Problem},
    url_name="release",
    summary="One release with its text and events",
    tags=["releases"],
)
def get_release(request, response: HttpResponse, release_id: int):
    if unchanged := conditional(request, response, f"api-release|{release_id}"):
        return unchanged
    release = get_object_or_404(public_releases(), pk=release_id)
    links = Links(request)
    mentions = release.mentions.filter(event__status=Status.PUBLISHED).select_related("event").in_text_order()
    return {
        **release_out(release, links),
        "text": release.original_text,
        "events": [
            {
                "id": mention.event_id,
                "title": mention.event.title,
                "api_url": links.event_api.format(mention.event_id),
                "evidence": mention.evidence,
                "evidence_start": mention.evidence_start,
                "evidence_end": mention.evidence_end,
            }
            for mention in mentions
        ],
    }
