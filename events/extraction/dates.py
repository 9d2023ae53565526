"""The date grammar: every date expression of English news prose, with its precision.

`find_dates(text, reference)` returns the date expressions of `text` as `DateValue`s, longest
match first where two overlap. `reference` is the publication date: it fills in a missing year
("on January 21") and resolves relative expressions ("last year", "yesterday", "on Monday").
The text is expected to be `text.normalize`d (plain spaces and dashes); offsets are into it.
"""

import calendar
import datetime
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from itertools import pairwise

from events.extraction.model import DateValue
from events.extraction.text import ascii_lower

MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): number for number, name in enumerate(calendar.day_name)}
# How far after the publication date an undated month may fall before it is read as last year's.
FUTURE_TOLERANCE = datetime.timedelta(days=62)

# Month names are matched with their capital so that "may" the verb is not a month.
_MONTH_NAMES = sorted(
    [name for name in calendar.month_name if name]
    + [f"{name}\\.?" for name in calendar.month_abbr if name and name != "May"]
    + ["Sept\\.?"]
    # a wire's upper-case stamp: "12 OCT 2022, 14:05" (but "MAY" only between a day and a year)
    # between a day and a year, or before a day and a year: "12 OCT 2022", "SEPT 3, 2020"
    + [rf"(?<=\d\s){name.upper()}(?=\s+\d)" for name in [*calendar.month_abbr[1:], "Sept"]]
    + [rf"{name.upper()}(?=\s+\d{{1,2}},?\s+\d{{4}})" for name in [*calendar.month_abbr[1:], "Sept"]]
    # a dateline in capitals: "YEREVAN, NOVEMBER 28, ARMENPRESS:"
    + [rf"(?<=[A-Z], ){name.upper()}(?=\s+\d{{1,2}}\b)" for name in calendar.month_name[1:]],
    key=len,
    reverse=True,
)
MONTH = r"(?:{})(?![A-Za-z])".format("|".join(_MONTH_NAMES))
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
YEAR = r"(?<![\d.,])(?:1[89]\d\d|2[01]\d\d)(?!\d|'?s\b)"
NUMERIC_YEAR = r"(?:1[89]\d\d|2[01]\d\d)(?![\d])"
# "this", "last", "next" and their longer forms: which year, month or week a relative date names.
REL_WHICH = r"this|last|next|the\s+current|the\s+previous|the\s+past|the\s+coming"
REL_YEAR = rf"(?i:(?:of\s+)?(?:{REL_WHICH}|the\s+same|the)\s+year)"  # "the second half of the year": this one
WEEKDAY = r"(?:(?i:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)"
# "Monday and Tuesday" (two days running; "Monday and Thursday" are two dates, read one by one)
DAYS_RUNNING = "|".join(
    f"(?P<wd1{n}>(?i:{first}))\\s+(?i:and)\\s+(?P<wd2{n}>(?i:{second}))"
    for n, (first, second) in enumerate(pairwise([*calendar.day_name, calendar.day_name[0]]))
)
# "On Monday, 5 May 2025": the weekday belongs to the date that follows it. Looked for behind a
# match rather than as an optional prefix, which every pattern would try at every position.
WEEKDAY_BEFORE = re.compile(rf"(?:{WEEKDAY}|(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?),?\s+(?:the\s+)?$")
WEEKDAY_KINDS = frozenset({"dmy", "mdy", "numeric"})  # the patterns a weekday before belongs to
TO = r"(?:\s*-\s*|\s+(?i:to|till|until|through|and)\s+(?:(?i:the)\s+)?)"
OF = r"(?:\s+(?i:of))?"
# "May 2020", "May 5, 2020", "January of this year", and a year in brackets: "the September (2021) session",
# "on 2 February [2026]"
YEAR_TAIL = rf"(?:(?:,?\s+(?:(?i:of)\s+)?|\s*[(\[](?=\d{{4}}[)\]]))(?P<y>{YEAR})(?:(?<=[(\[]\d{{4}})[)\]])?|,?\s+(?P<ry>{REL_YEAR}))?"


HAS_DIGIT, HAS_MONTH, HAS_RELATIVE = "digit", "month", "relative"


@dataclass(frozen=True)
class DatePattern:
    """One date pattern: its name (its builder is `Builder.build_<name>`), its regex, the anchors it
    cannot match without (a cheap look at a sentence skips it), the type of value it reads, and
    whether the year may be left out (then inferred)."""

    name: str
    regex: str
    needs: tuple[str, ...]
    value: str
    year_optional: bool = False


