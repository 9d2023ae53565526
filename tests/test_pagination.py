"""Timeline pages: numbered pages anchored at the year they lie in (events.pagination), checked
against the plain order: every event once, in order, whatever the ties, filters and direction."""

import datetime

import pytest
from django.urls import reverse

from events.models import Event
from events.pagination import anchor

D = datetime.date


def timeline(client, **params):
    return client.get(reverse("events:timeline"), params)


@pytest.fixture
def crowded(make_event):
    """183 events over four years, most sharing a day with others (page boundaries fall inside a
    day and inside a year), two kinds, some with a start time, some month- and year-precision."""
    days = [D(2017, 12, 31), D(2018, 1, 1), D(2018, 6, 15), D(2019, 3, 3), D(2020, 1, 1)]
    for n in range(183):
        precision = "year" if n % 17 == 0 else "month" if n % 11 == 0 else "day"
        make_event(
            title=f"Crowded {n}",
            kind="exercise" if n % 3 else "visit",
            start_date=days[n % len(days)],
            precision=precision,
            start_time=datetime.time(8 + n % 4) if n % 2 else None,
        )


def walk(client, **params) -> list[Event]:
    first = timeline(client, **params)
    pages = first.context["page_obj"].paginator.num_pages
    seen = list(first.context["page_obj"].object_list)
    for number in range(2, pages + 1):
        seen += list(timeline(client, page=str(number), **params).context["page_obj"].object_list)
    return seen


@pytest.mark.parametrize("order", ["newest", "oldest"])
@pytest.mark.parametrize("filters", [{}, {"kind": "exercise"}, {"year": "2018"}, {"kind": "visit", "year": "2018"}])
def test_pages_hold_every_event_once_in_order_when_many_share_a_day(client, crowded, order, filters):
    expected = Event.objects.published().filter(**({"kind": filters["kind"]} if "kind" in filters else {}))
    if "year" in filters:
        expected = expected.filter(start_date__year=int(filters["year"]))
    keys = ("-start_date", "-pk") if order == "newest" else ("start_date", "pk")
    expected = list(expected.order_by(*keys).values_list("pk", flat=True))

    seen = walk(client, order=order, **filters)

    assert len(seen) == len({e.pk for e in seen}) == len(expected)  # no duplicate, no gap
    # Each page is one run of the order (date, then id); within a page the rows are shown by time.
    for number in range(0, len(expected), 50):
        assert {e.pk for e in seen[number : number + 50]} == set(expected[number : number + 50])
    dates = [e.start_date for e in seen]
    assert dates == sorted(dates, reverse=order == "newest")


def test_a_deep_page_costs_the_queries_of_the_first(client, crowded, django_assert_num_queries):
    # One read of the small table of counts (events.tally) and the page.
    with django_assert_num_queries(2):
        timeline(client, kind="exercise")
    with django_assert_num_queries(2):
        last = timeline(client, kind="exercise", page="last")
    assert last.context["page_obj"].number == 3
    oldest = Event.objects.published().filter(kind="exercise").order_by("start_date").first().start_date
    assert [e.start_date for e in last.context["page_obj"].object_list][-1] == oldest


def test_page_links_carry_the_filters_and_the_order(client, crowded):
    html = timeline(client, kind="exercise", order="oldest", page="2").content.decode()
    assert 'href="?kind=exercise&amp;order=oldest&amp;page=3#results" rel="next"' in html
    assert 'href="?kind=exercise&amp;order=oldest#results" rel="prev"' in html or (
        'href="?kind=exercise&amp;order=oldest&amp;page=1#results" rel="prev"' in html
    )


def test_a_page_follows_an_editor_publishing_and_unpublishing(client, crowded, make_event):
    before = walk(client)
    added = make_event(title="Published later", start_date=D(2018, 6, 15))
    after = walk(client)
    assert len(after) == len(before) + 1 and added.pk in {e.pk for e in after}
    Event.objects.filter(pk=added.pk).update(status="draft")
    assert [e.pk for e in walk(client)] == [e.pk for e in before]


def test_anchor_finds_the_year_a_position_lies_in():
    years = [(2018, 3), (2019, 0), (2020, 5)]
    assert anchor(years, 0, descending=False) == (2018, 0)
    assert anchor(years, 3, descending=False) == (2020, 3)
    assert anchor(years, 0, descending=True) == (2020, 0)
    assert anchor(years, 5, descending=True) == (2018, 5)
    assert anchor(years, 8, descending=True) == (None, 0)


@pytest.mark.parametrize("order", ["newest", "oldest"])
def test_jump_opens_the_page_that_holds_the_month(client, crowded, order):
    for target, month in (("2018-06", D(2018, 6, 1)), ("2019", D(2019, 1, 1)), ("2018-01", D(2018, 1, 1))):
        response = timeline(client, jump=target, order=order, kind="exercise")
        page = client.get(response["Location"].split("#")[0]).context["page_obj"]
        starts = {(e.start_date.year, e.start_date.month) for e in page.object_list}
        assert (month.year, month.month) in starts


def test_best_match_ranks_the_most_recent_matches_and_says_so(client, make_event, monkeypatch):
    from events import found

    monkeypatch.setattr(found, "LIMIT", 4)
    make_event(title="Old drill", start_date=D(2001, 1, 1))  # a title match, but not among the 4 most recent
    recent = [make_event(title=f"Briefing {n}", description="drill", start_date=D(2020, 1, n + 1)) for n in range(3)]
    titled = make_event(title="Summit drill", start_date=D(2019, 5, 5))
    make_event(title="Talks", start_date=D(2021, 1, 1))  # no match

    response = timeline(client, q="drill")
    listed = [e.pk for e in response.context["page_obj"].object_list]
    html = response.content.decode()

    assert listed[0] == titled.pk and set(listed) == {titled.pk, *(e.pk for e in recent)}
    assert "More than 4 events matching" in html
    assert "the 4 most recent are listed, best match first" in html
    newest = timeline(client, q="drill", order="newest")
    assert newest.context["page_obj"].paginator.count == 4
    assert "the 4 most recent are listed." in newest.content.decode()
    # Narrowed to fewer than 4, every match is listed and nothing is said.
    older = timeline(client, q="drill", year="2001")
    assert older.context["total"] == 1 and "More than" not in older.content.decode()
