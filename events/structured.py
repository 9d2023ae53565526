"""What search engines and link previews read: schema.org `Event` JSON-LD, a description, OpenGraph,
the sitemap and robots.txt.

Dates keep their precision here too: schema.org takes ISO 8601, and a date known to the month is
`2024-05`, never a made-up first day. A start time is given only for an exact day, with its zone.
"""

import datetime
import json
import zoneinfo

from django.contrib.sitemaps import Sitemap
from django.http import HttpResponse
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.views.decorators.http import require_safe

from events.dates import format_span, to_iso
from events.models import Event, Kind, Precision, Release, Status
from events.opendata import public_releases

ORGANIZER = {"@type": "Organization", "name": "Collective Security Treaty Organization", "alternateName": "CSTO"}
DESCRIPTION_LENGTH = 200
# Characters that could end a <script> element or open a comment inside it, written as JSON escapes
# (the same set as Django's json_script), so no value can break out of the JSON-LD block.
SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def start_of(event: Event) -> str:
    if event.precision == Precision.DAY and event.start_time:
        moment = datetime.datetime.combine(event.start_date, event.start_time, zoneinfo.ZoneInfo(event.time_zone))
        return moment.isoformat(timespec="minutes")
    return to_iso(event.start_date, event.precision)


def description(event: Event, evidence: str = "") -> str:
    """One line for search results and link previews: dates, kind, place, then the release's words."""
    facts = [format_span(event.start_date, event.end_date, event.precision), Kind(event.kind).label]
    if event.location:
        facts.append(event.location)
    text = " · ".join(facts) + "."
    if event.status == Status.CANCELLED:
        text = "Withdrawn. " + text
    body = event.description or evidence
    if body:
        text += " " + " ".join(body.split())
    return Truncator(text).chars(DESCRIPTION_LENGTH)


def event_json_ld(event: Event, url: str, evidence: str = "") -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "startDate": start_of(event),
        "eventStatus": "https://schema.org/EventCancelled"
        if event.status == Status.CANCELLED
        else "https://schema.org/EventScheduled",
        "organizer": ORGANIZER,
        "description": description(event, evidence),
        "url": url,
        "identifier": event.uid,
    }
    if event.end_date and event.end_date != event.start_date:
        data["endDate"] = to_iso(event.end_date, event.precision)
    if event.location:
        data["location"] = {"@type": "Place", "name": event.location, "address": event.location}
    return data


def json_ld_script(data: dict) -> str:
    """A <script type="application/ld+json"> element whose content no value can close early."""
    text = json.dumps(data, ensure_ascii=False, indent=1).translate(SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')


# Sitemap and robots.txt ---------------------------------------------------------------------------


class EventSitemap(Sitemap):
    changefreq = "monthly"
    limit = 10_000  # entries per sitemap page; the index lists the pages

    def items(self):
        return Event.objects.published().only("pk", "modified_at").order_by("pk")

    def lastmod(self, event: Event):
        return event.modified_at


class ReleaseSitemap(Sitemap):
    changefreq = "yearly"
    limit = 10_000

    def items(self):
        return public_releases().only("pk", "updated_at").order_by("pk")

    def lastmod(self, release: Release):
        return release.updated_at


class PageSitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        return ["events:timeline", "events:feeds"]

    def location(self, name: str) -> str:
        return reverse(name)


SITEMAPS = {"pages": PageSitemap, "events": EventSitemap, "releases": ReleaseSitemap}


@require_safe
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        # The framed copy of the timeline and the machine formats duplicate the pages.
        "Disallow: /embed/",
        "Disallow: /api/",
        "Disallow: /timeline.json",
        "Disallow: /events.csv",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap-index'))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
