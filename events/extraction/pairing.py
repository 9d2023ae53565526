"""Each date with the words that say what happened: one trigger per date, nearest in the clause."""

import bisect
import re
from dataclasses import replace
from itertools import pairwise

from events.extraction.kinds import GENERIC, KIND_STRENGTH, VERB, Trigger, distance, kind_near
from events.extraction.model import DateValue
from events.extraction.reading import Unit

# A year standing alone must be this close to its trigger unless it opens its clause.
YEAR_WINDOW = 70


# Crossing a comma costs as much as this many characters when pairing a date with its trigger.
CLAUSE_PENALTY = 60


# Pairing with a trigger inside an aside the date is not in costs as much as this.
ASIDE_PENALTY = 200


# A comma-bounded aside: a relative clause or a participle phrase.
ASIDE = re.compile(r",\s*(?:who|which|whose|where|[a-z]+ed\s+(?:by|with|in|on|at|from|to|for)|[a-z]+ing)\b[^,]*,")


# The occasion another happening was held at: "on the sidelines of the Army-2023 forum".
SIDELINES = re.compile(r"\bon\s+the\s+(?:sidelines|margins)\s+of\s+(?:the\s+|a\s+)?(?:[\w.-]+\s+){0,3}$", re.IGNORECASE)


# Words that make a year a time: "in the first half of 2025", "at the end of 2020", "mid-2024".
YEAR_INTRODUCER = re.compile(
    r"(?:\b(?:half|end|beginning|start|middle|quarter)\s+of\s+(?:the\s+year\s+)?|\b(?:early|late|mid)[\s-]+)$",
    re.IGNORECASE,
)


# A trigger inside such a phrase names the setting or the occasion, not what happened:
# "the results of the exercise", "signed at the summit", "a parade dedicated to the anniversary".
OF_PHRASE = re.compile(
    r"\b(?:(?<!\bheads\s)of(?!\s+(?:state|government)\b)|at|during|on|for|about|regarding|concerning|following|after|"
    r"ahead\s+of|prior\s+to|dedicated\s+to|devoted\s+to|in\s+honou?r\s+of|on\s+the\s+occasion\s+of)\s+"
    r"(?:the\s+|a\s+|an\s+|its\s+|their\s+)?(?:[\w.-]+\s+){0,2}$"
)


