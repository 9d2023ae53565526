"""The timeline sidebar's counts per year, kind and place as HTML list items, built in Python: the
markup the template loops gave (a link that narrows the view, the count), without a template
variable lookup and a query string built through the template engine for each of ~70 items."""

from urllib.parse import urlencode

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

CURRENT = ' aria-current="true"'
CITY = ' class="city"'
# Before a count that is a lower bound: only a search's first events were counted (`events.found`).
AT_LEAST = "\u2265\u202f"


def query_string(base: dict[str, list], **changes) -> str:
    """`?` and the parameters `base` (name: [values], without `page`) with some replaced, sorted;
    a None or "" value removes the parameter."""
    params = dict(base)
    for key, value in changes.items():
        if value in (None, ""):
            params.pop(key, None)
        else:
            params[key] = [value]
    encoded = urlencode(sorted((k, v) for k, values in params.items() for v in values))
    return f"?{encoded}" if encoded else "?"


def _items(items: list[str]) -> SafeString:
    """The list items laid out as the template's loop laid them (its indentation kept)."""
    if not items:
        return mark_safe("<li>None</li>\n        ")
    return mark_safe("".join(f"\n          {item}\n        " for item in items))


def _link(base: dict, **changes) -> str:
    return escape(query_string(base, **changes)) + "#results"


def count(n: int, at_least: bool = False) -> str:
    return f'<span class="count">{AT_LEAST if at_least else ""}{n}</span>'


def year_items(base: dict, by_year: list[tuple[int, int]], chosen, at_least: bool = False) -> SafeString:
    return _items(
        [
            f'<li><a href="{_link(base, year=year)}"{CURRENT if year == chosen else ""}>{year}</a>'
            f" {count(n, at_least)}</li>"
            for year, n in by_year
        ]
    )


def kind_items(base: dict, by_kind: list[tuple[str, str, int]], chosen: str, at_least: bool = False) -> SafeString:
    return _items(
        [
            f'<li><a href="{_link(base, kind=kind)}"{CURRENT if kind == chosen else ""}>'
            f'<span class="swatch kind-{escape(kind)}" aria-hidden="true"></span>{escape(label)}</a>'
            f" {count(n, at_least)}</li>"
            for kind, label, n in by_kind
        ]
    )


def place_items(base: dict, places: list[dict], chosen: str, at_least: bool = False) -> SafeString:
    return _items(
        [
            f"<li{CITY if place['city'] else ''}>"
            f'<a href="{_link(base, place=place["value"], location="")}"'
            f"{CURRENT if place['value'] == chosen else ''}>{escape(place['label'])}</a>"
            f" {count(place['n'], at_least)}</li>"
            for place in places
        ]
    )
