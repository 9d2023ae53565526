"""What the open-data views share: the timeline's filters read from a query string, and 400s for bad ones.

The filters are the timeline's own: `events.params` judges each value (the one place that says what
is valid) and `EventQuerySet.filtered` applies them, so the API, TimelineJS JSON and CSV hold
exactly what the timeline page shows for the same URL.
"""

from django.db.models import Exists, OuterRef
from django.http import JsonResponse

from events import params as parameters
from events.models import Event, Mention, Release, Status

# The filters a feed takes, less the feeds' own choice of precision: those of the timeline (whose
# `page` the API replaces by cursors). A filter added to `events.params` reaches every format.
FILTERS = tuple(name for name in parameters.FEED if name != "precision")


class InvalidFilters(ValueError):
    def __init__(self, errors: dict[str, list[str]]):
        super().__init__("; ".join(message for messages in errors.values() for message in messages))
        self.errors = errors


def read_filters(query) -> dict[str, str]:
    """The canonical filters of a query string; raises InvalidFilters naming every bad parameter."""
    values, errors = {}, {}
    for name in FILTERS:
        try:
            values.update(parameters.read(query, (name,)))
        except parameters.InvalidParameter as error:
            errors[name] = [str(error)]
    if errors:
        raise InvalidFilters(errors)
    return values


def published_matching(filters: dict[str, str]):
    """Published events matching canonical filters (from `read_filters`)."""
    return Event.objects.published().filtered(**parameters.queryset_filters(filters))


def bad_filters(error: InvalidFilters) -> JsonResponse:
    return JsonResponse({"detail": str(error), "errors": error.errors}, status=400)


def public_releases():
    """Releases stating at least one published event: before that, a release's text would disclose drafts
    (the rule of the release page)."""
    stated = Mention.objects.filter(release=OuterRef("pk"), event__status=Status.PUBLISHED)
    return Release.objects.filter(Exists(stated))
