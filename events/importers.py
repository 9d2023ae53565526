"""Release files to Release, Event and Mention rows: idempotent, one transaction per release.

Identity: a release is its content hash; a file whose name is known but whose text changed is
an update of that release. Events are shared across releases: a happening restated in another
release (the founding of the Joint Staff in every anniversary release) gains a Mention, not a
second Event. An import never overwrites a field an editor changed (`Event.editor_fields`).
"""

import datetime
import hashlib
import logging
import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.db import IntegrityError, connection, transaction

from events import history, review
from events.extraction import ExtractedEvent, ExtractedRelease, ReleaseError, extract_release, read_release_file
from events.extraction.release import MAX_RELEASE_BYTES, too_large  # one limit: files, uploads, pastes
from events.matching import find_own_mention, find_shared_event  # "is this the same happening?"
from events.models import CALENDAR_FIELDS, Event, Kind, Mention, Precision, Release, Status

logger = logging.getLogger(__name__)

UID_NAMESPACE = uuid.UUID("6f1c7c2e-5b7a-4c57-9a53-2f0e3c1d9b10")
RELEASE_SUFFIXES = {".txt", ".text"}


@dataclass
class FileResult:
    name: str
    status: str  # new, updated, unchanged, failed
    error: str = ""
    events_created: int = 0
    events_updated: int = 0
    events_linked: int = 0
    events_withdrawn: int = 0
    kept: list[str] = field(default_factory=list)  # "event 12: title" for editor-owned fields left alone
    release: Release | None = None


@dataclass
class ImportResult:
    files: list[FileResult] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for f in self.files if f.status == status)

    def total(self, attribute: str) -> int:
        return sum(getattr(f, attribute) for f in self.files)

    @property
    def failed(self) -> list[FileResult]:
        return [f for f in self.files if f.status == "failed"]

    def summary(self) -> str:
        return (
            f"releases: {self.count('new')} new, {self.count('updated')} updated, "
            f"{self.count('unchanged')} unchanged, {self.count('failed')} failed; "
            f"events: {self.total('events_created')} created, {self.total('events_updated')} updated, "
            f"{self.total('events_linked')} linked to existing, {self.total('events_withdrawn')} withdrawn"
        )


def release_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files named directly, and the release files inside folders, in a stable order."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in RELEASE_SUFFIXES))
        else:
            found.append(path)
    return found


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def event_uid(source_name: str, extracted: ExtractedEvent) -> str:
    """Derived from where the event was first read, so two databases importing alike agree."""
    key = f"{source_name}|{extracted.as_json()['start']}|{extracted.as_json()['end']}|{extracted.kind}|{extracted.evidence_start}"
    return f"{uuid.uuid5(UID_NAMESPACE, key)}@csto-timeline"


def import_text(text: str, source_name: str, *, publish: bool = False, user=None) -> FileResult:
    """Import one release's text. Raises ReleaseError when it cannot be read.

    Another import may store the same release at the same moment: the unique name or hash then
    refuses our insert, and the file is imported again against what the other one stored
    (it becomes unchanged or updated). Event history names `user` (an editor who uploaded it;
    by default the "importer" system user) and "import of <file>".
    """
    with history.acting(user, f"import of {source_name}"):
        try:
            return import_text_once(text, source_name, publish=publish)
        except IntegrityError:
            return import_text_once(text, source_name, publish=publish)


def import_text_once(text: str, source_name: str, *, publish: bool) -> FileResult:
    digest = content_hash(text)
    existing = Release.objects.filter(content_hash=digest).first()
    if existing is not None:
        return FileResult(source_name, "unchanged", release=existing)
    extracted = extract_release(text)
    with transaction.atomic(), review.batched():  # the drafts' confidence, once per release
        release = Release.objects.select_for_update().filter(source_name=source_name).first()
        result = FileResult(source_name, "updated" if release else "new")
        release = release or Release(source_name=source_name)
        release.original_text = text
        release.content_hash = digest
        fill_release(release, extracted)
        release.save()
        result.release = release
        sync_events(release, extracted, result, publish=publish)
    return result


