"""/timeline.json (TimelineJS3's JSON format) and /embed/."""

import datetime
import json

import pytest

from events.models import Event
from events.timelinejs import MAX_EVENTS

pytestmark = pytest.mark.django_db


def test_dates_keep_their_precision_and_text_quotes_the_evidence(client, make_event, make_mention, make_release):
    day = make_event(title="Talks", start_date=datetime.date(2024, 5, 17), end_date=datetime.date(2024, 5, 19))
    make_event(title="Drill", kind="exercise", start_date=datetime.date(2024, 5, 1), precision="month")
    make_event(title="Founding", kind="anniversary", start_date=datetime.date(2003, 1, 1), precision="year")
    make_mention(event=day, evidence="From 17 to 19 May <b>talks</b>", release=make_release(title="Release & co"))
    data = json.loads(client.get("/timeline.json").content)

    slides = {slide["text"]["headline"]: slide for slide in data["events"]}
    assert slides["Talks"]["start_date"] == {"year": 2024, "month": 5, "day": 17, "display_date": "17–19 May 2024"}
    assert slides["Talks"]["end_date"] == {"year": 2024, "month": 5, "day": 19}
    assert slides["Drill"]["start_date"] == {"year": 2024, "month": 5, "display_date": "May 2024"}
    assert "end_date" not in slides["Drill"]
    assert slides["Founding"]["start_date"] == {"year": 2003, "display_date": "2003"}
    assert [slides[t]["group"] for t in ("Talks", "Drill", "Founding")] == ["Meeting", "Exercise", "Anniversary"]
    text = slides["Talks"]["text"]["text"]
    assert "From 17 to 19 May &lt;b&gt;talks&lt;/b&gt;" in text  # evidence is text, never markup
    assert "Release &amp; co" in text
    assert f'/events/{day.pk}/"' in text
    assert [slide["text"]["headline"] for slide in data["events"]] == ["Founding", "Drill", "Talks"]
    assert data["title"]["text"]["headline"]


def test_headline_markup_is_escaped(client, make_event):
    make_event(title="<img src=x onerror=alert(1)>")
    [slide] = client.get("/timeline.json").json()["events"]
    assert slide["text"]["headline"] == "&lt;img src=x onerror=alert(1)&gt;"


def test_filters_drafts_and_bad_values(client, make_event):
    make_event(title="Drill", kind="exercise", start_date=datetime.date(2021, 3, 1))
    make_event(title="Meeting", start_date=datetime.date(2021, 3, 2))
    make_event(title="Draft drill", kind="exercise", status="draft")
    titles = [s["text"]["headline"] for s in client.get("/timeline.json?kind=exercise").json()["events"]]
    assert titles == ["Drill"]
    titles = [s["text"]["headline"] for s in client.get("/timeline.json").json()["events"]]
    assert "Draft drill" not in titles
    response = client.get("/timeline.json?year=soon")
    assert response.status_code == 400
    assert "year" in response.json()["errors"]


def test_etag_304(client, make_event):
    event = make_event()
    etag = client.get("/timeline.json")["ETag"]
    assert client.get("/timeline.json", HTTP_IF_NONE_MATCH=etag).status_code == 304
    event.title = "Changed"
    event.save()
    assert client.get("/timeline.json", HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_large_exports_hold_the_latest_events_and_say_so(client, make_event, settings):
    first = datetime.date(2000, 1, 1)
    Event.objects.bulk_create(
        Event(uid=f"bulk-{n}", title=f"E{n}", start_date=first + datetime.timedelta(days=n), status="published")
        for n in range(MAX_EVENTS + 5)
    )
    data = client.get("/timeline.json").json()
    assert len(data["events"]) == MAX_EVENTS
    assert data["events"][-1]["text"]["headline"] == f"E{MAX_EVENTS + 4}"
    assert f"latest {MAX_EVENTS} of {MAX_EVENTS + 5}" in data["title"]["text"]["text"]


def test_embed_may_be_framed_while_other_pages_may_not(client):
    embed = client.get("/embed/?kind=exercise")
    assert embed.status_code == 200
    assert "X-Frame-Options" not in embed
    assert 'data-source="/timeline.json?kind=exercise"' in embed.content.decode()
    assert client.get("/")["X-Frame-Options"] == "DENY"
    assert client.get("/timeline.json")["X-Frame-Options"] == "DENY"
