"""The kind lexicon: words of news prose that name a happening, and the kind each one signals.

A trigger is a word or phrase that says something happened (or will): "consultations were held",
"visited", "adopted a Statement". Generic verbs ("was held", "took place") make a sentence an event
but take their kind from the nearest noun that names one.
"""

import re
from dataclasses import dataclass

from events.extraction.text import ascii_lower

GENERIC = "generic"

# (kind, pattern). Longer phrases come first so that "press conference" is a briefing, not a conference.
LEXICON: list[tuple[str, str]] = [
    # A ceremony held for an anniversary is the anniversary's event (ANNOTATION.md section 1)
    (
        "anniversary",
        r"\b(?:ceremon(?:y|ies)|celebrations?|festivities|gala\s+\w+|solemn\s+\w+)\s+(?:marking|dedicated\s+to|"
        r"devoted\s+to|on\s+the\s+occasion\s+of|in\s+honou?r\s+of|to\s+(?:mark|celebrate)|commemorating|celebrating)\s+"
        r"(?:the\s+|its\s+)?(?:[\w-]+\s+){0,2}?anniversary\b",
    ),
    (
        "anniversary",
        r"\b(?:is|was|turns|turned|has\s+turned|marks?|marked|celebrat\w+)\s+(?:its\s+|their\s+)?\d{1,3}(?:st|nd|rd|th)?\s+(?:years?\s+old|anniversary)",
    ),
    (
        "anniversary",
        r"\b\d{1,3}\s+years?\s+(?:old|ago|since\s+(?:the\s+)?(?:establishment|foundation|creation|signing|formation))",
    ),
    ("anniversary", r"\b(?:\d{1,3}(?:st|nd|rd|th)|\w+(?:tieth|teenth|th|st|nd|rd))\s+anniversary"),
    # "an anniversary session", "jubilee events": the anniversary only qualifies another happening
    (
        "anniversary",
        r"\b(?:anniversar(?:y|ies)|jubilee)\b(?!\s+(?:session|meeting|summit|conference|events?|celebrations?|"
        r"exhibitions?|concerts?|forum|parade|ceremony|medals?|plans?|programmes?))",
    ),
    ("anniversary", r"\bday\s+of\s+(?:the\s+)?(?:establishment|foundation|formation|creation)\b"),
    # a day a country keeps: "Russia celebrates the Day of the Unknown Soldier"
    ("anniversary", r"\bcelebrat(?:es|ed|e|ing)\s+(?:the\s+)?(?:\w+\s+){0,3}?day\b"),
    (
        "briefing",
        r"\bpress[- ]conferences?\b|\bpress\s+(?:briefings?|approach(?:es)?|statements?)\b|\bnews\s+conferences?\b",
    ),
    (
        "briefing",
        r"\bbriefings?\b|\bbriefed\b|\binterviews?\b|\bremarks\s+and\s+answers\b|\banswers\s+to\s+(?:media\s+)?questions\b|\b(?:in|to)\s+(?:the\s+)?(?:[\w-]+\s+)?(?:newspaper|magazine)\b|\bgave\s+an\s+interview\b|\bspoke\s+to\s+(?:journalists|reporters|the\s+press)\b",
    ),
    (
        "consultation",
        r"\bconsultations?\b|\bconsulted\b|\bconsultative\s+meetings?\b|\bstaff\s+(?:talks|negotiations)\b",
    ),
    ("exercise", r"\b(?:exercises?|drills?|manoeuvres?|maneuvers?|war\s+games|trainings)\b"),
    (
        "exercise",
        r"\b(?:command[- ]and[- ]staff|command[- ]staff|command|staff|joint|combat|tactical|military|special|field|practical|operational|mobilization|peacekeeping|anti-terrorist)(?:\s+and\s+\w+)?\s+training\b(?!\s+(?:of|for)\s+(?:personnel|officers|specialists|staff))",
    ),
    ("exercise", r"\btraining\s+(?:sessions?|camps?|events?|exercises?|activities)\b"),
    # the training of a force is an exercise; the training of officers is a course
    (
        "exercise",
        r"\btraining\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:forces|troops|units|contingents?|peacekeepers|"
        r"battalions?|brigades?|formations|subdivisions|crews)\b",
    ),
    # the training a year-named exercise is: 'the "Interaction-2022" training'
    ("exercise", r"\b(?:19|20)\d\d\"?\s+(?:command[- ]staff\s+|staff\s+|joint\s+)?trainings?\b"),
    (
        "conference",
        r"\b(?:conferences?|seminars?|symposi(?:um|a)|forums?|workshops?|webinars?|round[- ]tables?|congress|lectures?|graduations?|graduated|master[- ]class(?:es)?)\b",
    ),
    (
        "conference",
        r"\b(?:training|refresher|advanced|qualification|professional|retraining|educational)\s+courses?\b|\bcourses?\s+(?:for|on)\b",
    ),
    ("visit", r"\b(?:visit(?:s|ed|ing)?|arrived|landed|trip|toured|tour)\b"),
    # a course of study, not "in the course of" or "of course"
    ("conference", r"(?<!in the )(?<!\bof )\bcourses?\b(?!\s+of\b)"),
    (
        "meeting",
        r"\b(?:meetings?(?!\s+(?:the|these|its|their|all|any|our|those)\b)|met|conven(?:ed|es|e|ing)|meet(?:s)?\s+with|meets\s+(?:in|at|on)|(?:will|to)\s+meet|(?:tele)?phone\s+(?:conversations?|calls?|talks)|video\s+calls?|sessions?|summits?|talks|negotiations|videoconferenc\w+|video\s+conferenc\w+|sittings?|plenary)\b",
    ),
    # Receiving someone is meeting them: "Putin receives the CSTO Secretary General"
    (
        "meeting",
        r"\breceiv(?:es|ed|ing)\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,3}?(?:delegations?|heads?|secretary|ministers?|"
        r"ambassadors?|president|chairman|chief|commander|participants|members)\b",
    ),
    # Discussing is meeting: "the working group discussed the preparation of ..."
    ("meeting", r"\b(?:discussed|held\s+talks|exchanged\s+views)\b"),
    (
        "decision",
        r"\b(?:decided|decisions?|declared?|declares|adopted|adoption|adopt|signed|signing|ratified|ratification|approved|approval|statements?|declarations?|resolutions?|decrees?|granted|conferred|agreed\s+(?:on|to|upon)|endorsed)\b",
    ),
    # A greeting or an address is a statement: a `decision` (ANNOTATION.md section 3)
    ("decision", r"\b(?:congratulat(?:ed|es|ions?|ory)|greetings?|sent\s+(?:a\s+)?(?:message|telegram))\b"),
    # ANNOTATION.md section 3: an entry into force is `other`, not the decision that made it
    (
        "other",
        r"\b(?:entered|enters|enter|entering|will\s+enter|came|comes|come)\s+into\s+(?:force|effect)\b",
    ),
    ("decision", r"\bdecided\s+to\s+(?:create|establish|form|set\s+up)\b"),
    # Founding a body is a happening of its own (ANNOTATION.md: foundings are `other`); framed as a
    # decision ("decided to create") it is the decision above.
    (
        "other",
        r"\b(?:(?:was|were|has\s+been|have\s+been)\s+(?:\w+ly\s+)?(?:established|founded|created|formed|set\s+up)|established|founded|formed|created)\b",
    ),
    # Membership and office: joining, leaving, suspending, returning, taking over a chair.
    (
        "other",
        r"\b(?:joined|(?:was|were)\s+(?:accepted|admitted)|acceded|accession|suspended|withdrew|returned\s+to|rejoined|resumed|took\s+over)\b",
    ),
    # Public happenings the kinds above do not name.
    (
        "other",
        r"\b(?:exhibitions?|expos?|ceremon(?:y|ies)|parades?|competitions?|contests?|festivals?|concerts?|marathons?|relays?)\b",
    ),
    ("other", r"\btook\s+up\s+(?:his|her|their)\s+(?:duties|post|office)\b"),
    (
        "other",
        r"\bbec(?:ame|omes)\s+(?:the\s+|a\s+|an\s+)?(?:(?:new|first|acting|full|full-fledged|permanent|associate)\s+)?"
        r"(?:secretary|chair\w*|head|president|member|"
        r"director|commander|chief|observer|partner)\b",
    ),
    (
        "other",
        r"\b(?:took\s+office|assumed\s+(?:office|the\s+post|duties)|appointed|elected|appointment|inaugurat\w+)\b",
    ),
    (
        "other",
        r"\b(?:operations?|peace-?keeping\s+(?:forces|mission|operation|contingent)|missions?|deployed|deployment|assistance|handed\s+over|delivered|launched|withdrawal|evacuat\w+|humanitarian|monitored|monitoring|observers|observer\s+mission|"
        r"observation\s+mission|operated|functioned|on\s+duty|admitted|enrolled|awarded|honou?red|"
        r"laid\s+(?:flowers|a\s+wreath|wreaths)|deliver(?:y|ies))\b",
    ),
    (
        GENERIC,
        r"\b(?:(?:was|were|will\s+be|is|are|has\s+been|have\s+been)\s+(?:held|organi[sz]ed|conducted|carried\s+out|hosted|opened|launched|completed)|took\s+place|take\s+place|will\s+(?:hold|host|conduct)|held|hosted|conducted|opened|began|started|ended|completed)\b",
    ),
]
KINDS = frozenset(
    {"meeting", "consultation", "exercise", "anniversary", "visit", "briefing", "decision", "conference", "other"}
)


