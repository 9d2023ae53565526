"""The Duplicates view's cost at 100,000 live events (a benchmark, not a test).

    .venv/bin/python bench/duplicates.py [--size 100000] [--repeat 3] [--full]

Fills a throwaway SQLite database with synthetic live events (one mention each; every tenth event
restated by a second one on the same day and place), then times one page of likely-duplicate groups
(`matching.duplicate_groups_before`: the newest GROUPS_WINDOW live events and their candidates), a
page deep in the past, and the view itself through the test client. --full also times the whole
table read at once (`matching.duplicate_groups()`, what the view did before it was paged). Prints
medians, CPU time and the load average; times on a shared machine grow with the load.
"""

import argparse
import datetime
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def fill(size: int) -> None:
    from events.models import Event, Kind, Mention, Release

    kinds, places = Kind.values, ["Moscow", "Minsk", "Yerevan", "Astana", "Bishkek", "Dushanbe", ""]
    release = Release.objects.create(
        source_name="bench.txt", original_text="x" * 200, content_hash="0" * 64, title="Synthetic release"
    )
    for first in range(0, size, 5000):
        batch = []
        for n in range(first, min(first + 5000, size)):
            twin = n % 10 == 9  # restates the event before it
            m = n - 1 if twin else n
            batch.append(
                Event(
                    uid=f"dup-bench-{n}",
                    title=f"Talks of the {kinds[m % len(kinds)]} council number {m}"
                    if twin
                    else f"The {kinds[m % len(kinds)]} council met, number {m}",
                    kind=kinds[m % len(kinds)],
                    start_date=datetime.date(1990, 1, 1) + datetime.timedelta(days=(m * 7919) % (40 * 365)),
                    location=places[m % len(places)],
                    status="published" if n % 3 else "draft",
                )
            )
        events = Event.objects.bulk_create(batch)
        Mention.objects.bulk_create(
            Mention(release=release, event=e, evidence=f"Sentence about {e.title}.", evidence_start=0, evidence_end=10)
            for e in events
        )


def timed(function, repeat: int) -> tuple[float, float, object]:
    times, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        result = function()
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(times) * 1000, statistics.median(cpu) * 1000, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--full", action="store_true", help="also time reading every live event at once")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="duplicates-bench-") as workdir:
        sys.path.insert(0, str(ROOT))
        os.environ["DATABASE_URL"] = f"sqlite:///{workdir}/bench.sqlite3"
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "timeline_project.settings")
        os.environ.pop("REDIS_URL", None)
        import django

        django.setup()
        from django.contrib.auth.models import User
        from django.core.management import call_command
        from django.test import Client
        from django.test.utils import setup_test_environment
        from django.urls import reverse

        from events import matching

        setup_test_environment()  # the test client records the template context
        call_command("migrate", verbosity=0)
        started = time.perf_counter()
        fill(args.size)
        print(f"sqlite: {args.size:,} events filled in {time.perf_counter() - started:.1f} s")
        print(f"  load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        middle = datetime.date(2010, 6, 1)
        client = Client()
        client.force_login(User.objects.create_superuser("bench", password="pw"))
        url = reverse("admin:events_event_duplicates")
        rows = [
            ("first page (newest)", lambda: matching.duplicate_groups_before()),
            ("page before 2010-06-01", lambda: matching.duplicate_groups_before(middle)),
            ("view, first page", lambda: client.get(url)),
        ]
        print(f"  {'what':<28} {'ms':>9} {'cpu ms':>9}  groups")
        for name, function in rows:
            wall, cpu, result = timed(function, args.repeat)
            groups = len(result.groups) if hasattr(result, "groups") else len(result.context["groups"])
            print(f"  {name:<28} {wall:9.0f} {cpu:9.0f}  {groups}")
            if name == "first page (newest)":
                page_ms = wall
        if args.full:
            wall, cpu, result = timed(lambda: matching.duplicate_groups(), 1)
            print(f"  {'every live event at once':<28} {wall:9.0f} {cpu:9.0f}  {len(result)}")
            print(f"  whole table / one page: {wall / page_ms:.0f}x (one run)")
        print(f"  load average {os.getloadavg()[0]:.1f} at the end; window {matching.GROUPS_WINDOW} events a page")


if __name__ == "__main__":
    main()
