"""Is this the same happening? The one home of the question, asked in three places.

- Within a release, when it is imported again: which stored mention an extracted event is
  (`find_own_mention`).
- Across releases, while importing: which stored event another release's sentence restates, so
  it gains a mention instead of a twin (`find_shared_event`). Automatic, so it stays strict: the
  same dates and kind, then the same place or shared words.
- Likely duplicates, for editors: live events that may be one happening the importer could not
  prove to be one (`likely_duplicates`, `duplicate_groups`). Offered, never merged by itself, so
  it looks across kinds: the same days and the same evidence sentence, the same place, many
  shared words, or (same kind) a similar title.

The extractor has its own `restates` (events/extraction/merging.py): one release's sentences
merged into one event before anything is stored. It answers a narrower question with what only
extraction knows (headlines, tense, names) and stays there.
"""

import datetime
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher  # noqa: F401 - tests compare with it

from django.db.models import Prefetch, Q

from events.models import Event, Mention, Precision, Status

# Within a release: evidence sentences at least this alike (difflib ratio) are one statement
# reworded ("from January 20 to 23" for "21 to 23"), so a re-import updates instead of replacing.
REWORDED_SIMILARITY = 0.75
# Across releases, same dates and kind: a summit day holds several meetings, so the subject must
# agree too. Share of the smaller set of content words (title and evidence) found in the other.
SAME_SUBJECT_OVERLAP = 0.3
# Month and year dates hold many more happenings than a day: their words must agree more.
SAME_SUBJECT_OVERLAP_COARSE = 0.5
# Likely duplicates: titles at least this alike (difflib ratio, case-insensitive).
DUPLICATE_TITLE_RATIO = 0.6
# Likely duplicates: this share of content words in common, and at least this many words, so two
# short titles sharing "meeting" and "ministers" are not taken for one happening.
DUPLICATE_WORD_OVERLAP = 0.5
DUPLICATE_MIN_SHARED_WORDS = 3
# A day range longer than this is looked up by its first day only (a season-long operation
# would otherwise be compared with every event of its months).
MAX_EXPANDED_DAYS = 62

STOPWORDS = frozenset(
    "the a an of in on at to for and or with by from as is was were be been has have had will this that these "
    "those its their his her it csto organization collective security treaty held took place".split()
)
# A year-named happening ("Interaction-2023", "Combat Brotherhood 2025"): two different names are
# two happenings. Known by its last word and year, however it is hyphenated.
HAPPENING_NAME = re.compile(r"\b([A-Z][A-Za-z]+)[- ](\d{4})\b")


def content_words(text: str) -> set[str]:
    return {word for word in re.findall(r"[a-z]{3,}", text.lower()) if word not in STOPWORDS}


def overlap(first: set[str], second: set[str]) -> float:
    """Share of the smaller set's words found in the other (0 when either is empty)."""
    if not first or not second:
        return 0.0
    return len(first & second) / min(len(first), len(second))


def similar_titles(a: str, b: str) -> float:
    return SequenceMatcher(None, a.casefold(), b.casefold()).ratio()


def reworded(old: str, new: str) -> bool:
    """One release's sentence and its edited version state the same thing."""
    return SequenceMatcher(None, old, new).ratio() >= REWORDED_SIMILARITY


# --- within a release -------------------------------------------------------------------------


def find_own_mention(mentions: list[Mention], item, taken: set[int]) -> Mention | None:
    """The mention this release already has for the same happening as `item` (an ExtractedEvent):
    the same dates and kind, or the same words, or the same sentence reworded."""
    data = item.as_json()
    for mention in mentions:
        if mention.pk in taken:
            continue
        old = mention.extracted
        if (old.get("start"), old.get("end"), old.get("kind")) == (data["start"], data["end"], data["kind"]):
            return mention
    same_kind = [m for m in mentions if m.pk not in taken and m.extracted.get("kind") == item.kind]
    for mention in same_kind:
        if mention.evidence == item.evidence:
            return mention
    scored = [(SequenceMatcher(None, m.evidence, item.evidence).ratio(), m) for m in same_kind]
    best = max(scored, key=lambda pair: pair[0], default=(0.0, None))
    return best[1] if best[0] >= REWORDED_SIMILARITY else None


# --- across releases --------------------------------------------------------------------------


