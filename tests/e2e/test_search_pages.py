"""Finding events in a real browser: search, order, upcoming, the place facet, phone layout, keyboard."""

import datetime
import re

import pytest

from events.models import Event, Mention, Release

from .conftest import PHONE

pytestmark = pytest.mark.e2e


@pytest.fixture
def events(transactional_db):
    """A small, known timeline: Latin and Cyrillic titles, old place names, words only in a release."""
    today = datetime.date.today()

    def make(title, start, **values):
        event = Event(title=title, start_date=start, status="published", kind=values.pop("kind", "meeting"), **values)
        event.save()
        return event

    made = {
        "summit": make("Tokayev opens the summit of leaders", datetime.date(2022, 11, 23), location="Nur-Sultan"),
        "sg": make("Secretary-General meets the minister", datetime.date(2021, 3, 4), location="Minsk"),
        "sg2": make("The Secretary General visits the Joint Staff", datetime.date(2020, 5, 6)),
        "kz": make("Exercise in Kazakhstan", datetime.date(2019, 9, 10), kind="exercise", location="Almaty"),
        "ru": make("Заседание Совета коллективной безопасности", datetime.date(2018, 11, 8), location="Минск"),
        "soon": make("Consultations on the coming exercise", today + datetime.timedelta(days=3)),
        "later": make("Council session next month", today + datetime.timedelta(days=40)),
        "old": make("Founding of the organisation", datetime.date(2002, 10, 7), kind="anniversary"),
    }
    release = Release.objects.create(
        source_name="viskuli.txt",
        original_text="Thirty years on\n\nThe agreement was prepared in Belovezhskaya Pushcha.",
        content_hash="e" * 64,
        title="Thirty years on",
        body="The agreement was prepared in Belovezhskaya Pushcha.",
    )
    Mention.objects.create(
        release=release,
        event=made["old"],
        evidence="The agreement was prepared in Belovezhskaya Pushcha.",
        evidence_start=17,
        evidence_end=70,
    )
    return made


def search(page, base: str, words: str):
    page.goto(base + "/")
    page.get_by_label("Search events").fill(words)
    page.get_by_label("Search events").press("Enter")
    page.wait_for_url(re.compile(r"[?&]q="))
    return page.locator(".tl-item .tl-title").all_inner_texts()


def test_search_finds_words_in_any_order_hyphens_misspellings_cyrillic_and_release_words(
    live_server, events, page, console_errors, screenshot
):
    base = live_server.url
    assert search(page, base, "summit Tokayev") == [events["summit"].title]
    assert set(search(page, base, "Secretary-General")) == {events["sg"].title, events["sg2"].title}
    assert set(search(page, base, "secretary general")) == {events["sg"].title, events["sg2"].title}
    assert search(page, base, "совета") == [events["ru"].title]
    assert search(page, base, "Belovezhskaya") == [events["old"].title]
    assert search(page, base, "Akmola") == [events["summit"].title]  # an old name of Astana

    assert search(page, base, "Kazakstan") == []
    screenshot(page, "search-did-you-mean-desktop")
    page.get_by_role("link", name="kazakhstan").first.click()
    page.wait_for_url(re.compile(r"q=kazakhstan"))
    # the exercise in Almaty, and the summit in Astana (Nur-Sultan): both in Kazakhstan
    assert set(page.locator(".tl-item .tl-title").all_inner_texts()) == {events["kz"].title, events["summit"].title}
    assert console_errors == []


def test_newest_first_by_default_oldest_first_on_request_and_upcoming(live_server, events, page, console_errors):
    page.goto(live_server.url + "/")
    titles = page.locator(".tl-item .tl-title").all_inner_texts()
    assert titles[0] == events["later"].title and titles[-1] == events["old"].title
    page.get_by_role("link", name="Oldest first").click()
    page.wait_for_url(re.compile(r"order=oldest"))
    assert page.locator(".tl-item .tl-title").first.inner_text() == events["old"].title

    page.get_by_role("link", name="Upcoming", exact=True).first.click()
    page.wait_for_url("**/upcoming/")
    assert page.locator("h1").inner_text() == "Upcoming events"
    assert page.locator(".tl-item .tl-title").all_inner_texts() == [events["soon"].title, events["later"].title]
    feed = page.get_by_role("link", name="feed address (https)").get_attribute("href")
    assert feed.endswith("/calendar/upcoming.ics")
    assert console_errors == []


