"""The review queue in a real browser: an editor logs in, selects a draft and publishes it."""

import pytest
from django.contrib.auth.models import Group, User
from django.db import connections

pytestmark = pytest.mark.e2e


@pytest.fixture
def review_page(page):
    """The shared browser's page (tests/e2e/conftest.py), and the database connections closed after.

    Inside Playwright's event loop the ORM opened connections of its own: close them, or
    PostgreSQL refuses to drop the test database at the end of the run.
    """
    page.set_default_timeout(15_000)
    yield page
    connections.close_all()


def test_editor_publishes_a_draft_from_the_review_queue(review_page, live_server, transactional_db, make_event):
    editor = User.objects.create_user("reviewer", password="review-pass", is_staff=True)
    editor.groups.add(Group.objects.get_or_create(name="Editors")[0])
    editor.groups.get().permissions.add(*_editing_permissions())
    draft = make_event(status="draft", title="Consultations held at the Joint Staff")
    make_event(status="draft", title="Another draft")
    page = review_page

    page.goto(f"{live_server.url}/admin/login/?next=/admin/events/draftevent/")
    page.fill("#id_username", "reviewer")
    page.fill("#id_password", "review-pass")
    page.click("input[type=submit]")
    page.wait_for_selector("#result_list")
    assert "Consultations held at the Joint Staff" in page.inner_text("#result_list")

    page.check(f"input[name=_selected_action][value='{draft.pk}']")
    page.select_option("select[name=action]", "publish_events")
    page.click("button[name=index]")
    page.wait_for_selector(".messagelist")

    assert "1 event published" in page.inner_text(".messagelist")
    assert "Consultations held at the Joint Staff" not in page.inner_text("#changelist")
    draft.refresh_from_db()
    assert draft.status == "published"
    assert draft.sequence == 1


def _editing_permissions():
    # transactional_db flushes between tests, which can drop the migration's Editors group: rebuild it.
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(
        content_type__app_label="events",
        codename__in=["view_draftevent", "change_draftevent", "view_event", "change_event"],
    )
