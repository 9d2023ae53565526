"""/events.csv and the admin's CSV action, read back with the csv module as a spreadsheet would."""

import csv
import datetime
import io

import pytest
from django.contrib.auth.models import User

from events.csv_export import COLUMNS, safe_cell

pytestmark = pytest.mark.django_db


def read_csv(response) -> list[dict]:
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    assert rows == [] or list(rows[0]) == list(COLUMNS)
    return rows


@pytest.mark.parametrize(
    "value, cell",
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+7 495", "'+7 495"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("Minsk", "Minsk"),
        ("a=b", "a=b"),
        (None, ""),
        (12, "12"),
    ],
)
def test_formula_cells_are_defused(value, cell):
    assert safe_cell(value) == cell


def test_filtered_export_with_precision_and_sources(client, make_event, make_mention):
    month = make_event(
        title="=cmd|' /C calc'!A0", kind="exercise", start_date=datetime.date(2022, 5, 1), precision="month"
    )
    make_event(title="Range", kind="exercise", start_date=datetime.date(2022, 6, 3), end_date=datetime.date(2022, 6, 5))
    make_event(title="Other kind", start_date=datetime.date(2022, 6, 3))
    make_event(title="Draft", kind="exercise", status="draft")
    mention = make_mention(event=month, evidence="In May, the\nexercise")

    rows = read_csv(client.get("/events.csv?kind=exercise&year=2022"))
    assert [r["title"] for r in rows] == ["'=cmd|' /C calc'!A0", "Range"]
    assert (rows[0]["start"], rows[0]["end"], rows[0]["precision"]) == ("2022-05", "", "month")
    assert (rows[1]["start"], rows[1]["end"]) == ("2022-06-03", "2022-06-05")
    assert rows[0]["evidence"] == "In May, the exercise"
    assert rows[0]["sources"] == f"http://testserver{mention.release.get_absolute_url()}"
    assert rows[0]["url"] == f"http://testserver{month.get_absolute_url()}"


def test_bad_filter_and_etag(client, make_event):
    make_event()
    assert client.get("/events.csv?year=zz").status_code == 400
    etag = client.get("/events.csv")["ETag"]
    assert client.get("/events.csv", HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_admin_action_exports_the_selection(client, make_event):
    chosen = make_event(title="Chosen draft", status="draft")
    make_event(title="Not chosen")
    editor = User.objects.create_superuser("editor", "e@example.org", "pw")
    client.force_login(editor)
    response = client.post(
        "/admin/events/event/", {"action": "export_csv", "_selected_action": [chosen.pk], "kind": "meeting"}
    )
    assert response.status_code == 200
    rows = read_csv(response)
    assert [(r["title"], r["status"]) for r in rows] == [("Chosen draft", "draft")]
