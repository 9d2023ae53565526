"""Short titles an editor would keep: who did what, taken from the sentence that dates the event.

The sentence is cut at the end of the clause that holds the trigger, its dates and the words
that only introduce them are removed, and so are leading adverbials and asides.
"""

import re

MAX_TITLE = 110
MIN_WORDS = 4
NAME_WORDS = 6  # the most words of a quoted name whose closing mark a title may restore
LONG_NAMES = (
    ("Collective Security Treaty Organization", "CSTO"),
    ("Collective Security Treaty Organisation", "CSTO"),
)
# Where the clause holding the trigger ends: a stop, or the start of a purpose or relative clause.
CLAUSE_END = re.compile(
    r";|:(?!\d)|,(?!\s*\d)|\s-\s|\s(?:in\s+order\s+to|to\s+(?:consider|discuss|review|exchange|share|mark|celebrate)|"
    r"aimed\s+at|with\s+the\s+aim|which|where|during\s+which|as\s+well\s+as|"
    r"and\s+(?=(?:will|would|agreed|decided|noted|stressed|called|urged)\b))\s?",
    re.IGNORECASE,
)
# Words that only introduce a date ("in the period from", "at the end of", "in mid-", "starting"),
# or join it to the one before ("on Monday and Thursday").
DATE_LEAD = re.compile(
    r"(?:\b(?:in|on|at|for|during|from|since|of|the|period|(?:end|beginning|start|middle)\s+of|early|late|mid|"
    r"(?:morning|afternoon|evening|night)\s+of|"
    r"first|half|second|and|or|starting|beginning|between|earlier|later|exactly)[\s-]*)+$",
    re.IGNORECASE,
)
# What a date leaves behind it when it is cut out: "This year's exercise" -> "exercise".
DATE_TAIL = re.compile(r"^['\u2019]s\b")
# The part of the day a date is followed by: "On Thursday evening, the heads ..." -> "the heads ...".
DAY_PART = re.compile(r"\s*(?:morning|afternoon|evening|night)\b", re.IGNORECASE)
LEADING_ADVERBIAL = re.compile(
    r"^(?:(?:in|on|at|during|from|under|as|according|because|following|after|before|within|nevertheless|"
    r"also|however|meanwhile|moreover|furthermore|thus|therefore|besides|today|yesterday|alone|this|last|next|"
    r"recall|earlier|later|previously|subsequently|\w+\s+years?\s+ago)\b"
    r"[^,]{0,110},\s*)+",
    re.IGNORECASE,
)


# Who said it, opening a title: "Xi said that the summit ...", "The ministry reported that ...".
SAID_THAT = re.compile(
    r"^(?:(?:the\s+)?[\w.'-]+\s+){1,4}(?:said|noted|stressed|recalled|reported|added|stated|announced|"
    r"emphasi[sz]ed|pointed\s+out|informed)\s+that\s+"
    r"|^(?:(?:we\s+)?recall|it\s+(?:should\s+be|is\s+worth)\s+(?:noted|noting|recalled|recalling)|as\s+a\s+reminder),?\s+that\s+",
    re.IGNORECASE,
)
APPOSITIVE_NAME = re.compile(r"^[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){1,3},\s+(?=(?:a|an|the)\b)")
# A news agency's dateline left at the head of a sentence: "DUSHANBE, Asia-Plus -", "MOSCOW, - ".
AGENCY_HEAD = re.compile(
    r"^[A-Z][A-Z.' -]{2,},\s*(?:\(?[A-Za-z][\w .-]{0,30}\)?\s*)?(?:/\s*[\w .-]+/\s*\.?\s*)?(?:--|-|\u2013|\u2014)\s*"
    r"|^[A-Z][\w.'-]+(?:\s[A-Z][\w.'-]+)?,\s*(?:--|-|\u2013|\u2014)\s+"  # "Beijing, 15 June 2023 -" less its date
)
# What opens an item of a list or a schedule: "1.", "2)", a clock time ("10:00 -").
LIST_HEAD = re.compile(r"^(?:\d{1,2}[.)]\s+|(?:[01]?\d|2[0-3])[:.][0-5]\d\s*[-\u2013\u2014]?\s*)")


