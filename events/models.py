"""Release, Event and Mention: what was published, what happened, and where it is said."""

import datetime
import functools
import uuid
import zoneinfo

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import connection, models, transaction
from django.db.models import ExpressionWrapper, F, Q, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, Least
from django.dispatch import Signal
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from events import indexing, search


class Precision(models.TextChoices):
    DAY = "day", "Day"
    MONTH = "month", "Month"
    YEAR = "year", "Year"


class Kind(models.TextChoices):
    MEETING = "meeting", "Meeting"
    CONSULTATION = "consultation", "Consultation"
    EXERCISE = "exercise", "Exercise"
    ANNIVERSARY = "anniversary", "Anniversary"
    VISIT = "visit", "Visit"
    BRIEFING = "briefing", "Briefing"
    DECISION = "decision", "Decision"
    CONFERENCE = "conference", "Conference"
    OTHER = "other", "Other"


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"
    CANCELLED = "cancelled", "Cancelled"


# Fields whose change a subscribed calendar must notice (SEQUENCE, LAST-MODIFIED).
CALENDAR_FIELDS = (
    "title",
    "kind",
    "start_date",
    "end_date",
    "precision",
    "start_time",
    "time_zone",
    "location",
    "description",
    "status",
)
# Fields an editor can take over; an import never overwrites one an editor changed.
EDITABLE_FIELDS = ("title", "kind", "start_date", "end_date", "precision", "start_time", "location")
# Fields the model fills itself; a write of these alone is no change an editor's form could revert.
DERIVED_FIELDS = frozenset({"ical_component", "modified_at", "sequence", "version", "published_once"})
# Fields the place and the search document are read from (`events.indexing`).
INDEXED_FIELDS = frozenset({"title", "location", "description"})
# Fields a draft's confidence, or a neighbouring draft's, is read from (`events.review`).
ASSESSED_FIELDS = frozenset(
    {"title", "kind", "start_date", "end_date", "precision", "location", "status", "merged_into", "editor_fields"}
)
# Fields no reader sees: writing them alone is no public change (`events.freshness`).
UNSHOWN_FIELDS = frozenset({"ical_component", "confidence", "editor_fields"})

# Sent after a bulk write (QuerySet.update or delete) to events: feeds renew their validators.
events_changed = Signal()


def review_dates(events) -> set[tuple]:
    """(precision, start, end) of these events, read before a write moves or removes them."""
    return set(events.order_by().values_list("precision", "start_date", "end_date").distinct())


def review_changed(event_ids, before=(), releases=()) -> None:
    """Events were written: their drafts' confidence, and their neighbours', follow (`events.review`)."""
    from events import review

    review.refresh_around(event_ids, before, releases)


def note_public_change() -> None:
    """What readers can see is changing in this transaction: the open-data validators follow
    (`events.freshness.public_change`). Drafts' changes never call it, so they do not show."""
    from events import freshness

    freshness.public_change()


@functools.cache
def time_zone_names() -> list[str]:
    return sorted(zoneinfo.available_timezones())


def validate_time_zone(value: str) -> None:
    if value not in time_zone_names():
        raise ValidationError(
            "“%(value)s” is not a time zone name: choose one from the list, e.g. Europe/Moscow.",
            code="invalid_time_zone",
            params={"value": value},
        )


def first_day(value: datetime.date | None, precision: str) -> datetime.date | None:
    """The first day of the month or year a reduced-precision date stands for."""
    if value is None or precision == Precision.DAY:
        return value
    return value.replace(day=1) if precision == Precision.MONTH else value.replace(month=1, day=1)


class Year(models.Func):
    """The year of a date as an integer. Django's ExtractYear calls a Python function per row on SQLite,
    where dates are stored as 'YYYY-MM-DD' text; substr is native and keeps the per-year overview fast."""

    output_field = models.IntegerField()
    template = "CAST(EXTRACT(YEAR FROM %(expressions)s) AS integer)"

    def as_sqlite(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection, template="CAST(substr(%(expressions)s, 1, 4) AS integer)")


class ReleaseQuerySet(models.QuerySet):
    def with_event_counts(self):
        return self.annotate(event_count=models.Count("mentions__event", distinct=True))

    def delete(self):
        """Delete releases and their mentions; an event no other release states goes too.

        Such an event is withdrawn when subscribers may have it (`EventQuerySet.delete`), else deleted.
        """
        with transaction.atomic():
            stated = list(Mention.objects.filter(release__in=self).values_list("event_id", flat=True).distinct())
            deleted = super().delete()
            Event.objects.filter(pk__in=stated, mentions__isnull=True).delete()
        return deleted


