"""Properties of the date grammar (events/extraction/dates.py) and of extract_release.

Any date rendered in a supported format and embedded in a sentence parses back to itself;
Unicode spacing does not change the result; no text makes the extractor crash.
"""

import calendar
import datetime

from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from events.extraction import ReleaseError, extract_release
from events.extraction.dates import find_dates
from events.extraction.text import normalize

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
NBSP = "\u00a0"
MONTHS = list(calendar.month_name)
MONTH_ABBR = {m: calendar.month_abbr[m] for m in range(1, 13)}
WEEKDAYS = list(calendar.day_name)
# Sentences a release could hold; {} is where the date expression goes.
TEMPLATES = [
    "{}, the CSTO Permanent Council held a meeting in Minsk.",
    "The consultations of experts were held {} at the CSTO Joint Staff.",
    "According to the Secretariat, the session of the Council took place {}.",
    "The Secretary General visited Bishkek {} and met with the President.",
]

dates = st.dates(min_value=datetime.date(1950, 1, 1), max_value=datetime.date(2099, 12, 31))


def ordinal(day: int) -> str:
    suffix = "th" if 11 <= day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


# A rendering: (expression text, expected start, expected end, expected precision).
def render_day(date: datetime.date, style: int) -> tuple[str, datetime.date, None, str]:
    m, d, y = MONTHS[date.month], date.day, date.year
    text = [
        f"on {m} {d}, {y}",
        f"on {d} {m} {y}",
        f"on {date:%d.%m.%Y}",
        f"on {date.isoformat()}",
        f"on {WEEKDAYS[date.weekday()]}, {d} {m} {y}",
        f"on {d}{ordinal(d)[len(str(d)) :]} of {m} {y}",
        f"on {WEEKDAYS[date.weekday()]}, {m} {d}, {y}",
        f"on {ordinal(d)} {m} {y}",
        f"on {d} {MONTH_ABBR[date.month]} {y}",
    ][style]
    return text, date, None, "day"


@st.composite
def day_expressions(draw):
    date = draw(dates)
    style = draw(st.integers(0, 8))
    if style == 8:
        assume(date.month != 5)  # "May" is its own abbreviation and a verb: the grammar wants it written in full
    return render_day(date, style)


@st.composite
def range_expressions(draw):
    start = draw(dates)
    length = draw(st.integers(1, 20))
    end = start + datetime.timedelta(days=length)
    m1, m2 = MONTHS[start.month], MONTHS[end.month]
    if start.month == end.month:
        text = draw(
            st.sampled_from(
                [
                    f"on {start.day}-{end.day} {m1} {end.year}",
                    f"from {start.day} to {end.day} {m1} {end.year}",
                    f"from {m1} {start.day} to {end.day}, {end.year}",
                    f"in the period from {m1} {start.day} to {m1} {end.day}, {end.year}",
                ]
            )
        )
    elif start.year == end.year:
        text = f"from {start.day} {m1} to {end.day} {m2} {end.year}"
    else:
        text = f"from {start.day} {m1} {start.year} to {end.day} {m2} {end.year}"
    return text, start, end, "day"


@st.composite
def month_expressions(draw):
    date = draw(dates)
    return f"in {MONTHS[date.month]} {date.year}", date.replace(day=1), None, "month"


@st.composite
def year_expressions(draw):
    year = draw(st.integers(1950, 2099))
    return f"in {year}", datetime.date(year, 1, 1), None, "year"


expressions = st.one_of(day_expressions(), range_expressions(), month_expressions(), year_expressions())


def embed(template: str, expression: str) -> tuple[str, int, int]:
    if template.startswith("{}"):
        expression = expression[:1].upper() + expression[1:]
    head = template.split("{}")[0]
    return template.format(expression), len(head), len(head) + len(expression)


def the_date(sentence: str, span: tuple[int, int], reference: datetime.date | None = None):
    found = find_dates(sentence, reference)
    assert len(found) == 1, (sentence, found)
    value = found[0]
    assert sentence[value.text_start : value.text_end] == value.text
    assert span[0] <= value.text_start and value.text_end <= span[1], (sentence, value)
    return value


