"""events.editing and the admin-facing importer helpers: what each write does to the data."""

import pytest

from events import editing
from events.importers import import_text, import_texts, preview_release
from events.models import Event, Mention
from tests.conftest import RELEASE_TEXT


def test_record_edit_owns_editable_fields_and_touches(make_event):
    event = make_event(editor_fields=["title"])
    owned = editing.record_edit(event, ["title", "location", "description"])
    assert owned == ["location"]
    assert event.editor_fields == ["title", "location"]
    assert event.sequence == 1


def test_record_edit_of_non_calendar_field_does_not_touch(make_event):
    event = make_event()
    assert editing.record_edit(event, ["recurs_yearly"]) == []
    assert event.sequence == 0 and event.editor_fields == []


def test_set_status_touches_only_what_changes(make_event):
    draft, published = make_event(status="draft"), make_event(status="published")
    result = editing.set_status(Event.objects.filter(pk__in=[draft.pk, published.pk]), "published")
    assert [e.pk for e in result.changed] == [draft.pk]
    assert [e.pk for e in result.unchanged] == [published.pk]
    draft.refresh_from_db()
    published.refresh_from_db()
    assert (draft.sequence, published.sequence) == (1, 0)
    with pytest.raises(ValueError):
        editing.set_status([draft], "gone")


def test_set_kind_owns_the_kind_so_imports_keep_it(make_event):
    event = import_text(RELEASE_TEXT, "good.txt").release.mentions.get().event
    editing.set_kind(Event.objects.filter(pk=event.pk), "meeting")
    import_text(RELEASE_TEXT + "\nMore text.\n", "good.txt")
    event.refresh_from_db()
    assert event.kind == "meeting"
    assert event.editor_fields == ["kind"]
    with pytest.raises(ValueError):
        editing.set_kind([event], "party")


def test_release_ownership_lets_the_next_import_update(make_event):
    event = import_text(RELEASE_TEXT, "good.txt").release.mentions.get().event
    extracted_title = event.title
    event.title = "Editor title"
    editing.record_edit(event, ["title"])
    event.save()
    editing.release_ownership(Event.objects.filter(pk=event.pk))
    import_text(RELEASE_TEXT + "\nMore text.\n", "good.txt")
    event.refresh_from_db()
    assert event.title == extracted_title


def test_merge_moves_mentions_keeps_uid_and_cancels_the_others(make_event, make_mention, make_release):
    survivor = make_event(status="draft")
    uid = survivor.uid
    duplicate = make_event(status="published")
    other = make_event(status="draft", recurs_yearly=True)
    anniversary = make_event(kind="anniversary", founding_event=duplicate)
    shared = make_release()
    make_mention(event=survivor, release=shared)
    make_mention(event=duplicate, release=shared)  # the same words: dropped, not duplicated
    moved = [make_mention(event=duplicate), make_mention(event=other)]

    result = editing.merge_events(survivor, [survivor, duplicate, other])

    assert result.mentions_moved == 2
    assert result.survivor_published
    survivor.refresh_from_db()
    assert survivor.uid == uid
    assert survivor.status == "published" and survivor.recurs_yearly
    assert set(survivor.mentions.values_list("pk", flat=True)) >= {m.pk for m in moved}
    assert Mention.objects.filter(event__in=[duplicate, other]).count() == 0
    assert Mention.objects.filter(event=survivor, release=shared).count() == 1
    for event in (duplicate, other):
        event.refresh_from_db()
        assert (event.status, event.merged_into_id, event.sequence) == ("cancelled", survivor.pk, 1)
        assert "STATUS:CANCELLED" in event.ical_component
    anniversary.refresh_from_db()
    assert anniversary.founding_event_id == survivor.pk
    assert Event.objects.in_feed().filter(pk=duplicate.pk).exists()  # subscribers learn it is gone


def test_default_survivor_is_the_first_created(make_event):
    first, second = make_event(), make_event()
    assert editing.default_survivor([second, first]) == first


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (b"", "empty file"),
        (b"\x00\x01binary", "binary file"),
        ("Caf\xe9".encode("latin-1"), "not UTF-8"),
        (b"Headline\n\nNo date here.\n", "no recognisable date"),
        (b"x" * 1_000_001, "too large"),
    ],
)
def test_preview_names_what_is_wrong(db, data, error):
    preview = preview_release(data, "bad.txt")
    assert not preview.ok
    assert error in preview.error


def test_preview_reads_events_without_saving(db):
    preview = preview_release(RELEASE_TEXT.encode(), "../../etc/good.txt")
    assert preview.ok and preview.name == "good.txt"
    assert [e.kind for e in preview.extracted.events] == ["consultation"]
    assert not preview.unchanged and preview.existing is None
    assert Event.objects.count() == 0


def test_import_texts_reports_each_release(db):
    result = import_texts([("good.txt", RELEASE_TEXT), ("nodate.txt", "Headline\n\nNo date.\n")])
    assert [(f.name, f.status) for f in result.files] == [("good.txt", "new"), ("nodate.txt", "failed")]
    assert "no recognisable date" in result.files[1].error


def test_a_bulk_action_on_events_listed_before_a_change_keeps_the_change(make_event):
    listed = make_event(title="Old title", status="draft")
    changed = Event.objects.get(pk=listed.pk)
    changed.title = "New title"
    changed.save()  # e.g. a re-import, after the editor's list was shown
    result = editing.set_status([listed], "published")
    event = Event.objects.get(pk=listed.pk)
    assert (event.title, event.status, event.sequence) == ("New title", "published", 2)
    assert result.changed == [event]
