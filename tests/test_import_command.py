"""The import_releases command: the JSON contract, reports, exit status."""

import json

import pytest
from django.core.management import CommandError, call_command

from events.models import Event, Mention, Release
from tests.conftest import DATA, SEEDS
from tests.scoring import score


def run_json(*paths) -> dict:
    from io import StringIO

    out = StringIO()
    call_command("import_releases", *map(str, paths), "--dry-run", "--format", "json", stdout=out)
    return json.loads(out.getvalue())


@pytest.mark.django_db
def test_dry_run_prints_the_contract_and_writes_nothing():
    report = run_json(SEEDS)
    assert Release.objects.count() == Event.objects.count() == Mention.objects.count() == 0
    assert [r["file"] for r in report["releases"]] == sorted(p.name for p in SEEDS.glob("*.txt"))
    text = (SEEDS / "004_68bd0c2f69ca1940.txt").read_text(encoding="utf-8")
    release = report["releases"][-1]
    assert set(release) == {"file", "title", "published", "published_time", "published_inferred", "errors", "events"}
    for event in release["events"]:
        assert {"start", "end", "precision", "time", "kind", "title", "location", "evidence"} <= set(event)
        assert text[event["evidence_start"] : event["evidence_end"]] == event["evidence"]


def test_seed_extraction_meets_the_bar():
    gold = json.loads((DATA / "seeds_gold.json").read_text(encoding="utf-8"))
    result = score(gold, run_json(SEEDS))
    assert result["recall"] == 1.0, result["misses"]
    assert result["precision"] == 1.0, result["extras"]  # the releases the service ships with: no extra
    assert result["kind_accuracy"] == 1.0


def test_dateline_time_is_publication_time_not_event_time():
    report = run_json(SEEDS / "002_743dec8484922d2a.txt")
    release = report["releases"][0]
    assert (release["published"], release["published_time"]) == ("2021-02-08", "11:12")
    assert all(event["time"] is None for event in release["events"])


def test_release_without_dateline_has_inferred_publication_date():
    release = run_json(SEEDS / "003_bb2029d17a3e9348.txt")["releases"][0]
    assert release["published_inferred"] is True
    assert release["published"] == "2021-01-14"


def test_bad_files_are_reported_and_the_rest_still_read(release_dir):
    (release_dir / "latin1.txt").write_bytes("Caf\xe9 16.01.2020".encode("latin-1"))
    (release_dir / "empty.txt").write_text("   \n", encoding="utf-8")
    (release_dir / "binary.txt").write_bytes(b"\x89PNG\x00\x00\x01")
    (release_dir / "undated.txt").write_text("A headline\n\nNo date anywhere in this text.", encoding="utf-8")
    releases = {r["file"]: r for r in run_json(release_dir)["releases"]}
    assert releases["good.txt"]["errors"] == [] and releases["good.txt"]["events"]
    assert "UTF-8" in releases["latin1.txt"]["errors"][0]
    assert "empty" in releases["empty.txt"]["errors"][0]
    assert "binary" in releases["binary.txt"]["errors"][0]
    assert "no recognisable date" in releases["undated.txt"]["errors"][0]
    assert all(not releases[name]["events"] for name in ("latin1.txt", "empty.txt", "binary.txt", "undated.txt"))


def test_every_file_failing_is_an_error(tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    with pytest.raises(CommandError):
        run_json(tmp_path)


def test_json_output_requires_dry_run(tmp_path):
    with pytest.raises(CommandError, match="dry-run"):
        call_command("import_releases", str(tmp_path), "--format", "json")
