"""Reader pages: timeline, event page, release page, 404."""

import datetime

import pytest
from django.db import connection
from django.urls import reverse

D = datetime.date


def timeline(client, **params):
    return client.get(reverse("events:timeline"), params)


def test_timeline_lists_published_events_newest_first_grouped_by_year_or_oldest_first(client, make_event):
    make_event(title="Later meeting", start_date=D(2021, 3, 4))
    make_event(title="Earlier meeting", start_date=D(2020, 1, 16))
    make_event(title="Secret draft", status="draft")
    make_event(title="Withdrawn one", status="cancelled")

    html = timeline(client).content.decode()
    oldest = timeline(client, order="oldest").content.decode()

    assert html.index("Later meeting") < html.index("Earlier meeting")
    assert html.index(">2021<") < html.index(">2020<")
    assert oldest.index("Earlier meeting") < oldest.index("Later meeting")
    assert oldest.index(">2020<") < oldest.index(">2021<")
    assert "Secret draft" not in html
    assert "Withdrawn one" not in html


def test_timeline_shows_precision_and_ranges_without_inventing_days(client, make_event):
    make_event(title="Month event", start_date=D(2020, 11, 1), precision="month")
    make_event(title="Year event", start_date=D(2020, 1, 1), precision="year")
    make_event(title="Range event", start_date=D(2020, 1, 21), end_date=D(2020, 1, 23))

    html = timeline(client).content.decode()

    assert '<time datetime="2020-11" class="date date-month">November 2020</time>' in html
    assert '<time datetime="2020" class="date date-year">2020</time>' in html
    assert "21–23 January 2020" in html
    assert "1 November 2020" not in html
    assert "1 January 2020" not in html
    assert "2020, month not stated" in html


def test_year_precision_events_lead_their_year_and_month_headings_are_not_repeated(client, make_event):
    make_event(title="Month", start_date=D(2020, 1, 1), precision="month")
    make_event(title="Year", start_date=D(2020, 1, 1), precision="year")
    make_event(title="Day", start_date=D(2020, 1, 16))

    html = timeline(client).content.decode()

    assert html.count(">January 2020</h4>") == 1
    assert html.index("2020, month not stated") < html.index(">January 2020</h4>")


def test_kind_is_shown_by_label_not_colour_alone(client, make_event):
    make_event(kind="exercise")
    html = timeline(client).content.decode()
    assert '<span class="kind kind-exercise">Exercise</span>' in html


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"kind": "exercise"}, {"Drill in Minsk 2020", "Drill in Dushanbe 2021"}),
        ({"year": "2020"}, {"Drill in Minsk 2020", "Meeting in Minsk 2020"}),
        ({"location": "minsk"}, {"Drill in Minsk 2020", "Meeting in Minsk 2020"}),
        ({"q": "meeting"}, {"Meeting in Minsk 2020"}),
        ({"kind": "exercise", "year": "2021", "location": "Dushanbe"}, {"Drill in Dushanbe 2021"}),
        ({"kind": "exercise", "year": "2020", "location": "Dushanbe"}, set()),
        ({"location": "  MINSK ", "kind": "Exercise"}, {"Drill in Minsk 2020"}),
    ],
)
def test_filters_combine(client, make_event, params, expected):
    make_event(title="Drill in Minsk 2020", kind="exercise", location="Minsk", start_date=D(2020, 5, 1))
    make_event(title="Meeting in Minsk 2020", kind="meeting", location="Minsk", start_date=D(2020, 6, 1))
    make_event(title="Drill in Dushanbe 2021", kind="exercise", location="Dushanbe", start_date=D(2021, 5, 1))

    page = timeline(client, **params).context["page_obj"]

    assert {event.title for event in page.object_list} == expected


def test_filter_form_has_labels_keeps_values_and_offers_clear_link(client, make_event):
    make_event()
    html = timeline(client, kind="meeting", q="zas").content.decode()

    for name in ("kind", "year", "place", "q"):
        assert f'<label for="id_{name}">' in html
    assert 'value="zas"' in html
    assert f'<a class="clear" href="{reverse("events:timeline")}">Clear filters' in html
    assert "Clear filters" not in timeline(client).content.decode()


