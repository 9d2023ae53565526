"""Rules found on the third gathering of real web pages (29 November 2026, kept outside the project),
each on sentences written for it. These test single rules; they are not a measure."""

from events.extraction.events import extract_release


def events_of(text: str) -> list[tuple]:
    return [(e.start.isoformat(), e.end.isoformat() if e.end else None, e.kind) for e in extract_release(text).events]


def test_a_page_stamp_whose_year_runs_into_its_clock_time_is_no_sentence():
    text = (
        "Remarks at the consultations on the Organisation's affairs, Moscow, 3 March 2019\n"
        "Remarks at the consultations on the Organisation's affairs, Moscow, 3 March 2019 03.03.2019\n"
        "3 March 201910:45\n\n"
        "The Council of Foreign Ministers will meet in Minsk in June.\n"
    )
    events = extract_release(text).events
    assert [(e.start.isoformat(), e.kind) for e in events] == [
        ("2019-03-03", "consultation"),
        ("2019-06-01", "meeting"),
    ]
    assert not any("10:45" in e.evidence for e in events)


def test_the_day_before_in_the_past_counts_from_the_publication_not_from_a_day_to_come():
    text = (
        "President met the State Secretary\n"
        "President met the State Secretary 29.11.2019\n"
        "The President met the State Secretary of the Security Council today.\n"
        "The State Secretary will take up the post of Secretary General from 1 January 2020.\n"
        "The day before he took part in the summit of the Organisation in Bishkek.\n"
    )
    assert ("2019-11-28", None, "meeting") in events_of(text)
    assert not any(start == "2019-12-31" for start, _, _ in events_of(text))
    # told in the future, the day before a day to come is still counted from it
    ahead = text.replace("The day before he took part", "The day before he will take part")
    assert ("2019-12-31", None, "meeting") in events_of(ahead)


def test_a_short_name_in_brackets_does_not_cut_the_clause_that_announces():
    # No date line: the yearless agency dateline takes the year the announced session allows.
    text = (
        "Security bloc to meet in Yerevan in 4th quarter of 2022\n\n"
        "DUSHANBE, September 16. /TASS/. The Secretary General announced the next session of the "
        "Collective Security Council (CSC) in the fourth quarter of 2022 in Yerevan.\n"
        "The meeting of the Council was held in Dushanbe on Thursday.\n"
    )
    release = extract_release(text)
    assert release.published.isoformat() == "2021-09-16"
    assert ("2021-09-16", None, "meeting") in events_of(text)


def test_a_headline_infinitive_announces_its_year_for_the_publication():
    text = (
        "Defence ministers to meet in Minsk in 2024\n\n"
        "MINSK, June 3. /BelTA/. Preparations were discussed at a working meeting.\n"
    )
    assert extract_release(text).published.year == 2023


def test_the_speakers_this_meeting_is_the_gathering_the_page_dates():
    text = (
        "Opening remarks at inter-ministerial consultations on the Organisation's affairs, Moscow, 12 July 2018\n"
        "Opening remarks at inter-ministerial consultations on the Organisation's affairs, Moscow, 12 July 2018 12.07.2018\n\n"
        "I am happy to be taking part in this meeting and to welcome you to Moscow.\n"
        "I consider our meeting today timely.\n"
    )
    assert events_of(text) == [("2018-07-12", None, "consultation")]
    # a meeting the speaker does not call his own is another happening
    other = text.replace("I consider our meeting today timely.", "The ministers held a meeting today in Minsk.")
    assert ("2018-07-12", None, "meeting") in events_of(other)


def test_what_is_to_come_is_not_going_on_because_of_a_currently():
    text = (
        "Summits to take place in Ufa\n"
        "Summits to take place in Ufa 06.07.2015\n"
        "On 8-10 July, the summits of the two organisations will take place in Ufa.\n"
        "The President will take part in the summits as head of the country currently holding the presidency.\n"
    )
    assert events_of(text) == [("2015-07-08", "2015-07-10", "meeting")]


def test_a_year_that_names_a_summit_is_no_period_of_results():
    text = (
        "Heads of State met in Qingdao\n"
        "Heads of State met in Qingdao 11.06.2018\n"
        "The Heads of State considered the implementation of the results of the 2017 Astana Summit.\n"
    )
    assert ("2017", None, "meeting") in [(s[:4], e, k) for s, e, k in events_of(text)]
    plan = text.replace("the 2017 Astana Summit", "the plan for 2017")
    assert not any(s.startswith("2017") for s, _, _ in events_of(plan))


