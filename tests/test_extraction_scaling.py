"""Extraction work grows linearly with the text (issue #10), checked by counting, never by timing.

`bench/pathological.py` prints the time curve; here the shortcuts that make it linear are shown
to change nothing (the merge index finds what trying every kept event finds) and the work they
bound is counted (restatement checks, sentence lengths).
"""

import pytest

from events.extraction import ReleaseError, extract_release, merging
from events.extraction.reading import reading_units
from events.extraction.release import MAX_RELEASE_BYTES, Header, decode_release
from events.extraction.text import MAX_SENTENCE, normalize, sentences
from tests.conftest import DATA, SEEDS

MONTHS = ("January", "March", "May", "July", "October", "December")


def dated_sentences(count: int) -> str:
    body = "".join(
        f"On {i % 28 + 1} {MONTHS[i % 6]} {1990 + i % 30} the Council held a meeting in Moscow. "
        f"From {i % 20 + 1} to {i % 20 + 3} {MONTHS[(i + 1) % 6]} {1990 + i % 30} the forces held an exercise. "
        for i in range(count)
    )
    return f"Dense release\n01.02.2021\n{body}\n"


def texts() -> list[str]:
    files = (
        sorted(SEEDS.glob("*.txt")) + sorted((DATA / "annotated").glob("*.txt")) + sorted(DATA.glob("heldout/*.txt"))
    )
    one_line = " ".join(f"the ministers met in Minsk on {i % 28 + 1} May {2000 + i % 20}, and" for i in range(300))
    names = "".join(f'("Interaction-{2000 + i % 30}" [Search {2000 + i % 30}] (exercise "' for i in range(200))
    return [path.read_text(encoding="utf-8") for path in files] + [
        dated_sentences(150),
        f"Headline 05.06.2020\n{one_line}",
        f"Exercises\n05.06.2020\n{names}",
    ]


def extracted(text: str):
    try:
        return extract_release(text).events
    except ReleaseError as error:
        return str(error)


def test_the_merge_index_finds_what_trying_every_kept_event_finds(monkeypatch):
    indexed = [extracted(text) for text in texts()]
    monkeypatch.setattr(merging.KeptIndex, "worth_trying", lambda self, candidate, kept: range(len(kept)))
    assert [extracted(text) for text in texts()] == indexed


def test_restatement_checks_grow_linearly_with_the_candidates(monkeypatch):
    calls = 0
    restates = merging.restates

    def counted(candidate, kept):
        nonlocal calls
        calls += 1
        return restates(candidate, kept)

    monkeypatch.setattr(merging, "restates", counted)
    for size in (100, 400):
        calls = 0
        events = extract_release(dated_sentences(size)).events
        assert len(events) >= size
        # Two candidates a sentence, each tried against a few kept events (every kept one, before:
        # about size * size checks).
        assert calls <= 4 * size, (size, calls)


@pytest.mark.parametrize(
    "text",
    [
        "A headline 01.02.2021 " + "the council met in Minsk on 5 May 2020 and " * 5_000,  # one line, no stop
        "Headline\n01.02.2021\n" + "Mr. Gen. e.g. " * 20_000,  # abbreviations only: never a sentence end
        "Headline\n01.02.2021\n" + "x" * 100_000,  # one word
    ],
)
def test_no_unit_read_is_longer_than_a_sentence_can_be(text):
    plain = normalize(text)
    units = reading_units(plain, Header(text, plain))
    assert max(unit.end - unit.start for unit in units) <= MAX_SENTENCE
    covered = sum(unit.end - unit.start for unit in units)
    assert covered >= len(plain.strip()) * 0.9  # cut into pieces, not dropped


def test_sentences_keep_abbreviations_and_list_numbers_inside():
    text = "Gen. Sidorov met Mr. Zas on 5 May, e.g. at the H.Q. today.. 1. The first item. Next one."
    spans = sentences(text)
    assert [text[s:e] for s, e in spans] == [
        "Gen. Sidorov met Mr. Zas on 5 May, e.g. at the H.Q. today..",
        "1. The first item.",
        "Next one.",
    ]


def test_one_size_limit_with_the_size_in_human_units():
    assert decode_release(b"Headline\n01.02.2021\n" + b"x" * (MAX_RELEASE_BYTES - 20))
    with pytest.raises(ReleaseError, match=r"^too large \(1\.5 MB; at most 1\.0 MB\)$"):
        decode_release(b"x" * 1_500_000)
