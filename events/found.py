"""What a view that finds its events by free text lists and counts: its first LIMIT events, in its order.

A search (`q`) or a `location=` filter may match hundreds of thousands of events, and no kept table
can count free text. Counting every match per year, kind and place read every matching row: 46-166
ms at 100,000 events, 0.24-1.4 s at a million for a common word, after every write. So such a view
lists its first LIMIT events in its own order (the most recent for "Best match" and "Newest first",
the oldest for "Oldest first", the soonest for "Upcoming") and counts exactly those, in one query
that reads about LIMIT rows whatever the number of matches (`first`).

When no more match, those counts are complete: the page shows what counting everything showed.
When more match, nothing is stated as a total: the page says "more than 1,000", lists the 1,000 and
says its counts are those of the 1,000; narrowing by year, kind or place lists (and counts) the
first 1,000 of the narrower view, so every match can be reached.
"""

import datetime
import json
from collections import Counter
from dataclasses import dataclass
from sys import intern

from django.db import connection
from django.db.models import DateField, F, Func

# How many events a free-text view lists and counts (20 pages of 50). Reading them is one query of
# about this many rows; "Best match" ranks these.
LIMIT = 1000
# (pk, start date, kind, country, city): what the list and the counts need of each event.
Row = tuple[int, datetime.date, str, str, str]


@dataclass(frozen=True)
class Found:
    """The first events of a view, in its order, and whether more match."""

    rows: tuple[Row, ...]
    more: bool

    @property
    def keys(self) -> list[int]:
        return [row[0] for row in self.rows]

    def groups(self) -> list[tuple[int, str, str, str, int]]:
        """(year, kind, country, city, n) of these events, what `events.tally.overview` folds."""
        counted = Counter((day.year, kind, country, city) for _, day, kind, country, city in self.rows)
        return [(*key, n) for key, n in counted.items()]

    def years(self) -> list[tuple[int, int]]:
        return sorted(Counter(row[1].year for row in self.rows).items())

    def narrowed(self, kind: str = "", year: int | None = None, place: str = "") -> "Found":
        """The events of a narrower view, read from these: right only when these are all (not `more`)."""
        assert not self.more, "the first events of a view say nothing of a narrower one"
        rows = tuple(
            row
            for row in self.rows
            if (not kind or row[2] == kind) and (not year or row[1].year == year) and (not place or place in row[3:])
        )
        return Found(rows, more=False)


def first(events, walk: tuple[str, str], published: int = 0, limit: int | None = None) -> Found:
    """The first `limit` of these events in the order `walk` (("-start_date", "-pk") or ascending),
    and whether more exist: one query of at most limit + 1 rows (one more query on PostgreSQL, the
    planner's estimate of the matches, when `published` is given).

    Two ways read them. Walking the (status, start_date) index in order and testing each event reads
    about limit x published / matches events: few for a common word, most of the table for a rare
    one. Reading every match (the full-text or trigram index) and keeping the first `limit` reads
    `matches` events. PostgreSQL cannot weigh testing an event against a query (at a million events it
    walked 90,000 events, 300 ms, for 11,000 matches it could have read in 20 ms), so it is told which
    is fewer: when the estimated matches are fewer than the walk would read, the order is by an
    expression the date index cannot serve. SQLite's full-text search reads every match anyway."""
    limit = LIMIT if limit is None else limit
    if published and connection.vendor == "postgresql":
        matches = estimated_rows(events)
        if matches * matches < limit * published:
            sign = "-" if walk[0].startswith("-") else ""
            day = Func(F("start_date"), template="(%(expressions)s + 0)", output_field=DateField())
            events = events.annotate(day=day)
            walk = (f"{sign}day", walk[1])
    read = events.order_by(*walk).values_list("pk", "start_date", "kind", "country", "place")[: limit + 1]
    # One string object per kind and place: the cached value holds each once (26 KB, not 49 KB).
    rows = tuple((pk, day, intern(kind), intern(country), intern(city)) for pk, day, kind, country, city in read)
    return Found(rows[:limit], more=len(rows) > limit)


def estimated_rows(events) -> float:
    """How many rows PostgreSQL's planner expects these events to be (its statistics: EXPLAIN, no run)."""
    sql, params = events.order_by().values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        plan = cursor.fetchone()[0]
    plan = json.loads(plan) if isinstance(plan, str) else plan
    return float(plan[0]["Plan"]["Plan Rows"])
