"""Rules found on real web pages gathered for tuning (kept outside the project), each on sentences
written for it. Like tests/test_extraction_rules.py, these test single rules; they are not a measure."""

from events.extraction.events import extract_release


def events_of(text: str) -> list[tuple]:
    return [(e.start.isoformat(), e.end.isoformat() if e.end else None, e.kind) for e in extract_release(text).events]


def test_the_pages_date_stamp_repeated_above_the_body_is_no_sentence():
    text = (
        "Deputies reviewed the budget\n\nDeputies reviewed the budget 19.02.2010\n\n19.02.2010\n\n"
        "A meeting of the Committee for Budget and Finance took place in Minsk on February 18th 2010.\n"
    )
    assert events_of(text) == [("2010-02-18", None, "meeting")]
    stamped = text.replace("\n\n19.02.2010\n\n", "\n\n19 February 2010, 12:15\n\n")
    assert events_of(stamped) == [("2010-02-18", None, "meeting")]


def test_a_date_line_that_is_not_the_publication_day_still_dates_the_sentence_after_it():
    text = (
        "Deputies reviewed the budget\n\nDeputies reviewed the budget 19.02.2010\n\nFebruary 18, this year.\n\n"
        "A meeting of the Committee for Budget and Finance took place in Minsk.\n"
    )
    assert events_of(text) == [("2010-02-18", None, "meeting")]
