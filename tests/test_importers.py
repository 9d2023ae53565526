"""Importing releases: idempotence, updates that respect editors, bad files, one transaction each."""

import datetime

import pytest

from events.importers import import_paths, import_text
from events.models import Event, Mention, Release
from tests.conftest import SEEDS

pytestmark = pytest.mark.django_db

CONSULTATIONS = """Consultations at the Joint Staff

Consultations at the Joint Staff 23.01.2020
In the period from January 21 to 23, consultations were held at the Joint Staff.

Go back
"""


def test_seed_import_creates_releases_events_and_mentions():
    result = import_paths([SEEDS], publish=True)
    assert result.count("new") == 5 and not result.failed
    assert Release.objects.count() == 5
    assert Event.objects.published().count() == Event.objects.count() == result.total("events_created")
    release = Release.objects.get(source_name="002_743dec8484922d2a.txt")
    assert (release.published_on, release.published_time) == (datetime.date(2021, 2, 8), datetime.time(11, 12))
    assert release.title == "Briefing by CSTO Secretary General Stanislav Zas"
    assert "Back to the all news" not in release.body and "read more in our Telegram" not in release.body
    for mention in Mention.objects.select_related("release"):
        text = mention.release.original_text
        assert text[mention.evidence_start : mention.evidence_end] == mention.evidence
        if mention.date_start is not None:
            assert text[mention.date_start : mention.date_end] == mention.date_text


def test_second_import_changes_nothing_and_says_so():
    import_paths([SEEDS])
    snapshot = list(Event.objects.values_list("uid", "sequence", "modified_at"))
    again = import_paths([SEEDS])
    assert again.count("unchanged") == 5
    assert again.total("events_created") == again.total("events_updated") == 0
    assert list(Event.objects.values_list("uid", "sequence", "modified_at")) == snapshot


def test_new_events_are_drafts_unless_published():
    import_text(CONSULTATIONS, "a.txt")
    assert Event.objects.get().status == "draft"


def test_changed_release_updates_its_events_but_keeps_editor_fields():
    import_text(CONSULTATIONS, "a.txt", publish=True)
    event = Event.objects.get()
    event.title = "Editor's title"
    event.editor_fields = ["title"]
    event.save()
    changed = CONSULTATIONS.replace("January 21 to 23", "January 20 to 23").replace(
        "the Joint Staff.", "the Joint Staff in Moscow."
    )
    result = import_text(changed, "a.txt", publish=True)
    assert result.status == "updated"
    event.refresh_from_db()
    assert event.title == "Editor's title"
    assert event.start_date == datetime.date(2020, 1, 20)
    assert event.sequence == 2  # the editor's title, then the import's dates
    assert Release.objects.get().original_text == changed
    assert Event.objects.count() == 1


def test_editor_owned_date_survives_and_is_reported():
    import_text(CONSULTATIONS, "a.txt")
    event = Event.objects.get()
    event.location = "Moscow"
    event.editor_fields = ["location"]
    event.save()
    changed = CONSULTATIONS.replace("the Joint Staff.", "the Joint Staff in Minsk.")
    result = import_text(changed, "a.txt")
    event.refresh_from_db()
    assert event.location == "Moscow"
    assert any("location" in note for note in result.kept)


def test_restated_event_in_another_release_is_linked_not_duplicated():
    import_paths([SEEDS / "001_9dfe2f600f568b30.txt"])
    anniversary = SEEDS.joinpath("001_9dfe2f600f568b30.txt").read_text(encoding="utf-8")
    next_year = anniversary.replace("19 years old", "20 years old").replace("28.04.2022", "28.04.2023")
    result = import_text(next_year, "joint-staff-20.txt")
    founding = Event.objects.get(start_date=datetime.date(2003, 4, 28))
    assert result.events_linked >= 1
    assert founding.mentions.count() == 2
    assert founding.recurs_yearly
    assert founding.anniversaries.count() == 2


