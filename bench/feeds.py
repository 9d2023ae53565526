"""Benchmark (not a test): /calendar.ics against a django-ical feed over the same events.

    .venv/bin/pip install -r requirements-bench.txt
    .venv/bin/python bench/feeds.py [--sizes 10000,100000]

Fills a throwaway SQLite database with synthetic published events (each serialised once, as
Event.save() does), then prints for each size: time to build the whole /calendar.ics body,
the same for a django-ical feed over the same events, their ratio, peak traced memory
(tracemalloc) of both, and the time of a repeat conditional request (If-None-Match -> 304).
"""

import argparse
import datetime
import os
import statistics
import sys
import tempfile
import time
import tracemalloc
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def setup(database: Path) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "timeline_project.settings"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def fill(count: int) -> None:
    from django.utils import timezone

    from events.ical import serialize_event
    from events.models import Event

    Event.objects.all().delete()
    now = timezone.now()
    kinds = ["meeting", "consultation", "exercise", "visit", "briefing", "decision", "conference", "other"]
    batch = []
    for n in range(count):
        start = datetime.date(2000, 1, 1) + datetime.timedelta(days=n % 9000)
        event = Event(
            uid=f"{uuid.uuid4()}@bench",
            title=f"Synthetic event {n}: consultations, talks; “quotes” — Москва",
            kind=kinds[n % len(kinds)],
            start_date=start,
            status="published",
            published_once=True,
            location=["Moscow", "Minsk", "Yerevan", "Astana", ""][n % 5],
            created_at=now,
            modified_at=now,
        )
        if n % 10 == 1:
            event.start_time = datetime.time(10, 30)
            event.time_zone = ["Europe/Moscow", "Asia/Almaty"][n % 2]
        elif n % 10 == 2:
            event.end_date = start + datetime.timedelta(days=2)
        elif n % 10 == 3:
            event.precision = "month"
            event.start_date = start.replace(day=1)
        event.ical_component = serialize_event(event)
        batch.append(event)
        if len(batch) == 5000:
            Event.objects.bulk_create(batch)
            batch = []
    Event.objects.bulk_create(batch)


def django_ical_feed():
    from django_ical.views import ICalFeed

    from events.ical import exclusive_end, summary_for
    from events.models import Event

    class BenchICalFeed(ICalFeed):
        """What a typical django-ical feed over the same events looks like."""

        product_id = "-//bench//django-ical//EN"
        title = "CSTO events timeline"
        description = "Benchmark baseline"

        def items(self):
            return Event.objects.in_feed().chronological()

        def item_guid(self, item):
            return item.uid

        def item_title(self, item):
            return summary_for(item)

        def item_description(self, item):
            return item.description

        def item_link(self, item):
            return item.get_absolute_url()

        def item_start_datetime(self, item):
            if item.start_time is not None and item.precision == "day":
                from zoneinfo import ZoneInfo

                return datetime.datetime.combine(item.start_date, item.start_time, tzinfo=ZoneInfo(item.time_zone))
            return item.start_date

        def item_end_datetime(self, item):
            return exclusive_end(item)

        def item_location(self, item):
            return item.location

        def item_updateddate(self, item):
            return item.modified_at

        def item_timestamp(self, item):
            return item.modified_at

        def item_status(self, item):
            return "CANCELLED" if item.status == "cancelled" else "CONFIRMED"

    return BenchICalFeed()


def ours(request):
    from events.feeds import EventsFeed

    response = EventsFeed.as_view()(request)
    size = 0
    for chunk in response.streaming_content if response.streaming else [response.content]:
        size += len(chunk)
    return response, size


def theirs(request):
    response = django_ical_feed()(request)
    return response, len(response.content)


def timed(function, *args):
    start = time.perf_counter()
    result = function(*args)
    return time.perf_counter() - start, result


def peak_memory(function, *args) -> int:
    tracemalloc.start()
    function(*args)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument(
        "--baseline-memory-max",
        type=int,
        default=10000,
        help="trace django-ical's memory only up to this many events (tracing it is slow)",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        setup(Path(folder) / "bench.sqlite3")
        from django.core.cache import cache
        from django.test import RequestFactory

        factory = RequestFactory()
        print(
            f"{'events':>8} {'ours s':>8} {'django-ical s':>13} {'ratio':>6} {'ours peak MB':>12} "
            f"{'d-ical peak MB':>14} {'ours body MB':>12} {'repeat 304 ms':>13}"
        )
        for count in (int(size) for size in args.sizes.split(",")):
            fill(count)
            cache.clear()
            request = factory.get("/calendar.ics")
            ours(request)  # warm: VTIMEZONE text, query compilation
            cache.clear()  # measure building the body, not a cached copy
            our_time, (response, size) = timed(ours, request)
            assert response.status_code == 200 and size > count * 300
            their_time, (their_response, their_size) = timed(theirs, factory.get("/calendar.ics"))
            assert their_response.status_code == 200 and their_size > count * 200
            cache.clear()
            our_peak = peak_memory(ours, request)
            their_peak = "skipped"
            if count <= args.baseline_memory_max:
                their_peak = f"{peak_memory(theirs, factory.get('/calendar.ics')) / 2**20:.1f}"
            conditional = factory.get("/calendar.ics", headers={"if-none-match": response["ETag"]})
            repeats = []
            for _ in range(20):
                seconds, (repeat, _) = timed(ours, conditional)
                assert repeat.status_code == 304
                repeats.append(seconds)
            print(
                f"{count:>8} {our_time:>8.3f} {their_time:>13.3f} {their_time / our_time:>5.1f}x "
                f"{our_peak / 2**20:>12.1f} {their_peak:>14} {size / 2**20:>12.1f} "
                f"{statistics.median(repeats) * 1000:>13.2f}",
                flush=True,
            )


if __name__ == "__main__":
    main()