# Words a title must not end on: it would dangle ("held in", "a protocol dated").
DANGLING = re.compile(
    r"(?:\s+(?:dated|on|in|at|of|for|from|to|by|with|and|or|the|a|an|its|their|under|between))+$", re.I
)
# A verb in the past, the future or the present perfect: what a title needs to state who did what.
VERBS = r"\w+ed|met|held|began|became|took|gave|made|went|came|left|led|won|will|is|are|was|were|has|have"
EVENT_WORD = re.compile(
    rf"\b(?:{VERBS}|\w+s|meet|hold|host|begin|start|sign|adopt|visit|day|"
    r"meeting|session|summit|talks|exercises?|drills?|training|briefing|conference|consultations?|"
    r"operation|decision|statement|declaration|anniversary|ceremony|forum|seminar|course)\b",
    re.IGNORECASE,
)
MONTHS = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
# A date left heading a title without its comma: "29 September: 15th Forum meeting", "In 2018 the observers".
DATE_HEAD = re.compile(
    rf"^(?:\d{{1,2}}\s+(?i:{MONTHS})|(?i:{MONTHS})\s+\d{{1,2}})\s*:\s+|^(?:In|On)\s+(?:19|20)\d\d\s+(?=(?:the|a|an)\s)"
)
PHRASE_ONLY = re.compile(r"^(?:at|in|on|during|for|from|with|after|before|within|under)\b", re.IGNORECASE)
VERB_WORD = re.compile(rf"\b(?:{VERBS})\b", re.IGNORECASE)
LEADING_DATE = re.compile(
    rf"^(?:(?:on|in|from|since)\s+)?(?:\d{{1,2}}(?:\s*-\s*\d{{1,2}})?\s+{MONTHS}\b|\d{{4}}\b|\d{{1,2}}\.\d{{1,2}}\.|"
    rf"{MONTHS}\s+\d)",
    re.IGNORECASE,
)


# What a noun phrase's title leaves out before its place: "the summit to be held in Astana".
SCHEDULED = re.compile(
    r",?\s+(?:(?:which|that)\s+(?:is|are|was|were|will\s+be)\s+)?(?:(?:scheduled|planned|due|set|expected)\s+)?"
    r"(?:to\s+be\s+held|to\s+take\s+place|held)(?=\s+(?:in|at)\b)"
)


TRAILING_HELD = re.compile(
    r"\s+(?:(?:scheduled|planned)\s+)?(?:to\s+be\s+held|held|to\s+take\s+place)$|\s+(?:scheduled|planned|slated|due)$"
)


def title_problems(title: str) -> list[str]:
    """What keeps a title from telling a reader who did what; empty when it does."""
    problems = []
    words = title.rstrip("…").split()
    if len(words) < 3:
        problems.append("fewer than three words")
    if LEADING_DATE.match(title):
        problems.append("opens with a date")
    if DANGLING.search(title.rstrip("…")) and not title.endswith("…"):
        problems.append("ends on a dangling word")
    if AGENCY_HEAD.match(title):
        problems.append("an agency's dateline")
    if not EVENT_WORD.search(title):
        problems.append("no verb or event noun")
    if PHRASE_ONLY.match(title) and not VERB_WORD.search(title):
        problems.append("a phrase, not a statement")
    return problems


def make_title(
    text: str,
    start: int,
    end: int,
    trigger_end: int,
    dates: list[tuple[int, int]],
    governed: tuple[int, int] | None = None,
) -> str:
    """A title from text[start:end], the sentence; `dates` are the date spans inside it.

    The title is the clause that holds the trigger; when that clause is only a phrase ("In the
    course of the command training"), the sentence's main clause after it says who did what.
    When the happening is a noun that another verb governs ("exchanged views on preparations for
    the meeting of the Council ... in Astana on 3-4 July"), `governed` is where its phrase
    begins and its noun ends, and the title is that phrase ("Meeting of the Council ... in Astana").
    The first of these that passes `title_problems` is the title; the whole sentence's if none does.
    """
    if governed is not None:
        title = clause_title(text, governed[0], end, governed[1], dates)
        title = TRAILING_HELD.sub("", " ".join(SCHEDULED.sub(" ", title).split()))
        if not title_problems(title):
            return title
    title = clause_title(text, start, end, trigger_end, dates)
    if (PHRASE_ONLY.match(title) and not VERB_WORD.search(title)) or title_problems(title):
        whole = clause_title(text, start, end, end, dates)
        return whole if not title_problems(whole) or title_problems(title) else title
    return title


SUBJECTLESS_MARKS = re.compile(r"^(?:marks|marked|will\s+mark|is|was|will\s+be)\s+(?=the\s+\w+\s+anniversary\b)", re.I)


