#!/usr/bin/env python3
"""usage: check_gold.py SET_DIR -> lists problems in SET_DIR/gold.json against SET_DIR/releases/, exit 1 if any."""

import datetime
import json
import re
import sys
from pathlib import Path

KINDS = {"meeting", "consultation", "exercise", "anniversary", "visit", "briefing", "decision", "conference", "other"}
FORMS = {"year": (r"\d{4}", "%Y"), "month": (r"\d{4}-\d{2}", "%Y-%m"), "day": (r"\d{4}-\d{2}-\d{2}", "%Y-%m-%d")}
folder = Path(sys.argv[1])
problems = []
gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
files = {p.name for p in (folder / "releases").glob("*.txt")}
named = [g["file"] for g in gold]
for f in files - set(named):
    problems.append(f"{f}: no gold entry")
for g in gold:
    if g["file"] not in files:
        problems.append(f"{g['file']}: no such release file")
        continue
    text = (folder / "releases" / g["file"]).read_text(encoding="utf-8")
    if g.get("published"):
        try:
            datetime.date.fromisoformat(g["published"])
        except ValueError:
            problems.append(f"{g['file']}: bad published {g['published']!r}")
    for e in g["events"]:
        where = f"{g['file']} {e.get('start')}"
        if e.get("kind") not in KINDS:
            problems.append(f"{where}: kind {e.get('kind')!r}")
        prec = e.get("precision")
        if prec not in FORMS:
            problems.append(f"{where}: precision {prec!r}")
            continue
        for field in ("start", "end"):
            v = e.get(field)
            if v is None and field == "end":
                continue
            pat, fmt = FORMS[prec]
            if not re.fullmatch(pat, v or ""):
                problems.append(f"{where}: {field} {v!r} is not {prec} precision")
        if e.get("end") and e["end"] < e["start"]:
            problems.append(f"{where}: end before start")
        if not e.get("evidence") or e["evidence"] not in text:
            problems.append(f"{where}: evidence not verbatim: {e.get('evidence')!r}")
print("\n".join(problems) or f"OK: {len(gold)} releases, {sum(len(g['events']) for g in gold)} events")
sys.exit(1 if problems else 0)
