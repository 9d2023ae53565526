"""Text helpers that keep offsets: every function maps the original text one character to one."""

import re

# Unicode spacing (no-break, thin, figure, ideographic...) and invisible marks read as a plain space,
# so the date grammar never has to care; the length stays the same, so offsets stay valid.
_SPACES = (
    "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t\ufeff\u200b"
)
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
_QUOTES = {"\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"', "\u2018": "'", "\u2019": "'"}
_TABLE = str.maketrans({**{ch: " " for ch in _SPACES}, **{ch: "-" for ch in _DASHES}, **_QUOTES})


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def ascii_lower(text: str) -> str:
    """Lowercase A-Z only: offsets stay valid (str.lower() may lengthen some letters)."""
    return text.translate(_ASCII_LOWER)


def normalize(text: str) -> str:
    """Same-length copy of `text` with Unicode spaces, dashes and quotes made plain ASCII."""
    return text.translate(_TABLE)


_SENTENCE_END = re.compile(r"""(?<=[.!?])["')\]]?\s+(?=["'(\[]?[A-Z0-9])|\n\s*\n|\n(?=\S)""")
# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "sgt",
        "st",
        "no",
        "vol",
        "art",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "e.g",
        "i.e",
        "etc",
        "vs",
        "u.s",
        "u.n",
    ]
)


# No sentence of news prose comes near this length (the longest in the corpus has 661 characters).
# A longer stretch is read in pieces of PIECE characters cut at a space: reading one sentence
# costs more than its length (each of its dates is weighed against each of its triggers), so
# short pieces keep a release's cost proportional to its length, whatever the text.
MAX_SENTENCE = 1000
PIECE = 250
# The longest abbreviation of _ABBREVIATIONS: a longer word before a full stop is not one.
_LONGEST_ABBREVIATION = max(len(word) for word in _ABBREVIATIONS)


def sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans (start, end) of the sentences of text[start:end], trimmed of surrounding space.

    Each look at the text is bounded (the word before a stop, the digits opening a sentence),
    so the split takes time proportional to the text's length.
    """
    end = len(text) if end is None else end
    spans = []
    cursor = start
    digits_from, digits_end = -1, -1  # the digits opening text[cursor:], found once per cursor
    for match in _SENTENCE_END.finditer(text, start, end):
        stop = match.start()
        while stop > cursor and text[stop - 1].isspace():
            stop -= 1
        if "\n" not in match.group(0) and _abbreviation_before(text, cursor, stop):
            continue
        if match.group(0) == "\n" and _wrapped(text, cursor, stop, match.end(), end):
            continue  # a line broken inside a sentence, as hard-wrapped agency copy is
        if stop - cursor >= 2 and text[stop - 1] == ".":
            if digits_from != cursor:
                digits_from, digits_end = cursor, cursor
                while digits_end < stop and text[digits_end].isdigit():
                    digits_end += 1
            if digits_end == stop - 1:
                continue  # "1." list numbering
        spans.append((cursor, match.start()))
        cursor = match.end()
    spans.append((cursor, end))
    result = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            result.extend(in_pieces(text, s, e))
    return result


# A hard-wrapped line is long and stops without a sentence's end.
WRAPPED_LINE = 50


def _wrapped(text: str, cursor: int, stop: int, following: int, end: int) -> bool:
    """Whether a single line break at `stop` falls inside a sentence: the line does not end as a
    sentence does, and either the next line goes on in lower case or the line is as long as
    wrapped prose."""
    if stop <= cursor or following >= end or text[stop - 1] in ".!?:;\"')]":
        return False
    line_start = text.rfind("\n", cursor, stop) + 1 or cursor
    return text[following].islower() or (stop - max(line_start, cursor) >= WRAPPED_LINE and text[following].isalpha())


def _abbreviation_before(text: str, start: int, stop: int) -> bool:
    """Whether text[start:stop] ends with an abbreviation and its full stop ("Gen.", "e.g.")."""
    if stop - start < 2 or text[stop - 1] != ".":
        return False
    word_end = stop - 1
    while word_end > start and text[word_end - 1] == ".":
        word_end -= 1  # "etc..": the stops after the word
    word_start = word_end
    while word_start > start and (text[word_start - 1] == "." or _is_ascii_letter(text[word_start - 1])):
        word_start -= 1
        if word_end - word_start > _LONGEST_ABBREVIATION:
            return False
    return word_end > word_start and text[word_start:word_end].lower() in _ABBREVIATIONS


def _is_ascii_letter(ch: str) -> bool:
    return "a" <= ch <= "z" or "A" <= ch <= "Z"


def in_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """text[start:end] whole when it is at most MAX_SENTENCE long, else in pieces of at most PIECE
    characters, cut after a space when there is one."""
    if end - start <= MAX_SENTENCE:
        return [(start, end)]
    pieces = []
    while end - start > PIECE:
        cut = start + PIECE
        space = next((i for i in range(cut, start + PIECE // 2, -1) if text[i - 1].isspace()), None)
        cut = space if space is not None else cut
        piece_end = cut
        while piece_end > start and text[piece_end - 1].isspace():
            piece_end -= 1
        pieces.append((start, piece_end))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        pieces.append((start, end))
    return pieces
