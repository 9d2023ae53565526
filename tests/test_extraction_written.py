"""The written sets of tests/data/written (see its README): regression guards, not a measure."""

import json
from pathlib import Path

import pytest

from events.extraction import extract_release
from tests.scoring import score

WRITTEN = Path(__file__).resolve().parent / "data" / "written"
# (recall, precision) floors, a little under what each set scores now: a guard against slipping back.
FLOORS = {
    "agencies_and_sister_sites": (0.92, 0.94),
    "mixed_wires": (0.90, 0.95),
    "sister_sites": (0.89, 0.90),
}


def predicted(folder: Path, gold: list[dict]) -> dict:
    releases = []
    for entry in gold:
        extracted = extract_release((folder / entry["file"]).read_text(encoding="utf-8"))
        releases.append({"file": entry["file"], "events": [event.as_json() for event in extracted.events]})
    return {"releases": releases}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_written_set_does_not_regress(name):
    folder = WRITTEN / name
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    result = score(gold, predicted(folder, gold))
    recall_floor, precision_floor = FLOORS[name]
    assert result["recall"] >= recall_floor, result["misses"]
    assert result["precision"] >= precision_floor, result["extras"]


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_written_set_evidence_is_verbatim(name):
    folder = WRITTEN / name
    for entry in json.loads((folder / "gold.json").read_text(encoding="utf-8")):
        text = (folder / entry["file"]).read_text(encoding="utf-8")
        assert all(event["evidence"] in text for event in entry["events"]), entry["file"]
