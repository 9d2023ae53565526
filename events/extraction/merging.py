"""One event per happening: a release's restatements of one happening merged into one event."""

import datetime
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from difflib import SequenceMatcher

from events.extraction.model import ExtractedEvent
from events.extraction.pairing import STAGE
from events.extraction.tense import NOT_ACTIONS, PAST_VERB
from events.extraction.titles import DATE_HEAD


@dataclass(frozen=True)
class Candidate:
    event: ExtractedEvent
    weak: bool  # a headline or an undated lead: it restates the body's events when it can
    order: int
    name: str = ""  # the name that dates it ("Interaction-2023"): a happening of its own
    by_publication: bool = False  # dated only by the publication date or the dateline
    future: bool = False  # told in the future tense
    header: bool = False  # a headline line
    present: bool = False  # a headline in the present tense: the news of the publication day
    definite: bool = False  # its happening is named as one already known: "the exercises", "these drills"
    going_on: bool = False  # a body sentence telling what goes on now ("is currently holding its summit")
    ends: bool = False  # its verb says a happening ended ("concluded on Wednesday")
    begins: bool = False  # its verb says a happening began ("which began on Aug. 9")
    lasts: bool = False  # dated by how long a happening lasts ("will last until 23 October"): an end only
    part: bool = False  # a stage or phase of a happening ("the active phase of the exercise"): its own event
    vague_kind: bool = False  # its kind comes from no word of the lexicon (an action verb, or nothing)
    form: str = ""  # of a meeting: "bilateral" (one met another) or "session" (a body met); "" unknown
    stem: str = ""  # the start of its trigger word ("appr" for "approved"), to find it again
    stems: frozenset[str] = frozenset()  # the same of every kind word of its sentence
    head_stem: str = ""  # the start of its trigger's last word: "talk" for "Staff talks"
    named_again: bool = False  # a noun with "the": "the meeting on June 4"
    spelled_range: bool = False  # dated by a range whose both ends are written ("3-4 June"), not "this week"
    reports_today: bool = False  # a headline in the present tense: "President Receives the Secretary General"
    ours: bool = False  # the speaker's own gathering: "this meeting", "our meeting today"
    partner: frozenset[str] = frozenset()  # the countries of a counterpart met: {"taji"} (pairing.partner_of)
    noun_at: int = -1  # where its kind noun stands (a noun, not a verb), or -1


def contains(outer: ExtractedEvent, inner: ExtractedEvent) -> bool:
    o_start, o_end = outer.span()
    i_start, i_end = inner.span()
    return o_start <= i_start and i_end <= o_end


# How long before its publication a release still reports an event as news.
RECENT = datetime.timedelta(days=14)


# Gatherings a speaker may call "this meeting".
GATHERINGS = frozenset({"meeting", "consultation", "conference", "briefing"})
PRECISION_RANK = {"day": 0, "month": 1, "year": 2}
# How far back a headline's news may lie: a headline restates the body's recent or coming news.
HEADLINE_NEWS = datetime.timedelta(days=62)


