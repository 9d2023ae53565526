"""Re-serialise every event's stored VEVENT, e.g. after EVENTS_SITE_URL or the feed format changed."""

from django.core.management.base import BaseCommand

from events.ical import serialize_event
from events.models import Event

BATCH = 1000


class Command(BaseCommand):
    help = (
        "Rebuild the stored iCalendar component of every event. Subscribers see no change in SEQUENCE: "
        "run it after changing EVENTS_SITE_URL or upgrading the feed format."
    )

    def handle(self, *args, verbosity: int, **options):
        changed = 0
        batch: list[Event] = []
        for event in Event.objects.order_by("pk").iterator(chunk_size=BATCH):
            component = serialize_event(event)
            if component != event.ical_component:
                event.ical_component = component
                batch.append(event)
            if len(batch) >= BATCH:
                changed += self.flush(batch)
        changed += self.flush(batch)
        self.stdout.write(self.style.SUCCESS(f"{changed} calendar entries rebuilt."))

    def flush(self, batch: list[Event]) -> int:
        count = len(batch)
        if batch:
            Event.objects.bulk_update(batch, ["ical_component"])
            batch.clear()
        return count
