"""Dates that are not happenings: plans and periods, quantities, attributions, agency datelines.

Each filter says why it drops a date, so that `explain_release` can show it.
"""

import datetime
import re
from collections.abc import Iterator
from dataclasses import replace

from events.extraction.dates import PERIOD_YEAR, find_dates
from events.extraction.model import DateValue
from events.extraction.reading import Unit
from events.extraction.release import lines_with_offsets

# Verbs that move a happening to another date.
MOVED_VERB = r"\b(?:postponed|rescheduled|moved|shifted|delayed|put\s+off|brought\s+forward)"
# A postponed happening is dated where it now falls: "postponed until 15 September".
POSTPONED_TO = re.compile(rf"{MOVED_VERB}\s+(?:until|till|to)\s+$", re.I)
POSTPONED_FROM = re.compile(
    r"\b(?:originally|initially|previously|first)\s+(?:planned|scheduled|set|due)\s+(?:for|on|in)\s+$", re.I
)
# "postponed from 20 June to 4 July": the old day and the new one, not a range.
MOVED_FROM = re.compile(rf"{MOVED_VERB}\s+(?:from\s+)?$", re.I)
MOVED_TO = re.compile(r"\s+(?:to|until|till)\s+(?=\w)", re.I)
# "the drills, which will last until October 23": the day a happening ends, not a bound.
LASTS_UNTIL = re.compile(r"\b(?:will\s+)?(?:last|lasts|run|runs|continue|continues)\s+(?:until|till|through)\s+$", re.I)
# What lasts until a day as a happening, not as a term: "the drills, which will last until 23 October"
# (not "the mission will last until 30 June", "the moratorium will run until 31 December").
HAPPENING_LASTS = re.compile(
    r"\b(?:exercises?|drills?|trainings?|manoeuvres|maneuvers|games|forum|exhibition|festival|talks|"
    r"consultations|session|summit|visit|competitions?|championship)\b[^.;]{0,80}$",
    re.IGNORECASE,
)
# "Since 2006, when the first meeting took place": the clause after it tells what happened then.
SINCE_WHEN = re.compile(r"\s*,?\s*when\b", re.IGNORECASE)
NOT_EVENT_BEFORE = re.compile(
    r"(?:\btowards?\s+$|\b(?:until|till|by|before|no\s+later\s+than|up\s+to|since|through|prior\s+to)\s+(?:the\s+)?"
    r"(?:(?:end|beginning|middle|start)\s+of\s+(?:the\s+)?)?(?:year\s+)?$)",
    re.IGNORECASE,
)


# A happening said not to take place: "the drills will not take place in Armenia this year".
NEGATED = re.compile(
    r"(?i:\b(?:will|would|did|does|do|shall|can|could|was|were|is|are|has|have|had)(?:\s+not|n't)\s+(?:been\s+|be\s+)?"
    r"(?:take\s+place|took\s+place|held|hold|host|hosted|happen|go\s+ahead|convene|convened|conduct|conducted|"
    # (not "did not participate in the summit on November 23": the summit took place)
    r"restore|restored)\b|"
    r"\bwon't\s+(?:be\s+)?(?:take\s+place|held|hold|host|happen|go\s+ahead)\b|"
    r"\b(?:was|were|has\s+been|have\s+been|is|are)\s+(?:cancell?ed|called\s+off)\b|"
    # "the inexpediency of holding drills on its territory in 2023", "the cancellation of the exercise"
    r"\b(?:inexpediency|inadvisability|impossibility|refusal|cancell?ation)\s+(?:of|to)\s+(?:the\s+)?"
    r"(?:holding|hosting|hold|host|conducting|conduct|exercises?|drills?|summit|meeting|session)\b)"
)
# Where a clause ends, for negation: "the exercise, which will be held in September" is a clause of its own.
NEGATION_EDGE = re.compile(r"[,;:()]|\b(?:which|who|that|where|while|and|but|whereas|instead)\b")
VERBISH = re.compile(r"(?i:\b(?:is|are|was|were|will|would|has|have|had|be|been|[a-z]{3,}ed|held|met|took|began)\b)")