def restates(candidate: Candidate, kept: Candidate) -> str | None:
    """Why `candidate` speaks of the happening `kept` already stands for, or None when it does not."""
    event, other = candidate.event, kept.event
    same_kind = event.kind == other.kind
    if candidate.name and kept.name and same_name(candidate.name, kept.name):
        return "same name"  # one name is one happening however often it is named
    if candidate.name and kept.name and (not candidate.weak or not share_a_word(candidate.name, kept.name)):
        # Two names are two happenings; a headline may spell a name its own way ("Rubezh 2025" for
        # "Rubezh-2025 exercise"), but one that shares no word with it names another.
        return None
    # A named exercise is its own happening (a lone name with a finer date of its sentence was
    # already made one event with it, in pairing), unless the days it is given are those of an
    # unnamed one of its kind: 'code-named "Peace Mission 2014", is scheduled to run from Sunday to
    # Friday' after 'started a six-day military exercise on Sunday'.
    own_name = bool(candidate.name) and not (
        not kept.name and same_kind and event.precision == "day" and event.span() == other.span()
    )
    if candidate.part != kept.part and not candidate.weak and not kept.weak and event.span() != other.span():
        # "The active phase of the exercise will take place on August 13": a stage with dates of
        # its own is an event of its own, beside the whole exercise (with the same dates, it is it).
        return None
    if speakers_gathering(candidate, kept):
        # "Opening remarks at inter-ministerial consultations" then "I am happy to be taking part in
        # this meeting": the speaker's gathering is the one the page dates, whatever it calls it.
        return "the speaker's 'this meeting' is the gathering of that day"
    if candidate.weak and speakers_gathering(kept, candidate):
        # "Transcript of Media Briefing ..." over the speaker's "We are meeting on the eve of ...":
        # the speaker's gathering is the headline's, and takes its kind
        return "the headline names the speaker's gathering of that day"
    if (
        not candidate.weak
        and not kept.weak
        and candidate.partner
        and kept.partner
        and candidate.partner.isdisjoint(kept.partner)
    ):
        # "met with his Tajikistan counterpart on Thursday" and "met with his Belarusian counterpart
        # on Thursday": two meetings
        return None
    if (
        event.evidence_start == other.evidence_start
        and candidate.noun_at >= 0
        and kept.noun_at >= 0
        and candidate.noun_at != kept.noun_at
        and not candidate.weak
        and not kept.weak
        and event.span() != other.span()
        # ("the summit will be held in July, and the meeting of the heads of state on 4 July": refined)
        and not (event.precision != other.precision and (contains(event, other) or contains(other, event)))
    ):
        # "In September, Kazakhstan will host the Rubezh exercise; in September-October, the
        # Interaction exercise will take place": one sentence, two nouns, each with its own dates
        return None
    if candidate.form and kept.form and candidate.form != kept.form:
        # "Heads of Government meet in Bishkek" is the session, not a minister's talks there the day
        # before; "the summit held earlier this month" is not the President's talks on Saturday.
        return None
    if (
        event.kind == other.kind == "anniversary"
        and event.precision == other.precision == "day"
        and event.start != other.start
        and not PAST_VERB.search(event.evidence)
    ):
        # "Ten years of the Treaty" on its day, and the solemn meeting held for it two days before:
        # the anniversary day itself and a celebration on another day are two events (ANNOTATION.md
        # section 1); a headline telling in the past what the body dates restates it.
        return None
    coarser = PRECISION_RANK[event.precision] >= PRECISION_RANK[other.precision]
    # "Earlier this month, the Secretary General paid a visit" is not the delegations' visit that
    # "will" take place on the 26th: one told as past, the other as to come.
    tenses_apart = (
        not candidate.weak
        and not kept.weak
        and ((candidate.future and told_as_past(kept)) or (kept.future and told_as_past(candidate)))
    )
    if (
        same_kind
        and not own_name
        and coarser
        and contains(event, other)
        and not (tenses_apart and coarser_than(event, other))
    ):
        return "same kind, same or wider dates"  # stated again, or less precisely
    if (
        candidate.named_again
        and same_kind
        and not own_name
        and kept.spelled_range
        and other.precision == event.precision == "day"
        and contains(other, event)
    ):
        return "the happening named again on one of its days"  # "following the meeting on June 4"
    if (
        candidate.header
        and candidate.by_publication
        and not kept.weak
        and other.precision == "day"
        and (candidate.stem in kept.stems or candidate.head_stem in kept.stems)
        and event.start - RECENT <= other.span()[1]
        and other.start <= event.start
    ):
        # "Union State budget approved" over "the Council at its meeting on 6 December approved the budget"
        return "the headline's word is in the body's sentence"
    if candidate.by_publication and kept.header and same_kind and (candidate.header or contains(other, event)):
        return "the dateline line or an undated lead repeats the headline"
    if candidate.weak and event.kind == "briefing" and other.kind != "briefing":
        # "Transcript of the news conference ...": the briefing is the headline's happening; what
        # the body reports was said at it, of other happenings.
        return None
    if candidate.weak and not kept.weak:
        # A headline of one kind on a day the body dates with another restates it, and so on a day
        # of a range the body writes out ("from January 21 to 23"); but a span the body only names
        # ("earlier this week he visited Bishkek") is not that day's news.
        inside_day = (
            other.precision == "day"
            and contains(other, event)
            and (same_kind or (not candidate.going_on and (other.end in (None, other.start) or kept.spelled_range)))
        )
        if inside_day:
            return "a headline or undated lead on a day the body dates"
        if candidate.present:
            # Today's part of a happening the body dates by the day, or only by its name.
            timely = event.start - RECENT <= other.span()[1] and other.start <= event.start + RECENT
            return (
                "a present-tense headline of a recent happening"
                if same_kind and other.precision == "day" and timely
                else None
            )
        if candidate.by_publication:
            # A headline or undated lead restates the body's news: what happened shortly before
            # publishing, or, told in the future tense, what is announced.
            just_before = event.start - RECENT <= other.span()[1] and other.start <= event.start
            if candidate.header:
                # Headlines announce as often as they report, in any tense; but not history, and a
                # headline of the day's news ("President Receives the Secretary General") is not the
                # session the body says is coming next month.
                timely = other.span()[1] >= event.start - HEADLINE_NEWS and not (
                    candidate.reports_today
                    and kept.future
                    and other.start > event.start + RECENT
                    # ("Putin visits Minsk" over "will pay an official visit to Minsk on December 10")
                    and candidate.stem not in kept.stems
                    and candidate.head_stem not in kept.stems
                )
            elif candidate.future:
                timely = other.span()[1] >= event.start - RECENT
            else:
                timely = just_before
            if (
                just_before
                and not candidate.future
                and (event.kind, other.kind) == ("decision", "meeting")
                and kept.form != "bilateral"  # not "he held a meeting with the Ambassador"
            ):
                # "The Permanent Council has endorsed the plan ..." then "A meeting of the Permanent
                # Council was held on January 18": what an undated lead or headline says was decided
                # ("Customs heads adopt decisions"), the meeting did
                return "an undated lead's or headline's decision is the meeting the body dates"
            return "an undated headline or lead restates the body's news" if same_kind and timely else None
        return "a headline restates an overlapping happening" if same_kind and overlaps(event, other) else None
    return None