# A happening named only to place another in time: "following the session", "ahead of the summit".
RELATIVE_TO = re.compile(
    r"\b(?:following|after|before|ahead\s+of|prior\s+to|in\s+the\s+run-up\s+to)\s+(?:the\s+|a\s+|its\s+)?(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)


# What a date completing a noun's phrase is worth against any other pairing, in characters.
COMPLEMENT_BONUS = 10_000


# A date in brackets after a happening's name: "the SCO Digital Forum (Astana, 15 November 2023)",
# "the meeting of the Council of Heads of Government (Bishkek, 26 October 2023)".
PARENTHESIS = re.compile(r"(?:\s+[^\s(),;.]+){0,10}?\s*\(\s*(?:[A-Z][\w' -]{0,40},\s*)?")


# Between an event noun and the date that completes it: "the meeting on 20 February", "the
# session of 3 May".
# "of" phrases after a noun: "the session of the Collective Security Council".
OF_PHRASES = (
    r"(?:\s+(?:of|for|on(?=\s+(?:the\s+)?[A-Z]))\s+(?:(?!(?:was|were|is|are|has|have|had|will|which|that|who|at|in|on|during|with|by|to|from)\b)"
    r"[^\s,;:()]+\s+){0,8}?[^\s,;:()]+)*"
)
COMPLEMENT = re.compile(
    # "at its meeting in Minsk on 6 May", "the signing of the Treaty on the EAEU on May 29, 2014"
    # "the state visit to Tajikistan from Oct. 8-10"
    rf"{OF_PHRASES}\s+(?:(?:in|to)\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?\s+)?(?:on|of|from)\s+(?:the\s+)?|"
    # "the session of the Council slated for November 28"
    rf"{OF_PHRASES}\s*,?\s+(?:(?:which|that)\s+(?:is|are|was|were)\s+)?(?:scheduled|planned|set|slated|due)\s+"
    r"(?:to\s+(?:be\s+held|take\s+place)\s+)?(?:for|on|in)\s+(?:the\s+)?|"
    # "the summit to be held in Astana on 3-4 July", "the exercise held in Orenburg in September 2021"
    r"\s+(?:(?:which|that)\s+(?:will\s+be|was|were)\s+held|(?:which|that)\s+(?:will\s+take|took)\s+place|"
    r"to\s+be\s+held|to\s+take\s+place|held)(?:\s+(?:in|at)\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)?\s+(?:on|in|from)\s+(?:the\s+)?|"
    # a wire's participle with its days: "to attend the SCO summit held Sept. 15-16"
    r"\s+held\s+"
)


# Words that may stand before a year opening its clause ("In 2023, ...", "Back in 2008 ...").
CLAUSE_HEAD = re.compile(
    r"^(?:\W*(?:in|during|at|the|end|beginning|start|middle|of|early|late|mid|since|over|throughout|"
    r"already|also|back|and|but|so|then|as|a|year|by|first|half|second|on|alone|just|only)\b)*\W*$",
    re.IGNORECASE,
)


# Kinds that a named exercise's finer date may carry: the name says what happened.
NAME_ABSORBING = {GENERIC, "exercise", "other"}


# A part of a happening: its finer date is the part's, the name's year the whole's.
PART_WORDS = r"stages?|phases?|rounds?"
STAGE = re.compile(rf"\b(?:{PART_WORDS})\s+of\b", re.IGNORECASE)


def absorb_name(
    pairs: list[tuple[DateValue, Trigger]],
    triggers: list[Trigger],
    sentence: str = "",
    offset: int = 0,
    dates: tuple[DateValue, ...] | list[DateValue] = (),
) -> tuple[list[tuple[DateValue, Trigger]], dict[int, str]]:
    """Names and a finer date of their year in one sentence: each name is one exercise, so dated.

    "Indestructible Brotherhood 2019 ... held from 21 to 29 October" is one event, dated by the
    range; '"Interaction-2022", "Search-2022" and "Echelon-2022" that were held from September 26
    to October 8' are three, each with the range. A name stays a happening of its own, dated by its
    year, when the finer date says something else happened ("staff talks on Rubezh-2025 were held
    on 3 June"). `offset` is where `sentence` starts in the text the dates' offsets count in.
    Returns the pairs and, for each date now dating a name, that name (by the date's id).
    """
    names = [d for d, _ in pairs if d.type == "name"]
    # "Zapad-2013, took place in 2013": the year says again what the name says.
    years = {n.start.year for n in names if n.end is None}
    pairs = [(d, t) for d, t in pairs if not (d.type == "year" and d.end is None and d.start.year in years)]
    if not names or not sentence or STAGE.search(sentence):
        # "The first stage of the operation, dubbed Channel 2007, ended on Monday": the stage ended.
        return pairs, {}
    if len(names) == 1:
        lone = absorb_lone_name(pairs, triggers, names)
        if lone[1]:
            return lone
    groups: dict[int, list[DateValue]] = {}
    taken: set[int] = set()
    every = [*dates, *(d for d, _ in pairs)]
    for date, trigger in pairs:
        if date.type in ("name", "published") or date.precision == "year":
            continue
        group = [
            n for n in names_dated_by(date, trigger, names, every, triggers, sentence, offset) if id(n) not in taken
        ]
        if group:
            groups[id(date)] = group
            taken.update(id(n) for n in group)
    if not groups:
        return pairs, {}
    result, absorbed = [], {}
    for date, trigger in pairs:
        if id(date) in taken:
            continue  # the name is dated by its finer date now
        if id(date) not in groups:
            result.append((date, trigger))
            continue
        for index, name in enumerate(groups[id(date)]):
            own = date if index == 0 else replace(date)  # one event per name, each with the date
            absorbed[id(own)] = name.text
            result.append((own, name_noun(name, triggers, trigger)))
    return result, absorbed


def absorb_lone_name(
    pairs: list[tuple[DateValue, Trigger]], triggers: list[Trigger], names: list[DateValue]
) -> tuple[list[tuple[DateValue, Trigger]], dict[int, str]]:
    """A sentence's one name and its finer dates of that year, wherever they stand ("From 17 to
    19 November, the training under the code name "Cobalt-2021" will take place"): one exercise."""
    (name,) = names
    absorbing = [
        d
        for d, t in pairs
        if d.type not in ("name", "published")
        and d.precision != "year"
        and d.start.year == name.start.year
        and t.kind in NAME_ABSORBING
    ]
    if not absorbing or any(t.kind not in NAME_ABSORBING for t in triggers if t.start < name.text_start):
        # "held the staff talks on the exercise Rubezh-2025": the talks are the news, the name is theirs.
        return pairs, {}
    exercise = next((t for t in triggers if t.kind == "exercise"), None)
    result, absorbed = [], {}
    for date, trigger in pairs:
        if date is name:
            continue
        if any(date is d for d in absorbing):
            absorbed[id(date)] = name.text
            kind = trigger.kind if trigger.kind != GENERIC else kind_near(triggers, trigger.start)
            if kind == "other" and not (exercise and exercise.start < name.text_start):
                trigger = replace(trigger, kind="other")  # "the anti-drug operation Channel-2011": `other`
            elif trigger.kind != "exercise" and exercise is not None:
                trigger = exercise
            elif trigger.kind != "exercise":
                trigger = replace(trigger, kind="exercise")
        result.append((date, trigger))
    return result, absorbed


def names_dated_by(
    date: DateValue,
    trigger: Trigger,
    names: list[DateValue],
    dates: list[DateValue],
    triggers: list[Trigger],
    sentence: str,
    offset: int,
) -> list[DateValue]:
    """The names a finer date dates: the nearest name of its year before it, with the names listed
    before that one ("A-2022", "B-2022" and "C-2022"), when nothing else happens in between."""
    before = sorted(
        (n for n in names if n.text_end <= date.text_start and n.start.year == date.start.year),
        key=lambda n: n.text_end,
    )
    if not before:
        return names_after(date, names, sentence, offset)
    last = before[-1]
    gap = sentence[last.text_end - offset : date.text_start - offset]
    if len(gap) > NAME_DATE_GAP or ";" in gap:
        return []
    if any(d.type != "name" and last.text_end <= d.text_start < date.text_start for d in dates):
        return []  # another date comes first ("... held in 2023, the troops returned home on 3 May")
    if NEW_CLAUSE.search(gap):
        return []  # a clause of its own says what happened on the date
    if any(t.kind not in NAME_ABSORBING and last.text_end <= t.start < date.text_start for t in triggers):
        return []  # "Rubezh-2025 was discussed at the meeting on 3 June": the meeting's date
    group = [last]
    for name in reversed(before[:-1]):
        if not LISTED_NAMES.fullmatch(sentence, name.text_end - offset, group[-1].text_start - offset):
            break
        group.append(name)
    group.reverse()
    if RELATIVE_ON_NAME.match(gap):
        return group  # 'the exercise "Interaction-2024", which will be held in Belarus in September'
    first = group[0]
    if trigger.kind not in NAME_ABSORBING and trigger.start >= first.text_start:
        return []
    governing = [t for t in triggers if t.end <= first.text_start and t.kind not in NAME_ABSORBING]
    if governing and not HOLDING.search(sentence, governing[-1].end - offset, first.text_start - offset):
        # "held the staff talks on the exercise Rubezh-2025": the talks are the news, the name is
        # theirs; but "agreed to hold the exercise Pabbi-Antiterror-2021" holds the exercise.
        return []
    return group


def names_after(date: DateValue, names: list[DateValue], sentence: str, offset: int) -> list[DateValue]:
    """The names a date is given right before: "will be held from September 26 to October 8 under the
    code names "Interaction-2022", "Poisk-2022" and "Echelon-2022"": each is an exercise on it."""
    after = sorted(
        (n for n in names if n.text_start >= date.text_end and n.start.year == date.start.year),
        key=lambda n: n.text_start,
    )
    if not after or not CODE_NAMED.fullmatch(sentence, date.text_end - offset, after[0].text_start - offset):
        return []
    group = [after[0]]
    for name in after[1:]:
        if not LISTED_NAMES.fullmatch(sentence, group[-1].text_end - offset, name.text_start - offset):
            break
        group.append(name)
    return group


# Between a date and the names it dates: "under the code names", "code-named", "dubbed".
CODE_NAMED = re.compile(
    r"\s*,?\s*(?:(?:in|at)\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?\s+)?(?:under\s+the\s+(?:code\s+)?names?|code-?named|dubbed|"
    r"called|named)\s*[\"'\u201c\u00ab]?",
    re.IGNORECASE,
)


def name_noun(name: DateValue, triggers: list[Trigger], trigger: Trigger) -> Trigger:
    """The noun a name names ("the anti-drug operation Channel-2011": `other`), else the date's own
    trigger as an exercise (as `kind_of` reads a year-named happening alone)."""
    nouns = [t for t in triggers if t.kind in ("exercise", "other") and distance(t, name.text_start) <= NAME_REACH]
    if nouns:
        return min(nouns, key=lambda t: min(distance(t, name.text_start), distance(t, name.text_end)))
    return trigger if trigger.kind in ("exercise", "other") else replace(trigger, kind="exercise")


# A comma, then a subject and its verb: "..., the troops returned home on".
NEW_CLAUSE = re.compile(
    r",\s+(?:the\s+)?(?!(?:which|that|who|where|when)\b)[a-z]+\s+(?:\w+ed|met|held|took|went|came|left|began)\b"
)
# How far after a name the finer date that dates it may begin: '"Pabbi-Antiterror-2021" on the
# territory of the Islamic Republic of Pakistan in the second half of the year'.
NAME_DATE_GAP = 100
# Names listed together: '"Interaction-2022", "Search-2022" and "Echelon-2022"'.
LISTED_NAMES = re.compile(r"[\"'\u201d\u00bb]?\s*(?:,\s*(?:and\s+)?|and\s+)[\"'\u201c\u00ab]?")
# A relative clause opening right after a name: it tells of the named happening.
RELATIVE_ON_NAME = re.compile(r"[\"'\u201d\u00bb]?\s*,?\s*(?:which|that)\b")
# A verb that holds the named happening: "agreed to hold the exercise", "provides for the exercises".
HOLDING = re.compile(
    r"\b(?:hold|host|conduct|organi[sz]e|stage|carry\s+out)\b|\bprovides?\s+for\b|\binclud\w*",
    re.IGNORECASE,
)


def opens_clause(plain: str, date: DateValue, unit: Unit) -> bool:
    head = plain[unit.start : date.text_start]
    clause = re.split(r"[,;:()]|\band\b", head)[-1]
    return bool(CLAUSE_HEAD.match(clause)) and len(clause.split()) <= 6


def pair_dates(
    plain: str, dates: list[DateValue], triggers: list[Trigger], unit: Unit
) -> list[tuple[DateValue, Trigger]]:
    """One trigger per date, nearest first; a lone year must open its clause or be near its trigger."""
    options = []
    asides = [m.span() for m in ASIDE.finditer(plain, unit.start, unit.end)]
    # What depends on one trigger or one date only is read once, not once per (date, trigger) pair.
    breaks = ClauseBreaks(plain, dates, triggers, unit)
    trigger_costs = []
    for trigger in triggers:
        strength = 0 if trigger.kind == GENERIC else 1
        cost = 0
        if not VERB.match(trigger.text) and OF_PHRASE.search(plain, max(unit.start, trigger.start - 30), trigger.start):
            cost += CLAUSE_PENALTY  # "the results of the exercise": a modifier, not what happens
        if not VERB.match(trigger.text) and any(
            other.kind != GENERIC and not VERB.match(other.text) and plain[trigger.end : other.start] == " "
            for other in triggers
        ):
            cost += CLAUSE_PENALTY  # "the SCO Forum meeting": the noun before the head is its modifier
        aside = next(((a, b) for a, b in asides if a <= trigger.start < b), None)
        sidelines = bool(SIDELINES.search(plain, max(unit.start, trigger.start - 60), trigger.start))
        # "following the session of the Council of 2 December, declare": the session only sets the time
        noun = not VERB.match(trigger.text) and not RELATIVE_TO.search(
            plain, max(unit.start, trigger.start - 40), trigger.start
        )
        trigger_costs.append((strength, cost, aside, sidelines, noun))
    for di, date in enumerate(dates):
        initial = opens_clause(plain, date, unit)
        loose = date.precision == "year" and date.type in ("year", "relative") and not introduced(plain, date)
        for ti, trigger in enumerate(triggers):
            gap = min(distance(trigger, date.text_start), distance(trigger, date.text_end))
            if loose and not initial and gap > YEAR_WINDOW:
                continue
            strength, cost, aside, sidelines, noun = trigger_costs[ti]
            if (noun and COMPLEMENT.fullmatch(plain, trigger.end, date.text_start)) or PARENTHESIS.fullmatch(
                plain, trigger.end, date.text_start
            ):
                # "at its meeting on 20 February approved": the date is the meeting's own; of two nouns
                # it completes ("the anniversary of the signing ... on May 29"), the nearer
                cost = gap - COMPLEMENT_BONUS
            else:
                cost += gap + CLAUSE_PENALTY * breaks.between(date, trigger)
            if trigger.start > date.text_end and PURPOSE.search(plain, date.text_end, trigger.start):
                # "arrived in Dushanbe on Tuesday evening to attend the meeting": the day is the
                # arrival's; the meeting is what it was for
                cost += CLAUSE_PENALTY
            if aside and not aside[0] <= date.text_start < aside[1]:
                cost += ASIDE_PENALTY  # ", inspired by the need to implement decisions,": an aside, not the news
            if sidelines:
                cost += ASIDE_PENALTY  # "held talks on the sidelines of the forum on Monday": the talks
            options.append((cost, -strength, di, ti))
    options.sort()
    used_dates: set[int] = set()
    used_triggers: set[int] = set()
    pairs = []
    for _, _, di, ti in options:
        named = dates[di].type == "name"  # several names may share one noun: "exercises Search-2023 and Echelon-2023"
        if di in used_dates or (ti in used_triggers and not named):
            continue
        used_dates.add(di)
        if not named:
            used_triggers.add(ti)
        pairs.append((dates[di], triggers[ti]))
    return pairs + listed_with(plain, dates, pairs)


# A purpose infinitive: what follows it is what the dated verb was for.
PURPOSE = re.compile(r"(?i:\bto\s+(?:attend|take\s+part\s+in|participate\s+in)\b)")


# Between two dates of one list: "on 2 May, on 5 May and on 9 May", "in June and in October",
# "in Astana on 14 October and in St Petersburg on 26 December".
LIST_JOINT = re.compile(
    r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+or\s+)(?:(?:in|at)?\s*[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2}\s+)?"
    r"(?:(?:on|in|at)\s+)?(?:the\s+)?"
)
# A second clause that leaves out its verb: "met the Prime Minister on 3 May, and on 4 May the
# Foreign Minister", "the first phase took place in April, and the second one in June".
GAPPED = re.compile(
    r"[^.;:]{0,80}?,?\s+and\s+(?:(?:the\s+)?(?:[a-z]+|[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)(?:\s+one)?\s+)?(?:on|in)\s+(?:the\s+)?"
)


