"""Imports and editors at the same time, on PostgreSQL (issue #10, case 8).

Each test runs writers in threads (one database connection each) and makes the interleaving
that used to lose or duplicate data happen every time: the threads meet at fixed points
(barriers) instead of relying on timing.
"""

import datetime
import threading
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from django.db.models import Count

from events import editing, importers
from events.models import Event, Release

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="concurrent writers need PostgreSQL: SQLite runs one writing transaction at a time",
    ),
]

# A safety net against a hung test, never part of the logic: a barrier that is not met in this
# time is a failure.
MEETING_TIMEOUT = 60


def run_together(*calls):
    """Run each (function, *args) in its own thread and connection; return their results."""

    def run(call):
        function, *args = call
        try:
            return function(*args)
        finally:
            connection.close()

    with ThreadPoolExecutor(len(calls)) as pool:
        return [future.result() for future in [pool.submit(run, call) for call in calls]]


def in_lockstep(monkeypatch, parties: int = 2) -> None:
    """Importers extract each release only when every thread has reached its own next release:
    both have checked that the release is not stored yet before either stores it."""
    barrier = threading.Barrier(parties, timeout=MEETING_TIMEOUT)
    extract = importers.extract_release

    def extract_together(text):
        barrier.wait()
        return extract(text)

    monkeypatch.setattr(importers, "extract_release", extract_together)