def speakers_gathering(ours: Candidate, gathering: Candidate) -> bool:
    """Whether the speaker's "this meeting" (`ours`) is `gathering`, a gathering of its day."""
    return (
        ours.ours
        and ours.event.kind == "meeting"
        and gathering.event.kind in GATHERINGS
        and gathering.event.precision == "day"
        and contains(gathering.event, ours.event)
    )


def told_as_past(candidate: Candidate) -> bool:
    """Told in the past tense: a past verb that is no adjective ("the armed forces")."""
    return not candidate.future and any(
        m.group().lower() not in NOT_ACTIONS for m in PAST_VERB.finditer(candidate.event.evidence)
    )


def coarser_than(event: ExtractedEvent, other: ExtractedEvent) -> bool:
    return PRECISION_RANK[event.precision] > PRECISION_RANK[other.precision]


def stem(word: str) -> str:
    """The first letters of a trigger's first word: "approved", "approves" and "approval" alike."""
    return word.split()[0].lower()[:STEM] if word.strip() else ""


STEM = 4


def name_key(name: str) -> str:
    return " ".join(re.findall(r"[a-z]+|\d+", name.lower()))


def share_a_word(first: str, second: str) -> bool:
    """Two names with a word in common, spelt alike or transliterated apart ("Kobalt", "Cobalt")."""
    words = set(re.findall(r"[a-z]{3,}", second.lower()))
    return any(
        SequenceMatcher(None, word, other).ratio() >= SAME_WORD
        for word in re.findall(r"[a-z]{3,}", first.lower())
        for other in words
    )


# How alike two spellings of one name word are (difflib ratio): "kobalt"/"cobalt" 0.83, "rubezh"/"rubej" 0.73.
SAME_WORD = 0.8


def same_name(first: str, second: str) -> bool:
    """ "Indestructible Brotherhood-2019" names what "Organization Indestructible Brotherhood 2019" does."""
    a, b = name_key(first), name_key(second)
    return a == b or a.endswith(" " + b) or b.endswith(" " + a)


def overlaps(first: ExtractedEvent, second: ExtractedEvent) -> bool:
    a_start, a_end = first.span()
    b_start, b_end = second.span()
    return a_start <= b_end and b_start <= a_end


