"""The review queue tells editors why each draft was extracted: how it was dated, where its kind came from."""

import datetime

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse

from events.importers import import_text
from events.models import Event

QUEUE = reverse("admin:events_draftevent_changelist")
TEXT = """Staff talks held in Minsk

Staff talks held in Minsk 06.06.2025
From 3 to 5 June, staff talks on the joint exercise were held in Minsk.
"""


@pytest.fixture
def editor_client(client, db):
    user = User.objects.create_user("ed", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return client


def test_each_draft_shows_how_it_was_dated_and_kinded(editor_client):
    import_text(TEXT, "talks.txt")
    response = editor_client.get(QUEUE)
    assert response.status_code == 200
    assert response.text.count('class="review-reasons"') == Event.objects.drafts().count() == 1
    assert "dated by &#x27;3 to 5 June&#x27; (dmy_range)" in response.text
    assert "kind: lexicon &#x27;staff talks&#x27; = consultation" in response.text


def test_the_queue_sorts_by_date(editor_client, make_event):
    later = make_event(status="draft", start_date=datetime.date(2025, 6, 3))
    earlier = make_event(status="draft", start_date=datetime.date(2024, 1, 1))
    response = editor_client.get(QUEUE + "?o=2")
    assert [e.pk for e in response.context["cl"].result_list] == [earlier.pk, later.pk]
    assert "entered by hand" in response.text
