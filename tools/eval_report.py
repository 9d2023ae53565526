#!/usr/bin/env python3
"""Per-type recall and precision of the extractor on the annotated set, with every miss and extra.

usage: .venv/bin/python tools/eval_report.py [DIR]   (default: tests/data/annotated, gold in DIR/gold.json)
"""

import io
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "timeline_project.settings")


def main() -> int:
    import django

    django.setup()
    from django.core.management import call_command

    from tests.scoring import format_table, score_by_type

    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "tests" / "data" / "annotated"
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    buffer = io.StringIO()
    call_command("import_releases", str(folder), "--dry-run", "--format", "json", stdout=buffer)
    predicted = json.loads(buffer.getvalue())
    rows = score_by_type(gold, predicted)
    print(format_table(rows))
    for name, row in rows.items():
        for label, items in (("MISSED", row["misses"]), ("EXTRA ", row["extras"])):
            for file, event in items:
                span = event["start"] + ("/" + event["end"] if event.get("end") else "")
                time = f" time={event.get('time')}" if "time" in event or event.get("time") else ""
                print(f"[{name}] {label} {file}: {span} {event['kind']}{time} | {event['evidence'][:120]}")
    published = {r["file"]: r for r in predicted["releases"]}
    for release in gold:
        got = published.get(release["file"], {}).get("published")
        if release["published"] is not None and got != release["published"]:
            print(f"PUBLISHED {release['file']}: gold {release['published']} got {got}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
