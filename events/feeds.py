"""iCalendar feeds: one base class, a subclass per feed; varying values are hooks.

A feed streams the VEVENT text stored on each event (serialised once, on save), so its cost is a
fixed number of queries and does not rebuild components per request. Validators (ETag and
Last-Modified) come from one aggregate query, so a polling client's repeat request costs one query.
"""

import datetime
import hashlib
import itertools
import uuid
from collections.abc import Iterable, Iterator

import icalendar
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Count, Max
from django.http import Http404, HttpResponseBadRequest, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date, quote_etag
from django.views import View

from events import params as parameters
from events.ical import build_anniversary, calendar_text, checked, serialize_vtimezone
from events.models import Event, Kind, Precision

# Bump when the serialised form changes, so cached bodies and clients' validators are refreshed.
FORMAT_VERSION = "3"
REFRESH = datetime.timedelta(hours=1)
CANCELLED_DAYS = 90
CHUNK_SIZE = 2000
CONTENT_TYPE = "text/calendar; charset=utf-8"
GENERATION_KEY = "feeds:generation"
SUMMARY_TIMEOUT = 60
# Largest body kept in the cache: a bigger one is rebuilt per full request (304s still cost nothing).
CACHE_MAX_BYTES = 2_000_000
CACHE_TIMEOUT = 24 * 3600
END = "END:VCALENDAR\r\n"


class CalendarFeed(View):
    """Base feed: subclasses set `title`/`description` and override `items()`."""

    title = ""
    description = "Events of the Collective Security Treaty Organization, read from its press releases."
    filename = "calendar.ics"
    # Feeds whose body is at most this many events are cached whole; bigger ones are streamed.
    cache_max_events = 5000
    # An empty result is "no such thing" (single-event download), not an empty calendar.
    empty_is_404 = False

    def get(self, request, **kwargs):
        try:
            self.params = self.read_params(request)
        except parameters.InvalidParameter as error:
            return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")
        queryset = self.items()
        summary = self.summary(queryset)
        if summary["count"] == 0 and self.empty_is_404:
            raise Http404("No such event.")
        etag = self.etag(summary)
        last_modified = summary["modified"]
        response = StreamingHttpResponse(content_type=CONTENT_TYPE)
        response["ETag"] = etag
        if last_modified is not None:
            response["Last-Modified"] = http_date(last_modified.timestamp())
        response["Cache-Control"] = f"public, max-age={int(REFRESH.total_seconds()) // 4}"
        response["Content-Disposition"] = f'inline; filename="{self.filename}"'
        # A 304 carries the same ETag, Last-Modified and Cache-Control as the full answer.
        not_modified = get_conditional_response(
            request,
            etag=etag,
            last_modified=last_modified and int(last_modified.timestamp()),
            response=response,
        )
        if not_modified is not response:
            return not_modified
        if summary["count"] <= self.cache_max_events:
            response.streaming_content = [self.cached_body(queryset, etag)]
        else:
            response.streaming_content = (chunk.encode("utf-8") for chunk in self.body(queryset))
        return response

    def cached_body(self, queryset, etag: str) -> bytes:
        """The whole body, from the cache when this feed may be cached.

        Only feeds whose parameters come from a small fixed set are cached (`params.is_finite`:
        kind, year, precision), under their canonical parameters' ETag, and only up to
        CACHE_MAX_BYTES: a free-text filter is answered by one query and never fills the cache.
        """
        cacheable = parameters.is_finite(self.params)
        key = f"feed:{etag}"
        body = cache.get(key) if cacheable else None
        if body is None:
            body = "".join(self.body(queryset)).encode("utf-8")
            if cacheable and len(body) <= CACHE_MAX_BYTES:
                cache.set(key, body, timeout=CACHE_TIMEOUT)
        return body

    # Hooks ---------------------------------------------------------------------------------

    def read_params(self, request) -> dict:
        return {}

    def items(self):
        return Event.objects.in_feed(cancelled_days=CANCELLED_DAYS).chronological()

    def calendar_name(self) -> str:
        return f"{settings.EVENTS_SITE_NAME}{' — ' + self.title if self.title else ''}"

    def components(self, queryset) -> Iterable[str]:
        return queryset.values_list("ical_component", flat=True).iterator(chunk_size=CHUNK_SIZE)

    def time_zones(self, queryset) -> list[str]:
        timed = queryset.filter(start_time__isnull=False, precision=Precision.DAY)
        return sorted(set(timed.order_by().values_list("time_zone", flat=True).distinct()))

    # Assembly --------------------------------------------------------------------------------

    def summary(self, queryset) -> dict:
        """Count and latest change of the feed's events: one aggregate query, briefly cached.

        Every write to events moves this data: a calendar change moves `modified_at` (whoever saves,
        `Event.save` and `EventQuerySet.update`), so the ETag and the cached body's key follow it.
        The cached copy is keyed by a generation that every save, bulk update or delete renews, so
        a change shows at once; the short timeout bounds staleness when the writer is another
        process with its own memory cache (no REDIS_URL), and lets the cancelled-event window move.
        """
        generation = current_generation()
        params = sorted({**self.kwargs, **self.params}.items())
        source = f"{FORMAT_VERSION}|{generation}|{type(self).__name__}|{params}"
        key = "feed-summary:" + hashlib.sha256(source.encode()).hexdigest()
        summary = cache.get(key)
        if summary is None:
            summary = queryset.aggregate(count=Count("pk"), modified=Max("modified_at"))
            cache.set(key, summary, timeout=SUMMARY_TIMEOUT)
        return summary

    def etag(self, summary: dict) -> str:
        modified = summary["modified"].isoformat() if summary["modified"] else ""
        # A cancelled event leaving the retention window changes the count; a new or changed
        # event changes the latest modification: either changes the validator.
        params = sorted({**self.kwargs, **self.params}.items())
        source = f"{FORMAT_VERSION}|{type(self).__name__}|{params}|{summary['count']}|{modified}"
        return quote_etag(hashlib.sha256(source.encode()).hexdigest()[:32])

    def header(self) -> str:
        calendar = icalendar.Calendar()
        calendar.add("prodid", "-//CSTO events timeline//feeds//EN")
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        # No METHOD: a subscribed feed is not an iTIP scheduling message (METHOD:PUBLISH would ask
        # for an ORGANIZER, which these events, reported by a press office, do not have).
        # TEXT values escaped by the writer whatever their origin (a filter's words are in the name).
        name = calendar_text(self.calendar_name())
        calendar.add("name", name)
        calendar.add("x-wr-calname", name)
        description = calendar_text(self.description)
        calendar.add("description", description)
        calendar.add("x-wr-caldesc", description)
        calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
        calendar.add("x-published-ttl", icalendar.vDuration(REFRESH))
        text = checked(calendar.to_ical().decode("utf-8"))
        return text.removesuffix(END)

    def body(self, queryset) -> Iterator[str]:
        yield self.header()
        for tzid in self.time_zones(queryset):
            yield vtimezone(tzid)
        # Send components in blocks: one write per block, not per event.
        components = iter(self.components(queryset))
        while block := "".join(itertools.islice(components, CHUNK_SIZE)):
            yield block
        yield END


