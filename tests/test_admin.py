"""The editors' admin through its real URLs: lists, review queue, actions, corrections, merge, import, roles."""

import datetime

import icalendar
import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.auth.models import Group, User
from django.urls import reverse

from events.importers import import_text
from events.models import Event, Mention, Release
from tests.conftest import RELEASE_TEXT

EVENTS = reverse("admin:events_event_changelist")
QUEUE = reverse("admin:events_draftevent_changelist")
RELEASES = reverse("admin:events_release_changelist")
IMPORT = reverse("admin:events_release_import")


@pytest.fixture
def editor(db):
    user = User.objects.create_user("ed", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def run_action(client, url, action, events, **extra):
    data = {"action": action, ACTION_CHECKBOX_NAME: [e.pk for e in events], "index": 0, **extra}
    return client.post(url, data, follow=True)


def messages_of(response) -> str:
    return "\n".join(str(m) for m in response.context["messages"])


def change_form_data(client, url, **changes):
    """The change form as the browser would submit it, with `changes` applied."""
    response = client.get(url)
    assert response.status_code == 200
    data = {}
    forms = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        forms.append(inline.formset.management_form)
        forms.extend(inline.formset.forms)
    for form in forms:
        for name in form.fields:
            value = form[name].value()
            if value is not None and value is not False:
                data[form.add_prefix(name)] = value
    data.update(changes)
    return data


# --- releases -------------------------------------------------------------------------------


def test_release_list_shows_event_counts_and_links_the_import_page(admin_client, make_release, make_mention):
    release = make_release(title="Consultations held")
    make_mention(release=release)
    make_mention(release=release)
    response = admin_client.get(RELEASES)
    assert response.status_code == 200
    row = response.context["cl"].result_list[0]
    assert row.event_count == 2
    assert {"original_text", "body"} <= row.get_deferred_fields()  # the list does not load whole texts
    assert IMPORT in response.text


def test_release_list_costs_a_fixed_number_of_queries(
    admin_client, make_release, make_mention, django_assert_num_queries
):
    for _ in range(2):
        make_mention(release=make_release())
    admin_client.get(RELEASES)
    with django_assert_num_queries(8):
        admin_client.get(RELEASES)
    for _ in range(5):
        make_mention(release=make_release())
    with django_assert_num_queries(8):
        admin_client.get(RELEASES)


def test_release_page_shows_its_mentions_with_event_links(admin_client):
    release = import_text(RELEASE_TEXT, "good.txt").release
    event = release.mentions.get().event
    response = admin_client.get(reverse("admin:events_release_change", args=[release.pk]))
    assert response.status_code == 200
    assert "consultations were held at the Joint Staff" in response.text
    assert reverse("admin:events_event_change", args=[event.pk]) in response.text
    assert "<mark>January 21 to 23</mark>" in response.text


# --- events -----------------------------------------------------------------------------------


@pytest.mark.parametrize("count", [1, 6])
def test_event_list_costs_a_fixed_number_of_queries(admin_client, make_mention, django_assert_num_queries, count):
    for _ in range(count):
        make_mention()
    # session, user, year filter, latest releases (release filter), two counts, events, their
    # mentions, date hierarchy (2)
    with django_assert_num_queries(10):
        response = admin_client.get(EVENTS)
    assert len(response.context["cl"].result_list) == count


def test_event_list_shows_date_label_evidence_and_ownership(admin_client, make_event, make_mention):
    event = make_event(
        title="Exercise Rubezh",
        start_date=datetime.date(2020, 9, 1),
        end_date=datetime.date(2020, 10, 31),
        precision="month",
        editor_fields=["title"],
    )
    make_mention(event=event, evidence="In September-October the exercise was held.", evidence_end=45)
    response = admin_client.get(EVENTS)
    assert "September–October 2020" in response.text
    assert "In September-October the exercise was held." in response.text
    assert '<div class="quiet">editor-owned: title</div>' in response.text


def test_event_list_filters_by_year_kind_and_searches_evidence(admin_client, make_event, make_mention):
    old = make_event(title="Old meeting", start_date=datetime.date(2019, 5, 1))
    new = make_event(title="New exercise", kind="exercise", start_date=datetime.date(2021, 5, 1))
    make_mention(event=new, evidence="The drills took place near Osh.", evidence_end=30)

    def listed(query):
        response = admin_client.get(EVENTS + query)
        assert response.status_code == 200
        return {e.pk for e in response.context["cl"].result_list}

    assert listed("?year=2019") == {old.pk}
    assert listed("?kind__exact=exercise") == {new.pk}
    assert listed("?q=Osh") == {new.pk}
    assert listed("?precision__exact=day&status__exact=published") == {old.pk, new.pk}
    assert listed("?start_date__year=2021") == {new.pk}
    years = admin_client.get(EVENTS).text
    assert "?year=2019" in years and "?year=2021" in years


def test_event_page_shows_evidence_release_and_likely_duplicates(admin_client, make_event, make_mention):
    event = make_event(title="Meeting of the CSTO Council of Foreign Ministers")
    twin = make_event(title="The meeting of the CSTO Council of Foreign Ministers held")
    make_event(title="Meeting of the defence ministers", kind="decision")
    mention = make_mention(event=event, evidence="On January 16, 2020, the Council met.", evidence_end=36)
    response = admin_client.get(reverse("admin:events_event_change", args=[event.pk]))
    assert "On January 16, 2020, the Council met." in response.text
    assert reverse("admin:events_release_change", args=[mention.release.pk]) in response.text
    assert reverse("admin:events_event_change", args=[twin.pk]) in response.text
    assert f"{reverse('admin:events_event_merge')}?ids={event.pk},{twin.pk}" in response.text
    listed = admin_client.get(EVENTS + "?duplicates=yes").context["cl"].result_list
    assert {e.pk for e in listed} == {event.pk, twin.pk}


def test_editor_edit_marks_fields_and_bumps_sequence(editor_client, make_event):
    event = make_event(status="draft")
    url = reverse("admin:events_event_change", args=[event.pk])
    data = change_form_data(editor_client, url, title="Corrected title", kind="visit")
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    event.refresh_from_db()
    assert event.title == "Corrected title"
    assert sorted(event.editor_fields) == ["kind", "title"]
    assert event.sequence == 1
    assert "SEQUENCE:1" in event.ical_component
    page = editor_client.get(url).text
    assert "kind, title: imports leave these alone" in page or "title, kind: imports leave these alone" in page


def test_saving_without_changes_neither_owns_nor_bumps(admin_client, make_event):
    event = make_event()
    url = reverse("admin:events_event_change", args=[event.pk])
    admin_client.post(url, change_form_data(admin_client, url))
    event.refresh_from_db()
    assert event.editor_fields == [] and event.sequence == 0


def test_reimport_keeps_the_editors_correction(admin_client):
    event = import_text(RELEASE_TEXT, "good.txt").release.mentions.get().event
    url = reverse("admin:events_event_change", args=[event.pk])
    admin_client.post(url, change_form_data(admin_client, url, title="Consultations of the Joint Staff", end_date=""))
    changed = RELEASE_TEXT.replace("were held at the Joint Staff.", "were held at the Joint Staff in Moscow.")
    result = import_text(changed, "good.txt")
    assert result.status == "updated"
    event.refresh_from_db()
    assert event.title == "Consultations of the Joint Staff"
    assert event.end_date is None
    assert result.kept and "title" in result.kept[0]


def test_event_history_records_who_changed_what(editor_client, editor, make_event):
    event = make_event()
    url = reverse("admin:events_event_change", args=[event.pk])
    editor_client.post(url, change_form_data(editor_client, url, location="Minsk"))
    latest = event.history.latest()
    assert latest.history_user == editor
    assert latest.location == "Minsk"
    response = editor_client.get(reverse("admin:events_event_history", args=[event.pk]))
    assert response.status_code == 200
    assert "edited in the admin" in response.text


# --- actions ----------------------------------------------------------------------------------


def test_publish_unpublish_and_cancel_actions_touch_events(editor_client, make_event):
    event = make_event(status="draft")
    run_action(editor_client, EVENTS, "publish_events", [event])
    event.refresh_from_db()
    assert (event.status, event.sequence, event.published_once) == ("published", 1, True)
    run_action(editor_client, EVENTS, "unpublish_events", [event])
    event.refresh_from_db()
    assert (event.status, event.sequence) == ("draft", 2)
    response = run_action(editor_client, EVENTS, "cancel_events", [event])
    event.refresh_from_db()
    assert (event.status, event.sequence) == ("cancelled", 3)
    assert "STATUS:CANCELLED" in event.ical_component
    assert "1 event withdrawn" in response.text


def test_change_kind_action_uses_the_kind_beside_it(editor_client, make_event):
    first, second = make_event(kind="other"), make_event(kind="meeting")
    run_action(editor_client, EVENTS, "change_kind", [first, second], kind="exercise")
    for event in (first, second):
        event.refresh_from_db()
        assert event.kind == "exercise"
        assert event.editor_fields == ["kind"]
    response = run_action(editor_client, EVENTS, "change_kind", [first])
    assert "Choose the new kind" in response.text


def test_release_ownership_action_lets_imports_update_again(editor_client, make_event):
    event = make_event(editor_fields=["title", "kind"])
    run_action(editor_client, EVENTS, "release_ownership", [event])
    event.refresh_from_db()
    assert event.editor_fields == []


def test_merge_action_asks_for_the_survivor_then_merges(editor_client, make_event, make_mention):
    first = make_event(title="Council meeting")
    second = make_event(title="Council meeting held")
    make_mention(event=first)
    moved = make_mention(event=second)
    response = run_action(editor_client, EVENTS, "merge_selected", [first, second])
    assert response.status_code == 200
    assert "Merge duplicate events" in response.text
    assert response.context["form"].initial["survivor"] == first.pk

    response = editor_client.post(
        EVENTS,
        {"action": "merge_selected", ACTION_CHECKBOX_NAME: [first.pk, second.pk], "post": "yes", "survivor": second.pk},
        follow=True,
    )
    assert "Merged 1 event into “Council meeting held”: 1 mention moved." in response.text
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, first.merged_into, first.sequence) == ("cancelled", second, 1)
    assert second.status == "published"
    assert Mention.objects.filter(event=second).count() == 2
    assert Mention.objects.get(pk=moved.pk).event == second


