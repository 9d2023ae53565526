"""How sure a draft is, and why: the review queue's confidence, from what is stored.

Each doubt is one declarative entry: the words an editor reads, its weight, and the test on the
extractor's rule texts (`Mention.extracted["rules"]`, the explain trace) or on the event itself.
A draft starts at full confidence and loses each doubt's weight once.

Every draft's confidence is also stored (`Event.confidence`), so the queue sorts, filters and counts
with the database at any size. The one write path keeps it (`refresh_around`): a saved or bulk-updated
event, a mention written or deleted, refreshes that event and the drafts whose doubts it can move
(those on its days, before and after the change, which it may duplicate, and those citing one of its
releases, which may share its sentence). The reasons an editor reads are computed afresh for the
rows shown.
"""

import contextlib
import datetime
import re
import threading
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import models
from django.db.models import Q

from events import matching
from events.extraction.titles import title_problems
from events.models import Event, Mention, Status

# Below this confidence a draft "needs a look": any one serious doubt (a weight of 0.2 or more),
# or two light ones, puts it there.
NEEDS_A_LOOK = 0.8


@dataclass(frozen=True)
class Doubt:
    """One reason to look at a draft twice."""

    text: str
    weight: float
    rule: re.Pattern | None = None  # matched against the extractor's rule texts


RULE_DOUBTS = (
    Doubt("date from a weekday", 0.2, re.compile(r"^dated by '.*' \(weekday(?:_range|_pair)?\)")),
    Doubt("year inferred", 0.15, re.compile(r"^dated by .*, year inferred")),
    Doubt("date from a relative word", 0.1, re.compile(r"^dated by '.*' \(rel_(?:day|week|month)\)")),
    Doubt("date from an earlier sentence", 0.15, re.compile(r"^dated by '.*' \(anaphoric\)")),
    Doubt(
        "no date in the sentence: the publication day", 0.1, re.compile(r"^dated by the (?:publication date|dateline)")
    ),
    Doubt("kind from a generic verb, no kind word", 0.3, re.compile(r"^kind: generic verb .* no kind word")),
    Doubt("kind from a generic verb", 0.2, re.compile(r"^kind: generic verb (?!.* no kind word)")),
    Doubt("kind from a verb the lexicon lacks", 0.3, re.compile(r"^kind: '.*' is a verb of doing the lexicon lacks")),
)
# titles.title_problems' findings, in the queue's words.
TITLE_DOUBTS = {
    "no verb or event noun": Doubt("title has no verb", 0.3),
    "a phrase, not a statement": Doubt("title is a phrase, not a statement", 0.3),
    "fewer than three words": Doubt("title is too short", 0.3),
    "opens with a date": Doubt("title opens with a date", 0.2),
    "ends on a dangling word": Doubt("title breaks off", 0.3),
    "an agency's dateline": Doubt("title starts with an agency's dateline", 0.3),
}
# A place or agency in capitals left at the head of a title ("MOSCOW A whole series of…"), which
# title_problems' dateline test misses when no comma or dash follows. Five letters or more, so
# acronyms (CSTO, CIS, EAEU) are not taken for one.
CAPITALS_HEAD = re.compile(r"^[A-Z]{5,}(?:[ -][A-Z]{2,})*[,:]?\s+[A-Z]")
CAPITALS_DOUBT = Doubt("title starts with a place or agency in capitals", 0.3)
SAME_SENTENCE = Doubt("same sentence as another event", 0.15)
LIKELY_DUPLICATE = Doubt("likely duplicate", 0.3)


@dataclass
class Assessment:
    confidence: float = 1.0
    doubts: list[str] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)  # how the extractor dated and kinded it
    duplicates: dict[int, str] = field(default_factory=dict)  # likely duplicates and why
    by_hand: bool = False  # no mention: an editor entered it

    @property
    def needs_a_look(self) -> bool:
        return self.confidence < NEEDS_A_LOOK

    @property
    def percent(self) -> int:
        return round(self.confidence * 100)


def rule_doubts(rules: Iterable[str]) -> list[Doubt]:
    found = []
    for doubt in RULE_DOUBTS:
        if any(doubt.rule.search(rule) for rule in rules):
            found.append(doubt)
    return found


def assess(event: Event, shares_sentence: bool = False, duplicates: dict[int, str] | None = None) -> Assessment:
    """One event's confidence and reasons (its mentions prefetched)."""
    mentions = list(event.mentions.all())
    rules = list(dict.fromkeys(rule for m in mentions for rule in (m.extracted or {}).get("rules", [])))
    doubts: list[Doubt] = rule_doubts(rules)
    if "title" not in event.editor_fields:
        doubts += [TITLE_DOUBTS[p] for p in title_problems(event.title) if p in TITLE_DOUBTS]
        if CAPITALS_HEAD.match(event.title) and "an agency's dateline" not in title_problems(event.title):
            doubts.append(CAPITALS_DOUBT)
    if shares_sentence:
        doubts.append(SAME_SENTENCE)
    if duplicates:
        doubts.append(LIKELY_DUPLICATE)
    doubts = list(dict.fromkeys(doubts))
    confidence = max(0.0, round(1.0 - sum(d.weight for d in doubts), 2))
    return Assessment(confidence, [d.text for d in doubts], rules, duplicates or {}, by_hand=not mentions)