class Release(models.Model):
    source_name = models.CharField(
        max_length=255, unique=True, help_text="File name or URL the release was imported from."
    )
    original_text = models.TextField(
        help_text="The release exactly as imported; every evidence offset points into this text."
    )
    content_hash = models.CharField(
        max_length=64, unique=True, help_text="SHA-256 of the original text: the release's identity."
    )
    title = models.CharField(max_length=500, help_text="Headline read from the release.")
    published_on = models.DateField(null=True, blank=True, help_text="Publication date read from the dateline.")
    published_time = models.TimeField(null=True, blank=True, help_text="Publication time, when the dateline gives one.")
    published_inferred = models.BooleanField(
        default=False, help_text="The release shows no date; the publication date was inferred from its text."
    )
    body = models.TextField(blank=True, help_text="The release text without headline, dateline and site boilerplate.")
    language = models.CharField(max_length=16, default="en", help_text="Language of the release text.")
    source_url = models.URLField(
        max_length=500,
        blank=True,
        validators=[URLValidator(schemes=["http", "https"])],
        help_text="Address of the original publication (http or https), shown to readers as “Read the original”.",
    )
    imported_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ReleaseQuerySet.as_manager()

    class Meta:
        ordering = ["-published_on", "source_name"]
        indexes = [models.Index(fields=["published_on"], name="release_published_idx")]

    def __str__(self) -> str:
        return self.title or self.source_name

    def get_absolute_url(self) -> str:
        return reverse("events:release-detail", args=[self.pk])

    def delete(self, *args, **kwargs):
        return type(self).objects.filter(pk=self.pk).delete()


