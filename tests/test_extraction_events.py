"""Sentences to events: pairing, kinds, plans that are not events, one event per happening."""

import datetime

from events.extraction import extract_release


def release(body: str, dateline: str = "12.05.2023", headline: str = "News of the Organization") -> list[dict]:
    text = f"{headline}\n\n{headline} {dateline}\n\n{body}\n\nGo back\n"
    return [event.as_json() for event in extract_release(text).events]


def starts(events: list[dict]) -> list[tuple]:
    return [(e["start"], e["end"], e["kind"]) for e in events]


def test_each_date_pairs_with_its_own_trigger():
    events = release("On January 16, 2023, the Secretary General, who took office in January 2023, visited Minsk.")
    assert sorted(starts(events)) == [("2023-01", None, "other"), ("2023-01-16", None, "visit")]


def test_plans_and_periods_are_not_events():
    body = (
        "The Council approved the plan for 2024. The programme runs until 2025. "
        "Goals for 2024 were set. The strategy for 2021-2025 is in force. The Staff has worked since 2003. "
        "In 2022 the Organization had 2000 servicemen."
    )
    assert [e for e in release(body) if e["start"] != "2023-05-12"] == []


def test_future_events_are_events_and_lie_ahead():
    events = release("The session of the Collective Security Council will be held in November in Minsk.")
    assert starts(events) == [("2023-11", None, "meeting")]
    assert events[0]["location"] == "Minsk"


def test_past_month_without_year_is_the_latest_such_month():
    assert starts(release("The drills were held in November.", dateline="08.02.2021")) == [
        ("2020-11", None, "exercise")
    ]


def test_one_happening_stated_twice_is_one_event():
    body = (
        "On 11 May 2023 the Council of Foreign Ministers held a meeting in Minsk. "
        "The meeting on 11 May 2023 adopted three statements."
    )
    events = release(body)
    assert ("2023-05-11", None, "meeting") in starts(events)
    assert len([e for e in events if e["kind"] == "meeting"]) == 1


def test_a_range_is_one_event():
    events = release("From 2 to 6 October 2023 the joint exercise Interaction-2023 took place in Kyrgyzstan.")
    assert starts(events) == [("2023-10-02", "2023-10-06", "exercise")]


def test_named_exercise_dates_itself():
    events = release(
        "The peacekeepers completed the command and staff training Inviolable Brotherhood 2022 in Belarus."
    )
    assert ("2022", None, "exercise") in starts(events)


def test_anniversary_gives_the_founding_date():
    (anniversary,) = [
        e for e in release("The Joint Staff marks the 20th anniversary today.") if e["kind"] == "anniversary"
    ]
    assert anniversary["start"] == "2023-05-12"
    assert anniversary["founding"] == "2003-05-12"


def test_founding_stated_in_text_recurs_yearly():
    body = "On May 12, 2003, the Council decided to create the Joint Staff. The Joint Staff is 20 years old today."
    events = {e["start"]: e for e in release(body)}
    assert events["2003-05-12"]["recurs_yearly"] is True
    assert events["2023-05-12"]["kind"] == "anniversary"


def test_stated_time_is_the_event_time_but_dateline_time_is_not():
    text = "Press conference\n\n09:30 12.05.2023 • editor\n\nToday, at 10:00, a press conference of the Chief of the Joint Staff will begin."
    extracted = extract_release(text)
    assert extracted.published_time == datetime.time(9, 30)
    (event,) = extracted.events
    assert (event.kind, event.time) == ("briefing", datetime.time(10, 0))


def test_lead_sentence_without_date_reports_the_news_of_the_day():
    events = release("The Secretary General has given a briefing at the TASS Press Center on the results of 2022.")
    assert starts(events) == [("2023-05-12", None, "briefing")]
    assert events[0]["location"] == "TASS Press Center"


def test_kinds_from_the_lexicon():
    body = (
        "On 1 March 2023 consultations were held. On 2 March 2023 a seminar took place. "
        "On 3 March 2023 the ministers signed an agreement. On 4 March 2023 the forces held tactical drills. "
        "On 5 March 2023 an interview was published. On 6 March 2023 the operation Channel began."
    )
    kinds = {e["start"]: e["kind"] for e in release(body)}
    assert kinds == {
        "2023-03-01": "consultation",
        "2023-03-02": "conference",
        "2023-03-03": "decision",
        "2023-03-04": "exercise",
        "2023-03-05": "briefing",
        "2023-03-06": "other",
    }


def test_hostile_text_is_carried_verbatim_not_interpreted():
    events = release('On 1 March 2023 a meeting "<script>alert(1)</script>; DROP TABLE" was held.')
    assert "<script>" in events[0]["evidence"]


def test_anaphoric_days_count_from_the_last_day_named():
    body = (
        "The summit was held in Astana on July 4, 2024. On the eve of the summit, the leaders attended a reception. "
        '"Today we open a new page," the President said. On the same day, the ministers signed an agreement.'
    )
    events = starts(release(body, dateline="05.07.2024"))
    assert ("2024-07-04", None, "meeting") in events
    assert ("2024-07-04", None, "decision") in events
    assert not any(e[0] == "2024-07-05" for e in events)  # the quote's "today" dates nothing


def test_a_year_that_introduces_months_gives_them_its_year():
    body = "In 2023, its meetings were held in Sochi (in June) and in Bishkek (in October)."
    assert sorted(starts(release(body, dateline="20.05.2024"))) == [
        ("2023-06", None, "meeting"),
        ("2023-10", None, "meeting"),
    ]


def test_parts_of_years_are_dates_and_plans_for_them_are_not():
    events = starts(release("It was agreed to hold a joint seminar in Dushanbe in the first half of 2025."))
    assert ("2025-01", "2025-06", "conference") in events  # a half-year is a vague span, as a quarter is
    plan = release("The Council approved the plan of consultations for the second half of 2025.")
    assert all(e["start"] != "2025" for e in plan)
