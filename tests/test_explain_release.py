"""explain_release: every decision of the extractor told, for every release the project reads."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from tests.conftest import DATA, SEEDS

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "releases"


def explain(*paths, err: StringIO | None = None) -> str:
    out = StringIO()
    call_command("explain_release", *map(str, paths), stdout=out, stderr=err or StringIO())
    return out.getvalue()


def test_explains_dates_kinds_merges_and_the_events_yielded():
    output = explain(SEEDS / "002_743dec8484922d2a.txt")
    assert "published 2021-02-08" in output
    assert "dated by '" in output and "kind: " in output
    events = output.split("\nevents: ")[1]
    count = int(events.split("\n")[0])
    assert count == len(events.strip().splitlines()) - 1 > 0


def test_dropped_dates_name_their_reason(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text(
        "Plan adopted\n\nPlan adopted 12.05.2023\n\nThe Council approved the plan for 2024, "
        "the ministry said on Wednesday.\n",
        encoding="utf-8",
    )
    output = explain(path)
    assert "'2024'" in output and "dropped: period: the year of a plan" in output


def test_the_rules_travel_with_each_event_in_the_json_contract():
    out = StringIO()
    call_command("import_releases", str(SEEDS), "--dry-run", "--format", "json", stdout=out)
    events = [e for r in json.loads(out.getvalue())["releases"] for e in r["events"]]
    assert events and all(e["rules"][0].startswith("dated by") for e in events)
    assert all(any(rule.startswith("kind: ") for rule in e["rules"]) for e in events)


def test_unreadable_files_are_reported(tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    with pytest.raises(CommandError):
        explain(tmp_path / "empty.txt")


@pytest.mark.parametrize("folder", [SEEDS, DATA / "annotated", DATA / "heldout", CORPUS], ids=lambda p: p.name)
def test_every_release_we_read_can_be_explained(folder):
    if not folder.exists():
        pytest.skip(f"{folder} is absent (the corpus lives beside the project, in ../shared)")
    files = sorted(folder.glob("*.txt"))
    err = StringIO()
    output = explain(*files, err=err)
    # A release nothing dates (no dateline, no year) is reported with its reason, not explained.
    unreadable = err.getvalue().count("no recognisable date")
    assert output.count("\nevents: ") + unreadable == len(files)
    assert unreadable <= 3
