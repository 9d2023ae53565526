"""One release file: its headline, dateline (publication date and time) and body.

Press releases of this kind look like: a headline, sometimes repeated with the date appended
(`... is 19 years old 28.04.2022`) or a dateline of its own (`11:12 08.02.2021 • editor`), then
the body, then the site's navigation (`Go back`, `Back to the all news`, image captions).
"""

import datetime
import os
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
    r"subscribe.*|tags?:.*|photo:.*|source:.*|share:.*|views:?\s*\d+|"
    r"(?:related|other|more|latest|recent) (?:news|materials|publications)|see also|read also|news feed|"
    r".*\.(?:jpe?g|png|gif|webp|svg|pdf|docx?)\s*(?:\(\d+\))?)\s*$",
    re.IGNORECASE,
)
WRITTEN_TIME = re.compile(r"\s*,?\s*(?:at\s+)?(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)\b")
WRITTEN_TIME_BEFORE = re.compile(r"(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)\s*,?\s*$")
# A date that a preposition introduces belongs to a sentence of the body.
SENTENCE_DATE = re.compile(r"\b(?:on|of|from|since|until|till|by|to|at|in|dated|before|after)\s*$", re.IGNORECASE)
HEADER_LINES = 4
LONG_TITLE = 200  # a dateline is looked for among the first non-empty lines only
# The largest release accepted, from a file, an upload or a paste: press releases are a few
# thousand characters, the longest we have 7 KB; this leaves room for any real one while
# keeping the worst extraction (its time grows with the length) to a few seconds.
MAX_RELEASE_BYTES = 1_000_000
# Separators that may surround a dateline on its line ("11:12 08.02.2021 • editor").
DATELINE_PUNCTUATION = " .•|-"
# The longest line under a release that can be its date line ("Published: 21.02.2023, 14:05").
TRAILER_LENGTH = 60
WRITTEN_DATELINE_PUNCTUATION = " .•|-,"


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def too_large(size: int) -> str:
    return f"too large ({megabytes(size)}; at most {megabytes(MAX_RELEASE_BYTES)})"


def read_release_file(path: str | Path) -> str:
    """The text of one release file, or ReleaseError saying why it cannot be read."""
    path = Path(path)
    try:
        with path.open("rb") as file:
            data = file.read(MAX_RELEASE_BYTES + 1)  # a huge file is refused without reading it all
            size = max(len(data), os.fstat(file.fileno()).st_size)
    except OSError as error:
        raise ReleaseError(f"cannot read file: {error.strerror or error}") from error
    if size > MAX_RELEASE_BYTES:
        raise ReleaseError(too_large(size))
    return decode_release(data)


def decode_release(data: bytes) -> str:
    if len(data) > MAX_RELEASE_BYTES:
        raise ReleaseError(too_large(len(data)))
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
            if index > 1 and any(is_prose(plain, *line) for line in lines[1:index]):
                break  # the body has begun: a date line below it is a trailer, looked for next
            found = self._dateline_in(plain, s, e)
            if found:
                body_from = index + 1
                break
            if index > 0 and self._place_dateline_in(plain, s, e):
                body_from = index  # "ASTANA, 4 July 2024 – Belarus became ...": the lead opens with it
                break
        # Drop trailing boilerplate lines (and repeated blank navigation) from the body.
        body_lines = lines[body_from:]
        while body_lines and (
            BOILERPLATE.match(plain[slice(*body_lines[-1])]) or other_news(plain, body_lines, self.published)
        ):
            body_lines.pop()
        if self.published is None and len(body_lines) > 1 and self._trailer_in(plain, *body_lines[-1]):
            body_lines.pop()  # "Published 21.02.2023" under the text: the site's date line, not the body
        if body_lines:
            self.body_start, self.body_end = body_lines[0][0], body_lines[-1][1]
        else:
            self.body_start = self.body_end = lines[-1][1]

    def _place_dateline_in(self, plain: str, start: int, end: int) -> bool:
        """A written date after the place the lead was filed from, opening the lead's line."""
        from events.extraction.dates import find_dates

        place = PLACE_BEFORE_DATE.match(plain, start, end)
        if not place:
            return False
        found = find_dates(plain, None, place.end(), min(end, place.end() + 40))
        if not found or found[0].text_start != place.end() or found[0].precision != "day" or found[0].end is not None:
            return False
        if found[0].type not in ("explicit", "numeric") or not DATELINE_CLOSE.match(plain, found[0].text_end, end):
            return False
        self.published = found[0].start
        self.dateline_date_span = (found[0].text_start, found[0].text_end)
        return True

    def _trailer_in(self, plain: str, start: int, end: int) -> bool:
        """A short line closing the release that is only its date, perhaps with a label or a place."""
        return (
            end - start <= TRAILER_LENGTH and not is_prose(plain, start, end) and self._dateline_in(plain, start, end)
        )

    def _dateline_in(self, plain: str, start: int, end: int) -> bool:
        # Where the line's closing punctuation begins: found once, not once per date of the line.
        closing = end
        while closing > start and plain[closing - 1] in DATELINE_PUNCTUATION:
            closing -= 1
        for match in DATELINE.finditer(plain, start, end):
            # A dateline date closes its line, or opens it (with a time, a bullet or an author).
            at_end = match.end() >= closing
            at_start = match.start() == start
            if not (at_end or at_start) and end - start > 120:
                continue
            if not at_start and ends_with(SENTENCE_DATE, plain, start, match.start(), 6):
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
        stamp = STAMP_SEGMENT.search(plain, start, end)
        if stamp and end - start <= STAMP_LINE:
            # "Source: Xinhua | 2021-06-15 21:03:12 | Editor: huaxia": a stamp between the line's bars
            try:
                self.published = datetime.date(int(stamp["year"]), int(stamp["month"]), int(stamp["day"]))
            except ValueError:
                return self._written_dateline_in(plain, start, end)
            if stamp["hour"] is not None:
                self.published_time = datetime.time(int(stamp["hour"]), int(stamp["minute"]))
            self.dateline_span = (start, end)
            self.dateline_date_span = stamp.span("date")
            return True
        return self._written_dateline_in(plain, start, end)

    def _written_dateline_in(self, plain: str, start: int, end: int) -> bool:
        """A dateline written out ("May 28, 2025", "28 May 2025 14:30") opening or closing its line."""
        from events.extraction.dates import find_dates

        # The line's first and last characters that are not punctuation: found once, so that each
        # date of a long line costs the same (the words before and after it are never copied).
        first = start
        while first < end and plain[first] in WRITTEN_DATELINE_PUNCTUATION:
            first += 1
        last = end
        while last > first and plain[last - 1] in WRITTEN_DATELINE_PUNCTUATION:
            last -= 1
        for value in find_dates(plain, None, start, end):
            if value.precision != "day" or value.end is not None or value.type not in ("explicit", "numeric"):
                continue
            before_end = value.text_start
            while before_end > first and plain[before_end - 1] in WRITTEN_DATELINE_PUNCTUATION:
                before_end -= 1
            before = max(0, before_end - first)  # the length of the words before the date
            if ends_with(SENTENCE_DATE, plain, start, value.text_start, 6):
                continue
            clock = WRITTEN_TIME.match(plain, value.text_end, end)
            rest_start = clock.end() if clock else value.text_end
            clock = clock or ends_with(WRITTEN_TIME_BEFORE, plain, start, value.text_start, 5)
            if before and last > rest_start:
                continue
            if before and before > 200:
                continue
            self.published = value.start
            if clock:
                self.published_time = datetime.time(int(clock["hour"]), int(clock["minute"]))
            self.dateline_span = (start, end)
            self.dateline_date_span = (value.text_start, value.text_end)
            return True
        return False


