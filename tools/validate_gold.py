#!/usr/bin/env python3
"""Check an annotated gold file against its release texts.

usage: validate_gold.py [GOLD.json] [--texts DIR]

Every gold release names an existing file and every file has a gold entry; every evidence is a
verbatim substring of its file; starts and ends parse at their precision and end >= start; kinds
come from the fixed vocabulary and expression types from issue 3's list. Exits 1 on any problem.
"""

import argparse
import datetime
import json
import re
import sys
from pathlib import Path

KINDS = {"meeting", "consultation", "exercise", "anniversary", "visit", "briefing", "decision", "conference", "other"}
TYPES = {"explicit", "range", "month_year", "relative", "name", "anniversary", "time", "plans", "future"}
FORMS = {"year": (r"\d{4}", "%Y"), "month": (r"\d{4}-\d{2}", "%Y-%m"), "day": (r"\d{4}-\d{2}-\d{2}", "%Y-%m-%d")}
DEFAULT = Path(__file__).resolve().parent.parent / "tests" / "data" / "annotated"


def parse(value: str, precision: str) -> datetime.date:
    pattern, fmt = FORMS[precision]
    if not re.fullmatch(pattern, value or ""):
        raise ValueError(f"{value!r} is not a {precision}-precision date")
    return datetime.datetime.strptime(value, fmt).date()


def problems(gold: list[dict], texts: Path) -> list[str]:
    found = []
    seen = set()
    for release in gold:
        name = release["file"]
        if name in seen:
            found.append(f"{name}: listed twice")
        seen.add(name)
        path = texts / name
        if not path.exists():
            found.append(f"{name}: no such file")
            continue
        text = path.read_text(encoding="utf-8")
        for key, fmt in (("published", "%Y-%m-%d"), ("published_time", "%H:%M")):
            if release.get(key) is not None:
                try:
                    datetime.datetime.strptime(release[key], fmt)
                except ValueError:
                    found.append(f"{name}: bad {key} {release[key]!r}")
        for index, event in enumerate(release["events"]):
            where = f"{name} event {index}"
            if event.get("evidence") not in text:
                found.append(f"{where}: evidence is not verbatim: {event.get('evidence')!r}")
            if event.get("kind") not in KINDS:
                found.append(f"{where}: unknown kind {event.get('kind')!r}")
            if event.get("type") not in TYPES:
                found.append(f"{where}: unknown type {event.get('type')!r}")
            if not isinstance(event.get("optional"), bool):
                found.append(f"{where}: optional must be true or false")
            try:
                start = parse(event["start"], event["precision"])
                if event.get("end") is not None and parse(event["end"], event["precision"]) < start:
                    found.append(f"{where}: end before start")
            except (KeyError, ValueError) as error:
                found.append(f"{where}: {error}")
            if event.get("time") is not None and not re.fullmatch(r"(?:[01]\d|2[0-3]):[0-5]\d", event["time"]):
                found.append(f"{where}: bad time {event['time']!r}")
    for path in sorted(texts.glob("*.txt")):
        if path.name not in seen:
            found.append(f"{path.name}: file has no gold entry")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", default=str(DEFAULT / "gold.json"))
    parser.add_argument("--texts", help="folder of the release files (default: the gold file's folder)")
    args = parser.parse_args()
    gold_path = Path(args.gold)
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    found = problems(gold, Path(args.texts) if args.texts else gold_path.parent)
    for problem in found:
        print(problem)
    events = [e for r in gold for e in r["events"]]
    by_type: dict[str, int] = {}
    for event in events:
        if not event["optional"]:
            by_type[event["type"]] = by_type.get(event["type"], 0) + 1
    print(
        f"{len(gold)} releases, {len(events)} events ({sum(by_type.values())} required); required per type: {dict(sorted(by_type.items()))}"
    )
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
