"""/atom/: an Atom feed of newly published and changed events, for feed readers and news desks.

A `django.contrib.syndication` feed: fixed values are attributes, varying ones `item_*` hooks. It
holds the events most recently changed (published, edited or withdrawn: a withdrawn event stays
for the feeds' retention period, titled as such), newest change first, with the timeline's filters.
Conditional GETs are answered from the open-data validators (`events.freshness`).
"""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import format_html, format_html_join

from events import freshness
from events import params as parameters
from events.dates import format_span
from events.feeds import CANCELLED_DAYS, filters_label
from events.models import Event, Kind, Status
from events.opendata import InvalidFilters, bad_filters, read_filters
from events.views import DEFER

ENTRIES = 50


class EventsAtomFeed(Feed):
    feed_type = Atom1Feed
    author_name = settings.EVENTS_SITE_NAME
    subtitle = "Events newly published or changed on the timeline, read from the CSTO's press releases."

    def __call__(self, request, *args, **kwargs):
        try:
            self.filters = read_filters(request.GET)
        except InvalidFilters as error:
            return bad_filters(error)
        # Withdrawn events leave the feed after CANCELLED_DAYS without any write: the day is part of its state.
        etag = freshness.etag_for(self.filters, "atom", extra=timezone.localdate().isoformat())
        if unchanged := freshness.not_modified(request, etag):
            return unchanged
        response = super().__call__(request, *args, **kwargs)
        response["ETag"] = etag
        response["Cache-Control"] = "public, max-age=300"
        return response

    def events(self):
        return Event.objects.in_feed(cancelled_days=CANCELLED_DAYS).filtered(
            **parameters.queryset_filters(self.filters)
        )

    def title(self) -> str:
        label = filters_label(self.filters)
        return f"{settings.EVENTS_SITE_NAME}: new and changed events{' (' + label + ')' if label else ''}"

    def link(self) -> str:
        query = self.request_query
        return reverse("events:timeline") + (f"?{query}" if query else "")

    def feed_url(self) -> str:
        query = self.request_query
        return reverse("events:atom") + (f"?{query}" if query else "")

    def get_object(self, request, *args, **kwargs):
        # Filters canonicalised by events.params, so equal filters give one feed address.
        self.request_query = "&".join(f"{name}={value}" for name, value in sorted(self.filters.items()))
        return None

    def items(self):
        return (
            self.events().defer(*DEFER).prefetch_related("mentions__release").order_by("-modified_at", "-pk")[:ENTRIES]
        )

    def item_title(self, event: Event) -> str:
        withdrawn = "Withdrawn: " if event.status == Status.CANCELLED else ""
        return f"{withdrawn}{event.title} ({format_span(event.start_date, event.end_date, event.precision)})"

    def item_description(self, event: Event) -> str:
        facts = format_html(
            "<p>{} · {}{}</p>",
            format_span(event.start_date, event.end_date, event.precision),
            Kind(event.kind).label,
            f" · {event.location}" if event.location else "",
        )
        quotes = format_html_join(
            "", "<blockquote>{}</blockquote><p>— {}</p>", ((m.evidence, m.release.title) for m in event.mentions.all())
        )
        withdrawn = (
            format_html("<p><strong>{}</strong></p>", "Withdrawn by the editors.")
            if event.status == Status.CANCELLED
            else ""
        )
        return withdrawn + facts + quotes

    def item_link(self, event: Event) -> str:
        return event.get_absolute_url()

    def item_pubdate(self, event: Event):
        return min(event.created_at, event.modified_at)

    def item_updateddate(self, event: Event):
        return event.modified_at

    def item_categories(self, event: Event):
        return [Kind(event.kind).label]
