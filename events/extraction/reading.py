"""A release read as units: its headline lines, then its body sentences in order."""

import datetime
import re
from dataclasses import dataclass

from events.extraction.dates import MONTH_RE as HAS_MONTH_NAME
from events.extraction.dates import find_dates
from events.extraction.release import Header
from events.extraction.text import in_pieces, sentences


@dataclass(frozen=True)
class Unit:
    """A sentence or headline line to read events from."""

    start: int
    end: int
    header: bool = False
    lead: bool = False


def infer_publication(plain: str, filed: tuple[int, int] | None = None) -> datetime.date | None:
    """A release with no dateline was published no earlier than the latest day it tells of, and
    before what it announces.

    Only dates that carry their own year count; without any, the latest month, else the latest
    year a date in the text names. "this year" and "on Tuesday" then read against it. Dates told in
    the future tense ("will be held in April 2020") bound it from above: with nothing else, it is
    the day before the earliest of them. The years of plans ("the statements for 2020") bound it on
    neither side; the year of results ("the results for 2024") from below, by the year after.
    (PLAN_YEAR is narrower than filters.PERIOD_YEAR_BEFORE on purpose: a chairmanship's year is
    a period for an event, but it still places the publication.)

    `filed` is the month and day of an agency dateline written without its year ("MOSCOW,
    February 1. /TASS/."): the publication is that day, in the first year the bounds allow.
    """
    values = [d for d in find_dates(plain) if d.type not in ("period", "relative", "anaphoric")]
    if not values:
        return None
    # a term's end ("the programme until 2030") is no announced day: it may lie decades ahead
    ahead = [d for d in values if d.type != "name" and announced(plain, d) and not deadline(plain, d)]
    told = [d for d in values if not any(d is a for a in ahead) and not planned(plain, d) and not deadline(plain, d)]
    if not told and not ahead and all(deadline(plain, d) for d in values if d.type != "name"):
        # only a term's end ("a programme until 2030"): nothing fixes the publication
        values = [d for d in values if d.type == "name"]
        if not values:
            return None
    inferred = latest_told(plain, values, told, ahead)
    if filed is None:
        # What is announced for a stated day or month is announced shortly before it; what is told
        # may lie years back: the day before the first of those is the nearer guess.
        near = [d.start for d in ahead if d.precision != "year" and d.year_given]
        soon = min(near, default=None)
        return soon - datetime.timedelta(days=1) if soon and inferred and inferred < soon else inferred
    before = min(d.start for d in ahead) - datetime.timedelta(days=1) if ahead else None
    # The dateline's day falls after the last day told; with only years told, within the last year
    # ("(c) Xinhua 2025"), not after a yearless date read against its end.
    # ("signed on 15 May 1992" and "In 2009 in Moscow": after the start of 2009)
    stated = [d.end or d.start for d in told if d.precision != "year" and d.year_given and d.type != "name"]
    years = [datetime.date(d.start.year + summed_up(plain, d), 1, 1) for d in told if d.precision == "year"]
    after = max(stated + years, default=None)
    return filing_date(filed, after, before) or inferred


def deadline(plain: str, date) -> bool:
    """A date that ends a term ("extended until 1 January 2027", "by 2030"): no day already told."""
    return bool(DEADLINE.search(plain, max(0, date.text_start - 20), date.text_start))


DEADLINE = re.compile(r"\b(?:until|till|through|by|up\s+to|towards?)\s+(?:the\s+end\s+of\s+)?$", re.IGNORECASE)


def filing_date(
    filed: tuple[int, int], after: datetime.date | None, before: datetime.date | None
) -> datetime.date | None:
    """The first day with the dateline's month and day on or after `after` (else the last on or
    before `before`) that lies within both bounds; None when none does."""
    around = after or before
    if around is None:
        return None
    step = 1 if after else -1
    for year in (around.year, around.year + step):
        try:
            day = datetime.date(year, *filed)
        except ValueError:
            continue  # 29 February in a year that has none
        if (after is None or day >= after) and (before is None or day <= before):
            return day
    return None