def negated_clause(plain: str, date: DateValue, unit: Unit) -> bool:
    """Whether the clause holding a date says its happening does not take place, or, the date's
    clause having no verb ("..., at least this year"), the clause before it says so."""
    edges = list(NEGATION_EDGE.finditer(plain, unit.start, date.text_start))
    start = edges[-1].end() if edges else unit.start
    after = NEGATION_EDGE.search(plain, date.text_end, unit.end)
    end = after.start() if after else unit.end
    if NEGATED.search(plain, start, end):
        return True
    own = plain[start : date.text_start] + " " + plain[date.text_end : end]
    if VERBISH.search(own) or not edges:
        return False
    before = edges[-2].end() if len(edges) > 1 else unit.start
    return bool(NEGATED.search(plain, before, edges[-1].start()))


# A date standing before its noun: "created by the July 6, 1992 decision of the Council" is no deadline.
THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
DATED_NOUN_AFTER = re.compile(
    r"\s+(?i:decisions?|resolutions?|decrees?|treaty|agreements?|orders?|protocols?|declarations?|summit|session|meeting)\b"
)


# A year that names a happening by it: "the 2017 Astana Summit", "the 2022 SCO summit".
YEAR_OF_HAPPENING = re.compile(
    r"\s+(?:[A-Z][\w-]*\s+){0,3}(?i:summit|session|meeting|forum|conference|exercises?|drills?|games|parade)\b"
)
PERIOD_YEAR_BEFORE = re.compile(
    r"(?:\bfor\s+(?:the\s+)?(?:year\s+|period\s+)?$|\bfrom\s+$|"
    r"\b(?:plans?|programmes?|programs?|strateg(?:y|ies)|concepts?|budgets?|goals?|tasks?|priorities|agenda|"
    r"schedules?|timetables?|results|outcomes|activit(?:y|ies)|performance|reports?|period|forecasts?|"
    r"objectives|targets|chairmanship|presidency)\s+"
    # "the programmes adopted in 2021" tells when they were adopted: a decision, not a period
    r"(?:(?!(?:was|were|is|are|has|have|had|will|held|took|began|to|adopted|approved|signed|ratified|launched|"
    r"endorsed|established|created)\b)[\w'\u2019-]+\s+){0,4}?"
    r"(?:for|of|in|until|to)\s+(?:the\s+)?(?:year\s+)?$|"
    # "the third such exercise in 2024" counts within a year; "for the first time in 2005" dates one
    r"\b(?:first|second|third|fourth|fifth|last|final|only|\d+(?:st|nd|rd|th))\s+(?:(?!time\b)\w+\s+)?in\s+$)",
    re.IGNORECASE,
)


PERIOD_NOUN_AFTER = re.compile(
    # "the 2021 Plan", "the 2013 Union State budget"
    r"\s+(?:(?-i:[A-Z][\w-]*)\s+){0,3}?(?:plans?|programmes?|programs?|budgets?|strateg(?:y|ies)|work\s+plan|calendar|schedule)\b"
    r"(?!\s+to\b)",
    re.IGNORECASE,
)


QUANTITY_AFTER = re.compile(
    r"\s*(?:servicemen|soldiers|troops|people|persons|personnel|participants|units|pieces|km|kilometers|"
    r"kilometres|meters|metres|tons|tonnes|hectares|rubles|roubles|dollars|euros|officers|specialists|"
    r"representatives|delegates|vehicles|cases|members|items|copies|times|reservists|cadets|refugees|migrants|"
    r"million|billion|thousand)\b",
    re.IGNORECASE,
)


# "the second half of", "the end of": a part of the period the words after it bound.
PART_OF_PERIOD = re.compile(
    r"(?:the\s+)?(?:(?:first|second)\s+half|(?:first|second|third|fourth|last)\s+quarter|end|beginning|start|middle)"
    r"\s+of\s+(?:the\s+year\s+)?$",
    re.IGNORECASE,
)


YEAR_OF = re.compile(
    r"\s+(?:(?:has\s+been|have\s+been|was|is|will\s+be)\s+(?:declared|named|proclaimed|announced)\s+)?"
    r"(?:as\s+)?(?:the\s+)?Year\s+of\b"
)


QUANTITY_BEFORE = re.compile(
    r"\b(?:over|more\s+than|less\s+than|fewer\s+than|about|around|some|nearly|almost|up\s+to|at\s+least|"
    r"total\s+of|approximately|roughly|exactly)\s+$",
    re.IGNORECASE,
)