def waiting_for_a_lock() -> bool:
    """Whether a connection waits for a lock another holds (pg_locks is live even inside a transaction,
    unlike pg_stat_activity, which a transaction reads once)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT EXISTS (SELECT 1 FROM pg_locks WHERE NOT granted)")
        return cursor.fetchone()[0]


class Meeting:
    """Two importers meet at a point once per release: each goes on when the other has arrived
    too, or when the other waits for a database lock (held back until this one commits)."""

    def __init__(self):
        self.arrivals: dict[int, int] = defaultdict(int)
        self.lock = threading.Lock()
        self.local = threading.local()

    def counting_releases(self, sync):
        def sync_counting(release, extracted, result, *, publish):
            self.local.release = getattr(self.local, "release", 0) + 1
            self.local.arrived = False
            return sync(release, extracted, result, publish=publish)

        return sync_counting

    def arrive_once_per_release(self) -> None:
        if self.local.arrived:
            return
        self.local.arrived = True
        with self.lock:
            self.arrivals[self.local.release] += 1
        deadline = time.monotonic() + MEETING_TIMEOUT
        while self.arrivals[self.local.release] < 2 and not waiting_for_a_lock():
            assert time.monotonic() < deadline, "the other import neither arrived nor waited for a lock"
            time.sleep(0.005)


def write_releases(folder, name: str, texts: list[str]) -> None:
    folder.mkdir()
    for n, text in enumerate(texts):
        (folder / f"{name}-{n:02d}.txt").write_text(text, encoding="utf-8")


def consultations(n: int) -> str:
    day = datetime.date(2020, 1, 1) + datetime.timedelta(days=5 * n)
    return (
        f"Consultations at the Joint Staff\n\nConsultations at the Joint Staff {day:%d.%m.%Y}\n"
        f"On {day:%B} {day.day}, {day.year}, consultations were held at the Joint Staff.\n\nGo back\n"
    )


def two_happenings(n: int, headline: str) -> str:
    talks = datetime.date(2021, 1, 1) + datetime.timedelta(days=3 * n)
    meeting = talks + datetime.timedelta(days=1)
    return (
        f"{headline} {n}\n\n{headline} {n} {meeting + datetime.timedelta(days=5):%d.%m.%Y}\n"
        f"On {talks:%B} {talks.day}, {talks.year}, the CSTO Secretary General held talks with the Minister "
        "of Foreign Affairs of Armenia in Yerevan.\n"
        f"On {meeting:%B} {meeting.day}, {meeting.year}, a meeting of the Committee of Secretaries of "
        "Security Councils took place in Minsk.\n\nGo back\n"
    )


def test_two_imports_of_the_same_files_at_once_store_each_release_once(tmp_path, monkeypatch):
    write_releases(tmp_path / "batch", "release", [consultations(n) for n in range(50)])
    in_lockstep(monkeypatch)
    first, second = run_together(
        (importers.import_paths, [tmp_path / "batch"]), (importers.import_paths, [tmp_path / "batch"])
    )
    for result in (first, second):
        assert result.failed == [], [f.error for f in result.failed]
    statuses = [sorted([a.status, b.status]) for a, b in zip(first.files, second.files, strict=True)]
    assert statuses == [["new", "unchanged"]] * 50
    assert Release.objects.count() == 50
    assert Event.objects.count() == 50


def test_two_imports_stating_the_same_happenings_at_once_make_each_event_once(tmp_path, monkeypatch):
    write_releases(tmp_path / "a", "a", [two_happenings(n, "Press review") for n in range(20)])
    write_releases(tmp_path / "b", "b", [two_happenings(n, "News of the week") for n in range(20)])
    in_lockstep(monkeypatch)
    # Both imports ask "is this happening already an event?" before either answers with a new
    # event, unless one of them is held by a lock until the other has committed.
    meeting = Meeting()
    find = importers.find_shared_event

    def find_together(item, exclude=()):
        found = find(item, exclude)
        meeting.arrive_once_per_release()
        return found

    monkeypatch.setattr(importers, "sync_events", meeting.counting_releases(importers.sync_events))
    monkeypatch.setattr(importers, "find_shared_event", find_together)
    first, second = run_together((importers.import_paths, [tmp_path / "a"]), (importers.import_paths, [tmp_path / "b"]))
    assert first.failed == second.failed == []
    assert first.total("events_created") + second.total("events_created") == 40
    assert Event.objects.count() == 40
    stated_by = Event.objects.annotate(releases=Count("mentions__release", distinct=True))
    assert set(stated_by.values_list("releases", flat=True)) == {2}


def anniversary(years: int) -> str:
    day = datetime.date(2003 + years, 4, 28)
    return (
        f"Greetings to the Joint Staff\n\nGreetings to the Joint Staff {day:%d.%m.%Y}\n"
        f"On April 28, {day.year}, the CSTO Joint Staff is {years} years old.\n\nGo back\n"
    )


def test_two_anniversaries_imported_at_once_imply_one_founding(monkeypatch):
    meeting = Meeting()
    link = importers.link_anniversaries

    def link_together(release, result, *, publish):
        meeting.arrive_once_per_release()  # both look for the founding before either creates it
        return link(release, result, publish=publish)

    monkeypatch.setattr(importers, "sync_events", meeting.counting_releases(importers.sync_events))
    monkeypatch.setattr(importers, "link_anniversaries", link_together)
    first, second = run_together(
        (importers.import_text, anniversary(19), "19.txt"), (importers.import_text, anniversary(20), "20.txt")
    )
    assert first.status == second.status == "new"
    (founding,) = Event.objects.filter(start_date=datetime.date(2003, 4, 28))
    assert founding.recurs_yearly and founding.anniversaries.count() == 2


def test_an_editors_save_during_a_reimport_keeps_the_editors_title_and_ownership(tmp_path, monkeypatch):
    text = consultations(1)
    event = importers.import_text(text, "a.txt", publish=True).release.mentions.get().event

    def editor_saves_title():
        edited = Event.objects.get(pk=event.pk)
        edited.title = "Editor's title"
        editing.record_edit(edited, ["title"], reason="edited in the admin")
        edited.save()

    update = importers.update_event

    def update_after_the_editor_saved(stale, values, release, result):
        # The import read the event before the editor's save committed; it updates it after.
        run_together((editor_saves_title,))
        return update(stale, values, release, result)

    monkeypatch.setattr(importers, "update_event", update_after_the_editor_saved)
    moved = text.replace("consultations were held", "consultations were held in Moscow").replace(
        "January 6", "January 7"
    )
    assert importers.import_text(moved, "a.txt", publish=True).status == "updated"
    event.refresh_from_db()
    assert event.title == "Editor's title"
    assert event.editor_fields == ["title"]
    assert event.start_date == datetime.date(2020, 1, 7)  # the import's change
    assert event.sequence == 2  # two changes subscribers must notice


def test_an_editors_form_sent_while_an_import_changes_the_event_is_refused(tmp_path, monkeypatch):
    from django.contrib.auth.models import User
    from django.test import Client
    from django.urls import reverse

    from tests.test_admin import change_form_data

    text = consultations(1)
    event = importers.import_text(text, "a.txt", publish=True).release.mentions.get().event
    editor = Client()
    editor.force_login(User.objects.create_superuser("ed", "", "pw"))
    url = reverse("admin:events_event_change", args=[event.pk])
    opened = change_form_data(editor, url, location="Minsk")  # opened before the import starts

    full_clean = Event.full_clean
    import_holds_the_lock = threading.Event()

    def hold_until_the_editor_waits(self, *args, **kwargs):
        if not import_holds_the_lock.is_set():  # the import's call: it holds the event's row lock
            import_holds_the_lock.set()
            deadline = time.monotonic() + MEETING_TIMEOUT
            while not waiting_for_a_lock():
                assert time.monotonic() < deadline, "the editor's request never waited for the import's lock"
                time.sleep(0.005)
        return full_clean(self, *args, **kwargs)

    def editor_sends_the_form():
        assert import_holds_the_lock.wait(MEETING_TIMEOUT)
        return editor.post(url, opened)

    monkeypatch.setattr(Event, "full_clean", hold_until_the_editor_waits)
    moved = text.replace("January 6", "January 7")
    imported, response = run_together((importers.import_text, moved, "a.txt"), (editor_sends_the_form,))
    assert imported.status == "updated"
    assert response.status_code == 200  # the form again, refused
    assert "after you opened this form" in str(response.context["adminform"].form.errors["__all__"])
    event.refresh_from_db()
    assert event.start_date == datetime.date(2020, 1, 7)  # the import's change stands
    assert event.location != "Minsk" and event.editor_fields == []
