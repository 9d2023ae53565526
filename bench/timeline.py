"""Reader pages at scale: server time and query count per page (a benchmark, not a test).

    .venv/bin/python bench/timeline.py [--sizes 10000 100000] [--repeat 7] [--database-url URL]

Without --database-url it fills a throwaway SQLite database (a temporary file, deleted afterwards).
With a PostgreSQL URL it uses that database (migrating it), adds the synthetic events, and deletes
them again at the end; use a database of your own, never a shared one.

Synthetic published events spread over 1990-2029 get varied titles (so a word matches a few hundred
events, not all), gazetteer places and a place-less share, and their place and search document are
filled through `events.indexing` as the write path does. Each page is fetched through Django's test
client (routing, views, queries, templates); the median of --repeat runs and the number of queries
are printed, then the ratio between sizes: a page that does not grow with the data has a ratio near 1.
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


def configure() -> tuple[argparse.Namespace, str | None]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--database-url", default="", help="a PostgreSQL database of your own (default: SQLite)")
    args = parser.parse_args()
    workdir = None
    if args.database_url:
        os.environ["DATABASE_URL"] = args.database_url
    else:
        workdir = tempfile.mkdtemp(prefix="timeline-bench-")
        os.environ["DATABASE_URL"] = f"sqlite:///{workdir}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "timeline_project.settings")
    return args, workdir


ARGS, WORKDIR = configure()

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from events import indexing  # noqa: E402
from events.models import Event, Kind  # noqa: E402
from events.views import EVENTS_PER_PAGE  # noqa: E402

KINDS = Kind.values
PLACES = ["Moscow", "Minsk", "Yerevan", "Nur-Sultan", "Alma-Ata", "Bishkek", "Dushanbe", "CSTO Joint Staff", "", ""]
PRECISIONS = ["day"] * 8 + ["month", "year"]
# Words combined into titles: 7 x 11 x 13 combinations, so one word matches 1/7 to 1/13 of the events
# and a pair of words far fewer.
WHO = ["Secretary-General", "Chief of the Joint Staff", "Ministers", "Council", "Committee", "Delegation", "Tokayev"]
WHAT = ["opens", "holds talks on", "reviews", "discusses", "attends", "chairs", "signs", "visits", "briefs on",
        "prepares", "hosts"]  # fmt: skip
TOPIC = ["the summit", "rapid reaction forces", "border security", "peacekeeping", "cyber defence",
         "drug trafficking", "the exercise Interaction", "air defence", "the military budget",
         "crisis response", "the Collective Security Council", "training of staff", "Belovezhskaya anniversary"]  # fmt: skip
BENCH_UID = "bench-"


def fill(total: int) -> None:
    """Top the table up to `total` published events, then derive their places and search documents."""
    have = Event.objects.filter(uid__startswith=BENCH_UID).count()
    batch, new_ids = [], []
    for n in range(have, total):
        precision = PRECISIONS[n % len(PRECISIONS)]
        day = datetime.date(1990, 1, 1) + datetime.timedelta(days=(n * 7919) % (40 * 365))
        if precision == "month":
            day = day.replace(day=1)
        elif precision == "year":
            day = day.replace(month=1, day=1)
        batch.append(
            Event(
                uid=f"{BENCH_UID}{n}@csto-timeline",
                title=f"{WHO[n % 7]} {WHAT[n % 11]} {TOPIC[n % 13]} ({n})",
                kind=KINDS[n % len(KINDS)],
                start_date=day,
                end_date=day + datetime.timedelta(days=2) if precision == "day" and n % 5 == 0 else None,
                precision=precision,
                location=PLACES[n % len(PLACES)],
                status="published",
            )
        )
        if len(batch) == 5000:
            new_ids += [event.pk for event in Event.objects.bulk_create(batch)]
            batch = []
    new_ids += [event.pk for event in Event.objects.bulk_create(batch)]
    if None in new_ids:  # a database that returns no ids from a bulk insert
        new_ids = list(Event.objects.filter(uid__startswith=BENCH_UID).order_by("pk").values_list("pk", flat=True))[
            have:
        ]
    indexing.refresh(new_ids)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def timed(client: Client, url: str, repeat: int) -> tuple[float, int]:
    cache.clear()
    client.get(url)  # warm compiled templates and the database's own caches
    times = []
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get(url)
            times.append(time.perf_counter() - start)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(times), len(queries)


def pages(size: int) -> dict[str, str]:
    deep = size // EVENTS_PER_PAGE - 1
    return {
        "first page (newest)": "/",
        "oldest first": "/?order=oldest",
        "kind": "/?kind=exercise",
        "year": "/?year=2005",
        "place (city)": "/?place=Astana",
        "place (country)": "/?place=Belarus",
        "location substring": "/?location=minsk",
        "kind+year+search": "/?kind=exercise&year=2005&q=council",
        "search 1 word": "/?q=peacekeeping",
        "search 2 words": "/?q=tokayev+summit",
        "search hyphen": "/?q=Secretary-General+budget",
        "search by date": "/?q=peacekeeping&order=newest",
        "search misspelt": "/?q=peacekeping",
        "deep page (last)": f"/?page={deep}",
        "deep page (last), oldest": f"/?page={deep}&order=oldest",
        "search deep page": "/?q=council&page=20",
        "upcoming": "/upcoming/",
    }


def main() -> None:
    call_command("migrate", verbosity=0)
    client = Client()
    results: dict[str, dict[int, float]] = {}
    print(f"database: {connection.vendor}")
    try:
        for size in sorted(ARGS.sizes):
            started = time.perf_counter()
            fill(size)
            print(f"\n{size:,} published events (filled and indexed in {time.perf_counter() - started:.1f} s)")
            for name, url in pages(size).items():
                seconds, queries = timed(client, url, ARGS.repeat)
                results.setdefault(name, {})[size] = seconds
                print(f"  {name:<26} {seconds * 1000:8.1f} ms  {queries} queries  {url}")
    finally:
        if WORKDIR is None:
            Event.objects.filter(uid__startswith=BENCH_UID)._raw_delete(Event.objects.db)
    if len(ARGS.sizes) > 1:
        small, large = min(ARGS.sizes), max(ARGS.sizes)
        print(f"\nratio {large:,} / {small:,} events (data grew x{large / small:g}):")
        for name, by_size in results.items():
            if small in by_size and large in by_size:
                print(f"  {name:<26} x{by_size[large] / by_size[small]:.2f}")


if __name__ == "__main__":
    try:
        main()
    finally:
        if WORKDIR:
            for path in Path(WORKDIR).glob("*"):
                path.unlink()
            os.rmdir(WORKDIR)
