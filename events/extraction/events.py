"""Sentences to events: pair each date expression with the words that say what happened.

The rules, in the order they apply:
1. A release is read as its headline lines (title, dateline) and its body sentences, in order;
   "the day before" and "the same year" count from the last day and date the narrative named.
2. In a sentence, date expressions that only bound a plan or period ("the plan for 2021",
   "until 2025", "since 2003", "2021-2025") are not happenings and are dropped; so is what is
   said in direct speech.
3. Each remaining date is paired with the nearest trigger of the kind lexicon, one trigger per
   date; commas, asides and "of"/"at" phrases add distance; a year alone must sit at the head of
   its clause or close to its trigger.
4. The lead sentence of a dated release that names a happening without dating it reports the
   news of the day: it happens on the publication date.
5. Within one release, one happening stated twice is one event: same kind and the same or a
   containing date, or a headline (or undated lead) restating a body event.
"""

import datetime
import re
from dataclasses import dataclass, replace

from events.extraction.dates import MONTH_RE as HAS_MONTH_NAME
from events.extraction.dates import find_dates
from events.extraction.kinds import GENERIC, KIND_STRENGTH, Trigger, distance, find_triggers, kind_near
from events.extraction.model import DateValue, ExtractedEvent, ExtractedRelease, ReleaseError
from events.extraction.places import find_location
from events.extraction.release import Header
from events.extraction.text import normalize, sentences
from events.extraction.titles import make_title

# A year standing alone must be this close to its trigger unless it opens its clause.
YEAR_WINDOW = 70
# Crossing a comma costs as much as this many characters when pairing a date with its trigger.
CLAUSE_PENALTY = 60
ASIDE_PENALTY = 200

