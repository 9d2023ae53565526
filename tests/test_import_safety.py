"""Nothing lost: one bad release never stops a batch, and a file either imports whole or not at all."""

from io import StringIO

import pytest
from django.core.management import call_command

from events import importers
from events.extraction import ReleaseError
from events.extraction.release import decode_release
from events.models import Event, Mention, Release

# One sentence naming three exercises whose names carry the year: three happenings at one offset.
THREE_NAMES = """Staff talks on the CSTO exercises

Staff talks on the CSTO exercises 14.03.2025
In 2025, the Joint Staff will hold the exercises "Echelon-2025", "Search-2025" and "Interaction-2025" in Belarus.
The staff talks were held in Minsk on March 13.
"""


@pytest.mark.django_db
def test_one_sentence_naming_several_exercises_imports_each_once(tmp_path):
    (tmp_path / "names.txt").write_text(THREE_NAMES, encoding="utf-8")
    result = importers.import_paths([tmp_path])
    assert [f.status for f in result.files] == ["new"], result.files[0].error
    names = sorted(Event.objects.filter(precision="year").values_list("title", flat=True))
    assert len(names) == 3 and all("2025" in name for name in names)
    # Each named exercise has its own event and its own mention, even from one sentence.
    assert Mention.objects.filter(event__precision="year").values("event").distinct().count() == 3
    again = importers.import_paths([tmp_path])
    assert [f.status for f in again.files] == ["unchanged"]


@pytest.mark.django_db
def test_an_unexpected_error_in_one_file_fails_that_file_only(release_dir, monkeypatch):
    (release_dir / "later.txt").write_text(THREE_NAMES, encoding="utf-8")
    (release_dir / "broken.txt").write_text(THREE_NAMES.replace("Minsk", "Brest"), encoding="utf-8")
    real_sync = importers.sync_events

    def sync(release, *args, **kwargs):
        real_sync(release, *args, **kwargs)  # the rows are written, then the failure comes
        if release.source_name == "broken.txt":
            raise RuntimeError("disk on fire")

    monkeypatch.setattr(importers, "sync_events", sync)
    out, err = StringIO(), StringIO()
    call_command("import_releases", str(release_dir), stdout=out, stderr=err)
    assert "broken.txt: unexpected error, nothing saved (RuntimeError: disk on fire)" in err.getvalue()
    assert "2 new" in out.getvalue() and "1 failed" in out.getvalue()
    assert sorted(Release.objects.values_list("source_name", flat=True)) == ["good.txt", "later.txt"]
    # Nothing of the failed file survives: its release, events and mentions were rolled back.
    assert not Mention.objects.filter(evidence__contains="Brest").exists()


@pytest.mark.django_db
def test_a_failing_release_in_an_admin_batch_is_reported_and_the_rest_saved(monkeypatch):
    real_sync = importers.sync_events

    def sync(release, *args, **kwargs):
        if release.source_name == "bad.txt":
            raise ValueError("boom")
        return real_sync(release, *args, **kwargs)

    monkeypatch.setattr(importers, "sync_events", sync)
    result = importers.import_texts([("bad.txt", THREE_NAMES), ("good.txt", THREE_NAMES.replace("Minsk", "Brest"))])
    assert [(f.name, f.status) for f in result.files] == [("bad.txt", "failed"), ("good.txt", "new")]
    assert "ValueError: boom" in result.files[0].error
    assert list(Release.objects.values_list("source_name", flat=True)) == ["good.txt"]


def test_a_nul_byte_anywhere_is_refused_before_the_database_sees_it():
    data = ("Headline\n\nHeadline 16.01.2020\n" + "Plain text. " * 1000).encode("utf-8") + b"\x00tail"
    assert data.index(b"\x00") > 4096
    with pytest.raises(ReleaseError, match="NUL byte at offset"):
        decode_release(data)


def test_a_dry_run_reports_an_unexpected_error_as_that_file_s_error(release_dir, monkeypatch):
    real = importers.extract_release

    def extract(text):
        if "Consultations" in text:
            raise RuntimeError("boom")
        return real(text)

    (release_dir / "later.txt").write_text(THREE_NAMES, encoding="utf-8")
    monkeypatch.setattr(importers, "extract_release", extract)
    report = {r["file"]: r for r in importers.dry_run([release_dir])["releases"]}
    assert "RuntimeError: boom" in report["good.txt"]["errors"][0]
    assert report["later.txt"]["events"]


@pytest.mark.django_db
def test_saving_an_admin_batch_with_a_failing_release_says_what_went_in(client, monkeypatch):
    import base64

    from django.contrib.auth.models import Group, User
    from django.urls import reverse

    user = User.objects.create_user("ed", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    real_sync = importers.sync_events

    def sync(release, *args, **kwargs):
        if release.source_name == "bad.txt":
            raise RuntimeError("boom")
        return real_sync(release, *args, **kwargs)

    monkeypatch.setattr(importers, "sync_events", sync)
    texts = {"bad.txt": THREE_NAMES, "good.txt": THREE_NAMES.replace("Minsk", "Brest")}
    data = {
        "confirm": "1",
        "release_name": list(texts),
        "release_data": [base64.b64encode(t.encode()).decode() for t in texts.values()],
    }
    response = client.post(reverse("admin:events_release_import"), data, follow=True)
    assert response.status_code == 200
    shown = "\n".join(str(m) for m in response.context["messages"])
    assert "bad.txt: unexpected error, nothing saved (RuntimeError: boom)" in shown
    assert "good.txt: new" in shown
    assert list(Release.objects.values_list("source_name", flat=True)) == ["good.txt"]
