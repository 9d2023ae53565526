"""Where an event took place, as a place readers can filter by: (city, country) from a gazetteer.

The gazetteer (`events/data/gazetteer.csv`) lists the member states' cities, other cities the
releases name, the organisation's venues (each filed under its city) and countries, with the other
names a release may use (old names too: Nur-Sultan and Akmola are Astana, Alma-Ata is Almaty,
Frunze is Bishkek). An event's place comes from the location the extractor read; when that is empty,
from the sentence that dates it.
"""

import csv
import functools
import re
from dataclasses import dataclass
from pathlib import Path

from events.extraction.places import find_location

GAZETTEER = Path(__file__).resolve().parent / "data" / "gazetteer.csv"
# The most specific kind of entry a text names wins: a venue tells the city, a city tells the country.
SPECIFICITY = {"venue": 0, "city": 1, "country": 2}


@dataclass(frozen=True)
class Entry:
    name: str
    country: str
    kind: str  # city, venue or country
    city: str  # the city a venue is in; a city's own name; empty for a country


@dataclass(frozen=True)
class Place:
    city: str = ""
    country: str = ""

    def __bool__(self) -> bool:
        return bool(self.city or self.country)


@functools.cache
def entries() -> dict[str, Entry]:
    """Every name and alias (folded), to its entry."""
    names: dict[str, Entry] = {}
    with GAZETTEER.open(encoding="utf-8") as file:
        rows = csv.DictReader(line for line in file if not line.startswith("#"))
        for row in rows:
            kind = row["kind"]
            city = row["city"] or (row["name"] if kind == "city" else "")
            entry = Entry(row["name"], row["country"], kind, city)
            for name in [row["name"], *filter(None, row["aliases"].split("|"))]:
                names.setdefault(fold(name), entry)
    return names


def fold(name: str) -> str:
    return " ".join(name.replace("ё", "е").replace("Ё", "Е").replace(".", " ").split()).casefold()


@functools.cache
def pattern() -> re.Pattern:
    names = sorted(entries(), key=len, reverse=True)
    alternatives = "|".join(r"\s+".join(re.escape(part) for part in name.split()) for name in names)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def named_in(text: str) -> Entry | None:
    """The most specific gazetteer entry a text names (the first of equals)."""
    found = [entries()[fold(m.group())] for m in pattern().finditer(fold(text))]
    return min(found, key=lambda e: SPECIFICITY[e.kind]) if found else None


def place_of(location: str, evidence: str = "") -> Place:
    """The event's (city, country): from its location, else from the place its sentence names."""
    entry = named_in(location) if location else None
    if entry is None and not location and evidence:
        stated = find_location(evidence)
        entry = named_in(stated) if stated else None
    if entry is None:
        return Place()
    return Place(entry.city, entry.country)


def aliases_of(place: Place) -> list[str]:
    """Every name of the place and its country, so a search for an old name finds it."""
    wanted = {place.city, place.country} - {""}
    return sorted({name for name, entry in entries().items() if entry.name in wanted})


def canonical_place(name: str) -> str:
    """The gazetteer's name for a city or country given under any of its names; '' for others."""
    entry = entries().get(fold(name))
    if entry is None or entry.kind == "venue":
        return ""
    return entry.name
