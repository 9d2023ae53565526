"""Create the local editor account that README's `make run` instructions name."""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

USERNAME = "editor"
EDITORS_GROUP = "Editors"  # made by migration events/0003_editors_group


class Command(BaseCommand):
    help = (
        "With DEBUG on only: create the local account 'editor' (staff, in the Editors group, not a "
        "superuser) with a random password, printed once. Run again: says the account exists; "
        "--reset-password gives it a new password."
    )

    def add_arguments(self, parser):
        parser.add_argument("--reset-password", action="store_true", help="Give the existing account a new password.")

    def handle(self, *args, reset_password: bool, **options):
        if not settings.DEBUG:
            self.stdout.write(self.style.WARNING("DEBUG is off: no local account created. Use createsuperuser."))
            return
        user = get_user_model().objects.filter(username=USERNAME).first()
        if user is not None and not reset_password:
            self.stdout.write(
                f"The local account '{USERNAME}' exists; log in at /admin/ with its password "
                "(forgotten? manage.py create_local_editor --reset-password)."
            )
            return
        password = secrets.token_urlsafe(12)
        if user is None:
            user = get_user_model().objects.create_user(USERNAME, password=password, is_staff=True)
        else:
            user.set_password(password)
            user.is_staff = True
            user.is_superuser = False  # an account made by earlier versions was a superuser
            user.save()
        user.groups.add(Group.objects.get(name=EDITORS_GROUP))
        self.stdout.write(
            self.style.SUCCESS(f"Local editor account ready: log in at /admin/ as {USERNAME} / {password}")
        )
