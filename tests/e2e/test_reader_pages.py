"""A reader's path through the site in a real browser: timeline, filters, event, release, .ics."""

import re

import icalendar
import pytest

from events.models import Event, Release

from .conftest import DESKTOP, PHONE

pytestmark = pytest.mark.e2e


def test_reader_filters_opens_event_follows_release_and_downloads_ics(
    live_server, seeded, page, console_errors, screenshot
):
    page.goto(live_server.url + "/")
    assert page.locator("h1").inner_text() == "Timeline"
    assert page.locator(".tl-item").count() == Event.objects.published().count()

    page.get_by_label("Kind", exact=True).select_option("exercise")
    page.get_by_label("Year", exact=True).fill("2020")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url(re.compile(r"kind=exercise.*year=2020|year=2020.*kind=exercise"))
    expected = Event.objects.published().of_kind("exercise").in_year(2020)
    assert page.locator(".tl-item").count() == expected.count() > 0
    labels = page.locator(".tl-item .kind").all_inner_texts()
    assert set(labels) == {"Exercise"}
    assert page.get_by_role("link", name="Clear filters").first.is_visible()

    event = expected.filter(mentions__isnull=False).first()
    page.get_by_role("link", name=event.title).click()
    page.wait_for_url(f"**/events/{event.pk}/")
    assert page.locator("h1").inner_text() == event.title
    assert page.locator("blockquote").count() == event.mentions.count()
    event_url = page.url

    page.locator("figcaption a").first.click()
    release = event.mentions.first().release
    page.wait_for_url(re.compile(rf"/releases/{release.pk}/#m-\d+$"))
    assert page.locator("h1").inner_text() == release.title
    assert page.locator(f"mark a[href='/events/{event.pk}/']").count() >= 1

    page.goto(event_url)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Add to calendar (.ics)").click()
    path = download_info.value.path()
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    assert [str(component["uid"]) for component in calendar.walk("VEVENT")] == [event.uid]

    assert console_errors == []


def test_clear_filters_and_overview_links(live_server, seeded, page, console_errors):
    page.goto(live_server.url + "/?kind=visit&q=zas")
    page.get_by_role("link", name="Clear filters").first.click()
    page.wait_for_url(live_server.url + "/")
    assert page.locator(".tl-item").count() == Event.objects.published().count()

    page.locator(".overview").get_by_role("link", name="2021").click()
    page.wait_for_url("**/?year=2021#results")
    assert page.locator(".tl-item").count() == Event.objects.published().in_year(2021).count()
    assert console_errors == []


def test_keyboard_reaches_skip_link_and_filters(live_server, seeded, page):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"


@pytest.mark.parametrize(("width_name", "viewport"), [("desktop", DESKTOP), ("phone", PHONE)])
def test_screenshots_of_main_pages(live_server, seeded, page, console_errors, screenshot, width_name, viewport):
    page.set_viewport_size(viewport)
    event = Event.objects.published().filter(mentions__isnull=False).first()
    release = Release.objects.filter(mentions__event=event).first()
    for name, url in [
        ("timeline", "/"),
        ("timeline-filtered", "/?kind=exercise"),
        ("event", event.get_absolute_url()),
        ("release", release.get_absolute_url()),
        ("not-found", "/no-such-page/"),
    ]:
        response = page.goto(live_server.url + url)
        assert response.status == (404 if name == "not-found" else 200)
        # Nothing wider than the screen: the layout must fit a phone.
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
        screenshot(page, f"{name}-{width_name}")
    # The 404 response itself is logged by Chromium as a failed resource load; nothing else may be.
    assert [e for e in console_errors if "404" not in e] == []