def listed_with(
    plain: str, dates: list[DateValue], pairs: list[tuple[DateValue, Trigger]]
) -> list[tuple[DateValue, Trigger]]:
    """Dates left without a trigger that continue a list begun by a paired date, or date a second
    clause without a verb of its own, share its trigger; and the list's first date shares the
    trigger of the one after it ("In 2011 and 2017 the Council met": 2011 is too far from the verb)."""
    trigger_of = {id(d): t for d, t in pairs}
    shared = []

    def share(date: DateValue, trigger: Trigger) -> None:
        trigger_of[id(date)] = trigger
        shared.append((date, trigger))

    def listed(before: DateValue, date: DateValue) -> bool:
        return (
            date.type != "name"
            and before.type != "name"
            and date.precision == before.precision
            and bool(LIST_JOINT.fullmatch(plain, before.text_end, date.text_start))
        )

    for before, date in pairwise(dates):
        trigger = trigger_of.get(id(before))
        if trigger is not None and id(date) not in trigger_of:
            # "joined in 2017, and Iran in July 2023": a second clause without its verb, at any precision
            gapped = (
                date.type != "name"
                and before.type != "name"
                and GAPPED.fullmatch(plain, before.text_end, date.text_start)
            )
            if listed(before, date) or gapped:
                share(date, trigger)
    for before, date in reversed(list(pairwise(dates))):
        trigger = trigger_of.get(id(date))
        restating = before.end is not None and before.start <= date.start <= before.end  # "this week, on Monday"
        if trigger is not None and id(before) not in trigger_of and not restating and listed(before, date):
            share(before, trigger)
    return shared


