from django.db import migrations

# PostgreSQL: a trigram index over the location as `location=` compares it (Django's icontains:
# UPPER(location) LIKE UPPER('%text%')), so a location that few events name is found by the index
# instead of a scan of the table (events.found reads the first events of such a view either way);
# ANALYZE gathers statistics on the indexed expression, which gives the planner's estimate of how
# many events a location matches. SQLite has no such index: its LIKE reads the table.
CREATE = "CREATE INDEX IF NOT EXISTS event_location_upper_trgm ON events_event USING gin (UPPER(location::text) gin_trgm_ops)"
DROP = "DROP INDEX IF EXISTS event_location_upper_trgm"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)
        schema_editor.execute("ANALYZE events_event")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0012_fill_confidence"),
    ]

    operations = [migrations.RunPython(create, drop)]
