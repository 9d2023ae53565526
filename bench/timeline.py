"""Timeline render time at 10,000 and 100,000 published events (a benchmark, not a test).

    .venv/bin/python bench/timeline.py [--sizes 10000 100000] [--repeat 7]

Fills a throwaway SQLite database (a temporary file, deleted afterwards) with synthetic published
events and times GET / (first page), a filtered page (kind + year + text) and a deep page through
Django's test client, i.e. URL routing, views, queries and templates. Prints the median of
--repeat runs per page and the ratio between sizes: a page that does not grow with the data has a
ratio near 1.
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
sys.path.insert(0, str(ROOT))
WORKDIR = tempfile.mkdtemp(prefix="timeline-bench-")
os.environ["DATABASE_URL"] = f"sqlite:///{WORKDIR}/bench.sqlite3"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "timeline_project.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from events.models import Event, Kind  # noqa: E402
from events.views import EVENTS_PER_PAGE  # noqa: E402

KINDS = Kind.values
PLACES = ["Moscow", "Minsk", "Yerevan", "Astana", "Bishkek", "Dushanbe", ""]
PRECISIONS = ["day"] * 8 + ["month", "year"]


def fill(total: int) -> None:
    """Top the table up to `total` published events spread over 1990-2029."""
    have = Event.objects.count()
    batch = []
    for n in range(have, total):
        precision = PRECISIONS[n % len(PRECISIONS)]
        day = datetime.date(1990, 1, 1) + datetime.timedelta(days=(n * 7919) % (40 * 365))
        if precision == "month":
            day = day.replace(day=1)
        elif precision == "year":
            day = day.replace(month=1, day=1)
        batch.append(
            Event(
                uid=f"bench-{n}@csto-timeline",
                title=f"Synthetic {KINDS[n % len(KINDS)]} number {n} of the Collective Security Council",
                kind=KINDS[n % len(KINDS)],
                start_date=day,
                end_date=day + datetime.timedelta(days=2) if precision == "day" and n % 5 == 0 else None,
                precision=precision,
                location=PLACES[n % len(PLACES)],
                status="published",
            )
        )
        if len(batch) == 5000:
            Event.objects.bulk_create(batch)
            batch = []
    Event.objects.bulk_create(batch)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def timed(client: Client, url: str, repeat: int) -> tuple[float, int]:
    client.get(url)  # warm caches and compiled templates
    times = []
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get(url)
            times.append(time.perf_counter() - start)
        assert response.status_code == 200, url
    return statistics.median(times), len(queries)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()

    call_command("migrate", verbosity=0)
    client = Client()
    results: dict[str, dict[int, float]] = {}
    for size in sorted(args.sizes):
        started = time.perf_counter()
        fill(size)
        print(f"\n{size:,} published events (filled in {time.perf_counter() - started:.1f} s)")
        deep = size // EVENTS_PER_PAGE - 1
        pages = {
            "first page": "/",
            "filtered page": "/?kind=exercise&year=2005&q=council",
            "location filter": "/?location=minsk",
            f"deep page (~{deep})": f"/?page={deep}",
        }
        for name, url in pages.items():
            seconds, queries = timed(client, url, args.repeat)
            key = name.split(" (")[0]
            results.setdefault(key, {})[size] = seconds
            print(f"  {name:<22} {seconds * 1000:8.1f} ms  {queries} queries  {url}")
    if len(args.sizes) > 1:
        small, large = min(args.sizes), max(args.sizes)
        print(f"\nratio {large:,} / {small:,} events (data grew x{large / small:g}):")
        for name, by_size in results.items():
            print(f"  {name:<22} x{by_size[large] / by_size[small]:.2f}")


if __name__ == "__main__":
    try:
        main()
    finally:
        for path in Path(WORKDIR).glob("*"):
            path.unlink()
        os.rmdir(WORKDIR)