def merge_candidates(
    candidates: list[Candidate], headline: str, merges: list[str] | None = None
) -> list[ExtractedEvent]:
    """One event per happening: body events first, finer dates first, then what restates them.

    A body event that the headline restates is the release's news: the headline is its title.
    Each merge is told in `merges` ("... merged into ...: why"), when given.
    """
    # An undated headline comes after the undated lead, which it restates before any other happening.
    ordered = sorted(
        candidates, key=lambda c: (c.weak, c.header and c.by_publication, PRECISION_RANK[c.event.precision], c.order)
    )
    kept: list[Candidate] = []
    headlined: set[int] = set()
    index = KeptIndex()
    for candidate in ordered:
        tries = index.worth_trying(candidate, kept)
        if candidate.header and candidate.by_publication:
            # A headline restates the lead that tells the day's news before any other happening.
            day, kind = candidate.event.start, candidate.event.kind
            tries = sorted(tries, key=lambda i: (kept[i].event.start, kept[i].event.kind) != (day, kind))
        restated, reason = next(
            ((i, why) for i in tries if (why := restates(candidate, kept[i]))),
            (None, None),
        )
        if restated is not None and merges is not None:
            merges.append(f"{describe(candidate.event)} merged into {describe(kept[restated].event)}: {reason}")
        if restated is not None and candidate.ends and not kept[restated].ends:
            kept[restated] = replace(kept[restated], ends=True)  # "was completed today" restates today's news
        closed = None if restated is not None or not candidate.ends else closes(candidate, kept)
        if closed is not None:
            # "The exercise began on 24 August ... It concluded on Wednesday": one event, both ends;
            # and so for each exercise named as begun in the same sentence on the same day.
            opened = kept[closed].event
            for position, other in enumerate(kept):
                event = other.event
                if position != closed and not (
                    event.start == opened.start
                    and event.evidence_start == opened.evidence_start
                    and event.kind == opened.kind
                    and event.precision == "day"
                    and event.end is None
                ):
                    continue
                rules = (*event.rules, f"end from '{candidate.event.date_text}', the day it ended")
                kept[position] = replace(other, event=replace(event, end=candidate.event.start, rules=rules))
                if merges is not None:
                    merges.append(f"{describe(candidate.event)} ends {describe(event)}")
        elif restated is None and candidate.lasts:
            pass  # "the mission, which will last until 30 June": an end of nothing begun is no happening
        elif restated is None:
            index.add(len(kept), candidate)
            kept.append(candidate)
        elif refines(candidate, kept[restated]):
            # "The December 2014 session", and the headline's "Session ... December 23, 2014".
            event, finer = kept[restated].event, candidate.event
            dates = {"start": finer.start, "end": finer.end, "precision": finer.precision, "time": finer.time}
            rules = (*event.rules, f"dates refined by the headline's '{finer.date_text}'")
            kept[restated] = replace(kept[restated], event=replace(event, **dates, rules=rules))
            index.add(restated, kept[restated])
            if not kept[restated].name:
                headlined.add(restated)
        elif widens(candidate, kept[restated]):
            # "began on Monday" then "from 26 September to 8 October": the range is the event.
            event = kept[restated].event
            rules = (*event.rules, f"dates widened to the range '{candidate.event.date_text}' that holds its day")
            wider = replace(event, start=candidate.event.start, end=candidate.event.end, rules=rules)
            kept[restated] = replace(kept[restated], event=wider)
        elif candidate.header and kept[restated].weak and not kept[restated].header and not kept[restated].name:
            headlined.add(restated)  # the undated lead the headline restates: the headline is its title
        elif candidate.weak and not kept[restated].weak and not kept[restated].name:
            headlined.add(restated)  # a named exercise keeps its name as its title
            if kept[restated].ours and kept[restated].event.kind == "meeting" and candidate.event.kind in GATHERINGS:
                event = kept[restated].event
                rules = (*event.rules, f"kind from the headline's '{candidate.event.kind}': the speaker's gathering")
                kept[restated] = replace(kept[restated], event=replace(event, kind=candidate.event.kind, rules=rules))
                index.add(restated, kept[restated])
            elif kept[restated].event.kind == "meeting" and candidate.event.kind == "consultation":
                # "Staff talks ... held in Minsk" over "The talks began on 11 March": staff talks
                event = kept[restated].event
                rules = (*event.rules, "kind from the headline's 'consultation'")
                kept[restated] = replace(kept[restated], event=replace(event, kind="consultation", rules=rules))
                index.add(restated, kept[restated])
            elif (
                kept[restated].event.kind == "meeting"
                and candidate.event.kind == "decision"
                and SIGNING.search(candidate.event.title)
            ):
                # "EAEU and Singapore signed Free Trade Agreement" over the session that signed it:
                # the signing is the news (ANNOTATION.md section 3: signings are decisions)
                event = kept[restated].event
                rules = (*event.rules, "kind from the headline's signing")
                kept[restated] = replace(kept[restated], event=replace(event, kind="decision", rules=rules))
                index.add(restated, kept[restated])
            elif kept[restated].vague_kind and not candidate.vague_kind and candidate.event.kind != "other":
                # "Today ... Colonel X stated ..." under "Commander announces decision on ...": the
                # headline names what the body's verb only tells was done.
                event = kept[restated].event
                rules = (*event.rules, f"kind from the headline's '{candidate.event.kind}'")
                kind = candidate.event.kind
                kept[restated] = replace(kept[restated], event=replace(event, kind=kind, rules=rules), vague_kind=False)
                index.add(restated, kept[restated])
    kept, headlined = join_begun_and_ended(kept, headlined, merges)
    kept, headlined = name_the_one_exercise(kept, headlined, merges)
    return [with_headline(c.event, headline) if i in headlined else c.event for i, c in enumerate(kept)]