NOT_EVENT_BEFORE = re.compile(
    r"(?:\b(?:until|till|by|before|no\s+later\s+than|up\s+to|since|through|prior\s+to)\s+(?:the\s+)?"
    r"(?:(?:end|beginning|middle|start)\s+of\s+(?:the\s+)?)?(?:year\s+)?$)",
    re.IGNORECASE,
)
PERIOD_YEAR_BEFORE = re.compile(
    r"(?:\bfor\s+(?:the\s+)?(?:year\s+|period\s+)?$|\bfrom\s+$|"
    r"\b(?:plans?|programmes?|programs?|strateg(?:y|ies)|concepts?|budgets?|goals?|tasks?|priorities|agenda|"
    r"schedules?|timetables?|results|outcomes|activit(?:y|ies)|performance|reports?|period|forecasts?|"
    r"objectives|targets)\s+(?:\w+\s+){0,2}(?:for|of|in|until|to)\s+(?:the\s+)?(?:year\s+)?$|"
    r"\b(?:first|second|third|fourth|fifth|last|final|only|\d+(?:st|nd|rd|th))\s+(?:\w+\s+)?in\s+$)",
    re.IGNORECASE,
)
PERIOD_NOUN_AFTER = re.compile(
    r"\s+(?:plans?|programmes?|programs?|budgets?|strateg(?:y|ies)|work\s+plan|calendar|schedule)\b", re.IGNORECASE
)
QUANTITY_AFTER = re.compile(
    r"\s*(?:servicemen|soldiers|troops|people|persons|personnel|participants|units|pieces|km|kilometers|"
    r"kilometres|meters|metres|tons|tonnes|hectares|rubles|roubles|dollars|euros|officers|specialists|"
    r"representatives|delegates|vehicles|cases|members|items|copies|times)\b",
    re.IGNORECASE,
)
# A comma-bounded aside: a relative clause or a participle phrase.
ASIDE = re.compile(r",\s*(?:who|which|whose|where|[a-z]+ed\s+(?:by|with|in|on|at|from|to|for)|[a-z]+ing)\b[^,]*,")
# A trigger inside such a phrase names the setting or the occasion, not what happened:
# "the results of the exercise", "signed at the summit", "a parade dedicated to the anniversary".
PART_OF_PERIOD = re.compile(
    r"(?:the\s+)?(?:(?:first|second)\s+half|(?:first|second|third|fourth|last)\s+quarter|end|beginning|start|middle)"
    r"\s+of\s+(?:the\s+year\s+)?$",
    re.IGNORECASE,
)
YEAR_INTRODUCER = re.compile(
    r"(?:\b(?:half|end|beginning|start|middle|quarter)\s+of\s+(?:the\s+year\s+)?|\b(?:early|late|mid)[\s-]+)$",
    re.IGNORECASE,
)
OF_PHRASE = re.compile(
    r"\b(?:of|at|during|on|for|about|regarding|concerning|dedicated\s+to|devoted\s+to|in\s+honou?r\s+of|"
    r"on\s+the\s+occasion\s+of)\s+"
    r"(?:the\s+|a\s+|an\s+|its\s+|their\s+)?(?:[\w.-]+\s+){0,2}$"
)
# A trigger that is a verb is never the noun of an "of" or "at" phrase.
VERB = re.compile(
    r"(?i:\w+ed\b|(?:met|held|laid|took|gave|began|made|went|came|sent|spoke|arrived|will|is|are|was|were)\b)"
)
YEAR_OF = re.compile(r"\s+(?:as\s+)?(?:the\s+)?Year\s+of\b")
QUANTITY_BEFORE = re.compile(
    r"\b(?:over|more\s+than|less\s+than|fewer\s+than|about|around|some|nearly|almost|up\s+to|at\s+least|"
    r"total\s+of|approximately|roughly|exactly)\s+$",
    re.IGNORECASE,
)
CLAUSE_HEAD = re.compile(
    r"^(?:\W*(?:in|during|at|the|end|beginning|start|middle|of|early|late|mid|since|over|throughout|"
    r"already|also|back|and|but|so|then|as|a|year|by|first|half|second|on|alone|just|only)\b)*\W*$",
    re.IGNORECASE,
)
FUTURE = re.compile(
    r"\b(?:will|shall|(?:is|are)\s+(?:scheduled|planned|expected|due|going|to)|upcoming|forthcoming|next|"
    r"to\s+be\s+held|later\s+this)\b",
    re.IGNORECASE,
)
# Quoted speech: `"Today we see the first result," he said.`
DIRECT_SPEECH = re.compile(
    r"[,.!?][\"']\s+[^\"']{0,80}?\b(?:said|says|noted|stressed|emphasi[sz]ed|added|stated|underlined|pointed\s+out|"
    r"told|continued|recalled|concluded|declared)\b",
)
PAST_OR_PRESENT_PERFECT = re.compile(
    r"\b(?:was|were|has|have|had|took|gave|met|held|began|spoke|made|went|came|today|yesterday)\b|\b[a-z]{3,}ed\b",
    re.IGNORECASE,
)
# The day words were said or reported is not a happening: "the ministry said on Wednesday",
# "told reporters on Friday", "it was reported on January 15".
ATTRIBUTION_BEFORE = re.compile(
    r"\b(?:said|says|told\s+(?:\w+\s+){0,2}?|reported|announced|stated|informed|quoted|noted|added|"
    r"(?:press\s+service|ministry|headquarters|staff|office|source)\s+(?:said|reported|announced))\s*,?\s*(?:on|this|last|earlier)?\s*$",
    re.IGNORECASE,
)
# An agency's dateline opening a story: "MOSCOW, August 21 (RIA Novosti) -", "DUSHANBE, 13 March 2025,
# Asia-Plus --", "MOSCOW, August 26. / TASS /.": the day of the report, never a happening.
AGENCY_PLACE = re.compile(r"\s*[A-Z][A-Za-z.'-]*(?:[ -][A-Z][A-Za-z.'-]*){0,3}\s*,\s*$")
AGENCY_AFTER = re.compile(
    r"\s*(?:,\s*(?:19|20)\d\d)?\s*[.,]?\s*"
    r"(?:\(\s*[\w .-]{1,30}\)|/\s*[\w .-]{1,30}/|[A-Z][\w.-]*(?:[ -][A-Z][\w.-]*){0,2}\s*(?=--|-\s|\u2013|\u2014))"
    r"\s*[.,]?\s*(?:--?|\u2013|\u2014)?"
)
PAST_VERB = re.compile(
    r"\b(?:was|were|had|took|gave|met|held|began|spoke|made|went|came|ended|arrived|left)\b|\b[a-z]{3,}ed\b(?!\s+(?:by|for)\b)"
)
ANNIVERSARY_YEARS = re.compile(r"\b(\d{1,3})(?:st|nd|rd|th)?\s+(?:years?\b|anniversary)", re.IGNORECASE)


