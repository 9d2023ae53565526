"""The extractor measured on the annotated set (tests/data/annotated), per date expression type.

Files are named by the expression type they exercise (`range_03.txt`, `plans_02.txt`); each gold
event carries the "type" of the expression that dates it. Issue 3 asks for recall >= 0.95 and
precision >= 0.9 for every type; run with `-s` to see the table (or `tools/eval_report.py`).
"""

import importlib.util
import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.scoring import format_table, score_by_type

ANNOTATED = Path(__file__).resolve().parent / "data" / "annotated"
GOLD = json.loads((ANNOTATED / "gold.json").read_text(encoding="utf-8"))
TYPES = ["explicit", "range", "month_year", "relative", "name", "anniversary", "time", "plans", "future"]
MIN_RECALL = 0.95
MIN_PRECISION = 0.9


def load_validator():
    path = Path(__file__).resolve().parent.parent / "tools" / "validate_gold.py"
    spec = importlib.util.spec_from_file_location("validate_gold", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def rows():
    buffer = io.StringIO()
    call_command("import_releases", str(ANNOTATED), "--dry-run", "--format", "json", stdout=buffer)
    rows = score_by_type(GOLD, json.loads(buffer.getvalue()))
    print("\n" + format_table(rows))
    return rows


def describe(items) -> str:
    return "\n".join(
        f"  {file}: {e['start']}{'/' + e['end'] if e.get('end') else ''} {e['kind']}"
        f"{' at ' + str(e.get('time')) if 'time' in e else ''}: {e['evidence'][:100]}"
        for file, e in items
    )


def test_gold_is_valid():
    assert load_validator().problems(GOLD, ANNOTATED) == []


def test_every_type_has_many_examples():
    files = {t: sum(1 for r in GOLD if r["file"].rsplit("_", 1)[0] == t) for t in TYPES}
    required = {t: sum(1 for r in GOLD for e in r["events"] if e["type"] == t and not e["optional"]) for t in TYPES}
    assert all(files[t] >= 5 for t in TYPES), files
    assert all(required[t] >= 12 for t in TYPES if t != "plans"), required


@pytest.mark.parametrize("expression_type", TYPES)
def test_recall_per_type(rows, expression_type):
    row = rows[expression_type]
    assert row["recall"] >= MIN_RECALL, (
        f"{expression_type}: recall {row['recall']:.3f} ({row['matched']}/{row['gold']}); missed:\n"
        + describe(row["misses"])
    )


@pytest.mark.parametrize("expression_type", TYPES)
def test_precision_per_type(rows, expression_type):
    row = rows[expression_type]
    assert row["precision"] >= MIN_PRECISION, (
        f"{expression_type}: precision {row['precision']:.3f} ({row['correct']}/{row['predicted']}); extra:\n"
        + describe(row["extras"])
    )


HELDOUT = Path(__file__).resolve().parent / "data" / "heldout"


def test_heldout_set_does_not_regress():
    """Longer releases of several organisations, written apart from the rules' tuning.

    Measured before any rule looked at them: recall 0.767, precision 0.906. The floor keeps the
    gains made since from slipping back unnoticed. It is a regression guard, not a measure (the
    real corpus is: `make eval`). Its gold was written before ANNOTATION.md and the corpus gold,
    and counts fewer events than the guide does: a named exercise in a sentence about another
    happening ("a decision was taken to hold the exercises Interaction-2025, Search-2025 ..."),
    "last week" (the guide: Monday to Sunday of that week) and what a speaker states in quotes.
    Those readings follow the guide and cost this set some precision (0.93 where it was 0.98).
    """
    from tests.scoring import score

    buffer = io.StringIO()
    call_command("import_releases", str(HELDOUT), "--dry-run", "--format", "json", stdout=buffer)
    gold = json.loads((HELDOUT / "gold.json").read_text(encoding="utf-8"))
    result = score(gold, json.loads(buffer.getvalue()))
    assert result["recall"] >= 0.9, result["misses"]
    assert result["precision"] >= 0.9, result["extras"]