def test_the_day_of_an_arrival_to_attend_a_meeting_is_the_arrivals():
    text = (
        "Minister in Dushanbe\n"
        "Minister in Dushanbe 28.07.2021\n"
        "The Defence Minister arrived in Dushanbe in Tajikistan on Tuesday evening to attend the meeting of the ministers.\n"
    )
    assert events_of(text) == [("2021-07-27", None, "visit")]


def test_meetings_with_two_counterparts_on_one_day_are_two_meetings():
    text = (
        "Minister meets counterparts in Qingdao\n"
        "Minister meets counterparts in Qingdao 26.06.2025\n"
        "The Defence Minister on Thursday met with his Tajikistan counterpart in Qingdao.\n"
        "Earlier, he met with his Belarusian counterpart, General Viktor Khrenin, on Thursday.\n"
    )
    assert events_of(text) == [("2025-06-26", None, "meeting"), ("2025-06-26", None, "meeting")]
    # one counterpart named twice, as a country and as its adjective, is one meeting
    again = text.replace("his Belarusian counterpart, General Viktor Khrenin,", "the Tajik minister")
    assert events_of(again) == [("2025-06-26", None, "meeting")]


def test_touching_down_is_an_arrival():
    text = (
        "Leaders gather in Tianjin\n"
        "Leaders gather in Tianjin 31.08.2025\n"
        "The Russian President touched down in Tianjin on Sunday with his delegation.\n"
    )
    assert events_of(text) == [("2025-08-31", None, "visit")]


def test_a_visit_to_a_country_from_its_days_is_the_visit():
    text = (
        "President in Dushanbe\n"
        "President in Dushanbe 09.10.2025\n"
        "The President's three-day state visit to Tajikistan from Oct. 8-10 includes the summit of the Commonwealth.\n"
    )
    assert events_of(text) == [("2025-10-08", "2025-10-10", "visit")]


def test_on_the_eve_alone_is_the_day_before():
    text = (
        "Leaders in Dushanbe\n"
        "Leaders in Dushanbe 28.09.2018\n"
        "The Council of Heads of State in a narrow format will begin work today at 10:30.\n"
        "All other heads of state arrived in Tajikistan on the eve.\n"
    )
    events = events_of(text)
    assert ("2018-09-28", None, "meeting") in events  # a Council "in a narrow format" as the subject sits
    assert ("2018-09-27", None, "visit") in events


def test_leaving_for_a_city_is_a_visit():
    text = (
        "Minister off to Moscow\n"
        "Minister off to Moscow 01.04.2021\n"
        "The Foreign Minister has left for Moscow to participate in a meeting of the Council of Foreign Ministers.\n"
    )
    assert events_of(text) == [("2021-04-01", None, "visit")]


def test_may_become_a_member_on_a_day_is_to_come_and_a_joining():
    text = (
        "Armenia may join the Union on January 2, 2015\n\n"
        "YEREVAN, September 30. /ARKA/. In her words, Armenia may become a member of the Union on January 2, 2015.\n"
        "The accession treaty will be signed on October 10 in Minsk.\n"
    )
    release = extract_release(text)
    assert release.published.isoformat() == "2014-09-30"
    assert ("2015-01-02", None, "other") in events_of(text)
    assert ("2014-10-10", None, "decision") in events_of(text)


def test_a_yearless_dateline_with_the_agency_before_the_lead():
    text = (
        "Foreign ministers open session in Astana\n\n"
        "ASTANA. April 6. KAZINFORM Astana hosts a session of the Council of Foreign Ministers.\n"
        "The Organization was founded on 15 May 1992. In 2009 in Moscow, the leaders endorsed the creation of the force.\n"
    )
    release = extract_release(text)
    # filed after the last year the text tells of, not after its last written-out day
    assert release.published.isoformat() == "2009-04-06"
    assert ("2009-04-06", None, "meeting") in events_of(text)


def test_a_date_before_its_decision_is_no_deadline():
    text = (
        "Border troops commanders meet in Baku\n"
        "Border troops commanders meet in Baku 08.06.2023\n"
        "The Council of Commanders was created by the July 6, 1992 decision of the Council of Heads of State.\n"
    )
    assert ("1992-07-06", None, "decision") in events_of(text)
    deadline = text.replace("was created by the July 6, 1992 decision of", "must report by July 6, 2024 to")
    assert not any(s == "2024-07-06" for s, _, _ in events_of(deadline))