def test_merge_needs_two_events(editor_client, make_event):
    event = make_event()
    response = run_action(editor_client, EVENTS, "merge_selected", [event])
    assert "Select two or more events" in response.text
    event.refresh_from_db()
    assert event.status == "published"


# --- review queue -----------------------------------------------------------------------------


def test_review_queue_lists_drafts_with_evidence_and_release(editor_client, make_event, make_mention):
    draft = make_event(status="draft", title="Draft to check")
    make_event(status="published", title="Already out")
    mention = make_mention(event=draft, evidence="On 16 January the Secretary General visited Minsk.", evidence_end=50)
    response = editor_client.get(QUEUE)
    assert response.status_code == 200
    assert [e.pk for e in response.context["cl"].result_list] == [draft.pk]
    assert "On 16 January the Secretary General visited Minsk." in response.text
    assert reverse("admin:events_release_change", args=[mention.release.pk]) in response.text
    assert reverse("admin:events_event_change", args=[draft.pk]) in response.text


def test_publishing_from_the_queue_empties_it(editor_client, make_event):
    drafts = [make_event(status="draft"), make_event(status="draft")]
    response = run_action(editor_client, QUEUE, "publish_events", drafts)
    assert "Publish 2 events?" in response.text  # many at once: confirmed first
    assert Event.objects.published().count() == 0
    response = run_action(editor_client, QUEUE, "publish_events", drafts, confirmed="yes")
    assert "2 events published." in response.text
    assert list(response.context["cl"].result_list) == []
    assert Event.objects.published().count() == 2
    assert all(e.history.latest().history_change_reason == "status set to published" for e in drafts)


