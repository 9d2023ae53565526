"""The Content-Security-Policy in a real browser: every page and the admin load with no violation.

A CSP that blocks the site's own scripts or styles shows only in a browser, so Chromium visits the
reader pages, the API docs and the admin (logged in as a superuser, so every admin page opens) and
collects each `securitypolicyviolation` event and console error.
"""

import pytest
from django.contrib.auth.models import User
from django.db import connections

from events.models import Event, Release

pytestmark = pytest.mark.e2e

VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__violations.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber}`);
});
"""


@pytest.fixture
def watched_page(browser):
    """A page that records CSP violations (from the first script on) and console errors."""
    context = browser.new_context()
    context.add_init_script(VIOLATIONS)
    page = context.new_page()
    page.set_default_timeout(15_000)
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page, errors
    context.close()
    connections.close_all()


def visit(page, errors, url) -> list[str]:
    response = page.goto(url)
    page.wait_for_load_state("networkidle")
    assert response.status < 400, (url, response.status)
    assert "Content-Security-Policy" in {name.title(): 1 for name in response.headers} or response.headers.get(
        "content-security-policy"
    ), url
    found = page.evaluate("window.__violations") + errors
    errors.clear()
    return [f"{url}: {problem}" for problem in found]


def test_reader_pages_and_api_docs_have_no_csp_violation(live_server, seeded, watched_page):
    page, errors = watched_page
    event = Event.objects.published().filter(mentions__isnull=False).first()
    release = Release.objects.filter(mentions__event=event).first()
    problems = []
    for path in ("/", "/?kind=exercise", event.get_absolute_url(), release.get_absolute_url(), "/feeds/", "/api/docs"):
        problems += visit(page, errors, live_server.url + path)
    # The feed page's addresses still select themselves on focus (a script file, not an inline handler).
    page.goto(live_server.url + "/feeds/")
    page.locator("input[data-select-on-focus]").first.focus()
    assert page.evaluate("document.activeElement.selectionEnd - document.activeElement.selectionStart") > 10
    problems += [f"/feeds/ focus: {p}" for p in page.evaluate("window.__violations")]
    assert problems == [], "\n".join(problems)


def test_embed_page_has_no_csp_violation(live_server, seeded, watched_page):
    page, errors = watched_page
    assert visit(page, errors, live_server.url + "/embed/") == []


def test_admin_pages_have_no_csp_violation(live_server, seeded, watched_page):
    User.objects.create_superuser("boss", "boss@example.org", "boss-password-1")
    page, errors = watched_page
    event = Event.objects.first()
    release = Release.objects.first()
    problems = visit(page, errors, f"{live_server.url}/admin/login/")
    page.fill("#id_username", "boss")
    page.fill("#id_password", "boss-password-1")
    page.click("input[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
    for path in (
        "/admin/",
        "/admin/events/event/",
        "/admin/events/event/?status__exact=published",
        f"/admin/events/event/{event.pk}/change/",
        f"/admin/events/event/{event.pk}/history/",
        "/admin/events/event/add/",
        "/admin/events/draftevent/",
        "/admin/events/release/",
        f"/admin/events/release/{release.pk}/change/",
        "/admin/events/release/import/",
        "/admin/auth/user/",
        "/admin/auth/user/add/",
        "/admin/axes/accessattempt/",
    ):
        problems += visit(page, errors, live_server.url + path)
    # The admin's own scripts work under the policy: the date widget's calendar opens.
    page.goto(f"{live_server.url}/admin/events/event/{event.pk}/change/")
    calendar_links = page.locator("a[id^=calendarlink]")
    if calendar_links.count():
        calendar_links.first.click()
        assert page.locator(".calendarbox").first.is_visible()
    problems += [f"date widget: {p}" for p in page.evaluate("window.__violations")]
    assert problems == [], "\n".join(problems)