# The day words were said or reported is not a happening: "the ministry said on Wednesday",
# "told reporters on Friday", "speaking to journalists on Thursday", "it was reported on January 15".
# Where words were said: "said in a statement on Monday", "wrote on its Telegram channel on Friday"
# (an interview is a happening of its own: ANNOTATION.md section 1).
REPORTED_IN = (
    r"(?:in\s+(?:a|an|its|his|her|their|the)\s+(?:written\s+|official\s+|joint\s+)?"
    r"(?:statement|press\s+release|release|comment|message|post|communiqu[e\u00e9])|"
    r"on\s+(?:its|his|her|their|the)\s+(?:official\s+)?(?:website|telegram(?:\s+channel)?|page))"
)
ATTRIBUTION_BEFORE = re.compile(
    r"\b(?:said|says|told\s+(?:\w+\s+){0,2}?|reported|announced|stated|informed|quoted|noted|added|"
    r"(?:speaking|talking)\s+(?:to|with)\s+(?:the\s+)?(?:journalists|reporters|press|media|correspondents))"
    # no comma between: "As he noted, next year the exercise will be held" opens the words said
    rf"\s*(?:{REPORTED_IN}\s+)?(?:on|this|last|earlier)?\s*$",
    re.IGNORECASE,
)


# An agency's dateline opening a story: "MOSCOW, August 21 (RIA Novosti) -", "DUSHANBE, 13 March 2025,
# Asia-Plus --", "MOSCOW, August 26. / TASS /.", "FAKHRABAD /Tajikistan/, October 24. /TASS/.": the day
# of the report, never a happening.
AGENCY_PLACE = re.compile(
    r"\s*[A-Z][A-Za-z.'-]*(?:[ -][A-Z][A-Za-z.'-]*){0,3}(?:\s*(?:/[A-Z][\w .'-]{1,30}/|\([A-Z][\w .'-]{1,30}\)))?"
    r"(?:\s*,\s*[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)?\s*,\s*$"  # "BAKU, Azerbaijan, April 11"
)


# A source named in brackets before a dateline: "(MENAFN- Trend News Agency) BAKU, ..."
SOURCE_TAG = re.compile(r"\s*\([^()\n]{2,40}\)\s*")
# The place in capitals, then the agency and the date in brackets: "MOSCOW (UrduPoint News / Sputnik - "
IN_BRACKETS = re.compile(r"\s*[A-Z][A-Z .'-]{2,30}\s*\([^()\n]{2,60}?(?:-|\u2013|\u2014)\s*")
# Nothing but a stop after a dateline's date, to the end of its line
CAPITALS_LINE_END = re.compile(r"(?:[ \t]*\.)?[ \t]*(?:\n|$)")


PLACE_STOP = re.compile(r"\s*[A-Z][A-Z'-]+(?:[ -][A-Z][A-Z'-]+){0,2}\.\s*")
AGENCY_AFTER = re.compile(
    r"\s*(?:,\s*(?:19|20)\d\d)?\s*[.,]?\s*"
    r"(?:\(\s*[\w .-]{1,30}\)|\(\s*[\w .-]{1,40}/[\w .,/-]{1,40}\)|/\s*[\w .-]{1,30}/|[A-Z][\w.-]*(?:[ -][A-Z][\w.-]*){0,2}\s*(?=--|-\s|\u2013|\u2014)|"
    # "April 11. By Trend:", "July 7 / By Demir Azizov- Trend:"
    r"By\s+[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?(?:\s*[-\u2013\u2014]\s*[A-Z][\w.-]*)?\s*:|"
    r"[A-Z]{3,}[A-Z.-]*\s*[:.]|"  # "YEREVAN, NOVEMBER 28, ARMENPRESS:", "YEREVAN, NOVEMBER 30, ARMENPRESS."
    r"[A-Z]{4,}(?=\s+[A-Z][a-z]))"  # "ASTANA. April 6. KAZINFORM Astana hosts ..."
    r"\s*[.,]?\s*(?:--?|\u2013|\u2014)?"
)


YEARLY_BEFORE = re.compile(
    r"\b(?:every|each)\s+year\s*,?\s*(?:on\s+|in\s+)?$|\bannually\s*,?\s*(?:on\s+|in\s+)?$", re.I
)


# A term of office said to last: "the chairmanship, which lasted from", "his mandate runs until".
TERM_LASTED = re.compile(
    r"\b(?:chairmanship|presidency|term(?:\s+of\s+office)?|mandate|tenure)\b[^.;]{0,40}?"
    r"\b(?:lasted|lasts|will\s+last|runs?|ran|lasting|running)\s+(?:from\s+)?$",
    re.IGNORECASE,
)


