"""An editor's day in a real browser: the queue's reasons and sorting, the side-by-side merge, the
save-and-next flow, the layout at 1280 px and 390 px, and axe-core on every admin page we add or change.

axe-core comes from tools/axe (`npm ci --prefix tools/axe`, as .ci/run does); without it the
accessibility checks are skipped and the run says so.
"""

import re
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, User
from django.db import connections

from events import review
from events.importers import import_text
from events.models import Event, Status

from .conftest import DESKTOP, PHONE

pytestmark = pytest.mark.e2e

AXE = Path(__file__).resolve().parents[2] / "tools" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
# Two releases written for these tests: one sentence read as a meeting and a decision (a likely
# duplicate across kinds), a draft dated by a weekday, and a plainly dated one.
SUMMIT = """Council session in Astana

Council session in Astana 15.05.2024
On 14 May 2024, the foreign ministers met in Astana; on the same day they signed an agreement on border security.
On Monday, the defence ministers held a meeting on the joint training plan.
From 20 to 22 May 2024, staff talks on the exercise will be held in Bishkek.
"""
DIGEST = """Week in review

Week in review 17.05.2024
The agreement on border security was signed by the foreign ministers in Astana on 14 May 2024.
"""


@pytest.fixture
def editor_page(browser, live_server, transactional_db, console_errors):
    """A logged-in editor's page (CSP bypassed only so the test can inject axe-core)."""
    user = User.objects.create_user("reviewer", password="review-pass", is_staff=True)
    group, _ = Group.objects.get_or_create(name="Editors")
    from django.contrib.auth.models import Permission

    group.permissions.add(*Permission.objects.filter(content_type__app_label="events"))
    user.groups.add(group)
    import_text(SUMMIT, "summit.txt")
    import_text(DIGEST, "digest.txt")
    context = browser.new_context(viewport=DESKTOP, bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.on("console", lambda message: message.type == "error" and console_errors.append(message.text))
    page.on("pageerror", lambda error: console_errors.append(str(error)))
    page.goto(f"{live_server.url}/admin/login/?next=/admin/")
    page.fill("#id_username", "reviewer")
    page.fill("#id_password", "review-pass")
    page.click("input[type=submit]")
    page.wait_for_selector("#review-counts")
    yield page
    context.close()
    connections.close_all()


def serious_violations(page) -> list[dict]:
    """axe-core's critical and serious findings on the page as it is now."""
    if not AXE.exists():
        pytest.skip(f"axe-core not installed at {AXE} (npm ci --prefix tools/axe)")
    page.evaluate(AXE.read_text(encoding="utf-8"))
    found = page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ["violations"]})).violations.map(v => ({
            id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map(n => n.target.join(" "))}))"""
    )
    return [v for v in found if v["impact"] in ("critical", "serious")]


def results_fit(page) -> bool:
    """The list's own box does not scroll sideways: every column is on screen."""
    return page.locator("#changelist .results").evaluate("e => e.scrollWidth <= e.clientWidth + 1")