@SETTINGS
@given(expressions, st.sampled_from(TEMPLATES))
@example(
    ("from 28 December 2022 to 3 January 2023", datetime.date(2022, 12, 28), datetime.date(2023, 1, 3), "day"),
    TEMPLATES[0],
)
@example(("on Monday, 5 May 2025", datetime.date(2025, 5, 5), None, "day"), TEMPLATES[1])
def test_rendered_date_parses_back(rendered, template):
    text, start, end, precision = rendered
    sentence, *span = embed(template, text)
    value = the_date(sentence, tuple(span))
    assert (value.start, value.end, value.precision) == (start, end, precision), sentence


@SETTINGS
@given(expressions, st.sampled_from(TEMPLATES))
def test_no_break_spaces_change_nothing(rendered, template):
    text, start, end, precision = rendered
    sentence, *span = embed(template, text)
    spaced = sentence.replace(" ", NBSP)
    expected = [(v.start, v.end, v.precision, v.text_start, v.text_end) for v in find_dates(sentence)]
    assert [(v.start, v.end, v.precision, v.text_start, v.text_end) for v in find_dates(spaced)] == expected
    assert [(v.start, v.end, v.precision, v.text_start, v.text_end) for v in find_dates(normalize(spaced))] == expected


@SETTINGS
@given(range_expressions(), st.sampled_from(TEMPLATES), st.sampled_from(["\u2013", "\u2014", "\u2212"]))
def test_unicode_dashes_read_as_hyphens_after_normalize(rendered, template, dash):
    text, start, end, precision = rendered
    assume("-" in text)
    sentence, *span = embed(template, text.replace("-", dash))
    value = the_date(normalize(sentence), tuple(span))
    assert (value.start, value.end, value.precision) == (start, end, precision), sentence


@SETTINGS
@given(day_expressions(), st.sampled_from(TEMPLATES))
def test_release_with_a_dated_sentence_keeps_offsets(rendered, template):
    text, start, end, precision = rendered
    sentence, *_ = embed(template, text)
    release = f"Meeting of the Council\n\nMeeting of the Council 01.02.2024\n\n{sentence}\n\nGo back\n"
    for event in extract_release(release).events:
        assert release[event.evidence_start : event.evidence_end] == event.evidence


@SETTINGS
@given(dates, st.booleans(), st.sampled_from(TEMPLATES))
@example(datetime.date(2020, 1, 16), True, TEMPLATES[1])
def test_abbreviated_month_with_full_stop_parses_back(date, month_first, template):
    # The grammar lists "Jan." and "Sept." as month names; "Jan. 16, 2020" is common news style.
    assume(date.month != 5)
    abbr = "Sept" if date.month == 9 else MONTH_ABBR[date.month]
    text = f"on {abbr}. {date.day}, {date.year}" if month_first else f"on {date.day} {abbr}. {date.year}"
    sentence, *span = embed(template, text)
    value = the_date(sentence, tuple(span))
    assert (value.start, value.end, value.precision) == (date, None, "day"), sentence


times = st.times().map(lambda t: t.replace(second=0, microsecond=0))


def stated_time(date: datetime.date, style: int, time: datetime.time, time_first: bool):
    text, *_ = render_day(date, style)
    clock = f"{time:%H:%M}"
    sentence, *_ = embed(TEMPLATES[1], f"at {clock} {text}" if time_first else f"{text} at {clock}")
    found = [v for v in find_dates(sentence) if v.precision == "day"]
    assert len(found) == 1, (sentence, found)
    return sentence, found[0]


@SETTINGS
@given(dates, st.integers(0, 7), times)
def test_time_after_the_day_is_the_event_time(date, style, time):
    sentence, value = stated_time(date, style, time, time_first=False)
    assert (value.start, value.time) == (date, time), sentence


