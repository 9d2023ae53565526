"""The kind lexicon: words of news prose that name a happening, and the kind each one signals.

A trigger is a word or phrase that says something happened (or will): "consultations were held",
"visited", "adopted a Statement". Generic verbs ("was held", "took place") make a sentence an event
but take their kind from the nearest noun that names one.
"""

import re
from dataclasses import dataclass

GENERIC = "generic"

# (kind, pattern). Longer phrases come first so that "press conference" is a briefing, not a conference.
LEXICON: list[tuple[str, str]] = [
    (
        "anniversary",
        r"\b(?:is|was|turns|turned|has\s+turned|marks?|marked|celebrat\w+)\s+(?:its\s+|their\s+)?\d{1,3}(?:st|nd|rd|th)?\s+(?:years?\s+old|anniversary)",
    ),
    (
        "anniversary",
        r"\b\d{1,3}\s+years?\s+(?:old|ago|since\s+(?:the\s+)?(?:establishment|foundation|creation|signing|formation))",
    ),
    ("anniversary", r"\b(?:\d{1,3}(?:st|nd|rd|th)|\w+(?:tieth|teenth|th|st|nd|rd))\s+anniversary"),
    ("anniversary", r"\banniversar(?:y|ies)\b|\bjubilee\b"),
    ("anniversary", r"\bday\s+of\s+(?:the\s+)?(?:establishment|foundation|formation|creation)\b"),
    (
        "briefing",
        r"\bpress[- ]conferences?\b|\bpress\s+(?:briefings?|approach(?:es)?|statements?)\b|\bnews\s+conferences?\b",
    ),
    (
        "briefing",
        r"\bbriefings?\b|\bbriefed\b|\binterviews?\b|\bgave\s+an\s+interview\b|\bspoke\s+to\s+(?:journalists|reporters|the\s+press)\b",
    ),
    ("consultation", r"\bconsultations?\b|\bconsulted\b|\bconsultative\s+meetings?\b"),
    ("exercise", r"\b(?:exercises?|drills?|manoeuvres?|maneuvers?|war\s+games|trainings)\b"),
    (
        "exercise",
        r"\b(?:command[- ]and[- ]staff|command[- ]staff|command|staff|joint|combat|tactical|military|special|field|practical|operational|mobilization|peacekeeping|anti-terrorist)(?:\s+and\s+\w+)?\s+training\b(?!\s+(?:of|for)\s+(?:personnel|officers|specialists|staff))",
    ),
    ("exercise", r"\btraining\s+(?:sessions?|camps?|events?|exercises?|activities)\b"),
    (
        "conference",
        r"\b(?:conferences?|seminars?|symposi(?:um|a)|forums?|workshops?|webinars?|round[- ]tables?|congress|lectures?|graduations?|graduated|master[- ]class(?:es)?)\b",
    ),
    (
        "conference",
        r"\b(?:training|refresher|advanced|qualification|professional|retraining|educational)\s+courses?\b|\bcourses?\s+(?:for|on)\b",
    ),
    ("visit", r"\b(?:visit(?:s|ed|ing)?|arrived|trip|toured|tour)\b"),
    (
        "meeting",
        r"\b(?:meetings?(?!\s+(?:the|these|its|their|all|any|our|those)\b)|met|meet(?:s)?\s+with|sessions?|summits?|talks|negotiations|videoconferenc\w+|video\s+conferenc\w+|sittings?|plenary)\b",
    ),
    (
        "decision",
        r"\b(?:decided|decisions?|adopted|adoption|adopt|signed|signing|ratified|ratification|approved|approval|statements?|declarations?|resolutions?|agreed\s+(?:on|to|upon)|entered\s+into\s+force|endorsed)\b",
    ),
    ("decision", r"\bdecided\s+to\s+(?:create|establish|form|set\s+up)\b"),
    ("other", r"\b(?:was|were|has\s+been|have\s+been)\s+(?:established|founded|created|formed|set\s+up)\b"),
    (
        "other",
        r"\b(?:took\s+office|assumed\s+(?:office|the\s+post|duties)|appointed|elected|appointment|inaugurat\w+)\b",
    ),
    (
        "other",
        r"\b(?:operations?|peace-?keeping\s+(?:forces|mission|operation|contingent)|missions?|deployed|deployment|assistance|handed\s+over|delivered|launched|withdrawal|evacuat\w+|humanitarian)\b",
    ),
    (
        GENERIC,
        r"\b(?:(?:was|were|will\s+be|is|are|has\s+been|have\s+been)\s+(?:held|organi[sz]ed|conducted|carried\s+out|hosted|opened|launched|completed)|took\s+place|take\s+place|will\s+(?:hold|host|conduct)|held|hosted|conducted|opened|began|started|ended|completed)\b",
    ),
]
COMPILED = [(kind, re.compile(pattern, re.IGNORECASE)) for kind, pattern in LEXICON]

# Kinds that say most about a happening win a tie between two triggers at the same distance.
KIND_STRENGTH = {
    "anniversary": 9,
    "consultation": 8,
    "briefing": 8,
    "exercise": 7,
    "visit": 6,
    "conference": 6,
    "meeting": 5,
    "decision": 4,
    "other": 3,
    GENERIC: 0,
}


@dataclass(frozen=True)
class Trigger:
    kind: str
    start: int
    end: int
    text: str


def find_triggers(text: str, start: int = 0, end: int | None = None) -> list[Trigger]:
    """Non-overlapping triggers in text[start:end], in text order; earlier lexicon rows win overlaps."""
    end = len(text) if end is None else end
    found: list[Trigger] = []
    for kind, pattern in COMPILED:
        for match in pattern.finditer(text, start, end):
            if any(match.start() < t.end and t.start < match.end() for t in found):
                continue
            found.append(Trigger(kind, match.start(), match.end(), match.group(0)))
    found.sort(key=lambda t: t.start)
    return found


def kind_near(triggers: list[Trigger], position: int) -> str | None:
    """The kind of the nearest trigger that names one (not a generic verb)."""
    named = [t for t in triggers if t.kind != GENERIC]
    if not named:
        return None
    best = min(named, key=lambda t: (distance(t, position), -KIND_STRENGTH[t.kind]))
    return best.kind


def distance(trigger: Trigger, position: int) -> int:
    if trigger.start <= position < trigger.end:
        return 0
    return min(abs(trigger.start - position), abs(trigger.end - position))
