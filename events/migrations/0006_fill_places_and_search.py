"""Fill the place (city, country) and the search document of the events already stored."""

from django.db import migrations


def fill(apps, schema_editor):
    from events.indexing import refresh_all

    refresh_all(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("events", "0005_search_places_source_url")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