def introduced(plain: str, date: DateValue) -> bool:
    """A year with a phrase that makes it a time ("in the first half of 2025", "at the end of 2020")."""
    return bool(YEAR_INTRODUCER.search(plain, max(0, date.text_start - 30), date.text_start))


class ClauseBreaks:
    """The clause breaks (CLAUSE_BREAK) between each date and trigger of a sentence, from one scan
    of it: a date in an aside belongs to it."""

    def __init__(self, plain: str, dates: list[DateValue], triggers: list[Trigger], unit: Unit) -> None:
        start = min([unit.start, *(d.text_start for d in dates), *(t.start for t in triggers)])
        end = max([unit.end, *(d.text_end for d in dates), *(t.end for t in triggers)])
        self.positions = [m.start() for m in CLAUSE_BREAK.finditer(plain, start, end)]

    def between(self, date: DateValue, trigger: Trigger) -> int:
        lo, hi = (
            sorted((date.text_end, trigger.start))
            if date.text_end <= trigger.start
            else sorted((trigger.end, date.text_start))
        )
        return bisect.bisect_left(self.positions, hi) - bisect.bisect_left(self.positions, lo) if hi > lo else 0


# Punctuation, an "and" that begins a second predicate ("was signed on 13 October and will enter
# into force"), and a "that" opening a clause with its subject ("said that the exercises went
# well"): what lies beyond them has a verb and a date of its own.
CLAUSE_BREAK = re.compile(
    r"[,;()]|\band\s+(?=(?:will|would|was|were|is|are|has|have|had|agreed|decided|noted|stressed|called|urged)\b)|"
    r"\bthat\s+(?=(?:the|a|an|it|he|she|they|we|this|these|its|their|[A-Z]\w*)\b)"
)


