"""The kind lexicon: words of news prose that name a happening, and the kind each one signals.

A trigger is a word or phrase that says something happened (or will): "consultations were held",
"visited", "adopted a Statement". Generic verbs ("was held", "took place") make a sentence an event
but take their kind from the nearest noun that names one.
"""

import re
from dataclasses import dataclass
from itertools import groupby

from events.extraction.text import ascii_lower

GENERIC = "generic"

# A course steered, not studied: "charted the course for the organisation", "its political course".
POLICY_COURSE = "".join(
    f"(?<!{words} )"
    for words in ("charted the", "chart the", "set the", "setting the", "determined the", "defined the", "outlined the")
) + "".join(f"(?<!{word} )" for word in ("political", "strategic", "policy", "steady", "consistent", "economic"))

# A founding framed as a decision (ANNOTATION.md section 3): "decided to transform the mechanisms".
FOUNDING = r"decided\s+to\s+(?:create|establish|form|set\s+up|transform|found)\b"

# (kind, pattern): one word or phrase per row, its inflections written as a regex; every row starts a
# word. Longer phrases come first so that "press conference" is a briefing, not a conference.
LEXICON: list[tuple[str, str]] = [
    # A ceremony held for an anniversary is the anniversary's event (ANNOTATION.md section 1)
    (
        "anniversary",
        r"(?:ceremon(?:y|ies)|celebrations?|festivities|receptions?|concerts?|(?:gala|solemn|festive|celebratory)\s+\w+)\s+"
        r"(?:marking|dedicated\s+to|devoted\s+to|on\s+the\s+occasion\s+of|in\s+honou?r\s+of|to\s+(?:mark|celebrate)|"
        r"commemorating|celebrating)\s+(?:the\s+|its\s+)?(?:[\w-]+\s+){0,2}?anniversary\b",
    ),
    (
        "anniversary",
        r"(?:is|was|turns|turned|has\s+turned|marks?|marked|celebrat\w+)\s+(?:its\s+|their\s+)?\d{1,3}(?:st|nd|rd|th)?\s+"
        r"(?:years?\s+old|anniversary|years\s+since)",
    ),
    # a headline counting the years of what it marks: "Ten years of the Treaty on the Union"
    (
        "anniversary",
        r"(?<![^\n])(?:\d{1,3}|five|ten|fifteen|twenty|twenty-five|thirty|forty|fifty|sixty|seventy|seventy-five|"
        r"eighty|ninety|one\s+hundred)\s+years\s+(?:of|since)\b",
    ),
    (
        "anniversary",
        r"\d{1,3}\s+years?\s+(?:old|ago|since\s+(?:the\s+)?(?:establishment|foundation|creation|signing|formation))",
    ),
    ("anniversary", r"(?:\d{1,3}(?:st|nd|rd|th)|\w+(?:tieth|teenth|th|st|nd|rd))\s+anniversary"),
    # "an anniversary session", "jubilee events": the anniversary only qualifies another happening
    (
        "anniversary",
        r"anniversar(?:y|ies)\b(?!\s+(?:session|meeting|summit|conference|events?|celebrations?|exhibitions?|concerts?|forum|parade|ceremony|medals?|plans?|programmes?))",
    ),
    (
        "anniversary",
        r"jubilee\b(?!\s+(?:session|meeting|summit|conference|events?|celebrations?|exhibitions?|concerts?|forum|parade|ceremony|medals?|plans?|programmes?))",
    ),
    ("anniversary", r"day\s+of\s+(?:the\s+)?(?:establishment|foundation|formation|creation)\b"),
    # a day kept every year: "the Day of Collective Security, celebrated annually on May 15"
    ("anniversary", r"(?:(?:is|are)\s+)?celebrated\s+(?:annually|every\s+year|each\s+year)\b"),
    # a day a country keeps: "Russia celebrates the Day of the Unknown Soldier"
    ("anniversary", r"celebrat(?:es|ed|e|ing)\s+(?:the\s+)?(?:\w+\s+){0,3}?day\b"),
    ("briefing", r"press[- ]conferences?\b"),
    ("briefing", r"press\s+(?:briefings?|approach(?:es)?|statements?)\b"),
    ("briefing", r"news\s+conferences?\b"),
    ("briefing", r"briefings?\b"),
    # answers to the media are a briefing (ANNOTATION.md section 3): "answered questions from Sputnik"
    ("briefing", r"answer(?:ed|s|ing)?\s+(?:to\s+)?(?:the\s+)?(?:\w+\s+)?questions\b"),
    ("briefing", r"remarks\s+and\s+answers\b"),  # a transcript's "remarks and answers to media questions"
    # "briefed journalists", "briefed on the results"; not "briefed the President on": a report to someone
    (
        "briefing",
        r"briefed\b(?!\s+(?:the\s+|his\s+|her\s+)?(?:[\w-]+\s+){0,2}?(?:president|prime|minister|chairman|head|secretary|speaker|king|emir|"
        r"sultan|him|her|them|participants|members|colleagues|leadership|delegation|partners?|counterparts?|ambassadors?|"
        r"heads)\b)",
    ),
    ("briefing", r"interviews?\b"),
    ("briefing", r"answers\s+to\s+(?:media\s+)?questions\b"),
    ("briefing", r"(?:in|to)\s+(?:the\s+)?(?:[\w-]+\s+)?(?:newspaper|magazine)\b"),
    ("briefing", r"gave\s+an\s+interview\b"),
    ("briefing", r"spoke\s+to\s+(?:journalists|reporters|the\s+press)\b"),
    # "at the meeting with Russian journalists": an address to the media (ANNOTATION.md section 1)
    (
        "briefing",
        r"meetings?\s+with\s+(?:the\s+)?(?:[\w-]+\s+)?(?:journalists|reporters|media|press|correspondents)\b"
        r"(?!\s+(?:secretar|service|officer|office|center|centre|department|attach))",
    ),
    ("consultation", r"consultations?\b"),
    ("consultation", r"consulted\b"),
    ("consultation", r"consultative\s+meetings?\b"),
    ("consultation", r"staff\s+(?:talks|negotiations)\b"),
    ("exercise", r"exercises?\b"),
    ("exercise", r"drills?\b"),
    ("exercise", r"manoeuvres?\b"),
    ("exercise", r"maneuvers?\b"),
    ("exercise", r"war\s+games\b"),
    ("exercise", r"trainings\b"),
    (
        "exercise",
        r"(?:command[- ]and[- ]staff|command[- ]staff|command|staff|joint|combat|tactical|military|special|field|practical|operational|mobilization|peacekeeping|anti-terrorist)(?:\s+and\s+\w+)?\s+training\b(?!\s+(?:of|for)\s+(?:personnel|officers|specialists|staff))",
    ),
    ("exercise", r"training\s+(?:sessions?|camps?|events?|exercises?|activities)\b"),
    # the training of a force is an exercise; the training of officers is a course
    (
        "exercise",
        r"training\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:forces|troops|units|contingents?|peacekeepers|battalions?|brigades?|formations|subdivisions|crews)\b",
    ),
    # the training a year-named exercise is: 'the "Interaction-2022" training'
    ("exercise", r"(?:19|20)\d\d\"?\s+(?:command[- ]staff\s+|staff\s+|joint\s+)?trainings?\b"),
    # "an educational and methodological gathering for commanders": a course
    (
        "conference",
        r"(?:educational|methodological|instructional)(?:[- ]and[- ]\w+)?\s+(?:gatherings?|assembl(?:y|ies)|camps?)\b",
    ),
    ("conference", r"conferences?\b"),
    ("conference", r"seminars?\b"),
    ("conference", r"symposi(?:um|a)\b"),
    ("conference", r"workshops?\b"),
    ("conference", r"webinars?\b"),
    ("conference", r"round[- ]tables?\b"),
    ("conference", r"congress\b"),
    ("conference", r"lectures?\b"),
    ("conference", r"graduations?\b"),
    ("conference", r"graduated\b"),
    ("conference", r"master[- ]class(?:es)?\b"),
    ("conference", r"(?:training|refresher|advanced|qualification|professional|retraining|educational)\s+courses?\b"),
    ("conference", POLICY_COURSE + r"courses?\s+(?:for|on)\b"),
    ("visit", r"visit(?:s|ed|ing)?\b"),
    ("visit", r"arrived\b"),
    ("visit", r"arrives?\b"),  # a headline's present: "Observers arrive in Tashkent"
    ("visit", r"touch(?:ed|es)\s+down\b"),  # "Putin touched down in Tianjin on Sunday"
    ("visit", r"(?:left|leaves|departed|departs)\s+for\b"),  # "The Minister has left for Moscow to participate"
    ("visit", r"land(?:ed|s)\s+in\b"),  # "Jaishankar lands in Islamabad"
    ("visit", r"landed\b"),
    ("visit", r"trip\b"),
    ("visit", r"toured\b"),
    ("visit", r"tour\b"),
    # a course of study, not "in the course of" or "of course"
    ("conference", POLICY_COURSE + r"(?<!in the )(?<!\bof )\bcourses?\b(?!\s+of\b)"),
    ("meeting", r"meetings?(?!\s+(?:the|these|its|their|all|any|our|those)\b)\b"),
    ("meeting", r"met\b"),
    ("meeting", r"conven(?:ed|es|e|ing)\b"),
    ("meeting", r"meet(?:s)?\s+with\b"),
    # a courtesy call on an office-holder, not an appeal ("called on the member states to ...")
    (
        "meeting",
        r"call(?:ed|s)\s+on\s+(?:the\s+)?(?:[a-z]{2,5}\s+)?(?:secretary|president|prime\s+minister|minister|chairman|"
        r"director|head|ambassador|governor|speaker)\b(?!s)(?![^.;]{0,80}?\bto\s+(?!the\b|a\b|an\b|his\b|her\b)[a-z]+)",
    ),
    ("meeting", r"meets\s+(?:in|at|on)\b"),
    ("meeting", r"meet\s+(?:in|at|on)\b"),  # a headline's present: "Heads of Government meet in Bishkek"
    # "Zhang Ming meets Ambassador of India", not "meets the requirements"
    (
        "meeting",
        r"meets\b(?!\s+(?:the\s+|its\s+|their\s+)?(?:requirements|needs|demands|standards|criteria|expectations|"
        r"challenges|goals|interests|conditions|deadline|obligations))",
    ),
    ("meeting", r"(?:will|to)\s+meet\b"),
    ("meeting", r"(?:tele)?phone\s+(?:conversations?|calls?|talks)\b"),
    ("meeting", r"video\s+calls?\b"),
    (
        "meeting",
        r"(?:had|held)\s+(?:an?\s+)?(?:(?:one-on-one|tete-a-tete|face-to-face|bilateral|private|brief|informal)\s+)?conversations?\b",
    ),
    ("meeting", r"sessions?\b"),
    ("meeting", r"summits?\b"),
    ("meeting", r"talks\b"),
    ("meeting", r"negotiations\b"),
    ("meeting", r"videoconferenc\w+\b"),
    ("meeting", r"video\s+conferenc\w+\b"),
    ("meeting", r"sittings?\b"),
    ("meeting", r"plenary\b"),
    # Receiving someone is meeting them: "Putin receives the CSTO Secretary General"
    (
        "meeting",
        r"receiv(?:es|ed|ing|e)\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,3}?(?:delegations?|heads?|secretary|ministers?|ambassadors?|president|chairman|chief|commander|participants|members)\b",
    ),
    # Informing a head of state is an audience: "the Secretary General informed the President about it"
    (
        "meeting",
        r"(?:informed|briefed|reported\s+to)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:president|prime\s+minister|"
        r"head\s+of\s+state|king|emir)\b",
    ),
    # Discussing is meeting: "the working group discussed the preparation of ..."
    ("meeting", r"discussed\b"),
    ("meeting", r"held\s+talks\b"),
    ("meeting", r"exchanged\s+views\b"),
    ("decision", FOUNDING),  # before "decided", so that the trigger says what was founded
    # "the next meeting was decided to be held in Uzbekistan": what is to be held is the event
    ("decision", r"decided\b(?!\s+to\s+(?:be\s+held|hold|convene)\b)"),
    ("decision", r"decisions?\b"),
    ("decision", r"declared?\b"),
    ("decision", r"declares\b"),
    ("decision", r"adopted\b"),
    ("decision", r"adoption\b"),
    ("decision", r"adopt\b"),
    ("decision", r"signed\b"),
    ("decision", r"signing\b"),
    ("decision", r"signs?\b(?!\s+of\b)"),  # a headline's present: "EAEU and Iran sign free trade agreement"
    ("other", r"elections?\b"),
    ("decision", r"ratified\b"),
    ("decision", r"ratification\b"),
    ("decision", r"approved\b"),
    ("decision", r"approval\b"),
    # a speaker's statement made at a session is part of it: "made the statement at a plenary session"
    (
        "decision",
        r"statements?\b(?!\s+(?:at|during)\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,3}?"
        r"(?:session|meeting|summit|sitting|plenary|forum|conference|briefing)\b)",
    ),
    ("decision", r"declarations?\b"),
    ("decision", r"resolutions?\b"),
    ("decision", r"decrees?\b"),
    ("decision", r"granted\b"),
    ("decision", r"conferred\b"),
    ("decision", r"agreed\s+(?:on|to|upon)\b"),
    ("decision", r"endorsed\b"),
    ("decision", r"condemn(?:s|ed)\b"),  # a statement: "the Secretariat resolutely condemns the attack"
    # a body relieving someone of a post decides it: "the Council relieved X of his duties"
    ("decision", r"relieved\s+(?:[\w'\u2019.-]+\s+){0,4}?of\s+(?:his|her|their)\s+(?:post|duties|office|position)"),
    # A greeting or an address is a statement: a `decision` (ANNOTATION.md section 3)
    ("decision", r"congratulat(?:ed|es|ions?|ory)\b"),
    ("decision", r"greetings?\b"),
    ("decision", r"sent\s+(?:a\s+)?(?:message|telegram)\b"),
    # ANNOTATION.md section 3: an entry into force is `other`, not the decision that made it
    ("other", r"(?:entered|enters|enter|entering|will\s+enter|came|comes|come)\s+into\s+(?:force|effect)\b"),
    ("other", r"(?:took|takes|take|will\s+take)\s+effect\b"),
    # a body's own history: "came into existence in 2001", "was renamed as the CSTO", "pulled out in 2009"
    ("other", r"came\s+into\s+(?:existence|being)\b"),
    ("other", r"(?:was\s+|were\s+)?renamed\b"),
    ("other", r"pulled\s+out\b"),
    # (not "the 33rd anniversary of its formation": the anniversary's)
    ("other", r"(?<!of )(?:its|their|[a-z]+'s)\s+formation\b"),
    # Founding a body is a happening of its own (ANNOTATION.md: foundings are `other`); framed as a
    # decision ("decided to create") it is the decision (FOUNDING, above).
    ("other", r"(?:was|were|has\s+been|have\s+been)\s+(?:\w+ly\s+)?(?:established|founded|created|formed|set\s+up)\b"),
    ("other", r"established\b"),
    ("other", r"founded\b"),
    ("other", r"formed\b"),
    ("other", r"created\b"),
    ("other", r"establishment\b"),
    # Membership and office: joining, leaving, suspending, returning, taking over a chair.
    ("other", r"joined\b"),
    ("other", r"(?:was|were)\s+(?:accepted|admitted)\b"),
    ("other", r"acceded\b"),
    ("other", r"accession\b"),
    # a state's decision: "Uzbekistan suspended its membership", "requested to suspend its participation"
    (
        "decision",
        r"(?:suspend(?:ed|s)?|suspension\s+of)\s+(?:its\s+|their\s+|his\s+|her\s+)?(?:membership|participation)\b",
    ),
    ("other", r"suspended\b"),
    # a membership dated: "India's membership of SCO in 2017", "full membership in June this year"
    (
        "other",
        r"(?:(?:full|full-fledged)\s+membership|membership\s+(?:of|in)\s+(?:the\s+)?[a-z]{2,14}(?=\s+in\s+(?:19|20)\d\d\b))\b",
    ),
    ("other", r"withdrew\b"),
    ("other", r"left\s+the\s+territory\b"),  # "the last units left the territory of Kazakhstan on January 19"
    # leaving a body: "Uzbekistan left the grouping in 1999"
    (
        "other",
        r"left\s+the\s+(?:[\w-]+\s+){0,2}?(?:organi[sz]ation|treaty|alliance|bloc|grouping|union|commonwealth|community|"
        r"csto|cis|sco|eaeu|eurasec|guam)\b(?!\s+(?:state\s+)?(?:headquarters|building|premises|hall|office|secretariat))",
    ),
    ("other", r"left\s+(?=in\s+(?:19|20)\d\d\b)"),  # "joined in 1994 but left in 1999"
    # "one of the founding members of the Treaty in 1992" (not "the founding members signed")
    ("other", r"founding\s+members?\b(?=[^.;]{0,80}?\bin\s+(?:19|20)\d\d\b)(?![^.;]{0,40}?\bsigned\b)"),
    ("other", r"returned\s+to\b"),
    ("other", r"rejoined\b"),
    ("other", r"resumed\b"),
    (
        "other",
        r"(?:transfer|handover|hand-over|passing)\s+of\s+(?:the\s+)?(?:rotating\s+)?(?:chairmanship|presidency)\b",
    ),
    ("other", r"(?:assumed|assumes|assume|assuming)\s+(?:the\s+)?(?:rotating\s+)?(?:chairmanship|presidency)\b"),
    ("other", r"took\s+over\b"),
    # Public happenings the kinds above do not name.
    ("other", r"exhibitions?\b"),
    ("other", r"forums?\b"),  # ANNOTATION.md: forums are `other`, not conferences
    ("other", r"expos?\b"),
    ("other", r"ceremon(?:y|ies)\b"),
    ("other", r"receptions?\b"),
    (
        "anniversary",
        r"celebrations?\s+(?:of|dedicated\s+to|marking|on\s+the\s+occasion\s+of)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}anniversar(?:y|ies)\b",
    ),
    ("other", r"celebrations?\b"),
    ("other", r"parades?\b"),
    ("other", r"competitions?\b"),
    ("other", r"contests?\b"),
    ("other", r"festivals?\b"),
    ("other", r"concerts?\b"),
    ("other", r"marathons?\b"),
    ("other", r"relays?\b"),
    ("other", r"took\s+up\s+(?:his|her|their|the)\s+(?:duties|post|office|position)\b"),
    (
        "other",
        r"(?:applied|applies|apply)\s+for\s+(?:full\s+|full-fledged\s+)?(?:membership|accession|observer\s+status)\b",
    ),
    # "Armenia appealed to the CSTO": a request to a body (text is lower-cased when matched)
    (
        "other",
        r"appeal(?:ed|s)\s+to\s+(?:the\s+)?(?:csto|sco|cis|eaeu|un|organi[sz]ation|commonwealth|union|council)\b",
    ),
    ("other", r"(?:official|grand|solemn)\s+opening\b"),
    # the start of a term told by its head: "Zas, who headed the Organization from 1 January 2020"
    (
        "other",
        r"(?:headed|led)\s+the\s+(?:\w+\s+){0,2}?(?:organi[sz]ation|secretariat|commission|committee|staff|union)\s+(?=from\b)",
    ),
    ("other", r"opening\s+ceremon(?:y|ies)\b"),
    (
        "other",
        r"(?:bec(?:ame|omes)|(?:may|might|could)\s+become)\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?(?:(?:\w+(?:st|nd|rd|th)|new|first|second|third|acting|full|full-fledged|permanent|associate)\s+){0,2}(?:secretary|chair\w*|head|president|members?|director|commander|chief|observers?|partners?|part)\b",
    ),
    # "Belarus became an SCO dialogue partner in 2009": a status, whatever the body's name
    (
        "other",
        r"(?:bec(?:ame|omes)|(?:may|might|could)\s+become)\s+(?:a|an|the)\s+(?:[\w-]+\s+){1,3}?(?:member|observer|partner)(?:\s+state)?\b",
    ),
    # "received observer status in 2015", "was granted the status of an observer"
    (
        "other",
        r"(?:(?:was|were)\s+)?(?:granted|received|obtained|acquired|given)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?status\b",
    ),
    ("other", r"applications?\s+for\s+(?:full\s+)?(?:membership|accession|observer\s+status)\b"),
    # a refusal is the happening, not what is refused: "In January 2023 Armenia refused to host the exercise"
    ("other", r"refus(?:ed|es)\s+to\s+(?:extend|prolong|renew|sign|join|ratify|participate|host|hold|conduct)\b"),
    ("other", r"took\s+office\b"),
    ("other", r"assumed\s+(?:office|the\s+post|duties)\b"),
    ("other", r"appointed\b(?!\s+the\s+(?:date|time|venue|place)\b)"),  # not "appointed the date of the next meeting"
    ("other", r"elected\b"),
    ("other", r"appointment\b"),
    ("other", r"inaugurat\w+\b"),
    ("other", r"operations?\b"),
    ("other", r"peace-?keeping\s+(?:forces|mission|operation|contingent)\b"),
    ("other", r"missions?\b"),
    ("other", r"deployed\b"),
    ("other", r"deployment\b"),
    ("other", r"assistance\b"),
    ("other", r"handed\s+over\b"),
    # aid delivered, not a speech: "delivered a speech at the conference" dates the conference
    (
        "other",
        r"delivered\b(?!\s+(?:(?:a|an|the|his|her|its|their|opening|welcoming|keynote)\s+)*(?:speech|address|report|lecture|remarks|presentation))",
    ),
    # "launched a project"; but "exercise launched in Armenia": a generic verb that takes its subject's kind
    ("other", r"launched\b(?!\s+(?:in|at|on|near|today|yesterday)\b)"),
    ("other", r"withdrawal\b"),
    ("other", r"evacuat\w+\b"),
    ("other", r"humanitarian\b"),
    ("other", r"monitored\b"),
    ("other", r"monitoring\b"),
    ("other", r"observers\b"),
    ("other", r"observer\s+mission\b"),
    ("other", r"observation\s+mission\b"),
    ("other", r"operated\b"),
    ("other", r"functioned\b"),
    ("other", r"(?:start|starts|started|begin|begins|began)\s+(?:functioning|operating|to\s+function|to\s+operate)\b"),
    ("other", r"on\s+duty\b"),
    ("other", r"admitted\b"),
    ("other", r"enrolled\b"),
    ("other", r"awarded\b"),
    ("other", r"honou?red\b"),
    ("other", r"laid\s+(?:flowers|a\s+wreath|wreaths)\b"),
    ("other", r"deliver(?:y|ies)\b"),
    (
        GENERIC,
        r"(?:was|were|will\s+be|is|are|has\s+been|have\s+been)\s+(?:held|organi[sz]ed|conducted|carried\s+out|hosted|opened|launched|completed)\b",
    ),
    (GENERIC, r"took\s+place\b"),
    (GENERIC, r"take\s+place\b"),
    (GENERIC, r"will\s+(?:hold|host|conduct)\b"),
    (GENERIC, r"held\b"),
    (GENERIC, r"hosted\b"),
    (GENERIC, r"(?:hosts|holds)\b(?!\s+(?:the\s+|its\s+)?(?:rotating\s+)?(?:chairmanship|presidency|post|office)\b)"),
    (GENERIC, r"conducted\b"),
    (GENERIC, r"opened\b"),
    (GENERIC, r"began\b"),
    (GENERIC, r"(?:will\s+)?begins?\b"),
    (GENERIC, r"(?:will\s+open|opens)\b(?!\s+(?:up|new|the\s+way|the\s+door|doors|opportunit|prospects|a\s+new))"),
    (GENERIC, r"launched\b(?=\s+(?:in|at|on|near|today|yesterday)\b)"),
    (GENERIC, r"started\b"),
    (GENERIC, r"ended\b"),
    (GENERIC, r"completed\b"),
    (GENERIC, r"gathered\b"),
    (GENERIC, r"gathers?\s+(?:in|at|for)\b"),
]
KINDS = frozenset(
    {"meeting", "consultation", "exercise", "anniversary", "visit", "briefing", "decision", "conference", "other"}
)