PATTERNS: tuple[DatePattern, ...] = (
    # 21.01.2020 - 23.01.2020, 21-23.01.2020, 21.01-23.01.2020
    DatePattern(
        "numeric_range",
        # "14.11-18.11.2023", "from 01.12.2023 to 05.12.2023"
        rf"(?<![\d.])(?P<d1>[0-3]?\d)(?:\.(?P<m1>[01]?\d))?(?:\.(?P<y1>{NUMERIC_YEAR}))?(?:\s*-\s*|\s+(?i:to|till|until)\s+)"
        rf"(?P<d2>[0-3]?\d)\.(?P<m2>[01]?\d)\.(?P<y2>{NUMERIC_YEAR})",
        needs=(HAS_DIGIT,),
        value="range",
    ),
    DatePattern(
        # 2023-05-03, 2023.05.03, 2023/05/03
        "iso",
        rf"(?<![\d.])(?P<y>{YEAR})(?P<sep>[-./])(?P<m>[01]\d)(?P=sep)(?P<d>[0-3]\d)(?![\d])",
        needs=(HAS_DIGIT,),
        value="numeric",
    ),
    # 03.05.23: a two-digit year, written only with two-digit days and months
    DatePattern(
        "numeric_short",
        r"(?<![\d.])(?P<d>[0-3]\d)\.(?P<m>[01]\d)\.(?P<yy>\d\d)(?![\d.])",
        needs=(HAS_DIGIT,),
        value="numeric",
    ),
    DatePattern(
        "numeric",
        rf"(?<![\d.])(?P<d>[0-3]?\d)[./](?P<m>[01]?\d)[./](?P<y>{NUMERIC_YEAR})",
        needs=(HAS_DIGIT,),
        value="numeric",
    ),
    # 30 September 2020 to 2 October 2020, 30 September to 2 October
    DatePattern(
        "dmy_range2",
        rf"(?P<d1>{DAY}){OF}\s+(?P<m1>{MONTH})(?:,?\s+(?P<y1>{YEAR}))?{TO}(?P<d2>{DAY}){OF}\s+(?P<m2>{MONTH}){YEAR_TAIL}",
        needs=(HAS_DIGIT, HAS_MONTH),
        value="range",
        year_optional=True,
    ),
    # September 30 to October 2, 2020; May 21 to May 24
    DatePattern(
        "mdy_range2",
        rf"(?P<m1>{MONTH})\s+(?P<d1>{DAY})(?:,?\s+(?P<y1>{YEAR}))?{TO}(?P<m2>{MONTH})\s+(?P<d2>{DAY}){YEAR_TAIL}",
        needs=(HAS_DIGIT, HAS_MONTH),
        value="range",
        year_optional=True,
    ),
    # 16, 17 and 18 January 2020: a list of days read as the span they cover
    DatePattern(
        "dmy_range",
        rf"(?P<d1>{DAY})(?:,\s*{DAY})*,?\s+(?i:and)\s+(?P<d2>{DAY}){OF}\s+(?P<m>{MONTH}){YEAR_TAIL}",
        needs=(HAS_DIGIT, HAS_MONTH),
        value="range",
        year_optional=True,
    ),
    # 17 to 20 March 2025, 3-5 June
    DatePattern(
        "dmy_range",
        rf"(?P<d1>{DAY}){TO}(?P<d2>{DAY}){OF}\s+(?P<m>{MONTH}){YEAR_TAIL}",
        needs=(HAS_DIGIT, HAS_MONTH),
        value="range",
        year_optional=True,
    ),
    # January 21 to 23, May 21-24, 2020
    DatePattern(
        "mdy_range",
        rf"(?P<m>{MONTH})\s+(?P<d1>{DAY}){TO}(?P<d2>{DAY}){YEAR_TAIL}",
        needs=(HAS_DIGIT, HAS_MONTH),
        value="range",
        year_optional=True,
    ),
    # 28 April 2003, Monday 5 May, 16th of May, 2020
    DatePattern(
        "dmy",
        rf"(?P<d>{DAY}){OF}\s+(?P<m>{MONTH}){YEAR_TAIL}",
        needs=(HAS_DIGIT, HAS_MONTH),
        value="explicit",
        year_optional=True,
    ),
    # "In October, on the 15th": the month, then its day
    DatePattern(
        "month_then_day",
        rf"(?P<m>{MONTH}){YEAR_TAIL},?\s+(?i:on\s+the)\s+(?P<d>{DAY})(?![\w-])"
        r"(?!\s+(?i:anniversary|session|meeting|time|floor|day|year|round|stage))",
        needs=(HAS_DIGIT, HAS_MONTH),
        value="explicit",
        year_optional=True,
    ),
    # January 16, 2020; January 14, this year
    DatePattern(
        "mdy",
        # (an abbreviation's point may stand for the space: "on Apr.8")
        rf"(?P<m>{MONTH})(?:\s+|(?<=\.))(?P<d>{DAY})(?!\s*(?::|\.\d)){YEAR_TAIL}",
        needs=(HAS_DIGIT, HAS_MONTH),
        value="explicit",
        year_optional=True,
    ),
    # September-October 2020, from September to October
    DatePattern(
        "month_range",
        rf"(?P<m1>{MONTH})(?:\s+(?P<y1>{YEAR}))?{TO}(?:(?i:early|late|mid)[\s-]+)?(?P<m2>{MONTH}){YEAR_TAIL}",
        needs=(HAS_MONTH,),
        value="range",
        year_optional=True,
    ),
    # last July, next March, this September: that month nearest the publication in that direction
    DatePattern(
        "rel_month_name",
        rf"(?i:\b(?P<which>last|next|this|past|coming))\s+(?P<m>{MONTH})(?!\s*\d)",
        needs=(HAS_MONTH,),
        value="relative",
    ),
    # May 2020, November last year, January of this year
    DatePattern("month_year", rf"(?P<m>{MONTH}){YEAR_TAIL}", needs=(HAS_MONTH,), value="month", year_optional=True),
    # 2021-2025, 2020/2021
    DatePattern(
        # "2021-2025", "2021 to 2025", "between 2011 and 2017" (but "in 2011 and 2017" are two years)
        "year_range",
        rf"(?P<y1>{YEAR})\s*(?:-|/|\s(?i:to)\s|\sand\s(?<=(?:between|Between)\s\d{{4}}\sand\s))\s*(?P<y2>{YEAR})",
        needs=(HAS_DIGIT,),
        value="period",
    ),
    DatePattern("year", rf"(?P<y>{YEAR})", needs=(HAS_DIGIT,), value="year"),
    # "this year", "last year"; "in the second half of the year", "by the end of the year": this year
    DatePattern(
        "rel_year",
        # but not a year named for a theme: "the Year of Peace and Trust"
        rf"(?i:\b(?P<which>{REL_WHICH}|(?<=\bof\s)the)\s+year\b)(?!\s+of\s+(?:the\s+)?[A-Z])",
        needs=(HAS_RELATIVE,),
        value="relative",
    ),
    DatePattern(
        "rel_month",
        rf"(?i:\b(?P<which>{REL_WHICH})\s+month\b)",
        needs=(HAS_RELATIVE,),
        value="relative",
    ),
    # this week, last week, next week: Monday to Sunday of that week
    DatePattern(
        "rel_week",
        rf"(?i:\b(?P<which>{REL_WHICH})\s+week\b)",
        needs=(HAS_RELATIVE,),
        value="relative",
    ),
    # over the weekend, last weekend, next weekend: its Saturday and Sunday
    DatePattern(
        "weekend",
        r"(?i:\b(?P<which>the|this|last|this\s+past|the\s+past|next|the\s+coming)\s+weekend\b)",
        needs=(HAS_RELATIVE,),
        value="relative",
    ),
    # two days ago, a week ago: counted back from the publication day
    DatePattern(
        "days_ago",
        r"(?i:\b(?P<n>a|one|two|three|four|five|six|seven|ten|\d{1,2})\s+(?P<unit>days?|weeks?)\s+ago\b)",
        needs=(HAS_RELATIVE,),
        value="relative",
    ),
    # the following year, two years later: counted from the last date the text named
    DatePattern(
        "years_later",
        r"(?i:\b(?:the\s+(?P<following>following|subsequent)\s+year|(?P<n>a|an|\d{1,2}|one|two|three|four|five|six|"
        r"seven|eight|nine|ten|eleven|twelve|fifteen|twenty)\s+years?\s+(?P<dir>later|after|earlier))\b)",
        needs=(HAS_RELATIVE,),
        value="anaphoric",
    ),
    DatePattern(
        "rel_day",
        r"(?i:\b(?P<which>today|yesterday|tomorrow|the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow)\b)",
        needs=(HAS_RELATIVE,),
        value="relative",
    ),
    # on the first day (of the visit), on its last day: a day of the span named last
    DatePattern(
        "day_of_span",
        r"(?i:\bon\s+(?:the|its|their)\s+(?P<nth>first|second|third|fourth|fifth|opening|last|final|closing)\s+day\b"
        r"(?:\s+of\s+(?:the|his|her|its|their)\s+(?:[\w-]+\s+)?(?:visit|trip|tour|exercises?|drills?|forum|summit|"
        r"conference|session|talks|games|competition|festival|exhibition|event|mission|course|training)\b)?)",
        needs=(HAS_RELATIVE,),
        value="relative",
    ),
    # on this day in 1992: the day and month of the last day named (or the publication's), in that year
    DatePattern(
        "same_day_in",
        rf"(?i:\bon\s+(?:this|that|the\s+same)\s+(?:very\s+)?day\s+(?:in|of)\s+(?P<y>{YEAR})\b)",
        needs=(HAS_RELATIVE, HAS_DIGIT),
        value="explicit",
    ),
    # the day before, on the eve of the meeting, on the same day, the next day: counted from the last day named
    DatePattern(
        "anaphoric",
        r"(?i:\b(?P<which>the\s+day\s+before(?!\s+yesterday)|the\s+previous\s+day|"
        r"on\s+the\s+eve(?=\s+of\b)(?!\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?day\b)(?:\s+of\s+(?:the\s+|this\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,3}?"
        r"(?:meeting|session|summit|visit|talks|exercises?|forum|conference|ceremony|celebrations?|event|"
        r"anniversary|elections?|parade|games))?|"
        r"on\s+the\s+eve(?!\s+of\b)|"  # "arrived in Dushanbe on the eve": the day before
        r"the\s+day\s+after(?!\s+tomorrow)|the\s+(?:next|following)\s+day|(?:on\s+)?(?:the|that)\s+same\s+day|"
        r"(?:earlier|later)\s+(?:that|the\s+same)\s+day|(?:on\s+)?the\s+(?:morning|afternoon|evening)\s+of\s+the\s+same\s+day)\b)",
        needs=(HAS_RELATIVE,),
        value="anaphoric",
    ),
    # two years ago, 30 years ago
    DatePattern(
        "years_ago",
        r"(?i:\b(?P<n>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
        r"twenty-five|thirty|forty|fifty)\s+years?\s+ago\b)",
        needs=(HAS_RELATIVE,),
        value="relative",
    ),
    # in the spring of 2022, in the autumn
    DatePattern(
        "season",
        # "fall" the season, not the verb: "the fall", "this fall", "fall 2020" (not "which falls on")
        rf"(?i:\b(?:(?P<which>this|last|next|the\s+coming|the\s+past|the\s+current)\s+)?"
        # (nor "the fall of Kabul", "the fall in oil prices")
        rf"(?P<season>spring|summer|autumn|(?:(?<=the\s)|(?<=this\s)|(?<=last\s)|(?<=next\s)|(?=fall\s+(?:of\s+)?\d))fall"
        rf"(?!\s+(?:of|in)\s+(?!\d|this\b|last\b|next\b|the\s+(?:same\s+)?year\b)))"
        rf"(?![\w-]))"
        # a session named for its season ("the spring session has opened") is no date
        r"(?!\s+(?i:sessions?|sittings?|plenary|conscription|call-up|draft|campaign|semester)\b)"
        rf"(?:\s+(?:(?i:of)\s+)?(?P<y>{YEAR})|\s+(?P<ry>{REL_YEAR}))?",
        needs=(HAS_RELATIVE,),
        value="month",
        year_optional=True,
    ),
    # in Q4 2022, in the fourth quarter of this year: the quarter's three months
    DatePattern(
        "quarter",
        rf"(?i:\b(?:[Qq](?P<q>[1-4])|(?:the\s+)?(?P<qw>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter))"
        rf"(?:,?\s+(?:(?i:of)\s+)?(?P<y>{YEAR})\b|\s+(?P<ry>{REL_YEAR}))?",
        needs=(HAS_RELATIVE,),
        value="month",
        year_optional=True,
    ),
    # in H2 2024, in the first half of next year: the half's six months
    DatePattern(
        "half_year",
        rf"(?i:\b(?:[Hh](?P<h>[12])|(?:the\s+)?(?P<hw>first|second|1st|2nd)\s+half))"
        rf"(?:,?\s+(?:(?i:of)\s+)?(?P<y>{YEAR})\b|\s+(?P<ry>{REL_YEAR}))",
        needs=(HAS_RELATIVE,),
        value="month",
    ),
    # from Monday to Wednesday: the days of one week
    DatePattern(
        "weekday_range",
        # "from Monday to Wednesday", "from Monday to Wednesday last week": the days of that week
        rf"(?i:\bfrom\s+)(?P<wd1>{WEEKDAY}){TO}(?P<wd2>{WEEKDAY})\b(?:\s+(?P<which>(?i:last|next|this))\s+(?i:week)\b)?",
        needs=(HAS_RELATIVE,),
        value="range",
    ),
    # on Monday and Tuesday: two days running
    DatePattern(
        "weekday_pair",
        rf"(?i:\bon\s+)(?:{DAYS_RUNNING})\b",
        needs=(HAS_RELATIVE,),
        value="range",
    ),
    DatePattern(
        "weekday",
        rf"(?i:\b(?:(?P<which>last|next|this|on|this\s+past|the\s+previous)\s+|"
        rf"(?P<verb>(?<=ed )|(?<=met )|(?<=held )|(?<=began )|(?<=took place )|(?<=said )|(?<=starting )|"
        rf"(?<=beginning )|(?<=day and )|"
        # a wire's weekday without "on": "kicked off Monday"; in the present tense ("the talks begin
        # Tuesday", "the summit opens Friday") the day lies ahead
        rf"(?<=off )|(?<=place )|"
        # a wire's weekday closing its clause: "concluded in Kazakhstan Friday." (not "Black Friday")
        rf"(?<=\w )(?<!Black )(?<!Good )(?=(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s*[.,;]))|"
        rf"(?P<ahead>(?<=begins )|(?<=begin )|(?<=opens )|(?<=open )|(?<=ends )|"
        rf"(?<=closes )|(?<=starts )|(?<=meet )|(?<=meets )|(?<=arrives )|(?<=arrive )|(?<=visits )))?)"
        rf"(?<!\bevery )(?<!Bloody )(?<!Easter )(?<!Palm )(?P<wd>{WEEKDAY})\b(?!,?\s+(?:the\s+)?\d)"
        r"(?!\s+(?:through|to|till|until)\s+(?i:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)",
        needs=(HAS_RELATIVE,),
        value="relative",
    ),
)
# An exercise or operation named with its year: "Interaction-2023", "Combat Brotherhood 2020".
NAME_WORD = r"(?:[A-Z][a-z]+|[A-Z]{3,})"
NAME_STOP = frozenset(
    [
        "in",
        "on",
        "at",
        "by",
        "of",
        "for",
        "from",
        "since",
        "until",
        "till",
        "to",
        "during",
        "the",
        "a",
        "an",
        "and",
        "or",
        "as",
        "with",
        "after",
        "before",
        "about",
        "around",
        "this",
        "that",
        "these",
        "those",
        "its",
        "their",
        "his",
        "her",
        "our",
        "year",
        "years",
    ]
)
NAMED = re.compile(
    rf"(?P<name>{NAME_WORD}(?:[ -]{NAME_WORD}){{0,3}})(?:\s*-\s*|\s)(?P<y>{YEAR})(?:-(?P<y2>{NUMERIC_YEAR}))?"
)
# A clock time: "10:30", "15.00", "11 a.m.", "9.30 pm".
CLOCK = (
    r"(?:(?P<h>[01]?\d|2[0-3])[:.](?P<mi>[0-5]\d)(?!\.\d)(?:\s*(?P<ampm>[ap])\.?m\b\.?)?|"
    r"(?P<h12>1[0-2]|0?[1-9])\s*(?P<ampm12>[ap])\.?m\b\.?)"
)
TIME_BEFORE = re.compile(rf"(?i:\bat\s+){CLOCK}(?:\s+(?:\w+\s+)?time)?\s*,?\s*(?i:on\s+)?(?:the\s+)?$", re.IGNORECASE)
TIME = re.compile(rf"(?i:\bat\s+|\bfrom\s+){CLOCK}(?!\w)", re.IGNORECASE)


