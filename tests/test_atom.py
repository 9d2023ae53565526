"""/atom/: parsed back with feedparser, as a feed reader would."""

import datetime

import feedparser
import pytest

pytestmark = pytest.mark.django_db


def parse(client, url="/atom/"):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "atom10"
    return feed


def test_newest_change_first_drafts_never_withdrawn_titled(client, make_event, make_mention):
    old = make_event(title="Old meeting", start_date=datetime.date(2021, 3, 1))
    new = make_event(title="New exercise", kind="exercise", start_date=datetime.date(2022, 5, 1), precision="month")
    make_event(title="Secret draft", status="draft")
    make_mention(event=new, evidence="In May 2022 <the> exercise took place")
    old.withdraw()

    feed = parse(client)
    titles = [entry.title for entry in feed.entries]
    assert titles == ["Withdrawn: Old meeting (1 March 2021)", "New exercise (May 2022)"]
    exercise = feed.entries[1]
    assert exercise.link.endswith(new.get_absolute_url())
    assert "In May 2022 &lt;the&gt; exercise took place" in exercise.summary
    assert [tag.term for tag in exercise.tags] == ["Exercise"]
    assert exercise.updated_parsed and exercise.published_parsed
    assert not any("draft" in title.lower() for title in titles)


def test_filters_and_bad_values(client, make_event):
    make_event(title="Drill", kind="exercise")
    make_event(title="Talks", kind="meeting")
    feed = parse(client, "/atom/?kind=exercise")
    assert [entry.title.split(" (")[0] for entry in feed.entries] == ["Drill"]
    assert "Exercise" in feed.feed.title
    response = client.get("/atom/?kind=party")
    assert response.status_code == 400


def test_etag_304(client, make_event):
    event = make_event()
    etag = client.get("/atom/")["ETag"]
    assert client.get("/atom/", HTTP_IF_NONE_MATCH=etag).status_code == 304
    event.title = "Changed"
    event.save()
    assert client.get("/atom/", HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_pages_point_to_the_feed(client, make_event):
    event = make_event()
    for url in ("/", event.get_absolute_url()):
        assert '<link rel="alternate" type="application/atom+xml"' in client.get(url).content.decode()
