"""The review flow: from the queue through each draft and back, the admin home's figures, and an
import preview where events are unticked or corrected before saving."""

import datetime
import re

import pytest
from django.contrib.auth.models import Group, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from events import admin_review
from events.models import Event, Release
from tests.test_admin import change_form_data

QUEUE = reverse("admin:events_draftevent_changelist")
IMPORT = reverse("admin:events_release_import")
TWO_EVENTS = """Staff talks and an exercise

Staff talks and an exercise 06.06.2025
From 3 to 5 June, staff talks on the joint exercise were held in Minsk.
On 20 June, the Secretary General will visit Dushanbe.
"""


@pytest.fixture
def editor_client(client, db):
    user = User.objects.create_user("ed", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return client


def change_url(event, query=""):
    url = reverse("admin:events_event_change", args=[event.pk])
    return f"{url}?queue={query}" if query else url


@pytest.fixture
def drafts(make_event):
    day = datetime.date(2025, 6, 3)
    return [make_event(status="draft", title=f"Draft number {n} about talks", start_date=day) for n in range(3)]


def test_a_draft_page_offers_save_and_next_and_return_to_the_queue(editor_client, drafts):
    page = editor_client.get(change_url(drafts[0])).text
    assert 'name="_savenext"' in page and 'name="_savequeue"' in page
    assert "Shift</kbd>+<kbd>P</kbd>" in page
    published = Event.objects.create(title="Out already", start_date=datetime.date(2025, 1, 1), status="published")
    assert 'name="_savenext"' not in editor_client.get(change_url(published)).text


def test_save_and_next_follows_the_queue_order_and_keeps_its_filters(editor_client, drafts):
    # The queue sorted by title (descending): 2, 1, 0.
    query = "o=-1"
    listing = editor_client.get(f"{QUEUE}?{query}").text
    assert change_url(drafts[2], "o%3D-1") in listing  # each draft link carries the queue's view
    url = change_url(drafts[2], "o%3D-1")
    response = editor_client.post(url, change_form_data(editor_client, url, status="published", _savenext="1"))
    assert response.status_code == 302
    assert response["Location"] == change_url(drafts[1], "o%3D-1")
    drafts[2].refresh_from_db()
    assert drafts[2].status == "published"


def test_save_and_return_goes_back_to_the_queue_as_it_was(editor_client, drafts):
    url = change_url(drafts[0], "look%3Dno")
    response = editor_client.post(
        url, change_form_data(editor_client, url, title="Talks held in Minsk", _savequeue="1")
    )
    assert response["Location"] == f"{QUEUE}?look=no"


def test_the_last_draft_returns_to_the_queue(editor_client, make_event):
    only = make_event(status="draft", title="The only draft left here")
    response = editor_client.post(
        change_url(only),
        change_form_data(editor_client, change_url(only), status="published", _savenext="1"),
        follow=True,
    )
    assert response.redirect_chain[-1][0] == QUEUE
    assert "That was the last draft in this view of the queue." in response.text


def test_the_admin_home_counts_waiting_drafts(editor_client, drafts, make_event):
    make_event(status="draft", title="yesterday", start_date=datetime.date(2019, 1, 1))
    page = editor_client.get(reverse("admin:index")).text
    assert re.search(r"<strong>4</strong> drafts waiting", page)
    assert re.search(r"<strong>\d+</strong> needs? a look", page)
    assert f"{QUEUE}?look=yes" in page


def test_add_release_leads_to_the_import_page(editor_client):
    response = editor_client.get(reverse("admin:events_release_add"))
    assert response["Location"] == IMPORT


def test_the_change_kind_list_has_a_label(editor_client, drafts):
    page = editor_client.get(QUEUE).text
    assert re.search(r"<label>New kind: <select name=\"kind\"", page)


def test_the_preview_lets_the_editor_untick_and_correct_before_saving(editor_client):
    upload = SimpleUploadedFile("two.txt", TWO_EVENTS.encode(), content_type="text/plain")
    preview = editor_client.post(IMPORT, {"files": [upload]})
    assert "3–5 June 2025" in preview.text and "2025-06-03" not in preview.text.split("<tbody>")[1].split("<input")[0]
    forms = preview.context["previews"][0].event_forms
    (name, data) = preview.context["to_save"][0]
    post = {"confirm": "1", "release_name": name, "release_data": data, "ev-0-count": str(len(forms))}
    for form in forms:
        for field in form:
            value = field.value()
            if value not in (None, False):
                post[field.html_name] = value
                if field.field.show_hidden_initial:
                    post[field.html_initial_name] = value
    (talks,) = [form for form in forms if form.initial["kind"] == "consultation"]
    for other in forms:
        if other is not talks:
            del post[f"{other.prefix}-keep"]  # unticked
    post[f"{talks.prefix}-title"] = "Staff talks on the joint exercise in Minsk"
    post[f"{talks.prefix}-kind"] = "meeting"
    response = editor_client.post(IMPORT, post, follow=True)
    release = Release.objects.get()
    assert response.redirect_chain[-1][0] == f"{QUEUE}?releases={release.pk}"
    event = Event.objects.get()
    assert (event.title, event.kind) == ("Staff talks on the joint exercise in Minsk", "meeting")
    assert sorted(event.editor_fields) == ["kind", "title"]
    assert event.history.latest().history_change_reason == "corrected in the import preview"
    created = event.history.earliest()  # the import itself names the editor who uploaded it
    assert (created.history_user.username, created.history_change_reason) == ("ed", "import of two.txt")
    assert event.history.latest().history_user.username == "ed"
    left_out = admin_review.plural(len(forms) - 1, "event")
    assert f"{left_out} left out as you unticked, 1 event corrected." in response.text
    assert [e.pk for e in response.context["cl"].result_list] == [event.pk]


def test_a_wrong_correction_is_reported_and_the_rest_saved(editor_client):
    upload = SimpleUploadedFile("two.txt", TWO_EVENTS.encode(), content_type="text/plain")
    preview = editor_client.post(IMPORT, {"files": [upload]})
    (name, data) = preview.context["to_save"][0]
    (talks,) = [f for f in preview.context["previews"][0].event_forms if f.initial["kind"] == "consultation"]
    post = {"confirm": "1", "release_name": name, "release_data": data, "ev-0-count": "3"}
    post.update({f"{talks.prefix}-{k}": v for k, v in {"keep": "on", "title": "Talks", "kind": "consultation"}.items()})
    post.update(
        {f"{talks.prefix}-evidence_start": talks.initial["evidence_start"], f"{talks.prefix}-extracted_kind": "x"}
    )
    post.update({f"{talks.prefix}-start_date": "2025-06-05", f"{talks.prefix}-end_date": "2025-06-01"})
    response = editor_client.post(IMPORT, post, follow=True)
    number = int(talks.prefix.rsplit("-", 1)[1]) + 1
    notes = [str(m) for m in response.context["messages"]]
    assert f"two.txt, event {number}: correction not applied: The last day is before the first day." in notes
    assert Event.objects.count() == len(preview.context["previews"][0].event_forms)
