"""Short titles an editor would keep: who did what, taken from the sentence that dates the event.

The sentence is cut at the end of the clause that holds the trigger, its dates and the words
that only introduce them are removed, and so are leading adverbials and asides.
"""

import re

MAX_TITLE = 110
MIN_WORDS = 4
LONG_NAMES = (
    ("Collective Security Treaty Organization", "CSTO"),
    ("Collective Security Treaty Organisation", "CSTO"),
)
# Where the clause holding the trigger ends: a stop, or the start of a purpose or relative clause.
CLAUSE_END = re.compile(
    r";|:(?!\d)|,(?!\s*\d)|\s-\s|\s(?:in\s+order\s+to|to\s+(?:consider|discuss|review|exchange|share|mark|celebrate)|"
    r"aimed\s+at|with\s+the\s+aim|which|where|during\s+which|as\s+well\s+as)\s",
    re.IGNORECASE,
)
# Words that only introduce a date ("in the period from", "at the end of").
DATE_LEAD = re.compile(
    r"(?:\b(?:in|on|at|for|during|from|since|of|the|period|end|beginning|start|middle|early|late|first|half|second)\s*)+$",
    re.IGNORECASE,
)
LEADING_ADVERBIAL = re.compile(
    r"^(?:(?:in|on|at|during|from|under|as|according|because|following|after|before|within|nevertheless|"
    r"also|however|meanwhile|moreover|furthermore|thus|therefore|besides|today|yesterday|alone|this|last|next|"
    r"recall|\w+\s+years?\s+ago)\b"
    r"[^,]{0,110},\s*)+",
    re.IGNORECASE,
)


def make_title(text: str, start: int, end: int, trigger_end: int, dates: list[tuple[int, int]]) -> str:
    """A title from text[start:end], the sentence; `dates` are the date spans inside it."""
    for stop in CLAUSE_END.finditer(text, max(start, trigger_end), end):
        if len(text[start : stop.start()].split()) >= MIN_WORDS:
            end = stop.start()
            break
    pieces, cursor = [], start
    for date_start, date_end in sorted(dates):
        if date_start < cursor or date_start >= end:
            continue
        pieces.append(DATE_LEAD.sub("", text[cursor:date_start]))
        cursor = min(date_end, end)
    pieces.append(text[cursor:end])
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
    title = LEADING_ADVERBIAL.sub("", title)
    title = re.sub(r"\s{2,}", " ", title).strip(" ,;:.-\"'")
    if len(title) > MAX_TITLE:
        title = title[:MAX_TITLE].rsplit(" ", 1)[0].rstrip(" ,;:-") + "…"
    return title[:1].upper() + title[1:] if title else "Event"