class EventQuerySet(models.QuerySet):
    def update(self, **values):
        """Bulk writes reach subscribers like saves do: a calendar field bumps SEQUENCE and
        LAST-MODIFIED and rebuilds the stored VEVENT; editors' open forms see a new version."""
        calendar = values.keys() & set(CALENDAR_FIELDS)
        if values.keys() - DERIVED_FIELDS:
            values.setdefault("version", F("version") + 1)
        if values.get("status") == Status.PUBLISHED:
            values.setdefault("published_once", True)
        if calendar:
            values.setdefault("sequence", F("sequence") + 1)
            values.setdefault("modified_at", timezone.now())
        indexed = bool(values.keys() & INDEXED_FIELDS)
        assessed = bool(values.keys() & ASSESSED_FIELDS)
        with transaction.atomic(savepoint=False):
            changed = list(self.values_list("pk", flat=True)) if calendar or indexed or assessed else []
            before = review_dates(self) if assessed else set()
            if values.keys() - UNSHOWN_FIELDS and (
                values.get("status", Status.DRAFT) != Status.DRAFT or self.exclude(status=Status.DRAFT).exists()
            ):
                note_public_change()
            count = super().update(**values)
            if changed and calendar:
                self.model.objects.filter(pk__in=changed).rebuild_components()
            if changed and indexed:
                indexing.refresh(changed)
            if changed and assessed:
                review_changed(changed, before)
        events_changed.send(sender=self.model)
        return count

    update.alters_data = True

    def rebuild_components(self) -> int:
        """Serialise these events' VEVENTs again; returns how many changed."""
        from events.ical import serialize_event

        batch = []
        for event in self.order_by("pk").iterator(chunk_size=1000):
            component = serialize_event(event)
            if component != event.ical_component:
                event.ical_component = component
                batch.append(event)
        self.model.objects.bulk_update(batch, ["ical_component"], batch_size=1000)
        return len(batch)

    def delete(self):
        """Events subscribers may have seen are withdrawn, never dropped: they stay in the feeds as
        cancelled for the retention period, so calendars remove them. Drafts never published are deleted."""
        with transaction.atomic():
            for event in self.filter(published_once=True):
                event.withdraw("withdrawn instead of deleted: subscribers may have it")
            never_published = self.filter(published_once=False)
            if never_published.exclude(status=Status.DRAFT).exists():  # withdrawn before publication
                note_public_change()
            # The drafts around the deleted ones lose a likely duplicate or a shared sentence.
            before = review_dates(never_published)
            releases = set(Mention.objects.filter(event__in=never_published).values_list("release_id", flat=True))
            deleted = models.QuerySet.delete(never_published)
            if before:
                review_changed([], before, releases)
        events_changed.send(sender=self.model)
        return deleted

    delete.alters_data = True
    delete.queryset_only = True

    def published(self):
        return self.filter(status=Status.PUBLISHED)

    def drafts(self):
        return self.filter(status=Status.DRAFT)

    def in_feed(self, today: datetime.date | None = None, cancelled_days: int = 90):
        """Published events, plus events withdrawn recently enough that clients still hold them."""
        today = today or timezone.localdate()
        since = timezone.make_aware(datetime.datetime.combine(today, datetime.time.min)) - datetime.timedelta(
            days=cancelled_days
        )
        return self.filter(
            Q(status=Status.PUBLISHED) | Q(status=Status.CANCELLED, published_once=True, modified_at__gte=since)
        )

    def of_kind(self, kind: str):
        return self.filter(kind=kind)

    def in_year(self, year: int):
        return self.filter(start_date__year=year)

    def in_month(self, year: int, month: int):
        return self.filter(start_date__year=year, start_date__month=month)

    def between(self, first: datetime.date, last: datetime.date):
        """Events that overlap the inclusive range [first, last]."""
        return self.filter(start_date__lte=last).filter(
            Q(end_date__gte=first) | Q(end_date__isnull=True, start_date__gte=first)
        )

    def with_precision(self, *precisions: str):
        return self.filter(precision__in=precisions)

    def exact_days(self):
        return self.filter(precision=Precision.DAY)

    def at_location(self, text: str):
        return self.filter(location__icontains=text)

    def at_place(self, place: str):
        """Events filed under a gazetteer city (`Minsk`) or country (`Belarus`)."""
        return self.filter(Q(place=place) | Q(country=place))

    def matching(self, text: str):
        """Full-text search: words in any order, in the title, place, the sentences that date the event
        or its releases (`events.search`)."""
        return search.matching(self, text)

    def ranked(self, text: str):
        """Annotated with `relevance` to the search text (higher is better)."""
        return search.ranked(self, text)

    def foundings(self):
        """Events that anniversaries commemorate: they recur yearly in the anniversaries feed."""
        return self.filter(Q(recurs_yearly=True) | Q(anniversaries__isnull=False)).distinct()

    def chronological(self):
        return self.order_by("start_date", "start_time", "pk")

    def newest_first(self):
        return self.order_by("-start_date", "-start_time", "-pk")

    def upcoming(self, today: datetime.date | None = None):
        """Events not yet over: an exact day from today on, a month or year from its first day on
        while it lasts. Soonest first with `chronological()`."""
        today = today or timezone.localdate()
        since = {
            Precision.DAY: today,
            Precision.MONTH: today.replace(day=1),
            Precision.YEAR: today.replace(month=1, day=1),
        }
        lasting = Q()
        for precision, first in since.items():
            lasting |= Q(precision=precision) & (Q(start_date__gte=first) | Q(end_date__gte=first))
        # An index-served lower bound on the start: no event can still be running that started before
        # this year began and ended (or has no end) before it began, so the bound is the earliest start
        # of the ranges that end this year or later, found by the end_date index (one uncorrelated
        # subquery the database runs once). A range of any length that is still running is listed.
        year_began = since[Precision.YEAR]
        # The inner query's OFFSET 0 (PostgreSQL) or LIMIT -1 (SQLite) keeps the database from
        # answering MIN() by walking the start_date index (it would read every event since the first
        # one looking for a long range): the (end_date, start_date) index reads only the ranges that
        # end this year or later.
        fence = " OFFSET 0" if connection.vendor == "postgresql" else " LIMIT -1"
        running = RawSQL(
            f"SELECT MIN(start_date) FROM (SELECT start_date FROM events_event WHERE end_date >= %s{fence}) AS running",
            [year_began],
        )
        began = Value(year_began, output_field=models.DateField())
        earliest = Least(began, Coalesce(ExpressionWrapper(running, output_field=models.DateField()), began))
        return self.filter(start_date__gte=earliest).filter(lasting)

    # Reader pages (timeline, event page).
    def public(self):
        """What a reader may open: published events and withdrawn (cancelled) ones, never drafts."""
        return self.filter(status__in=[Status.PUBLISHED, Status.CANCELLED])

    def filtered(self, kind: str = "", year: int | None = None, location: str = "", text: str = "", place: str = ""):
        """The timeline's combinable filters (pages, feeds, API); empty values filter nothing."""
        qs = self
        if kind:
            qs = qs.of_kind(kind)
        if year:
            qs = qs.in_year(year)
        if location:
            qs = qs.at_location(location)
        if place:
            qs = qs.at_place(place)
        if text:
            qs = qs.matching(text)
        return qs

    def count_by_group(self):
        """[(year, kind, country, city, n)]: these events counted per combination, in one pass; the
        overview's three lists come from it (`events.tally.overview`)."""
        return (
            self.order_by().values_list(Year("start_date"), "kind", "country", "place").annotate(n=models.Count("pk"))
        )

    def same_day_as(self, event: "Event"):
        """Other exact-day events overlapping this event's days (only meaningful for day precision)."""
        if event.precision != Precision.DAY:
            return self.none()
        return self.exact_days().between(event.start_date, event.end_date or event.start_date).exclude(pk=event.pk)

    def near(self, event: "Event", days: int = 90):
        """Events of the same kind within `days` of this one."""
        delta = datetime.timedelta(days=days)
        return (
            self.of_kind(event.kind)
            .filter(start_date__range=(event.start_date - delta, event.start_date + delta))
            .exclude(pk=event.pk)
        )