def latest_told(plain: str, values: list, told: list, ahead: list) -> datetime.date:
    """The latest day the text tells of, else the day before what it announces (see infer_publication)."""
    for precision in ("day", "month"):
        stated = [d.end or d.start for d in told if d.precision == precision and d.year_given and d.type != "name"]
        if stated:
            return max(stated)
    if told:
        # Only a year is written: "On January 14, this year" in a release about 2021 is 14 January 2021
        # ("today" or "on Monday" say nothing until the publication date is known).
        # The results of a year are told after it ("the results for 2024": 2025 at the earliest).
        reference = datetime.date(max(d.start.year + summed_up(plain, d) for d in told), 12, 31)
    elif not ahead:
        # Only the years of plans: the last of them. But a plan for part of a year is drawn up within
        # it or just before ("a plan for the second half of 2017 and the first half of 2018": 2017).
        parts = [
            d.start.year
            for d in values
            if d.pattern in ("quarter", "half_year")
            and planned(plain, d)
            and not IMPLEMENTED.search(plain, max(0, d.text_start - 150), d.text_start)
        ]
        years = [d.start.year + summed_up(plain, d) for d in values]
        reference = datetime.date(min(parts) if parts else max(years), 12, 31)
    else:
        reference = min(d.start for d in ahead) - datetime.timedelta(days=1)
    for precision in ("day", "month"):
        read = [
            d.end or d.start
            for d in find_dates(plain, reference)
            if d.precision == precision and HAS_MONTH_NAME.search(d.text) and (d.end or d.start) <= reference
        ]
        if read:
            return max(read)
    return datetime.date(reference.year, 1, 1)


def announced(plain: str, date) -> bool:
    """A date told in the future tense: the publication came before it."""
    # tense reads units of this module: imported here
    from events.extraction.tense import FUTURE, HEADLINE_FUTURE

    headline_end = plain.find("\n", 0, HEADLINE_REACH)
    if (
        date.text_start < headline_end
        and INTRODUCED.search(plain, max(0, date.text_start - 30), date.text_start)
        and HEADLINE_FUTURE.search(plain, 0, date.text_start)
    ):
        return True  # "Security bloc to meet in Yerevan in 4th quarter of 2022" (not "implementation of 2021 ...")
    edges = [m for m in CLAUSE_EDGE.finditer(plain, max(0, date.text_start - 120), date.text_start) if not aside(m)]
    low = max((m.end() for m in edges), default=0)
    high = next((m for m in CLAUSE_EDGE.finditer(plain, date.text_end, date.text_end + 120) if not aside(m)), None)
    return bool(FUTURE.search(plain, max(low, date.text_start - 120), high.start() if high else date.text_end + 120))


HEADLINE_REACH = 400
INTRODUCED = re.compile(r"(?i:\b(?:in|on|at|by|from|for)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$)")


def aside(edge: re.Match) -> bool:
    """A bracket of a short name in brackets, "the Collective Security Council (CSC) in ...": no clause edge."""
    text, at = edge.string, edge.start()
    if edge.group() == "(":
        return bool(SHORT_NAME.match(text, at))
    if edge.group() == ")":
        return any(m.end() == at + 1 for m in SHORT_NAME.finditer(text, max(0, at - SHORT_NAME_LENGTH), at + 1))
    return False


SHORT_NAME = re.compile(r"\([A-Z][A-Za-z]{1,9}\)")
SHORT_NAME_LENGTH = 12  # the longest a SHORT_NAME match is: "(" + 10 letters + ")"


def planned(plain: str, date) -> bool:
    """The year of a plan, a programme or tasks ("the tasks for 2025", "the statements for 2020"):
    made before or during it; but not of results ("the results for 2024"), told after it."""
    if date.type == "name" or (date.precision != "year" and date.pattern not in ("quarter", "half_year")):
        return False
    before = plain[max(0, date.text_start - 60) : date.text_start]
    if RESULTS.search(before):
        return False
    # "a plan of consultations for the second half of 2017 and the first half of 2018": both halves
    return bool(PLAN_YEAR.search(before) or FOR_YEAR.search(before) or PLAN_PAIR.search(before))


# "reviewed the implementation of the plan ... for the second half of 2017": reviewed after it
IMPLEMENTED = re.compile(r"(?i:\b(?:implementation|implementing|fulfil+ment|execution|results)\s+of\b)")
PLAN_PAIR = re.compile(r"\bfor\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:of\s+)?\d{4}\s+and\s+$", re.IGNORECASE)


def summed_up(plain: str, date) -> int:
    """1 for the year of results ("the results for 2024"), told the year after; else 0."""
    before = plain[max(0, date.text_start - 60) : date.text_start]
    return int(
        date.precision == "year"
        and date.type != "name"
        and bool(RESULTS.search(before))
        and bool(FOR_YEAR.search(before) or OF_YEAR.search(before))
    )


OF_YEAR = re.compile(r"\b(?:of|in)\s+(?:the\s+)?(?:year\s+)?$", re.IGNORECASE)
FOR_YEAR = re.compile(r"\bfor\s+(?:the\s+)?(?:year\s+)?$", re.IGNORECASE)
RESULTS = re.compile(
    r"\b(?:results?|outcomes?|reports?|performance|summ(?:ary|ed\s+up))\b(?:(?!\b(?:and|tasks?|plans?)\b)[^.;])*$",
    re.IGNORECASE,
)


