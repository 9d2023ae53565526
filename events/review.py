"""How sure a draft is, and why: the review queue's confidence, from what is stored.

Each doubt is one declarative entry: the words an editor reads, its weight, and the test on the
extractor's rule texts (`Mention.extracted["rules"]`, the explain trace) or on the event itself.
A draft starts at full confidence and loses each doubt's weight once.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from events import matching
from events.extraction.titles import title_problems
from events.models import Event, Mention

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