class KeptIndex:
    """Which kept candidates a candidate may restate, so that it is not tried against all of them.

    By `restates`, a body candidate (neither weak nor dated by the publication) restates only a kept
    candidate of the same name, or one of its kind whose dates lie within its own (from its own
    sentence when it is named). Those are looked up by name, and by kind and the day or month (the
    year, for a named candidate's own sentence) their dates start in. Trying every kept candidate
    instead grows with the square of their number (a release of a thousand dated sentences). A
    headline or lead candidate (a few per release) still tries them all. Looked-up positions are a
    superset, tried in order, so the first one `restates` accepts is the one a full scan finds.
    """

    def __init__(self) -> None:
        self.by_name: dict[str, list[int]] = defaultdict(list)
        self.by_start: dict[tuple[str, int], list[int]] = defaultdict(list)
        self.by_day: dict[tuple[str, int], list[int]] = defaultdict(list)
        self.by_sentence: dict[tuple[str, int, int], list[int]] = defaultdict(list)
        self.covering: dict[tuple[str, int], list[int]] = defaultdict(list)  # short ranges, by each of their days

    def add(self, position: int, candidate: Candidate) -> None:
        event = candidate.event
        if candidate.name:
            self.by_name[last_word(candidate.name)].append(position)
        self.by_start[(event.kind, month_number(event.start))].append(position)
        self.by_day[(event.kind, event.start.toordinal())].append(position)
        self.by_sentence[(event.kind, event.evidence_start, event.start.year)].append(position)
        first, last = event.span()
        if candidate.spelled_range and event.precision == "day" and (last - first).days < SHORT_SPAN:
            for day in range(first.toordinal(), last.toordinal() + 1):
                self.covering[(event.kind, day)].append(position)

    def worth_trying(self, candidate: Candidate, kept: list[Candidate]) -> Iterable[int]:
        if candidate.weak or candidate.by_publication:
            return range(len(kept))
        event = candidate.event
        first, last = event.span()
        found: set[int] = set()
        if candidate.ours:  # "this meeting": the day's gathering, whatever its kind
            for kind in GATHERINGS:
                found.update(self.by_day.get((kind, first.toordinal()), ()))
        if candidate.named_again:  # "the meeting on June 4": one day of a range kept before
            found.update(self.covering.get((event.kind, first.toordinal()), ()))
        if candidate.name:
            found.update(self.by_name.get(last_word(candidate.name), ()))
            if last.year - first.year + 1 > len(kept):
                return range(len(kept))
            for year in range(first.year, last.year + 1):
                found.update(self.by_sentence.get((event.kind, event.evidence_start, year), ()))
            if event.precision == "day" and (last - first).days < SHORT_SPAN:
                found.update(self.by_day.get((event.kind, first.toordinal()), ()))  # the same days, unnamed
        elif (last - first).days < SHORT_SPAN:
            for day in range(first.toordinal(), last.toordinal() + 1):
                found.update(self.by_day.get((event.kind, day), ()))
        else:
            months = range(month_number(first), month_number(last) + 1)
            if len(months) > len(kept):
                return range(len(kept))
            for month in months:
                found.update(self.by_start.get((event.kind, month), ()))
        return sorted(found)