def strongest(triggers: list[Trigger]) -> Trigger:
    named = [t for t in triggers if t.kind != GENERIC]
    return max(named, key=lambda t: (KIND_STRENGTH[t.kind], -t.start))


def kind_of(plain: str, date: DateValue, trigger: Trigger, triggers: list[Trigger], unit: Unit) -> tuple[str, str]:
    """The kind a date's trigger gives its event, and the rule that gave it."""
    if date.type == "name" and not date.text_start <= trigger.start < date.text_end:
        # "the anti-drug operation, dubbed Channel-2011": the noun the name names says what it is.
        reach = (
            DUBBED_REACH if DUBBED.search(plain, max(unit.start, date.text_start - 30), date.text_start) else NAME_REACH
        )
        named = [t for t in triggers if t.kind in ("exercise", "other") and distance(t, date.text_start) <= reach]
        named += [t for t in triggers if t.kind in ("conference", "meeting") and 0 <= t.start - date.text_end <= 2]
        if named:
            noun = min(named, key=lambda t: min(distance(t, date.text_start), distance(t, date.text_end)))
            return noun.kind, f"kind: the name's noun '{noun.text}' = {noun.kind}"
        return "exercise", "kind: a year-named happening is an exercise"
    if trigger.kind == "meeting" and STAFF_TALKS.match(plain, trigger.end, unit.end):
        return "consultation", f"kind: '{trigger.text}' on preparing an exercise are staff talks = consultation"
    if (
        trigger.kind == "visit"
        and trigger.text.lower().startswith(("arriv", "left", "leave", "depart"))
        and TROOPS.search(plain, max(unit.start, trigger.start - TROOPS_REACH), trigger.start)
    ):
        return "other", f"kind: troops '{trigger.text}' = other (forces arriving or leaving, not a visit)"
    if trigger.kind in ("meeting", "other") and celebrates(plain, trigger, unit):
        return "anniversary", f"kind: '{trigger.text}' held for an anniversary or a day = anniversary"
    if trigger.kind != GENERIC:
        return trigger.kind, f"kind: lexicon '{trigger.text}' = {trigger.kind}"
    if BODY_THAT_SITS.search(plain, max(unit.start, trigger.start - 40), trigger.start):
        # "at the Supreme Council, which will take place in December": the body's sitting
        return "meeting", f"kind: generic verb '{trigger.text}' of a body's sitting = meeting"
    governed = object_of(plain, trigger, triggers)
    if governed is not None and governed.kind in ("meeting", "other") and celebrates(plain, governed, unit):
        return "anniversary", f"kind: '{governed.text}' held for an anniversary or a day = anniversary"
    if governed is not None:
        return governed.kind, f"kind: generic verb '{trigger.text}' takes its object's ('{governed.text}')"
    subject = subject_of(plain, trigger, triggers, unit)
    if subject is not None and subject.kind == "meeting" and STAFF_TALKS.match(plain, subject.end, unit.end):
        return "consultation", f"kind: '{subject.text}' on preparing an exercise are staff talks = consultation"
    if subject is not None and subject.kind in ("meeting", "other") and celebrates(plain, subject, unit):
        return "anniversary", f"kind: '{subject.text}' held for an anniversary or a day = anniversary"
    if subject is not None:
        return subject.kind, f"kind: generic verb '{trigger.text}' takes its subject's ('{subject.text}')"
    if BODY_AS_SUBJECT.search(plain[unit.start : trigger.start]) and not GENERIC_OBJECT.match(plain, trigger.end):
        return "meeting", f"kind: generic verb '{trigger.text}' of a body's sitting = meeting"
    near = kind_near(triggers, trigger.start)
    if near:
        return near, f"kind: generic verb '{trigger.text}' takes the nearest kind word's ({near})"
    return "other", f"kind: generic verb '{trigger.text}' and no kind word: other"


