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


def sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans (start, end) of the sentences of text[start:end], trimmed of surrounding space."""
    end = len(text) if end is None else end
    spans = []
    cursor = start
    for match in _SENTENCE_END.finditer(text, start, end):
        before = text[cursor : match.start()].rstrip()
        last_word = re.search(r"([A-Za-z.]+)\.$", before)
        if last_word and last_word.group(1).lower().rstrip(".") in _ABBREVIATIONS and "\n" not in match.group(0):
            continue
        if len(before.split()) == 1 and before.endswith(".") and before[:-1].isdigit():
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
            result.append((s, e))
    return result
