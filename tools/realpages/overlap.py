#!/usr/bin/env python3
"""Verdict only (for tools/realpages/BRIEF.md): is a candidate page a repeat of a measured corpus release or of a page already gathered?

usage: overlap.py FILE [URL]   -> prints 'OK' or 'REPEAT (<reason>)'; never prints corpus text.
A repeat: the same URL as a corpus release or a gathered page, or more than 25% of the candidate's
8-word shingles shared with one of them.
"""

import contextlib
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "corpus"
HERE = ROOT.parent / "realpages"  # the gathered sets, beside the project


def shingles(text):
    words = re.findall(r"\w+", text.lower())
    return {" ".join(words[i : i + 8]) for i in range(max(0, len(words) - 7))}


def main():
    path = Path(sys.argv[1])
    url = sys.argv[2] if len(sys.argv) > 2 else None
    mine = shingles(path.read_text(encoding="utf-8"))
    others = [(p, "corpus") for p in (SHARED / "releases").glob("*.txt")]
    others += [(p, "gathered") for p in HERE.glob("*/releases/*.txt") if p.resolve() != path.resolve()]
    urls = {g.get("source_url") for g in json.loads((SHARED / "gold.json").read_text())}
    for gold in HERE.glob("*/gold.json"):
        with contextlib.suppress(Exception):
            urls |= {g.get("source_url") for g in json.loads(gold.read_text())}

    def norm(u):
        return re.sub(r"^https?://(www\.)?", "", (u or "").rstrip("/"))

    if url and norm(url) in {norm(u) for u in urls if u}:
        print("REPEAT (same URL as a corpus release or a gathered page)")
        return
    for other, where in others:
        theirs = shingles(other.read_text(encoding="utf-8"))
        if mine and len(mine & theirs) / len(mine) > 0.25:
            print(
                f"REPEAT (shares text with a {where} release"
                + (f": {other.parent.parent.name}/{other.name}" if where == "gathered" else "")
                + ")"
            )
            return
    print("OK")


main()
