"""TimelineJS3 export: `/timeline.json` in TimelineJS's JSON format, and `/embed/` showing it.

TimelineJS takes a date's year, month and day separately and leaves out what is unknown, so a
date known to the month is `{"year": 2024, "month": 5}`: precision survives. Text is HTML to
TimelineJS, so every value from a release or an editor is escaped here.
"""

from csp.decorators import csp_replace
from django.conf import settings
from django.db.models import Prefetch
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.html import escape, format_html
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe

from events import freshness
from events.dates import format_span
from events.models import Event, Kind, Mention, Precision
from events.opendata import InvalidFilters, bad_filters, published_matching, read_filters
from events.views import DEFER

# TimelineJS draws every slide up front; past a few hundred events it becomes unusable, so the
# export holds the latest ones and says how many it leaves out (filters narrow it).
MAX_EVENTS = 500


def date_parts(value, precision: str) -> dict:
    parts = {"year": value.year}
    if precision in (Precision.MONTH, Precision.DAY):
        parts["month"] = value.month
    if precision == Precision.DAY:
        parts["day"] = value.day
    return parts


def slide(event: Event, absolute) -> dict:
    label = format_span(event.start_date, event.end_date, event.precision)
    quotes = quoted(event.mentions.all())
    place = format_html('<p class="tl-place">{}</p>', event.location) if event.location else ""
    link = format_html('<p><a href="{}" target="_top">Read more</a></p>', absolute(event.get_absolute_url()))
    item = {
        "unique_id": f"event-{event.pk}",
        "start_date": {**date_parts(event.start_date, event.precision), "display_date": label},
        "display_date": label,
        "text": {"headline": escape(event.title), "text": f"{place}{quotes}{link}"},
        "group": Kind(event.kind).label,
    }
    if event.end_date and event.end_date != event.start_date:
        item["end_date"] = date_parts(event.end_date, event.precision)
    return item


def quoted(mentions) -> str:
    """Each quoted sentence with its release's title and date."""
    return "".join(
        format_html(
            '<blockquote>{}</blockquote><p class="tl-source">— {}{}</p>',
            mention.evidence,
            mention.release.title,
            f", {mention.release.published_on.day} {mention.release.published_on:%B %Y}"
            if mention.release.published_on
            else "",
        )
        for mention in mentions
    )


def timeline_document(events, absolute, total: int) -> dict:
    shown = len(events)
    intro = "Events read from the press releases of the Collective Security Treaty Organization."
    if total > shown:
        intro += f" Showing the latest {shown} of {total} events: filter by kind, year or place to see others."
    return {
        "title": {"text": {"headline": escape(settings.EVENTS_SITE_NAME), "text": f"<p>{escape(intro)}</p>"}},
        "events": [slide(event, absolute) for event in events],
    }


@require_safe
def timeline_json(request):
    """/timeline.json: the filtered published events in TimelineJS3's JSON format."""
    try:
        filters = read_filters(request.GET)
    except InvalidFilters as error:
        return bad_filters(error)
    events = published_matching(filters)
    etag = freshness.etag_for(filters, "timeline-json")
    if unchanged := freshness.not_modified(request, etag):
        return unchanged
    mentions = Mention.objects.select_related("release").order_by("release__published_on", "evidence_start")
    latest = (
        events.defer(*DEFER)
        .order_by("-start_date", "-pk")
        .prefetch_related(Prefetch("mentions", queryset=mentions))[:MAX_EVENTS]
    )
    chosen = list(reversed(latest))
    total = len(chosen) if len(chosen) < MAX_EVENTS else events.count()
    response = JsonResponse(timeline_document(chosen, request.build_absolute_uri, total))
    response["ETag"] = etag
    response["Cache-Control"] = "public, max-age=300"
    return response


@require_safe
@xframe_options_exempt
@csp_replace({"frame-ancestors": None})  # the one page any site may frame: no frame-ancestors
def embed(request):
    """/embed/: the timeline drawn by TimelineJS, for other sites' iframes (the only page allowed in frames)."""
    query = request.GET.urlencode()
    data_url = reverse("events:timeline-json") + (f"?{query}" if query else "")
    return render(request, "events/embed.html", {"data_url": data_url})