def invalidate_feeds(**kwargs) -> None:
    """Events written (saved, updated, deleted): feeds recompute their validators on the next request.

    Renewed again once the transaction commits, so a summary read before the commit is not kept.
    """
    renew_generation()
    transaction.on_commit(renew_generation)


def current_generation() -> str:
    """The cache generation every write to events renews (also used by `events.freshness`)."""
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        generation = uuid.uuid4().hex
        cache.add(GENERATION_KEY, generation, timeout=None)
        generation = cache.get(GENERATION_KEY, generation)  # another worker may have won
    return generation


def renew_generation() -> None:
    cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)


def vtimezone(tzid: str) -> str:
    """VTIMEZONE text, built once per zone and process."""
    cached = _VTIMEZONES.get(tzid)
    if cached is None:
        cached = _VTIMEZONES[tzid] = serialize_vtimezone(tzid)
    return cached


_VTIMEZONES: dict[str, str] = {}


class EventsFeed(CalendarFeed):
    """/calendar.ics: every published event, narrowed by query-string filters."""

    def read_params(self, request) -> dict:
        return read_filters(request.GET)

    def items(self):
        return apply_filters(super().items(), self.params)

    def calendar_name(self) -> str:
        label = filters_label(self.params)
        return f"{super().calendar_name()}{' (' + label + ')' if label else ''}"


class UpcomingFeed(EventsFeed):
    """/calendar/upcoming.ics: events from today on (the "Upcoming" page as a feed)."""

    title = "Upcoming"
    filename = "upcoming.ics"

    def items(self):
        return super().items().upcoming()


class ApproximateFeed(EventsFeed):
    """/calendar/approximate.ics: only the events known to the month or the year."""

    title = "Approximate dates"
    filename = "approximate.ics"

    def read_params(self, request) -> dict:
        return {**super().read_params(request), "precision": "approximate"}

    def calendar_name(self) -> str:
        label = filters_label({name: value for name, value in self.params.items() if name != "precision"})
        return f"{CalendarFeed.calendar_name(self)}{' (' + label + ')' if label else ''}"


