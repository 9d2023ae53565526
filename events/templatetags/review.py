"""The admin home's review figures: drafts waiting, and how many need a look."""

from django import template

from events.admin_review import queue_counts
from events.dates import format_span

register = template.Library()


@register.simple_tag
def review_counts() -> dict[str, int]:
    return queue_counts()


@register.filter
def extracted_span(item) -> str:
    """An extracted event's dates as the admin writes them ("3–5 June 2025"), not ISO."""
    return format_span(item.start, item.end, item.precision)
