"""Full-text search over events: one query grammar, two engines.

PostgreSQL: a weighted `tsvector` column (`Event.search_vector`, GIN index) queried with
`websearch_to_tsquery`, ranked with `ts_rank`; misspelt words are matched against a vocabulary
(`SearchWord`, trigram GIN index) with `pg_trgm` similarity. SQLite: an FTS5 table (`event_search`,
rowid = event id) queried with the same grammar translated to FTS5, ranked by the column the words occur in; the same
vocabulary is searched with difflib. Both engines index the same normalised text (`normalise`):
case, hyphens inside words and ё are ignored, Cyrillic and Latin words alike.

The grammar is the web-search one readers know: words in any order must all occur, "a phrase" in
quotes occurs as written, `-word` leaves out events with that word, `or` between words accepts either.
The last word also finds longer words it begins ("mos" finds Moscow, "kazakh" Kazakhstan): results
follow a reader's typing, as the substring match before full-text search did. A last word that is
itself a word of the titles and places (the vocabulary) is matched as a word: "council" finds the
council, not every word that begins so; a prefix of a common word reads far more of the index than
the word does (at a million events, 'council':* took 220 ms where 'council' takes 50).
"""

import difflib
import re
import time
from dataclasses import dataclass

from django.db import connection

# The text search configuration: English stemming ("summits" finds "summit"); words of other
# scripts (Cyrillic) pass through the stemmer unchanged and are matched as written.
CONFIG = "english"
# FTS5 equivalent: Porter stemming for Latin words, Unicode case folding and diacritics removed for all.
FTS5_TOKENIZE = "porter unicode61 remove_diacritics 2"
FTS5_TABLE = "event_search"
# Weights per part of an event's document: title, place, what the release says, the release itself.
WEIGHTS = ("A", "B", "C", "D")
# A suggestion must be at least this alike the word typed (pg_trgm similarity / difflib ratio).
SUGGEST_SIMILARITY = 0.4
SUGGEST_RATIO = 0.75
# Words shorter than this are not worth a suggestion or a vocabulary entry.
MIN_WORD = 3
MAX_WORD = 60

HYPHEN_IN_WORD = re.compile(r"(?<=\w)[-\u2010\u2011\u2012\u2013\u2014\u2212](?=\w)")
WORD = re.compile(r"[^\W\d_]{3,}")
# Query grammar: a quoted phrase, or a run of non-space characters; either may carry a leading '-'.
QUERY_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')


def normalise(text: str) -> str:
    """Text as both engines index it: lower case, ё as е, a hyphen between letters as a space."""
    text = HYPHEN_IN_WORD.sub(" ", text or "")
    return text.lower().replace("ё", "е")


def vocabulary_words(text: str) -> set[str]:
    """Words worth suggesting: letters only, of a sensible length."""
    return {w for w in WORD.findall(normalise(text)) if len(w) <= MAX_WORD}


@dataclass(frozen=True)
class Term:
    words: tuple[str, ...]  # one word, or a phrase
    negated: bool = False
    either: bool = False  # joined to the previous term by "or"
    prefix: bool = False  # also matches longer words that begin with the (last) word


def parse(text: str) -> list[Term]:
    """The query as terms, in the web-search grammar (see the module docstring)."""
    terms: list[Term] = []
    either = False
    for match in QUERY_TOKEN.finditer(normalise(text)):
        negated = bool(match[1])
        chunk = match[2] if match[2] is not None else match[3]
        if match[3] is not None:
            if chunk == "or" and terms:
                either = True
                continue
            negated = chunk.startswith("-") and len(chunk) > 1
            chunk = chunk[1:] if negated else chunk
        words = tuple(re.findall(r"\w+", chunk))
        if words:
            terms.append(Term(words, negated, either and not negated))
        either = False
    last = terms[-1] if terms else None
    if last and not last.negated and len(last.words) == 1 and len(last.words[0]) >= MIN_WORD:
        terms[-1] = Term(last.words, last.negated, last.either, prefix=True)
    return terms


# Words of the vocabulary already looked up in this process: a word, once there, stays there; a
# word not there may be added by an import, so that answer is kept only briefly.
_KNOWN: set[str] = set()
_UNKNOWN: dict[str, float] = {}
UNKNOWN_SECONDS = 60


def is_vocabulary_word(word: str) -> bool:
    from events.models import SearchWord

    if word in _KNOWN:
        return True
    if time.monotonic() - _UNKNOWN.get(word, -UNKNOWN_SECONDS) < UNKNOWN_SECONDS:
        return False
    if SearchWord.objects.filter(word=word).exists():
        _KNOWN.add(word)
        return True
    if len(_UNKNOWN) > 10_000:
        _UNKNOWN.clear()
    _UNKNOWN[word] = time.monotonic()
    return False


def terms(text: str) -> list[Term]:
    """The query's terms as searched: `parse`, with the last word matched as a whole word when the
    vocabulary holds it."""
    found = parse(text)
    last = found[-1] if found else None
    if last and last.prefix and is_vocabulary_word(last.words[0]):
        found[-1] = Term(last.words, last.negated, last.either, prefix=False)
    return found


