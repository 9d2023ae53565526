"""/embed/ in a real browser: TimelineJS's own loader reads /timeline.json and draws the events."""

import pytest

from events.models import Event

pytestmark = pytest.mark.e2e


def slide_headlines(page) -> list[str]:
    return [text.strip() for text in page.locator(".tl-slide-content .tl-headline").all_text_contents()]


def test_embed_draws_every_published_event_with_timelinejs(live_server, seeded, page, console_errors, screenshot):
    draft = Event.objects.published().first()
    draft.status = "draft"
    draft.save()
    requests = []
    page.on("request", lambda request: requests.append(request.url))

    page.goto(live_server.url + "/embed/")
    page.locator(".tl-timeline .tl-timemarker").first.wait_for(state="attached")
    published = list(Event.objects.published().values_list("title", flat=True))
    # one marker on the time axis per event, one slide per event plus the title slide
    assert page.locator(".tl-timemarker").count() == len(published)
    headlines = slide_headlines(page)
    assert sorted(headlines[1:]) == sorted(published)
    assert draft.title not in headlines
    screenshot(page, "embed-desktop")
    # everything came from this site: TimelineJS is vendored, no CDN, no web fonts
    assert all(url.startswith(live_server.url) or url.startswith("data:") for url in requests), requests
    assert console_errors == []


def test_embed_honours_filters_and_loads_in_a_frame_of_another_site(live_server, seeded, page, console_errors):
    exercises = list(Event.objects.published().of_kind("exercise").values_list("title", flat=True))
    assert exercises
    page.set_content(f'<iframe src="{live_server.url}/embed/?kind=exercise" width="900" height="600"></iframe>')
    frame = page.frame_locator("iframe")
    frame.locator(".tl-timeline .tl-timemarker").first.wait_for(state="attached")
    assert frame.locator(".tl-timemarker").count() == len(exercises)
    headlines = [text.strip() for text in frame.locator(".tl-slide-content .tl-headline").all_text_contents()]
    assert sorted(headlines[1:]) == sorted(exercises)
    assert console_errors == []