# A span shorter than this is looked up day by day (a month holds up to 31 single days of one kind).
SHORT_SPAN = 31


def month_number(day: datetime.date) -> int:
    return day.year * 12 + day.month - 1


def last_word(name: str) -> str:
    """Names that `same_name` equates end with the same word."""
    return name_key(name).rsplit(" ", 1)[-1]


def name_the_one_exercise(
    kept: list[Candidate], headlined: set[int], merges: list[str] | None
) -> tuple[list[Candidate], set[int]]:
    """A release that names one exercise and dates one exercise of that year tells of one exercise.

    "The rapid reaction forces began the Interaction-2015 drill ... The exercises will be held on
    23-28 August": the name's year and the days are the same happening.
    """
    names = [i for i, c in enumerate(kept) if c.name and c.event.precision == "year"]
    if len({name_key(kept[i].name) for i in names}) != 1:
        return kept, headlined
    year = kept[names[0]].event.start.year
    first_named = min(kept[i].event.evidence_start for i in names)
    key = name_key(kept[names[0]].name)
    words = key.rsplit(" ", 1)[0] if " " in key else ""  # the name without its year
    # "The exercises, code-named Unbreakable Brotherhood 2016, are designed ...": a name given to
    # exercises already told of, with "the", after them
    named_back = all(kept[i].definite for i in names)
    dated = [
        i
        for i, c in enumerate(kept)
        if not c.name
        and (not c.by_publication or (named_back and c.event.evidence_start < first_named))
        and c.event.kind == "exercise"
        and c.event.precision != "year"
        and c.event.start.year == year
        and (
            # the name introduces it, the details follow: "the exercises will be held on ..."
            (c.event.evidence_start > first_named and c.definite)
            or (named_back and c.event.evidence_start < first_named)
            # or its sentence names it without the year, not a stage of it: "exercise Peaceful Mission is
            # hosted from ..."
            or (bool(words) and words in name_key(c.event.evidence) and not STAGE.search(c.event.evidence))
        )
    ]
    if len(dated) != 1:
        return kept, headlined
    if merges is not None:
        merges.extend(
            f"{describe(kept[i].event)} merged into {describe(kept[dated[0]].event)}: "
            "the one exercise the release names and the one it dates"
            for i in names
        )
    survivors = [i for i in range(len(kept)) if i not in names]
    remaining = [replace(kept[i], name=kept[names[0]].name) if i == dated[0] else kept[i] for i in survivors]
    return remaining, {survivors.index(i) for i in headlined if i in survivors}


SIGNING = re.compile(r"\b(?:sign(?:s|ed|ing)?|signature)\b", re.IGNORECASE)


def describe(event: ExtractedEvent) -> str:
    data = event.as_json()
    return f"{data['start']}{'/' + data['end'] if data['end'] else ''} {event.kind} @{event.evidence_start}"


# How long a happening that began on a day may run before a sentence telling that it ended.
RANGE_REACH = datetime.timedelta(days=31)


def join_begun_and_ended(
    kept: list[Candidate], headlined: set[int], merges: list[str] | None
) -> tuple[list[Candidate], set[int]]:
    """A happening told to have ended ("concluded Friday"), and, told after it, to have begun
    shortly before ("The exercise, which began on Aug. 9"): one event with both ends."""
    gone: set[int] = set()
    for i, begun in enumerate(kept):
        first = begun.event
        if not begun.begins or begun.weak or first.precision != "day" or first.end is not None:
            continue
        if GOING_ON_STILL.search(first.evidence):
            continue  # "which began on 2 May, continues in Belarus": not the one that ended
        for j, ended in enumerate(kept):
            last = ended.event
            if (
                j in gone
                or j == i
                or not ended.ends
                or last.precision != "day"
                or last.end is not None
                or last.kind != first.kind
                or first.evidence_start < last.evidence_start  # the beginning is told after the end
                or (begun.name and ended.name and not same_name(begun.name, ended.name))
                or not first.start < last.start <= first.start + RANGE_REACH
            ):
                continue
            rules = (*last.rules, f"start from '{first.date_text}', the day it began")
            kept[j] = replace(ended, event=replace(last, start=first.start, end=last.start, rules=rules))
            gone.add(i)
            if i in headlined:
                headlined.add(j)
            if merges is not None:
                merges.append(f"{describe(first)} begins {describe(last)}")
            break
    if not gone:
        return kept, headlined
    positions = [i for i in range(len(kept)) if i not in gone]
    renumbered = {old: new for new, old in enumerate(positions)}
    return [kept[i] for i in positions], {renumbered[i] for i in headlined if i in renumbered}


