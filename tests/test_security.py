"""Abuse limits and who sees what (issue 14, cases 6 and 7).

Before: 60 wrong passwords in 28 s were all answered and the right one then worked; any staff user
without permissions could read a draft at /events/<id>/; a release whose only event was a draft
was public; no Content-Security-Policy or Permissions-Policy; HSTS preload was on by default.
"""

import json
import os
import subprocess
import sys

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.core.management import call_command
from django.test import Client

from tests.conftest import ROOT

LOGIN = "/admin/login/?next=/admin/"


@pytest.fixture
def staff_without_permissions(db):
    return User.objects.create_user("staff", password="pw", is_staff=True)


@pytest.fixture
def editor(db):
    user = User.objects.create_user("ed", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


# Drafts are for editors ---------------------------------------------------------------------------


def test_a_draft_page_needs_the_view_event_permission(client, make_event, staff_without_permissions, editor):
    draft = make_event(status="draft", title="Secret draft")
    assert client.get(draft.get_absolute_url()).status_code == 404
    client.force_login(staff_without_permissions)
    assert client.get(draft.get_absolute_url()).status_code == 404
    staff_without_permissions.user_permissions.add(Permission.objects.get(codename="view_event"))
    staff_without_permissions = User.objects.get(pk=staff_without_permissions.pk)  # permissions are cached
    client.force_login(staff_without_permissions)
    assert client.get(draft.get_absolute_url()).status_code == 200
    client.force_login(editor)
    assert "Secret draft" in client.get(draft.get_absolute_url()).content.decode()


def test_a_release_is_public_only_once_one_of_its_events_is(
    client, make_release, make_event, make_mention, staff_without_permissions, editor
):
    release = make_release(original_text="Secret plans\n\nSecret plans 16.01.2020\nA draft-only text.")
    draft = make_event(status="draft")
    make_mention(release=release, event=draft)
    assert client.get(release.get_absolute_url()).status_code == 404
    client.force_login(staff_without_permissions)
    assert client.get(release.get_absolute_url()).status_code == 404
    client.force_login(editor)
    assert client.get(release.get_absolute_url()).status_code == 200

    draft.status = "published"
    draft.save()
    anonymous = Client()
    response = anonymous.get(release.get_absolute_url())
    assert response.status_code == 200
    assert "A draft-only text." in response.content.decode()


# Headers -----------------------------------------------------------------------------------------


def test_pages_send_csp_and_permissions_policy(client, make_event):
    event = make_event()
    for url in ("/", event.get_absolute_url(), "/feeds/", "/admin/login/", "/calendar.ics"):
        response = client.get(url)
        policy = response["Content-Security-Policy"]
        assert "default-src 'self'" in policy and "script-src 'self'" in policy, url
        assert "frame-ancestors 'none'" in policy
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
        assert "camera=()" in response["Permissions-Policy"]


def test_only_the_embed_page_may_be_framed(client, db):
    response = client.get("/embed/")
    assert "frame-ancestors" not in response["Content-Security-Policy"]
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "X-Frame-Options" not in response
    assert client.get("/")["X-Frame-Options"] == "DENY"


def production_setting(expression: str, **env: str):
    code = (
        "import django, json, os; os.environ['DJANGO_SETTINGS_MODULE'] = 'timeline_project.settings'; "
        f"django.setup(); from django.conf import settings; print(json.dumps({expression}))"
    )
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    environment.update(DJANGO_DEBUG="0", DJANGO_SECRET_KEY="x" * 60, DJANGO_ALLOWED_HOSTS="timeline.example.org")
    environment.update(env)
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_hsts_preload_is_opt_in():
    assert production_setting("[settings.SECURE_HSTS_PRELOAD, settings.SECURE_HSTS_SECONDS]") == [False, 31536000]
    assert production_setting("settings.SECURE_HSTS_PRELOAD", DJANGO_HSTS_PRELOAD="1") is True


def test_production_cookies_are_secure_unless_a_plain_http_trial_says_otherwise():
    assert production_setting("[settings.SESSION_COOKIE_SECURE, settings.SECURE_SSL_REDIRECT]") == [True, True]
    trial = production_setting(
        "[settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE, settings.SECURE_SSL_REDIRECT]",
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_SECURE_COOKIES="0",
    )
    assert trial == [False, False, False]


# Login throttling ---------------------------------------------------------------------------------


def attempt(client, password, **headers):
    return client.post(LOGIN, {"username": "admin", "password": password}, headers=headers)


@pytest.fixture
def admin_user(db):
    return User.objects.create_superuser("admin", "admin@example.org", "right-password-123")


def test_five_wrong_passwords_lock_the_account_from_that_address(client, admin_user):
    for _ in range(4):
        assert attempt(client, "wrong").status_code == 200  # the form again, with its error
    locked = attempt(client, "wrong")
    assert locked.status_code == 429
    assert "Too many failed logins" in locked.content.decode()
    # Now even the right password is refused, without being checked.
    right = attempt(client, "right-password-123")
    assert right.status_code == 429
    assert "_auth_user_id" not in client.session


def test_an_administrator_lifts_the_lockout(client, admin_user):
    for _ in range(5):
        attempt(client, "wrong")
    assert attempt(client, "right-password-123").status_code == 429
    call_command("axes_reset_username", "admin", verbosity=0)
    response = attempt(client, "right-password-123")
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(admin_user.pk)


def test_a_success_resets_the_count(client, admin_user):
    for _ in range(4):
        attempt(client, "wrong")
    assert attempt(client, "right-password-123").status_code == 302
    client.logout()
    for _ in range(4):
        assert attempt(client, "wrong").status_code == 200


def test_the_address_is_the_one_nginx_saw(client, admin_user):
    # From the proxy (127.0.0.1 in tests), the last X-Forwarded-For entry is the client.
    for _ in range(5):
        attempt(client, "wrong", x_forwarded_for="203.0.113.7")
    assert attempt(client, "right-password-123", x_forwarded_for="203.0.113.7").status_code == 429
    # Another client behind the same proxy is not locked out by the first one's failures,
    assert attempt(client, "right-password-123", x_forwarded_for="203.0.113.7, 198.51.100.2").status_code == 302


def test_a_forged_forwarded_address_from_elsewhere_is_ignored(admin_user):
    stranger = Client(REMOTE_ADDR="192.0.2.50")
    for n in range(5):
        attempt(stranger, "wrong", x_forwarded_for=f"10.0.0.{n}")  # a new "address" each time
    assert attempt(stranger, "right-password-123", x_forwarded_for="10.0.0.99").status_code == 429
