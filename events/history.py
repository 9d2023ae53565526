"""Who changed an event, for its history: an editor, or an import of a named file.

Imports run outside any request, so django-simple-history would record no user. While an import
runs, `acting(...)` names the actor and the reason; every history row written meanwhile that
names neither takes them (an editor's own reason, such as "merged into event 4", is kept).
"""

import contextlib
import contextvars
from dataclasses import dataclass

from django.contrib.auth import get_user_model

# The system account imports from the command line are recorded under (inactive, no password).
IMPORTER_USERNAME = "importer"


@dataclass(frozen=True)
class Actor:
    user_id: int | None
    reason: str


current: contextvars.ContextVar[Actor | None] = contextvars.ContextVar("history_actor", default=None)


def importer_user():
    """The system user imports are recorded under, created on first use."""
    user, created = get_user_model().objects.get_or_create(
        username=IMPORTER_USERNAME, defaults={"is_active": False, "first_name": "Importer (system)"}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


@contextlib.contextmanager
def acting(user, reason: str):
    """History rows written inside this block name `user` (or the importer) and `reason`."""
    user = user or importer_user()
    token = current.set(Actor(user.pk, reason[:100]))
    try:
        yield
    finally:
        current.reset(token)


def fill_actor(sender, history_instance, **kwargs):
    """pre_create_historical_record: give an import's history rows their actor and reason."""
    actor = current.get()
    if actor is None:
        return
    if history_instance.history_user_id is None:
        history_instance.history_user_id = actor.user_id
    if not history_instance.history_change_reason:
        history_instance.history_change_reason = actor.reason
