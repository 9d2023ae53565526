"""Degrade, don't fail (issue 14, cases 2 and 3).

Before: with Redis not listening every feed answered 500, `import_releases` exited 1 with nothing
saved and an admin save answered 500; Redis that never answers made feeds 500 after 5 s; a database
that accepts connections and never answers held every request 30-62 s, even /feeds/.

Each case runs Django in a child process against a real dead service on loopback: a closed port
(refused) or a listener that accepts and stays silent. tests/resilience/run does the same against
gunicorn behind nginx.
"""

import json
import os
import socket
import subprocess
import sys
import textwrap
import threading
import time
from contextlib import contextmanager

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.management import call_command
from django.db import OperationalError
from django.test import Client
from django.urls import reverse

from events.models import Event, Release
from tests.conftest import ROOT, SEEDS
from tests.test_admin import change_form_data
from timeline_project.settings import redis_cache


@contextmanager
def silent_listener():
    """A TCP port on 127.0.0.1 that accepts connections and never sends a byte."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(64)
    accepted, stop = [], threading.Event()

    def accept():
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                accepted.append(server.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield server.getsockname()[1]
    finally:
        stop.set()
        thread.join()
        for connection in accepted:
            connection.close()
        server.close()


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def run_django(script: str, timeout: int = 120, **env: str) -> dict:
    """Run `script` in a configured Django child process; it prints one JSON object last."""
    prelude = "import django, json, os, time\nos.environ['DJANGO_SETTINGS_MODULE'] = 'timeline_project.settings'\ndjango.setup()\n"
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "REDIS_", "DATABASE_"))}
    environment.update(env)
    result = subprocess.run(
        [sys.executable, "-c", prelude + textwrap.dedent(script)],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return {**json.loads(result.stdout.strip().splitlines()[-1]), "stderr": result.stderr}


@pytest.fixture(params=["refused", "silent"])
def redis_down(request, settings):
    """The production cache settings pointed at a Redis that refuses connections, or never answers."""
    settings.DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
    settings.DJANGO_REDIS_LOGGER = "timeline.cache"
    if request.param == "refused":
        settings.CACHES = redis_cache(f"redis://127.0.0.1:{closed_port()}/0", timeout=0.2)
        yield request.param
    else:
        with silent_listener() as port:
            settings.CACHES = redis_cache(f"redis://127.0.0.1:{port}/0", timeout=0.2)
            yield request.param


def test_pages_and_feeds_answer_with_redis_down(client, make_event, redis_down, caplog):
    make_event(kind="exercise", location="Minsk")
    founding = make_event(kind="decision", recurs_yearly=True)
    make_event(kind="anniversary", founding_event=founding)
    started = time.monotonic()
    for url in ("/", "/feeds/", "/calendar.ics", "/calendar.ics?kind=exercise", "/calendar/anniversaries.ics"):
        response = client.get(url)
        assert response.status_code == 200, url
        if response.streaming:
            assert b"".join(response.streaming_content).endswith(b"END:VCALENDAR\r\n")
    # Each cache call gives up after REDIS_TIMEOUT (0.2 s here): slower, never the old 5 s and a 500.
    assert time.monotonic() - started < 10
    assert "Exception ignored" in caplog.text  # logged, not silent
    assert {record.name for record in caplog.records} >= {"timeline.cache"}


def test_import_saves_everything_with_redis_refused(settings, db, capsys):
    settings.CACHES = redis_cache(f"redis://127.0.0.1:{closed_port()}/0", timeout=0.2)
    call_command("import_releases", str(SEEDS), "--publish")
    assert Release.objects.count() == 5
    assert Event.objects.published().exists()


def test_admin_save_and_actions_work_with_redis_refused(admin_client, make_event, settings):
    event = make_event(status="draft", title="Talks in Minsk")
    settings.CACHES = redis_cache(f"redis://127.0.0.1:{closed_port()}/0", timeout=0.2)
    url = reverse("admin:events_event_change", args=[event.pk])
    response = admin_client.post(url, change_form_data(admin_client, url, title="Talks in Minsk, renamed"))
    assert response.status_code == 302
    response = admin_client.post(
        reverse("admin:events_event_changelist"),
        {"action": "publish_events", ACTION_CHECKBOX_NAME: [event.pk], "index": 0},
        follow=True,
    )
    assert response.status_code == 200
    event.refresh_from_db()
    assert (event.title, event.status) == ("Talks in Minsk, renamed", "published")
    assert admin_client.get("/calendar.ics").status_code == 200


def test_a_silent_database_answers_503_fast_and_feeds_list_still_works():
    script = """
    from django.test import Client
    client = Client(raise_request_exception=False)
    timings = {}
    for url in ("/", "/calendar.ics", "/feeds/", "/events/1/"):
        started = time.monotonic()
        response = client.get(url)
        timings[url] = [response.status_code, round(time.monotonic() - started, 2), response.get("Retry-After"),
                        "Temporarily unavailable" in response.content.decode()]
    print(json.dumps(timings))
    """
    with silent_listener() as port:
        result = run_django(
            script,
            DATABASE_URL=f"postgres://nobody@127.0.0.1:{port}/timeline",
            DATABASE_CONNECT_TIMEOUT="2",
        )
    for url in ("/", "/calendar.ics", "/events/1/"):
        status, seconds, retry_after, says_so = result[url]
        assert (status, retry_after, says_so) == (503, "30", True), url
        assert seconds < 5, (url, seconds)
    assert result["/feeds/"][0] == 200
    assert result["/feeds/"][1] < 1


def test_database_error_in_a_view_is_a_503_page(client, db, monkeypatch):
    from events import views

    def fail(*args, **kwargs):
        raise OperationalError("connection to server at 127.0.0.1 failed: timeout expired")

    monkeypatch.setattr(views.Event.objects, "published", fail)
    response = client.get("/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "Temporarily unavailable" in response.content.decode()


def test_database_error_in_a_middleware_is_a_503_page(db, monkeypatch, settings):
    from django.contrib.sessions.backends.db import SessionStore

    def fail(self):
        raise OperationalError("the database is not answering")

    monkeypatch.setattr(SessionStore, "load", fail)
    client = Client(raise_request_exception=False)
    client.cookies["sessionid"] = "a" * 32
    response = client.get("/admin/")
    assert response.status_code == 503
    assert "Temporarily unavailable" in response.content.decode()


def test_postgres_gets_connect_and_statement_timeouts_from_the_environment():
    script = """
    from django.conf import settings
    print(json.dumps(settings.DATABASES["default"]["OPTIONS"]))
    """
    url = "postgres://u@db.example:5432/timeline"
    assert run_django(script, DATABASE_URL=url) == {
        "connect_timeout": 2,
        "options": "-c statement_timeout=20000",
        "stderr": "",
    }
    custom = run_django(script, DATABASE_URL=url, DATABASE_CONNECT_TIMEOUT="5", DATABASE_STATEMENT_TIMEOUT="0")
    assert (custom["connect_timeout"], "options" in custom) == (5, False)


def test_redis_cache_ignores_and_logs_errors_with_short_timeouts():
    script = """
    from django.conf import settings
    print(json.dumps({"cache": settings.CACHES["default"], "log": settings.DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS}))
    """
    result = run_django(script, REDIS_URL="redis://127.0.0.1:6390/2", REDIS_TIMEOUT="0.5")
    assert result["cache"]["BACKEND"] == "django_redis.cache.RedisCache"
    assert result["cache"]["OPTIONS"] == {
        "IGNORE_EXCEPTIONS": True,
        "SOCKET_CONNECT_TIMEOUT": 0.5,
        "SOCKET_TIMEOUT": 0.5,
    }
    assert result["log"] is True
