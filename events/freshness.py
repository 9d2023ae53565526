"""Validators (ETag) for the open-data views: the API, TimelineJS JSON, Atom and CSV.

A reader of these formats sees published (and withdrawn) events, their mentions and the releases
those quote. Every write to one of them goes through the one write path (`Event.save`,
`EventQuerySet.update` / `bulk_update` / `delete`, saving or deleting a Mention or a Release), which
records a `PublicChange` row; a response's ETag is its view, its filters, its page and the latest
such id. That is one index seek whatever the size of the tables (the count and latest change of the
matching events, of the mentions and of the releases cost four aggregates that grow with them), it
is the same for free-text filters, and a draft's changes record nothing, so they do not show in any
public validator. The id is cached under the feeds' generation, which the same writes renew, for at
most the feeds' summary timeout (the bound on staleness when another process writes and there is no
shared cache): a polling client's repeat request costs no query and is answered 304.

A change is recorded twice: inside the writing transaction (committed with the data), and once more
after the commit. Ids are handed out before commits, so a writer whose transaction started first can
commit after a later one: its in-transaction id would then sit below the latest and go unnoticed,
the second one never does. Only the latest row is kept.
"""

import hashlib

from django.core.cache import cache
from django.db import connection, transaction
from django.http import HttpResponseNotModified
from django.utils.cache import get_conditional_response
from django.utils.http import quote_etag

from events.feeds import SUMMARY_TIMEOUT, current_generation, renew_generation
from events.models import Event, Mention, PublicChange, Status

# Bump when any open-data representation changes shape, so clients' validators are refreshed.
FORMAT_VERSION = "2"
STATE_KEY = "open-data-state"


def public_change() -> None:
    """Record that what readers see changes in the current transaction (see the module docstring)."""
    PublicChange.objects.create()
    renew_generation()
    pending = getattr(connection, "run_on_commit", None) or ()
    if not any(callback is record_after_commit for _, callback, *_ in pending):  # once per transaction
        transaction.on_commit(record_after_commit, robust=True)


def record_after_commit() -> None:
    latest = PublicChange.objects.create()
    PublicChange.objects.filter(pk__lt=latest.pk).delete()
    renew_generation()


def state() -> str:
    """The latest recorded change to what readers see (0 before any)."""
    key = f"{STATE_KEY}:{current_generation()}"
    value = cache.get(key)
    if value is None:
        value = str(PublicChange.objects.order_by("-pk").values_list("pk", flat=True).first() or 0)
        cache.set(key, value, timeout=SUMMARY_TIMEOUT)
    return value


def etag_for(filters: dict[str, str], scope: str, extra: str = "") -> str:
    """The ETag of one response: the view (`scope`), its filters, `extra` (a page's cursor) and the state."""
    source = f"{FORMAT_VERSION}|{scope}|{sorted(filters.items())}|{extra}|{state()}"
    return quote_etag(hashlib.sha256(source.encode()).hexdigest()[:32])


# Signal receivers (connected in `events.apps`): mentions and releases a reader may see.


def mention_written(sender, instance, **kwargs) -> None:
    """A mention saved or deleted: shown when its event is (a draft's evidence is not)."""
    if Event.objects.filter(pk=instance.event_id).exclude(status=Status.DRAFT).exists():
        public_change()


def release_saved(sender, instance, created=False, **kwargs) -> None:
    """A release changed: shown when one of its mentions' events is. A new one has no mentions yet;
    its deletion is followed through its mentions' (deleted with it)."""
    if created:
        return
    shown = Mention.objects.filter(release=instance).exclude(event__status=Status.DRAFT)
    if shown.exists():
        public_change()


def not_modified(request, etag: str) -> HttpResponseNotModified | None:
    """A 304 when the client's If-None-Match already holds `etag`, else None."""
    response = get_conditional_response(request, etag=etag)
    if response is None or response.status_code != 304:
        return None
    response["ETag"] = etag
    return response
