"""Tense, speech and reporting: whether a sentence tells what is to come, what was said, or today's news."""

import datetime
import re
from dataclasses import replace

from events.extraction.dates import shift_years
from events.extraction.filters import MOVED_VERB
from events.extraction.kinds import CROWD_SUBJECT, GENERIC, Trigger
from events.extraction.model import DateValue
from events.extraction.reading import Unit

FUTURE = re.compile(
    r"\b(?:will|shall|would|should\s+take\s+place|"
    r"(?:is|are)\s+(?:scheduled|planned|expected|due|going|to|set\s+to|slated|about\s+to|preparing\s+to|planning\s+to)|"
    r"(?:was|were)\s+to\s+be|(?:intends?|plans?|aims?)\s+to|(?:scheduled|slated|set|planned)\s+for|"
    r"(?:we|they|I)\s+(?:plan|intend|expect)|"  # "In autumn, we plan a series of exercises"
    # "agreed to hold an informal summit on December 26": a meeting still to come
    r"(?:agreed|agreeing|decided|deciding|resolved|invited|proposed|proposing|offered)\s+to\s+"
    r"(?:hold|host|convene|conduct|organi[sz]e|meet|visit|stage)|"
    r"look(?:s|ing)?\s+forward\s+to|"  # "we look forward to hosting a delegation in December"
    # "the initiative of the President to hold the Forum in December": proposed, so still to come
    r"(?:initiative|proposal|invitation|intention|readiness|offer)\b[^.;]{0,60}?\bto\s+(?:hold|host|convene|organi[sz]e|stage)|"
    r"provides?\s+for|envisages?|envisions?|foresees?|"
    r"upcoming|forthcoming|next|"
    # "Armenia may become a member on January 2, 2015" (the month May is capitalised)
    r"(?-i:may|might|could)\s+(?:be\s+held|become|take\s+place|join|host|sign|visit)|"
    r"to\s+be\s+held|later\s+this|postponed|rescheduled|put\s+off|"
    # "the summit to take place on 14 June", "SCO to convene summit on Thursday", "Astana to host"
    r"to\s+(?:take\s+place|convene|host)|"
    # "discussed the preparation of the summit in July": what is prepared lies ahead
    r"preparations?\s+(?:for|of)|"
    # "the issue of holding another meeting in Ashgabat on November 21"
    r"(?:issue|question|matter|possibility)\s+of\s+holding)\b",
    re.IGNORECASE,
)