def test_a_year_in_square_brackets_completes_its_date():
    text = (
        "Ministers to meet in Moscow\n"
        "Ministers to meet in Moscow 15.01.2025\n"
        "At the Council of Ministers meeting in Moscow on 2 February [2026], we will discuss two documents.\n"
    )
    assert events_of(text) == [("2026-02-02", None, "meeting")]


def test_two_nouns_of_one_sentence_each_with_its_own_dates_are_two_happenings():
    text = (
        "Exercises planned for this year\n"
        "Exercises planned for this year 12.02.2026\n"
        "In September, Kazakhstan will host the Rubezh joint exercise with the Central Asian region's Collective Rapid Deployment Forces, in "
        "September-October, the Interaction command and staff exercise involving the Collective Force "
        "and specialised drills will take place in Russia.\n"
    )
    assert sorted(events_of(text), key=str) == [
        ("2026-09-01", "2026-10-01", "exercise"),
        ("2026-09-01", None, "exercise"),
    ]


def test_the_meeting_a_headlines_remarks_followed_is_dated_by_the_headline_too():
    text = (
        "Foreign Minister's remarks and answers to media questions following the meeting of the "
        "Council of Foreign Ministers (Almaty, June 21, 2024)\n\n"
        "At the meeting of the Council we discussed the situation in the region.\n"
    )
    events = extract_release(text).events
    assert sorted((e.start.isoformat(), e.kind) for e in events) == [
        ("2024-06-21", "briefing"),
        ("2024-06-21", "meeting"),
    ]
    assert [e.title for e in events if e.kind == "meeting"] == ["Meeting of the Council of Foreign Ministers"]
    # what the remarks came before is not dated by them
    ahead = text.replace("following the meeting", "ahead of the meeting")
    assert [e.kind for e in extract_release(ahead).events] == ["briefing"]


def test_a_transcript_is_of_the_happening_it_names_first():
    text = (
        "Transcript of Media Briefing by Secretary (West) on upcoming visit of Prime Minister to Bishkek "
        "to attend the SCO Summit (June 10, 2019)\n"
        "Transcript of Media Briefing by Secretary (West) on upcoming visit of Prime Minister to Bishkek "
        "to attend the SCO Summit (June 10, 2019) 11.06.2019\n\n"
        "We are meeting on the eve of Prime Minister's visit to Bishkek for the forthcoming summit.\n"
        "The summit will be held on 14th of June 2019.\n"
    )
    assert sorted(events_of(text), key=str) == [("2019-06-10", None, "briefing"), ("2019-06-14", None, "meeting")]


def test_a_happening_said_not_to_take_place_is_no_event():
    text = (
        "Armenia will not host the drills\n"
        "Armenia will not host the drills 10.01.2023\n"
        '"The drills will not take place in Armenia, at least this year," the Prime Minister said.\n'
        "The Organisation was told of the inexpediency of holding drills on the territory of the republic in 2023.\n"
    )
    assert not any(s.startswith("2023") and k == "exercise" for s, _, k in events_of(text))
    held = "Drills held in Armenia\nDrills held in Armenia 10.01.2023\nThe drills took place in Armenia this year.\n"
    assert ("2023", None, "exercise") in [(s[:4], e, k) for s, e, k in events_of(held)]


def test_a_courtesy_call_on_an_office_holder_is_a_meeting_and_a_wire_dateline_with_its_source_in_brackets():
    text = (
        "Ambassador calls on Secretary-General\n\n"
        "BEIJING, March 2 (UrduPoint / Pakistan Point News - 2nd Mar, 2022 ) ::The Ambassador to China "
        "called on the Secretary-General of the Organisation at the Secretariat.\n"
    )
    assert events_of(text) == [("2022-03-02", None, "meeting")]
    appeal = text.replace(
        "called on the Secretary-General of the Organisation at the Secretariat", "called on the member states to act"
    )
    appeal = appeal.replace("Ambassador calls on Secretary-General", "Ambassador appeals to members")
    assert not any(k == "meeting" for _, _, k in events_of(appeal))


def test_a_dated_membership_is_a_joining():
    text = (
        "Minister chairs defence ministers\n"
        "Minister chairs defence ministers 27.04.2023\n"
        "India's membership of the Organisation in 2017 reaffirmed its keenness to deepen ties.\n"
    )
    assert ("2017", None, "other") in [(s[:4], e, k) for s, e, k in events_of(text)]
    fees = text.replace("India's membership of the Organisation in 2017", "The membership fees for 2017")
    assert not any(s.startswith("2017") for s, _, _ in events_of(fees))