def other_news(plain: str, lines: list[tuple[int, int]], published: datetime.date | None) -> bool:
    """The last line is an item of a list of other news under the text ("07.03.2024 Secretary-General
    attends reception"): a dated headline, with another such item or the list's heading above it,
    published before the release (a schedule's items, of that day or ahead, stay)."""
    if len(lines) < 2:
        return False
    item = DATED_ITEM.match(plain[slice(*lines[-1])])
    if not item or (published is not None and not before_publication(item.group("date"), published)):
        return False
    above = plain[slice(*lines[-2])]
    return bool(DATED_ITEM.match(above) or BOILERPLATE.match(above))


def before_publication(written: str, published: datetime.date) -> bool:
    """Whether a numeric date ("07.03.2024", day first, or "2024-03-07") is before the publication:
    other news under a release was published before it (a schedule's items of that day stay)."""
    numbers = [int(n) for n in re.findall(r"\d+", written)]
    year, month, day = numbers if numbers[0] > 31 else reversed(numbers)
    try:
        return datetime.date(year, month, day) < published
    except ValueError:
        return False


# A dated headline in a list of other news: a date, then a title without a closing full stop.
DATED_ITEM = re.compile(
    r"\s*(?P<date>\d{1,2}[./]\d{1,2}[./]\d{4}|\d{4}-\d{2}-\d{2})(?:\s*,?\s*\d{1,2}:\d{2})?\s*[-\u2013\u2014|]?\s+\S[^\n]{0,160}?(?<![.!?])\s*$"
)


# The place a lead was filed from ("ASTANA,", "Nur-Sultan, ", "Minsk (BelTA), ") and what closes the
# date after it ("4 July 2024 – ", "13 March 2025. ").
PLACE_BEFORE_DATE = re.compile(r"[A-Z][\w'-]*(?:[ -][A-Z][\w'-]*){0,2}\s*(?:\([^()\n]{1,30}\)\s*)?,\s*")
# What closes a date after the place: "4 July 2024 – ", "13 March 2025. ", "October 18, 2021, Asia-Plus --".
DATELINE_CLOSE = re.compile(
    r"\s*(?:[-\u2013\u2014.:]|\(|/|,\s*[A-Z][\w.-]*(?:[ -][A-Z][\w.-]*)?\s*(?:--|[-\u2013\u2014]))"
)
# A date and time stamp standing between the bars of a line: "Source: Xinhua | 2018-04-24 18:55:07 |".
STAMP_SEGMENT = re.compile(
    r"(?:^|\|)\s*(?P<date>(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d))"
    r"(?:\s+(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)(?::[0-5]\d)?)?\s*(?:\||$)",
    re.MULTILINE,
)
STAMP_LINE = 120  # a stamp line is short: source, stamp, editor


# A paragraph of the body, not a headline or a date line: a sentence of some length closed by a full stop.
PROSE = re.compile(r"(?:\S+\s+){7,}\S*[.!?][\"'»”]?")


def is_prose(plain: str, start: int, end: int) -> bool:
    return PROSE.fullmatch(plain, start, end) is not None


def ends_with(pattern: re.Pattern, text: str, start: int, stop: int, reach: int) -> re.Match | None:
    """`pattern.search(text[start:stop])` for a pattern anchored at its end (`$`) whose match, less
    the spaces and one comma closing it, is at most `reach` characters long.

    Only the end of the stretch is searched, so a long line costs no more than a short one.
    """
    word_end = stop
    while word_end > start and text[word_end - 1].isspace():
        word_end -= 1
    if word_end > start and text[word_end - 1] == ",":
        word_end -= 1
        while word_end > start and text[word_end - 1].isspace():
            word_end -= 1
    return pattern.search(text, max(start, word_end - reach), stop)
