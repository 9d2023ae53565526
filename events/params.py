"""Query-string parameters of the timeline and the feeds: the one place that says what is valid.

Every page that reads filters from a URL (the timeline, `/calendar.ics`, the per-kind feeds) reads
them here, so a value is judged the same way everywhere and a new filter is one entry in
`PARAMETERS`. A bad value raises `InvalidParameter` with a sentence for the reader; the views answer
400 with it. Nothing here relies on `assert` (which `python -O` removes).

Values come back canonical: whitespace trimmed and collapsed, kinds and free text in lower case
(ASCII letters only, which every database compares without case), "all" meaning no filter dropped.
Two URLs that ask for the same events therefore give the same parameters, and so share one cache
key, one ETag and one calendar name.
"""

import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from events.models import Kind

# Longest free-text value accepted: place names and search words are short; a longer value is not
# a search a reader typed, and each distinct value costs a query (feeds cache by parameters).
MAX_TEXT_LENGTH = 100
# Longest value of any parameter (the free-text ones included), checked before any other rule.
MAX_VALUE_LENGTH = 200
FIRST_YEAR, LAST_YEAR = 1900, 2200
# Timeline orders: newest first (the default), oldest first, best match (the default of a search).
ORDERS = ("newest", "oldest", "relevance")
# Feed precisions: exact days ("day", the default), month- and year-only dates, or both.
PRECISIONS = ("day", "approximate", "all")
# Deepest timeline page one can ask for (50 events a page: far beyond any real table).
MAX_PAGE = 100_000
# Unicode categories refused anywhere in a value: control characters (NUL, CR, LF, ESC…), the line
# and paragraph separators, and unassigned or private-use code points. A calendar line must not be
# broken by a reader's input, and none of these is typed in a search box. A tab (pasted text) is
# only a space.
REFUSED_CATEGORIES = {"Cc", "Cs", "Co", "Cn", "Zl", "Zp"}
ALLOWED_CONTROLS = {"\t"}
_SPACES = re.compile(r"\s+")
_ASCII_UPPER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


class InvalidParameter(ValueError):
    """A query-string value that is not accepted; the message is shown to the reader as is."""


def refused_character(value: str) -> str | None:
    """The first character a parameter may not hold, described (`U+0000`), or None."""
    for character in value:
        if unicodedata.category(character) in REFUSED_CATEGORIES and character not in ALLOWED_CONTROLS:
            return f"U+{ord(character):04X}"
    return None


def text(value: str) -> str:
    """Free text (search words, a place): collapsed spaces, ASCII letters lowered, bounded length."""
    value = _SPACES.sub(" ", value).strip().translate(_ASCII_UPPER)
    if len(value) > MAX_TEXT_LENGTH:
        raise InvalidParameter(f"is longer than {MAX_TEXT_LENGTH} characters")
    return value


def kind(value: str) -> str:
    value = value.strip().lower()
    if value not in Kind.values:
        raise InvalidParameter(f"must be one of {', '.join(Kind.values)}")
    return value


def year(value: str) -> str:
    value = value.strip()
    if not (len(value) == 4 and value.isascii() and value.isdigit() and FIRST_YEAR <= int(value) <= LAST_YEAR):
        raise InvalidParameter(f"must be a four-digit year from {FIRST_YEAR} to {LAST_YEAR}")
    return value


def precision(value: str) -> str:
    """Feeds hold exact days unless asked: 'day' is the default (canonically absent), 'approximate'
    the month- and year-only dates, 'all' both."""
    value = value.strip().lower()
    if value not in PRECISIONS:
        raise InvalidParameter("must be 'day' (exact days only, the default), 'approximate' or 'all'")
    return "" if value == "day" else value


def place(value: str) -> str:
    """A city or country of the gazetteer under any of its names (`nur-sultan` is Astana)."""
    from events.gazetteer import canonical_place

    found = canonical_place(text(value))
    if not found:
        raise InvalidParameter("must be a city or a country the timeline lists, e.g. Minsk or Kazakhstan")
    return found


def order(value: str) -> str:
    value = value.strip().lower()
    if value not in ORDERS:
        raise InvalidParameter(f"must be one of {', '.join(ORDERS)}")
    return value


def jump(value: str) -> str:
    """A year (`2020`) or a month of it (`2020-05`) to jump to."""
    match = re.fullmatch(r"(\d{4})(?:-(\d{1,2}))?", value.strip())
    if not match or not FIRST_YEAR <= int(match[1]) <= LAST_YEAR or (match[2] and not 1 <= int(match[2]) <= 12):
        raise InvalidParameter("must be a year (2020) or a month (2020-05)")
    return f"{match[1]}-{int(match[2]):02d}" if match[2] else match[1]