# "scheduled for", "planned for": the time of a happening, not of a plan.
SCHEDULED_FOR = re.compile(r"\b(?:scheduled|planned|set|due|slated|fixed|timed)\s+for\s+$", re.IGNORECASE)


def kept_near(date: DateValue, published: datetime.date | None) -> bool:
    """A yearly day whose occurrence this year lies within a month of the publication."""
    return published is not None and date.precision == "day" and abs(date.start - published) <= KEPT_NEAR


def nearest_yearly(plain: str, date: DateValue, unit: Unit, published: datetime.date | None) -> DateValue:
    """A day kept every year, written without its year, is its occurrence nearest the publication
    ("the SCO Day, which is celebrated annually on 15 June", published 13 June 2019: 15 June 2019)."""
    if published is None or date.year_given or date.precision != "day" or date.end is not None:
        return date
    if not YEARLY_BEFORE.search(plain[max(unit.start, date.text_start - 60) : date.text_start]):
        return date
    occurrences = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            occurrences.append(date.start.replace(year=year))
        except ValueError:
            continue  # 29 February
    nearest = min(occurrences, key=lambda day: abs(day - published), default=date.start)
    return replace(date, start=nearest)


KEPT_NEAR = datetime.timedelta(days=31)


def said_at_a_briefing(plain: str, date: DateValue, unit: Unit) -> bool:
    """Words said on a day at a briefing or press conference: the day dates the briefing ("said
    today at a briefing", "announced today by the minister at a briefing")."""
    before = plain[max(unit.start, date.text_start - BRIEFING_REACH) : date.text_start]
    after = plain[date.text_end : min(unit.end, date.text_end + BRIEFING_REACH)]
    return bool(BRIEFING_BEFORE.search(before) or BRIEFING_AFTER.match(after))


BRIEFING = r"(?:(?:press|news|media)\s+(?:conference|briefing)|briefing)s?"
BRIEFING_BEFORE = re.compile(rf"\bat\s+(?:a|the|his|her|its|their)\s+(?:\w+\s+)?{BRIEFING}\b[^,;.]*$", re.IGNORECASE)
BRIEFING_AFTER = re.compile(
    # "announced today by the minister at a briefing", not "said on Monday that ... at a briefing"
    rf"(?:\s+(?!(?:at|that|which|will|would|to)\b)[\w.'-]+){{0,8}}?\s+at\s+(?:a|the|his|her|its|their)\s+(?:\w+\s+)?{BRIEFING}\b",
    re.IGNORECASE,
)
BRIEFING_REACH = 80


# A document's name that carries its date: "the Agreement of 7 October 2002 on the legal status",
# "Decision No. 12 of 3 March 2021" (the document's date, not a happening of the sentence).
DOCUMENT_DATE_BEFORE = re.compile(
    r"\b(?:[A-Z][\w-]*\s+){0,4}(?P<document>Agreement|Treaty|Charter|Decision|Regulations?|Declaration|Protocol|"
    r"Convention|Resolution|Law|Statute|Memorandum|Concept|Programme|Program|Order|Decree|Instruction|Provision)"
    r"(?:\s+No\.?\s*[\w/.-]+)?\s+of\s+(?:the\s+)?$"
)
# A sentence that tells the document's own happening: "The Agreement of 7 October 2002 was signed".
DOCUMENT_HAPPENS = re.compile(
    r"\b(?:signed|adopted|ratified|approved|concluded|entered\s+into\s+force|came\s+into\s+force|signing|adoption)\b",
    re.IGNORECASE,
)
# Where a date is only a part of an address or a number: a URL, "No. 2023/11-15".
URL_BEFORE = re.compile(r"(?:https?://|www\.)\S*$", re.IGNORECASE)
NUMBER_SIGN_BEFORE = re.compile(r"\b(?:No|Nr|#)\.?\s*$")


