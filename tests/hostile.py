"""Hostile release files, generated at test time from a seed (nothing here is committed text).

`hostile_files(seed, count)` returns `HostileFile`s: a name, the bytes to write, and what an
import must say of them: `refused` holds a piece of the reason every refusal must give (the
file is bad whatever the extractor does), or is empty when the file may import or be refused
as long as the refusal names a reason. Each kind of hostility is one generator below; the
list cycles through them, so any count covers them all.
"""

import codecs
import random
from collections.abc import Callable
from dataclasses import dataclass

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October")
WORDS = (
    "the council held a meeting in Moscow and the ministers signed a declaration on cooperation "
    "exercise training consultations briefing visit session anniversary conference of the CSTO"
).split()
RTL_AND_INVISIBLE = "\u200f\u200e\u202b\u202e\u2066\u2067\u2069\u200b\u200c\u200d\u2060\ufeff\u061c"
ARABIC_HEBREW = "مؤتمر الأمن الجماعي שיתוף פעולה ביטחוני"


@dataclass(frozen=True)
class HostileFile:
    name: str
    data: bytes
    refused: str = ""  # a piece of the reason a refusal must give; empty: may import


def release(rng: random.Random, headline: str = "", body: str = "") -> str:
    """A plausible release: headline, dateline, a dated sentence or two."""
    day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(2000, 2025)
    headline = headline or " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 9))).capitalize()
    body = body or (
        f"On {day} {MONTHS[month % len(MONTHS)]} {year}, the Council held a meeting in Minsk. "
        f"The exercise will be held from {day} to {day + 1} {MONTHS[(month + 1) % len(MONTHS)]}."
    )
    return f"{headline}\n\n{headline} {day:02d}.{month:02d}.{year}\n\n{body}\n\nGo back\n"


def random_bytes(rng: random.Random) -> HostileFile:
    return HostileFile("random_bytes", rng.randbytes(rng.randint(1, 4000)))


def nul_bytes(rng: random.Random) -> HostileFile:
    data = bytearray(release(rng).encode())
    for _ in range(rng.randint(1, 3)):
        data.insert(rng.randrange(len(data)), 0)
    return HostileFile("nul_bytes", bytes(data), refused="NUL byte")


def huge_line(rng: random.Random) -> HostileFile:
    # 10 MB on one line: refused by its size before it is read whole.
    return HostileFile("ten_megabyte_line", b"2020-2021-" * 1_000_000, refused="too large (10.0 MB; at most 1.0 MB)")


def just_too_large(rng: random.Random) -> HostileFile:
    text = release(rng).encode()
    return HostileFile("just_over_the_limit", text + b" " * (1_000_001 - len(text)), refused="too large")


def many_lines(rng: random.Random) -> HostileFile:
    lines = [release(rng)] + [rng.choice(("", "", "", "-", "ok.", "*")) for _ in range(50_000)]
    return HostileFile("fifty_thousand_lines", "\n".join(lines).encode())


def latin1(rng: random.Random) -> HostileFile:
    text = release(rng, headline="Réunion du Conseil à Genève, coopération régionale")
    return HostileFile("latin1", text.encode("latin-1"), refused="not UTF-8")


def utf16(rng: random.Random) -> HostileFile:
    return HostileFile("utf16", codecs.BOM_UTF16_LE + release(rng).encode("utf-16-le"), refused="NUL byte")


def cp1251(rng: random.Random) -> HostileFile:
    text = release(rng, headline="Заседание Совета коллективной безопасности ОДКБ в Москве")
    return HostileFile("cp1251", text.encode("cp1251"), refused="not UTF-8")


def mixed_encodings(rng: random.Random) -> HostileFile:
    parts = [release(rng).encode(), "Встреча министров".encode("cp1251"), "Genève".encode("latin-1")]
    return HostileFile("mixed_encodings", b"\n".join(parts), refused="not UTF-8")


def surrogates(rng: random.Random) -> HostileFile:
    # A UTF-16 surrogate encoded as if it were a character: invalid UTF-8 ("CESU-8").
    return HostileFile("encoded_surrogate", release(rng).encode() + b"\xed\xa0\x80", refused="not UTF-8")


def rtl_and_zero_width(rng: random.Random) -> HostileFile:
    text = release(rng)
    pieces = []
    for ch in text:
        pieces.append(ch)
        if rng.random() < 0.15:
            pieces.append(rng.choice(RTL_AND_INVISIBLE))
    return HostileFile("rtl_zero_width", (ARABIC_HEBREW + "\n" + "".join(pieces)).encode())


def date_like_tokens(rng: random.Random, count: int = 0) -> HostileFile:
    tokens = (
        "2020-2021-",
        "31 February 2020",
        "99.99.9999",
        "00.00.0000",
        "12.13.2020",
        "1, 2, 3 and 4 May",
        "Monday the 5th",
        "2021/2022",
        "from 30 September to 2 October",
        "Interaction-2023",
        "the day before",
        "10:61",
        "on 5 May 2020 at 25:00",
        "1999-12-31",
        "Sept. 31",
    )
    count = count or rng.randint(20, 150)
    body = " ".join(rng.choice(tokens) for _ in range(count))
    return HostileFile("date_like_tokens", release(rng, body=body).encode())


