"""The overview's counts kept by the database (events.tally) stay equal to counting the events,
whatever writes them: saves, bulk updates, publishing and unpublishing, withdrawing, raw deletes."""

import datetime

import pytest
from django.db import connection
from django.db.models import Count
from django.urls import reverse

from events import tally
from events.models import Event, EventTally

D = datetime.date
FILTERS = [{}, {"kind": "exercise"}, {"year": 2020}, {"place": "Belarus"}, {"place": "Minsk", "kind": "visit"}]


def counted(**filters) -> tuple[list, list, list]:
    """The overview counted plainly over the events: three grouped queries, each without its own filter."""
    events = Event.objects.published().order_by()
    by_year = events.filtered(**{**filters, "year": None}).values_list("start_date__year").annotate(n=Count("pk"))
    by_kind = events.filtered(**{**filters, "kind": ""}).values_list("kind").annotate(n=Count("pk"))
    by_place = (
        events.filtered(**{**filters, "place": ""})
        .exclude(country="")
        .values_list("country", "place")
        .annotate(n=Count("pk"))
    )
    return sorted(by_year), sorted(by_kind), sorted(by_place)


def assert_in_step() -> None:
    groups = list(Event.objects.published().count_by_group())  # what a search's view counts
    assert tally.counts()[3] == tally.published() == Event.objects.published().count()
    for filters in FILTERS:
        assert tally.counts(**filters)[:3] == counted(**filters), filters
        assert tally.overview(groups, **filters) == counted(**filters), filters


def test_counts_follow_every_kind_of_write(make_event):
    minsk = make_event(kind="exercise", location="Minsk", start_date=D(2020, 5, 1))
    make_event(kind="visit", location="Minsk", start_date=D(2021, 1, 1))
    draft = make_event(kind="visit", location="Grodno", status="draft", start_date=D(2020, 2, 2))
    assert_in_step()
    assert tally.counts()[1] == [("exercise", 1), ("visit", 1)]

    draft.status = "published"  # an editor publishes
    draft.save()
    assert_in_step()
    Event.objects.filter(pk=minsk.pk).update(status="draft")  # unpublished in bulk (the admin action)
    assert_in_step()
    Event.objects.filter(pk=minsk.pk).update(status="published", kind="visit", start_date=D(2019, 3, 3))
    assert_in_step()
    minsk.refresh_from_db()
    minsk.location = "Yerevan"  # the place follows the location (events.indexing writes it)
    minsk.save()
    assert_in_step()
    minsk.withdraw()  # cancelled: no longer counted
    assert_in_step()
    Event.objects.bulk_create([Event(uid=f"bulk-{n}", title="Bulk", kind="meeting", start_date=D(2020, 1, n + 1),
                                     status="published") for n in range(3)])  # fmt: skip
    assert_in_step()
    Event.objects.filter(uid__startswith="bulk-")._raw_delete(Event.objects.db)
    assert_in_step()
    make_event(status="draft").delete()  # a draft never published is deleted
    assert_in_step()


def test_the_timeline_overview_changes_at_once_when_an_editor_publishes_or_unpublishes(client, make_event):
    make_event(kind="exercise", start_date=D(2020, 5, 1))
    draft = make_event(kind="exercise", start_date=D(2020, 6, 1), status="draft")

    def exercises() -> int:
        response = client.get(reverse("events:timeline"))
        return dict((kind, n) for kind, _label, n in response.context["by_kind"])["exercise"]

    assert exercises() == 1
    draft.status = "published"
    draft.save()
    assert exercises() == 2
    Event.objects.filter(pk=draft.pk).update(status="draft")
    assert exercises() == 1


def test_rows_left_at_zero_are_not_listed(make_event):
    event = make_event(kind="briefing", start_date=D(1999, 1, 1))
    Event.objects.filter(pk=event.pk).update(status="draft")
    assert EventTally.objects.filter(kind="briefing", year=1999).get().n == 0
    by_year, by_kind, _, _ = tally.counts()
    assert (1999, 0) not in by_year and all(kind != "briefing" for kind, _ in by_kind)


@pytest.mark.django_db(transaction=True)
def test_install_after_migrate_puts_lost_triggers_back_and_counts_afresh(make_event):
    make_event(kind="exercise")
    tally.uninstall(connection)  # as a rebuild of the table by a migration on SQLite would
    make_event(kind="exercise")
    assert tally.counts()[1] == [("exercise", 1)]
    tally.after_migrate(sender=None, using="default")
    assert tally.counts()[1] == [("exercise", 2)]
    make_event(kind="exercise")
    assert tally.counts()[1] == [("exercise", 3)]
