"""Re-serialise every event's stored VEVENT, e.g. after EVENTS_SITE_URL or the feed format changed."""

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from events.ical import serialize_event
from events.models import Event

BATCH = 1000


class Command(BaseCommand):
    help = (
        "Rebuild the stored iCalendar component of every event. An entry that changes gets a new "
        "LAST-MODIFIED (so feeds answer with new validators) and keeps its SEQUENCE: run it after "
        "changing EVENTS_SITE_URL or upgrading the feed format."
    )

    def handle(self, *args, verbosity: int, **options):
        changed = 0
        batch: list[Event] = []
        now = timezone.now()
        with transaction.atomic():
            for event in Event.objects.select_for_update().order_by("pk").iterator(chunk_size=BATCH):
                if serialize_event(event) == event.ical_component:
                    continue
                event.modified_at = now
                event.ical_component = serialize_event(event)
                batch.append(event)
                if len(batch) >= BATCH:
                    changed += self.flush(batch)
            changed += self.flush(batch)
        self.stdout.write(self.style.SUCCESS(f"{changed} calendar entries rebuilt."))

    def flush(self, batch: list[Event]) -> int:
        count = len(batch)
        if batch:
            Event.objects.bulk_update(batch, ["ical_component", "modified_at"])
            batch.clear()
        return count
