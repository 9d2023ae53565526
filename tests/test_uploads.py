"""Request bodies are bounded before anything is written (issue 14, case 5).

Before: an anonymous 100 MB POST to /admin/login/ was written to /tmp in full, and admin uploads of
30 or 100 MB were "too large" only after being written to disk.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile, TemporaryUploadedFile
from django.test import Client
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse

from events.uploads import KEPT_BYTES
from tests.test_admin import editor, editor_client  # noqa: F401  (fixtures)

IMPORT = reverse("admin:events_release_import")
MB = 1_000_000


@pytest.fixture
def no_temporary_files(monkeypatch):
    """Fail the test if any request body is written to a temporary upload file."""
    written = []
    original = TemporaryUploadedFile.__init__

    def record(self, *args, **kwargs):
        written.append(args)
        original(self, *args, **kwargs)

    monkeypatch.setattr(TemporaryUploadedFile, "__init__", record)
    yield written
    assert written == []


def test_a_large_upload_is_reported_without_being_written(editor_client, no_temporary_files):  # noqa: F811
    big = SimpleUploadedFile("big.txt", b"x" * (12 * MB), content_type="text/plain")
    response = editor_client.post(IMPORT, {"files": [big]})
    (preview,) = response.context["previews"]
    assert preview.error == "too large (12.0 MB; at most 1.0 MB)"


def test_an_upload_at_the_limit_is_read_whole(editor_client, no_temporary_files):  # noqa: F811
    text = "Consultations held\n\nConsultations held 23.01.2020\nOn January 21, consultations were held.\n"
    padded = text.encode() + b" " * (KEPT_BYTES - 1 - len(text.encode()))
    response = editor_client.post(IMPORT, {"files": [SimpleUploadedFile("edge.txt", padded)]})
    (preview,) = response.context["previews"]
    assert preview.error is None or preview.error == ""
    assert preview.ok


def test_an_anonymous_multipart_post_is_never_written_to_disk(client, db, no_temporary_files):
    files = {"username": "x", "password": "y", "junk": SimpleUploadedFile("junk.bin", b"\0" * (12 * MB))}
    response = client.post("/admin/login/", files)
    assert response.status_code in (200, 403)  # a login page (or CSRF refusal), never a file in /tmp


def test_a_body_over_the_limit_is_refused_before_it_is_read(db, settings, no_temporary_files):
    settings.MAX_REQUEST_BODY_BYTES = 2 * MB
    body = encode_multipart(BOUNDARY, {"junk": SimpleUploadedFile("junk.bin", b"\0" * (3 * MB))})
    read = []

    class Tracking:
        def __init__(self, data):
            self.data = data

        def read(self, *args):
            read.append(args)
            return self.data

        readline = read

    client = Client()
    response = client.generic(
        "POST",
        "/admin/login/",
        data=b"",
        content_type=MULTIPART_CONTENT,
        CONTENT_LENGTH=str(len(body)),
        **{"wsgi.input": Tracking(body)},
    )
    assert response.status_code == 413
    assert response.content.decode() == "Request body too large (3.0 MB; at most 2.0 MB)."
    assert read == []


def test_a_body_at_the_limit_goes_through(client, db, settings):
    settings.MAX_REQUEST_BODY_BYTES = 2 * MB
    response = client.post("/admin/login/", {"username": "x", "password": "y" * (MB // 2)})
    assert response.status_code in (200, 403)


def test_a_malformed_content_length_is_a_400(db):
    response = Client().generic("POST", "/admin/login/", data=b"", CONTENT_LENGTH="12x")
    assert response.status_code == 400
