"""Faults and fuzz (issue #10, "Nothing lost"): whatever the files, an import reports and keeps going.

One `import_releases` run reads every real release we have (the shared corpus when present, the
seeds, the written sets) and hundreds of hostile files generated from a seed (tests/hostile.py):
it exits 0, each bad file is reported with its name and reason, each good one is stored
verbatim, and no file's extraction takes more than a second. An import killed halfway (SIGKILL,
against a file database) leaves only whole releases, and running it again completes the batch.
"""

import hashlib
import os
import random
import signal
import subprocess
import sys
import time
import uuid
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

from events import importers
from events.extraction import ReleaseError, read_release_file
from events.models import Event, Mention, Release, Status
from tests.conftest import DATA, ROOT, SEEDS
from tests.hostile import hostile_files

CORPUS = ROOT.parent / "shared" / "corpus" / "releases"
WRITTEN = [SEEDS, DATA / "annotated", DATA / "heldout"]
HOSTILE_SEED = 20261129
HOSTILE_COUNT = 320
# Generous: the slowest hostile file takes a fraction of this on one core; the point is that no
# file, whatever it holds, takes the seconds that used to time a web worker out.
MAX_EXTRACTION_SECONDS = 1.0
KILL_BATCH = 200
KILL_AFTER = "100/200 files"  # the command's progress line after half the batch


def folders() -> list[Path]:
    return ([CORPUS] if CORPUS.is_dir() else []) + WRITTEN


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    files = hostile_files(HOSTILE_SEED, HOSTILE_COUNT)
    for file in files:
        (folder / file.name).write_bytes(file.data)
    return folder, files


def reported_failures(stderr: str) -> dict[str, str]:
    """The command's "name: reason" lines (a reason may hold colons; a name holds none here)."""
    failures = {}
    for line in stderr.splitlines():
        name, sep, reason = line.partition(": ")
        if sep:
            failures[name.strip()] = reason
    return failures


def test_the_shared_corpus_is_imported_when_present():
    if not CORPUS.is_dir():
        pytest.skip(f"{CORPUS} is absent: the fuzz run covers the seeds and written sets only (CI has it)")
    assert len(list(CORPUS.glob("*.txt"))) >= 50


@pytest.mark.django_db
def test_one_run_imports_every_good_file_and_reports_every_bad_one(hostile, monkeypatch):
    hostile_folder, hostile_list = hostile
    timings: list[tuple[float, int]] = []
    extract = importers.extract_release

    def timed(text: str):
        # CPU time of this thread: what the extraction costs, not how busy the machine is.
        began = time.thread_time()
        try:
            return extract(text)
        finally:
            timings.append((time.thread_time() - began, len(text)))

    monkeypatch.setattr(importers, "extract_release", timed)
    out, err = StringIO(), StringIO()
    # Raises CommandError (a non-zero exit) if the run stops or every file fails.
    call_command("import_releases", *map(str, folders()), str(hostile_folder), stdout=out, stderr=err)

    failures = reported_failures(err.getvalue())
    real_files = importers.release_paths(folders())
    # A real release is refused only when it states no date at all (the corpus has a few).
    refused = {path.name: failures[path.name] for path in real_files if path.name in failures}
    assert all(reason.startswith("no recognisable date") for reason in refused.values()), refused
    for file in hostile_list:
        if file.refused:
            assert file.refused in failures.get(file.name, ""), (file.name, failures.get(file.name))
    assert not [f"{n}: {r}" for n, r in failures.items() if "unexpected error" in r], "a file crashed the importer"
    assert all(reason.strip() for reason in failures.values())

    # Every file not reported is stored, verbatim: its text is a release's original text.
    stored = set(Release.objects.values_list("content_hash", flat=True))
    for path in [*real_files, *importers.release_paths([hostile_folder])]:
        if path.name not in failures:
            text = read_release_file(path)
            assert hashlib.sha256(text.encode()).hexdigest() in stored, path.name
    for mention in Mention.objects.select_related("release"):
        assert mention.release.original_text[mention.evidence_start : mention.evidence_end] == mention.evidence
    assert "releases:" in out.getvalue()

    slowest = max(timings)
    assert slowest[0] <= MAX_EXTRACTION_SECONDS, f"{slowest[0]:.2f} s for a text of {slowest[1]} characters"


@pytest.mark.django_db
def test_injected_headlines_stay_text_in_feeds_and_pages(hostile, client):
    _, hostile_list = hostile
    folder = Path(hostile[0])
    injected = [folder / f.name for f in hostile_list if "injection" in f.name]
    call_command("import_releases", *map(str, injected), "--publish", stdout=StringIO(), stderr=StringIO())
    published = Event.objects.filter(status=Status.PUBLISHED)
    assert published.exists()

    from icalendar import Calendar

    feed = client.get("/calendar.ics")
    assert feed.status_code == 200
    calendar = Calendar.from_ical(b"".join(feed.streaming_content) if feed.streaming else feed.content)
    uids = {str(component["UID"]) for component in calendar.walk("VEVENT")}
    assert "injected@example.org" not in uids
    assert uids <= set(Event.objects.values_list("uid", flat=True))
    for event in published.filter(precision="day")[:20]:
        page = client.get(f"/events/{event.pk}/").content.decode()
        assert "<script>alert" not in page and "<iframe" not in page and "<img src=x" not in page


# --- a killed import -------------------------------------------------------------------------