# A body named just before the relative clause of a generic verb: "the Council, which will take place".
BODY = r"\b(?:Council|Committee|Commission|Assembly|Board|Parliament|Cabinet)"
BODY_THAT_SITS = re.compile(BODY + r"\s*,?\s*(?:which|that)\s+(?:(?:will|is|are|was|were)\s+)?(?:(?:to\s+)?be\s+)?$")
# A body as the subject of a generic verb, no kind word beside it: "The Council of Foreign Ministers
# will begin on Friday" (its sitting).
BODY_AS_SUBJECT = re.compile(
    r"(?:^|[,;:]\s+)(?:The\s+|the\s+)?(?:[A-Z][\w-]*\s+){0,4}?"
    + BODY
    + r"(?:\s+of\s+(?:the\s+)?[A-Z][\w-]*(?:\s+(?:[A-Z][\w-]*|and|of|the)){0,6})?"
    + r"(?:\s+in\s+(?:a|an|the)\s+[\w-]+\s+format)?"  # "The Council ... in a narrow format will begin work"
    + r"\s+(?:(?:will|is|are|was|were)\s+)?$"
)


def celebrates(plain: str, trigger: Trigger, unit: Unit) -> bool:
    """A gathering held for an anniversary or a day kept: "On the occasion of the anniversary, the
    Commission held a solemn meeting", "a reception on the occasion of the SCO Day" (ANNOTATION.md
    section 1: a celebration is an `anniversary` event on the day it is held)."""
    if not (
        CELEBRATING.fullmatch(trigger.text)
        or (trigger.kind == "meeting" and SOLEMN.search(plain, max(unit.start, trigger.start - 20), trigger.start))
    ):
        return False
    return bool(FOR_AN_OCCASION.search(plain, unit.start, unit.end))


CELEBRATING = re.compile(r"(?i:receptions?|ceremon(?:y|ies)|concerts?|celebrations?|festivities|gala)")
SOLEMN = re.compile(r"(?i:\b(?:solemn|gala|festive|ceremonial|celebratory)\s+$)")
FOR_AN_OCCASION = re.compile(
    r"(?i:\b(?:on\s+the\s+occasion\s+of|dedicated\s+to|devoted\s+to|marking|in\s+honou?r\s+of|to\s+(?:mark|celebrate))\s+"
    # an anniversary, or a Day kept (capitalised): not "the final day of the forum"
    r"(?:the\s+|its\s+|their\s+)?[\"\u201c]?(?:(?!(?:preparations?|plans?|programmes?)\b)[\w-]+\s+){0,4}?(?:anniversary|(?-i:Day))\b)"
)


# Forces whose arrival is a deployment, not a visit (ANNOTATION.md section 3).
TROOPS = re.compile(
    r"(?i:\b(?:troops|servicemen|soldiers|forces|units|contingents?|personnel|military|battalions?|brigades?|"
    r"formations|subunits|peacekeepers|paratroopers|column|convoy)\b)"
)
TROOPS_REACH = 80


# "the anti-drug operation conducted by the member states, dubbed Channel 2007": the name names the
# noun the aside follows, however long the aside.
DUBBED = re.compile(
    r"\b(?:dubbed|code-?named|codenamed|named|called|under\s+the\s+(?:code\s+)?name)\s*[\"'\u201c]?\s*$"
)
DUBBED_REACH = 150
# Meetings held to prepare an exercise are staff talks (ANNOTATION.md section 3: `consultation`):
# "negotiations ... on the preparation of the Rubezh exercises", "met to discuss the upcoming drills".
STAFF_TALKS = re.compile(
    r"[^.;]{0,160}?\b(?:on|to\s+discuss|to\s+prepare|to\s+plan|regarding|concerning)\s+(?:the\s+)?"
    r"(?:(?:preparation|planning|organi[sz]ation|conduct|holding|preparations)\s+(?:of|for)\s+(?:the\s+)?)?"
    r"(?:(?:upcoming|forthcoming|next|planned|joint)\s+)*(?:[\w\"'-]+\s+){0,5}?(?:exercises?|drills?|manoeuvres?)\b",
    re.IGNORECASE,
)
# How far from a name the noun it names may stand: "the exercise Interaction-2025", "operation ..., dubbed".
NAME_REACH = 45
# Words after which "of" introduces the head, not a modifier: "the second round of negotiations".
QUANTIFIER_OF = re.compile(rf"\b(?:{PART_WORDS}|series|part|number|set|cycle)\s+of\s+(?:the\s+)?$")


# Between a verb and the noun it governs: "held a press conference", "conducted its first joint drills".
OBJECT_GAP = re.compile(
    r"\s+(?:(?:a|an|the|its|their|his|her|this|another)\s+)?"
    r"(?:(?!(?:in|on|at|by|with|for|from|of|to|and|or|was|were|is|are)\b)[\w-]+\s+){0,2}"
)


def object_of(plain: str, verb: Trigger, triggers: list[Trigger]) -> Trigger | None:
    """The kind word an active generic verb governs: "held a press conference" is a briefing."""
    if not ACTIVE_GENERIC.fullmatch(verb.text):
        return None
    after = next((t for t in triggers if t.start >= verb.end), None)
    if after is None or after.kind == GENERIC or not OBJECT_GAP.fullmatch(plain, verb.end, after.start):
        return None
    return after