# --- import from the admin --------------------------------------------------------------------


def upload(name, data):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data, content_type="text/plain")


def test_upload_previews_then_saves_on_confirm(editor_client):
    response = editor_client.post(IMPORT, {"files": [upload("good.txt", RELEASE_TEXT.encode())]})
    assert response.status_code == 200
    assert "consultations were held at the Joint Staff" in response.text
    assert Release.objects.count() == 0  # a preview saves nothing
    to_save = response.context["to_save"]
    assert [name for name, _ in to_save] == ["good.txt"]

    response = editor_client.post(
        IMPORT, {"confirm": "1", "release_name": ["good.txt"], "release_data": [to_save[0][1]]}, follow=True
    )
    assert "good.txt: new; 1 event created" in messages_of(response)
    assert response.redirect_chain[-1][0] == f"{QUEUE}?releases={Release.objects.get().pk}"
    release = Release.objects.get()
    assert release.original_text == RELEASE_TEXT
    assert release.mentions.get().event.status == "draft"


def test_bad_files_are_reported_and_the_good_one_still_imports(editor_client):
    files = [
        upload("latin1.txt", "Caf\xe9 16.01.2020".encode("latin-1")),
        upload("empty.txt", b""),
        upload("image.png", b"\x89PNG\x00\x00binary"),
        upload("nodate.txt", b"A headline\n\nNo date at all here.\n"),
        upload("good.txt", RELEASE_TEXT.encode()),
    ]
    response = editor_client.post(IMPORT, {"files": files})
    text = response.text
    assert "latin1.txt: not UTF-8 text" in text
    assert "empty.txt: empty file" in text
    assert "image.png: binary file" in text
    assert "nodate.txt: no recognisable date" in text
    assert [name for name, _ in response.context["to_save"]] == ["good.txt"]
    editor_client.post(
        IMPORT, {"confirm": "1", "release_name": "good.txt", "release_data": response.context["to_save"][0][1]}
    )
    assert list(Release.objects.values_list("source_name", flat=True)) == ["good.txt"]


