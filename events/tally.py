"""Published events counted per (year, kind, country, place), kept by the database itself.

The timeline's overview (events per year, per kind, per place, each with the other filters applied)
reads these few hundred rows instead of counting the events table, so a view's first request costs
what a later one does, whatever the number of events. The counts are kept in step by triggers on
`events_event`, so every write counts, whoever makes it: saves, bulk updates, imports, an editor
publishing or unpublishing, a raw SQL delete. They change in the writer's own transaction, so a
reader never sees counts and events that disagree.

PostgreSQL: one statement-level trigger per operation, reading the statement's changed rows from its
transition tables (a bulk insert of a million events is one grouped upsert, not a million). SQLite:
row-level triggers. `install` creates them and counts afresh; it runs in the migration that created
the table and after every `migrate`, because SQLite drops a table's triggers when a migration rebuilds
the table.

Views filtered by free text, by the location as written, or to upcoming events count those events
directly (`EventQuerySet.count_by_group`, the same groups): no small table can answer them.
"""

from collections import Counter

from django.db.models import Sum

TABLE = "events_eventtally"
KEY = "year, kind, country, place"
# The columns a trigger must follow: a change of any other column leaves the counts as they are.
COUNTED = "status, start_date, kind, country, place"


def _pg_year(row: str) -> str:
    return f"EXTRACT(YEAR FROM {row}start_date)::integer"


def _pg_rows(table: str, sign: int) -> str:
    return f"SELECT {_pg_year('')} AS year, kind, country, place, {sign} AS d FROM {table} WHERE status = 'published'"


def _pg_function(name: str, source: str) -> str:
    return f"""
CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO {TABLE} AS t ({KEY}, n)
    SELECT {KEY}, SUM(d) FROM ({source}) AS changed
    GROUP BY {KEY} HAVING SUM(d) <> 0 ORDER BY {KEY}
    ON CONFLICT ({KEY}) DO UPDATE SET n = t.n + EXCLUDED.n;
    RETURN NULL;
END $$"""


POSTGRESQL = [
    _pg_function("events_tally_insert", _pg_rows("new_rows", 1)),
    _pg_function("events_tally_delete", _pg_rows("old_rows", -1)),
    _pg_function("events_tally_update", f"{_pg_rows('new_rows', 1)} UNION ALL {_pg_rows('old_rows', -1)}"),
    "DROP TRIGGER IF EXISTS events_tally_insert ON events_event",
    "DROP TRIGGER IF EXISTS events_tally_delete ON events_event",
    "DROP TRIGGER IF EXISTS events_tally_update ON events_event",
    "CREATE TRIGGER events_tally_insert AFTER INSERT ON events_event REFERENCING NEW TABLE AS new_rows "
    "FOR EACH STATEMENT EXECUTE FUNCTION events_tally_insert()",
    "CREATE TRIGGER events_tally_delete AFTER DELETE ON events_event REFERENCING OLD TABLE AS old_rows "
    "FOR EACH STATEMENT EXECUTE FUNCTION events_tally_delete()",
    "CREATE TRIGGER events_tally_update AFTER UPDATE ON events_event "
    "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION events_tally_update()",
]
POSTGRESQL_DROP = [
    "DROP TRIGGER IF EXISTS events_tally_insert ON events_event",
    "DROP TRIGGER IF EXISTS events_tally_delete ON events_event",
    "DROP TRIGGER IF EXISTS events_tally_update ON events_event",
    "DROP FUNCTION IF EXISTS events_tally_insert()",
    "DROP FUNCTION IF EXISTS events_tally_delete()",
    "DROP FUNCTION IF EXISTS events_tally_update()",
]


def _sqlite_add(row: str) -> str:
    values = f"CAST(substr({row}.start_date, 1, 4) AS integer), {row}.kind, {row}.country, {row}.place"
    return f"INSERT INTO {TABLE} ({KEY}, n) VALUES ({values}, 1) ON CONFLICT ({KEY}) DO UPDATE SET n = n + 1;"


def _sqlite_remove(row: str) -> str:
    return (
        f"UPDATE {TABLE} SET n = n - 1 WHERE year = CAST(substr({row}.start_date, 1, 4) AS integer) "
        f"AND kind = {row}.kind AND country = {row}.country AND place = {row}.place;"
    )


