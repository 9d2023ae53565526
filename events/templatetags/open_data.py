"""Tags for what machines read on the reader pages: meta description, OpenGraph and JSON-LD."""

from django import template

from events import structured

register = template.Library()


@register.inclusion_tag("events/includes/event_meta.html", takes_context=True)
def event_meta(context, event, mentions):
    """Description, OpenGraph and schema.org Event JSON-LD for an event page."""
    first = next(iter(mentions), None)  # evaluates the page's own queryset once; the page reuses it
    url = context["request"].build_absolute_uri(event.get_absolute_url())
    evidence = first.evidence if first else ""
    return {
        "event": event,
        "url": url,
        "description": structured.description(event, evidence),
        "json_ld": structured.json_ld_script(structured.event_json_ld(event, url, evidence)),
        "site_name": context.get("site_name") or "CSTO events timeline",
    }