def import_file(path: str | Path, *, publish: bool = False) -> FileResult:
    """Import one file; whatever goes wrong is this file's failure, reported, never the batch's."""
    path = Path(path)
    try:
        text = read_release_file(path)
        return import_text(text, path.name, publish=publish)
    except ReleaseError as error:
        return FileResult(path.name, "failed", error=str(error))
    except Exception as error:  # noqa: BLE001 - one file's bug must not stop the others
        return unexpected_failure(path.name, error)


def unexpected_failure(name: str, error: Exception) -> FileResult:
    """A failure the importer did not foresee: logged with its traceback, nothing of the file saved."""
    logger.exception("import of %s failed", name)
    return FileResult(name, "failed", error=f"unexpected error, nothing saved ({type(error).__name__}: {error})")


def import_paths(paths: Iterable[str | Path], *, publish: bool = False, progress=None) -> ImportResult:
    result = ImportResult()
    files = release_paths(paths)
    for index, path in enumerate(files, 1):
        result.files.append(import_file(path, publish=publish))
        if progress:
            progress(index, len(files), result.files[-1])
    return result


@dataclass
class Preview:
    """What importing one uploaded or pasted release would do, read without writing."""

    name: str
    text: str = ""
    error: str = ""
    extracted: ExtractedRelease | None = None
    existing: Release | None = None  # a release of this name, whose text would be replaced
    unchanged: bool = False  # this exact text is already imported
    save_index: int | None = None  # its place in the confirm form's list of releases to save

    @property
    def ok(self) -> bool:
        return not self.error


def source_name_for(name: str) -> str:
    """A release name from an uploaded file's name or an editor's label: no folders, bounded."""
    return Path(name.replace("\\", "/")).name.strip()[:255]


def preview_release(data: bytes, name: str, size: int | None = None) -> Preview:
    """Decode and extract one release without saving, so an editor sees the events first.

    `size` is the upload's full size when `data` holds only its first bytes.
    """
    from events.extraction.release import decode_release

    preview = Preview(source_name_for(name))
    if not preview.name:
        preview.error = "no name given"
        return preview
    size = len(data) if size is None else max(size, len(data))
    if size > MAX_RELEASE_BYTES:
        preview.error = too_large(size)
        return preview
    try:
        preview.text = decode_release(data)
        preview.extracted = extract_release(preview.text)
    except ReleaseError as error:
        preview.error = str(error)
        return preview
    preview.unchanged = Release.objects.filter(content_hash=content_hash(preview.text)).exists()
    preview.existing = Release.objects.filter(source_name=preview.name).first()
    return preview


def import_texts(items: Iterable[tuple[str, str]], *, publish: bool = False, user=None) -> ImportResult:
    """Import (name, text) pairs an editor confirmed; one bad release does not stop the others."""
    result = ImportResult()
    for name, text in items:
        name = source_name_for(name)
        try:
            size = len(text.encode("utf-8"))
            if size > MAX_RELEASE_BYTES:
                raise ReleaseError(too_large(size))
            result.files.append(import_text(text, name, publish=publish, user=user))
        except ReleaseError as error:
            result.files.append(FileResult(name, "failed", error=str(error)))
        except Exception as error:  # noqa: BLE001 - one release's bug must not stop the others
            result.files.append(unexpected_failure(name, error))
    return result


def fill_release(release: Release, extracted: ExtractedRelease) -> None:
    release.title = extracted.title[:500]
    release.published_on = extracted.published
    release.published_time = extracted.published_time
    release.published_inferred = extracted.published_inferred
    release.body = extracted.body


def extracted_values(item: ExtractedEvent) -> dict:
    """Event field values as the extractor read them."""
    return {
        "title": item.title[:300],
        "kind": item.kind,
        "start_date": item.start,
        "end_date": item.end,
        "precision": item.precision,
        "start_time": item.time,
        "location": (item.location or "")[:200],
    }