SIGNATURE_SQL = """
SELECT r.source_name, m.evidence_start, m.evidence_end, m.date_text, e.kind, e.start_date, e.end_date, e.precision
FROM events_mention m JOIN events_release r ON r.id = m.release_id JOIN events_event e ON e.id = m.event_id
"""
ORPHANS_SQL = "SELECT count(*) FROM events_event WHERE id NOT IN (SELECT event_id FROM events_mention)"


def signatures(cursor) -> tuple[dict[str, list[tuple]], int]:
    """Each release's mentions (where, what date, which event) and the events no mention holds."""
    cursor.execute("SELECT source_name FROM events_release")
    releases: dict[str, list[tuple]] = {name: [] for (name,) in cursor.fetchall()}
    cursor.execute(SIGNATURE_SQL)
    for name, *row in cursor.fetchall():
        releases[name].append(tuple(str(value) for value in row))
    cursor.execute(ORPHANS_SQL)
    orphans = cursor.fetchone()[0]
    return {name: sorted(rows) for name, rows in releases.items()}, orphans


def write_batch(folder: Path) -> Path:
    """KILL_BATCH real releases: the seeds and the annotated set, then copies with a numbered headline."""
    texts = [read_release_file(path) for path in importers.release_paths([SEEDS, DATA / "annotated"])]
    random.Random(HOSTILE_SEED).shuffle(texts)
    folder.mkdir()
    for index in range(KILL_BATCH):
        text = texts[index % len(texts)]
        if index >= len(texts):
            headline, _, rest = text.partition("\n")
            text = f"{headline} ({index})\n{rest}"
        (folder / f"batch_{index:03d}.txt").write_text(text, encoding="utf-8")
    return folder


class FileDatabase:
    """A database of its own for the command run in a subprocess: SQLite file or PostgreSQL."""

    def __init__(self, vendor: str, tmp_path: Path):
        self.vendor = vendor
        if vendor == "sqlite":
            self.path = tmp_path / "killed.sqlite3"
            self.url = f"sqlite:///{self.path}"
        else:
            settings = connection.settings_dict
            self.name = f"timeline_kill_{uuid.uuid4().hex[:10]}"
            self.params = {
                "host": settings["HOST"] or None,
                "port": settings["PORT"] or None,
                "user": settings["USER"] or None,
                "password": settings["PASSWORD"] or None,
            }
            auth = settings["USER"] + (f":{settings['PASSWORD']}" if settings["PASSWORD"] else "")
            self.url = f"postgres://{auth}@{settings['HOST'] or 'localhost'}:{settings['PORT'] or 5432}/{self.name}"
            with self.server() as server:
                server.execute(f'CREATE DATABASE "{self.name}"')

    def server(self):
        import psycopg

        return psycopg.connect(dbname="postgres", autocommit=True, **self.params)

    def manage(self, *args: str, **popen) -> subprocess.Popen:
        env = {**os.environ, "DATABASE_URL": self.url, "PYTHONUNBUFFERED": "1", "DATABASE_CONN_MAX_AGE": "0"}
        return subprocess.Popen([sys.executable, "manage.py", *args], cwd=ROOT, env=env, text=True, **popen)

    def signatures(self):
        if self.vendor == "sqlite":
            import sqlite3

            with sqlite3.connect(self.path) as db:
                return signatures(db.cursor())
        import psycopg

        with psycopg.connect(dbname=self.name, **self.params) as db, db.cursor() as cursor:
            return signatures(cursor)

    def drop(self):
        if self.vendor != "sqlite":
            with self.server() as server:
                server.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


@pytest.mark.django_db
@pytest.mark.parametrize("vendor", ["sqlite", "postgresql"])
def test_a_killed_import_leaves_whole_releases_and_a_rerun_completes_it(vendor, tmp_path):
    if connection.vendor != vendor:
        pytest.skip(
            f"this suite runs on {connection.vendor}; the {vendor} run of the suite kills an import on {vendor}"
        )
    batch = write_batch(tmp_path / "batch")
    # What a clean import of the same files stores, here in the test database.
    importers.import_paths([batch])
    with connection.cursor() as cursor:
        clean, clean_orphans = signatures(cursor)
    assert len(clean) == KILL_BATCH and sum(map(len, clean.values())) > KILL_BATCH

    database = FileDatabase(vendor, tmp_path)
    try:
        assert database.manage("migrate", "--noinput", stdout=subprocess.DEVNULL).wait(timeout=120) == 0
        process = database.manage("import_releases", str(batch), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        for line in process.stdout:
            if KILL_AFTER in line:
                process.send_signal(signal.SIGKILL)
                break
        assert process.wait(timeout=120) == -signal.SIGKILL, "the import ended before it could be killed"
        process.stdout.close()

        killed, orphans = database.signatures()
        assert KILL_BATCH // 2 <= len(killed) < KILL_BATCH
        assert orphans == clean_orphans
        for name, mentions in killed.items():
            assert mentions == clean[name], f"{name} was stored in part"

        rerun = database.manage("import_releases", str(batch), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        output, errors = rerun.communicate(timeout=300)
        assert rerun.returncode == 0, errors
        assert f"{len(killed)} unchanged" in output
        assert database.signatures() == (clean, clean_orphans)
    finally:
        database.drop()


def test_a_file_over_the_limit_is_refused_by_its_size_without_being_read(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as file:
        file.truncate(50_000_000)  # sparse: 50 MB that are never read
    with pytest.raises(ReleaseError, match=r"too large \(50\.0 MB; at most 1\.0 MB\)"):
        read_release_file(path)