def clock_time(match: re.Match) -> datetime.time:
    """The time a CLOCK match states, on the 24-hour clock."""
    if match["h12"]:
        hour, minute, half = int(match["h12"]), 0, match["ampm12"].lower()
    else:
        hour, minute, half = int(match["h"]), int(match["mi"]), (match["ampm"] or "").lower()
    if half and hour <= 12:
        hour = hour % 12 + (12 if half == "p" else 0)
    return datetime.time(hour, minute)


# Every date expression holds a digit, a month or weekday name, or a relative word: a cheap first look.
# The words every date expression is built around. Patterns only run near them: most of a
# sentence is far from any date, and scanning it with every pattern is most of the cost. Read on
# lowercased text, so "may" the verb is an anchor too: that only costs a pattern run.
ANCHOR = re.compile(
    r"\b(?=[0-9a-z])(?:(?P<digit>\d+)|(?:(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)|(?P<relative>today|yesterday|tomorrow|years?|month|"
    r"days?|weeks?|weekend|quarter|q[1-4]|half|h[12]|eve|spring|summer|autumn|fall|(?:mon|tues|wednes|thurs|fri|satur|sun)day))\b)"
)
ANCHOR_REACH = 28  # no part of a date expression lies further than this from one of its anchors
# What each pattern cannot match without: a cheap look at a sentence skips most patterns.
NEEDS = {p.name: p.needs for p in PATTERNS}
# What each pattern's first character must be, tested before the pattern itself so that the scan
# skips most positions cheaply.
STARTS = {HAS_DIGIT: r"(?=\d)", HAS_MONTH: r"(?=[A-Z])", HAS_RELATIVE: r"\b(?=[A-Za-z])"}
FIRST = {
    **{
        name: STARTS[HAS_DIGIT]
        for name in ("numeric_range", "iso", "numeric", "numeric_short", "dmy_range2", "dmy_range", "dmy")
    },
    **{name: STARTS[HAS_DIGIT] for name in ("year_range", "year")},
    **{
        name: STARTS[HAS_MONTH]
        for name in ("mdy_range2", "mdy_range", "month_then_day", "mdy", "month_range", "month_year")
    },
    # counted in words or digits: "two days ago", "3 days ago", "2 years later"
    **{name: r"\b(?=[A-Za-z0-9])" for name in ("days_ago", "years_later")},
}
COMPILED = [(p.name, re.compile(FIRST.get(p.name, STARTS[HAS_RELATIVE]) + p.regex), p.needs) for p in PATTERNS]
MONTH_RE = re.compile(MONTH)
YEARS_LATER = next(compiled for name, compiled, _ in COMPILED if name == "years_later")
# A bare month name must be introduced ("in May", "since November") to be read as a date;
# the same holds for any month when the word could be something else.
MONTH_INTRO = re.compile(
    r"(?i:\b(?:in|on|for|since|until|till|by|during|from|of|early|late|mid|end|beginning|start|throughout|"
    r"before|after|last|next|this|through)[\s-]+(?:the\s+)?(?:(?:end|beginning|start|middle|first\s+half|second\s+half)\s+of\s+)?)$"
)