def find_shared_event(item, exclude: Iterable[int] = ()) -> Event | None:
    """A live event another release already states as `item` (an ExtractedEvent) does: the same
    dates and kind, and the same subject (the same place on an exact day, or shared words)."""
    candidates = (
        Event.objects.filter(
            start_date=item.start, end_date=item.end, precision=item.precision, kind=item.kind, merged_into__isnull=True
        )
        .exclude(status=Status.CANCELLED)
        .exclude(pk__in=list(exclude))
        .prefetch_related("mentions")
        .order_by("pk")[:20]
    )
    words = content_words(f"{item.title} {item.evidence}")
    needed = SAME_SUBJECT_OVERLAP if item.precision == Precision.DAY else SAME_SUBJECT_OVERLAP_COARSE
    for event in candidates:
        same_place = bool(item.location and event.location and item.location.lower() == event.location.lower())
        if same_place and item.precision == Precision.DAY:
            return event
        known = content_words(" ".join([event.title, *(m.evidence for m in event.mentions.all())]))
        if overlap(words, known) >= needed:
            return event
    return None


# --- likely duplicates ------------------------------------------------------------------------


@dataclass
class Happening:
    """What the duplicate test reads of a stored event: its days, words and evidence sentences."""

    event: Event
    first: datetime.date
    last: datetime.date
    spans: set[tuple[int, int, int]] = field(default_factory=set)  # (release, start, end)
    sentences: set[str] = field(default_factory=set)
    words: set[str] = field(default_factory=set)
    names: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, event: Event) -> "Happening":
        mentions = list(event.mentions.all())
        return cls(
            event=event,
            first=event.start_date,
            last=last_day(event),
            spans={(m.release_id, m.evidence_start, m.evidence_end) for m in mentions},
            sentences={" ".join(m.evidence.split()) for m in mentions},
            words=content_words(" ".join([event.title, *(m.evidence for m in mentions)])),
            names={f"{word.lower()} {year}" for word, year in HAPPENING_NAME.findall(event.title)},
        )

    def days(self) -> list[datetime.date]:
        if (self.last - self.first).days > MAX_EXPANDED_DAYS:
            return [self.first]
        return [self.first + datetime.timedelta(days=n) for n in range((self.last - self.first).days + 1)]


def last_day(event: Event) -> datetime.date:
    end = event.end_date or event.start_date
    if event.precision == Precision.YEAR:
        return end.replace(month=12, day=31)
    if event.precision == Precision.MONTH:
        following = end.replace(day=28) + datetime.timedelta(days=4)
        return following - datetime.timedelta(days=following.day)
    return end


def same_sentence(a: Happening, b: Happening) -> bool:
    """Both cite one sentence: overlapping words of one release, or the very same text."""
    for release, start, end in a.spans:
        if any(r == release and s < end and start < e for r, s, e in b.spans):
            return True
    return bool(a.sentences & b.sentences)


def restatement(a: Happening, b: Happening) -> str | None:
    """Why two stored events may be one happening, in words an editor reads; None when nothing says so."""
    one, other = a.event, b.event
    if one.precision != other.precision or a.last < b.first or b.last < a.first:
        return None
    if a.names and b.names and not a.names & b.names:
        return None  # "Search-2025" and "Echelon-2025", even when one sentence names both
    if same_sentence(a, b):
        return "same sentence, same day" if one.precision == Precision.DAY else "same sentence, same dates"
    # Across kinds a similar title is no evidence ("Meeting of the defence ministers" and a
    # "Meeting of the foreign ministers" decision): the sentence, the place or the words must say so.
    if one.kind == other.kind and similar_titles(one.title, other.title) >= DUPLICATE_TITLE_RATIO:
        return "similar title, same day" if one.precision == Precision.DAY else "similar title, same dates"
    shared = a.words & b.words
    place = bool(one.location and other.location and one.location.casefold() == other.location.casefold())
    if place and one.precision == Precision.DAY and (one.kind == other.kind or overlap(a.words, b.words) >= 0.3):
        return "same day and place"
    if len(shared) >= DUPLICATE_MIN_SHARED_WORDS and overlap(a.words, b.words) >= DUPLICATE_WORD_OVERLAP:
        return f"same dates, {len(shared)} words in common"
    return None


def live_events():
    """Events a duplicate may still be merged into: not withdrawn, not already merged."""
    return Event.objects.filter(merged_into__isnull=True).exclude(status=Status.CANCELLED)


def with_evidence(events):
    mentions = Mention.objects.only("event_id", "release_id", "evidence", "evidence_start", "evidence_end")
    return events.prefetch_related(Prefetch("mentions", queryset=mentions))


# Beyond this many days to look up, the candidates are read by date range instead of day by day.
MAX_LOOKUP_DAYS = 500