# Generic verbs that take an object: "held", "will host"; not "was held" or "took place".
ACTIVE_GENERIC = re.compile(
    r"(?i:held|hosted|holds|hosts|conducted|opened|began|started|completed|will\s+(?:hold|host|conduct))"
)


# A meeting of one person with another, and a sitting of a body: two happenings, however near in time.
BILATERAL = re.compile(r"(?i:met|meets?(?:\s+with)?|held\s+talks|receiv\w+\b.*|.*conversations?|.*calls?|.*audience)")
SESSION = re.compile(r"(?i:sessions?|summits?|sittings?|plenary|meets?\s+(?:in|at|on)|conven\w+)")
# "The Board started an anti-dumping investigation", "will begin accepting applications": an act, no sitting
GENERIC_OBJECT = re.compile(r"\s+(?:an?|its|their|[a-z]+ing)\b")
MET_WHERE = re.compile(r"(?i:met|meet)")
# who sit together: "Defense ministers of the member states met in Beijing" (not "Putin and Tokayev met")
BODY_PLURAL = re.compile(
    r"(?i:\b(?:ministers|leaders|heads|delegations|members|representatives|participants|secretaries|chiefs|"
    r"commanders|parliamentarians|deputies|experts)\b)"
)
# "met in Beijing on Tuesday" with no partner named after it (not "met in Minsk with the President")
PLACE_NOT_PARTNER = re.compile(r"\s+(?:in|at|on)\s+(?:(?!with\b)[^,.;]){0,80}(?:[,.;]|$)", re.IGNORECASE)
# "a meeting with the staff" is one meeting another; "the meeting of the Council" a body's sitting.
MEETING_WITH = re.compile(r"\s+with\b")
MEETING_OF = re.compile(r"\s+of\b")
BODY_BEFORE = re.compile(
    r"(?i:\b(?:ministers|heads\s+of\s+(?:state|government)|secretaries|commanders|chiefs|leaders)'?\s+$)"
)


# Whom one met: the words after "met with", up to the clause's next part.
PARTNER = re.compile(
    r"(?:\s+with)?\s+(?P<who>[^,.;:()\n]{1,80}?)"
    r"(?=\s*(?:[,.;:()\n]|$)|\s+(?:on|in|at|during|to|for|and\s+(?:discussed|held|exchanged))\b)"
)
# Titles and words any counterpart may carry: they tell no one apart.
TITLE_WORDS = frozenset(
    "The His Her Their Minister Ministers Prime President Defence Defense Foreign Affairs General Lieutenant "
    "Colonel Major Secretary Chairman Deputy Head Chief Mr Mrs Ms".split()
)


def partner_of(plain: str, trigger: Trigger) -> frozenset[str]:
    """The countries of the counterpart one met, by their first four letters, so that a country and
    its adjective agree ("met with his Tajik counterpart": {'taji'}); empty for anyone else."""
    match = PARTNER.match(plain, trigger.end)
    if match is None or not COUNTERPART.search(match["who"]):
        # a person is named many ways ("Ararat Mirzoyan", "the Armenian Foreign Minister"): only
        # counterparts told apart by their countries are told apart
        return frozenset()
    return frozenset(w[:4].lower() for w in re.findall(r"\b[A-Z][\w-]+", match["who"]) if w not in TITLE_WORDS)


COUNTERPART = re.compile(r"(?i:\bcounterparts?\b)")


def meeting_form(plain: str, trigger: Trigger, triggers: list[Trigger], unit: Unit) -> str:
    """Whether a meeting's words say one met another ("bilateral") or a body sat ("session")."""
    word = trigger
    if trigger.kind == GENERIC:
        word = object_of(plain, trigger, triggers) or subject_of(plain, trigger, triggers, unit) or trigger
    if (
        MET_WHERE.fullmatch(word.text)
        and PLACE_NOT_PARTNER.match(plain, word.end)
        and BODY_PLURAL.search(plain, max(unit.start, word.start - 80), word.start)
    ):
        return ""  # "the ministers met in Beijing on Tuesday": they sat together, or one met another
    if BILATERAL.fullmatch(word.text):
        return "bilateral"
    if SESSION.fullmatch(word.text):
        return "session"
    if re.fullmatch(r"(?i)meetings?", word.text):
        if MEETING_WITH.match(plain, word.end):
            return "bilateral"
        if MEETING_OF.match(plain, word.end) or BODY_BEFORE.search(plain, max(unit.start, word.start - 30), word.start):
            return "session"  # "the meeting of the Council", "the SCO Defence Ministers' Meeting"
    return ""


