"""What an editor's tasks cost in the admin, counted in a real browser: clicks (a key press counts
as one) and typed fields. Each task is done the shortest way the pages offer; the counts are
written to test-artifacts/editor-task-costs.json and held to the figures in the issue's note.
"""

import datetime
import json
import re
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.db import connections
from playwright.sync_api import expect

from events.models import Event, Mention, Release, Status

from .conftest import DESKTOP

pytestmark = pytest.mark.e2e

RESULTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "editor-task-costs.json"
DAY = datetime.date(2024, 5, 14)


class Counted:
    """The page, with every click, key press and typed field counted."""

    def __init__(self, page):
        self.page, self.clicks, self.typed = page, 0, 0

    def click(self, locator):
        self.clicks += 1
        locator.click()

    def press(self, key):
        self.clicks += 1
        self.page.keyboard.press(key)

    def type_into(self, locator, text):
        self.typed += 1
        locator.fill(text)

    def cost(self) -> dict:
        return {"clicks": self.clicks, "typed fields": self.typed}


@pytest.fixture
def editor(browser, live_server, transactional_db):
    user = User.objects.create_user("costs", password="costs-pass", is_staff=True)
    group, _ = Group.objects.get_or_create(name="Editors")
    group.permissions.add(*Permission.objects.filter(content_type__app_label="events"))
    user.groups.add(group)
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(f"{live_server.url}/admin/login/?next=/admin/")
    page.fill("#id_username", "costs")
    page.fill("#id_password", "costs-pass")
    page.click("input[type=submit]")
    page.wait_for_selector("#review-counts")
    yield page
    context.close()
    connections.close_all()


def record(task: str, cost: dict) -> None:
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    found = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    found[task] = cost
    RESULTS.write_text(json.dumps(found, indent=2, sort_keys=True))


def draft(title, rules, n, **values):
    release = Release.objects.create(
        source_name=f"r{n}.txt", original_text=f"Sentence {n} of the release.", content_hash=f"{n:064d}", title="R"
    )
    event = Event(title=title, kind="meeting", start_date=DAY + datetime.timedelta(days=n), status="draft", **values)
    event.save()
    Mention.objects.create(
        release=release, event=event, evidence=release.original_text, evidence_start=0, evidence_end=10,
        extracted={"rules": rules},
    )  # fmt: skip
    return event


def test_review_and_publish_ten_drafts_of_which_three_are_wrong(editor, live_server):
    good = [draft(f"The council held session number {n}", ["dated by '14 May 2024' (dmy)"], n) for n in range(7)]
    wrong = [draft("yesterday", ["dated by 'yesterday' (rel_day)"], 10 + n) for n in range(3)]
    editor.reload()  # the editor starts on the admin home
    page = Counted(editor)
    page.click(editor.locator("#review-counts a").first)  # the queue, from the admin home
    page.click(editor.get_by_role("link", name="Needs a look", exact=True))
    # the wrong ones, flagged (waiting for the filtered page: the click only starts its navigation)
    expect(editor.locator("#result_list tbody tr")).to_have_count(3)
    page.click(editor.locator("#action-toggle"))
    editor.select_option("select[name=action]", "cancel_events")
    page.clicks += 1  # choosing the action
    page.click(editor.locator("button[name=index]"))
    editor.wait_for_selector(".messagelist")
    page.click(editor.get_by_role("link", name="Looks right", exact=True))
    page.click(editor.locator("#action-toggle"))
    page.press("Shift+P")  # publish the ticked drafts
    editor.wait_for_selector(".publish-confirm")
    page.click(editor.get_by_role("button", name=re.compile("Yes, publish")))
    editor.wait_for_selector(".messagelist")
    assert all(Event.objects.get(pk=e.pk).status == Status.PUBLISHED for e in good)
    assert all(Event.objects.get(pk=e.pk).status == Status.CANCELLED for e in wrong)
    record("review and publish 10 drafts, 3 wrong", page.cost())
    assert page.cost() == {"clicks": 9, "typed fields": 0}


def test_merge_a_duplicate_pair(editor, live_server):
    one = draft("The council met in Astana", ["dated by '14 May 2024' (dmy)"], 1, location="Astana")
    two = draft("The council adopted the statement", ["dated by '14 May 2024' (dmy)"], 2)
    Event.objects.filter(pk=two.pk).update(start_date=one.start_date, kind="decision")
    Mention.objects.filter(event=two).update(release=one.mentions.get().release)  # one sentence read twice
    editor.reload()  # the editor starts on the admin home
    page = Counted(editor)
    page.click(editor.locator("#review-counts a").first)
    page.click(editor.get_by_role("link", name=one.title))
    page.click(editor.get_by_role("link", name="Compare and merge"))
    page.click(editor.get_by_role("button", name=re.compile(r"Merge 2 events")))
    editor.wait_for_selector(".messagelist")
    assert "1 sentence the survivor already cited was dropped" in editor.inner_text(".messagelist")
    assert Event.objects.get(pk=two.pk).merged_into_id == one.pk
    record("merge a duplicate pair", page.cost())
    assert page.cost() == {"clicks": 4, "typed fields": 0}


def test_correct_one_date(editor, live_server):
    first = draft("The council held a session in Minsk", ["dated by '14 May 2024' (dmy)"], 1)
    draft("The council held a session in Osh", ["dated by '14 May 2024' (dmy)"], 2)
    editor.reload()  # the editor starts on the admin home
    page = Counted(editor)
    page.click(editor.locator("#review-counts a").first)
    page.click(editor.get_by_role("link", name=first.title))
    page.type_into(editor.locator("#id_start_date"), "2024-05-16")
    page.click(editor.get_by_role("button", name="Save and next draft"))
    editor.wait_for_selector(".messagelist")
    assert Event.objects.get(pk=first.pk).start_date == datetime.date(2024, 5, 16)
    assert "Saved “" in editor.inner_text(".messagelist")  # and on the next draft already
    record("correct one date", page.cost())
    assert page.cost() == {"clicks": 3, "typed fields": 1}