# Told as still going on: the happening that began has not ended.
GOING_ON_STILL = re.compile(
    r"(?i:\b(?:continues?|will\s+continue|is\s+still|are\s+still|still\s+under\s+way|ongoing)\b)"
)


def closes(candidate: Candidate, kept: list[Candidate]) -> int | None:
    """The kept happening an 'ended on ...' sentence closes: the latest one begun shortly before,
    of its kind (or of any kind when the ending sentence names none), still without an end."""
    event = candidate.event
    if candidate.weak or event.precision != "day" or event.end is not None:
        return None
    for index in range(len(kept) - 1, -1, -1):
        other = kept[index].event
        if (
            not kept[index].weak
            and other.precision == "day"
            and other.end is None
            and other.start < event.start <= other.start + RANGE_REACH
            and other.evidence_start <= event.evidence_start
            and (other.kind == event.kind or event.kind == "other")
        ):
            return index
    return None


def refines(candidate: Candidate, kept: Candidate) -> bool:
    """A headline that dates the body's happening more finely than the body does."""
    event, other = candidate.event, kept.event
    return (
        candidate.weak
        and not candidate.by_publication
        and not kept.weak
        and event.kind == other.kind
        and PRECISION_RANK[event.precision] < PRECISION_RANK[other.precision]
        and contains(other, event)
    )


def widens(candidate: Candidate, kept: Candidate) -> bool:
    """A range that starts or ends on the day an event was kept for, of its kind: the same event,
    told in full ("began on Monday" / "ended on Monday night", then "from 28 August to 3 September")."""
    event, other = candidate.event, kept.event
    return (
        not candidate.weak
        and event.kind == other.kind
        and event.precision == other.precision
        and other.start in (event.start, event.end)
        and other.end is None
        and event.end is not None
    )


def link_anniversaries(events: list[ExtractedEvent]) -> list[ExtractedEvent]:
    """An event on the date an anniversary counts from is a founding: it recurs yearly.

    A founding the release states outright ("On April 28, 2003, ... decided to create") is the
    anniversary's anchor even when the count read from the text says otherwise: what the text
    states beats what is computed from an ordinal.
    """
    events = [stated_founding(e, events) if e.kind == "anniversary" and e.founding else e for e in events]
    foundings = {e.founding for e in events if e.kind == "anniversary" and e.founding}
    return [
        replace(e, recurs_yearly=True)
        if e.precision == "day" and e.start in foundings and e.kind != "anniversary"
        else e
        for e in events
    ]


def stated_founding(anniversary: ExtractedEvent, events: list[ExtractedEvent]) -> ExtractedEvent:
    """The anniversary anchored on the day of its month the release states, in an earlier year."""
    day = (anniversary.start.month, anniversary.start.day)
    stated = sorted(
        e.start
        for e in events
        if e is not anniversary
        and e.kind != "anniversary"
        and e.precision == "day"
        and e.end is None
        and (e.start.month, e.start.day) == day
        and e.start.year < anniversary.start.year
    )
    if not stated or anniversary.founding in stated:
        return anniversary
    founding = stated[0]
    rules = (*anniversary.rules, f"founding {founding.isoformat()}: the day the release states, not the count")
    return replace(
        anniversary, founding=founding, anniversary_years=anniversary.start.year - founding.year, rules=rules
    )


def with_headline(event: ExtractedEvent, headline: str) -> ExtractedEvent:
    """The headline names the news better than a sentence does, when it is short and undated."""
    if 0 < len(headline) <= 140 and not re.search(r"\d{2}\.\d{2}\.\d{4}$", headline):
        title = DATE_HEAD.sub("", headline) or headline  # "29 September: 15th Forum meeting"
        return replace(event, title=title, rules=(*event.rules, "title: the headline restates it"))
    return event