def subject_of(plain: str, verb: Trigger, triggers: list[Trigger], unit: Unit) -> Trigger | None:
    """The first kind word of a generic verb's clause, before it and not in a modifier: its subject.

    "The second round of negotiations on the plan of the Rubezh exercises ended": negotiations.
    """
    adjacent = [
        t
        for t in triggers
        if t.kind != GENERIC and 0 <= verb.start - t.end <= 30 and not re.search(r"[,;:()]", plain[t.end : verb.start])
    ]
    # "negotiations on the preparation of the exercises ended": the head of the phrase, not its
    # modifier, ended; but "at the Astana summit scheduled to be held": the verb hangs on the noun.
    adjacent = [
        t
        for t in adjacent
        if TO_BE.search(plain, t.end, verb.start) or PARTICIPLE.fullmatch(verb.text) or not in_modifier(plain, t, unit)
    ]
    if adjacent:
        last = adjacent[-1]  # "the Astana summit scheduled to be held": the noun the verb follows
        if PARTICIPLE.fullmatch(verb.text) and in_modifier(plain, last, unit):
            # "Staff talks on exercise preparation held in Minsk": the head, not its modifier
            heads = [
                t for t in triggers if t.kind != GENERIC and t.end <= last.start and not in_modifier(plain, t, unit)
            ]
            if heads:
                return heads[-1]
        return last
    if PARTICIPLE.fullmatch(verb.text):
        # "the meeting of the Council of Heads of State to be held": the head of the phrase it follows
        headed = [
            t
            for t in triggers
            if t.kind != GENERIC and t.end < verb.start and OF_CHAIN.fullmatch(plain, t.end, verb.start)
        ]
        if headed:
            return headed[0]
    edges = list(SUBJECT_EDGE.finditer(plain, unit.start, verb.start))
    if edges and edges[-1].group().lower() in ("which", "that", "who") and "," in plain[edges[-1].end() : verb.start]:
        # "negotiations ... that focused on the exercises, ended on Thursday": the relative clause
        # closed before the verb, whose subject stands before it.
        edges = edges[:-1]
    if edges and edges[-1].group().lower() in ("which", "that"):
        # "the SCO summit, which will be held on Monday": the noun the relative clause hangs on.
        pronoun = edges[-1].start()
        named = [
            t
            for t in triggers
            if t.kind != GENERIC
            and (0 <= pronoun - t.end <= RELATIVE_REACH or NAME_BEFORE_RELATIVE.fullmatch(plain, t.end, pronoun))
        ]
        if named:
            return named[-1]
        # "the joint exercise of the competent authorities of the member states, which will be held":
        # the head of the noun phrase, past the "of" phrases that follow it.
        headed = [
            t for t in triggers if t.kind != GENERIC and t.end < pronoun and OF_CHAIN.fullmatch(plain, t.end, pronoun)
        ]
        if headed:
            return headed[0]
    # The clause the verb is in, then each clause it is embedded in ("informed the participants in
    # the briefing that sessions of the Council ... which took place"), then the sentence.
    for clause_start in [*(edge.end() for edge in reversed(edges)), unit.start]:
        for trigger in triggers:
            if trigger.kind == GENERIC or not clause_start <= trigger.start < verb.start:
                continue
            before = plain[max(clause_start, trigger.start - 30) : trigger.start]
            if OF_PHRASE.search(before) and not QUANTIFIER_OF.search(before):
                continue
            return trigger
    return None


# "of" and "for" phrases after a noun, up to the comma of a relative clause that hangs on it.
OF_CHAIN = re.compile(
    rf"(?=\s+(?:of|for)\s){OF_PHRASES}\s*,?\s*(?:(?:scheduled|planned|due|set|expected|slated)\s+)?(?:to\s+be\s+)?"
)


def happening_noun(plain: str, trigger: Trigger, triggers: list[Trigger], unit: Unit) -> Trigger:
    """The noun a participle trigger hangs on ("the meeting of the Council to be held"), else the trigger."""
    relative = RELATIVE_PRONOUN.search(plain, max(unit.start, trigger.start - 24), trigger.start)
    if trigger.kind == GENERIC and (PARTICIPLE.fullmatch(trigger.text) or relative):
        # "the meeting of the Council, which will take place on 24 May": the noun the clause hangs on
        noun = subject_of(plain, trigger, triggers, unit)
        if noun is not None and noun.end <= trigger.start:
            return noun
    return trigger


# Generic verbs that may hang on a noun as a participle: "the summit to be held", "the exercise held".
PARTICIPLE = re.compile(
    r"(?i:(?:to\s+be|will\s+be)\s+(?:held|organi[sz]ed|conducted|hosted)|held|hosted|conducted|to\s+take\s+place)"
)


RELATIVE_PRONOUN = re.compile(r"\b(?:which|that)\s+(?:(?:will|is|are|was|were)\s+)?(?:(?:to\s+)?be\s+)?$")
# How far before "which" the noun a relative clause hangs on may end: "the summit, which".
RELATIVE_REACH = 3
# The name between a noun and its relative clause: 'the exercise "Interaction-2024", which'.
NAME_BEFORE_RELATIVE = re.compile(
    r"\s+(?:[\"'\u201c\u00ab][^\"'\u201d\u00bb,;]{1,40}[\"'\u201d\u00bb]|[A-Z][\w-]*(?:[ -][A-Z\d][\w-]*){0,3})\s*,?\s*"
)
TO_BE = re.compile(r"\bto\s+be\b")


def in_modifier(plain: str, trigger: Trigger, unit: Unit) -> bool:
    """A kind word inside an "of"/"on" phrase that modifies a noun before it ("negotiations on the
    preparation of the exercises ended"): not the verb's subject."""
    before = plain[max(unit.start, trigger.start - 30) : trigger.start]
    return bool(OF_PHRASE.search(before)) and not QUANTIFIER_OF.search(before)


# Where a clause with a subject of its own begins: "documents were approved, whose meeting will take place".
SUBJECT_EDGE = re.compile(r"[;:]|\b(?:whose|which|who|where|that)\b")
