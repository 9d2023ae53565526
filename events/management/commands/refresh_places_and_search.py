"""Recompute every event's place (city, country) and search document, e.g. after the gazetteer changed."""

from django.core.management.base import BaseCommand

from events import freshness, indexing
from events.models import Event


class Command(BaseCommand):
    help = "Recompute each event's place from the gazetteer and its search document (events/indexing.py)."

    def handle(self, *args, **options):
        ids = list(Event.objects.order_by("pk").values_list("pk", flat=True))
        places = indexing.refresh(ids)
        freshness.public_change()  # places are shown in the open formats: their validators follow
        placed = sum(1 for place in places.values() if place)
        if options["verbosity"]:
            self.stdout.write(self.style.SUCCESS(f"{len(ids)} events refreshed; {placed} have a place."))