def injection_title(rng: random.Random) -> HostileFile:
    headline = rng.choice(
        (
            "<script>alert('x')</script> Meeting of the Council",
            "Meeting\r\nBEGIN:VEVENT\r\nUID:injected@example.org\r\nSUMMARY:pwned\r\nEND:VEVENT\r\n",
            "Meeting held;DTSTART=20200101\\nX-INJECT:1 <img src=x onerror=alert(1)>",
            "END:VCALENDAR\nBEGIN:VCALENDAR\nSession of the Council {{ 7*7 }} {% now %}",
            '"><iframe src=javascript:alert(1)> Exercise "Search-2020"',
        )
    )
    text = release(rng, headline=headline.replace("\n", " ").replace("\r", " "))
    body = f'On 5 May 2020 the Council held a meeting: {headline}. Exercise "{headline}-2020" was held.'
    return HostileFile("injection", (text + "\n" + body + "\n").encode())


def empty(rng: random.Random) -> HostileFile:
    return HostileFile("empty", rng.choice((b"", b"   \n\n\t  \r\n", "\u00a0\u2003\n".encode())), refused="empty")


def control_characters(rng: random.Random) -> HostileFile:
    controls = bytes(rng.choice((1, 2, 3, 7, 8, 11, 14, 27, 31)) for _ in range(200))
    return HostileFile("control_characters", release(rng).encode() + controls, refused="binary")


def undated(rng: random.Random) -> HostileFile:
    text = "A headline without a date\n\n" + " ".join(rng.choice(WORDS) for _ in range(200)) + "\n"
    return HostileFile("undated", text.encode(), refused="no recognisable date")


def long_line(rng: random.Random) -> HostileFile:
    # 50 KB without a full stop or a line break; one clause in twenty is dated.
    dated = "the ministers met in Minsk on {} {} {} and signed the statement, "
    undated = "the delegations discussed regional security and the parties agreed to continue, "
    parts = [
        dated.format(rng.randint(1, 28), rng.choice(MONTHS), rng.randint(2000, 2025)) if i % 20 == 0 else undated
        for i in range(600)
    ]
    return HostileFile("long_line_no_stop", release(rng, body="".join(parts)).encode())


def quotes_and_brackets(rng: random.Random, count: int = 0) -> HostileFile:
    pieces = ['"', "«", "»", "(", ")", "[", "]", "'", "“", "”", "Exercise", "Search-2020", " ", "held", "on 5 May"]
    body = "".join(rng.choice(pieces) for _ in range(count or rng.randint(50, 400)))
    return HostileFile("quotes_brackets", release(rng, body=body).encode())


def line_endings(rng: random.Random) -> HostileFile:
    text = release(rng)
    return HostileFile("line_endings", text.replace("\n", rng.choice(("\r\n", "\r", "\n\r", "\u2028"))).encode())


def long_headline(rng: random.Random) -> HostileFile:
    headline = " ".join(rng.choice(WORDS) for _ in range(1_000))
    return HostileFile("long_headline", release(rng, headline=headline).encode())


def byte_order_mark(rng: random.Random) -> HostileFile:
    return HostileFile("bom", codecs.BOM_UTF8 + codecs.BOM_UTF8 + release(rng).encode())


def truncated_utf8(rng: random.Random) -> HostileFile:
    data = release(rng, headline="Встреча в Москве").encode() + "В".encode()[:1]
    return HostileFile("truncated_utf8", data, refused="not UTF-8")


GENERATORS: list[Callable[[random.Random], HostileFile]] = [
    random_bytes,
    nul_bytes,
    latin1,
    utf16,
    cp1251,
    mixed_encodings,
    surrogates,
    rtl_and_zero_width,
    date_like_tokens,
    injection_title,
    empty,
    control_characters,
    undated,
    quotes_and_brackets,
    line_endings,
    long_headline,
    byte_order_mark,
    truncated_utf8,
]
# Big files are few: enough to show that size is refused or read in bounded time.
ONCE = [
    huge_line,
    just_too_large,
    many_lines,
    long_line,
    lambda rng: date_like_tokens(rng, count=2_000),
    lambda rng: quotes_and_brackets(rng, count=5_000),
]


def hostile_files(seed: int, count: int) -> list[HostileFile]:
    """`count` files (at least one of every kind), the same for the same seed."""
    rng = random.Random(seed)
    files = [make(rng) for make in ONCE]
    index = 0
    while len(files) < count:
        files.append(GENERATORS[index % len(GENERATORS)](rng))
        index += 1
    return [
        HostileFile(f"hostile_{number:03d}_{file.name}.txt", file.data, file.refused)
        for number, file in enumerate(files)
    ]