@dataclass(frozen=True)
class Unit:
    """A sentence or headline line to read events from."""

    start: int
    end: int
    header: bool = False
    lead: bool = False


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


def extract_release(text: str) -> ExtractedRelease:
    """Read one release: its title, publication date and the events its text dates."""
    if not text or not text.strip():
        raise ReleaseError("empty file")
    plain = normalize(text)
    header = Header(text, plain)
    published, inferred = header.published, False
    if published is None:
        published = infer_publication(plain)
        inferred = True
        if published is None:
            raise ReleaseError("no recognisable date: no dateline and no dated expression in the text")
    units = reading_units(plain, header)
    candidates: list[Candidate] = []
    # The last date and the last day the body named: "the same year", "the day before" count from them.
    antecedent: DateValue | None = None
    antecedent_day: DateValue | None = None
    for unit in units:
        found, unit_candidates = events_in_unit(
            plain, text, unit, published, header, inferred, antecedent, antecedent_day
        )
        for candidate in unit_candidates:
            candidates.append(replace(candidate, order=len(candidates)))
        if DIRECT_SPEECH.search(plain, unit.start, unit.end):
            # What a speaker says dates what happened ("Today, the final stages were held," he noted),
            # but the speaker's own frame of time does not set the narrative's "the day before".
            continue
        if not unit.header:
            named = [d for d in found if d.type not in ("name", "period")]
            antecedent = named[-1] if named else antecedent
            days = [d for d in named if d.precision == "day" and d.type != "anaphoric"]
            antecedent_day = days[-1] if days else antecedent_day
    events = link_anniversaries(merge_candidates(candidates, header.title))
    return ExtractedRelease(
        title=header.title,
        published=published,
        published_time=header.published_time,
        published_inferred=inferred,
        body=text[header.body_start : header.body_end],
        body_start=header.body_start,
        body_end=header.body_end,
        events=tuple(sorted(events, key=lambda e: (e.evidence_start, e.start))),
    )


def infer_publication(plain: str) -> datetime.date | None:
    """A release with no dateline was published no earlier than the latest day it states.

    Only dates that carry their own year count; without any, the latest month, else the
    latest year a date in the text names. "this year" and "on Tuesday" then read against it.
    """
    values = [d for d in find_dates(plain) if d.type not in ("period", "relative", "anaphoric")]
    if not values:
        return None
    for precision in ("day", "month"):
        stated = [d.end or d.start for d in values if d.precision == precision and d.year_given and d.type != "name"]
        if stated:
            return max(stated)
    # Only a year is written: "On January 14, this year" in a release about 2021 is 14 January 2021
    # ("today" or "on Monday" say nothing until the publication date is known).
    reference = datetime.date(max(d.start.year for d in values), 12, 31)
    for precision in ("day", "month"):
        read = [
            d.end or d.start
            for d in find_dates(plain, reference)
            if d.precision == precision and HAS_MONTH_NAME.search(d.text) and (d.end or d.start) <= reference
        ]
        if read:
            return max(read)
    return datetime.date(reference.year, 1, 1)


def reading_units(plain: str, header: Header) -> list[Unit]:
    units = [Unit(*header.title_span, header=True)]
    if header.dateline_span and header.dateline_span != header.title_span:
        units.append(Unit(*header.dateline_span, header=True))
    body = join_date_lines(plain, sentences(plain, header.body_start, header.body_end))
    for index, (start, end) in enumerate(body):
        units.append(Unit(start, end, lead=index == 0))
    return units


# A line that is only a date ("February 18, this year.") dates the sentence after it.
DATE_ONLY_REST = re.compile(r"[\s.,:;-]*")


