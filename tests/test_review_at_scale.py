"""The review queue past SQLite's limit on query variables (32,766): it sorts, filters and counts by
the stored confidence, so no query lists every doubtful draft."""

import datetime

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from events import admin_review, review
from events.models import Event

QUEUE = reverse("admin:events_draftevent_changelist")
DOUBTFUL = 33_000  # above SQLite's default SQLITE_MAX_VARIABLE_NUMBER (32,766)

pytestmark = pytest.mark.django_db


def test_the_queue_sorts_and_filters_more_doubtful_drafts_than_sqlite_takes_variables(client, make_event):
    sure = make_event(status="draft", title="The council held a session on border security")
    doubtful = make_event(status="draft", title="yesterday", start_date=datetime.date(1929, 12, 31))
    stored = Event.objects.get(pk=doubtful.pk).confidence  # kept by the write path
    assert stored == review.assess_all([doubtful]).popitem()[1].confidence < review.NEEDS_A_LOOK
    first = datetime.date(1930, 1, 1)
    Event.objects.bulk_create(  # as many more, stored as the write path stores them (the per-row cost is not the point)
        Event(
            uid=f"scale-{n}@test",
            title="yesterday",
            start_date=first + datetime.timedelta(days=n),
            status="draft",
            confidence=stored,
        )
        for n in range(DOUBTFUL - 1)
    )

    client.force_login(User.objects.create_superuser("admin", password="pw"))
    lowest_first = client.get(QUEUE + "?o=4")
    assert lowest_first.status_code == 200
    changelist = lowest_first.context["cl"]
    assert changelist.result_count == DOUBTFUL + 1
    assert [event.confidence for event in changelist.result_list] == [stored] * 50
    assert all("title has no verb" in event.assessment.doubts for event in changelist.result_list)  # reasons shown
    assert client.get(QUEUE + "?o=-4").context["cl"].result_list[0].pk == sure.pk
    assert client.get(QUEUE + "?look=yes").context["cl"].result_count == DOUBTFUL
    assert [event.pk for event in client.get(QUEUE + "?look=no").context["cl"].result_list] == [sure.pk]
    assert admin_review.queue_counts() == {"drafts": DOUBTFUL + 1, "needs_a_look": DOUBTFUL}