def test_place_facet_with_counts_and_a_feed_of_exactly_this(live_server, events, page, console_errors):
    page.goto(live_server.url + "/")
    place = page.get_by_label("Place", exact=True)
    options = place.locator("option").all_inner_texts()
    assert any(option.strip() == "Kazakhstan (all) (2)" for option in options)
    assert any(option.strip() == "Astana (1)" for option in options)
    place.select_option("Kazakhstan")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url(re.compile(r"place=Kazakhstan"))
    assert set(page.locator(".tl-item .tl-title").all_inner_texts()) == {events["summit"].title, events["kz"].title}
    webcal = page.get_by_role("link", name="open in calendar app (webcal)").get_attribute("href")
    assert webcal.startswith("webcal://") and "place=Kazakhstan" in webcal

    page.locator(".overview").get_by_role("link", name="Minsk").click()
    page.wait_for_url(re.compile(r"place=Minsk"))
    assert set(page.locator(".tl-item .tl-title").all_inner_texts()) == {events["sg"].title, events["ru"].title}
    assert console_errors == []


def test_keyboard_focus_moves_to_the_results_after_apply(live_server, events, page):
    page.goto(live_server.url + "/")
    page.get_by_label("Kind", exact=True).select_option("meeting")
    page.get_by_role("button", name="Apply filters").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"kind=meeting"))
    page.wait_for_function("document.activeElement && document.activeElement.id === 'results'")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.closest('#results') !== null")
    assert focused  # the next Tab stays in the results, on their first link


def test_phone_shows_results_before_filters_and_feeds_fit(live_server, events, browser, screenshot):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(live_server.url + "/")
    first = page.locator(".tl-item").first.bounding_box()
    panel = page.locator(".filter-panel")
    assert panel.get_attribute("open") is None  # folded on a phone
    assert first["y"] < panel.bounding_box()["y"]
    assert first["y"] < 600  # the first result is on the first screen
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot(page, "timeline-results-first-phone")
    page.locator(".filter-panel > summary").click()
    assert page.get_by_label("Kind", exact=True).is_visible()

    page.goto(live_server.url + "/feeds/")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert page.get_by_role("button", name="Copy address").count() >= 10
    assert page.get_by_role("link", name=re.compile(r"^Open “All events” in calendar app$")).count() == 1
    assert page.get_by_label("Address of “Approximate dates”").input_value().endswith("/calendar/approximate.ics")
    screenshot(page, "feeds-phone")
    context.close()
    assert errors == []


def test_the_beginning_of_the_last_word_finds_as_one_types(live_server, events, page, console_errors):
    base = live_server.url
    assert set(search(page, base, "Secretary-Gen")) == {events["sg"].title, events["sg2"].title}
    assert set(search(page, base, "kazakh")) == {events["kz"].title, events["summit"].title}
    assert search(page, base, "tokayev summ") == [events["summit"].title]
    assert console_errors == []


def test_pages_of_a_long_timeline_from_first_to_last_and_back(live_server, transactional_db, page, console_errors):
    first_day = datetime.date(2001, 1, 1)
    Event.objects.bulk_create(
        Event(uid=f"pager-{n}", title=f"Pager event {n:03d}", start_date=first_day + datetime.timedelta(days=n // 3 * 40),
              status="published", published_once=True)
        for n in range(120)
    )  # fmt: skip
    page.goto(live_server.url + "/?order=oldest")
    assert page.locator(".tl-item .tl-title").first.inner_text() == "Pager event 000"
    assert "page 1 of 3" in page.locator("#results-heading").inner_text()
    page.get_by_role("link", name="Last »").click()
    page.wait_for_url(re.compile(r"page=3"))
    assert page.locator(".tl-item .tl-title").all_inner_texts()[-1] == "Pager event 119"
    assert page.locator(".tl-item").count() == 20
    page.get_by_role("link", name="‹ Previous").click()
    page.wait_for_url(re.compile(r"page=2"))
    titles = page.locator(".tl-item .tl-title").all_inner_texts()
    assert sorted(titles) == [f"Pager event {n:03d}" for n in range(50, 100)]
    assert console_errors == []
