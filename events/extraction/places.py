"""Where a happening took place: a city, a country or a named venue stated in the sentence."""

import functools
import re

COUNTRIES = [
    "Armenia",
    "Azerbaijan",
    "Belarus",
    "Kazakhstan",
    "Kyrgyzstan",
    "Russia",
    "Tajikistan",
    "Uzbekistan",
    "Turkmenistan",
    "Afghanistan",
    "Georgia",
    "Moldova",
    "Ukraine",
    "China",
    "India",
    "Iran",
    "Iraq",
    "Syria",
    "Turkey",
    "Mongolia",
    "Serbia",
    "Pakistan",
    "Egypt",
    "Vietnam",
    "Cuba",
    "Venezuela",
    "Nicaragua",
    "Germany",
    "France",
    "Italy",
    "Austria",
    "Switzerland",
    "Belgium",
    "Finland",
    "Poland",
    "Hungary",
    "Greece",
    "Spain",
    "Japan",
    "Korea",
    "Indonesia",
    "Malaysia",
    "Qatar",
    "Israel",
    "Jordan",
    "Lebanon",
    "Libya",
    "Algeria",
    "Ethiopia",
    "Brazil",
    "Argentina",
    "Mexico",
]
# Long country names map to the short name readers expect.
COUNTRY_FORMS = {
    "Republic of Armenia": "Armenia",
    "Republic of Belarus": "Belarus",
    "Republic of Kazakhstan": "Kazakhstan",
    "Kyrgyz Republic": "Kyrgyzstan",
    "Russian Federation": "Russia",
    "Republic of Tajikistan": "Tajikistan",
    "Republic of Uzbekistan": "Uzbekistan",
    "United States": "United States",
    "United Kingdom": "United Kingdom",
    "Islamic Republic of Afghanistan": "Afghanistan",
}
CITIES = [
    "Moscow",
    "Minsk",
    "Yerevan",
    "Astana",
    "Nur-Sultan",
    "Almaty",
    "Bishkek",
    "Dushanbe",
    "Tashkent",
    "Baku",
    "Tbilisi",
    "Ashgabat",
    "Kabul",
    "St.",
    "Petersburg",
    "Saint",
    "Petersburg",
    "Sochi",
    "Kazan",
    "Novosibirsk",
    "Yekaterinburg",
    "Brest",
    "Grodno",
    "Vitebsk",
    "Gomel",
    "Osh",
    "Gyumri",
    "Vanadzor",
    "Khujand",
    "Kulob",
    "Kulyab",
    "Balkhash",
    "Karaganda",
    "Shymkent",
    "Aktau",
    "Kant",
    "Orenburg",
    "Chebarkul",
    "Rostov-on-Don",
    "Volgograd",
    "Pskov",
    "Kaliningrad",
    "Vladivostok",
    "Beijing",
    "Vienna",
    "Geneva",
    "New",
    "York",
    "Brussels",
    "Paris",
    "Berlin",
    "Rome",
    "Warsaw",
    "Istanbul",
    "Ankara",
    "Tehran",
    "Belgrade",
    "Ulaanbaatar",
    "Samarkand",
    "Termez",
    "Harbin",
]
_CITY_SET = frozenset(CITIES) | {"St. Petersburg", "Saint Petersburg", "New York"}
_CITY_NAMES = sorted(_CITY_SET, key=len, reverse=True)
_COUNTRY_NAMES = sorted(set(COUNTRIES) | set(COUNTRY_FORMS), key=len, reverse=True)

PLACE = re.compile(
    r"(?:\b(?:in|at|to|near|on\s+the\s+territory\s+of|hosted\s+by)\s+|\()(?:the\s+)?(?P<place>{})\b".format(
        "|".join(re.escape(name) for name in _CITY_NAMES + _COUNTRY_NAMES)
    )
)
# "in the TASS Press Center", "at the CSTO Joint Staff", "at the International Military Center".
VENUE = re.compile(
    r"\b(?:in|at)\s+the\s+(?P<place>(?:[A-Z][\w'-]*\s+){0,5}"
    r"(?:Center|Centre|Hall|House|Palace|Hotel|Academy|University|Institute|Headquarters|Secretariat|"
    r"Joint\s+Staff|Ministry\s+of\s+(?:Defen[cs]e|Foreign\s+Affairs)|Training\s+Ground|Range|Polygon)"
    r"(?:\s+of\s+the\s+(?:[A-Z][\w'-]*\s*){1,6})?"
    # a named training ground or range: "the Balkhash training ground"
    r"|(?:[A-Z][\w'-]*\s+){1,3}(?:training\s+ground|range|polygon))"
)


# Each event of a sentence asks for its place: read once per sentence (the last few are kept).
@functools.lru_cache(maxsize=64)
def find_location(sentence: str) -> str | None:
    """The most specific place in a sentence: a venue, else a city, else a country."""
    venue = VENUE.search(sentence)
    places = [m["place"] for m in PLACE.finditer(sentence)]
    cities = [p for p in places if p in _CITY_SET]
    if venue and not venue["place"].startswith(("Collective", "Council")):
        name = " ".join(venue["place"].split()).rstrip(" ,.")
        where = cities[0] if cities else (COUNTRY_FORMS.get(places[0], places[0]) if places else None)
        return f"{name}, {where}" if where and where not in name else name
    if cities:
        return cities[0]
    if places:
        return COUNTRY_FORMS.get(places[0], places[0])
    return None
