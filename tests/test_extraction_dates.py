"""The date grammar on sentences of our own: every expression type, with its precision."""

import datetime

import pytest

from events.extraction.dates import find_dates
from events.extraction.text import normalize

REFERENCE = datetime.date(2021, 2, 8)  # a Monday

CASES = [
    # explicit days
    ("On January 16, 2020, the Secretary General arrived.", "2020-01-16", None, "day"),
    ("On 28 May 2025 the Council met.", "2025-05-28", None, "day"),
    ("The document was signed 16.01.2020 in Minsk.", "2020-01-16", None, "day"),
    ("The decision was taken on 28 April 2003.", "2003-04-28", None, "day"),
    ("On Wednesday, 5 May 2021, talks were held.", "2021-05-05", None, "day"),
    ("On the 16th of May, 2020 the forum opened.", "2020-05-16", None, "day"),
    ("The report is dated 2020-03-04.", "2020-03-04", None, "day"),
    ("Sept. 3, 2019 saw the first drills.", "2019-09-03", None, "day"),
    # ranges
    ("From January 21 to 23, consultations were held.", "2021-01-21", "2021-01-23", "day"),
    ("From 17 to 20 March 2025 the exercise took place.", "2025-03-17", "2025-03-20", "day"),
    ("On 3-5 June the seminar was held.", "2020-06-03", "2020-06-05", "day"),
    ("On 3\u20135 June 2021 the seminar was held.", "2021-06-03", "2021-06-05", "day"),
    ("In the period from May 21 to May 24, 2019 the drills went on.", "2019-05-21", "2019-05-24", "day"),
    ("From 30 September to 2 October 2020 the forum ran.", "2020-09-30", "2020-10-02", "day"),
    ("From 28 December 2022 to 3 January 2023 the mission lasted.", "2022-12-28", "2023-01-03", "day"),
    ("Between 10 and 12 November 2020 the talks continued.", "2020-11-10", "2020-11-12", "day"),
    ("On 16, 17 and 18 January 2020 the talks continued.", "2020-01-16", "2020-01-18", "day"),
    ("The event ran 21-23.01.2020 in Minsk.", "2020-01-21", "2020-01-23", "day"),
    # months and years
    ("In May 2020 the ministers adopted a Statement.", "2020-05", None, "month"),
    ("The drills took place in November.", "2020-11", None, "month"),
    ("In 2022, the trainings will continue.", "2022", None, "year"),
    ("The exercises were held in September-October 2020.", "2020-09", "2020-10", "month"),
    ("Sessions took place at the end of 2020.", "2020", None, "year"),
    ("He took office at the beginning of January 2020.", "2020-01", None, "month"),
    # relative to the publication date
    ("The Council met today.", "2021-02-08", None, "day"),
    ("The Council met yesterday.", "2021-02-07", None, "day"),
    ("This year the drills will be larger.", "2021", None, "year"),
    ("Last year the sessions were held online.", "2020", None, "year"),
    ("Next year a summit will be held.", "2022", None, "year"),
    ("On January 14, this year, the Council met.", "2021-01-14", None, "day"),
    ("In November last year a drill was held.", "2020-11", None, "month"),
    ("The forces helped in January of this year.", "2021-01", None, "month"),
    ("The delegation arrived on Friday.", "2021-02-05", None, "day"),
    ("The delegation arrived last Monday.", "2021-02-01", None, "day"),
    # names carrying a year
    ("The Interaction-2023 exercise began.", "2023", None, "year"),
    ("The Combat Brotherhood 2020 drills ended.", "2020", None, "year"),
    ("Training \u201cInviolable Brotherhood 2020\u201d in Belarus went well.", "2020", None, "year"),
]


def iso(value, precision):
    return {"day": value.isoformat(), "month": value.strftime("%Y-%m"), "year": str(value.year)}[precision]


@pytest.mark.parametrize("sentence, start, end, precision", CASES)
def test_date_expressions(sentence, start, end, precision):
    text = normalize(sentence)
    dates = find_dates(text, REFERENCE)
    assert dates, sentence
    value = dates[0]
    assert (value.iso_start(), value.iso_end(), value.precision) == (start, end, precision)
    assert text[value.text_start : value.text_end] == value.text


@pytest.mark.parametrize("sentence, start, end, precision", CASES[:12])
def test_unicode_spacing_gives_the_same_dates(sentence, start, end, precision):
    spaced = normalize(sentence.replace(" ", "\u00a0"))
    assert find_dates(spaced, REFERENCE)[0].iso_start() == start


def test_times_attach_to_their_day():
    (value,) = find_dates("On 5 May 2021 at 10:00 the Council met.", REFERENCE)
    assert value.time == datetime.time(10, 0)


@pytest.mark.parametrize(
    "sentence",
    ["It may be that nothing happens.", "He said 2000 soldiers", "Article 12.5 of the Charter", "We march forward."],
)
def test_words_that_are_not_dates(sentence):
    assert [d for d in find_dates(sentence, REFERENCE) if d.type != "year"] == []


def test_impossible_dates_are_ignored():
    assert find_dates("On 31 February 2020 and 45.13.2020 nothing happened.", REFERENCE) == []
    assert find_dates("31 June 2020 or 29 February 2021", REFERENCE) == []


def test_decades_are_not_years():
    assert find_dates("Since the 1990s and in the 2020s", REFERENCE) == []


def test_year_range_is_a_period():
    (value,) = find_dates("The programme for 2021-2025 was discussed.", REFERENCE)
    assert value.type == "period"


def test_parts_of_the_current_year():
    (value,) = find_dates("The exercise is to take place in the second half of the year.", REFERENCE)
    assert (value.iso_start(), value.iso_end(), value.precision) == ("2021-07", "2021-12", "month")