END_BEFORE_START = "The end date is before the start date."


class Event(models.Model):
    uid = models.CharField(max_length=255, unique=True, editable=False, help_text="Stable iCalendar UID; never reused.")
    title = models.CharField(max_length=300, help_text="Short title: who did what.")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OTHER, help_text="What sort of event.")
    start_date = models.DateField(
        help_text="First day. For month or year precision, the first day of that month or year."
    )
    end_date = models.DateField(
        null=True, blank=True, help_text="Last day (inclusive) of a range; empty for a single date."
    )
    precision = models.CharField(
        max_length=5,
        choices=Precision.choices,
        default=Precision.DAY,
        help_text="How much of the date the text gives: an exact day, only a month, or only a year.",
    )
    start_time = models.TimeField(null=True, blank=True, help_text="Start time, when the text states one.")
    time_zone = models.CharField(
        max_length=64,
        default=settings.EVENTS_DEFAULT_TIME_ZONE,
        validators=[validate_time_zone],
        help_text="IANA time zone of the start time.",
    )
    location = models.CharField(max_length=200, blank=True, help_text="City, country or venue.")
    place = models.CharField(
        max_length=100,
        blank=True,
        editable=False,
        help_text="The city from the gazetteer, read from the location (or the dating sentence); derived.",
    )
    country = models.CharField(
        max_length=100, blank=True, editable=False, help_text="The country from the gazetteer; derived."
    )
    description = models.TextField(blank=True, help_text="Optional longer description for calendars.")
    status = models.CharField(
        max_length=10,
        choices=Status.choices,
        default=Status.DRAFT,
        help_text="Drafts are visible to editors only; cancelled events tell calendars to remove them.",
    )
    published_once = models.BooleanField(
        default=False, editable=False, help_text="Whether subscribers may have seen this event."
    )
    recurs_yearly = models.BooleanField(
        default=False, help_text="A founding date marked every year in the anniversaries feed."
    )
    founding_event = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="anniversaries",
        help_text="For an anniversary: the event it commemorates.",
    )
    merged_into = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="merged_events",
        help_text="Set when this event was merged into another as a duplicate.",
    )
    editor_fields = models.JSONField(
        default=list, blank=True, help_text="Fields an editor changed; imports leave them alone."
    )
    sequence = models.PositiveIntegerField(default=0, editable=False, help_text="iCalendar SEQUENCE.")
    version = models.PositiveIntegerField(
        default=0, editable=False, help_text="Counts every saved change; a form opened on an older version is refused."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    modified_at = models.DateTimeField(
        default=timezone.now, editable=False, help_text="Last change a calendar should notice."
    )
    ical_component = models.TextField(
        blank=True, editable=False, help_text="This event serialised as a VEVENT, refreshed on save."
    )
    confidence = models.FloatField(
        default=1.0,
        editable=False,
        help_text="A draft's confidence (0–1) from its doubts (events.review); kept by the write path, for sorting.",
    )
    # PostgreSQL only (GIN-indexed); SQLite keeps the same document in its FTS5 table `event_search`.
    search_vector = SearchVectorField(null=True, editable=False)

    objects = EventQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["ical_component", "search_vector", "place", "country", "confidence"])

    class Meta:
        ordering = ["start_date", "start_time", "pk"]
        indexes = [
            # The timeline's total order (date, then id) read from the index alone, in either direction.
            models.Index(fields=["status", "start_date", "id"], name="event_status_start_id_idx"),
            models.Index(fields=["kind", "status", "start_date", "id"], name="event_kind_status_start_id_idx"),
            models.Index(fields=["start_date"], name="event_start_idx"),
            # Ranges still running, for the upcoming view's lower bound (`EventQuerySet.upcoming`).
            models.Index(fields=["end_date", "start_date"], name="event_end_start_idx"),
            models.Index(fields=["status", "modified_at"], name="event_status_modified_idx"),
            models.Index(fields=["country", "place", "status", "start_date"], name="event_place_status_start_idx"),
            models.Index(fields=["place", "status", "start_date"], name="event_city_status_start_idx"),
            models.Index(fields=["status", "confidence"], name="event_status_confidence_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
                name="event_end_not_before_start",
                violation_error_message=END_BEFORE_START,
            ),
            models.CheckConstraint(
                condition=Q(precision__in=Precision.values),
                name="event_precision_valid",
                violation_error_message="The precision must be day, month or year.",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=Kind.values),
                name="event_kind_valid",
                violation_error_message="The kind must be one of the listed kinds.",
            ),
            models.CheckConstraint(
                condition=Q(status__in=Status.values),
                name="event_status_valid",
                violation_error_message="The status must be draft, published or cancelled.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.date_label}: {self.title}"

    def save(self, *args, **kwargs):
        """Fill the derived fields: identity, dates at their precision, SEQUENCE and LAST-MODIFIED
        when a calendar field changed (compared with the stored row, whoever saves), version, VEVENT."""
        from events.ical import serialize_event

        if not self.uid:
            self.uid = f"{uuid.uuid4()}@csto-timeline"
        self.start_date = first_day(self.start_date, self.precision)
        self.end_date = first_day(self.end_date, self.precision)
        if self.status == Status.PUBLISHED:
            self.published_once = True
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, *DERIVED_FIELDS}
        creating = self._state.adding
        with transaction.atomic(savepoint=False):
            stored = None
            if not creating:
                stored = self.follow_stored_row(CALENDAR_FIELDS if update_fields is None else set(update_fields))
            if self.status != Status.DRAFT or (stored and stored["status"] != Status.DRAFT):
                note_public_change()  # readers see (or saw) this event; a draft's changes stay unseen
            self.ical_component = serialize_event(self)
            super().save(*args, **kwargs)
            if creating:
                # Only now is there a page to link to from the calendar entry.
                self.ical_component = serialize_event(self)
                type(self).objects.filter(pk=self.pk).update(ical_component=self.ical_component)
            if update_fields is None or INDEXED_FIELDS & set(update_fields):
                place = indexing.refresh([self.pk])[self.pk]
                self.place, self.country = place.city, place.country
            if update_fields is None or ASSESSED_FIELDS & set(update_fields):
                before = {(stored["precision"], stored["start_date"], stored["end_date"])} if stored else set()
                review_changed([self.pk], before)

    def get_absolute_url(self) -> str:
        return reverse("events:event-detail", args=[self.pk])

    def clean(self):
        self.start_date = first_day(self.start_date, self.precision)
        self.end_date = first_day(self.end_date, self.precision)
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": END_BEFORE_START})

    def follow_stored_row(self, fields) -> dict | None:
        """Lock the stored row and count this save after it: the next version, and a SEQUENCE
        above the stored one when a calendar field differs (a caller's own touch() is not doubled).
        Returns the stored calendar fields (None when there is no stored row)."""
        stored = (
            type(self)
            .objects.select_for_update()
            .filter(pk=self.pk)
            .values("version", "sequence", "modified_at", "published_once", *CALENDAR_FIELDS)
            .first()
        )
        if stored is None:
            return None
        self.version = stored["version"] + 1
        self.published_once = self.published_once or stored["published_once"]
        partial = set(CALENDAR_FIELDS) - set(fields)
        for name in partial:  # fields this save does not write: the VEVENT is built from the stored ones
            setattr(self, name, stored[name])
        # An instance read before another writer's change never takes SEQUENCE back.
        if any(stored[name] != getattr(self, name) for name in CALENDAR_FIELDS if name in fields):
            self.sequence = max(self.sequence, stored["sequence"] + 1)
            if self.modified_at <= stored["modified_at"]:
                self.modified_at = timezone.now()
        else:
            self.sequence = max(self.sequence, stored["sequence"])
            if partial:
                self.modified_at = max(self.modified_at, stored["modified_at"])
        return stored

    def delete(self, *args, **kwargs):
        """Withdraw (cancel) an event subscribers may have seen; delete a never-published draft."""
        return type(self).objects.filter(pk=self.pk).delete()

    def withdraw(self, reason: str = "withdrawn") -> None:
        """Cancel: the feeds keep it as STATUS:CANCELLED for the retention period, so calendars remove it."""
        if self.status != Status.CANCELLED:
            self.status = Status.CANCELLED
            self._change_reason = reason
            self.save()

    @property
    def date_label(self) -> str:
        from events.dates import format_span

        return format_span(self.start_date, self.end_date, self.precision)

    @property
    def is_exact(self) -> bool:
        return self.precision == Precision.DAY

    def touch(self) -> None:
        """Record a change subscribers must see: bump SEQUENCE and LAST-MODIFIED (caller saves)."""
        self.sequence += 1
        self.modified_at = timezone.now()