PLAN_YEAR = re.compile(
    r"\b(?:plans?|programmes?|programs?|tasks?|strateg(?:y|ies)|budgets?|priorities|agenda|schedules?|"
    r"forecasts?|objectives|targets|goals?)\s+(?:(?!(?:was|were|is|are|has|have|had|will)\b)[\w'-]+\s+){0,4}?"
    r"(?:for|of|in|until|to)\s+(?:the\s+)?(?:year\s+)?$",
    re.IGNORECASE,
)


# Where a clause ends: the future tense of one clause says nothing of another's date.
CLAUSE_EDGE = re.compile(r"[,;:()\n]|\.\s|\b(?:which|who|that|while|but)\b")


def reading_units(plain: str, header: Header) -> list[Unit]:
    units = header_units(plain, *header.title_span)
    if header.dateline_span and header.dateline_span != header.title_span:
        units.extend(header_units(plain, *header.dateline_span))
    body = join_date_lines(plain, sentences(plain, header.body_start, header.body_end), header.published)
    lead = True
    for start, end in body:
        if repeats_headline(plain, start, end, header.title):
            # A syndicated copy's block ("TASS, Russia / Nov 2 2018 / <the headline>"): a headline line.
            units.append(Unit(start, end, header=True))
            continue
        units.append(Unit(start, end, lead=lead))
        if len(plain[start:end].split()) >= LEAD_WORDS and not AGENCY_LINE.fullmatch(plain, start, end):
            lead = False  # a source line ("TASS, Russia") is not the lead
    return units


# The fewest words of a lead: shorter lines before it are sources, places or dates.
LEAD_WORDS = 5


# An agency's dateline standing as a sentence of its own: "ST PETERSBURG, December 25. /TASS/."
AGENCY_LINE = re.compile(
    r"[A-Z][A-Z .'-]*,\s+[^.\n]{0,30}?\d{1,2}\.?\s*(?:/[^/\n]{1,30}/|\([^)\n]{1,30}\))\s*\.?\s*[-\u2013\u2014]*\s*"
)


# What may stand before a headline repeated in the body: a source and a date line.
REPEAT_PREFIX = 60


def repeats_headline(plain: str, start: int, end: int, title: str) -> bool:
    """A body line that is the headline again, after at most a short source or date line."""
    text = " ".join(plain[start:end].split()).rstrip(".")
    return len(title) >= 20 and text.endswith(title.rstrip(".")) and len(text) - len(title.rstrip(".")) <= REPEAT_PREFIX


def header_units(plain: str, start: int, end: int) -> list[Unit]:
    """A headline line; past MAX_SENTENCE characters (a text with no line breaks) it is no headline,
    and the rest of the line is read as sentences of the body."""
    first = in_pieces(plain, start, end)[0]
    return [Unit(*first, header=True)] + [Unit(*span) for span in sentences(plain, first[1], end)]


# A line that is only a date ("February 18, this year.") dates the sentence after it; one before the
# lead that states the publication day itself ("19.02.2010", "24 July 2018, 12:15") is the page's
# stamp, repeated in the body, and is no sentence at all.
DATE_ONLY_REST = re.compile(r"[\s.,:;|/-]*(?:\d{1,2}:\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?)?[\s.,:;|/-]*")


GLUED_CLOCK = re.compile(r"(?:19|20)\d\d\d{1,2}:\d\d\b")
# What else a page's date stamp holds: a clock time, a time zone, "posted ... by" its poster.
STAMP_REST = re.compile(
    r"(?:[\s.,:;|/()+-]|\d{1,2}\b|\b(?:GMT|UTC|MSK)\b|\b[AaPp]\.?[Mm]\b\.?|"
    r"\b(?i:posted|published|updated|added|on)\b|\bby\s+[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3})*"
)
# How many units may stand before such a stamp: a standfirst under the headline ("Published On 31 Aug
# 2025" after a one-line summary).
STAMP_UNITS = 3


def join_date_lines(
    plain: str, spans: list[tuple[int, int]], published: datetime.date | None = None
) -> list[tuple[int, int]]:
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
                if is_stamp(found, published) and (not joined or GLUED_CLOCK.search(plain, start, end)):
                    # the page's stamp; further down, only with its clock run into its year ("12 July
                    # 201812:17"), not a programme's "23 November 2023, 10:00"
                    continue
                carried = start
                continue
            if found and len(joined) < STAMP_UNITS and is_stamp(found, published) and STAMP_REST.fullmatch(rest):
                continue  # "10:26, 29 April 2009 | GMT +5", "posted 2 Apr 2012, 01:14 by Webmaster"
        joined.append((start, end))
    if carried is not None:
        joined.append((carried, spans[-1][1]))
    return joined


def is_stamp(found: list, published: datetime.date | None) -> bool:
    """One date, with its year, that is the publication day."""
    return (
        published is not None
        and len(found) == 1
        and found[0].year_given
        and found[0].precision == "day"
        and found[0].end is None
        and found[0].start == published
    )