def drop_reason(plain: str, date: DateValue, unit: Unit, published: datetime.date | None = None) -> str | None:
    """Why a date names no happening (a plan or period, a quantity, a report's day), or None.

    A day kept every year is this year's happening when the release is published near it ("the
    SCO Day, which is celebrated annually on 15 June", published on 13 June).
    """
    if date.type == "period":
        return "period: a span of years bounds a plan"
    before = plain[max(unit.start, date.text_start - 60) : date.text_start]
    if date.pattern == "rel_year" and PERIOD_YEAR.match(date.text):
        return "period: 'the past year', 'the current year' bound a review"
    if URL_BEFORE.search(plain, max(unit.start, date.text_start - 200), date.text_start):
        return "part of a web address"  # "http://www.cisstat.org/2023/09/30/statement"
    if NUMBER_SIGN_BEFORE.search(before):
        return "part of a number: 'No. 2023/11-15'"
    if date.type != "name" and ATTRIBUTION_BEFORE.search(before) and not said_at_a_briefing(plain, date, unit):
        return "attribution: the day words were said or reported"
    if is_agency_dateline(plain, date, unit):
        return "agency dateline: the day of the report"
    if negated_clause(plain, date, unit):
        return "negated: the happening did not or will not take place"  # "The drills will not take place this year"
    if TERM_LASTED.search(before):
        return "period: the span of a term of office"  # "India's chairmanship, which lasted from September 2022"
    if YEARLY_BEFORE.search(before) and not date.year_given and not kept_near(date, published):
        return "a day kept every year, not one happening"  # "every year on 3 December"
    # "for the second half of 2025" bounds a plan as "for 2025" does
    before = PART_OF_PERIOD.sub("", before)
    if POSTPONED_FROM.search(before) or (
        re.search(r"from\s+$", before, re.I) and MOVED_FROM.search(before) and MOVED_TO.match(plain, date.text_end)
    ):
        return "the old date of a postponed happening"  # "originally planned for June", "moved from 3 June to"
    if (
        NOT_EVENT_BEFORE.search(before)
        and not (THE_BEFORE.search(before) and DATED_NOUN_AFTER.match(plain, date.text_end))
        and not POSTPONED_TO.search(before)
        and not SINCE_WHEN.match(plain, date.text_end, unit.end)
        and not (LASTS_UNTIL.search(before) and HAPPENING_LASTS.search(before))
    ):
        return "bound: until, by, since, before"
    if (
        date.pattern in ("quarter", "half_year")
        and PERIOD_YEAR_BEFORE.search(before)
        and not SCHEDULED_FOR.search(before)
    ):
        return "period: the quarter or half-year of a plan or report"  # "the results of work in Q1 2023"
    if date.precision == "year" and date.type in ("year", "relative"):
        if (
            PERIOD_YEAR_BEFORE.search(before)
            and not SCHEDULED_FOR.search(before)
            and not (
                date.type == "year" and THE_BEFORE.search(before) and YEAR_OF_HAPPENING.match(plain, date.text_end)
            )
        ):
            # (but "the results of the 2017 Astana Summit" name the summit by its year)
            return "period: the year of a plan, programme or report"
        if date.type == "year" and (QUANTITY_AFTER.match(plain, date.text_end) or QUANTITY_BEFORE.search(before)):
            return "quantity: a number, not a year"
        if date.type == "year" and PERIOD_NOUN_AFTER.match(plain, date.text_end):
            return "period: the year names a plan"  # "the 2021 Plan for joint training"
        if date.type == "year" and YEAR_OF.match(plain, date.text_end):
            return "name of a year"  # "declare 2025 the Year of the Victory"
    if (
        date.precision == "month"
        and re.search(r"\bfor\s+$", before, re.IGNORECASE)
        and not SCHEDULED_FOR.search(before)
    ):
        return "period: a month a plan is for"
    return None


def moved_to(plain: str, date: DateValue, unit: Unit) -> DateValue:
    """A range after "postponed from" is the old day and the new one: the happening is on the new."""
    if date.end is None:
        return date
    before = plain[max(unit.start, date.text_start - 40) : date.text_start]
    said_from = date.text.lower().startswith("from ") or before.rstrip().lower().endswith("from")
    cuts = list(MOVED_TO.finditer(date.text))
    if not (said_from and cuts and MOVED_FROM.search(before)):
        return date
    start = date.text_start + cuts[-1].end()
    return replace(date, start=date.end, end=None, text_start=start, text=plain[start : date.text_end])


