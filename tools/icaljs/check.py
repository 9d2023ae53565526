"""CI check: every instant in our feeds is read the same by Mozilla ical.js and Python icalendar.

Builds a throwaway SQLite database from the seed releases plus synthetic events (timed events in
several zones across DST and Moscow's 2011/2014 offset changes, ranges, month/year precision,
yearly anniversaries including 29 February), renders the feeds through the real views, and
compares each event's start and end (each occurrence, for recurring ones) as ical.js and
icalendar + recurring_ical_events read them. Exits 1 on any disagreement.

    npm ci --prefix tools/icaljs && .venv/bin/python tools/icaljs/check.py

`--self-test` also checks that the comparison catches a known ical.js pitfall (a VTIMEZONE whose
RDATE lists several values).
"""

import datetime
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
FROM_YEAR, TO_YEAR = 2000, 2031


def show(value) -> str:
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return value.isoformat()


def python_instants(ics: bytes) -> dict[str, list[list[str]]]:
    import icalendar
    import recurring_ical_events

    calendar = icalendar.Calendar.from_ical(ics)
    result: dict[str, list[list[str]]] = {}
    for event in calendar.walk("VEVENT"):
        if "RRULE" in event:
            continue
        result[str(event["UID"])] = [[show(event.start), show(event.end)]]
    recurring = {str(e["UID"]) for e in calendar.walk("VEVENT") if "RRULE" in e}
    for occurrence in recurring_ical_events.of(calendar).between((FROM_YEAR, 1, 1), (TO_YEAR, 1, 1)):
        uid = str(occurrence["UID"])
        start = occurrence.decoded("DTSTART")
        if uid in recurring and (start.year >= FROM_YEAR):
            result.setdefault(uid, []).append([show(start), show(occurrence.decoded("DTEND"))])
    for uid in recurring:
        result[uid] = sorted(result.get(uid, []))
    return result


def icaljs_instants(ics: bytes) -> dict[str, list[list[str]]]:
    with tempfile.NamedTemporaryFile(suffix=".ics") as handle:
        handle.write(ics)
        handle.flush()
        output = subprocess.run(
            ["node", str(HERE / "instants.mjs"), handle.name, str(FROM_YEAR), str(TO_YEAR)],
            check=True,
            capture_output=True,
            env={**os.environ, "TZ": "UTC"},
        ).stdout
    return {uid: sorted(occurrences) for uid, occurrences in json.loads(output).items()}


def compare(name: str, ics: bytes) -> list[str]:
    ours, theirs = python_instants(ics), icaljs_instants(ics)
    problems = []
    for uid in sorted(set(ours) | set(theirs)):
        if ours.get(uid) != theirs.get(uid):
            problems.append(f"{name} {uid}: icalendar {ours.get(uid)} != ical.js {theirs.get(uid)}")
    count = sum(len(v) for v in ours.values())
    print(f"{name}: {len(ours)} events, {count} occurrences compared, {len(problems)} disagreements")
    return problems


def setup_django(database: Path) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "timeline_project.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("import_releases", str(ROOT / "seeds"), "--publish", verbosity=0)


def add_synthetic_events() -> None:
    from events.models import Event

    def add(title, start, **values):
        Event(title=title, start_date=start, status="published", kind=values.pop("kind", "meeting"), **values).save()

    d, t = datetime.date, datetime.time
    for zone in ("Europe/Moscow", "Asia/Almaty", "Europe/Minsk", "Asia/Yerevan", "America/New_York", "UTC"):
        for day in (d(2005, 7, 1), d(2009, 1, 15), d(2011, 3, 27), d(2012, 7, 1), d(2014, 10, 26), d(2021, 6, 3)):
            add(f"Talks at 10:00 {zone} {day}", day, start_time=t(10), time_zone=zone)
    add("Night session", d(2014, 10, 26), start_time=t(1, 30), time_zone="Europe/Moscow")
    add("Timed range", d(2008, 3, 30), end_date=d(2008, 4, 1), start_time=t(9), time_zone="Europe/Moscow")
    add("Consultations, 21–23 January", d(2020, 1, 21), end_date=d(2020, 1, 23), kind="consultation")
    add("Across a year end", d(2019, 12, 30), end_date=d(2020, 1, 2))
    add("Drills in November", d(2020, 11, 1), precision="month", kind="exercise")
    add("September–October drills", d(2021, 9, 1), end_date=d(2021, 10, 1), precision="month", kind="exercise")
    add("Reform year", d(2022, 1, 1), precision="year", kind="decision")
    add("Founded on a leap day", d(2004, 2, 29), kind="decision", recurs_yearly=True)
    add("Founded in spring", d(2002, 5, 14), kind="decision", recurs_yearly=True)
    withdrawn = Event(title="Withdrawn", start_date=d(2021, 2, 2), status="published")
    withdrawn.save()
    withdrawn.status = "cancelled"
    withdrawn.touch()
    withdrawn.save()


def fetch(client, url: str) -> bytes:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return b"".join(response.streaming_content)


def self_test() -> list[str]:
    """The comparison must flag a multi-value RDATE VTIMEZONE (ical.js reads the first value only)."""
    import icalendar

    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//self-test//")
    calendar.add("version", "2.0")
    calendar.add_component(icalendar.Timezone.from_tzid("Europe/Moscow"))
    event = icalendar.Event()
    event.add("uid", "self-test")
    event.add("dtstamp", datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC))
    from zoneinfo import ZoneInfo

    event.add("dtstart", datetime.datetime(2005, 7, 1, 10, tzinfo=ZoneInfo("Europe/Moscow")))
    event.add("dtend", datetime.datetime(2005, 7, 1, 11, tzinfo=ZoneInfo("Europe/Moscow")))
    calendar.add_component(event)
    found = compare("self-test (multi-value RDATE)", calendar.to_ical())
    if not found:
        return ["self-test: a multi-value RDATE VTIMEZONE was not flagged; the comparison is blind"]
    return []


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        setup_django(Path(folder) / "icaljs.sqlite3")
        add_synthetic_events()
        from django.test import Client

        client = Client()
        problems = []
        # Exact days (the default), the approximate-dates feed, both together, and the anniversaries.
        for url in (
            "/calendar.ics",
            "/calendar/approximate.ics",
            "/calendar.ics?precision=all",
            "/calendar/anniversaries.ics",
        ):
            problems += compare(url, fetch(client, url))
        if "--self-test" in sys.argv:
            problems += self_test()
    for problem in problems:
        print(problem, file=sys.stderr)
    print("ical.js check:", "FAILED" if problems else "ok")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