def page(value: str) -> str:
    value = value.strip().lower()
    if value == "last":
        return value
    if not (value.isascii() and value.isdigit() and 1 <= int(value) <= MAX_PAGE):
        raise InvalidParameter(f"must be a page number from 1 to {MAX_PAGE}, or 'last'")
    return str(int(value))


@dataclass(frozen=True)
class Parameter:
    """One query-string parameter: how a value is read, and what it takes in words and as JSON Schema.

    `schema` and `help` are what the API's OpenAPI description says of the parameter (`events.api`
    builds its query parameters from them), so the documentation is the reader: `schema` names the
    canonical values `read` accepts (an enum of the kinds, the range of years, the longest text).
    """

    name: str
    read: Callable[[str], str]  # the canonical value ("" = no filter); raises InvalidParameter
    help: str
    schema: dict  # JSON Schema (OpenAPI 3.1) of the accepted values, in canonical form


TEXT_SCHEMA = {"type": "string", "maxLength": MAX_TEXT_LENGTH}

PARAMETERS = {
    parameter.name: parameter
    for parameter in (
        Parameter("kind", kind, "One kind of event.", {"type": "string", "enum": list(Kind.values)}),
        Parameter(
            "year",
            year,
            f"Events starting in this year ({FIRST_YEAR}–{LAST_YEAR}).",
            {"type": "integer", "minimum": FIRST_YEAR, "maximum": LAST_YEAR},
        ),
        Parameter("location", text, "Words the location contains, in any case.", TEXT_SCHEMA),
        Parameter(
            "place",
            place,
            "A city or a country of the gazetteer, under any of its names (Nur-Sultan is Astana); "
            "an unknown place is refused.",
            TEXT_SCHEMA,
        ),
        Parameter(
            "q",
            text,
            "Full-text search words, in any order (title, place, the dating sentences, the releases' text); "
            '"a phrase" in quotes, -word to leave out, or between words to accept either.',
            TEXT_SCHEMA,
        ),
        Parameter(
            "precision",
            precision,
            "day (the default): exact days only; approximate: month- and year-only dates; all: both.",
            {"type": "string", "enum": list(PRECISIONS)},
        ),
        Parameter(
            "page",
            page,
            "Timeline page number, or last.",
            {"anyOf": [{"type": "integer", "minimum": 1, "maximum": MAX_PAGE}, {"type": "string", "enum": ["last"]}]},
        ),
        Parameter(
            "order",
            order,
            "newest (the default), oldest, or relevance (best match first: the default of a search with q).",
            {"type": "string", "enum": list(ORDERS)},
        ),
        Parameter(
            "jump",
            jump,
            "A year (2020) or a month of it (2020-05) to jump to.",
            {"type": "string", "pattern": r"^\d{4}(-\d{1,2})?$"},
        ),
    )
}
# What each page reads; any other parameter (a tracker's utm_source, a client's cache buster) is
# ignored and never reaches a query or a cache key.
TIMELINE = ("kind", "year", "location", "place", "q", "page", "order", "jump")
FEED = ("kind", "year", "location", "place", "q", "precision")
# Feeds whose parameters take one of a small, fixed set of values may be cached whole; a feed
# filtered by free text is built per request (one query), so a stranger cannot fill the cache
# with one body per word.
FINITE = ("kind", "year", "precision", "place")


def read(query: Mapping, names: tuple[str, ...]) -> dict[str, str]:
    """The canonical values of `names` in a QueryDict (or a dict); raises InvalidParameter.

    Parameters that are absent or empty are left out, so `{}` means "no filter".
    """
    values = {}
    for name in names:
        given = query.getlist(name) if hasattr(query, "getlist") else ([query[name]] if name in query else [])
        if not given:
            continue
        if len(given) > 1:
            raise InvalidParameter(f"{name} is given {len(given)} times; give it once.")
        raw = given[0]
        if len(raw) > MAX_VALUE_LENGTH:
            raise InvalidParameter(f"{name} is longer than {MAX_VALUE_LENGTH} characters.")
        refused = refused_character(raw)
        if refused:
            raise InvalidParameter(f"{name} holds a control character ({refused}), which no filter accepts.")
        if not raw.strip():
            continue  # an empty field of the filter form: no filter
        try:
            value = PARAMETERS[name].read(raw)
        except InvalidParameter as error:
            raise InvalidParameter(f"{name} {error}.") from None
        if value:
            values[name] = value
    return values


def queryset_filters(params: Mapping[str, str]) -> dict:
    """Keyword arguments of `EventQuerySet.filtered()` for canonical parameters."""
    return {
        "kind": params.get("kind", ""),
        "year": int(params["year"]) if "year" in params else None,
        "location": params.get("location", ""),
        "text": params.get("q", ""),
        "place": params.get("place", ""),
    }


def is_finite(params: Mapping[str, str]) -> bool:
    """True when every parameter comes from a small fixed set (no free text)."""
    return all(name in FINITE for name in params)
