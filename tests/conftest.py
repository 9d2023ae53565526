"""Factory fixtures: build rows with sensible defaults, override what the test is about."""

import datetime
import itertools
from pathlib import Path

import pytest

from events.models import Event, Mention, Release

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"
_counter = itertools.count(1)

RELEASE_TEXT = """Consultations held at the CSTO Joint Staff

Consultations held at the CSTO Joint Staff 23.01.2020
In the period from January 21 to 23, consultations were held at the Joint Staff.

Go back
"""


@pytest.fixture(autouse=True)
def fresh_search_vocabulary():
    """Each test's database has its own vocabulary: forget the words earlier tests looked up."""
    from events import search

    search._KNOWN.clear()
    search._UNKNOWN.clear()
    yield


@pytest.fixture
def make_release(db):
    def make(**overrides) -> Release:
        n = next(_counter)
        text = overrides.pop("original_text", f"Release {n}\n\nRelease {n} 16.01.2020\nText {n}.")
        values = {
            "source_name": f"release-{n}.txt",
            "original_text": text,
            "content_hash": f"{n:064d}",
            "title": f"Release {n}",
            "published_on": datetime.date(2020, 1, 16),
        }
        values.update(overrides)
        return Release.objects.create(**values)

    return make


@pytest.fixture
def make_event(db):
    def make(**overrides) -> Event:
        n = next(_counter)
        values = {
            "title": f"Event {n}",
            "kind": "meeting",
            "start_date": datetime.date(2020, 1, 16),
            "precision": "day",
            "status": "published",
        }
        values.update(overrides)
        event = Event(**values)
        event.save()
        return event

    return make


@pytest.fixture
def make_mention(db, make_release, make_event):
    def make(**overrides) -> Mention:
        release = overrides.pop("release", None) or make_release()
        event = overrides.pop("event", None) or make_event()
        values = {"evidence": release.original_text[:10], "evidence_start": 0, "evidence_end": 10}
        values.update(overrides)
        return Mention.objects.create(release=release, event=event, **values)

    return make


@pytest.fixture
def release_dir(tmp_path):
    """A folder holding one good release file; tests add bad ones beside it."""
    (tmp_path / "good.txt").write_text(RELEASE_TEXT, encoding="utf-8")
    return tmp_path