def month_number(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def day_number(text: str) -> int:
    return int(re.match(r"\d+", text).group(0))


def resolve_year(groups: dict, reference: datetime.date | None, key: str = "y", rel_key: str = "ry") -> int | None:
    if groups.get(key):
        return int(groups[key])
    relative = groups.get(rel_key)
    if relative:
        if reference is None:
            return None
        return reference.year + relative_offset(relative)
    return None


def relative_offset(phrase: str) -> int:
    phrase = phrase.lower()
    if any(word in phrase for word in ("last", "previous", "past")):
        return -1
    if any(word in phrase for word in ("next", "coming")):
        return 1
    return 0


def infer_year(month: int, day: int, reference: datetime.date | None, future: bool = False) -> int | None:
    """The year of a date written without one.

    Past prose: the nearest such date not far after the reference. Future prose ("will be held
    in March"): the nearest such date not long before it.
    """
    if reference is None:
        return None
    try:
        candidate = datetime.date(reference.year, month, min(day, 28 if month == 2 else day))
    except ValueError:
        return None
    if future:
        return reference.year + 1 if reference - candidate > FUTURE_TOLERANCE else reference.year
    if candidate - reference > FUTURE_TOLERANCE:
        return reference.year - 1
    return reference.year


def make_date(year: int | None, month: int, day: int) -> datetime.date | None:
    if year is None:
        return None
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


YEAR_OPTIONAL = frozenset(p.name for p in PATTERNS if p.year_optional)
VALUE_TYPES = {p.name: p.value for p in PATTERNS}
QUARTERS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
ORDINAL_DAYS = {"first": 0, "opening": 0, "second": 1, "third": 2, "fourth": 3, "fifth": 4}
NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "twenty-five": 25,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
}
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11)}


def day_from(value: DateValue, offset: int) -> datetime.date:
    """The day `offset` days from a named day or span: the day before its start, the day after its end."""
    if offset > 0:
        return (value.end or value.start) + datetime.timedelta(days=offset)
    return value.start + datetime.timedelta(days=offset)


def anaphora_offset(phrase: str) -> int:
    phrase = " ".join(phrase.lower().split())
    if "before" in phrase or "previous" in phrase or "eve" in phrase:
        return -1
    if "after" in phrase or "next" in phrase or "following" in phrase:
        return 1
    return 0