def check_lexicon(lexicon: list[tuple[str, str]]) -> None:
    """Import-time check: every row names a kind of ANNOTATION.md section 3 (or the generic verb),
    compiles on its own and is there once."""
    seen: set[str] = set()
    for kind, pattern in lexicon:
        if kind not in KINDS | {GENERIC}:
            raise ImportError(f"kind lexicon: unknown kind {kind!r} for {pattern[:40]!r}")
        if pattern in seen:
            raise ImportError(f"kind lexicon: {pattern[:40]!r} is listed twice")
        seen.add(pattern)
        re.compile(pattern)


check_lexicon(LEXICON)

# One pass over a sentence: the alternatives in lexicon order, so at any position the earlier row wins.
# Matched against ASCII-lowercased text: twice as fast as IGNORECASE, and offsets stay the same.
# Every alternative starts a word: testing that once per position, before trying each of them,
# makes the scan four times faster. Consecutive rows of one kind share one named group: a group
# per row makes the scan five times slower.
RUNS = [(kind, [pattern for _, pattern in rows]) for kind, rows in groupby(LEXICON, key=lambda row: row[0])]
COMBINED = re.compile(
    r"\b(?=[a-z0-9])(?:"
    + "|".join(f"(?P<k{index}>{'|'.join(patterns)})" for index, (_, patterns) in enumerate(RUNS))
    + ")"
)
KIND_OF_GROUP = {f"k{index}": kind for index, (kind, _) in enumerate(RUNS)}

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
    # ("the concept of the development of a system of joint training")
    r"\s+(?:of|for|on)\s+(?:the\s+)?(?:(?!(?:was|were|is|are|has|have|had|will|would|next|forthcoming|upcoming)\b)\w+\s+){0,6}$",
    re.IGNORECASE,
)
# "120 press releases and 40 interviews", "more than 200 exercises": a count, not a happening.
COUNTED = re.compile(
    r"(?:(?<![\d.:/-])\b(?:\d{1,3}(?:,\d{3})+|\d{1,3})(?![\d.:/-])|\b(?:two|three|four|five|six|seven|eight|nine|"
    r"ten|eleven|twelve|dozens?|hundreds?|several|numerous)(?:\s+of)?)\s+(?:(?!(?:was|were|is|are|has|have|had|been|will)\b)[a-z][\w-]*\s+){0,3}$"
)

