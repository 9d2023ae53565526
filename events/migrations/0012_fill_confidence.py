"""Store the confidence of the drafts already waiting (events.review), so the queue sorts by the column.

The assessment is the running code's (`events.review.refresh_all`, as 0006 runs `events.indexing`),
read through the current models, and only where drafts exist: a later migration adding a column to
events must come with this step rewritten on the historical models.
"""

from django.db import migrations


def fill(apps, schema_editor):
    Event = apps.get_model("events", "Event")
    if not Event.objects.using(schema_editor.connection.alias).filter(status="draft").exists():
        return
    from events.review import refresh_all

    refresh_all()


class Migration(migrations.Migration):
    dependencies = [("events", "0011_event_confidence")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