def check_lexicon(lexicon: list[tuple[str, str]]) -> None:
    """Import-time check: every row names a kind of ANNOTATION.md section 3 (or the generic verb)
    and compiles on its own."""
    for kind, pattern in lexicon:
        if kind not in KINDS | {GENERIC}:
            raise ImportError(f"kind lexicon: unknown kind {kind!r} for {pattern[:40]!r}")
        re.compile(pattern)


check_lexicon(LEXICON)

# One pass over a sentence: the alternatives in lexicon order, so at any position the earlier row wins.
# Matched against ASCII-lowercased text: twice as fast as IGNORECASE, and offsets stay the same.
# Every alternative starts a word: testing that once per position, before trying each of them,
# makes the scan four times faster.
COMBINED = re.compile(
    r"\b(?=[a-z0-9])(?:" + "|".join(f"(?P<k{index}>{pattern})" for index, (_, pattern) in enumerate(LEXICON)) + ")"
)
KIND_OF_GROUP = {f"k{index}": kind for index, (kind, _) in enumerate(LEXICON)}

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
    """Non-overlapping triggers in text[start:end], in text order."""
    end = len(text) if end is None else end
    lowered = ascii_lower(text[start:end])
    found = (
        Trigger(
            KIND_OF_GROUP[match.lastgroup],
            start + match.start(),
            start + match.end(),
            text[start + match.start() : start + match.end()],
        )
        for match in COMBINED.finditer(lowered)
    )
    return [t for t in found if not names_no_happening(text, start, t)]