# A headline's infinitive announces: "CIS prime ministers to meet in Ashgabat on May 22".
HEADLINE_FUTURE = re.compile(
    r"\bto\s+(?:meet|visit|attend|hold|sign|discuss|gather|open|begin|start|take\s+part|participate)\b", re.IGNORECASE
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


PAST_VERB = re.compile(
    r"\b(?:was|were|had|took|gave|met|held|began|spoke|said|told|made|went|came|ended|arrived|left|paid|sent|led|saw|won)\b"
    r"|\b[a-z]{3,}ed\b(?!\s+(?:by|for)\b)"
)


CLAUSE_EDGE = re.compile(r"[,;:()]|\b(?:which|who|that|where|while|and)\b")


def clause_of(plain: str, date: DateValue, unit: Unit) -> tuple[int, int, re.Match | None]:
    """The bounds of the clause that holds a date, and the edge that closes it (None at the end)."""
    edges = [m.end() for m in CLAUSE_EDGE.finditer(plain, unit.start, date.text_start)]
    after = CLAUSE_EDGE.search(plain, date.text_end, unit.end)
    return (edges[-1] if edges else unit.start), (after.start() if after else unit.end), after


def told_in_past(plain: str, date: DateValue, unit: Unit) -> bool:
    """Whether the clause holding a date has a past verb and no future one.

    A date that opens its sentence ("On June 15, the Secretary General met ...") dates the clause
    after its comma.
    """
    start, end, after = clause_of(plain, date, unit)
    if after is not None and after.group() == "," and len(plain[unit.start : date.text_start].split()) <= 2:
        following = CLAUSE_EDGE.search(plain, after.end(), unit.end)
        end = following.start() if following else unit.end
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


def reports_today(plain: str, unit: Unit) -> bool:
    """A headline in the present tense, of the day's news: "President Receives the Secretary General"
    (not "Putin to visit Minsk", nor "will visit")."""
    verb = PRESENT_HEADLINE.search(plain, unit.start, unit.end)
    return (
        verb is not None
        and not FUTURE.search(plain, unit.start, unit.end)
        and not TO_BEFORE.search(plain, max(unit.start, verb.start() - 4), verb.start())
    )


TO_BEFORE = re.compile(r"\bto\s+$", re.IGNORECASE)


# Told as going on now: "is currently holding its summit", "the talks are taking place".
GOING_ON = re.compile(
    r"\b(?:currently|(?:is|are)\s+(?:now\s+)?(?:being\s+held|taking\s+place|under\s+way|underway|holding|hosting))\b",
    re.IGNORECASE,
)


# What is under way, said of a happening itself: "is currently taking place in Astana, where the upcoming ..."
UNDER_WAY = re.compile(r"(?i:\b(?:being\s+held|taking\s+place|under\s*way)\b)")


def reports_news_of_the_day(plain: str, unit: Unit, triggers: list[Trigger]) -> bool:
    """An undated headline, an undated lead told in the past, or a sentence telling what is going
    on now, reports the publication day's news."""
    if not any(t.kind != GENERIC for t in triggers):
        return False
    return (
        unit.header
        or (
            unit.lead
            and bool(PAST_OR_PRESENT_PERFECT.search(plain, unit.start, unit.end))
            and not FUTURE.search(plain, unit.start, unit.end)  # "is expected before the end of the year"
        )
        # but not a sentence about what is to come: "will take part in the summits as head of the
        # country currently holding the presidency"
        or (
            bool(GOING_ON.search(plain, unit.start, unit.end))
            and (not FUTURE.search(plain, unit.start, unit.end) or UNDER_WAY.search(plain, unit.start, unit.end))
        )
    )


# A verb of doing in the past or future tense: "informed", "will arrive", "accused". Not a state
# ("has been complicated"), not a participle after a noun ("forces deployed in").
ACTION = re.compile(
    r"(?<!\bbeen )(?<!\bbe )(?<!\bis )(?<!\bare )(?<!\bbecome )(?<!\bbecame )"
    r"\b(?:will\s+(?P<future>[a-z]{3,})|(?P<past>[a-z]{3,}ed))\b(?!\s+(?:by|with|as)\b)"
)
# "is almost completed", "are fully implemented": a state, not a happening (nor a trigger's).
STATE_BEFORE = re.compile(r"(?i:\b(?:is|are)\s+(?:almost|nearly|fully|practically|largely|mostly)\s+$)")
NOT_ACTIONS = frozenset(
    "need indeed united limited based related interested concerned aimed devoted dedicated called named "
    "detailed advanced experienced armed skilled required expected planned scheduled continue "
    # figures that change are statistics, not happenings: "inflation slowed to 6.1 percent in June"
    "increased decreased slowed accelerated amounted totaled totalled reached exceeded doubled tripled "
    "declined dropped rose grew fell continued persisted remained improved stabilized stabilised recovered".split()
)


def action_verb(plain: str, date: DateValue, unit: Unit) -> Trigger | None:
    """The verb of doing in the clause that holds a date, as an `other` trigger, or None."""
    start, end, after = clause_of(plain, date, unit)
    regions = [(start, end)]
    if after and after.group() == "," and len(plain[unit.start : date.text_start].split()) <= 2:
        # "On July 26, the Service accused ...": a date opening the sentence dates its main clause.
        following = CLAUSE_EDGE.search(plain, after.end(), unit.end)
        regions.append((after.end(), following.start() if following else unit.end))
    for low, high in regions:
        for match in ACTION.finditer(plain, low, high):
            word = match["future"] or match["past"]
            if CROWD_SUBJECT.search(plain, max(low, match.start() - 50), match.start()):
                continue  # "850 refugees arrived in October": a figure, not a happening
            if STATE_BEFORE.search(plain, max(low, match.start() - 25), match.start()):
                continue  # "is almost completed": a state, not a happening
            if word.lower() not in NOT_ACTIONS and not match.group()[0].isupper():
                return Trigger("other", match.start(), match.end(), match.group())
    return None


# "invited to visit", "agreed to hold": what the clause dates may be still to come.
INFINITIVE = re.compile(r"\bto\s+(?:be\s+)?(?!(?:the|a|an|its|their|his|her|this|that|these|those)\b)[a-z]+\b")
# "has been moved to 10 June": a new date, which may lie ahead.
MOVED = re.compile(rf"{MOVED_VERB}\b", re.IGNORECASE)


# How many days before the publication a speech the release quotes may have been made: the
# narrative's last day, within this, is the day its "today" means.
SPEECH_LAG = 3
QUOTES = re.compile(r"[\"\u201c\u201d]")


def spoken_on(plain: str, date: DateValue, unit: Unit, published: datetime.date, last_day: DateValue) -> DateValue:
    """A relative day inside quotation marks counts from the day the speech was made, when the
    narrative has just named it ("began on Friday ... said: 'will be discussed today'")."""
    lag = (published - last_day.start).days
    if date.pattern != "rel_day" or not 0 < lag <= SPEECH_LAG or last_day.end is not None:
        return date
    if len(QUOTES.findall(plain, unit.start, date.text_start)) % 2 == 0:
        return date  # not inside a quotation
    shift = datetime.timedelta(days=lag)
    return replace(date, start=date.start - shift)


def ahead_of_its_telling(plain: str, date: DateValue, unit: Unit, published: datetime.date) -> bool:
    """A day or month without its year that falls after the publication, in a clause told in the
    past (and not in one about what someone was invited or agreed to do, or about a new date)."""
    return (
        not date.year_given
        and (date.precision == "day" or (date.precision == "month" and date.end is None))
        and date.type not in ("relative", "anaphoric", "name", "published")
        and date.start > published
        and not INFINITIVE.search(plain, unit.start, date.text_start)
        and not MOVED.search(plain, unit.start, date.text_start)
        and told_in_past(plain, date, unit)
    )


def earlier_year(date: DateValue) -> DateValue:
    end = shift_years(date.end, -1) if date.end else None
    return replace(date, start=shift_years(date.start, -1), end=end)