def test_a_batch_too_large_to_confirm_defers_the_overflow(editor_client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000 + len(RELEASE_TEXT) * 2
    files = [upload(f"r{n}.txt", RELEASE_TEXT.replace("Go back", f"Go back {n}").encode()) for n in range(3)]
    response = editor_client.post(IMPORT, {"files": files})
    assert [name for name, _ in response.context["to_save"]] == ["r0.txt"]
    assert response.text.count("preview and save this file in another batch") == 2


def test_pasted_text_is_imported_and_published_when_asked(editor_client):
    response = editor_client.post(
        IMPORT, {"name": "pasted.txt", "text": RELEASE_TEXT.replace("\n", "\r\n"), "publish": "on"}
    )
    assert response.context["publish"] is True
    ((name, data),) = response.context["to_save"]
    editor_client.post(IMPORT, {"confirm": "1", "release_name": name, "release_data": data, "publish": "1"})
    release = Release.objects.get(source_name="pasted.txt")
    assert release.original_text == RELEASE_TEXT
    assert release.mentions.get().event.status == "published"


def test_import_form_needs_files_or_text(editor_client):
    response = editor_client.post(IMPORT, {"text": "Some text"})
    assert "Name the pasted release." in response.text
    response = editor_client.post(IMPORT, {})
    assert "Choose release files or paste" in response.text


def test_damaged_preview_data_is_reported(editor_client):
    response = editor_client.post(
        IMPORT, {"confirm": "1", "release_name": "x.txt", "release_data": "not base64!"}, follow=True
    )
    assert "x.txt: the previewed text was damaged" in messages_of(response)
    assert Release.objects.count() == 0


def test_already_imported_file_is_not_offered_again(editor_client):
    import_text(RELEASE_TEXT, "good.txt")
    response = editor_client.post(IMPORT, {"files": [upload("good.txt", RELEASE_TEXT.encode())]})
    assert "Already imported with exactly this text" in response.text
    assert response.context["to_save"] == []


# --- roles --------------------------------------------------------------------------------------


def test_editors_group_has_exactly_the_editing_permissions(db):
    codenames = set(Group.objects.get(name="Editors").permissions.values_list("codename", flat=True))
    assert codenames == {
        "view_event",
        "add_event",
        "change_event",
        "view_draftevent",
        "change_draftevent",
        "view_historicalevent",
        "view_release",
        "add_release",
        "change_release",
        "view_mention",
        "add_mention",
        "change_mention",
        "delete_mention",
    }


def test_editor_can_work_but_not_delete_events(editor_client, make_event):
    event = make_event()
    for url in (EVENTS, QUEUE, RELEASES, IMPORT, reverse("admin:events_event_change", args=[event.pk])):
        assert editor_client.get(url).status_code == 200, url
    assert editor_client.get(reverse("admin:events_event_delete", args=[event.pk])).status_code == 403
    actions = dict(editor_client.get(EVENTS).context["action_form"].fields["action"].choices)
    assert "delete_selected" not in actions
    assert {"publish_events", "merge_selected", "change_kind"} <= set(actions)


def test_staff_without_permissions_sees_no_events(client, make_event):
    user = User.objects.create_user("intern", password="pw", is_staff=True)
    client.force_login(user)
    assert client.get(EVENTS).status_code == 403
    assert client.get(IMPORT).status_code == 403


@pytest.mark.parametrize("staff", [False, None])
def test_non_staff_and_anonymous_are_sent_to_login(client, db, staff):
    if staff is not None:
        client.force_login(User.objects.create_user("reader", password="pw", is_staff=staff))
    for url in (EVENTS, QUEUE, IMPORT):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))


