"""Create the local editor account that README's `make run` instructions name."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

USERNAME = "editor"
PASSWORD = "editor"


class Command(BaseCommand):
    help = "With DEBUG on only: create the superuser editor/editor for local use if no superuser exists."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            self.stdout.write(self.style.WARNING("DEBUG is off: no local account created. Use createsuperuser."))
            return
        users = get_user_model().objects
        if users.filter(is_superuser=True).exists():
            self.stdout.write("A superuser already exists; log in with it at /admin/.")
            return
        users.create_superuser(USERNAME, "", PASSWORD)
        self.stdout.write(
            self.style.SUCCESS(f"Local editor account created: log in at /admin/ as {USERNAME} / {PASSWORD}.")
        )
