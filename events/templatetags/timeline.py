"""Formatting for reader pages: dates with their precision, timeline grouping, query strings."""

from itertools import groupby

from django import template
from django.urls import reverse

from events import cards, sidebar
from events.dates import MONTH_NAMES, format_span, to_iso

register = template.Library()


@register.filter
def date_span(event) -> str:
    """`21–23 January 2020`, `November 2020`, `2020`: never a day the text did not give."""
    return format_span(event.start_date, event.end_date, event.precision)


@register.filter
def iso_date(event) -> str:
    """Reduced-precision ISO 8601 for <time datetime>: `2020-11-03`, `2020-11`, `2020`."""
    return to_iso(event.start_date, event.precision)


@register.filter
def event_cards(events):
    """The timeline cards of `events` (`events.cards`: one call per list, not an include per event)."""
    return cards.cards(events)


@register.filter
def timeline_groups(events) -> list:
    """[(year, [(month heading, anchor, [events])])]; year-precision events get their own "month" heading."""

    def month_heading(event) -> str:
        if event.precision == "year":
            return f"{event.start_date.year}, month not stated"
        return f"{MONTH_NAMES[event.start_date.month]} {event.start_date.year}"

    def anchor(event) -> str:
        """The heading's id, the target of "Jump to" a month."""
        return "" if event.precision == "year" else f"m-{event.start_date.year}-{event.start_date.month:02d}"

    groups = []
    for year, year_events in groupby(events, key=lambda e: e.start_date.year):
        # Year- and month-precision events share 1 January / the 1st with exact days: lead with the
        # "month not stated" group so a month heading never appears twice (stable sort keeps date order).
        ordered = sorted(year_events, key=lambda e: e.precision != "year")
        months = []
        for heading, items in groupby(ordered, key=month_heading):
            items = list(items)
            months.append((heading, anchor(items[0]), items))
        groups.append((year, months))
    return groups


def query_base(context) -> dict[str, list]:
    """The request's parameters less `page` ({name: [values]}), read once per page render."""
    base = context.render_context.get(QUERY_BASE)
    if base is None:
        base = {key: values for key, values in context["request"].GET.lists() if key != "page"}
        context.render_context[QUERY_BASE] = base
    return base


@register.simple_tag(takes_context=True)
def query_with(context, **changes) -> str:
    """The current query string with some parameters replaced (None/"" removes one); `page` is reset."""
    return sidebar.query_string(query_base(context), **changes)


@register.simple_tag(takes_context=True)
def year_counts(context, by_year, chosen, at_least=False):
    """The sidebar's events per year: <li> links that narrow the view to a year, with counts."""
    return sidebar.year_items(query_base(context), by_year, chosen, at_least)


@register.simple_tag(takes_context=True)
def kind_counts(context, by_kind, chosen, at_least=False):
    return sidebar.kind_items(query_base(context), by_kind, chosen, at_least)


@register.simple_tag(takes_context=True)
def place_counts(context, places, chosen, at_least=False):
    return sidebar.place_items(query_base(context), places, chosen, at_least)


QUERY_BASE = "timeline.query_with.base"


@register.simple_tag(takes_context=True)
def feed_url(context, query: str, upcoming: bool, scheme: str) -> str:
    """The calendar feed of exactly this view, as a webcal:// or https:// address."""
    path = reverse("events:calendar-upcoming" if upcoming else "events:calendar")
    address = context["request"].build_absolute_uri(f"{path}?{query}" if query else path)
    return scheme + address[address.index("://") :]