def query_words(text: str) -> list[str]:
    """The words a reader asked for (not the ones left out), in order."""
    return [word for term in parse(text) if not term.negated for word in term.words]


# SQLite (FTS5) -----------------------------------------------------------------------------------


def fts5_query(terms: list[Term]) -> tuple[str, str]:
    """(what must match, what must not) as FTS5 query strings; each word quoted, so no syntax leaks."""

    def quoted(term: Term) -> str:
        return '"' + " ".join(term.words) + '"' + ("*" if term.prefix else "")

    positive = ""
    for term in terms:
        if term.negated:
            continue
        if positive:
            positive += " OR " if term.either else " AND "
        positive += quoted(term)
    negative = " OR ".join(quoted(term) for term in terms if term.negated)
    return positive, negative


def sqlite_matching(queryset, text: str):
    positive, negative = fts5_query(terms(text))
    if not positive and not negative:
        return queryset.none()
    from django.db.models.expressions import RawSQL

    table = connection.ops.quote_name(FTS5_TABLE)
    found = f"SELECT rowid FROM {table} WHERE {table} MATCH %s"
    if positive:
        queryset = queryset.filter(pk__in=RawSQL(found, [positive]))
    if negative:
        queryset = queryset.exclude(pk__in=RawSQL(found, [negative]))
    return queryset


def sqlite_rank(text: str):
    """Relevance by where the words occur, best first: all in the title (3), in the place (2), in the
    dating sentences (1), only in the release text (0). Each level is one uncorrelated FTS5 query
    restricted to a column, run once per request; a correlated bm25() per row re-ran the full-text
    query for every event (1.6 s for a deep page of a common word at 10,000 events)."""
    from django.db.models import Case, FloatField, Value, When
    from django.db.models.expressions import RawSQL

    positive, _ = fts5_query(terms(text))
    if not positive:
        return Value(0.0, output_field=FloatField())
    found = f"SELECT rowid FROM {FTS5_TABLE} WHERE {FTS5_TABLE} MATCH %s"
    levels = [
        When(pk__in=RawSQL(found, [f"{column} : ({positive})"]), then=Value(float(score)))
        for column, score in (("title", 3), ("place", 2), ("said", 1))
    ]
    return Case(*levels, default=Value(0.0), output_field=FloatField())


# Both engines ------------------------------------------------------------------------------------


def tsquery(terms: list[Term]) -> str:
    """The query in PostgreSQL's to_tsquery syntax, as websearch_to_tsquery would read it, with the
    prefix mark (`:*`) on the last word. Words are \\w runs, quoted: nothing a reader types is syntax."""

    def operand(term: Term) -> str:
        quoted = " <-> ".join(f"'{word}'" for word in term.words)
        quoted = f"{quoted}:*" if term.prefix else quoted
        return f"!({quoted})" if term.negated else f"({quoted})"

    query = ""
    for term in terms:
        if query:
            query += " | " if term.either else " & "
        query += operand(term)
    return query


def search_query(text: str):
    from django.contrib.postgres.search import SearchQuery

    return SearchQuery(tsquery(terms(text)), search_type="raw", config=CONFIG)


def matching(queryset, text: str):
    """Events whose indexed document matches the query."""
    if not parse(text):
        return queryset.none()
    if connection.vendor == "postgresql":
        return queryset.filter(search_vector=search_query(text))
    return sqlite_matching(queryset, text)


def ranked(queryset, text: str):
    """The queryset annotated with `relevance` (higher is better) for the query."""
    from django.db.models import F

    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchRank

        return queryset.annotate(relevance=SearchRank(F("search_vector"), search_query(text)))
    return queryset.annotate(relevance=sqlite_rank(text))


def suggest(text: str) -> str:
    """A corrected query ("did you mean"): each word not in the vocabulary replaced by the nearest
    one that is; empty when every word is known or nothing near enough exists."""
    from events.models import SearchWord

    words = [w for w in query_words(text) if len(w) >= MIN_WORD and not w.isdigit()]
    if not words:
        return ""
    known = set(SearchWord.objects.filter(word__in=words).values_list("word", flat=True))
    corrections = {}
    for word in words:
        if word in known:
            continue
        nearest = nearest_word(word)
        if nearest and nearest != word:
            corrections[word] = nearest
    if not corrections:
        return ""
    return " ".join(corrections.get(word, word) for word in query_words(text))


def nearest_word(word: str) -> str:
    from events.models import SearchWord

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT word FROM events_searchword WHERE word %% %s AND similarity(word, %s) >= %s "
                "ORDER BY similarity(word, %s) DESC, word LIMIT 1",
                [word, word, SUGGEST_SIMILARITY, word],
            )
            row = cursor.fetchone()
        return row[0] if row else ""
    # SQLite: words of a similar length sharing the first letter (an index range), compared by difflib.
    first = word[0]
    candidates = SearchWord.objects.filter(
        word__gte=first, word__lt=first + "\U0010ffff", length__range=(len(word) - 2, len(word) + 2)
    ).values_list("word", flat=True)
    found = difflib.get_close_matches(word, list(candidates[:5000]), n=1, cutoff=SUGGEST_RATIO)
    return found[0] if found else ""