def filing_day(plain: str, start: int, end: int) -> tuple[int, int] | None:
    """The month and day of an agency dateline written without its year ("MOSCOW, February 1.
    /TASS/. -"), opening one of the first lines of plain[start:end]: the day the report was filed."""
    # A leap year as the reference, so that "February 29" is read.
    for unit, date in opening_dates(plain, start, end, LEAP_REFERENCE):
        yearless_day = bool(date and date.precision == "day" and date.end is None and not date.year_given)
        if yearless_day and is_agency_dateline(plain, date, unit):
            return date.start.month, date.start.day
        if (
            date
            and date.text_start == unit.start
            and plain.startswith(".", date.text_end)
            and date.precision == "day"
            and date.end is None
            and THIS_YEAR.search(date.text)
        ):
            # "February 18, this year. A meeting ... was held": the lead's own day, in no year but the
            # publication's, which comes after every day the text tells of
            return date.start.month, date.start.day
        for told in find_dates(plain, LEAP_REFERENCE, unit.start, unit.end):
            if (
                told.precision == "day"
                and told.end is None
                and not told.year_given
                and TODAY_BEFORE.search(plain, max(unit.start, told.text_start - 12), told.text_start)
            ):
                # "is arriving in Yerevan today, on May 27": the day of the news, written out
                return told.start.month, told.start.day
    return None


TODAY_BEFORE = re.compile(r"\btoday,?\s+(?:on\s+|the\s+)?$", re.IGNORECASE)


def wire_day(plain: str, start: int, end: int, published: datetime.date) -> datetime.date | None:
    """The day of an agency's dateline opening the body of a page published a few days later (a
    repost: "YEREVAN, NOVEMBER 28, ARMENPRESS:" on a page dated 30 November): the day its "today"
    and "on Thursday" count from."""
    for unit, date in opening_dates(plain, start, end, published):
        if not (date and date.precision == "day" and date.end is None and is_agency_dateline(plain, date, unit)):
            continue
        day = date.start
        if not date.year_given and day > published:
            day = day.replace(year=day.year - 1)
        return day if datetime.timedelta(days=1) <= published - day <= REPOST_LAG else None
    return None


def opening_dates(
    plain: str, start: int, end: int, reference: datetime.date
) -> Iterator[tuple[Unit, DateValue | None]]:
    """The first lines of plain[start:end], each with the first date near its start (or None)."""
    for line_start, line_end in lines_with_offsets(plain, start, end)[:FILING_LINES]:
        found = find_dates(plain, reference, line_start, min(line_end, line_start + 80))
        yield Unit(line_start, line_end), found[0] if found else None


# How long after an agency's report a page may repost it and still be read from the report's day.
REPOST_LAG = datetime.timedelta(days=7)


THIS_YEAR = re.compile(r"\b(?i:this|the\s+current)\s+year$")


FILING_LINES = 3
LEAP_REFERENCE = datetime.date(2000, 12, 31)


def is_agency_dateline(plain: str, date: DateValue, unit: Unit) -> bool:
    """A date between a place in capitals and an agency's name, opening its paragraph."""
    line_start = plain.rfind("\n", 0, date.text_start) + 1
    if PLACE_STOP.fullmatch(plain, line_start, date.text_start):
        # "MOSCOW. May 15. KAZINFORM -": the place closed by a stop, read as a sentence of its own
        agency = AGENCY_AFTER.match(plain, date.text_end, unit.end)
        return bool(agency and agency.group().strip())
    tagged = SOURCE_TAG.match(plain, unit.start, date.text_start)
    opening = tagged.end() if tagged else unit.start
    if IN_BRACKETS.fullmatch(plain, opening, date.text_start) and plain[date.text_end : date.text_end + 1] == ")":
        return True  # "MOSCOW (UrduPoint News / Sputnik - 07th January, 2022) The Secretary-General ..."
    if date.text_start - opening > 40 or not AGENCY_PLACE.fullmatch(plain, opening, date.text_start):
        return False
    if tagged or CAPITALS_LINE_END.match(plain, date.text_end):
        # "(MENAFN- Trend News Agency) BAKU, Azerbaijan, October 13.": the source stands before the
        # place; "BAKU, Azerbaijan, Jan. 11" alone on its line: the place in capitals says it
        return plain[opening : date.text_start].split(",")[0].strip().isupper()
    place = plain[unit.start : date.text_start].strip(" ,")
    agency = AGENCY_AFTER.match(plain, date.text_end, unit.end)
    return bool(agency and agency.group().strip()) and (
        place.split(",")[0].isupper() or "(" in agency.group() or "/" in agency.group() or "By " in agency.group()
    )
