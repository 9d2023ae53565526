"""Validators (ETag) for the open-data views: the API, TimelineJS JSON and CSV.

A reader of these formats sees events, their mentions and the releases those quote, so the state
behind a response is: the matching events' count and latest change, plus the mentions' and the
releases' own. Both are cached under the feeds' generation, which every write to an event, a
mention or a release renews (`events.apps`), for at most the feeds' summary timeout (the bound on
staleness when another process writes and there is no shared cache), so a polling client's repeat
request costs no query and is answered 304 when nothing moved. The events' part is not cached for
free-text filters: a stranger cannot fill the cache with one entry per word (the same rule as the
feeds, `events.params.is_finite`).
"""

import hashlib

from django.core.cache import cache
from django.db.models import Count, Max
from django.http import HttpResponseNotModified
from django.utils.cache import get_conditional_response
from django.utils.http import quote_etag

from events import params as parameters
from events.feeds import SUMMARY_TIMEOUT, current_generation
from events.models import Event, Mention, Release

# Bump when any open-data representation changes shape, so clients' validators are refreshed.
FORMAT_VERSION = "1"


def events_state(events, indexed: bool) -> str:
    """Count and latest change of `events`. For filters an index serves (`indexed`), two queries:
    MAX(modified_at) alone is then a seek in the (status, modified_at) index, while COUNT and MAX
    together make SQLite read every row's value. A free-text filter scans the rows anyway: one query."""
    if not indexed:
        summary = events.order_by().aggregate(count=Count("pk"), modified=Max("modified_at"))
        count, modified = summary["count"], summary["modified"]
    else:
        count = events.order_by().count()
        modified = events.order_by().aggregate(modified=Max("modified_at"))["modified"]
    return f"{count}|{modified and modified.isoformat()}"


def sources_state() -> str:
    """Mentions, releases and the events' history: the same for every filter, so read once per generation.

    The latest history record catches a saved change to a field that moves no calendar field
    (`recurs_yearly`, `founding_event`), which the events' count and MAX(modified_at) would miss."""
    mentions = Mention.objects.aggregate(count=Count("pk"), last=Max("pk"))
    releases = Release.objects.aggregate(count=Count("pk"), updated=Max("updated_at"))
    updated = releases["updated"] and releases["updated"].isoformat()
    saved = Event.history.aggregate(last=Max("history_id"))["last"]
    return f"{mentions['count']}|{mentions['last']}|{releases['count']}|{updated}|{saved}"


def cached(key: str, read) -> str:
    key = "open-data-state:" + hashlib.sha256(f"{current_generation()}|{key}".encode()).hexdigest()
    value = cache.get(key)
    if value is None:
        value = read()
        cache.set(key, value, timeout=SUMMARY_TIMEOUT)
    return value


def state(events, filters: dict[str, str], scope: str) -> str:
    """A fingerprint of what a response built from `events` (selected by canonical `filters`) shows."""
    sources = cached("sources", sources_state)
    if not parameters.is_finite(filters):
        return f"{events_state(events, indexed=False)}|{sources}"
    key = f"{scope}|{sorted(filters.items())}"
    return f"{cached(key, lambda: events_state(events, indexed=True))}|{sources}"


def etag_for(events, filters: dict[str, str], scope: str, extra: str = "") -> str:
    """The ETag of one response: the view (`scope`), its filters, `extra` (a page's cursor) and the state."""
    source = f"{FORMAT_VERSION}|{scope}|{sorted(filters.items())}|{extra}|{state(events, filters, scope)}"
    return quote_etag(hashlib.sha256(source.encode()).hexdigest()[:32])


def not_modified(request, etag: str) -> HttpResponseNotModified | None:
    """A 304 when the client's If-None-Match already holds `etag`, else None."""
    response = get_conditional_response(request, etag=etag)
    if response is None or response.status_code != 304:
        return None
    response["ETag"] = etag
    return response
