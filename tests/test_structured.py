"""Event pages' JSON-LD, description and OpenGraph; sitemap.xml and robots.txt, read with real parsers."""

import datetime
import json
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest

pytestmark = pytest.mark.django_db
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


class HeadReader(HTMLParser):
    """Collects <meta> tags and the text of each <script type="application/ld+json">, as a crawler does."""

    def __init__(self):
        super().__init__()
        self.meta, self.json_ld, self._in_ld = {}, [], False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and ("name" in attrs or "property" in attrs):
            self.meta[attrs.get("name") or attrs["property"]] = attrs["content"]
        if tag == "script" and attrs.get("type") == "application/ld+json":
            self._in_ld = True
            self.json_ld.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_ld = False

    def handle_data(self, data):
        if self._in_ld:
            self.json_ld[-1] += data


def read_page(client, url) -> HeadReader:
    response = client.get(url)
    assert response.status_code == 200
    reader = HeadReader()
    reader.feed(response.content.decode())
    return reader


def only_event(reader) -> dict:
    [block] = reader.json_ld
    data = json.loads(block)
    assert data["@context"] == "https://schema.org" and data["@type"] == "Event"
    for required in ("name", "startDate", "eventStatus", "organizer", "url", "description"):
        assert data[required], required
    return data


def test_event_json_ld_keeps_precision_place_and_organizer(client, make_event, make_mention):
    event = make_event(
        title="Talks in Minsk",
        start_date=datetime.date(2024, 5, 1),
        end_date=datetime.date(2024, 6, 1),
        precision="month",
        location="Minsk",
    )
    make_mention(event=event, evidence="In May and June 2024 talks were held in Minsk.")
    reader = read_page(client, event.get_absolute_url())
    data = only_event(reader)
    assert (data["startDate"], data["endDate"]) == ("2024-05", "2024-06")
    assert data["location"] == {"@type": "Place", "name": "Minsk", "address": "Minsk"}
    assert data["organizer"]["@type"] == "Organization"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["url"].endswith(event.get_absolute_url())
    assert reader.meta["description"].startswith("May–June 2024 · Meeting · Minsk. In May and June 2024 talks")
    assert reader.meta["og:title"] == "Talks in Minsk"
    assert reader.meta["og:url"] == data["url"]
    assert reader.meta["og:description"] == reader.meta["description"]


def test_exact_day_with_time_and_a_cancelled_event(client, make_event):
    event = make_event(
        start_date=datetime.date(2024, 5, 17), start_time=datetime.time(10, 30), time_zone="Europe/Moscow"
    )
    event.withdraw()
    data = only_event(read_page(client, event.get_absolute_url()))
    assert data["startDate"] == "2024-05-17T10:30+03:00"
    assert "endDate" not in data and "location" not in data
    assert data["eventStatus"] == "https://schema.org/EventCancelled"


def test_a_title_cannot_break_out_of_the_json_ld_block(client, make_event):
    title = '</script><script>alert("x")</script><!-- & "quoted"'
    event = make_event(title=title)
    page = client.get(event.get_absolute_url()).content.decode()
    assert "<script>alert" not in page
    reader = HeadReader()
    reader.feed(page)
    assert only_event(reader)["name"] == title


def test_other_pages_have_a_description_and_no_event(client, make_event):
    make_event()
    reader = read_page(client, "/")
    assert reader.meta["description"]
    assert reader.json_ld == []


def test_sitemap_lists_published_events_releases_and_pages_never_drafts(client, make_event, make_mention):
    published = make_event()
    draft = make_event(status="draft")
    withdrawn = make_event()
    withdrawn.withdraw()
    release = make_mention(event=published).release
    unpublished_release = make_mention(event=draft).release
    index = ET.fromstring(client.get("/sitemap.xml").content)
    sections = [loc.text for loc in index.findall("s:sitemap/s:loc", SITEMAP_NS)]
    assert sections and all(url.startswith("http://testserver/sitemap-") for url in sections)
    urls = []
    for section in sections:
        response = client.get(section.removeprefix("http://testserver"))
        assert response.status_code == 200
        urls += [loc.text for loc in ET.fromstring(response.content).findall("s:url/s:loc", SITEMAP_NS)]
    assert f"http://testserver{published.get_absolute_url()}" in urls
    assert f"http://testserver{release.get_absolute_url()}" in urls
    assert "http://testserver/" in urls
    assert f"http://testserver{draft.get_absolute_url()}" not in urls
    assert f"http://testserver{withdrawn.get_absolute_url()}" not in urls
    assert f"http://testserver{unpublished_release.get_absolute_url()}" not in urls


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_every_page_links_to_the_open_formats(client, make_event):
    import re

    page = client.get("/").content.decode()
    footer = page.split("Open data:")[1].split("</p>")[0]
    links = re.findall(r'href="([^"]+)"', footer)
    assert links == ["/api/docs/", "/atom/", "/events.csv", "/embed/"]
    for link in links:
        assert client.get(link).status_code == 200, link