def join_date_lines(plain: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    joined: list[tuple[int, int]] = []
    carried: int | None = None
    for start, end in spans:
        if carried is not None:
            start, carried = carried, None
        elif end - start <= 60:
            found = find_dates(plain, datetime.date(2000, 1, 1), start, end)
            rest = "".join(
                plain[a:b]
                for a, b in zip(
                    [start] + [d.text_end for d in found], [d.text_start for d in found] + [end], strict=True
                )
            )
            if found and DATE_ONLY_REST.fullmatch(rest):
                carried = start
                continue
        joined.append((start, end))
    if carried is not None:
        joined.append((carried, spans[-1][1]))
    return joined


def events_in_unit(
    plain: str,
    text: str,
    unit: Unit,
    published: datetime.date,
    header: Header,
    inferred: bool,
    antecedent: DateValue | None = None,
    antecedent_day: DateValue | None = None,
) -> tuple[list[DateValue], list[Candidate]]:
    """The dates a sentence names, and the events it states."""
    found = find_dates(plain, published, unit.start, unit.end, False, antecedent, antecedent_day)
    future = bool(found) and bool(FUTURE.search(plain, unit.start, unit.end))
    if future and any(not d.year_given or d.type == "relative" for d in found):
        # Told in the future tense: a date without its year lies ahead ("will be held in November"),
        # unless its own clause is told in the past ("the talks, which will prepare the drills,
        # ended on Thursday").
        ahead = {
            d.text_start: d
            for d in find_dates(plain, published, unit.start, unit.end, True, antecedent, antecedent_day)
        }
        found = [d if told_in_past(plain, d, unit) else ahead.get(d.text_start, d) for d in found]
    dates = [d for d in found if is_event_date(plain, d, unit)]
    if not dates and not (unit.lead or unit.header):
        return found, []  # most sentences date nothing: skip the trigger scan
    # A trigger inside a date expression ("on the eve of the meeting") names the anchor, not the event.
    triggers = [
        t
        for t in find_triggers(plain, unit.start, unit.end)
        if not any(d.text_start <= t.start < d.text_end and d.type != "name" for d in found)
    ]
    if not triggers:
        return found, []
    if unit.header and header.dateline_date_span:
        # The dateline's own date is when the headline's news happened; the time is the publication's.
        dates = [replace(d, time=None) if (d.text_start, d.text_end) == header.dateline_date_span else d for d in dates]
    pairs = pair_dates(plain, dates, triggers, unit)
    date_spans = [(d.text_start, d.text_end) for d in found if d.type != "name"]
    several_names = sum(1 for d in found if d.type == "name") > 1
    fallback = False
    if not pairs and not inferred and reports_news_of_the_day(plain, unit, triggers):
        trigger = strongest(triggers)
        today = DateValue(published, None, "day", trigger.start, trigger.end, trigger.text, "published")
        pairs = [(today, trigger)]
        fallback = True
    present = False
    if (
        unit.header
        and not fallback
        and not inferred
        and all(d.type == "name" for d, _ in pairs)
        and any(t.kind != GENERIC for t in triggers)
        and PRESENT_HEADLINE.search(plain, unit.start, unit.end)
    ):
        # "Special forces take part in the Interaction-2022 training": the name dates the
        # exercise, the present tense dates today's part of it.
        trigger = strongest(triggers)
        pairs = [
            *pairs,
            (DateValue(published, None, "day", trigger.start, trigger.end, trigger.text, "published"), trigger),
        ]
        present = True
    pairs, absorbed = absorb_name(pairs, triggers)
    candidates = []
    for date, trigger in pairs:
        kind = trigger.kind if trigger.kind != GENERIC else (kind_near(triggers, trigger.start) or "other")
        if (
            date.type == "name"
            and (kind not in ("exercise", "other") or trigger.kind == GENERIC)
            and not date.text_start <= trigger.start < date.text_end
        ):
            kind = "exercise"  # a year-named happening is an exercise, unless its name says what it is
        event = make_event(plain, text, unit, date, kind, trigger, date_spans, several_names)
        by_publication = date.type == "published" or (date.text_start, date.text_end) == header.dateline_date_span
        candidates.append(
            Candidate(
                event,
                weak=unit.header or fallback,
                order=0,
                name=date.text if date.type == "name" else absorbed.get(id(date), ""),
                by_publication=by_publication,
                future=future,
                header=unit.header,
                present=present and date.type == "published",
            )
        )
    return found, candidates


# Kinds that a named exercise's finer date may carry: the name says what happened.
NAME_ABSORBING = {GENERIC, "exercise", "other"}


def absorb_name(
    pairs: list[tuple[DateValue, Trigger]], triggers: list[Trigger]
) -> tuple[list[tuple[DateValue, Trigger]], dict[int, str]]:
    """One name and a finer date of its year in one sentence date one exercise.

    "Indestructible Brotherhood 2019 ... held from 21 to 29 October" is one event, dated by the
    range; the name stays a happening of its own when the finer date says something else happened
    ("staff talks on Rubezh-2025 were held on 3 June").
    """
    names = [(d, t) for d, t in pairs if d.type == "name"]
    if len(names) != 1:
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
            if trigger.kind != "exercise" and exercise is not None:
                trigger = exercise
            elif trigger.kind != "exercise":
                trigger = replace(trigger, kind="exercise")
        result.append((date, trigger))
    return result, absorbed


CLAUSE_EDGE = re.compile(r"[,;:()]|\b(?:which|who|that|where|while|and)\b")


def told_in_past(plain: str, date: DateValue, unit: Unit) -> bool:
    """Whether the clause holding a date has a past verb and no future one."""
    edges = [m.end() for m in CLAUSE_EDGE.finditer(plain, unit.start, date.text_start)]
    start = edges[-1] if edges else unit.start
    after = CLAUSE_EDGE.search(plain, date.text_end, unit.end)
    end = after.start() if after else unit.end
    clause = plain[start : date.text_start] + " " + plain[date.text_end : end]
    return bool(PAST_VERB.search(clause)) and not FUTURE.search(clause)


# Verbs a headline puts in the present tense to report the day's news.
PRESENT_HEADLINE = re.compile(
    r"\b(?:takes?\s+part|hosts?|begins?|starts?|ends?|kicks?\s+off|opens?|closes?|holds?|meets?|visits?|"
    r"arrives?|announces?|confirms?|completes?|continues?|launches?|receives?|celebrates?|marks?|gathers?|"
    r"discusses|signs?|adopts?|heading|underway|under\s+way|(?:is|are)\s+(?:held|taking\s+place|being\s+held|under\s+way)|"
    r"takes?\s+place|gets?\s+under\s+way|today)\b",
    re.IGNORECASE,
)


def reports_news_of_the_day(plain: str, unit: Unit, triggers: list[Trigger]) -> bool:
    """An undated headline, or an undated lead told in the past, reports the day's news."""
    if not any(t.kind != GENERIC for t in triggers):
        return False
    return unit.header or (unit.lead and bool(PAST_OR_PRESENT_PERFECT.search(plain, unit.start, unit.end)))


def is_event_date(plain: str, date: DateValue, unit: Unit) -> bool:
    """Drop dates that bound a plan or a period, quantities, and ages."""
    if date.type == "period":
        return False
    before = plain[max(unit.start, date.text_start - 60) : date.text_start]
    if date.type != "name" and ATTRIBUTION_BEFORE.search(before):
        return False
    if is_agency_dateline(plain, date, unit):
        return False
    # "for the second half of 2025" bounds a plan as "for 2025" does
    before = PART_OF_PERIOD.sub("", before)
    if NOT_EVENT_BEFORE.search(before):
        return False
    if date.precision == "year" and date.type in ("year", "relative"):
        if PERIOD_YEAR_BEFORE.search(before):
            return False
        if date.type == "year" and (QUANTITY_AFTER.match(plain, date.text_end) or QUANTITY_BEFORE.search(before)):
            return False
        if date.type == "year" and PERIOD_NOUN_AFTER.match(plain, date.text_end):
            return False  # "the 2021 Plan for joint training": a plan's year
        if date.type == "year" and YEAR_OF.match(plain, date.text_end):
            return False  # "declare 2025 the Year of the Victory": a name for a year
    if date.precision == "month" and re.search(r"\bfor\s+$", before, re.IGNORECASE):
        return bool(re.search(r"\b(?:scheduled|planned|set|due|slated|fixed|timed)\s+for\s+$", before, re.IGNORECASE))
    return True


def is_agency_dateline(plain: str, date: DateValue, unit: Unit) -> bool:
    """A date between a place in capitals and an agency's name, opening its paragraph."""
    if date.text_start - unit.start > 40 or not AGENCY_PLACE.fullmatch(plain, unit.start, date.text_start):
        return False
    place = plain[unit.start : date.text_start].strip(" ,")
    agency = AGENCY_AFTER.match(plain, date.text_end, unit.end)
    return bool(agency and agency.group().strip()) and (
        place.isupper() or "(" in agency.group() or "/" in agency.group()
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
    for di, date in enumerate(dates):
        initial = opens_clause(plain, date, unit)
        for ti, trigger in enumerate(triggers):
            gap = min(distance(trigger, date.text_start), distance(trigger, date.text_end))
            loose = date.precision == "year" and date.type in ("year", "relative") and not introduced(plain, date)
            if loose and not initial and gap > YEAR_WINDOW:
                continue
            strength = 0 if trigger.kind == GENERIC else 1
            cost = gap + CLAUSE_PENALTY * clause_breaks(plain, date, trigger)
            if not VERB.match(trigger.text) and OF_PHRASE.search(
                plain, max(unit.start, trigger.start - 30), trigger.start
            ):
                cost += CLAUSE_PENALTY  # "the results of the exercise": a modifier, not what happens
            aside = next(((a, b) for a, b in asides if a <= trigger.start < b), None)
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


def strongest(triggers: list[Trigger]) -> Trigger:
    named = [t for t in triggers if t.kind != GENERIC]
    return max(named, key=lambda t: (KIND_STRENGTH[t.kind], -t.start))


def make_event(
    plain: str,
    text: str,
    unit: Unit,
    date: DateValue,
    kind: str,
    trigger: Trigger,
    date_spans: list[tuple[int, int]],
    several_names: bool = False,
) -> ExtractedEvent:
    sentence = plain[unit.start : unit.end]
    years = None
    if kind == "anniversary":
        match = ANNIVERSARY_YEARS.search(sentence)
        years = int(match.group(1)) if match and 0 < int(match.group(1)) < 500 else None
    founding = years_before(date.start, years) if years and date.precision == "day" else None
    return ExtractedEvent(
        start=date.start,
        end=date.end,
        precision=date.precision,
        kind=kind,
        title=name_title(date, kind)
        if several_names
        else make_title(plain, unit.start, unit.end, trigger.end, date_spans),
        evidence=text[unit.start : unit.end],
        evidence_start=unit.start,
        evidence_end=unit.end,
        date_text=text[date.text_start : date.text_end] if date.type != "published" else "",
        date_start=date.text_start if date.type != "published" else None,
        date_end=date.text_end if date.type != "published" else None,
        time=date.time,
        location=find_location(sentence),
        anniversary_years=years,
        founding=founding,
        founding_precision="day" if founding else None,
    )


NAMED_NOUN = {"exercise": "Exercise", "conference": "Conference", "meeting": "Meeting", "other": "Operation"}


def name_title(date: DateValue, kind: str) -> str:
    """A sentence naming several exercises is no title for each: 'Exercise "Search-2023"' is."""
    name = date.text.strip('"')
    if date.type != "name":
        return name
    return f'{NAMED_NOUN.get(kind, kind.capitalize())} "{name}"'


def years_before(day: datetime.date, years: int) -> datetime.date:
    """The same day `years` earlier; 29 February falls back to the 28th in common years."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def contains(outer: ExtractedEvent, inner: ExtractedEvent) -> bool:
    o_start, o_end = outer.span()
    i_start, i_end = inner.span()
    return o_start <= i_start and i_end <= o_end


# How long before its publication a release still reports an event as news.
RECENT = datetime.timedelta(days=14)
PRECISION_RANK = {"day": 0, "month": 1, "year": 2}


def restates(candidate: Candidate, kept: Candidate) -> bool:
    """Whether `candidate` speaks of the happening `kept` already stands for."""
    event, other = candidate.event, kept.event
    same_kind = event.kind == other.kind
    if candidate.name and kept.name and same_name(candidate.name, kept.name):
        return True  # one name is one happening however often it is named
    if candidate.name and kept.name and not candidate.weak:
        return False  # two names are two happenings (a headline may spell a name its own way)
    # A named exercise is its own happening unless the same sentence dates it more precisely.
    own_name = bool(candidate.name) and other.evidence_start != event.evidence_start
    coarser = PRECISION_RANK[event.precision] >= PRECISION_RANK[other.precision]
    if same_kind and not own_name and coarser and contains(event, other):
        return True  # stated again, or less precisely
    if candidate.by_publication and kept.header and same_kind and (candidate.header or contains(other, event)):
        return True  # the dateline line repeats the headline; an undated lead tells the headline's news
    if candidate.weak and not kept.weak:
        inside_day = other.precision == "day" and contains(other, event)
        if candidate.present:
            # Today's part of a happening the body dates by the day, or only by its name.
            timely = event.start - RECENT <= other.span()[1] and other.start <= event.start + RECENT
            return inside_day or (same_kind and other.precision == "day" and timely)
        if candidate.by_publication:
            # A headline or undated lead restates the body's news: what happened shortly before
            # publishing, or, told in the future tense, what is announced.
            if candidate.header:
                timely = True  # headlines announce as often as they report, in any tense
            elif candidate.future:
                timely = other.span()[1] >= event.start - RECENT
            else:
                timely = event.start - RECENT <= other.span()[1] and other.start <= event.start
            return (same_kind and timely) or inside_day
        return inside_day or (same_kind and overlaps(event, other))
    return False


def name_key(name: str) -> str:
    return " ".join(re.findall(r"[a-z]+|\d+", name.lower()))


def same_name(first: str, second: str) -> bool:
    """ "Indestructible Brotherhood-2019" names what "Organization Indestructible Brotherhood 2019" does."""
    a, b = name_key(first), name_key(second)
    return a == b or a.endswith(" " + b) or b.endswith(" " + a)


def overlaps(first: ExtractedEvent, second: ExtractedEvent) -> bool:
    a_start, a_end = first.span()
    b_start, b_end = second.span()
    return a_start <= b_end and b_start <= a_end


def merge_candidates(candidates: list[Candidate], headline: str) -> list[ExtractedEvent]:
    """One event per happening: body events first, finer dates first, then what restates them.

    A body event that the headline restates is the release's news: the headline is its title.
    """
    ordered = sorted(candidates, key=lambda c: (c.weak, PRECISION_RANK[c.event.precision], c.order))
    kept: list[Candidate] = []
    headlined: set[int] = set()
    for candidate in ordered:
        restated = next((i for i, other in enumerate(kept) if restates(candidate, other)), None)
        if restated is None:
            kept.append(candidate)
        elif refines(candidate, kept[restated]):
            # "The December 2014 session", and the headline's "Session ... December 23, 2014".
            event, finer = kept[restated].event, candidate.event
            dates = {"start": finer.start, "end": finer.end, "precision": finer.precision, "time": finer.time}
            kept[restated] = replace(kept[restated], event=replace(event, **dates))
            headlined.add(restated) if not kept[restated].name else None
        elif widens(candidate, kept[restated]):
            # "began on Monday" then "from 26 September to 8 October": the range is the event.
            event = kept[restated].event
            kept[restated] = replace(kept[restated], event=replace(event, end=candidate.event.end))
        elif candidate.weak and not kept[restated].weak and not kept[restated].name:
            headlined.add(restated)  # a named exercise keeps its name as its title
    return [with_headline(c.event, headline) if i in headlined else c.event for i, c in enumerate(kept)]


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
    """A range that starts on the day an event was kept for, of its kind: the same event, longer."""
    event, other = candidate.event, kept.event
    return (
        not candidate.weak
        and event.kind == other.kind
        and event.precision == other.precision
        and event.start == other.start
        and other.end is None
        and event.end is not None
    )


def link_anniversaries(events: list[ExtractedEvent]) -> list[ExtractedEvent]:
    """An event on the date an anniversary counts from is a founding: it recurs yearly."""
    foundings = {e.founding for e in events if e.kind == "anniversary" and e.founding}
    return [
        replace(e, recurs_yearly=True)
        if e.precision == "day" and e.start in foundings and e.kind != "anniversary"
        else e
        for e in events
    ]


def with_headline(event: ExtractedEvent, headline: str) -> ExtractedEvent:
    """The headline names the news better than a sentence does, when it is short and undated."""
    if 0 < len(headline) <= 140 and not re.search(r"\d{2}\.\d{2}\.\d{4}$", headline):
        return replace(event, title=headline)
    return event
