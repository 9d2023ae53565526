"""Each date with the words that say what happened: one trigger per date, nearest in the clause."""

import bisect
import re
from dataclasses import replace

from events.extraction.kinds import GENERIC, KIND_STRENGTH, Trigger, distance, kind_near
from events.extraction.model import DateValue
from events.extraction.reading import Unit

# A year standing alone must be this close to its trigger unless it opens its clause.
YEAR_WINDOW = 70


# Crossing a comma costs as much as this many characters when pairing a date with its trigger.
CLAUSE_PENALTY = 60


ASIDE_PENALTY = 200


# A comma-bounded aside: a relative clause or a participle phrase.
ASIDE = re.compile(r",\s*(?:who|which|whose|where|[a-z]+ed\s+(?:by|with|in|on|at|from|to|for)|[a-z]+ing)\b[^,]*,")


YEAR_INTRODUCER = re.compile(
    r"(?:\b(?:half|end|beginning|start|middle|quarter)\s+of\s+(?:the\s+year\s+)?|\b(?:early|late|mid)[\s-]+)$",
    re.IGNORECASE,
)


OF_PHRASE = re.compile(
    r"\b(?:(?<!\bheads\s)of(?!\s+(?:state|government)\b)|at|during|on|for|about|regarding|concerning|following|after|"
    r"ahead\s+of|prior\s+to|dedicated\s+to|devoted\s+to|in\s+honou?r\s+of|on\s+the\s+occasion\s+of)\s+"
    r"(?:the\s+|a\s+|an\s+|its\s+|their\s+)?(?:[\w.-]+\s+){0,2}$"
)


# A trigger that is a verb is never the noun of an "of" or "at" phrase.
VERB = re.compile(
    r"(?i:\w+ed\b|(?:met|held|laid|took|gave|began|made|went|came|sent|spoke|arrived|will|is|are|was|were)\b)"
)


CLAUSE_HEAD = re.compile(
    r"^(?:\W*(?:in|during|at|the|end|beginning|start|middle|of|early|late|mid|since|over|throughout|"
    r"already|also|back|and|but|so|then|as|a|year|by|first|half|second|on|alone|just|only)\b)*\W*$",
    re.IGNORECASE,
)


# Kinds that a named exercise's finer date may carry: the name says what happened.
NAME_ABSORBING = {GENERIC, "exercise", "other"}


# A part of a happening: its finer date is the part's, the name's year the whole's.
STAGE = re.compile(r"\b(?:stages?|phases?|rounds?)\s+of\b", re.IGNORECASE)


def absorb_name(
    pairs: list[tuple[DateValue, Trigger]], triggers: list[Trigger], sentence: str = ""
) -> tuple[list[tuple[DateValue, Trigger]], dict[int, str]]:
    """One name and a finer date of its year in one sentence date one exercise.

    "Indestructible Brotherhood 2019 ... held from 21 to 29 October" is one event, dated by the
    range; the name stays a happening of its own when the finer date says something else happened
    ("staff talks on Rubezh-2025 were held on 3 June").
    """
    names = [(d, t) for d, t in pairs if d.type == "name"]
    if len(names) != 1 or STAGE.search(sentence):
        # "The first stage of the operation, dubbed Channel 2007, ended on Monday": the stage ended.
        return pairs, {}
    name, _ = names[0]
    finer = [
        (d, t)
        for d, t in pairs
        if d.type not in ("name", "published") and d.precision != "year" and d.start.year == name.start.year
    ]
    absorbing = [(d, t) for d, t in finer if t.kind in NAME_ABSORBING]
    if not absorbing or any(t.kind not in NAME_ABSORBING for t in triggers if t.start < name.text_start):
        # "held the staff talks on the exercise Rubezh-2025": the talks are the news, the name is theirs.
        return pairs, {}
    exercise = next((t for t in triggers if t.kind == "exercise"), None)
    result, absorbed = [], {}
    for date, trigger in pairs:
        if date is name:
            continue
        if any(date is d for d, _ in absorbing):
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
        aside = next(((a, b) for a, b in asides if a <= trigger.start < b), None)
        trigger_costs.append((strength, cost, aside))
    for di, date in enumerate(dates):
        initial = opens_clause(plain, date, unit)
        loose = date.precision == "year" and date.type in ("year", "relative") and not introduced(plain, date)
        for ti, trigger in enumerate(triggers):
            gap = min(distance(trigger, date.text_start), distance(trigger, date.text_end))
            if loose and not initial and gap > YEAR_WINDOW:
                continue
            strength, cost, aside = trigger_costs[ti]
            cost += gap + CLAUSE_PENALTY * breaks.between(date, trigger)
            if aside and not aside[0] <= date.text_start < aside[1]:
                cost += ASIDE_PENALTY  # ", inspired by the need to implement decisions,": an aside, not the news
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
    return pairs


def introduced(plain: str, date: DateValue) -> bool:
    """A year with a phrase that makes it a time ("in the first half of 2025", "at the end of 2020")."""
    return bool(YEAR_INTRODUCER.search(plain, max(0, date.text_start - 30), date.text_start))


def clause_breaks(plain: str, date: DateValue, trigger: Trigger) -> int:
    """Commas, semicolons and brackets between a date and a trigger: a date in an aside belongs to it."""
    lo, hi = (
        sorted((date.text_end, trigger.start))
        if date.text_end <= trigger.start
        else sorted((trigger.end, date.text_start))
    )
    return len(re.findall(r"[,;()]", plain[lo:hi]))


class ClauseBreaks:
    """`clause_breaks` for every (date, trigger) pair of a sentence, from one scan of it."""

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


CLAUSE_BREAK = re.compile(r"[,;()]")


def strongest(triggers: list[Trigger]) -> Trigger:
    named = [t for t in triggers if t.kind != GENERIC]
    return max(named, key=lambda t: (KIND_STRENGTH[t.kind], -t.start))