def test_overview_counts_per_year_and_kind_link_into_the_filtered_timeline(client, make_event):
    make_event(kind="exercise", start_date=D(2020, 5, 1))
    make_event(kind="exercise", start_date=D(2021, 5, 1))
    make_event(kind="visit", start_date=D(2021, 6, 1))

    response = timeline(client, kind="exercise")

    assert response.context["by_year"] == [(2020, 1), (2021, 1)]  # counts respect the other filters
    assert [(kind, n) for kind, _label, n in response.context["by_kind"]] == [("exercise", 2), ("visit", 1)]
    html = response.content.decode()
    assert 'href="?kind=exercise&amp;year=2021#results"' in html
    assert 'href="?kind=visit#results"' in html
    assert '<a href="?#results">All kinds</a>' in html
    assert "All years" not in html


def test_timeline_is_paginated_and_pages_keep_filters(client, make_event):
    for day in range(1, 61):
        make_event(title=f"Exercise {day}", kind="exercise", start_date=D(2020, 1, 1) + datetime.timedelta(days=day))

    first = timeline(client, kind="exercise")
    second = timeline(client, kind="exercise", page="2")
    oldest = timeline(client, kind="exercise", order="oldest", page="2")

    assert len(first.context["page_obj"].object_list) == 50
    assert first.context["page_obj"].paginator.num_pages == 2
    assert 'href="?kind=exercise&amp;page=2#results"' in first.content.decode()
    assert [e.title for e in second.context["page_obj"].object_list][0] == "Exercise 10"
    assert [e.title for e in oldest.context["page_obj"].object_list][0] == "Exercise 51"
    assert timeline(client, page="999").status_code == 200


