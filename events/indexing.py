"""What the database derives from an event and the releases that state it: its place (city, country)
and its search document. Refreshed by the one write path: `Event.save`, `EventQuerySet.update` (and so
`bulk_update`), and saving or deleting a Mention or a Release (the importer and merges do both).

Written in SQL over the tables, so a migration can call it as well as the running code.
"""

from collections import defaultdict
from collections.abc import Iterable

from django.db import connection, transaction

from events import search
from events.gazetteer import Place, aliases_of, place_of

BATCH = 500


def refresh(event_ids: Iterable[int], using=None) -> dict[int, Place]:
    """Recompute place and search document of these events (ids of deleted events are skipped);
    returns each event's place."""
    ids = sorted(set(event_ids))
    places = {}
    db = using or connection
    for start in range(0, len(ids), BATCH):
        # One transaction per batch: SQLite in autocommit would otherwise sync the file once per row.
        with transaction.atomic(using=db.alias):
            places.update(refresh_batch(ids[start : start + BATCH], db))
    return places


def refresh_all(using=None) -> None:
    db = using or connection
    with db.cursor() as cursor:
        cursor.execute("SELECT id FROM events_event ORDER BY id")
        ids = [row[0] for row in cursor.fetchall()]
    refresh(ids, db)


def refresh_batch(ids: list[int], db) -> dict[int, Place]:
    marks = ", ".join(["%s"] * len(ids))
    with db.cursor() as cursor:
        cursor.execute(f"SELECT id, title, location, description FROM events_event WHERE id IN ({marks})", ids)
        events = cursor.fetchall()
        cursor.execute(
            "SELECT m.event_id, m.evidence, r.title, r.body FROM events_mention m "
            f"JOIN events_release r ON r.id = m.release_id WHERE m.event_id IN ({marks}) "
            "ORDER BY m.event_id, r.published_on, m.evidence_start",
            ids,
        )
        stated = defaultdict(list)
        for event_id, evidence, release_title, body in cursor.fetchall():
            stated[event_id].append((evidence, release_title, body))
        rows, words = [], set()
        for pk, title, location, description in events:
            sources = stated.get(pk, [])
            evidence = " ".join(item[0] for item in sources)
            place = place_of(location, sources[0][0] if sources else "")
            releases = " ".join(dict.fromkeys(f"{item[1]} {item[2]}" for item in sources))
            parts = document(title, location, place, f"{evidence} {description}", releases)
            rows.append((pk, place, parts))
            words |= search.vocabulary_words(f"{title} {location} {place.city} {place.country}")
        write(cursor, db, rows, words)
    return {pk: place for pk, place, _ in rows}


def document(title: str, location: str, place: Place, said: str, releases: str) -> tuple[str, str, str, str]:
    """The four weighted parts (title, place, what the releases say of it, the releases), normalised."""
    where = " ".join([location, place.city, place.country, *aliases_of(place)]) if place else location
    return tuple(search.normalise(part) for part in (title, where, said, releases))


def write(cursor, db, rows: list, words: set[str]) -> None:
    if db.vendor == "postgresql":
        vector = " || ".join(f"setweight(to_tsvector('{search.CONFIG}', %s), '{weight}')" for weight in search.WEIGHTS)
        cursor.executemany(
            f"UPDATE events_event SET place = %s, country = %s, search_vector = {vector} WHERE id = %s",
            [(place.city, place.country, *parts, pk) for pk, place, parts in rows],
        )
    else:
        cursor.executemany(
            "UPDATE events_event SET place = %s, country = %s WHERE id = %s",
            [(place.city, place.country, pk) for pk, place, parts in rows],
        )
        table = search.FTS5_TABLE
        cursor.executemany(f"DELETE FROM {table} WHERE rowid = %s", [(pk,) for pk, _, _ in rows])
        cursor.executemany(
            f"INSERT INTO {table} (rowid, title, place, said, releases) VALUES (%s, %s, %s, %s, %s)",
            [(pk, *parts) for pk, _, parts in rows],
        )
    if words:
        cursor.executemany(
            "INSERT INTO events_searchword (word, length) VALUES (%s, %s) ON CONFLICT (word) DO NOTHING",
            [(word, len(word)) for word in sorted(words)],
        )


def forget(event_ids: Iterable[int]) -> None:
    """Deleted events leave the SQLite index (PostgreSQL keeps the document in the row itself)."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.executemany(f"DELETE FROM {search.FTS5_TABLE} WHERE rowid = %s", [(pk,) for pk in event_ids])


# Signal receivers (connected in EventsConfig.ready) ----------------------------------------------


def mention_changed(sender, instance, **kwargs) -> None:
    refresh([instance.event_id])


def release_saved(sender, instance, created=False, **kwargs) -> None:
    """A release's headline or text changed (an editor's change, or an import's update): its events'
    documents follow once the change commits. Not at once: an import saves the release before it
    locks the events it updates, and must not take their rows earlier (its own mention writes
    refresh them in order)."""
    if not created:
        ids = list(instance.mentions.values_list("event_id", flat=True))
        transaction.on_commit(lambda: refresh(ids))


def event_deleted(sender, instance, **kwargs) -> None:
    forget([instance.pk])
