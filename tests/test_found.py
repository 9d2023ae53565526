"""Views found by free text (events.found): a search or `location=` lists and counts its first
found.LIMIT events in the view's order; below the limit the counts are every match's, above it the
page says so and never states a total."""

import datetime
import re

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from events import found, tally
from events.models import Event

D = datetime.date


def timeline(client, **params):
    return client.get(reverse("events:timeline"), params)


def listed(response) -> list[int]:
    return [event.pk for event in response.context["page_obj"].object_list]


def sidebar_counts(html: str) -> list[str]:
    return re.findall(r'<span class="count">([^<]*)</span>', html)


def every_match_counted(events, kind="", year=None, place=""):
    """The overview counting every match, as the view did before it counted only the first ones."""
    return tally.overview(list(events.count_by_group()), kind=kind, year=year, place=place)


# Queries of a view's first request after a write, besides the page: its first events (one query),
# and on PostgreSQL the number of published events and the planner's estimate of the matches.
FIRST = 3 if connection.vendor == "postgresql" else 1


@pytest.fixture
def drills(make_event):
    """Nine 'drill' events over 2016-2020 (kinds, places and dates varied) and two that do not match."""
    made = []
    for n in range(9):
        made.append(
            make_event(
                title=f"Drill {n}",
                kind="exercise" if n % 2 else "meeting",
                location="Minsk" if n % 3 else "Yerevan",
                start_date=D(2016 + n // 2, 1 + n, 10),
            )
        )
    make_event(title="Talks", start_date=D(2019, 5, 5), location="Minsk")
    make_event(title="Summit", start_date=D(2021, 5, 5))
    return made


def test_first_reads_the_same_events_whichever_way_it_reads_them(drills):
    matching = Event.objects.published().matching("drill")
    newest = list(matching.order_by("-start_date", "-pk").values_list("pk", flat=True))
    for walk, expected in ((("-start_date", "-pk"), newest), (("start_date", "pk"), newest[::-1])):
        walked = found.first(matching, walk, published=1, limit=5)  # a common word: walk the dates
        sorted_ = found.first(matching, walk, published=10**9, limit=5)  # a rare one: read the matches
        assert walked.keys == sorted_.keys == expected[:5]
        assert walked.more and sorted_.more
    every = found.first(matching, ("-start_date", "-pk"), limit=9)
    assert every.keys == newest and not every.more


def test_found_counts_and_narrows_its_rows(drills):
    matching = Event.objects.published().matching("drill")
    every = found.first(matching, ("-start_date", "-pk"), limit=100)
    assert sorted(every.groups()) == sorted(matching.count_by_group())
    assert every.years() == [(2016, 2), (2017, 2), (2018, 2), (2019, 2), (2020, 1)]
    narrowed = every.narrowed(kind="exercise", place="Belarus")
    assert narrowed.keys == list(
        matching.filtered(kind="exercise", place="Belarus").order_by("-start_date", "-pk").values_list("pk", flat=True)
    )
    with pytest.raises(AssertionError):
        found.first(matching, ("-start_date", "-pk"), limit=3).narrowed(year=2016)


@pytest.mark.parametrize("params", [{"q": "drill"}, {"location": "minsk"}, {"q": "drill", "kind": "exercise"}])
def test_below_the_limit_the_counts_are_every_match(client, drills, params):
    response = timeline(client, **params)
    html = response.content.decode()
    text, location = params.get("q", ""), params.get("location", "")
    matches = Event.objects.published().filtered(text=text, location=location)
    by_year, by_kind, by_place = every_match_counted(matches, kind=params.get("kind", ""))
    total = matches.filtered(kind=params.get("kind", "")).count()

    assert response.context["by_year"] == by_year
    assert [(kind, n) for kind, _, n in response.context["by_kind"]] == by_kind
    assert response.context["total"] == total and not response.context["more"]
    assert f"{total} events matching" in html
    assert "More than" not in html and 'class="count-note"' not in html
    assert all(count.isdigit() for count in sidebar_counts(html))


def test_above_the_limit_the_first_are_listed_and_counted_and_the_page_says_so(client, drills, monkeypatch):
    monkeypatch.setattr(found, "LIMIT", 4)
    matches = Event.objects.published().matching("drill")
    newest = list(matches.order_by("-start_date", "-pk"))
    oldest = newest[::-1]

    best = timeline(client, q="drill")
    by_date = timeline(client, q="drill", order="newest")
    first_oldest = timeline(client, q="drill", order="oldest")
    html = best.content.decode()

    assert set(listed(best)) == {e.pk for e in newest[:4]}  # best match ranks the 4 most recent
    assert listed(by_date) == [e.pk for e in newest[:4]]
    assert listed(first_oldest) == [e.pk for e in oldest[:4]]
    # The counts are those of the 4 listed, never presented as totals.
    first_four = Event.objects.filter(pk__in=[e.pk for e in newest[:4]])
    assert best.context["by_year"] == every_match_counted(first_four)[0]
    assert sum(n for _, _, n in best.context["by_kind"]) == 4
    assert "More than 4 events matching" in html and "9" not in html.split("results-heading")[1].split("</h2>")[0]
    assert "the 4 most recent are listed, best match first" in html
    assert "Counted: the 4 most recent events matching “drill”, not all of them (more match)" in html
    assert all(count.startswith("\u2265") for count in sidebar_counts(html))
    assert "(at least " in html  # the place list's counts too
    # The place list offers every place, those beyond the counted events marked so.
    assert re.search(r'<option value="Armenia">Armenia \(all\) \(at least \d\)</option>', html)
    assert re.search(r'<option value="Bishkek">\s*Bishkek \(not counted\)</option>', html)
    assert "the 4 oldest are listed" in first_oldest.content.decode()
    assert by_date.context["page_obj"].paginator.num_pages == 1


def test_narrowing_a_search_above_the_limit_reaches_every_match(client, drills, monkeypatch):
    monkeypatch.setattr(found, "LIMIT", 4)
    matches = Event.objects.published().matching("drill")
    for year in range(2016, 2021):
        response = timeline(client, q="drill", year=str(year), order="newest")
        in_year = list(
            matches.filter(start_date__year=year).order_by("-start_date", "-pk").values_list("pk", flat=True)
        )
        assert listed(response) == in_year
        assert not response.context["more"] and response.context["total"] == len(in_year)
    # Jumping to a year beyond the listed events narrows the search to it.
    jump = timeline(client, q="drill", order="newest", jump="2016")
    assert jump.status_code == 302 and "year=2016" in jump["Location"] and jump["Location"].endswith("#y-2016")
    # A year within them opens its page.
    assert "page=1" in timeline(client, q="drill", order="newest", jump="2020")["Location"]


def test_location_above_the_limit_is_counted_the_same_way(client, drills, monkeypatch):
    monkeypatch.setattr(found, "LIMIT", 3)
    response = timeline(client, location="minsk", order="oldest")
    at_minsk = Event.objects.published().filtered(location="minsk").order_by("start_date", "pk")
    assert listed(response) == list(at_minsk.values_list("pk", flat=True)[:3])
    assert response.context["more"] and response.context["counted_first"]
    assert "Counted: the 3 oldest events matching the location" in response.content.decode()


@pytest.mark.parametrize("limit", [4, 1000])
def test_a_search_costs_a_fixed_number_of_queries_above_and_below_the_limit(
    client, drills, monkeypatch, django_assert_num_queries, limit
):
    monkeypatch.setattr(found, "LIMIT", limit)
    timeline(client, q="drill")  # the last word looked up in the vocabulary once per process
    Event.objects.filter(pk=drills[0].pk).update(title="Drill zero")  # a write: counts are due again
    with django_assert_num_queries(FIRST + 1):  # its first events, and the page
        timeline(client, q="drill", order="newest")
    with django_assert_num_queries(1):  # the page
        timeline(client, q="drill", order="newest", page="2")
    with django_assert_num_queries(1):  # best match: the listed events ranked, one page of them
        timeline(client, q="drill")
    # Narrowed: read from the search's first events when they are all of them, or on its own.
    with django_assert_num_queries(1 if limit > 9 else FIRST + 1):
        timeline(client, q="drill", order="newest", kind="exercise")
    with django_assert_num_queries(1):
        timeline(client, q="drill", order="newest", kind="exercise")
    with django_assert_num_queries(FIRST + 1):
        timeline(client, location="minsk")


def test_a_write_renews_a_search_counts(client, drills, make_event):
    before = timeline(client, q="drill")
    assert before.context["total"] == 9
    added = make_event(title="Drill added", kind="visit", start_date=D(2022, 2, 2))
    after = timeline(client, q="drill")
    assert after.context["total"] == 10 and added.pk in listed(after)
    assert ("visit", "Visit", 1) in after.context["by_kind"]
    Event.objects.filter(pk=added.pk).update(status="draft")
    assert timeline(client, q="drill").context["total"] == 9


def test_upcoming_counts_are_every_upcoming_event(client, make_event):
    today = timezone.localdate()
    make_event(title="Past", start_date=today - datetime.timedelta(days=40))
    make_event(title="Running", start_date=today - datetime.timedelta(days=400), end_date=today, kind="exercise")
    make_event(title="Soon", start_date=today + datetime.timedelta(days=1), location="Minsk")
    make_event(title="Next year", start_date=today.replace(year=today.year + 1, month=1, day=1), kind="visit")
    make_event(title="Later", start_date=D(today.year + 3, 6, 1), location="Yerevan")
    upcoming = Event.objects.published().upcoming()

    response = client.get(reverse("events:upcoming"))

    assert (response.context["by_year"], [(k, n) for k, _, n in response.context["by_kind"]]) == (
        every_match_counted(upcoming)[:2]
    )
    assert response.context["total"] == 4
    assert not response.context["counted_first"]
    make_event(title="Another", start_date=today + datetime.timedelta(days=3))
    assert client.get(reverse("events:upcoming")).context["total"] == 5