class Builder:
    """Turns one regex match into a DateValue, or None when the match is not a real date."""

    def __init__(
        self,
        reference: datetime.date | None,
        future: bool = False,
        antecedent: DateValue | None = None,
        antecedent_day: DateValue | None = None,
        antecedent_span: DateValue | None = None,
    ) -> None:
        self.reference = reference
        self.future = future
        # What the text named last: "the same year" counts from the last date, "the day before"
        # from the last day; without one, both count from the publication date. "On the last day
        # of the visit" counts from the last span of days.
        self.antecedent = antecedent
        self.antecedent_day = antecedent_day
        self.antecedent_span = antecedent_span

    def __call__(self, kind: str, match: re.Match) -> DateValue | None:
        method: Callable[[dict], tuple | None] = getattr(self, f"build_{kind}")
        groups = match.groupdict()
        try:
            built = method(groups)
        except (ValueError, KeyError, OverflowError):
            return None
        if not built:
            return None
        start, end, precision = built
        if end is not None and (end < start or (precision == "day" and (end - start).days > 400)):
            return None
        if end == start:
            end = None
        value_type = VALUE_TYPES[kind]
        if groups.get("ry"):
            value_type = "relative"
        year_given = not (kind in YEAR_OPTIONAL and not any(groups.get(key) for key in ("y", "y1", "y2", "ry")))
        text_start = match.start()
        if kind in WEEKDAY_KINDS:
            weekday = WEEKDAY_BEFORE.search(match.string, max(0, text_start - 16), text_start)
            text_start = weekday.start() if weekday else text_start
        return DateValue(
            start,
            end,
            precision,
            text_start,
            match.end(),
            match.string[text_start : match.end()],
            value_type,
            year_given=year_given,
            pattern=kind,
        )

    def _year_or_inferred(self, groups: dict, month: int, day: int = 1) -> int | None:
        relative = (groups.get("ry") or "").lower()
        if "same" in relative and self.antecedent is not None:
            return self.antecedent.start.year  # "in June of the same year"
        year = resolve_year(groups, self.reference)
        return year if year is not None else infer_year(month, day, self.reference, self.future)

    def build_anaphoric(self, g):
        if self.antecedent_day is None and self.reference is None:
            return None
        offset = anaphora_offset(g["which"])
        if self.antecedent_day is None:
            if re.match(r"(?i)on\s+the\s+eve\s+of\s", g["which"]):
                return None  # the eve of a happening the text has not dated: not the publication's eve
            return self.reference + datetime.timedelta(days=offset), None, "day"
        return day_from(self.antecedent_day, offset), None, "day"

    def build_day_of_span(self, g):
        span = self.antecedent_span or self.antecedent_day
        if span is None:
            return None
        nth = g["nth"].lower()
        if nth in ("last", "final", "closing"):
            return span.end or span.start, None, "day"
        day = span.start + datetime.timedelta(days=ORDINAL_DAYS[nth])
        return (day, None, "day") if span.end is None or day <= span.end else None

    def build_same_day_in(self, g):
        day = self.antecedent_day.start if self.antecedent_day is not None else self.reference
        if day is None:
            return None
        return datetime.date(int(g["y"]), day.month, day.day), None, "day"

    def build_years_ago(self, g):
        if self.reference is None:
            return None
        count = int(g["n"]) if g["n"].isdigit() else NUMBER_WORDS[g["n"].lower()]
        return datetime.date(self.reference.year - count, 1, 1), None, "year"

    def build_season(self, g):
        first, last = SEASONS[g["season"].lower()]
        which = (g.get("which") or "").lower()
        if which and not (g.get("y") or g.get("ry")) and self.reference is not None:
            # "this autumn" is the publication year's; "last spring", "next summer" the nearest before or after
            offset = relative_offset(which)
            year = self.reference.year if offset == 0 else infer_year(first, 1, self.reference, offset > 0)
        else:
            year = self._year_or_inferred(g, first)
        if year is None:
            return None
        return datetime.date(year, first, 1), datetime.date(year, last, 1), "month"

    def build_numeric_range(self, g):
        y2, m2 = int(g["y2"]), int(g["m2"])
        end = datetime.date(y2, m2, int(g["d2"]))
        m1 = int(g["m1"]) if g["m1"] else m2
        y1 = int(g["y1"]) if g["y1"] else (y2 if m1 <= m2 else y2 - 1)
        return datetime.date(y1, m1, int(g["d1"])), end, "day"

    def build_iso(self, g):
        return datetime.date(int(g["y"]), int(g["m"]), int(g["d"])), None, "day"

    build_numeric = build_iso

    def build_numeric_short(self, g):
        short = int(g["yy"])
        # the century that puts the year nearest the publication's; without one, 1970-2069
        now = self.reference.year if self.reference else 2020
        year = min((century + short for century in (1900, 2000, 2100)), key=lambda y: abs(y - now))
        date = make_date(year, int(g["m"]), int(g["d"]))
        return (date, None, "day") if date else None

    def build_dmy(self, g):
        month, day = month_number(g["m"]), day_number(g["d"])
        date = make_date(self._year_or_inferred(g, month, day), month, day)
        return (date, None, "day") if date else None

    build_mdy = build_month_then_day = build_dmy

    def build_dmy_range(self, g):
        month = month_number(g["m"])
        d1, d2 = day_number(g["d1"]), day_number(g["d2"])
        year = self._year_or_inferred(g, month, d2)
        if year is None:
            return None
        end = make_date(year, month, d2)
        if d1 > d2:  # "from 30 to 2 November": the first day is the previous month's
            previous = datetime.date(year, month, 1) - datetime.timedelta(days=1)
            start = make_date(previous.year, previous.month, d1)
        else:
            start = make_date(year, month, d1)
        return (start, end, "day") if start and end else None

    def build_mdy_range(self, g):
        month = month_number(g["m"])
        d1, d2 = day_number(g["d1"]), day_number(g["d2"])
        year = self._year_or_inferred(g, month, d1)
        if year is None:
            return None
        start = make_date(year, month, d1)
        if d1 > d2:  # "January 30 to 2": the last day is the next month's
            following = datetime.date(year, month, 28) + datetime.timedelta(days=4)
            end = make_date(following.year, following.month, d2)
        else:
            end = make_date(year, month, d2)
        return (start, end, "day") if start and end else None

    def build_dmy_range2(self, g):
        m1, m2 = month_number(g["m1"]), month_number(g["m2"])
        d1, d2 = day_number(g["d1"]), day_number(g["d2"])
        y2 = self._year_or_inferred(g, m2, d2)
        if y2 is None:
            return None
        y1 = int(g["y1"]) if g.get("y1") else (y2 if (m1, d1) <= (m2, d2) else y2 - 1)
        start, end = make_date(y1, m1, d1), make_date(y2, m2, d2)
        return (start, end, "day") if start and end else None

    build_mdy_range2 = build_dmy_range2

    def build_month_range(self, g):
        m1, m2 = month_number(g["m1"]), month_number(g["m2"])
        y2 = self._year_or_inferred(g, m2)
        if y2 is None:
            return None
        y1 = int(g["y1"]) if g.get("y1") else (y2 if m1 <= m2 else y2 - 1)
        return datetime.date(y1, m1, 1), datetime.date(y2, m2, 1), "month"

    def build_month_year(self, g):
        month = month_number(g["m"])
        year = self._year_or_inferred(g, month)
        return (datetime.date(year, month, 1), None, "month") if year else None

    def build_rel_month_name(self, g):
        if self.reference is None:
            return None
        month, which = month_number(g["m"]), g["which"].lower()
        year = self.reference.year
        if which in ("last", "past") and month >= self.reference.month:
            year -= 1  # "last July", said in May 2024: July 2023
        elif which in ("next", "coming") and month <= self.reference.month:
            year += 1
        return datetime.date(year, month, 1), None, "month"

    def build_year_range(self, g):
        y1, y2 = int(g["y1"]), int(g["y2"])
        if y2 <= y1:
            return None
        return datetime.date(y1, 1, 1), datetime.date(y2, 1, 1), "year"

    def build_year(self, g):
        return datetime.date(int(g["y"]), 1, 1), None, "year"

    def build_rel_year(self, g):
        if self.reference is None:
            return None
        return datetime.date(self.reference.year + relative_offset(g["which"]), 1, 1), None, "year"

    def build_rel_month(self, g):
        if self.reference is None:
            return None
        offset = relative_offset(g["which"])
        index = self.reference.year * 12 + self.reference.month - 1 + offset
        return datetime.date(index // 12, index % 12 + 1, 1), None, "month"

    def build_rel_week(self, g):
        if self.reference is None:
            return None
        monday = self.reference - datetime.timedelta(days=self.reference.weekday())
        monday += datetime.timedelta(weeks=relative_offset(g["which"]))
        return monday, monday + datetime.timedelta(days=6), "day"

    def build_weekend(self, g):
        if self.reference is None:
            return None
        which = " ".join(g["which"].lower().split())
        saturday = self.reference + datetime.timedelta(days=5 - self.reference.weekday())  # this week's
        ahead = which in ("next", "the coming") or (which in ("the", "this") and self.future)
        if not ahead and (saturday > self.reference or (which == "last" and saturday == self.reference)):
            saturday -= datetime.timedelta(weeks=1)  # the weekend just past
        if which == "next" and self.reference.weekday() >= 5:
            saturday += datetime.timedelta(weeks=1)
        return saturday, saturday + datetime.timedelta(days=1), "day"

    def build_days_ago(self, g):
        if self.reference is None:
            return None
        count = int(g["n"]) if g["n"].isdigit() else NUMBER_WORDS.get(g["n"].lower(), 1)
        days = count * (7 if g["unit"].lower().startswith("week") else 1)
        return self.reference - datetime.timedelta(days=days), None, "day"

    def build_years_later(self, g):
        if self.antecedent is None:
            return None  # "two years later" than nothing the text named
        return datetime.date(self.antecedent.start.year + years_counted(g), 1, 1), None, "year"

    def build_rel_day(self, g):
        if self.reference is None:
            return None
        which = " ".join(g["which"].lower().split())
        offset = {
            "today": 0,
            "yesterday": -1,
            "tomorrow": 1,
            "the day before yesterday": -2,
            "the day after tomorrow": 2,
        }[which]
        return self.reference + datetime.timedelta(days=offset), None, "day"

    def build_quarter(self, g):
        number = int(g["q"]) if g.get("q") else QUARTERS[g["qw"].lower()]
        return self._months(g, 3 * number - 2, 3)

    def build_half_year(self, g):
        number = int(g["h"]) if g.get("h") else (1 if g["hw"].lower() in ("first", "1st") else 2)
        return self._months(g, 6 * number - 5, 6)

    def _months(self, g, first: int, count: int):
        """`count` months from month `first` of the year the groups name (or the inferred one)."""
        year = self._year_or_inferred(g, first)
        if year is None:
            return None
        return datetime.date(year, first, 1), datetime.date(year, first + count - 1, 1), "month"

    def build_weekday_range(self, g):
        length = (WEEKDAYS[g["wd2"].lower()] - WEEKDAYS[g["wd1"].lower()]) % 7
        if g.get("which") and self.reference is not None:
            monday = self.reference - datetime.timedelta(days=self.reference.weekday())
            monday += datetime.timedelta(weeks=relative_offset(g["which"]))
            first = monday + datetime.timedelta(days=WEEKDAYS[g["wd1"].lower()])
            return first, first + datetime.timedelta(days=length), "day"
        start = self.build_weekday({"which": "on", "wd": g["wd1"]})
        if start is None:
            return None
        return start[0], start[0] + datetime.timedelta(days=length), "day"

    def build_weekday_pair(self, g):
        first, second = (day for key, day in sorted(g.items()) if key.startswith("wd") and day)
        return self.build_weekday_range({"wd1": first, "wd2": second})

    def build_weekday(self, g):
        if self.reference is None:
            return None
        which = " ".join((g.get("which") or "").lower().split())
        if not which and g.get("verb") is None and g.get("ahead") is None:
            return None  # a bare weekday name is too often part of a name ("Black Friday")
        if not which and g.get("ahead") is not None:
            which = "coming"  # "the summit opens Friday": this Friday, or today
        which = which or "on"  # "the talks were held Tuesday"
        target = WEEKDAYS[g["wd"].lower()]
        delta = (self.reference.weekday() - target) % 7
        if which in ("next", "coming") or (self.future and which in ("on", "this")):
            # "will be held on Thursday", written on a Thursday, is that day; "next Thursday" is not
            forward = (target - self.reference.weekday()) % 7 or (7 if which == "next" else 0)
            return self.reference + datetime.timedelta(days=forward), None, "day"
        if which == "last" and delta == 0:
            delta = 7
        return self.reference - datetime.timedelta(days=delta), None, "day"


def check_patterns() -> None:
    """Import-time checks of the pattern table: every pattern has what it needs declared and a builder."""
    names = [p.name for p in PATTERNS]
    duplicates = {name for name in names if names.count(name) > 1 and name not in MULTI_ROW_PATTERNS}
    missing_needs = set(names) - set(NEEDS)
    missing_builders = {name for name in names if not hasattr(Builder, f"build_{name}")}
    unknown_values = {p.name for p in PATTERNS if p.value not in DATE_VALUE_TYPES}
    unknown_optional = YEAR_OPTIONAL - set(names)
    problems = [
        f"{label}: {sorted(found)}"
        for label, found in (
            ("patterns without NEEDS", missing_needs),
            ("patterns without a Builder.build_<name>", missing_builders),
            ("patterns of an unknown value type", unknown_values),
            ("YEAR_OPTIONAL names no pattern", unknown_optional),
            ("pattern names repeated", duplicates),
        )
        if found
    ]
    if problems:
        raise ImportError("date pattern table: " + "; ".join(problems))


# The types of value a pattern reads (DateValue.type).
DATE_VALUE_TYPES = frozenset({"explicit", "range", "month", "year", "relative", "anaphoric", "numeric", "period"})
# Patterns written as several rows of alternatives under one name.
MULTI_ROW_PATTERNS = frozenset({"dmy_range"})


def find_dates(
    text: str,
    reference: datetime.date | None = None,
    start: int = 0,
    end: int | None = None,
    future: bool = False,
    antecedent: DateValue | None = None,
    antecedent_day: DateValue | None = None,
    antecedent_span: DateValue | None = None,
) -> list[DateValue]:
    """All date expressions of text[start:end], non-overlapping, in text order.

    `future` says the text speaks of what is to come, so a date without a year lies ahead.
    """
    end = len(text) if end is None else end
    present: set[str] = set()
    windows: list[list[int]] = []
    for anchor in ANCHOR.finditer(ascii_lower(text[start:end])):
        present.add(anchor.lastgroup)
        low, high = max(start, start + anchor.start() - ANCHOR_REACH), min(end, start + anchor.end() + ANCHOR_REACH)
        if windows and low <= windows[-1][1]:
            windows[-1][1] = high
        else:
            windows.append([low, high])
    if not windows:
        return []
    build = Builder(reference, future, antecedent, antecedent_day, antecedent_span)
    # (start, -length, priority, the value, or the match to build it from once it is chosen)
    candidates: list[tuple[int, int, int, DateValue | None, tuple[str, re.Match] | None]] = []
    for priority, (kind, pattern, needs) in enumerate(COMPILED):
        if not all(hint in present for hint in needs):
            continue
        for match in (m for low, high in windows for m in pattern.finditer(text, low, high)):
            if kind in ("month_year", "month_range", "mdy", "mdy_range") and not _month_is_date(text, match):
                continue
            # An impossible date ("31 February 2020") still claims its words, so that no shorter
            # reading ("February 2020") is made of them.
            if kind in WEEKDAY_KINDS:  # a weekday before it widens it: built now, to know its start
                value = build(kind, match)
                begin = value.text_start if value else match.start()
                candidates.append((begin, -(match.end() - begin), priority, value, None))
            else:  # built only if chosen: most overlapping readings are not
                candidates.append((match.start(), -(match.end() - match.start()), priority, None, (kind, match)))
    for value in named_dates(text, start, end) if HAS_DIGIT in present else ():
        candidates.append((value.text_start, -(value.text_end - value.text_start), -1, value, None))
    chosen: list[DateValue] = []
    # Longest first: a character once claimed is never claimed again. One mark per character
    # keeps the check proportional to the match's length, not to the number of matches kept.
    base = min((c[0] for c in candidates), default=start)  # a weekday before a date may precede `start`
    taken = bytearray(max((c[0] - c[1] for c in candidates), default=base) - base)
    for start_at, negative_length, _, value, pending in sorted(candidates, key=lambda c: (c[1], c[2], c[0])):
        low, high = start_at - base, start_at - negative_length - base
        if 1 in taken[low:high]:
            continue
        taken[low:high] = b"\x01" * (high - low)
        if pending is not None:
            value = build(*pending)
        if value is not None:
            chosen.append(value)
    chosen.sort(key=lambda v: v.text_start)
    chosen = in_context(restated(text, chosen), text)
    return [attach_time(text, value, end) for value in chosen]


# Between a relative day and the date that restates it: "the following day, on December 26",
# "yesterday (12 May)".
# (or with no comma, a span counted back: "seven years ago on 10 October, 2000")
RESTATING = re.compile(
    r"\s*(?:,|\(|-|\u2013|\u2014)\s*(?:on\s+|i\.\s*e\.\s*,?\s*|that\s+is,?\s+)?|(?<=\sago)\s+(?:on|in)\s+|"
    # "next week here from 16 to 19th of May": the days of the week named
    r"(?<=\sweek)\s+(?:here\s+|there\s+)?(?:from|on)\s+"
)


def restated(text: str, values: list[DateValue]) -> list[DateValue]:
    """A relative date followed at once by the written date it stands for is that date once:
    "the following day, on December 26", "a year earlier, on 4 July 2023"."""
    return [
        value
        for value, after in zip(values, [*values[1:], None], strict=False)
        if not (
            after is not None
            and value.type in ("anaphoric", "relative")
            and after.type in ("explicit", "numeric", "range")
            and after.precision == "day"
            and covers(value, after.start)
            and (after.end is None or covers(value, after.end))
            and RESTATING.fullmatch(text, value.text_end, after.text_start)
        )
    ]


def covers(value: DateValue, day: datetime.date) -> bool:
    """Whether a relative date may be restated by a written day: a year or month holding it, a span
    of days holding it, or a single day (which the written date says again: "the following day, on
    December 26")."""
    if value.precision == "year":
        return value.start.year <= day.year <= (value.end or value.start).year
    if value.precision == "month":
        last = value.end or value.start
        return (value.start.year, value.start.month) <= (day.year, day.month) <= (last.year, last.month)
    return value.end is None or value.start <= day <= value.end


def in_context(values: list[DateValue], text: str = "") -> list[DateValue]:
    """Dates read against the dates before them in the same sentence.

    "In 2023, meetings were held in Sochi (in June) and Bishkek (in October)": the months are
    2023's, and the year only introduced them. "On 5 May ... the day before": the 4th.
    """
    result: list[DateValue] = []
    introducers: set[int] = set()
    # The last year (or name) and the last day read so far, kept as the loop goes: looking back
    # through every earlier date for each one would grow with the square of their number.
    earlier_year: int | None = None
    earlier_day: DateValue | None = None
    for value in values:
        if not value.year_given and value.type != "relative" and earlier_year is not None:
            shift = result[earlier_year].start.year - value.start.year
            value = replace(
                value,
                start=shift_years(value.start, shift),
                end=shift_years(value.end, shift) if value.end else None,
                year_given=True,
            )
            if result[earlier_year].type == "year":
                introducers.add(earlier_year)  # the year only introduced the dates after it
        elif value.pattern == "years_later":
            # "formed in 1992 ... the following year": counted from the sentence's own year
            earlier = next((v for v in reversed(result) if v.type not in ("name", "period")), None)
            if earlier is not None:
                count = years_counted(YEARS_LATER.fullmatch(value.text).groupdict())
                value = replace(value, start=datetime.date(earlier.start.year + count, 1, 1))
                if earlier.precision == "day" and EXACTLY.search(text, max(0, value.text_start - 10), value.text_start):
                    # "On April 2, 1996, ... and exactly a year later": the same day of that year
                    value = replace(value, start=shift_years(earlier.start, count), precision="day")
        elif value.type == "anaphoric" and earlier_day is not None:
            value = replace(value, start=day_from(earlier_day, anaphora_offset(value.text)))
        result.append(value)
        deadline = (
            value.type == "year" and DEADLINE_BEFORE.search(text, max(0, value.text_start - 30), value.text_start)
        ) or (value.pattern == "rel_year" and PERIOD_YEAR.match(value.text))
        if (value.type in ("year", "name") or value.pattern == "rel_year") and not deadline:
            # "In 2023" and "last year" both give later dates their year; "until 2030" does not
            earlier_year = len(result) - 1
        if value.precision == "day" and value.type != "anaphoric":
            earlier_day = value
    result = [value for index, value in enumerate(result) if index not in introducers]
    names = {value.start.year for value in result if value.type == "name"}
    if len(names) == 1:
        # "In September, Kazakhstan will host the Interaction-2024 exercise": the name's September
        (year,) = names
        result = [
            replace(
                value,
                start=shift_years(value.start, year - value.start.year),
                end=shift_years(value.end, year - value.start.year) if value.end else None,
                year_given=True,
            )
            if not value.year_given and value.type != "relative"
            else value
            for value in result
        ]
    return result


PERIOD_YEAR = re.compile(r"(?i:the\s+(?:past|current)\b)")  # "in the past year": a review's span
EXACTLY = re.compile(r"(?i:\bexactly\s+$)")
# A year that bounds or names a period gives no later month its year: "until 2030", "the Plan for 2011".
DEADLINE_BEFORE = re.compile(
    r"(?i:\b(?:until|till|through|up\s+to|before|for)\s+(?:the\s+end\s+of\s+|the\s+year\s+)?$)"
)


def years_counted(groups: dict) -> int:
    """How many years "the following year", "two years later", "a year earlier" count."""
    if groups.get("following"):
        return 1
    word = groups["n"].lower()
    count = 1 if word in ("a", "an") else int(word) if word.isdigit() else NUMBER_WORDS[word]
    return -count if groups["dir"].lower() == "earlier" else count


def shift_years(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _month_is_date(text: str, match: re.Match) -> bool:
    """`May` alone is a verb more often than a month: require a year, a day or an introduction."""
    groups = match.groupdict()
    month = groups.get("m") or groups.get("m1") or ""
    if groups.get("y") or groups.get("ry") or groups.get("y1") or groups.get("d") or groups.get("d1"):
        return True
    if month.lower() != "may" and match.start() > 0 and text[match.start() - 1] in "-(":
        return True
    before = text[max(0, match.start() - 40) : match.start()]
    return bool(MONTH_INTRO.search(before)) or (month.lower() != "may" and before.rstrip().endswith((",", "and")))


def named_dates(text: str, start: int, end: int) -> Iterator[DateValue]:
    """Names that carry a year: exercises and operations ("Interaction-2023", "Combat Brotherhood 2020")."""
    previous_year = None
    for match in NAMED.finditer(text, start, end):
        words = re.split(r"[ -]", match["name"])
        while words and (words[0].lower() in NAME_STOP or month_like(words[0])):
            words.pop(0)
        if not words or any(w.lower() in NAME_STOP or month_like(w) for w in words):
            continue
        name_start = text.index(words[0], match.start())
        hyphenated = "-" in text[match.start("y") - 2 : match.start("y")]
        quoted = text[max(0, name_start - 1) : name_start] == '"' or text[match.end() : match.end() + 1] == '"'
        if not (hyphenated or quoted or len(words) >= 2 or named_as_exercise(text, name_start, match.end())):
            continue
        if len(words) >= 2 and not (hyphenated or quoted) and words[0] in ("CSTO", "CIS", "SCO", "UN"):
            continue
        year = int(match["y"])
        if GLOSS_BEFORE.search(text, max(start, name_start - 40), name_start) and previous_year == year:
            continue  # "Poisk-2017 (Search-2017)": the name again, in another language
        previous_year = year
        last = int(match["y2"]) if match["y2"] and int(match["y2"]) > year else None
        yield DateValue(
            datetime.date(year, 1, 1),
            datetime.date(last, 1, 1) if last else None,
            "year",
            name_start,
            match.end(),
            text[name_start : match.end()],
            "name",
            pattern="name",
        )


# A name's gloss in brackets right after it: "Poisk-2017 (Search-2017)", "Poisk-2017 ("Search-2017")".
GLOSS_BEFORE = re.compile(r"(?:19|20)\d\d\"?\s*\(\s*\"?$")


# A one-word name and its year ("Zapad 2025") say they are a name when an exercise noun or a
# naming word stands beside them: "the Zapad 2025 exercise", "drills Search 2025 and Echelon 2025".
EXERCISE_NOUN_AFTER = re.compile(
    r"(?:\s*(?:,|\s+and)\s+[A-Z][a-z]+\s+(?:19|20)\d\d)*\s+(?:(?:[a-z-]+\s+){0,2}?"
    r"(?:exercises?|drills?|trainings?|operations?|manoeuvres?|maneuvers?|games)\b|"
    # "Rubezh 2020 will be held": a name opening its sentence as what happens
    r"(?:will\s+be|was|is|were|are)\s+(?:held|conducted|carried\s+out)\b|(?:will\s+)?(?:took|take)\s+place\b)"
)
NAMING_BEFORE = re.compile(
    r"\b(?:exercises?|drills?|trainings?|operations?|manoeuvres?|maneuvers?|dubbed|code[- ]?named|called|named)"
    r"(?:\s+[A-Z][a-z]+\s+(?:19|20)\d\d\s*(?:,|and))*\s+(?:the\s+)?$"
)


def named_as_exercise(text: str, start: int, end: int) -> bool:
    return bool(EXERCISE_NOUN_AFTER.match(text, end) or NAMING_BEFORE.search(text, max(0, start - 80), start))


def month_like(word: str) -> bool:
    return word.lower().rstrip(".") in MONTHS or word.lower() in WEEKDAYS


def attach_time(text: str, value: DateValue, end: int) -> DateValue:
    """A stated time right after a day ("on 5 May at 10:00") is the event's start time."""
    if value.precision != "day":
        return value
    match = (
        TIME.match(text, value.text_end, min(end, value.text_end + 40))
        or TIME.search(text, value.text_end, min(end, value.text_end + 25))
        or TIME_BEFORE.search(text[max(0, value.text_start - 40) : value.text_start])
    )
    if not match:
        return value
    return replace(value, time=clock_time(match))


check_patterns()