# A transcript's labels: "Question: ...", "Answer: ...".
SPEAKER_LABEL = re.compile(r"^(?:(?i:question|answer|q|a)|[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3})\s*:\s+")
# A participle aside whose date was cut out: "The Astana summit, held" -> "The Astana summit".
ASIDE_PARTICIPLE = re.compile(r",\s*(?:which\s+(?:was|were)\s+)?(?:held|hosted|conducted|organi[sz]ed|convened)$")


def close_quotes(title: str) -> str:
    """A name whose closing quotation mark was cut with the clause gets it back: 'exercise "Search-2024"'."""
    opening = title.rfind(' "')
    if title.count('"') % 2 and opening >= 0 and len(title[opening:].split()) <= NAME_WORDS:
        return title + '"'
    if title.count("\u201c") > title.count("\u201d"):
        return title + "\u201d"
    if title.count("\u00ab") > title.count("\u00bb"):
        return title + "\u00bb"
    return title


def clause_title(text: str, start: int, end: int, trigger_end: int, dates: list[tuple[int, int]]) -> str:
    for stop in CLAUSE_END.finditer(text, max(start, trigger_end), end):
        if any(low <= stop.start() < high for low, high in dates):
            continue  # "on 3 - 5 May": the dash of a range, not of a clause
        if len(text[start : stop.start()].split()) >= MIN_WORDS:
            end = stop.start()
            break
    pieces, cursor = [], start
    for date_start, date_end in sorted(dates):
        if date_start < cursor or date_start >= end:
            continue
        before = text[cursor:date_start]
        if DATE_TAIL.match(text[date_end : date_end + 3]):
            # "the main result of today's session": "the main result of the session"
            pieces.append(DATE_TAIL.sub("", before) + (" the" if not re.search(r"\bthe\s*$", before, re.I) else ""))
        else:
            pieces.append(DATE_TAIL.sub("", DATE_LEAD.sub("", before)))
        cursor = min(date_end, end)
        if part := DAY_PART.match(text, cursor, end):
            cursor = part.end()
    pieces.append(DATE_TAIL.sub("", text[cursor:end]))
    title = " ".join(piece.strip() for piece in pieces if piece.strip())
    for long, short in LONG_NAMES:
        title = title.replace(long, short)
    title = re.sub(r"\s*\([^)]*\)", "", title)
    if re.search(r",\s*who\s+(?:\S+\s*){1,4}$", title):
        title = re.sub(r",\s*who\s+", " ", title)  # "Zas, who took office" -> "Zas took office"
    title = re.sub(r",\s*(?:who|which|where|when)\b[^,]*,", "", title)
    # participial asides: ", inspired by the need to ..., decided" -> " decided"
    title = re.sub(r",\s*(?:[a-z]+ed|[a-z]+ing)\s+(?:by|with|in|on|at|from|to|for)\b[^,]*,", "", title)
    title = re.sub(r"\s+([,.;:])", r"\1", title)
    title = re.sub(r"([,;:])(?:\s*[,;:])+", r"\1", title)
    title = re.sub(r"^[\W\s]+", "", title)
    title = LIST_HEAD.sub("", title)
    title = AGENCY_HEAD.sub("", title)
    title = SPEAKER_LABEL.sub("", title)
    said = SAID_THAT.match(title)
    if said and len(title[said.end() :].split()) >= MIN_WORDS and not PHRASE_ONLY.match(title[said.end() :]):
        title = title[said.end() :]
    title = DATE_HEAD.sub("", title)
    stripped = LEADING_ADVERBIAL.sub("", title)
    if stripped != title:
        # "under the chairmanship of the Representative of Tajikistan, Khasan Sultonov, a meeting ...":
        # the name that closed the adverbial goes with it.
        stripped = APPOSITIVE_NAME.sub("", stripped)
    title = stripped
    title = " ".join(title.split()).strip(" ,;:.-\"'")
    title = DANGLING.sub("", title).strip(" ,;:.-\"'")
    title = ASIDE_PARTICIPLE.sub("", title)
    if len(title) > MAX_TITLE:
        title = title[:MAX_TITLE].rsplit(" ", 1)[0].rstrip(" ,;:-") + "…"
    title = close_quotes(title)
    # "This year marks the 25th anniversary": the date cut out leaves its verb, which says nothing.
    title = SUBJECTLESS_MARKS.sub("", title)
    return title[:1].upper() + title[1:] if title else "Event"
