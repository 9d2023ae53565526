"""Timeline cards built in Python give exactly the markup of the card template they replace."""

import datetime

import pytest
from django.template import engines
from django.test import RequestFactory

from events.cards import cards
from events.models import Event

D = datetime.date

# The card template the timeline rendered per event before `events.cards` (with its two includes).
TEMPLATE_CARD = """<li class="tl-item kind-{{ event.kind }}">
  <span class="tl-marker" aria-hidden="true"></span>
  <article class="tl-card">
    <p class="tl-meta">{% include "events/includes/event_date.html" %} {% include "events/includes/kind_label.html" %}</p>
    <h5 class="tl-title"><a href="{{ event.get_absolute_url }}">{{ event.title }}</a></h5>
    {% if event.location %}<p class="tl-location">{{ event.location }}</p>{% endif %}
  </article>
</li>
"""
TEMPLATE_LIST = "{% for event in events %}" + TEMPLATE_CARD + "{% endfor %}"


@pytest.fixture
def varied(make_event):
    return [
        make_event(title="Day <b>bold</b> & “quotes” 'single'", start_date=D(2020, 1, 16), location="Minsk"),
        make_event(title="Range", start_date=D(2020, 1, 21), end_date=D(2020, 1, 23), kind="exercise", location=""),
        make_event(title="Across months", start_date=D(2020, 9, 30), end_date=D(2020, 10, 2), kind="visit"),
        make_event(title="Across years", start_date=D(2019, 12, 30), end_date=D(2020, 1, 2), kind="decision"),
        make_event(title="Month", start_date=D(2020, 11, 1), precision="month", location='Astana "Palace" <x>'),
        make_event(title="Months", start_date=D(2020, 9, 1), end_date=D(2020, 10, 31), precision="month"),
        make_event(title="Year", start_date=D(2020, 1, 1), precision="year", kind="anniversary"),
    ]


def test_cards_match_the_card_template_for_every_precision_range_and_escaped_text(varied):
    events = list(Event.objects.filter(pk__in=[e.pk for e in varied]).order_by("pk"))

    expected = engines["django"].from_string(TEMPLATE_LIST).render({"events": events})

    assert str(cards(events)) == expected
    assert "&lt;b&gt;bold&lt;/b&gt; &amp;" in expected  # the titles are escaped, not trusted


def test_timeline_page_holds_each_card_as_the_template_gave_it(client, varied):
    html = client.get("/", {"order": "oldest"}).content.decode()
    request = RequestFactory().get("/")

    for event in Event.objects.filter(pk__in=[e.pk for e in varied]):
        card = engines["django"].from_string(TEMPLATE_CARD).render({"event": event}, request)
        assert card in html, event.title


def test_cards_follow_the_script_prefix(varied, settings):
    from django.urls import set_script_prefix

    set_script_prefix("/timeline/")
    try:
        html = str(cards(varied[:1]))
    finally:
        set_script_prefix("/")
    assert f'href="/timeline/events/{varied[0].pk}/"' in html