def test_a_trend_dateline_with_its_author_and_a_membership_not_to_be_restored():
    text = (
        "Uzbekistan not to restore its membership\n\n"
        "Tashkent, Uzbekistan, July 7\n\nBy Demir Azizov- Trend:\n\n"
        "Uzbekistan will not restore its membership in the Organisation, the Foreign Minister said.\n"
        "The Treaty was signed in Tashkent on May 15, 1992.\n"
    )
    events = events_of(text)
    assert not any(s.endswith("-07-07") for s, _, _ in events)
    assert ("1992-05-15", None, "decision") in events


def test_a_bodys_meeting_is_not_the_bilateral_meetings_on_its_days():
    text = (
        "Minister to chair the Defence Ministers' Meeting\n"
        "Minister to chair the Defence Ministers' Meeting 27.04.2023\n"
        "The Minister will chair the SCO Defence Ministers' Meeting on 28 April, 2023 in New Delhi.\n"
        "He will be holding bilateral meetings with the participating Defence Ministers on 27 and 28 April, 2023.\n"
    )
    assert sorted(events_of(text), key=str) == [
        ("2023-04-27", "2023-04-28", "meeting"),
        ("2023-04-28", None, "meeting"),
    ]


def test_a_plan_for_two_half_years_places_the_publication_in_the_first():
    text = (
        "Comment on the upcoming Council of Foreign Ministers meeting\n\n"
        "On July 17, Minsk will host a regular meeting of the Council of Foreign Ministers.\n"
        "The ministers will review a draft decision to amend the regulations of the Working Group on "
        "Afghanistan, a plan of consultations between member states on foreign policy, security and defence "
        "issues for the second half of 2017 and the first half of 2018, and a list of joint statements for 2017.\n"
    )
    assert extract_release(text).published.year == 2017
    assert ("2017-07-17", None, "meeting") in events_of(text)


def test_leaving_in_a_year_founding_members_and_becoming_a_part_are_a_bodys_history():
    text = (
        "Uzbekistan rejoins the pact\n"
        "Uzbekistan rejoins the pact 23.06.2006\n"
        "Uzbekistan was one of the founding members of the Collective Security Treaty in 1992.\n"
        "It joined the GUAM group in 1999 but left in 2005.\n"
        "India became a part of the Organisation in 2017.\n"
    )
    years = {(s[:4], k) for s, _, k in events_of(text)}
    assert {("1992", "other"), ("2005", "other"), ("2017", "other")} <= years


def test_a_noun_and_its_participle_held_with_its_days():
    text = (
        "Ministers discussed the agenda\n"
        "Ministers discussed the agenda 27.11.2025\n"
        "We discussed it in detail at the consultations held the day before with the deputy ministers.\n"
    )
    assert events_of(text) == [("2025-11-26", None, "consultation")]


def test_the_event_is_the_happening_the_text_named_before():
    text = (
        "Leaders to sign documents at the summit\n"
        "Leaders to sign documents at the summit 25.11.2025\n"
        "The leaders of the member states will gather for the summit of the Organisation in Bishkek.\n"
        "The event will take place in the capital on November 26-27.\n"
    )
    assert ("2025-11-26", "2025-11-27", "meeting") in events_of(text)