def sharing_a_sentence(events: list[Event]) -> set[int]:
    """Those of `events` (mentions prefetched) whose evidence overlaps another live event's in one release."""
    spans = {(m.release_id, m.evidence_start, m.evidence_end, e.pk) for e in events for m in e.mentions.all()}
    if not spans:
        return set()
    others = (
        Mention.objects.filter(release__in={release for release, *_ in spans}, event__in=matching.live_events())
        .values_list("release_id", "evidence_start", "evidence_end", "event_id")
        .order_by()
    )
    by_release: dict[int, list[tuple[int, int, int]]] = {}
    for release, start, end, event in others:
        by_release.setdefault(release, []).append((start, end, event))
    return {
        pk
        for release, start, end, pk in spans
        if any(s < end and start < e and other != pk for s, e, other in by_release.get(release, ()))
    }


def assess_all(events: Iterable[Event]) -> dict[int, Assessment]:
    """Confidence and reasons for many events at once (their mentions prefetched): a fixed number of queries."""
    events = list(events)
    shared = sharing_a_sentence(events)
    duplicates = matching.duplicates_of(events)
    return {event.pk: assess(event, event.pk in shared, duplicates.get(event.pk)) for event in events}


# Drafts assessed (and their confidence written) per batch: bounds memory and each IN list (SQLite's
# limit on variables is 32,766).
REFRESH_BATCH = 500


def store(found: dict[int, Assessment], stored: dict[int, float]) -> None:
    """Write the confidences that changed (`stored`: the values read with the drafts): one UPDATE per
    distinct value and batch. A derived column like a place: written under the write path (no version,
    SEQUENCE or feed change), never shown to readers. Rows whose value stays are not written, so a
    write locks no neighbouring draft it does not change."""
    by_value: dict[float, list[int]] = defaultdict(list)
    for pk, assessment in found.items():
        if stored.get(pk) != assessment.confidence:
            by_value[assessment.confidence].append(pk)
    for value, pks in by_value.items():
        for start in range(0, len(pks), REFRESH_BATCH):
            models.QuerySet.update(Event.objects.filter(pk__in=pks[start : start + REFRESH_BATCH]), confidence=value)


def refresh(event_ids: Iterable[int]) -> int:
    """Recompute and store the confidence of those of `event_ids` that are drafts; returns how many."""
    ids = sorted(set(event_ids))
    done = 0
    for start in range(0, len(ids), REFRESH_BATCH):
        drafts = list(
            Event.objects.drafts().filter(pk__in=ids[start : start + REFRESH_BATCH]).prefetch_related("mentions")
        )
        found = assess_all(drafts)
        store(found, {draft.pk: draft.confidence for draft in drafts})
        done += len(found)
    return done


def refresh_all() -> int:
    """Every draft's confidence (the data migration, or after the doubts' rules changed)."""
    return refresh(Event.objects.drafts().order_by("pk").values_list("pk", flat=True))


Dates = tuple[str, datetime.date, datetime.date | None]  # precision, start, end


def neighbours(spans: Iterable[Dates], releases: Iterable[int]) -> set[int]:
    """Drafts whose doubts an event on these dates, citing these releases, can move: those whose days
    meet its days (likely duplicates) and those citing the same releases (a shared sentence)."""
    near = Q()
    for precision, start, end in spans:
        last = matching.last_day(Event(start_date=start, end_date=end, precision=precision))
        near |= Q(start_date__lte=last) & (Q(start_date__gte=start) | Q(end_date__gte=start))
    found = set(Event.objects.drafts().filter(near).values_list("pk", flat=True)) if near else set()
    releases = set(releases)
    if releases:
        cited = Mention.objects.filter(release__in=releases, event__status=Status.DRAFT)
        found |= set(cited.values_list("event_id", flat=True))
    return found


_batch = threading.local()


@contextlib.contextmanager
def batched():
    """Refresh once, on leaving, what the writes inside asked for (an import writes a release's events
    and mentions one by one: each would re-assess the same drafts). Use inside the writes' transaction."""
    if getattr(_batch, "pending", None) is not None:  # already batching: the outer block refreshes
        yield
        return
    _batch.pending = pending = (set(), set(), set())
    try:
        yield
    finally:
        _batch.pending = None
    refresh_around(*pending)


def refresh_around(event_ids: Iterable[int], before: Iterable[Dates] = (), releases: Iterable[int] = ()) -> None:
    """After these events were written: refresh them and the drafts around them (`neighbours`) on their
    dates now and those they had `before`, and citing their releases now or `releases` (before a
    deletion). A write of more events than a batch refreshes every draft. Inside `batched()`, noted
    for the end of the block."""
    pending = getattr(_batch, "pending", None)
    if pending is not None:
        for noted, given in zip(pending, (event_ids, before, releases), strict=True):
            noted.update(given)
        return
    ids, before, releases = set(event_ids), set(before), set(releases)
    if not (ids or before or releases):
        return
    if max(len(ids), len(before), len(releases)) > REFRESH_BATCH:
        refresh_all()
        return
    written = Event.objects.filter(pk__in=ids)
    spans = {*before, *written.values_list("precision", "start_date", "end_date")}
    cited = {*releases, *Mention.objects.filter(event__in=ids).values_list("release_id", flat=True)}
    refresh(ids | neighbours(spans, cited))


def mention_written(sender, instance, **kwargs) -> None:
    """A mention saved or deleted (signal receiver): its event's rules and sentences changed."""
    refresh_around([instance.event_id], releases=[instance.release_id])