# "the Plan of joint training", "the schedule of exercises": a document about happenings.
DOCUMENT_OF = re.compile(
    r"\b(?:plans?|programmes?|programs?|schedules?|calendars?|lists?|concepts?|drafts?|regulations?|procedures?)"
    r"\s+(?:of|for|on)\s+(?:the\s+)?(?:(?!(?:was|were|is|are|has|have|had|will|would)\b)\w+\s+){0,3}$",
    re.IGNORECASE,
)
# "120 press releases and 40 interviews", "more than 200 exercises": a count, not a happening.
COUNTED = re.compile(
    r"(?:(?<![\d.:/-])\b(?:\d{1,3}(?:,\d{3})+|\d{1,3})(?![\d.:/-])|\b(?:two|three|four|five|six|seven|eight|nine|"
    r"ten|eleven|twelve|dozens?|hundreds?|several|numerous)(?:\s+of)?)\s+(?:(?!(?:was|were|is|are|has|have|had|been|will)\b)[a-z][\w-]*\s+){0,3}$"
)


# The noun that ends an institution's or a place's name.
INSTITUTION_AFTER = re.compile(
    r"(?:\s+[A-Z][\w-]*){0,2}\s+(?:Center|Centre|Academy|University|Institute|College|School|Ground|Range|Forces|"
    r"Council|Committee|Headquarters|Group|Department|Service|Ministry|Agency|Secretariat|Assembly|Commission|"
    r"Office|Command|Board|Hall|Palace|House|Museum|Park)\b"
)


def names_no_happening(text: str, start: int, trigger: Trigger) -> bool:
    """Triggers that are part of a name, a document's title or a count."""
    if trigger.kind in (GENERIC, "anniversary"):
        return False
    if trigger.kind == "other" and trigger.text[:1].isupper() and trigger.start > start:
        return True  # "the Collective Rapid Deployment Forces": a proper name, not a deployment
    if trigger.text[:1].isupper() and trigger.start > start and INSTITUTION_AFTER.match(text, trigger.end):
        return True  # "the 333rd Combat Training Center": a place's name, not a training
    before = text[max(start, trigger.start - 50) : trigger.start]
    return bool(DOCUMENT_OF.search(before) or COUNTED.search(before))


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
