"""manage.py create_local_editor: a staff editor (not a superuser) with a random password, once."""

import re
from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = StringIO()
    call_command("create_local_editor", *args, stdout=out)
    return out.getvalue()


def printed_password(output: str) -> str:
    return re.search(r"as editor / (\S+)", output)[1]


def test_creates_a_staff_editor_in_the_editors_group_with_a_printed_random_password(settings):
    settings.DEBUG = True
    password = printed_password(run())
    user = User.objects.get(username="editor")
    assert user.is_staff and not user.is_superuser
    assert list(user.groups.values_list("name", flat=True)) == ["Editors"]
    assert password != "editor" and len(password) >= 12 and user.check_password(password)
    assert not user.has_perm("events.delete_event") and not user.has_perm("auth.view_user")


def test_running_again_keeps_the_account_and_can_reset_its_password(settings):
    settings.DEBUG = True
    first = printed_password(run())
    assert "exists" in run()
    assert User.objects.get(username="editor").check_password(first)
    second = printed_password(run("--reset-password"))
    user = User.objects.get(username="editor")
    assert second != first and user.check_password(second) and not user.check_password(first)


def test_an_old_superuser_editor_loses_superuser_on_reset(settings):
    settings.DEBUG = True
    User.objects.create_superuser("editor", "", "editor")
    printed_password(run("--reset-password"))
    user = User.objects.get(username="editor")
    assert user.is_staff and not user.is_superuser and not user.check_password("editor")


def test_does_nothing_without_debug(settings):
    settings.DEBUG = False
    assert "DEBUG is off" in run()
    assert not User.objects.exists()