def test_anonymous_readers_see_only_published_events(client, make_event):
    draft = make_event(status="draft", title="Unreviewed draft")
    published = make_event(title="Reviewed event")
    assert client.get(reverse("events:event-detail", args=[draft.pk])).status_code == 404
    assert client.get(reverse("events:event-detail", args=[published.pk])).status_code == 200
    timeline = client.get(reverse("events:timeline")).content.decode()
    assert "Reviewed event" in timeline and "Unreviewed draft" not in timeline


def test_release_list_searches_and_drills_down_by_date(admin_client, make_release):
    make_release(title="Briefing in Moscow", published_on=datetime.date(2021, 2, 8))
    make_release(title="Consultations at the Joint Staff", published_on=datetime.date(2020, 1, 23))

    def listed(query):
        return [r.title for r in admin_client.get(RELEASES + query).context["cl"].result_list]

    assert listed("?q=Moscow") == ["Briefing in Moscow"]
    assert listed("?published_on__year=2020") == ["Consultations at the Joint Staff"]


def test_duplicates_can_be_merged_from_the_review_queue(editor_client, make_event, make_mention):
    first, second = make_event(status="draft"), make_event(status="draft")
    make_mention(event=second)
    response = run_action(editor_client, QUEUE, "merge_selected", [first, second])
    assert response.context["form"].initial["survivor"] == first.pk
    editor_client.post(
        QUEUE,
        {"action": "merge_selected", ACTION_CHECKBOX_NAME: [first.pk, second.pk], "post": "yes", "survivor": first.pk},
    )
    second.refresh_from_db()
    assert (second.status, second.merged_into_id) == ("cancelled", first.pk)
    assert first.mentions.count() == 1
    assert second.history.latest().history_change_reason == f"merged into event {first.pk}"


# --- issue #10: validation in the editor's words ----------------------------------------------


def form_errors(response) -> dict:
    assert response.status_code == 200  # the form again, with its errors: never a 500
    return response.context["adminform"].form.errors


@pytest.mark.parametrize("precision, start_time", [("day", "10:00"), ("month", "")])
def test_a_typed_time_zone_is_a_form_error(admin_client, make_event, precision, start_time):
    event = make_event(precision=precision)
    url = reverse("admin:events_event_change", args=[event.pk])
    data = change_form_data(admin_client, url, time_zone="Moscow", start_time=start_time)
    errors = form_errors(admin_client.post(url, data))
    assert "Moscow is not one of the available choices" in errors["time_zone"][0]
    assert Event.objects.get(pk=event.pk).time_zone == "Europe/Moscow"


def test_time_zones_are_offered_from_the_iana_list(admin_client, make_event):
    response = admin_client.get(reverse("admin:events_event_change", args=[make_event().pk]))
    choices = dict(response.context["adminform"].form.fields["time_zone"].choices)
    assert {"Europe/Moscow", "Asia/Almaty", "UTC"} <= choices.keys() and "Moscow" not in choices


def test_end_before_start_is_a_field_error_in_plain_words(admin_client, make_event):
    event = make_event(start_date=datetime.date(2020, 1, 23))
    url = reverse("admin:events_event_change", args=[event.pk])
    errors = form_errors(admin_client.post(url, change_form_data(admin_client, url, end_date="2020-01-21")))
    assert errors["end_date"] == ["The end date is before the start date."]
    assert "Constraint" not in str(errors)


def test_a_month_precision_date_starts_on_the_first_of_the_month(admin_client, make_event):
    event = make_event()
    url = reverse("admin:events_event_change", args=[event.pk])
    admin_client.post(url, change_form_data(admin_client, url, start_date="2020-09-15", precision="month"))
    event.refresh_from_db()
    assert event.start_date == datetime.date(2020, 9, 1)
    component = icalendar.Event.from_ical(event.ical_component)
    assert (component["DTSTART"].dt, component["DTEND"].dt) == (datetime.date(2020, 9, 1), datetime.date(2020, 10, 1))


def test_an_oversized_upload_is_reported_in_megabytes(editor_client):
    response = editor_client.post(IMPORT, {"files": [upload("big.txt", b"x" * 5_000_000)]})
    (preview,) = response.context["previews"]
    assert preview.error == "too large (5.0 MB; at most 1.0 MB)"