class EventTally(models.Model):
    """How many published events share a year, kind, country and city: the overview's counts,
    kept by database triggers on the events table (`events.tally`). Never written by the code."""

    year = models.IntegerField()
    kind = models.CharField(max_length=20)
    country = models.CharField(max_length=100, blank=True)
    place = models.CharField(max_length=100, blank=True)
    n = models.IntegerField(help_text="Published events with these values.")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["year", "kind", "country", "place"], name="eventtally_key"),
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.kind} {self.place or self.country or '-'}: {self.n}"


class SearchWord(models.Model):
    """A word of an event's title or place: the vocabulary "did you mean" suggestions come from."""

    word = models.CharField(max_length=100, unique=True)
    length = models.PositiveSmallIntegerField(
        help_text="Length of the word, to compare only words of a similar length."
    )

    def __str__(self) -> str:
        return self.word


class MentionQuerySet(models.QuerySet):
    def in_text_order(self):
        return self.order_by("release_id", "evidence_start")


class Mention(models.Model):
    release = models.ForeignKey(Release, on_delete=models.CASCADE, related_name="mentions")
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="mentions")
    evidence = models.TextField(help_text="The words of the release that date the event, verbatim.")
    evidence_start = models.PositiveIntegerField(help_text="Offset of the evidence in the release's original text.")
    evidence_end = models.PositiveIntegerField(help_text="End offset (exclusive) of the evidence.")
    date_text = models.CharField(max_length=300, blank=True, help_text="The date expression as written.")
    date_start = models.PositiveIntegerField(null=True, blank=True, help_text="Offset of the date expression.")
    date_end = models.PositiveIntegerField(null=True, blank=True, help_text="End offset of the date expression.")
    extracted = models.JSONField(default=dict, blank=True, help_text="The values the extractor read.")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = MentionQuerySet.as_manager()

    class Meta:
        ordering = ["release", "evidence_start"]
        constraints = [
            models.CheckConstraint(condition=Q(evidence_end__gt=models.F("evidence_start")), name="mention_span_valid"),
            models.UniqueConstraint(
                fields=["release", "event", "evidence_start"], name="mention_unique_per_release_event_offset"
            ),
        ]
        indexes = [models.Index(fields=["event", "release"], name="mention_event_release_idx")]

    def __str__(self) -> str:
        return f"{self.release.source_name} [{self.evidence_start}:{self.evidence_end}]"


class DraftEvent(Event):
    """The review queue: the same rows as Event, listed in the admin as drafts awaiting an editor."""

    class Meta:
        proxy = True
        verbose_name = "draft to review"
        verbose_name_plural = "review queue (drafts)"


class PublicChange(models.Model):
    """One change to what readers can see (a published or withdrawn event, its mentions, their releases).

    The open-data validators (ETags, `events.freshness`) are the latest id: one index seek, whatever
    the size of the tables, and untouched by drafts. Rows are written by the one write path (inside
    the writing transaction, and once more after it commits, so a concurrent writer's earlier id
    committing later is still followed) and all but the latest are pruned.
    """

    at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"change {self.pk} at {self.at:%Y-%m-%d %H:%M:%S}"
