"""The JSON API: answers checked against the OpenAPI description it serves, with real validators."""

import base64
import datetime
import re

import pytest
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate as validate_spec

from events import params as parameters
from events.models import Event

pytestmark = pytest.mark.django_db


@pytest.fixture
def spec(client):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    return response.json()


def validator(spec, component: str) -> Draft202012Validator:
    """A JSON Schema validator for one component of the served OpenAPI document (3.1: JSON Schema 2020-12)."""
    return Draft202012Validator({"$ref": f"#/components/schemas/{component}", "components": spec["components"]})


def assert_valid(spec, component: str, data) -> None:
    errors = list(validator(spec, component).iter_errors(data))
    assert not errors, [f"{list(e.absolute_path)}: {e.message}" for e in errors]


def test_openapi_document_is_valid(spec):
    validate_spec(spec)
    assert spec["openapi"].startswith("3.1")
    assert {"/api/events", "/api/events/{event_id}", "/api/events/uid/{uid}", "/api/releases"} <= set(spec["paths"])
    params = {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert {"kind", "year", "location", "q", "cursor", "page_size"} <= params


# The list's own paging parameters; every other one is an `events.params` parameter.
PAGING = {"cursor", "page_size"}


def test_list_parameters_are_documented_as_events_params_reads_them(client, spec, make_event):
    make_event()
    documented = {p["name"]: p for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    # What the list reads through events.params, found by asking: a value no parameter accepts (a
    # control character) is a 400 naming the parameter when the list reads it, ignored when not.
    read = set()
    for name in parameters.PARAMETERS:
        response = client.get("/api/events", {name: "\x01"})
        if response.status_code == 400:
            assert name in response.json()["errors"]
            read.add(name)
        else:
            assert response.status_code == 200, name
    assert read == set(documented) - PAGING
    assert read >= {"kind", "year", "location", "place", "q", "order"}
    for name in read:
        parameter, schema = parameters.PARAMETERS[name], dict(documented[name]["schema"])
        assert documented[name]["description"] == parameter.help
        assert schema.pop("description") == parameter.help
        schema.pop("title", None)
        assert schema == parameter.schema, name
        assert documented[name]["required"] is False


def test_every_documented_value_is_taken_and_the_bounds_hold(client, spec, make_event):
    """The documented values are the reader's: each enum value answers 200, anything past a bound 400."""
    make_event()
    for parameter in spec["paths"]["/api/events"]["get"]["parameters"]:
        name, schema = parameter["name"], parameter["schema"]
        if name in PAGING:
            continue
        taken, refused = [], []
        if "enum" in schema:
            assert schema["enum"], name
            taken += schema["enum"]
            refused.append("not-one-of-them")
        if schema.get("type") == "integer":
            taken += [schema["minimum"], schema["maximum"]]
            refused += [schema["minimum"] - 1, schema["maximum"] + 1, "twenty"]
        if "maxLength" in schema:
            refused.append("x" * (schema["maxLength"] + 1))
        assert taken or refused, f"{name} documents no values"
        for value in taken:
            assert client.get("/api/events", {name: value}).status_code == 200, (name, value)
        for value in refused:
            response = client.get("/api/events", {name: value})
            assert response.status_code == 400, (name, value)
            assert name in response.json()["errors"]


def test_event_list_matches_schema_and_dates_keep_their_precision(client, spec, make_event, make_mention):
    day = make_event(title="Day", start_date=datetime.date(2024, 5, 17), end_date=datetime.date(2024, 5, 19))
    month = make_event(title="Month", start_date=datetime.date(2024, 5, 1), precision="month")
    year = make_event(title="Year", start_date=datetime.date(2024, 1, 1), precision="year", location="Minsk")
    mention = make_mention(event=day, evidence="From 17 to 19 May 2024", evidence_start=3, evidence_end=25)

    data = client.get("/api/events").json()
    assert_valid(spec, "EventPage", data)
    by_title = {item["title"]: item for item in data["results"]}
    assert (by_title["Day"]["start"], by_title["Day"]["end"]) == ("2024-05-17", "2024-05-19")
    assert (by_title["Month"]["start"], by_title["Month"]["end"], by_title["Month"]["precision"]) == (
        "2024-05",
        None,
        "month",
    )
    assert (by_title["Year"]["start"], by_title["Year"]["location"]) == ("2024", "Minsk")
    [quoted] = by_title["Day"]["mentions"]
    assert quoted["evidence"] == "From 17 to 19 May 2024"
    assert (quoted["evidence_start"], quoted["evidence_end"]) == (3, 25)
    assert quoted["release"]["id"] == mention.release_id
    assert by_title["Day"]["links"]["html"].endswith(day.get_absolute_url())
    assert by_title["Day"]["kind"] == "meeting"
    assert [item["id"] for item in data["results"]] == [day.pk, month.pk, year.pk]  # newest first, as the timeline
    oldest = client.get("/api/events?order=oldest").json()["results"]
    assert [item["id"] for item in oldest] == [year.pk, month.pk, day.pk]


def test_drafts_never_appear(client, make_event, make_mention):
    published = make_event(title="Shown")
    draft = make_event(title="Hidden draft", status="draft")
    mention = make_mention(event=draft)
    make_mention(event=published, release=mention.release)

    listed = client.get("/api/events").json()["results"]
    assert [item["title"] for item in listed] == ["Shown"]
    assert client.get(f"/api/events/{draft.pk}").status_code == 404
    assert client.get(f"/api/events/uid/{draft.uid}").status_code == 404
    release = client.get(f"/api/releases/{mention.release_id}").json()
    assert [item["id"] for item in release["events"]] == [published.pk]


def test_detail_by_id_and_uid_agree_and_match_schema(client, spec, make_event):
    event = make_event(title="Withdrawn later", status="cancelled")
    by_id = client.get(f"/api/events/{event.pk}").json()
    by_uid = client.get(f"/api/events/uid/{event.uid}").json()
    assert by_id == by_uid
    assert_valid(spec, "EventOut", by_id)
    assert by_id["status"] == "cancelled"
    assert by_id["links"]["ical"] is None
    assert client.get("/api/events/uid/no-such-uid@example").status_code == 404


@pytest.mark.parametrize(
    "query",
    [
        {"kind": "exercise"},
        {"year": "2021"},
        {"location": "minsk"},
        {"q": "drill"},
        {"kind": "exercise", "year": "2021", "q": "drill"},
    ],
)
def test_list_filters_are_the_timelines(client, make_event, query):
    make_event(title="Drill near Minsk", kind="exercise", start_date=datetime.date(2021, 3, 1), location="Minsk")
    make_event(title="Drill in 2022", kind="exercise", start_date=datetime.date(2022, 3, 1))
    make_event(title="Meeting", kind="meeting", start_date=datetime.date(2021, 5, 1), location="Moscow")
    filters = {"kind": "", "year": None, "location": "", "text": ""}
    filters.update({"text" if k == "q" else k: int(v) if k == "year" else v for k, v in query.items()})
    expected = list(Event.objects.published().filtered(**filters).chronological().values_list("pk", flat=True))
    got = [item["id"] for item in client.get("/api/events", {**query, "order": "oldest"}).json()["results"]]
    assert got == expected and got


@pytest.mark.parametrize(
    "query, field",
    [
        ({"kind": "party"}, "kind"),
        ({"year": "20x1"}, "year"),
        ({"year": "1066"}, "year"),
        ({"q": "x" * 101}, "q"),
        ({"q": "drill\x00"}, "q"),
        ({"location": "Minsk\nX-Injected: 1"}, "location"),
        ({"page_size": "0"}, "page_size"),
        ({"page_size": "many"}, "page_size"),
        ({"cursor": "not base64!"}, "cursor"),
        ({"cursor": base64.b64encode(b"p=not-a-date").decode()}, "cursor"),
        ({"order": "random"}, "order"),
    ],
)
def test_bad_parameters_get_a_clear_400(client, spec, make_event, query, field):
    make_event()
    response = client.get("/api/events", query)
    assert response.status_code == 400
    body = response.json()
    assert_valid(spec, "Problem", body)
    assert field in body["errors"]


def test_cursor_pages_visit_every_event_once_even_on_a_shared_date(client, make_event):
    # Year-precision events all start on 1 January: the cursor's offset tells them apart.
    expected = [make_event(start_date=datetime.date(2020, 1, 1), precision="year").pk for _ in range(7)]
    expected += [make_event(start_date=datetime.date(2020, 1, 1) + datetime.timedelta(days=n)).pk for n in range(6)]
    expected = list(Event.objects.published().chronological().values_list("pk", flat=True))
    seen, url, pages = [], "/api/events?page_size=3&order=oldest", 0
    while url:
        data = client.get(url).json()
        seen += [item["id"] for item in data["results"]]
        url, pages = data["next"], pages + 1
    assert seen == expected
    assert pages == 5
    # and back again from the last page
    back = client.get(data["previous"]).json()
    assert [item["id"] for item in back["results"]] == expected[-4:-1]


def test_list_costs_a_fixed_number_of_queries(client, make_event, make_mention, django_assert_num_queries):
    for n in range(30):
        make_mention(event=make_event(start_date=datetime.date(2020, 1, 1) + datetime.timedelta(days=n)))
    client.get("/api/events?kind=meeting")  # the validator's state is cached (until anything shown changes)
    with django_assert_num_queries(2):  # the page's events; their mentions with those mentions' releases (one join)
        client.get("/api/events?kind=meeting")
    # free text shares the one validator (the latest public change): no aggregate over its matches
    # (after the first request, which also looks the last word up in the search vocabulary, once per process)
    client.get("/api/events?q=Event")
    with django_assert_num_queries(2):
        client.get("/api/events?q=Event")
    etag = client.get("/api/events?q=Event")["ETag"]
    with django_assert_num_queries(0):  # a client's repeat request with its ETag
        assert client.get("/api/events?q=Event", HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_etag_answers_304_until_something_changes(client, make_event, make_mention):
    event = make_event()
    first = client.get("/api/events")
    etag = first["ETag"]
    assert client.get("/api/events", HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert client.get(f"/api/events/{event.pk}", HTTP_IF_NONE_MATCH=etag).status_code == 200  # its own validator

    make_mention(event=event)  # a new quotation changes what the list shows
    changed = client.get("/api/events", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag

    etag = changed["ETag"]
    event.recurs_yearly = True  # no calendar field: SEQUENCE and modified_at stay, the answer changes
    event.save()
    recurring = client.get("/api/events", HTTP_IF_NONE_MATCH=etag)
    assert recurring.status_code == 200 and recurring.json()["results"][0]["recurs_yearly"] is True

    etag = recurring["ETag"]
    event.title = "Renamed"
    event.save()
    renamed = client.get("/api/events", HTTP_IF_NONE_MATCH=etag)
    assert renamed.status_code == 200 and renamed.json()["results"][0]["title"] == "Renamed"


def test_cors_allows_get_from_any_site_on_the_api_only(client, make_event):
    response = client.get("/api/events", HTTP_ORIGIN="https://newsroom.example")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]
    preflight = client.options(
        "/api/events",
        HTTP_ORIGIN="https://newsroom.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match",
    )
    assert preflight.status_code == 200
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    assert "POST" not in preflight["Access-Control-Allow-Methods"]
    assert "Access-Control-Allow-Origin" not in client.get("/", HTTP_ORIGIN="https://newsroom.example")


def test_docs_page_works_offline(client):
    from django.contrib.staticfiles import finders

    page = client.get("/api/docs/").content.decode()
    sources = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert sources and all(src.startswith("/static/") for src in sources), sources
    for src in sources:
        assert finders.find(src.removeprefix("/static/")), src


def test_release_list_and_detail(client, spec, make_release, make_mention):
    release = make_release(title="Consultations held", original_text="Consultations held\n\n23.01.2020 Text.")
    make_mention(release=release, evidence="23.01.2020", evidence_start=20, evidence_end=30)
    listed = client.get("/api/releases").json()
    assert_valid(spec, "ReleasePage", listed)
    assert listed["results"][0]["id"] == release.pk
    detail = client.get(f"/api/releases/{release.pk}").json()
    assert_valid(spec, "ReleaseDetail", detail)
    [event] = detail["events"]
    assert detail["text"][event["evidence_start"] : event["evidence_end"]] == "23.01.2020"


@pytest.mark.parametrize(
    "url", ["/api/events", "/api/releases", "/timeline.json", "/atom/", "/events.csv", "/sitemap.xml", "/embed/"]
)
def test_open_data_answers_head_and_refuses_writes(client, make_event, url):
    make_event()
    head = client.head(url)
    assert head.status_code == 200
    assert client.post(url).status_code == 405
    assert client.delete(url).status_code == 405


def test_a_release_appears_once_one_of_its_events_is_published(client, make_event, make_mention):
    draft = make_event(status="draft")
    mention = make_mention(event=draft)
    assert client.get(f"/api/releases/{mention.release_id}").status_code == 404
    assert client.get("/api/releases").json()["results"] == []
    draft.status = "published"
    draft.save()
    assert client.get(f"/api/releases/{mention.release_id}").status_code == 200
    assert [r["id"] for r in client.get("/api/releases").json()["results"]] == [mention.release_id]


def test_search_orders_by_best_match_and_pages_by_relevance(client, make_event):
    make_event(title="Talks on the exercise plan", start_date=datetime.date(2021, 1, 1))
    make_event(
        title="Exercise Exercise: the joint exercise began", kind="exercise", start_date=datetime.date(2020, 1, 1)
    )
    make_event(title="A meeting", start_date=datetime.date(2022, 1, 1))
    expected = list(
        Event.objects.published()
        .filtered(text="exercise")
        .ranked("exercise")
        .order_by("-relevance", "-start_date", "-pk")
        .values_list("pk", flat=True)
    )
    seen, url = [], "/api/events?q=exercise&page_size=1"
    while url:
        data = client.get(url).json()
        seen += [item["id"] for item in data["results"]]
        url = data["next"]
    assert seen == expected and len(seen) == 2
    by_date = client.get("/api/events?q=exercise&order=newest").json()["results"]
    assert [item["title"] for item in by_date][0] == "Talks on the exercise plan"


@pytest.mark.parametrize(
    "q",
    [
        "summit ministers",  # words in any order
        "ministers summit",
        '"defence ministers"',  # a phrase
        "summit -minsk",  # a word left out
        "drill or summit",
        "co-operation",  # hyphens inside words
        "совещание",  # Cyrillic
        "pushcha",  # a word only in a release's text
        "summits",  # stemmed
        "nothing-like-this",
    ],
)
def test_api_search_is_the_timelines_full_text_search(client, make_event, make_release, make_mention, q):
    """The same q finds the same events in the same order on the timeline and in the API."""
    make_event(title="Summit of the defence ministers", location="Minsk", start_date=datetime.date(2021, 5, 1))
    make_event(title="Ministers met at the summit in Yerevan", start_date=datetime.date(2022, 5, 1))
    make_event(title="Cooperation drill", kind="exercise", start_date=datetime.date(2020, 5, 1))
    make_event(title="Совещание начальников штабов", start_date=datetime.date(2019, 5, 1))
    make_event(title="Co-operation talks", start_date=datetime.date(2018, 5, 1))
    make_event(title="Draft summit", status="draft")
    release = make_release(body="The treaty was prepared in the Belovezhskaya Pushcha.")
    make_mention(event=make_event(title="Treaty signed"), release=release)
    for order in ("", "oldest", "newest"):
        query = {"q": q, **({"order": order} if order else {})}
        timeline = [event.pk for event in client.get("/", query).context["page_obj"].object_list]
        api = [item["id"] for item in client.get("/api/events", query).json()["results"]]
        assert api == timeline, (q, order)
    if q != "nothing-like-this":
        assert timeline, q


OPEN_DATA = ("/api/events", "/api/events?q=shown", "/api/releases", "/timeline.json", "/events.csv", "/atom/")


def etags(client, *extra: str) -> dict[str, str]:
    return {url: client.get(url)["ETag"] for url in (*OPEN_DATA, *extra)}


def test_every_change_to_a_shown_event_or_its_release_changes_the_etags(client, make_event, make_mention):
    event = make_event(title="Shown summit")
    mention = make_mention(event=event)
    release = mention.release
    detail = f"/api/events/{event.pk}"
    changes = [
        lambda: setattr(event, "title", "Shown summit renamed") or event.save(),
        lambda: setattr(event, "recurs_yearly", True) or event.save(),  # no calendar field
        lambda: Event.objects.filter(pk=event.pk).update(location="Minsk"),  # a bulk write (place follows)
        lambda: setattr(release, "title", "Retitled release") or release.save(),
        lambda: setattr(release, "source_url", "https://example.org/r") or release.save(),
        lambda: setattr(mention, "date_text", "16 January") or mention.save(),
        lambda: make_mention(event=event, release=release, evidence_start=40, evidence_end=50),
        lambda: make_event(title="Shown newcomer"),  # published: a new row in the list
        lambda: event.withdraw(),
    ]
    for change in changes:
        before = etags(client, detail)
        change()
        after = etags(client, detail)
        assert all(after[url] != before[url] for url in before), [url for url in before if after[url] == before[url]]


def test_a_drafts_changes_do_not_show_in_any_etag(client, make_event, make_mention, make_release):
    shown = make_event(title="Shown summit")
    shared = make_mention(event=shown).release
    draft_only = make_release(title="Cited by a draft alone")
    before = etags(client, f"/api/events/{shown.pk}", f"/api/releases/{shared.pk}")

    draft = make_event(title="Draft summit", status="draft")
    draft.title = "Draft summit, retitled"
    draft.save()
    Event.objects.filter(pk=draft.pk).update(kind="exercise")
    make_mention(event=draft, release=shared, evidence_start=20, evidence_end=30)
    mention = make_mention(event=draft, release=draft_only)
    draft_only.title = "Retitled, still a draft's"
    draft_only.save()
    mention.delete()
    make_event(status="draft").delete()

    assert etags(client, f"/api/events/{shown.pk}", f"/api/releases/{shared.pk}") == before
    draft.status = "published"  # until it is published
    draft.save()
    assert client.get("/api/events")["ETag"] != before["/api/events"]


def test_a_change_committed_by_another_connection_is_followed(transactional_db, client, make_event):
    """Outside a test transaction the change is recorded again once it commits (the latest id wins)."""
    from events.models import PublicChange

    event = make_event(title="Shown")
    etag = client.get("/api/events")["ETag"]
    event.title = "Shown, renamed"
    event.save()
    assert PublicChange.objects.count() == 1  # earlier rows are pruned after each commit
    assert client.get("/api/events", HTTP_IF_NONE_MATCH=etag).status_code == 200