class KindFeed(EventsFeed):
    """/calendar/<kind>.ics: one kind of event (further query-string filters still apply)."""

    def read_params(self, request) -> dict:
        kind = self.kwargs["kind"]
        if kind not in Kind.values:
            raise Http404("No such kind.")
        return {**super().read_params(request), "kind": kind}

    def calendar_name(self) -> str:
        self.title = Kind(self.params["kind"]).label
        return super().calendar_name()


class AnniversariesFeed(CalendarFeed):
    """/calendar/anniversaries.ics: one yearly recurring event per founding date."""

    title = "Anniversaries"
    description = "Founding dates of the CSTO and its bodies, marked every year."
    filename = "anniversaries.ics"

    def items(self):
        # Only exact days recur: a founding known to the month would look like an exact day.
        return super().items().foundings().exact_days().order_by("start_date", "pk")

    def time_zones(self, queryset) -> list[str]:
        return []

    def components(self, queryset) -> Iterable[str]:
        # Few rows; built per body and cached with it.
        for founding in queryset.only("uid", "title", "start_date", "location", "status", "sequence", "modified_at"):
            yield checked(build_anniversary(founding).to_ical().decode("utf-8"))


class EventDownload(CalendarFeed):
    """/events/<pk>/event.ics: one published event, for "Add to calendar"."""

    empty_is_404 = True

    def items(self):
        return Event.objects.published().filter(pk=self.kwargs["pk"])

    def calendar_name(self) -> str:
        return settings.EVENTS_SITE_NAME

    def get(self, request, **kwargs):
        response = super().get(request, **kwargs)
        if response.status_code == 200:
            response["Content-Disposition"] = f'attachment; filename="event-{self.kwargs["pk"]}.ics"'
        return response


# Query-string filters (validated in events.params) ------------------------------------------


def read_filters(query) -> dict:
    """The feed's canonical filters from a query string; raises params.InvalidParameter."""
    return parameters.read(query, parameters.FEED)


def apply_filters(queryset, params: dict):
    """The timeline's own filters (`EventQuerySet.filtered`), so a feed holds what the page shows."""
    queryset = queryset.filtered(**parameters.queryset_filters(params))
    if params.get("precision", "day") == "day":
        queryset = queryset.exact_days()
    elif params["precision"] == "approximate":
        queryset = queryset.with_precision(Precision.MONTH, Precision.YEAR)
    return queryset


def filters_label(params: dict) -> str:
    parts = []
    if "kind" in params:
        parts.append(Kind(params["kind"]).label)
    if "year" in params:
        parts.append(params["year"])
    if "place" in params:
        parts.append(f"in {params['place']}")
    if "location" in params:
        parts.append(f"location {params['location']}")
    if "q" in params:
        parts.append(f"“{params['q']}”")
    if params.get("precision") == "approximate":
        parts.append("approximate dates only")
    elif params.get("precision") == "all":
        parts.append("approximate dates included")
    return ", ".join(parts)


# The human page --------------------------------------------------------------------------------


def feed_list(request):
    """/feeds/: every feed with https:// and webcal:// links and what it holds."""
    calendar_url = reverse("events:calendar")
    feeds = [
        (calendar_url, "All events", "Every published event whose day is known."),
        (
            reverse("events:calendar-upcoming"),
            "Upcoming events",
            "Events from today on; past ones drop out as time passes.",
        ),
        (
            reverse("events:calendar-approximate"),
            "Approximate dates",
            "Only the events the releases date to a month or a year, each shown as an all-day event "
            "spanning that month or year (see below).",
        ),
        (
            f"{calendar_url}?precision=all",
            "All events, approximate dates included",
            "Exact days and month- or year-only dates in one calendar.",
        ),
        (
            reverse("events:calendar-anniversaries"),
            "Anniversaries",
            "Each founding date as a yearly recurring event (29 February is marked on the last day of February).",
        ),
    ]
    for kind in Kind:
        feeds.append(
            (reverse("events:calendar-kind", args=[kind.value]), kind.label, f"Only events of kind “{kind.label}”.")
        )
    rows = []
    for path, name, explanation in feeds:
        https = request.build_absolute_uri(path).replace("http://", "https://", 1)
        rows.append({"name": name, "explanation": explanation, "https": https, "webcal": "webcal://" + https[8:]})
    example = request.build_absolute_uri(f"{calendar_url}?kind=exercise&year=2022&place=Belarus&q=drill")
    return render(
        request,
        "events/feeds.html",
        {"feeds": rows, "example": example.replace("http://", "https://", 1), "kinds": Kind.values},
    )