SQLITE = [
    "CREATE TRIGGER IF NOT EXISTS events_tally_insert AFTER INSERT ON events_event "
    f"WHEN NEW.status = 'published' BEGIN {_sqlite_add('NEW')} END",
    "CREATE TRIGGER IF NOT EXISTS events_tally_delete AFTER DELETE ON events_event "
    f"WHEN OLD.status = 'published' BEGIN {_sqlite_remove('OLD')} END",
    f"CREATE TRIGGER IF NOT EXISTS events_tally_update_old AFTER UPDATE OF {COUNTED} ON events_event "
    f"WHEN OLD.status = 'published' BEGIN {_sqlite_remove('OLD')} END",
    f"CREATE TRIGGER IF NOT EXISTS events_tally_update_new AFTER UPDATE OF {COUNTED} ON events_event "
    f"WHEN NEW.status = 'published' BEGIN {_sqlite_add('NEW')} END",
]
SQLITE_DROP = [
    f"DROP TRIGGER IF EXISTS {name}"
    for name in ("events_tally_insert", "events_tally_delete", "events_tally_update_old", "events_tally_update_new")
]


def recount_sql(vendor: str) -> list[str]:
    year = _pg_year("") if vendor == "postgresql" else "CAST(substr(start_date, 1, 4) AS integer)"
    return [
        f"DELETE FROM {TABLE}",
        f"INSERT INTO {TABLE} ({KEY}, n) SELECT {year}, kind, country, place, COUNT(*) FROM events_event "
        f"WHERE status = 'published' GROUP BY {year}, kind, country, place",
    ]


def install(connection) -> None:
    """Create (or re-create) the triggers on this database and count every published event afresh."""
    statements = {"postgresql": POSTGRESQL, "sqlite": SQLITE}.get(connection.vendor)
    if statements is None:
        raise NotImplementedError(f"event counts are kept on PostgreSQL and SQLite, not {connection.vendor}")
    from django.db import transaction

    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        for statement in [*statements, *recount_sql(connection.vendor)]:
            cursor.execute(statement)


def uninstall(connection) -> None:
    statements = {"postgresql": POSTGRESQL_DROP, "sqlite": SQLITE_DROP}.get(connection.vendor, [])
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def after_migrate(sender, using="default", **kwargs) -> None:
    """post_migrate: a migration may have rebuilt events_event (SQLite does, to alter a column),
    taking its triggers with it; put them back and count again."""
    from django.db import connections

    connection = connections[using]
    if TABLE in connection.introspection.table_names():
        install(connection)


# Reading -----------------------------------------------------------------------------------------


def rows() -> list[tuple[int, str, str, str, int]]:
    """(year, kind, country, city, n) for every combination some published event has."""
    from events.models import EventTally

    return list(EventTally.objects.filter(n__gt=0).values_list("year", "kind", "country", "place", "n"))


def overview(rows, kind: str = "", year: int | None = None, place: str = "") -> tuple[list, list, list]:
    """(per year, per kind, per place) from (year, kind, country, city, n) rows, each with the other
    filters applied: what counting the filtered events per year, per kind and per place gives.
    Per place: (country, city, n), one row per city and one per country for events known only to the
    country; events with no country are not listed."""
    years: Counter = Counter()
    kinds: Counter = Counter()
    places: Counter = Counter()
    for row_year, row_kind, country, city, n in rows:
        kind_ok = not kind or row_kind == kind
        year_ok = not year or row_year == year
        place_ok = not place or place in (city, country)
        if kind_ok and place_ok:
            years[row_year] += n
        if year_ok and place_ok:
            kinds[row_kind] += n
        if kind_ok and year_ok and country:
            places[country, city] += n
    return (
        sorted(years.items()),
        sorted(kinds.items()),
        [(country, city, n) for (country, city), n in sorted(places.items())],
    )


def counts(kind: str = "", year: int | None = None, place: str = "") -> tuple[list, list, list, int]:
    """The overview of published events for these filters, from the kept counts, and the number of
    published events: one query."""
    kept = rows()
    return (*overview(kept, kind=kind, year=year, place=place), sum(row[-1] for row in kept))


def published() -> int:
    """How many events are published."""
    from events.models import EventTally

    return EventTally.objects.filter(n__gt=0).aggregate(total=Sum("n"))["total"] or 0
