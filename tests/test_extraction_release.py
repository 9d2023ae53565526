"""Reading one release file: headline, dateline, body, boilerplate, bad input."""

import datetime

import pytest

from events.extraction import ReleaseError, extract_release, read_release_file
from events.extraction.release import decode_release


def test_dateline_after_repeated_headline():
    text = "Zas visited Minsk\n\nZas visited Minsk 16.01.2020\n\nOn January 16, 2020, Zas visited Minsk.\n\nGo back\n\nBack to the all news"
    release = extract_release(text)
    assert release.title == "Zas visited Minsk"
    assert release.published == datetime.date(2020, 1, 16) and not release.published_inferred
    assert release.body == "On January 16, 2020, Zas visited Minsk."


def test_dateline_with_time_and_editor():
    text = "Briefing\n\n11:12 08.02.2021 • Yuri Menshikov , editor\n\nThe Secretary General has given a briefing."
    release = extract_release(text)
    assert (release.published, release.published_time) == (datetime.date(2021, 2, 8), datetime.time(11, 12))


def test_image_captions_and_channel_links_are_not_body():
    text = "Title\n\nTitle 01.02.2021\n\nBody text here was held today.\n\nLogo (1).jpg\n\nread more in our Telegram-channel"
    assert extract_release(text).body == "Body text here was held today."


def test_non_breaking_spaces_do_not_matter():
    plain = "Talks\n\nTalks 23.01.2020\nOn January 21, 2020, talks were held in Minsk."
    spaced = plain.replace(" ", "\u00a0")
    assert [e.as_json()["start"] for e in extract_release(spaced).events] == [
        e.as_json()["start"] for e in extract_release(plain).events
    ]


@pytest.mark.parametrize(
    "data, reason",
    [(b"", "empty"), (b"  \n\t ", "empty"), (b"\x89PNG\x00\x00", "binary"), ("Café".encode("latin-1"), "UTF-8")],
)
def test_unreadable_files_say_why(data, reason):
    with pytest.raises(ReleaseError, match=reason):
        decode_release(data)


def test_missing_file(tmp_path):
    with pytest.raises(ReleaseError, match="cannot read"):
        read_release_file(tmp_path / "nope.txt")


def test_undated_release_is_an_error():
    with pytest.raises(ReleaseError, match="no recognisable date"):
        extract_release("Headline\n\nA text without any date at all.")


@pytest.mark.parametrize(
    "dateline, published, time",
    [
        ("May 28, 2025", datetime.date(2025, 5, 28), None),
        ("28 May 2025 14:30", datetime.date(2025, 5, 28), datetime.time(14, 30)),
        ("14:30, 28 May 2025", datetime.date(2025, 5, 28), datetime.time(14, 30)),
        ("28.05.2025", datetime.date(2025, 5, 28), None),
    ],
)
def test_written_datelines(dateline, published, time):
    release = extract_release(f"Talks in Minsk\n\n{dateline}\n\nThe talks were held today.")
    assert (release.published, release.published_time, release.published_inferred) == (published, time, False)
    assert [e.start for e in release.events] == [published]


def test_a_list_of_other_news_under_the_text_is_not_the_body():
    text = (
        "Secretary-General meets Ambassador\n\n12.03.2024\n\n"
        "On 11 March 2024, the Secretary-General met with the Ambassador of Pakistan at the Secretariat.\n\n"
        "Share: Facebook Twitter\nViews: 1234\n\nRelated news\n"
        "07.03.2024 Secretary-General attends International Women's Day reception\n"
        "05.03.2024 Meeting of the National Coordinators held in Astana\n"
    )
    extracted = extract_release(text)
    assert "Related news" not in extracted.body and "Coordinators" not in extracted.body
    assert [(e.start.isoformat(), e.kind) for e in extracted.events] == [("2024-03-11", "meeting")]


def test_a_schedule_closing_the_text_stays():
    text = (
        "Schedule of events\n\n12.03.2024\n\n"
        "The Council approved the schedule of events for the coming months.\n\n"
        "20.03.2024 Meeting of the National Coordinators in Astana\n"
        "05.04.2024 Meeting of the Council of Foreign Ministers in Astana\n"
    )
    assert "Coordinators" in extract_release(text).body


def test_a_text_with_days_but_no_year_says_so():
    with pytest.raises(ReleaseError, match="days but no year"):
        extract_release("Ministers meet\n\nMOSCOW, March 3. /TASS/. The ministers met today in Moscow.\n")