NUMBER = (
    r"(?:(?<![\d.:/-])\b(?:\d+(?:[.,]\d+)?\s+(?:million|thousand|billion)|\d{1,3}(?:,\d{3})+|\d{1,3})(?![\d.:/-])|"
    r"\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|hundreds|several|numerous))"
)
# A verb of happening whose object or subject is a count: "held more than 20 exercises", "some 40
# trainings were conducted" is a tally of happenings, not one of them.
COUNTED_OBJECT = re.compile(
    rf"\s+(?:(?:more|fewer|less)\s+than\s+|over\s+|about\s+|some\s+|nearly\s+|almost\s+|around\s+|up\s+to\s+)?"
    rf"{NUMBER}\s+(?:[a-z][\w-]*\s+){{0,2}}[a-z][\w-]*s\b"
)
# "some 40 trainings were conducted", "1.2 million Russian tourists visited", "14 meetings of the
# Council were held": a count is the subject (not "the heads of eleven states signed").
COUNTED_SUBJECT = re.compile(
    rf"(?<!\bof\s){NUMBER}\s+(?:[a-z][\w-]*\s+){{0,2}}[a-z][\w-]*s\s+(?:of\s+(?:the\s+)?(?:[\w-]+\s+){{1,4}}?)?"
    rf"(?:were\s+|have\s+been\s+|had\s+been\s+)?$",
    re.IGNORECASE,
)