def sync_events(release: Release, extracted: ExtractedRelease, result: FileResult, *, publish: bool) -> None:
    lock_happenings(extracted.events)
    old_mentions = list(release.mentions.select_related("event"))
    matched_mentions: set[int] = set()
    # Two happenings of one release are two events: an event that already stands for one of them
    # (from an earlier import of this release, or from this one) is not linked to another
    # ("Search-2025" and "Echelon-2025", named in one sentence).
    claimed = {m.event_id for m in old_mentions}
    for item in extracted.events:
        values = extracted_values(item)
        mention = find_own_mention(old_mentions, item, matched_mentions)
        if mention is not None:
            matched_mentions.add(mention.pk)
            update_event(mention.event, values, release, result)
            update_mention(mention, item)
            continue
        event = find_shared_event(item, exclude=claimed)
        if event is None:
            event = Event(uid=unique_uid(event_uid(release.source_name, item)), **values)
            event.status = Status.PUBLISHED if publish else Status.DRAFT
            event.recurs_yearly = item.recurs_yearly
            event.save()
            result.events_created += 1
        else:
            if item.recurs_yearly and not event.recurs_yearly:
                event.recurs_yearly = True
                event.save(update_fields=["recurs_yearly"])
            result.events_linked += 1
        claimed.add(event.pk)
        Mention.objects.create(release=release, event=event, **mention_values(item))
    link_anniversaries(release, result, publish=publish)
    for mention in old_mentions:
        if mention.extracted.get("implied_founding") and mention.event.anniversaries.exists():
            continue  # still implied by an anniversary this or another release states
        if mention.pk not in matched_mentions:
            event = mention.event
            mention.delete()
            if not event.mentions.exists() and not event.editor_fields:
                event.delete()  # withdrawn (cancelled) if subscribers may have it, else deleted
                result.events_withdrawn += 1


def mention_values(item: ExtractedEvent) -> dict:
    return {
        "evidence": item.evidence,
        "evidence_start": item.evidence_start,
        "evidence_end": item.evidence_end,
        "date_text": item.date_text[:300],
        "date_start": item.date_start,
        "date_end": item.date_end,
        "extracted": item.as_json(),
    }


def update_mention(mention: Mention, item: ExtractedEvent) -> None:
    for name, value in mention_values(item).items():
        setattr(mention, name, value)
    mention.save()


def lock_happenings(items: Iterable[ExtractedEvent]) -> None:
    """Serialise "is this happening already an event?" between concurrent imports (PostgreSQL).

    Each day a release dates a happening or a founding on is locked until its transaction ends,
    in one sorted order so two imports never wait on each other in a cycle; an import stating the
    same happening waits, then finds the other's event (read committed) instead of creating a twin.
    The day alone, not the day and kind, is the key because a founding (`link_anniversaries`)
    matches an event of any kind on its day. SQLite runs one writing transaction at a time.
    """
    if connection.vendor != "postgresql":
        return
    days = {item.start for item in items} | {item.founding for item in items if item.founding}
    with connection.cursor() as cursor:
        for key in sorted(day_lock_key(day) for day in days):
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [key])