def fits_width(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_the_queue_shows_reasons_sorts_by_confidence_and_passes_axe(editor_page, live_server, screenshot):
    page = editor_page
    assert re.search(r"\d+ drafts? waiting", page.inner_text("#review-counts"))
    assert serious_violations(page) == []  # the admin home with its counts

    page.click("#review-counts a >> nth=0")
    page.wait_for_selector("#result_list")
    rows = page.locator("#result_list tbody tr")
    assert rows.count() == Event.objects.drafts().count() >= 4
    assert page.locator("#result_list ul.review-reasons").count() == rows.count()
    assert "⚠ date from a weekday" in page.inner_text("#result_list")
    assert "⚠ likely duplicate" in page.inner_text("#result_list")

    page.get_by_role("link", name="Confidence", exact=True).click()
    page.wait_for_url(re.compile(r"o=\d"))
    shown = [int(text.rstrip("%")) for text in page.locator("#result_list .confidence").all_inner_texts()]
    assert shown == sorted(shown) and shown[0] < shown[-1]
    assert fits_width(page) and results_fit(page)
    page.keyboard.press("j")
    page.keyboard.press("j")  # the second draft
    page.keyboard.press("x")  # ticked
    boxes = page.locator("#result_list input.action-select")
    assert [boxes.nth(n).is_checked() for n in range(boxes.count())][:2] == [False, True]
    assert "keyboard-focus" in (page.locator("#result_list tbody tr").nth(1).get_attribute("class") or "")
    page.keyboard.press("x")
    screenshot(page, "review-queue-desktop")
    assert serious_violations(page) == []

    page.get_by_role("link", name="Needs a look", exact=True).click()
    page.wait_for_url(re.compile(r"look=yes"))
    found = review.assess_all(Event.objects.drafts().prefetch_related("mentions"))
    assert page.locator("#result_list tbody tr").count() == sum(a.needs_a_look for a in found.values()) >= 2

    page.set_viewport_size(PHONE)
    assert fits_width(page) and results_fit(page)
    screenshot(page, "review-queue-phone")


def test_publishing_many_asks_first_with_the_flagged_count(editor_page, live_server):
    page = editor_page
    page.goto(f"{live_server.url}/admin/events/draftevent/")
    page.check("#action-toggle")
    page.select_option("select[name=action]", "publish_events")
    page.click("button[name=index]")
    page.wait_for_selector(".publish-confirm")
    assert re.search(r"\d+ of them needs? a look", page.inner_text(".flagged-count"))
    assert Event.objects.published().count() == 0
    assert serious_violations(page) == []
    page.get_by_role("button", name=re.compile(r"Yes, publish \d+ events")).click()
    page.wait_for_selector(".messagelist")
    assert Event.objects.drafts().count() == 0


def test_merge_compares_side_by_side_and_takes_the_picked_values(editor_page, live_server, screenshot):
    page = editor_page
    page.goto(f"{live_server.url}/admin/events/event/duplicates/")
    assert serious_violations(page) == []
    group = page.locator(".duplicate-group").first
    assert "Why:" in group.inner_text()
    group.get_by_role("link", name="Compare and merge").click()
    page.wait_for_selector(".merge-table")
    candidates = page.locator(".merge-table thead th").count() - 1
    assert candidates >= 2
    for field in ("survivor", "dates", "kind", "title", "place", "evidence"):
        assert page.locator(f".merge-table tbody th:text-is('{field}')").count() == 1
    evidence = page.locator(".merge-evidence td").all_inner_texts()
    assert all(text.strip() for text in evidence)
    screenshot(page, "merge-compare")
    assert serious_violations(page) == []

    kind_row = page.locator("tr[data-field=kind]")
    picked_kind = None
    if "differ" in (kind_row.get_attribute("class") or ""):
        last = kind_row.locator("input[type=radio]").last
        last.check()
        picked_kind = Event.objects.get(pk=int(last.get_attribute("value"))).kind
    survivor_pk = int(page.locator("input[name=survivor]:checked").get_attribute("value"))
    page.get_by_role("button", name=re.compile(r"Merge \d+ events")).click()
    page.wait_for_selector(".messagelist")
    message = page.inner_text(".messagelist")
    assert re.search(r"Merged \d+ events? into “.+”: \d+ mentions? moved", message)
    assert "(s)" not in message and "@csto-timeline" not in message
    survivor = Event.objects.get(pk=survivor_pk)
    if picked_kind:
        assert survivor.kind == picked_kind


def test_save_and_next_walks_the_queue_by_keyboard(editor_page, live_server, screenshot):
    page = editor_page
    page.goto(f"{live_server.url}/admin/events/draftevent/?o=2")
    first_link = page.locator("#result_list tbody tr a").first
    first_title = first_link.inner_text()
    first_link.click()
    page.wait_for_selector("input[name=_savenext]")
    assert "queue=o%3D2" in page.url
    assert serious_violations(page) == []
    screenshot(page, "draft-change-page")
    first_url = page.url

    page.locator("body").press("Shift+P")  # publish and open the next draft
    page.wait_for_url(lambda url: url != first_url and "queue=o%3D2" in url)
    assert Event.objects.get(title=first_title).status == Status.PUBLISHED
    assert "Saved “" in page.inner_text(".messagelist")

    page.get_by_role("button", name="Save and return to the queue").click()
    page.wait_for_url(re.compile(r"/admin/events/draftevent/\?o=2$"))
    # Not among the drafts' titles (a release of that name may still be cited beside another draft).
    assert first_title not in page.locator("#result_list .field-title_link a").all_inner_texts()


def test_the_event_list_fits_1280_with_the_sidebar_and_390(editor_page, live_server, screenshot):
    page = editor_page
    page.goto(f"{live_server.url}/admin/events/event/")
    page.wait_for_selector("#result_list")
    assert page.locator("#nav-sidebar").is_visible()
    assert fits_width(page) and results_fit(page)
    cut = page.locator("#result_list details.evidence").first
    if cut.count():
        assert cut.locator("summary").get_attribute("title")  # the whole sentence on hover
    screenshot(page, "event-list-desktop")
    assert serious_violations(page) == []
    page.set_viewport_size(PHONE)
    page.reload()
    assert fits_width(page) and results_fit(page)
    screenshot(page, "event-list-phone")
    page.goto(f"{live_server.url}/admin/events/release/")
    page.wait_for_selector("#result_list")
    assert fits_width(page) and results_fit(page)


def test_the_import_preview_passes_axe_and_ends_on_the_queue(editor_page, live_server, tmp_path):
    page = editor_page
    release = tmp_path / "new.txt"
    release.write_text(SUMMIT.replace("Astana", "Minsk").replace("15.05.2024", "16.05.2024"), encoding="utf-8")
    page.goto(f"{live_server.url}/admin/events/release/add/")
    page.wait_for_url("**/release/import/")
    page.set_input_files("input[type=file]", str(release))
    page.get_by_role("button", name="Preview").click()
    page.wait_for_selector(".preview-events")
    assert "14 May 2024" in page.inner_text(".preview-events")
    assert serious_violations(page) == []
    page.locator(".preview-events input[type=checkbox]").first.uncheck()
    page.get_by_role("button", name=re.compile(r"Save 1 release")).click()
    page.wait_for_url(re.compile(r"/admin/events/draftevent/\?releases=\d+$"))
    assert "left out as you unticked" in page.inner_text(".messagelist")


def test_an_events_mention_list_wraps_at_390_instead_of_scrolling_sideways(editor_page, live_server, screenshot):
    """The evidence (mentions) on an event's page: at 390 px each mention is a card whose long
    sentence wraps; neither the page nor the list scrolls sideways. At 1280 px it stays a table."""
    page = editor_page
    event = Event.objects.filter(mentions__isnull=False).order_by("pk").first()
    url = f"{live_server.url}/admin/events/event/{event.pk}/change/"
    page.set_viewport_size(PHONE)
    page.goto(url)
    mentions = page.locator("#mentions-group")
    mentions.wait_for()
    assert "evidence" in mentions.inner_text().lower()
    sideways = mentions.evaluate(
        """group => [group, ...group.querySelectorAll("*")]
            .filter(e => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== "visible")
            .map(e => e.tagName + "." + e.className)"""
    )
    assert sideways == []
    assert mentions.evaluate("g => g.getBoundingClientRect().right <= window.innerWidth + 1")
    assert fits_width(page)
    evidence = mentions.locator("td.field-evidence_marked").first
    assert evidence.evaluate("e => e.getBoundingClientRect().width <= window.innerWidth")
    screenshot(page, "event-mentions-phone")
    page.set_viewport_size(DESKTOP)
    page.reload()
    assert mentions.locator("thead").is_visible()  # a table again on a desktop
    assert fits_width(page)