SAID_IN = re.compile(
    r"\b(?:said|says|announced|stated|reported|noted|added|wrote)\s+in\s+(?:a|an|its|his|her|their)\s+$"
)
# "2 meetings of the Council, held in Astana on 14 October and ...": counted, then each dated.
HELD_AFTER = re.compile(r"(?:\s+of\s+[^,.;]{1,60}?)?,?\s+(?:held|which\s+(?:were|was)\s+held|that\s+took\s+place)\b")


# The noun that ends an institution's or a place's name.
INSTITUTION_AFTER = re.compile(
    r"(?:\s+[A-Z][\w-]*){0,2}\s+(?:Center|Centre|Academy|University|Institute|College|School|Ground|Range|Forces|"
    r"Council|Committee|Headquarters|Group|Department|Service|Ministry|Agency|Secretariat|Assembly|Commission|"
    r"Office|Command|Board|Hall|Palace|House|Museum|Park)\b"
)


# A trigger that is a verb is never the noun of an "of" or "at" phrase.
VERB = re.compile(
    r"(?i:\w+ed\b|(?:met|held|had|laid|took|gave|began|made|went|came|sent|spoke|arrived|will|is|are|was|were)\b)"
)


NAMED_HAPPENING = re.compile(
    r"(?i:forums?|exhibitions?|expos?|festivals?|contests?|competitions?|games|parades?|marathons?|ceremon(?:y|ies))"
)