@SETTINGS
@given(dates, st.integers(0, 7), times)
@example(datetime.date(2024, 3, 5), 1, datetime.time(15, 0))
def test_time_before_the_day_is_the_event_time(date, style, time):
    # "At 15:00 on 5 March 2024, the videoconference began": the same stated time, written first.
    sentence, value = stated_time(date, style, time, time_first=True)
    assert (value.start, value.time) == (date, time), sentence


@SETTINGS
@given(st.dates(min_value=datetime.date(1951, 1, 1), max_value=datetime.date(2098, 12, 31)), dates, st.booleans())
def test_a_day_without_its_year_takes_the_nearest_year(reference, date, month_first):
    # The publication year, or the previous one when the day would fall months after publication.
    assume(not (date.month == 2 and date.day == 29))
    m = MONTHS[date.month]
    text = f"on {m} {date.day}" if month_first else f"on {date.day} {m}"
    sentence, *span = embed(TEMPLATES[1], text)
    value = the_date(sentence, tuple(span), reference)
    this_year = date.replace(year=reference.year)
    year = reference.year - 1 if (this_year - reference).days > 62 else reference.year
    assert (value.start, value.precision) == (date.replace(year=year), "day"), (sentence, reference)


@SETTINGS
@given(st.dates(min_value=datetime.date(1951, 1, 1), max_value=datetime.date(2098, 12, 31)), st.sampled_from(TEMPLATES))
def test_relative_years_resolve_against_the_reference(reference, template):
    for phrase, offset in (("this year", 0), ("last year", -1), ("next year", 1)):
        sentence, *span = embed(template, phrase)
        value = the_date(sentence, tuple(span), reference)
        assert (value.start, value.precision) == (datetime.date(reference.year + offset, 1, 1), "year"), sentence
    for phrase, offset in (("today", 0), ("yesterday", -1)):
        sentence, *span = embed(template, phrase)
        value = find_dates(sentence, reference)
        assert [(v.start, v.precision) for v in value] == [(reference + datetime.timedelta(days=offset), "day")], (
            sentence
        )


DATE_TOKENS = [
    "on",
    "from",
    "to",
    "till",
    "and",
    "of",
    "in",
    "the",
    "this",
    "last",
    "next",
    "year",
    "today",
    "yesterday",
    "Monday",
    "May",
    "January",
    "Sept.",
    "December",
    "2020",
    "2003",
    "1999",
    "2099",
    "31",
    "29",
    "1st",
    "02",
    "12.13.2020",
    "29.02.2021",
    "2021-02-30",
    "10:00",
    "at",
    "-",
    "\u2013",
    ".",
    ",",
    "\n",
    "\n\n",
    "\u00a0",
    "Interaction-2023",
    "Combat Brotherhood 2020",
    "is 19 years old",
    "anniversary",
    "was held",
    "visited",
    "00.00.2000",
    "99",
    "0",
    "Go back",
]
date_soup = st.lists(st.sampled_from(DATE_TOKENS), max_size=40).map(" ".join)
references = st.none() | dates


def check_find_dates(text, reference):
    found = find_dates(text, reference)
    last_end = 0
    for value in found:
        assert text[value.text_start : value.text_end] == value.text
        assert value.text_start >= last_end
        assert value.end is None or value.end >= value.start
        assert value.precision in ("day", "month", "year")
        last_end = value.text_end


def check_extract_release(text):
    try:
        release = extract_release(text)
    except ReleaseError:
        return
    for event in release.events:
        assert text[event.evidence_start : event.evidence_end] == event.evidence
        assert event.end is None or event.end >= event.start


@SETTINGS
@given(st.text(), references)
def test_find_dates_never_crashes_on_random_text(text, reference):
    check_find_dates(text, reference)


@SETTINGS
@given(date_soup, references)
def test_find_dates_never_crashes_on_date_soup(text, reference):
    check_find_dates(text, reference)


@SETTINGS
@given(st.text())
def test_extract_release_never_crashes_on_random_text(text):
    check_extract_release(text)


@SETTINGS
@given(date_soup)
def test_extract_release_never_crashes_on_date_soup(text):
    check_extract_release(text)