def day_lock_key(day: datetime.date) -> int:
    """A signed 64-bit advisory lock key, the same in every process (unlike hash())."""
    digest = hashlib.sha256(f"happening-day|{day.isoformat()}".encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


def unique_uid(uid: str) -> str:
    candidate, counter = uid, 1
    while Event.objects.filter(uid=candidate).exists():
        counter += 1
        candidate = uid.replace("@", f"-{counter}@", 1)
    return candidate


def update_event(event: Event, values: dict, release: Release, result: FileResult) -> None:
    """Refresh an event from a changed release, leaving editor-owned fields alone.

    Only an event this release alone states is refreshed: another release's wording is as good.
    The event is read again under a row lock, so an editor's save that committed meanwhile (and
    the fields it made editor-owned) is seen, and a save still running waits for this one.
    """
    if event.mentions.exclude(release=release).exists():
        return
    event = Event.objects.select_for_update().get(pk=event.pk)
    changed, kept = [], []
    for name, value in values.items():
        if getattr(event, name) == value:
            continue
        if name in event.editor_fields:
            kept.append(name)
            continue
        setattr(event, name, value)
        changed.append(name)
    if kept:
        result.kept.append(f"event {event.pk} ({event.title}): kept editor's {', '.join(kept)}")
    if changed:
        if any(name in CALENDAR_FIELDS for name in changed):
            event.touch()
        event.full_clean(exclude=["uid"], validate_unique=False)
        event.save()
        result.events_updated += 1


def link_anniversaries(release: Release, result: FileResult, *, publish: bool) -> None:
    """Point each anniversary this release states at the founding event it counts from.

    "The Joint Staff is 19 years old" on 28.04.2022 implies a founding on 28.04.2003. When no
    event on that day is known, the founding is created from the anniversary's own sentence,
    so the anniversaries feed can mark it every year.
    """
    for mention in release.mentions.select_related("event"):
        founding = mention.extracted.get("founding")
        event = mention.event
        if event.kind != "anniversary" or not founding or event.founding_event_id:
            continue
        target = (
            Event.objects.filter(start_date=founding, precision=Precision.DAY, merged_into__isnull=True)
            .exclude(pk=event.pk)
            .exclude(kind="anniversary")
            .order_by("-recurs_yearly", "pk")
            .first()
        )
        if target is None:
            target = Event(
                uid=unique_uid(f"{uuid.uuid5(UID_NAMESPACE, f'founding|{founding}|{event.title}')}@csto-timeline"),
                title=founding_title(event.title)[:300],
                kind=Kind.OTHER,
                start_date=datetime.date.fromisoformat(founding),
                precision=Precision.DAY,
                status=Status.PUBLISHED if publish else Status.DRAFT,
                description=f"Implied by: {mention.evidence}"[:2000],
            )
            target.recurs_yearly = True
            target.save()
            Mention.objects.create(release=release, event=target, **mention_values_of(mention))
            result.events_created += 1
        event.founding_event = target
        event.save(update_fields=["founding_event"])
        if not target.recurs_yearly:
            target.recurs_yearly = True
            target.save(update_fields=["recurs_yearly"])


ANNIVERSARY_SUBJECT = re.compile(
    r"(?:anniversary\s+of\s+(?:the\s+)?(?P<of>.+?)$)|(?:^(?P<subject>.+?)\s+(?:is|was|turns|turned|marks|celebrates)\b)",
    re.IGNORECASE,
)


def founding_title(anniversary_title: str) -> str:
    """ "The CSTO Joint Staff is 19 years old" -> "Founding of the CSTO Joint Staff"."""
    match = ANNIVERSARY_SUBJECT.search(anniversary_title.rstrip(" .…"))
    if match and match["of"]:
        return (
            f"Founding of the {match['of']}"
            if not match["of"].lower().startswith("the ")
            else f"Founding of {match['of']}"
        )
    if match and match["subject"]:
        subject = match["subject"]
        return f"Founding of {subject[:1].lower() + subject[1:] if subject.startswith('The ') else subject}"
    return f"Founding marked by: {anniversary_title}"


def mention_values_of(mention: Mention) -> dict:
    return {
        "evidence": mention.evidence,
        "evidence_start": mention.evidence_start,
        "evidence_end": mention.evidence_end,
        "date_text": mention.date_text,
        "date_start": mention.date_start,
        "date_end": mention.date_end,
        "extracted": {**mention.extracted, "implied_founding": True},
    }


def dry_run(paths: Iterable[str | Path]) -> dict:
    """The extraction JSON contract for files, without touching the database."""
    releases = []
    for path in release_paths(paths):
        try:
            extracted = extract_release(read_release_file(path))
        except Exception as error:  # noqa: BLE001 - one file's failure is that file's entry, never the run's
            reason = str(error) if isinstance(error, ReleaseError) else unexpected_failure(path.name, error).error
            releases.append(
                {
                    "file": path.name,
                    "title": None,
                    "published": None,
                    "published_time": None,
                    "published_inferred": False,
                    "errors": [reason],
                    "events": [],
                }
            )
            continue
        releases.append(extracted.as_json(path.name))
    return {"releases": releases}


__all__ = [
    "ImportResult",
    "Preview",
    "dry_run",
    "import_file",
    "import_paths",
    "import_text",
    "import_texts",
    "preview_release",
]