def test_review_cases_of_this_sessions_rules():
    def of(text: str) -> list[tuple]:
        return sorted(events_of(text), key=str)

    # one counterpart named two ways is one meeting; only counterparts of two countries are two
    named = (
        "Lavrov meets Mirzoyan\nLavrov meets Mirzoyan 10.11.2023\n"
        "Sergey Lavrov met with Ararat Mirzoyan in Moscow on Thursday.\n"
        "At the meeting with the Armenian Foreign Minister on Thursday, Lavrov raised the issue of the summit.\n"
    )
    assert of(named) == [("2023-11-09", None, "meeting")]
    # a negation in another clause leaves a dated happening alone
    other_clause = (
        "Exercise in Belarus\nExercise in Belarus 01.06.2023\n"
        "The Interaction-2023 exercise will be held in Belarus on 2-6 September, while Armenia will not host any drills this year.\n"
    )
    assert ("2023-09-02", "2023-09-06", "exercise") in of(other_clause)
    convened = (
        "Council meets in Astana\nCouncil meets in Astana 05.06.2024\n"
        "The Council of Defence Ministers, which had not convened in full since 2019, convened in Astana on Tuesday.\n"
    )
    assert ("2024-06-04", None, "meeting") in of(convened)
    # an appeal is no courtesy call
    appeal = (
        "Deputies appeal to the Government\nDeputies appeal to the Government 03.02.2024\n"
        "On Friday, deputies called on the Prime Minister to freeze the country's participation in the Organisation.\n"
    )
    assert not any(k == "meeting" for _, _, k in of(appeal))
    # the eve of tomorrow's session is today, told in the past or not
    eve = (
        "Delegations arrive in Yerevan\nDelegations arrive in Yerevan 22.11.2022\n"
        "The session of the Council will be held in Yerevan on 23 November. "
        "The heads of delegations arrived in the Armenian capital on the eve.\n"
    )
    assert ("2022-11-22", None, "visit") in of(eve)
    # "the event" is what the sentence before named, an exhibition here
    exhibition = (
        "Ministers meet in Minsk\nMinisters meet in Minsk 13.05.2024\n"
        "The Minister met with the Minister of Defence of Belarus on Monday. "
        "The parties discussed the exhibition of military equipment. The event will take place in Minsk on 20-23 May.\n"
    )
    assert ("2024-05-20", "2024-05-23", "other") in of(exhibition)
    # troops leaving are a withdrawal, not a visit; today's meeting of a body is no speaker's gathering
    troops = (
        "Troops leave Kazakhstan\nTroops leave Kazakhstan 19.01.2022\n"
        "The Il-76 aircraft with the last group of Russian paratroopers left for Ivanovo on Wednesday.\n"
    )
    assert of(troops) == [("2022-01-19", None, "other")]
    today = (
        "Press conference in Moscow\nPress conference in Moscow 15.03.2023\n"
        "The Secretary General held a press conference in Moscow today. "
        "Today's meeting of the Permanent Council discussed the situation on the border.\n"
    )
    assert ("2023-03-15", None, "meeting") in of(today) and ("2023-03-15", None, "briefing") in of(today)
    # founding members who signed a treaty made a decision; a membership's list is no joining
    signed = (
        "Treaty anniversary\nTreaty anniversary 15.05.2022\n"
        "On 15 May 1992, the founding members signed the Collective Security Treaty in Tashkent.\n"
        "The membership of the Council, as of 1 January 2024, includes the foreign ministers of six states.\n"
    )
    assert ("1992-05-15", None, "decision") in of(signed)
    assert not any(s == "2024-01-01" for s, _, _ in of(signed))
    # a programme's "date, time" lines are no page stamp
    programme = (
        "Programme of the summit\nProgramme of the summit 23.11.2023\n"
        "The programme of the Collective Security Council session is as follows.\n"
        "23 November 2023, 10:00\nMeeting of the Collective Security Council in a narrow format.\n"
    )
    assert ("2023-11-23", None, "meeting") in of(programme)
    # going on, with what is to come in the same sentence
    going = (
        "Ministers gather in Astana\nMinisters gather in Astana 21.05.2024\n"
        "The meeting of the Council of Foreign Ministers is currently taking place in Astana, where the upcoming summit will be prepared.\n"
    )
    assert ("2024-05-21", None, "meeting") in of(going)
    # "in July" and "on 4 July" of one summit are one
    refined = (
        "Summit in Astana\nSummit in Astana 10.06.2024\n"
        "The summit will be held in July, and the meeting of the heads of state on 4 July will adopt the declaration.\n"
    )
    assert of(refined) == [("2024-07-04", None, "meeting")]
    # "Text of" a declaration is not a transcript; a headline's year of a decision is no announcement
    text_of = (
        "Text of the Astana Declaration adopted at the SCO summit (Astana, July 4, 2024)\n\nThe declaration follows.\n"
    )
    assert of(text_of) == [("2024-07-04", None, "meeting")]
    implementing = (
        "Ministers to discuss implementation of 2021 Dushanbe summit decisions\n\n"
        "DUSHANBE, March 10. /Khovar/. The ministers met in Dushanbe.\n"
    )
    assert extract_release(implementing).published.year >= 2021
    # a programme's year is a period even before a happening's name
    games = (
        "Council approves programme\nCouncil approves programme 10.12.2023\n"
        "The ministers approved the programme for 2024 CSTO Games in Minsk.\n"
    )
    assert not any(s.startswith("2024") for s, _, _ in of(games))
