"""What editors do to events: correct, publish, withdraw, re-kind, release ownership, merge.

Every write returns a small result object; the admin only calls these and reports. Each change
a subscribed calendar must notice goes through `Event.touch()` (SEQUENCE, LAST-MODIFIED).
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import transaction

from events.models import CALENDAR_FIELDS, EDITABLE_FIELDS, Event, Kind, Mention, Status


@dataclass
class EditResult:
    changed: list[Event] = field(default_factory=list)
    unchanged: list[Event] = field(default_factory=list)


@dataclass
class MergeResult:
    survivor: Event
    merged: list[Event] = field(default_factory=list)
    mentions_moved: int = 0
    mentions_dropped: int = 0  # sentences the survivor already cited
    fields_taken: list[str] = field(default_factory=list)  # the survivor's fields set from a duplicate's value
    survivor_published: bool = False  # the survivor was a draft and took over a published duplicate


def record_edit(event: Event, changed: Iterable[str], reason: str = "") -> list[str]:
    """An editor changed these fields (caller saves): own the editable ones, tell calendars.

    Returns the fields newly marked as editor-owned.
    """
    changed = set(changed)
    owned = [name for name in EDITABLE_FIELDS if name in changed and name not in event.editor_fields]
    if owned:
        event.editor_fields = [*event.editor_fields, *owned]
    if changed & set(CALENDAR_FIELDS):
        event.touch()
    if reason:
        event._change_reason = reason
    return owned


def _save_each(events: Iterable[Event], change, reason: str) -> EditResult:
    """Apply `change` to each event as it is stored now (read under a row lock), so a change
    committed since the events were listed (an import, another editor) is kept, not written over."""
    result = EditResult()
    with transaction.atomic():
        for event in Event.objects.select_for_update().filter(pk__in=[e.pk for e in events]).order_by("pk"):
            if change(event):
                event.touch()
                event._change_reason = reason
                event.save()
                result.changed.append(event)
            else:
                result.unchanged.append(event)
    return result


def set_status(events: Iterable[Event], status: str) -> EditResult:
    """Publish, unpublish (back to draft) or withdraw (cancel) events."""
    if status not in Status.values:
        raise ValueError(f"unknown status {status!r}")

    def change(event: Event) -> bool:
        if event.status == status:
            return False
        event.status = status
        return True

    return _save_each(events, change, f"status set to {status}")


def set_kind(events: Iterable[Event], kind: str) -> EditResult:
    """Re-kind events; the kind becomes editor-owned so imports keep it."""
    if kind not in Kind.values:
        raise ValueError(f"unknown kind {kind!r}")

    def change(event: Event) -> bool:
        if event.kind == kind:
            return False
        event.kind = kind
        if "kind" not in event.editor_fields:
            event.editor_fields = [*event.editor_fields, "kind"]
        return True

    return _save_each(events, change, f"kind set to {kind}")


def release_ownership(events: Iterable[Event]) -> EditResult:
    """Let imports update these events again: forget which fields an editor changed."""
    result = EditResult()
    for event in events:
        if not event.editor_fields:
            result.unchanged.append(event)
            continue
        event.editor_fields = []
        event._change_reason = "editor ownership released"
        event.save(update_fields=["editor_fields"])
        result.changed.append(event)
    return result


def merge_events(survivor: Event, others: Iterable[Event], values: dict | None = None) -> MergeResult:
    """Merge duplicates into `survivor`, which keeps its UID and gains every mention.

    `values` are the field values the editor chose among the candidates' (title, kind, dates,
    location): the survivor takes them, and they become editor-owned so imports keep them.

    The others are cancelled and point at the survivor, so subscribers who had them remove them.
    A draft survivor that absorbs a published duplicate is published, so the happening stays in
    subscribed calendars.
    """
    others = [event for event in others if event.pk != survivor.pk]
    result = MergeResult(survivor=survivor)
    with transaction.atomic():
        locked = {
            e.pk: e for e in Event.objects.select_for_update().filter(pk__in=[survivor.pk, *[o.pk for o in others]])
        }
        survivor = result.survivor = locked[survivor.pk]
        kept_spans = set(survivor.mentions.values_list("release_id", "evidence_start"))
        for other in (locked[o.pk] for o in others):
            for mention in Mention.objects.filter(event=other):
                if (mention.release_id, mention.evidence_start) in kept_spans:
                    mention.delete()  # the survivor already cites these words
                    result.mentions_dropped += 1
                    continue
                mention.event = survivor
                mention.save(update_fields=["event"])
                kept_spans.add((mention.release_id, mention.evidence_start))
                result.mentions_moved += 1
            Event.objects.filter(founding_event=other).exclude(pk=survivor.pk).update(founding_event=survivor)
            Event.objects.filter(merged_into=other).update(merged_into=survivor)
            if other.recurs_yearly:
                survivor.recurs_yearly = True
            if other.status == Status.PUBLISHED and survivor.status == Status.DRAFT:
                survivor.status = Status.PUBLISHED
                survivor.touch()
                result.survivor_published = True
            other.status = Status.CANCELLED
            other.merged_into = survivor
            other.touch()
            other._change_reason = f"merged into event {survivor.pk}"
            other.save()
            result.merged.append(other)
        changed = [name for name, value in (values or {}).items() if getattr(survivor, name) != value]
        for name in changed:
            setattr(survivor, name, values[name])
        record_edit(survivor, changed)
        result.fields_taken = changed
        if changed:
            survivor.full_clean(exclude=["uid"], validate_unique=False)
        survivor._change_reason = f"merged {', '.join(str(o.pk) for o in result.merged)} into this event"
        survivor.save()
    return result


def default_survivor(events: Iterable[Event]) -> Event:
    """The duplicate created first: its UID is the one subscribers have had longest."""
    return min(events, key=lambda e: (e.created_at, e.pk))


@dataclass
class PreviewChoice:
    """What an editor decided in the import preview about one extracted event."""

    evidence_start: int  # with the extracted kind: which of the release's mentions it became
    extracted_kind: str
    keep: bool = True
    corrections: dict = field(default_factory=dict)  # field name -> corrected value


@dataclass
class PreviewOutcome:
    dropped: int = 0
    corrected: list[Event] = field(default_factory=list)


def apply_preview_choices(release, choices: Iterable[PreviewChoice]) -> PreviewOutcome:
    """After an import, drop the events the editor unticked and correct the ones they fixed.

    A dropped event loses this release's mention; it goes (withdrawn if subscribers may have it)
    only when no other release states it. Corrections are editor-owned, as any admin edit.
    """
    outcome = PreviewOutcome()
    with transaction.atomic():
        mentions = {(m.evidence_start, m.extracted.get("kind")): m for m in release.mentions.select_related("event")}
        for choice in choices:
            mention = mentions.get((choice.evidence_start, choice.extracted_kind))
            if mention is None:
                continue
            event = Event.objects.select_for_update().get(pk=mention.event_id)
            if not choice.keep:
                mention.delete()
                if not event.mentions.exists() and not event.editor_fields:
                    event.delete()
                outcome.dropped += 1
                continue
            changed = [name for name, value in choice.corrections.items() if getattr(event, name) != value]
            if not changed:
                continue
            for name in changed:
                setattr(event, name, choice.corrections[name])
            record_edit(event, changed, reason="corrected in the import preview")
            event.full_clean(exclude=["uid"], validate_unique=False)
            event.save()
            outcome.corrected.append(event)
    return outcome