# --- issue #10: deletion is withdrawal -----------------------------------------------------------


def test_deleting_a_published_event_in_the_admin_withdraws_it(admin_client, make_event, make_mention):
    event = make_event(title="Council meeting")
    make_mention(event=event)
    url = reverse("admin:events_event_delete", args=[event.pk])
    confirmation = admin_client.get(url).text
    assert "Withdrawn, not deleted: 16 January 2020: Council meeting" in confirmation
    response = admin_client.post(url, {"post": "yes"}, follow=True)
    assert "it was withdrawn (cancelled), not deleted" in messages_of(response)
    event.refresh_from_db()
    assert (event.status, event.sequence, event.mentions.count()) == ("cancelled", 1, 1)
    assert event in Event.objects.in_feed()


def test_the_bulk_delete_action_withdraws_published_events_and_deletes_drafts(admin_client, make_event):
    published, draft = make_event(), make_event(status="draft")
    response = run_action(admin_client, EVENTS, "delete_selected", [published, draft], post="yes")
    assert "1 of the selected events had been published" in messages_of(response)
    assert Event.objects.get(pk=published.pk).status == "cancelled"
    assert not Event.objects.filter(pk=draft.pk).exists()


def test_deleting_a_release_says_what_happens_to_its_events(admin_client, make_release, make_event, make_mention):
    release, other = make_release(), make_release()
    alone, shared, draft = (
        make_event(title="Alone"),
        make_event(title="Shared"),
        make_event(title="Draft", status="draft"),
    )
    for event in (alone, shared, draft):
        make_mention(release=release, event=event)
    make_mention(release=other, event=shared)
    url = reverse("admin:events_release_delete", args=[release.pk])
    page = admin_client.get(url).text
    assert "Event withdrawn, not deleted: 16 January 2020: Alone" in page
    assert "Event kept: 16 January 2020: Shared" in page
    assert "Draft event deleted: 16 January 2020: Draft" in page
    admin_client.post(url, {"post": "yes"})
    assert Event.objects.get(pk=alone.pk).status == "cancelled"
    assert Event.objects.get(pk=shared.pk).status == "published"
    assert not Event.objects.filter(pk=draft.pk).exists()


# --- issue #10: a form opened before a change is refused -----------------------------------------


def test_a_form_opened_before_an_import_changed_the_event_is_refused(editor_client):
    event = import_text(RELEASE_TEXT, "good.txt").release.mentions.get().event
    url = reverse("admin:events_event_change", args=[event.pk])
    stale = change_form_data(editor_client, url, location="Minsk")
    changed = RELEASE_TEXT.replace("from January 21 to 23", "from January 20 to 23")
    assert import_text(changed, "good.txt").status == "updated"
    errors = form_errors(editor_client.post(url, stale))
    message = str(errors["__all__"])
    assert "changed (by an import or another editor) after you opened this form" in message
    assert "start date: now “2020-01-20”" in message
    event.refresh_from_db()
    assert event.start_date == datetime.date(2020, 1, 20)  # the import's change stands
    assert (event.location, event.editor_fields) == ("Joint Staff", [])
    fresh = change_form_data(editor_client, url, location="Minsk")
    assert editor_client.post(url, fresh).status_code == 302
    event.refresh_from_db()
    assert event.location == "Minsk" and event.start_date == datetime.date(2020, 1, 20)


def test_the_bulk_release_delete_action_withdraws_the_events_they_alone_state(
    admin_client, make_release, make_event, make_mention
):
    releases = [make_release(), make_release()]
    published, draft = make_event(title="Published"), make_event(title="Draft", status="draft")
    make_mention(release=releases[0], event=published)
    make_mention(release=releases[1], event=draft)
    confirmation = run_action(admin_client, RELEASES, "delete_selected", releases)
    assert "Event withdrawn, not deleted: 16 January 2020: Published" in confirmation.text
    assert "Draft event deleted: 16 January 2020: Draft" in confirmation.text
    run_action(admin_client, RELEASES, "delete_selected", releases, post="yes")
    assert not Release.objects.filter(pk__in=[r.pk for r in releases]).exists()
    assert Event.objects.get(pk=published.pk).status == "cancelled"
    assert not Event.objects.filter(pk=draft.pk).exists()
