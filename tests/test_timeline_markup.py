"""Timeline cards and sidebar counts built in Python give exactly the markup of the template loops they replace."""

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


# The sidebar's loops before `events.sidebar` (the year, kind and place counts).
TEMPLATE_SIDEBAR = """{% load timeline %}<ul class="counts">
        {% for year, n in by_year %}
          <li><a href="{% query_with year=year %}#results"{% if year == filters.year %} aria-current="true"{% endif %}>{{ year }}</a> <span class="count">{{ n }}</span></li>
        {% empty %}<li>None</li>
        {% endfor %}
      </ul><ul class="counts">
        {% for kind, label, n in by_kind %}
          <li><a href="{% query_with kind=kind %}#results"{% if kind == filters.kind %} aria-current="true"{% endif %}><span class="swatch kind-{{ kind }}" aria-hidden="true"></span>{{ label }}</a> <span class="count">{{ n }}</span></li>
        {% empty %}<li>None</li>
        {% endfor %}
      </ul><ul class="counts places">
        {% for place in places %}
          <li{% if place.city %} class="city"{% endif %}><a href="{% query_with place=place.value location='' %}#results"{% if place.value == filters.place %} aria-current="true"{% endif %}>{{ place.label }}</a> <span class="count">{{ place.n }}</span></li>
        {% empty %}<li>None</li>
        {% endfor %}
      </ul>"""
TAGS_SIDEBAR = """{% load timeline %}<ul class="counts">
        {% year_counts by_year filters.year %}
      </ul><ul class="counts">
        {% kind_counts by_kind filters.kind %}
      </ul><ul class="counts places">
        {% place_counts places filters.place %}
      </ul>"""


@pytest.mark.parametrize(
    ("query", "filters"),
    [
        ({}, {"year": None, "kind": "", "place": ""}),
        ({"year": "2020", "page": "3", "q": "a&b <c>"}, {"year": 2020, "kind": "", "place": ""}),
        ({"kind": "visit", "place": "Minsk", "x": ['"1"', "2"]}, {"year": None, "kind": "visit", "place": "Minsk"}),
    ],
)
def test_sidebar_counts_match_the_template_loops(query, filters):
    request = RequestFactory().get("/", query)
    context = {
        "request": request,
        "filters": filters,
        "by_year": [(2019, 3), (2020, 1200)],
        "by_kind": [("meeting", "Meeting", 2), ("visit", "Visit <&>", 1)],
        "places": [
            {"value": "Belarus", "label": "Belarus", "n": 5, "city": False},
            {"value": "Minsk", "label": "Minsk", "n": 4, "city": True},
        ],
    }
    render = engines["django"].from_string

    assert render(TAGS_SIDEBAR).render(context) == render(TEMPLATE_SIDEBAR).render(context)
    empty = {**context, "by_year": [], "by_kind": [], "places": []}
    assert render(TAGS_SIDEBAR).render(empty) == render(TEMPLATE_SIDEBAR).render(empty)