def test_pages_partition_the_events_in_date_order(client, make_event):
    # Several events per day, some with times, so page boundaries fall inside a day.
    for n in range(130):
        make_event(start_date=D(2020, 3, 1) + datetime.timedelta(days=n // 7), start_time=datetime.time(n % 5 + 8))
    seen = []
    for number in (1, 2, 3):
        events = list(timeline(client, page=str(number), order="oldest").context["page_obj"].object_list)
        assert [e.start_date for e in events] == sorted(e.start_date for e in events)
        seen += events
    assert len(seen) == len({e.pk for e in seen}) == 130
    assert [e.start_date for e in seen] == sorted(e.start_date for e in seen)


def test_count_comes_from_the_kind_overview(client, make_event):
    make_event(kind="visit", title="Visit to Minsk", location="Minsk")
    make_event(kind="exercise", location="Minsk")
    make_event(kind="exercise", location="Kant")

    assert timeline(client).context["page_obj"].paginator.count == 3
    assert timeline(client, kind="exercise").context["page_obj"].paginator.count == 2
    assert timeline(client, kind="exercise", location="minsk").context["page_obj"].paginator.count == 1
    assert timeline(client, kind="briefing").context["page_obj"].paginator.count == 0


@pytest.mark.parametrize("count", [3, 120])
def test_timeline_query_count_does_not_grow_with_events(client, make_event, django_assert_num_queries, count):
    for n in range(count):
        make_event(kind="exercise" if n % 2 else "visit", start_date=D(2018, 1, 1) + datetime.timedelta(days=n * 9))

    # The overview's groups (per year, kind and place; they also give the paginator its count) + one page.
    with django_assert_num_queries(2):
        assert timeline(client).status_code == 200
    with django_assert_num_queries(2):
        assert timeline(client, kind="exercise", year="2018", location="", q="", page="2").status_code == 200
    # A search counts its first events (events.found: one query, and on PostgreSQL the number of
    # published events and the planner's estimate of the matches); its first request in this process
    # also looks its last word up in the vocabulary. The upcoming view reads the kept counts and
    # counts this year's upcoming events.
    first = 3 if connection.vendor == "postgresql" else 1
    with django_assert_num_queries(first + 2):
        assert timeline(client, q="event", kind="exercise", order="oldest").status_code == 200
    with django_assert_num_queries(3):
        assert client.get(reverse("events:upcoming")).status_code == 200
    # A search's first events are cached (under a generation every write renews): the same search,
    # narrowed or on another page, is one query.
    with django_assert_num_queries(1):
        assert timeline(client, q="event", order="oldest", page="2").status_code == 200
    with django_assert_num_queries(first + 1):  # best match lists the most recent: its own first events
        assert timeline(client, q="event", page="2").status_code == 200
    with django_assert_num_queries(1):
        assert timeline(client, q="event", year="2018").status_code == 200
    make_event(kind="visit")
    with django_assert_num_queries(first + 1):
        assert timeline(client, q="event", page="2").status_code == 200
    # Kind, year and place views read the small table the database keeps: the same two queries each
    # time, never a count over the events.
    with django_assert_num_queries(2):
        assert timeline(client).status_code == 200


def test_hostile_titles_are_escaped_everywhere(client, make_event, make_mention, make_release):
    evil = "<script>alert(1)</script>"
    release = make_release(title=evil, original_text=f"{evil} On 5 May 2020 {evil} met.")
    event = make_event(title=evil, location=evil)
    make_mention(release=release, event=event, evidence=evil, evidence_start=0, evidence_end=len(evil))

    for url in (reverse("events:timeline"), event.get_absolute_url(), release.get_absolute_url()):
        html = client.get(url).content.decode()
        assert "<script>" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_hostile_query_parameters_are_escaped(client, make_event):
    make_event()
    html = timeline(client, q='"><script>x()</script>', location="<b>").content.decode()
    assert "<script>x()" not in html
    assert "&lt;script&gt;x()" in html
    assert "<b>" not in html


def test_event_page_shows_date_kind_location_evidence_and_calendar_link(client, make_event, make_mention, make_release):
    release = make_release(title="Consultations held", original_text="Intro. From 21 to 23 January, talks were held.")
    event = make_event(
        title="Consultations",
        kind="consultation",
        location="Moscow",
        start_date=D(2020, 1, 21),
        end_date=D(2020, 1, 23),
    )
    mention = make_mention(
        release=release,
        event=event,
        evidence="From 21 to 23 January, talks were held.",
        evidence_start=7,
        evidence_end=46,
        date_start=7,
        date_end=28,
    )

    html = client.get(event.get_absolute_url()).content.decode()

    assert "<h1>Consultations</h1>" in html
    assert "21–23 January 2020" in html
    assert '<span class="kind kind-consultation">Consultation</span>' in html
    assert "Moscow" in html
    assert "<blockquote" in html and "From 21 to 23 January, talks were held." in html
    assert f'href="{release.get_absolute_url()}#m-{mention.pk}"' in html
    assert f'href="{reverse("events:event-ics", args=[event.pk])}"' in html
    assert f'href="{reverse("events:feeds")}"' in html


def test_event_page_links_related_events(client, make_event):
    founding = make_event(title="Founding", kind="decision", start_date=D(2003, 4, 28), recurs_yearly=True)
    anniversary = make_event(
        title="Anniversary", kind="anniversary", start_date=D(2022, 4, 28), founding_event=founding
    )
    same_day = make_event(title="Same day visit", kind="visit", start_date=D(2022, 4, 28))
    nearby = make_event(title="Nearby anniversary", kind="anniversary", start_date=D(2022, 5, 20))
    make_event(title="Far anniversary", kind="anniversary", start_date=D(2019, 5, 20))
    make_event(title="Draft same day", kind="visit", start_date=D(2022, 4, 28), status="draft")

    response = client.get(anniversary.get_absolute_url())
    html = response.content.decode()

    assert response.context["founding"] == [founding]
    assert list(response.context["same_day"]) == [same_day]
    assert list(response.context["nearby"]) == [nearby]
    assert "Far anniversary" not in html and "Draft same day" not in html
    assert list(client.get(founding.get_absolute_url()).context["anniversaries"]) == [anniversary]


def test_month_precision_event_has_no_same_day_events(client, make_event):
    event = make_event(start_date=D(2020, 11, 1), precision="month")
    make_event(start_date=D(2020, 11, 1))
    assert list(client.get(event.get_absolute_url()).context["same_day"]) == []


def test_event_page_query_count_is_fixed(client, make_event, make_mention, django_assert_num_queries):
    founding = make_event(kind="decision", start_date=D(2003, 4, 28))
    event = make_event(kind="anniversary", start_date=D(2022, 4, 28), founding_event=founding)
    for _ in range(5):
        make_mention(event=event)
        make_event(kind="anniversary", start_date=D(2022, 4, 28))

    # event + mentions with releases + same day + nearby + anniversaries
    with django_assert_num_queries(5):
        assert client.get(event.get_absolute_url()).status_code == 200


def test_drafts_are_404_for_readers_but_visible_to_staff(client, admin_client, make_event):
    draft = make_event(title="Draft", status="draft")
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(reverse("events:event-ics", args=[draft.pk])).status_code == 404
    assert admin_client.get(draft.get_absolute_url()).status_code == 200


def test_withdrawn_event_is_shown_as_withdrawn_without_calendar_link(client, make_event):
    event = make_event(status="cancelled")
    html = client.get(event.get_absolute_url()).content.decode()
    assert "withdrawn" in html
    assert reverse("events:event-ics", args=[event.pk]) not in html


def test_withdrawn_duplicate_redirects_to_the_event_it_was_merged_into(client, make_event):
    survivor = make_event()
    duplicate = make_event(status="cancelled", merged_into=survivor)
    response = client.get(duplicate.get_absolute_url())
    assert response.status_code == 302
    assert response["Location"] == survivor.get_absolute_url()


def test_release_page_marks_dates_of_published_events_only(client, make_release, make_event, make_mention):
    text = "Title\n\nOn 16 January 2020 they met. In May 2020 a draft plan was <b>made</b>."
    release = make_release(original_text=text)
    published = make_event(title="Meeting")
    draft = make_event(title="Plan", status="draft")
    start = text.index("16 January 2020")
    mention = make_mention(
        release=release,
        event=published,
        evidence="On 16 January 2020 they met.",
        evidence_start=text.index("On 16"),
        evidence_end=text.index(" In May"),
        date_start=start,
        date_end=start + len("16 January 2020"),
    )
    make_mention(
        release=release,
        event=draft,
        evidence="In May 2020",
        evidence_start=text.index("In May"),
        evidence_end=text.index(" a draft"),
        date_start=text.index("May 2020"),
        date_end=text.index(" a draft"),
    )

    html = client.get(release.get_absolute_url()).content.decode()

    assert (
        f'<mark id="m-{mention.pk}"><a href="{published.get_absolute_url()}" title="Meeting">16 January 2020</a></mark>'
    ) in html
    assert html.count("<mark") == 1
    assert "&lt;b&gt;made&lt;/b&gt;" in html


def test_release_page_uses_evidence_span_when_no_date_span(client, make_release, make_event, make_mention):
    release = make_release(original_text="Alpha. Last year drills were held. Omega.")
    event = make_event()
    make_mention(
        release=release, event=event, evidence="Last year drills were held.", evidence_start=7, evidence_end=34
    )

    html = client.get(release.get_absolute_url()).content.decode()

    assert ">Last year drills were held.</a></mark>" in html


def test_unknown_pages_give_a_helpful_404_with_debug_off(client, settings, make_event):
    settings.DEBUG = False
    for url in ("/no-such-page/", "/events/999999/", "/releases/999999/"):
        response = client.get(url)
        assert response.status_code == 404
        html = response.content.decode()
        assert "Page not found" in html
        assert f'href="{reverse("events:timeline")}"' in html
        assert 'name="q"' in html


def test_every_page_links_timeline_and_feeds(client, make_mention):
    mention = make_mention()
    for url in (reverse("events:timeline"), mention.event.get_absolute_url(), mention.release.get_absolute_url()):
        html = client.get(url).content.decode()
        assert '<nav aria-label="Main">' in html
        assert f'href="{reverse("events:feeds")}"' in html
        assert "site.css" in html


def test_upcoming_lists_today_onward_soonest_first(client, make_event):
    today = datetime.date.today()
    make_event(title="Past talks", start_date=today - datetime.timedelta(days=3))
    make_event(title="Later summit", start_date=today + datetime.timedelta(days=30))
    make_event(title="Soon drill", start_date=today + datetime.timedelta(days=2))
    make_event(
        title="Running now", start_date=today - datetime.timedelta(days=1), end_date=today + datetime.timedelta(days=1)
    )
    make_event(title="This month", start_date=today.replace(day=1), precision="month")
    response = client.get(reverse("events:upcoming"))
    titles = [e.title for e in response.context["page_obj"].object_list]
    assert titles == ["This month", "Running now", "Soon drill", "Later summit"] or titles[1:] == [
        "Running now",
        "Soon drill",
        "Later summit",
    ]
    assert "Past talks" not in titles
    assert "/calendar/upcoming.ics" in response.content.decode()


def test_jump_to_a_month_opens_its_page_at_its_heading(client, make_event):
    for n in range(120):
        make_event(start_date=D(2000, 1, 1) + datetime.timedelta(days=10 * n))
    response = timeline(client, jump="2001-06", kind="meeting")
    assert response.status_code == 302
    assert response["Location"].endswith("#m-2001-06")
    page = client.get(response["Location"].split("#")[0])
    assert 'id="m-2001-06"' in page.content.decode()
    oldest = client.get(timeline(client, jump="2001-06", order="oldest")["Location"].split("#")[0])
    assert 'id="m-2001-06"' in oldest.content.decode()
    assert timeline(client, jump="June").status_code == 400  # not a year or month: said so


def test_search_without_results_suggests_a_spelling(client, make_event):
    make_event(title="Exercise in Kazakhstan", location="Kazakhstan")
    html = timeline(client, q="Kazakstan").content.decode()
    assert "Did you mean" in html and "q=kazakhstan" in html
    assert timeline(client, q="kazakhstan").context["page_obj"].paginator.count == 1


def test_place_facet_counts_cities_and_countries(client, make_event):
    make_event(title="In the capital", location="Nur-Sultan")
    make_event(title="Old capital", location="Alma-Ata")
    make_event(title="Sentence only")  # no location: nothing to file it under
    make_event(title="Belarus", location="Minsk")
    response = timeline(client)
    facet = {(p["value"], p["n"]) for p in response.context["places"]}
    assert facet == {("Kazakhstan", 2), ("Astana", 1), ("Almaty", 1), ("Belarus", 1), ("Minsk", 1)}
    assert {e.title for e in timeline(client, place="Kazakhstan").context["page_obj"].object_list} == {
        "In the capital",
        "Old capital",
    }
    assert {e.title for e in timeline(client, place="Astana").context["page_obj"].object_list} == {"In the capital"}


def test_place_comes_from_the_dating_sentence_when_the_location_is_empty(make_event, make_mention, make_release):
    event = make_event(title="Talks")
    make_mention(event=event, release=make_release(), evidence="On 5 May talks were held in Dushanbe.")
    event.refresh_from_db()
    assert (event.place, event.country) == ("Dushanbe", "Tajikistan")


def test_filtered_timeline_offers_a_feed_of_exactly_this(client, make_event):
    make_event(kind="exercise", location="Minsk", title="Drill")
    html = timeline(client, kind="exercise", place="Minsk", q="drill").content.decode()
    assert "webcal://testserver/calendar.ics?kind=exercise&amp;place=Minsk&amp;q=drill" in html
    assert "https://testserver/calendar.ics?kind=exercise&amp;place=Minsk&amp;q=drill" in html


def test_release_and_event_pages_link_the_original_publication(client, make_mention, make_release):
    from django.core.exceptions import ValidationError

    release = make_release(source_url="https://example.org/news/12345/")
    mention = make_mention(release=release)
    for url in (release.get_absolute_url(), mention.event.get_absolute_url()):
        html = client.get(url).content.decode()
        assert '<a href="https://example.org/news/12345/" rel="noopener external">Read the original</a>' in html
    release.source_url = "javascript:alert(1)"
    with pytest.raises(ValidationError):
        release.full_clean()


def test_upcoming_lists_a_long_range_still_running_however_long_ago_it_began(client, make_event):
    today = datetime.date.today()
    make_event(
        title="Programme", start_date=D(today.year - 4, 1, 1), end_date=D(today.year + 1, 1, 1), precision="year"
    )
    make_event(title="Long mission", start_date=today - datetime.timedelta(days=900), end_date=today)
    make_event(
        title="Ended mission",
        start_date=today - datetime.timedelta(days=900),
        end_date=today.replace(day=1) - datetime.timedelta(days=1),
    )
    make_event(title="Soon drill", start_date=today + datetime.timedelta(days=2))
    response = client.get(reverse("events:upcoming"))
    titles = [e.title for e in response.context["page_obj"].object_list]
    assert titles == ["Programme", "Long mission", "Soon drill"]
    assert response.context["total"] == 3