def duplicates_of(events: Iterable[Event], among: Iterable[Event] | None = None) -> dict[int, dict[int, str]]:
    """For each of `events` (mentions prefetched), the events that may restate it and why.

    `among` (mentions prefetched) are the events to compare with; by default, every live event
    whose days meet theirs is read.
    """
    subjects = [Happening.of(event) for event in events]
    if not subjects:
        return {}
    if among is None:
        among = candidates_for(subjects)
    others = subjects if among is events else [Happening.of(event) for event in among]
    by_day: dict[datetime.date, list[Happening]] = defaultdict(list)
    for other in others:
        for day in other.days():
            by_day[day].append(other)
    found: dict[int, dict[int, str]] = {}
    for subject in subjects:
        seen: dict[int, str] = {}
        for day in subject.days():
            for other in by_day.get(day, ()):
                if other.event.pk == subject.event.pk or other.event.pk in seen:
                    continue
                if reason := restatement(subject, other):
                    seen[other.event.pk] = reason
        if seen:
            found[subject.event.pk] = seen
    return found


def candidates_for(subjects: list[Happening]):
    days = {day for subject in subjects for day in subject.days()}
    low, high = min(s.first for s in subjects), max(s.last for s in subjects)
    on_days = Q(start_date__in=days) if len(days) <= MAX_LOOKUP_DAYS else Q(start_date__range=(low, high))
    return with_evidence(live_events().filter(on_days | Q(end_date__gte=low, start_date__lte=high))).order_by("pk")


def likely_duplicates(event: Event) -> list[tuple[Event, str]]:
    """Live events that may be the same happening as `event`, each with why, in creation order."""
    event = with_evidence(Event.objects.filter(pk=event.pk)).get()
    reasons = duplicates_of([event]).get(event.pk, {})
    others = with_evidence(Event.objects.filter(pk__in=reasons)).order_by("created_at", "pk")
    return [(other, reasons[other.pk]) for other in others]


def duplicate_groups(events=None) -> list[list[Event]]:
    """Groups of live events that may be one happening (linked pairs joined), earliest first."""
    everything = events is None
    events = list(with_evidence(live_events() if everything else events).order_by("pk"))
    pairs = duplicates_of(events, events if everything else None)
    parent = {pk: pk for pk in {*pairs, *(o for others in pairs.values() for o in others)}}

    def root(pk: int) -> int:
        while parent[pk] != pk:
            parent[pk] = parent[parent[pk]]
            pk = parent[pk]
        return pk

    for pk, others in pairs.items():
        for other in others:
            parent[root(other)] = root(pk)
    members: dict[int, list[int]] = defaultdict(list)
    for pk in parent:
        members[root(pk)].append(pk)
    loaded = {e.pk: e for e in with_evidence(Event.objects.filter(pk__in=parent))}
    groups = [sorted((loaded[pk] for pk in group), key=lambda e: (e.start_date, e.pk)) for group in members.values()]
    return sorted(groups, key=lambda group: (group[0].start_date, group[0].pk), reverse=True)


# The Duplicates view reads this many live events a page, newest first (and their candidates: the live
# events whose days meet theirs), so a page costs the same at any size of the table.
GROUPS_WINDOW = 1000


@dataclass
class GroupsPage:
    """One page of the Duplicates view: the groups whose earliest member starts on or after `since`."""

    groups: list[list[Event]]
    since: datetime.date | None  # None: the last page (every older event was read)


def duplicate_groups_before(before: datetime.date | None = None, window: int | None = None) -> GroupsPage:
    """Groups of likely duplicates among the next `window` live events starting before `before`
    (newest first); each group is shown on the page of its earliest member, so paging from the newest
    to the oldest shows every group of `duplicate_groups()` once, in the same order."""
    window = window or GROUPS_WINDOW
    live = live_events() if before is None else live_events().filter(start_date__lt=before)
    since = live.order_by("-start_date").values_list("start_date", flat=True)[window - 1 : window].first()
    subjects = live if since is None else live.filter(start_date__gte=since)
    groups = duplicate_groups(subjects)  # compared with every live event whose days meet theirs
    if since is not None:
        groups = [group for group in groups if group[0].start_date >= since]
    return GroupsPage(groups, since)


def events_with_likely_duplicates() -> set[int]:
    """Primary keys of every live event that has a likely duplicate."""
    events = list(with_evidence(live_events()))
    pairs = duplicates_of(events, events)
    return {*pairs, *(other for others in pairs.values() for other in others)}
