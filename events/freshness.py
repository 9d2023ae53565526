"""Validators (ETag) for the open-data views: the API, TimelineJS JSON and CSV.

A reader of these formats sees events, their mentions and the releases those quote, so the state
behind a response is: the matching events' count and latest change, plus the mentions' and the
releases' own, read with three aggregate queries. For filters from a small fixed set (kind, year)
the state is cached under the feeds' generation, which every write to an event, a mention or a
release renews (`events.apps`), so a polling client's repeat request costs no query and is answered
304 when nothing moved. Free-text filters are not cached: a stranger cannot fill the cache with one
entry per word (the same rule as the feeds, `events.params.is_finite`).
"""

import hashlib

from django.core.cache import cache
from django.db.models import Count, Max
from django.http import HttpResponseNotModified
from django.utils.cache import get_conditional_response
from django.utils.http import quote_etag

from events import params as parameters
from events.feeds import SUMMARY_TIMEOUT, current_generation
from events.models import Mention, Release

# Bump when any open-data representation changes shape, so clients' validators are refreshed.
FORMAT_VERSION = "1"


def read_state(events) -> str:
    summary = events.order_by().aggregate(count=Count("pk"), modified=Max("modified_at"))
    mentions = Mention.objects.aggregate(count=Count("pk"), last=Max("pk"))
    releases = Release.objects.aggregate(count=Count("pk"), updated=Max("updated_at"))
    values = (
        summary["count"],
        summary["modified"] and summary["modified"].isoformat(),
        mentions["count"],
        mentions["last"],
        releases["count"],
        releases["updated"] and releases["updated"].isoformat(),
    )
    return "|".join(str(value) for value in values)


def state(events, filters: dict[str, str], scope: str) -> str:
    """A fingerprint of what a response built from `events` (selected by canonical `filters`) shows."""
    if not parameters.is_finite(filters):
        return read_state(events)
    source = f"{current_generation()}|{scope}|{sorted(filters.items())}"
    key = "open-data-state:" + hashlib.sha256(source.encode()).hexdigest()
    cached = cache.get(key)
    if cached is None:
        cached = read_state(events)
        cache.set(key, cached, timeout=SUMMARY_TIMEOUT)
    return cached


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