# A crowd counted as the subject of a verb: hundreds and more, not "five presidents met".
CROWD_SUBJECT = re.compile(
    r"(?<!\bof\s)(?:\b\d+(?:[.,]\d+)?\s+(?:million|thousand|billion)|(?<![\d.:/-])\b\d{1,3}(?:,\d{3})+|"
    r"(?<![\d.:/-])\b(?!(?:19|20)\d\d\b)\d{3,}|\b(?:hundreds|thousands|millions)(?:\s+of)?)\s+(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*s\s+$",
    re.IGNORECASE,
)


def names_no_happening(text: str, start: int, trigger: Trigger) -> bool:
    """Triggers that are part of a name, a document's title or a count."""
    if trigger.kind == GENERIC:
        before = text[max(start, trigger.start - 80) : trigger.start]
        return bool(COUNTED_OBJECT.match(text, trigger.end) or COUNTED_SUBJECT.search(before))
    if trigger.kind == "anniversary":
        return False
    if (
        trigger.kind == "other"
        and trigger.text[:1].isupper()
        and trigger.start > start
        and not NAMED_HAPPENING.fullmatch(trigger.text)
    ):
        # "the Collective Rapid Deployment Forces": a proper name, not a deployment; but "the SCO
        # Digital Forum" and "the Innoprom Exhibition" are happenings by name
        return True
    if trigger.text[:1].isupper() and trigger.start > start and INSTITUTION_AFTER.match(text, trigger.end):
        return True  # "the 333rd Combat Training Center": a place's name, not a training
    before = text[max(start, trigger.start - 50) : trigger.start]
    if VERB.match(trigger.text) and CROWD_SUBJECT.search(before):
        return True  # "1.2 million Russian tourists visited Belarus", "850 refugees arrived": figures
    if COUNTED.search(before) and not VERB.match(trigger.text) and not HELD_AFTER.match(text, trigger.end):
        # "two meetings", not "the heads of eleven states signed": a verb is never the counted noun
        return True
    if SAID_IN.search(before):
        return True  # "the ministry said in a statement": where words were said, not a decision
    return bool(DOCUMENT_OF.search(before))


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