def test_bad_files_are_reported_and_others_import(tmp_path):
    (tmp_path / "good.txt").write_text(CONSULTATIONS, encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 23.01.2020".encode("latin-1"))
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "undated.txt").write_text("Headline\n\nNothing dated here.", encoding="utf-8")
    result = import_paths([tmp_path])
    reasons = {f.name: f.error for f in result.failed}
    assert set(reasons) == {"latin1.txt", "empty.txt", "undated.txt"}
    assert "UTF-8" in reasons["latin1.txt"]
    assert Release.objects.get().source_name == "good.txt"


def test_a_failure_inside_one_release_writes_nothing_of_it(monkeypatch):
    from events import importers

    def explode(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(importers, "link_anniversaries", explode)
    with pytest.raises(RuntimeError):
        import_text(CONSULTATIONS, "a.txt")
    assert Release.objects.count() == Event.objects.count() == Mention.objects.count() == 0


def test_event_gone_from_updated_release_is_withdrawn_when_subscribers_saw_it():
    two = CONSULTATIONS + "\nOn February 5, 2020, the Secretary General visited Minsk.\n"
    import_text(two, "a.txt", publish=True)
    visit = Event.objects.get(kind="visit")
    import_text(CONSULTATIONS.replace("Go back", "Back to the all news"), "a.txt", publish=True)
    visit.refresh_from_db()
    assert visit.status == "cancelled" and visit.sequence == 1
    assert Event.objects.filter(kind="consultation", status="published").count() == 1


def test_uids_are_derived_from_the_source_so_databases_agree():
    import_text(CONSULTATIONS, "a.txt")
    first = Event.objects.get().uid
    Event.objects.all().delete()
    Release.objects.all().delete()
    import_text(CONSULTATIONS, "a.txt")
    assert Event.objects.get().uid == first


def test_two_different_meetings_on_one_day_stay_two():
    first = "Talks\n\nTalks 12.05.2023\n\nOn 11 May 2023 the Council of Foreign Ministers held a meeting in Minsk."
    second = (
        "Bilateral\n\nBilateral 12.05.2023\n\nOn 11 May 2023 the Secretary General met the Mayor of Yerevan in Yerevan."
    )
    import_text(first, "a.txt")
    import_text(second, "b.txt")
    assert Event.objects.filter(start_date=datetime.date(2023, 5, 11), kind="meeting").count() == 2


def test_the_same_meeting_told_by_two_releases_is_one_event():
    first = "Talks\n\nTalks 12.05.2023\n\nOn 11 May 2023 the Council of Foreign Ministers held a meeting in Minsk."
    second = "CFM\n\nCFM 13.05.2023\n\nThe Secretary General took part in the meeting of the Council of Foreign Ministers on 11 May 2023."
    import_text(first, "a.txt")
    result = import_text(second, "b.txt")
    assert result.events_linked == 1
    assert Event.objects.get(start_date=datetime.date(2023, 5, 11)).mentions.count() == 2


def test_anniversary_without_a_stated_founding_creates_the_implied_one():
    text = (
        "The CSTO Joint Staff is 20 years old\n\nThe CSTO Joint Staff is 20 years old 28.04.2023\n\nGreetings to all."
    )
    import_text(text, "js20.txt", publish=True)
    anniversary = Event.objects.get(kind="anniversary")
    founding = anniversary.founding_event
    assert founding.start_date == datetime.date(2003, 4, 28)
    assert founding.recurs_yearly and founding.status == "published"
    assert founding.title == "Founding of the CSTO Joint Staff"
    # The next year's release finds the same founding rather than inventing another.
    import_text(text.replace("20 years", "21 years").replace("2023", "2024"), "js21.txt", publish=True)
    assert Event.objects.filter(start_date=datetime.date(2003, 4, 28)).count() == 1
    assert founding.anniversaries.count() == 2


def test_reimporting_a_changed_anniversary_release_keeps_the_implied_founding():
    text = (
        "The CSTO Joint Staff is 20 years old\n\nThe CSTO Joint Staff is 20 years old 28.04.2023\n\nGreetings to all."
    )
    import_text(text, "js20.txt", publish=True)
    import_text(text.replace("Greetings to all.", "Greetings to all the staff."), "js20.txt", publish=True)
    founding = Event.objects.get(start_date=datetime.date(2003, 4, 28))
    assert founding.status == "published" and founding.mentions.count() == 1
