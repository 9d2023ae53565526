"""One release file: its headline, dateline (publication date and time) and body.

Press releases of this kind look like: a headline, sometimes repeated with the date appended
(`... is 19 years old 28.04.2022`) or a dateline of its own (`11:12 08.02.2021 • editor`), then
the body, then the site's navigation (`Go back`, `Back to the all news`, image captions).
"""

import datetime
import re
from pathlib import Path

from events.extraction.model import ReleaseError
from events.extraction.text import normalize

DATELINE = re.compile(
    r"(?:(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)\s+)?"
    r"(?<![\d.])(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>(?:19|20)\d\d)(?![\d.]\d)"
)
# Lines the website adds around every release; they are not part of its text.
BOILERPLATE = re.compile(
    r"^\s*(?:go back|back|back to (?:the )?(?:all news|news|section|the section|list|top)|"
    r"read (?:more|also) in our telegram[- ]channel.*|share|print|print version|"
    r"subscribe.*|tags?:.*|photo:.*|source:.*|"
    r".*\.(?:jpe?g|png|gif|webp|svg|pdf|docx?)\s*(?:\(\d+\))?)\s*$",
    re.IGNORECASE,
)
WRITTEN_TIME = re.compile(r"\s*,?\s*(?:at\s+)?(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)\b")
WRITTEN_TIME_BEFORE = re.compile(r"(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)\s*,?\s*$")
# A date that a preposition introduces belongs to a sentence of the body.
SENTENCE_DATE = re.compile(r"\b(?:on|of|from|since|until|till|by|to|at|in|dated|before|after)\s*$", re.IGNORECASE)
HEADER_LINES = 4
LONG_TITLE = 200  # a dateline is looked for among the first non-empty lines only


def read_release_file(path: str | Path) -> str:
    """The text of one release file, or ReleaseError saying why it cannot be read."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ReleaseError(f"cannot read file: {error.strerror or error}") from error
    return decode_release(data)


def decode_release(data: bytes) -> str:
    if not data.strip():
        raise ReleaseError("empty file")
    nul = data.find(b"\x00")
    if nul >= 0:
        # A database cannot store NUL in text: refused wherever it is, not only near the top.
        raise ReleaseError(f"binary file (NUL byte at offset {nul}), not a text release")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ReleaseError(f"not UTF-8 text (invalid byte at offset {error.start})") from error
    text = text.removeprefix("\ufeff")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > max(8, len(text) // 100):
        raise ReleaseError("binary file (control characters), not a text release")
    return text


def lines_with_offsets(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of the non-empty lines of text[start:end], trimmed of surrounding space."""
    end = len(text) if end is None else end
    spans = []
    for match in re.finditer(r"[^\n\r]+", text[start:end]):
        s, e = match.span()
        s += start
        e += start
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
    return spans


class Header:
    """What the first lines of a release say: title, dateline, where the body starts and ends."""

    def __init__(self, text: str, plain: str | None = None):
        self.text = text
        plain = normalize(text) if plain is None else plain
        lines = lines_with_offsets(plain)
        if not lines:
            raise ReleaseError("empty file")
        self.title_span = lines[0]
        self.title = " ".join(plain[slice(*lines[0])].split())
        if len(self.title) > LONG_TITLE and len(lines) > 1 and len(plain[slice(*lines[1])]) <= LONG_TITLE:
            # A lead quoted above the headline: the shorter second line is the headline.
            self.title = " ".join(plain[slice(*lines[1])].split())
        self.published: datetime.date | None = None
        self.published_time: datetime.time | None = None
        self.dateline_span: tuple[int, int] | None = None
        self.dateline_date_span: tuple[int, int] | None = None
        body_from = 1
        for index, (s, e) in enumerate(lines[:HEADER_LINES]):
            found = self._dateline_in(plain, s, e)
            if found:
                body_from = index + 1
                break
        # Drop trailing boilerplate lines (and repeated blank navigation) from the body.
        body_lines = lines[body_from:]
        while body_lines and BOILERPLATE.match(plain[slice(*body_lines[-1])]):
            body_lines.pop()
        if body_lines:
            self.body_start, self.body_end = body_lines[0][0], body_lines[-1][1]
        else:
            self.body_start = self.body_end = lines[-1][1]

    def _dateline_in(self, plain: str, start: int, end: int) -> bool:
        for match in DATELINE.finditer(plain, start, end):
            line = plain[start:end]
            # A dateline date closes its line, or opens it (with a time, a bullet or an author).
            at_end = not plain[match.end() : end].strip(" .•|-")
            at_start = match.start() == start
            if not (at_end or at_start) and len(line) > 120:
                continue
            if not at_start and SENTENCE_DATE.search(plain[start : match.start()]):
                continue  # "... were held in Moscow on 12.09.2019.": a body sentence, not a dateline
            try:
                date = datetime.date(int(match["year"]), int(match["month"]), int(match["day"]))
            except ValueError:
                continue
            self.published = date
            if match["hour"] is not None:
                self.published_time = datetime.time(int(match["hour"]), int(match["minute"]))
            self.dateline_span = (start, end)
            self.dateline_date_span = match.span()
            return True
        return self._written_dateline_in(plain, start, end)

    def _written_dateline_in(self, plain: str, start: int, end: int) -> bool:
        """A dateline written out ("May 28, 2025", "28 May 2025 14:30") opening or closing its line."""
        from events.extraction.dates import find_dates

        for value in find_dates(plain, None, start, end):
            if value.precision != "day" or value.end is not None or value.type not in ("explicit", "numeric"):
                continue
            before = plain[start : value.text_start].strip(" .•|-,")
            after = plain[value.text_end : end]
            if SENTENCE_DATE.search(plain[start : value.text_start]):
                continue
            clock = WRITTEN_TIME.match(after) or WRITTEN_TIME_BEFORE.search(plain[start : value.text_start])
            rest = after[clock.end() :] if clock and clock.string is after else after
            if before and rest.strip(" .•|-,"):
                continue
            if before and len(before) > 200:
                continue
            self.published = value.start
            if clock:
                self.published_time = datetime.time(int(clock["hour"]), int(clock["minute"]))
            self.dateline_span = (start, end)
            self.dateline_date_span = (value.text_start, value.text_end)
            return True
        return False
