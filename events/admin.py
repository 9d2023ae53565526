"""The editors' admin: releases with their mentions, events, the review queue, import, merge.

Declarative where Django allows it; every write is a call into `events.editing` or
`events.importers`, which return result objects the admin turns into messages.
"""

import base64
import binascii
import datetime
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Prefetch
from django.http import HttpResponseBadRequest, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator
from simple_history.admin import SimpleHistoryAdmin

from events import admin_review, editing, importers, matching, review
from events.admin_forms import EventAdminForm, KindActionForm, MergeForm, PreviewEventForm, ReleaseUploadForm
from events.csv_export import csv_response
from events.models import CALENDAR_FIELDS, EDITABLE_FIELDS, DraftEvent, Event, Kind, Mention, Release, Status

# The admin home shows the review queue's figures above the app list.
admin.site.index_template = "admin/events_index.html"

# --- list filters ---------------------------------------------------------------------------


class YearListFilter(admin.SimpleListFilter):
    title = "year"
    parameter_name = "year"

    def lookups(self, request, model_admin):
        dates = model_admin.get_queryset(request).prefetch_related(None).dates("start_date", "year", order="DESC")
        return [(str(d.year), str(d.year)) for d in dates]

    def queryset(self, request, queryset):
        if self.value() and self.value().isdigit():
            return queryset.in_year(int(self.value()))
        return queryset


class ImportedFromFilter(admin.SimpleListFilter):
    """Events stated by given releases (?releases=3,4): where an import from the admin ends."""

    title = "release"
    parameter_name = "releases"

    def ids(self) -> list[int]:
        return [int(pk) for pk in (self.value() or "").split(",") if pk.strip().isdigit()]

    def lookups(self, request, model_admin):
        latest = Release.objects.order_by("-imported_at", "-pk").values_list("pk", "source_name")[:5]
        choices = [(str(pk), name) for pk, name in latest]
        if self.value() and self.value() not in dict(choices):
            choices.insert(0, (self.value(), "just imported"))
        return choices

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(pk__in=Mention.objects.filter(release__in=self.ids()).values("event"))
        return queryset


class LikelyDuplicateListFilter(admin.SimpleListFilter):
    title = "likely duplicates"
    parameter_name = "duplicates"

    def lookups(self, request, model_admin):
        return [("yes", "Has likely duplicates")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(pk__in=matching.events_with_likely_duplicates())
        return queryset


# --- shared display helpers -------------------------------------------------------------------


def span_label(since: datetime.date | None, before: datetime.date | None) -> str:
    """Which start dates a page of the Duplicates view covers, in words."""
    from events.dates import format_span

    def day(value):
        return format_span(value, None, "day")

    if since and before:
        return f"from {day(since)} to before {day(before)}"
    return f"from {day(since)} on" if since else f"before {day(before)}"


def admin_link(obj, text=None):
    url = reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])
    return format_html('<a href="{}">{}</a>', url, text or str(obj))


def highlighted_evidence(mention: Mention):
    """The evidence sentence with its date expression marked."""
    text = mention.evidence
    if mention.date_start is not None and mention.date_end is not None:
        start, end = mention.date_start - mention.evidence_start, mention.date_end - mention.evidence_start
        if 0 <= start < end <= len(text):
            return format_html("{}<mark>{}</mark>{}", text[:start], text[start:end], text[end:])
    return text


def as_events(queryset):
    """Plain Event rows for a selection (the review queue selects proxies, whose saves history would miss)."""
    return Event.objects.filter(pk__in=queryset.values("pk"))


def mentions_prefetch():
    return Prefetch(
        "mentions", queryset=Mention.objects.select_related("release").order_by("release_id", "evidence_start")
    )


def queue_position(site, request, pk: int, next_pk=None) -> "admin_review.QueuePosition":
    return admin_review.QueuePosition.of(site._registry[DraftEvent], request, pk, next_pk)


def merge_url(events) -> str:
    return reverse("admin:events_event_merge") + "?ids=" + ",".join(str(e.pk) for e in events)


def merge_reasons(events) -> list[str]:
    """Why the matching module takes these events for one happening (pairs it links)."""
    events = list(matching.with_evidence(Event.objects.filter(pk__in=[e.pk for e in events])))
    found = matching.duplicates_of(events, events)
    return [
        f"#{pk} and #{other}: {why}"
        for pk, others in sorted(found.items())
        for other, why in others.items()
        if pk < other
    ]


# --- inlines ----------------------------------------------------------------------------------


class ReadOnlyMentionInline(admin.TabularInline):
    model = Mention
    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description="evidence")
    def evidence_marked(self, mention):
        return highlighted_evidence(mention)


class ReleaseMentionInline(ReadOnlyMentionInline):
    """On a release: each sentence that dates an event, and the event."""

    fields = readonly_fields = ("event_link", "evidence_marked", "date_text", "evidence_start", "evidence_end")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("event")

    @admin.display(description="event")
    def event_link(self, mention):
        return admin_link(mention.event)


class EventMentionInline(ReadOnlyMentionInline):
    """On an event: every release sentence that states it."""

    fields = readonly_fields = ("release_link", "evidence_marked", "date_text", "evidence_start", "evidence_end")
    verbose_name_plural = "evidence (mentions in releases)"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("release")

    @admin.display(description="release")
    def release_link(self, mention):
        return admin_link(mention.release)


# --- releases ---------------------------------------------------------------------------------


def events_after_deleting(releases) -> list[str]:
    """What deleting these releases does to the events they state (`ReleaseQuerySet.delete`)."""
    ids = [release.pk for release in releases]
    stated_elsewhere = Mention.objects.filter(event=OuterRef("pk")).exclude(release__in=ids)
    events = (
        Event.objects.filter(pk__in=Mention.objects.filter(release__in=ids).values("event"))
        .annotate(stated_elsewhere=Exists(stated_elsewhere))
        .order_by("pk")
    )
    notes = []
    for event in events:
        if event.stated_elsewhere:
            notes.append(f"Event kept: {event} (other releases state it too; their mentions remain)")
        elif event.published_once:
            notes.append(
                f"Event withdrawn, not deleted: {event} (no other release states it; it stays in the "
                "calendar feeds as cancelled for 90 days so subscribed calendars remove it)"
            )
        else:
            notes.append(f"Draft event deleted: {event} (never published; no other release states it)")
    return notes


@admin.register(Release)
class ReleaseAdmin(admin.ModelAdmin):
    class Media:
        css = {"all": ["events/admin-review.css"]}  # lists as cards on phones

    list_display = ("title", "published_on", "source_name", "event_count")
    search_fields = ("title", "source_name", "body")
    date_hierarchy = "published_on"
    list_filter = ("published_inferred", "language")
    readonly_fields = ("source_name", "content_hash", "original_text", "body", "imported_at", "updated_at")
    fields = (
        "title",
        "source_url",
        ("published_on", "published_time", "published_inferred"),
        "language",
        "source_name",
        "original_text",
        "content_hash",
        ("imported_at", "updated_at"),
    )
    inlines = [ReleaseMentionInline]
    change_list_template = "admin/events/release/change_list.html"

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "source_url":
            kwargs["assume_scheme"] = "https"  # an address typed without a scheme is an https one
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_queryset(self, request):
        releases = super().get_queryset(request).with_event_counts()
        if request.resolver_match and request.resolver_match.url_name == "events_release_changelist":
            releases = releases.defer("original_text", "body")  # the list never shows the texts
        return releases

    @admin.display(description="events", ordering="event_count")
    def event_count(self, release):
        return release.event_count

    def get_deleted_objects(self, objs, request):
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        return [*deleted, *events_after_deleting(objs)], counts, perms_needed, protected

    def add_view(self, request, form_url="", extra_context=None):
        """A release is added by importing its text (the only way its events are read): "Add" leads there."""
        return HttpResponseRedirect(reverse("admin:events_release_import"))

    def get_urls(self):
        return [
            path("import/", self.admin_site.admin_view(self.import_view), name="events_release_import"),
            *super().get_urls(),
        ]

    def import_view(self, request):
        """Upload files or paste text; preview the extracted events; save on confirm."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        if request.method == "POST" and "confirm" in request.POST:
            return self.import_confirmed(request)
        form = ReleaseUploadForm(request.POST, request.FILES) if request.method == "POST" else ReleaseUploadForm()
        previews = []
        if request.method == "POST" and form.is_valid():
            for upload in form.cleaned_data["files"]:
                # Only the first bytes past the limit are read; the size comes from the upload itself.
                data = upload.read(importers.MAX_RELEASE_BYTES + 1)
                previews.append(importers.preview_release(data, upload.name, size=upload.size))
            text = form.cleaned_data["text"]
            if text.strip():
                # Browsers send textarea lines with CRLF; releases are stored with LF.
                data = text.replace("\r\n", "\n").encode("utf-8")
                previews.append(importers.preview_release(data, form.cleaned_data["name"]))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": "Import releases",
            "form": form,
            "previews": previews,
            "to_save": self.confirmable(previews),
            "publish": form.is_bound and form.is_valid() and form.cleaned_data["publish"],
        }
        return TemplateResponse(request, "admin/events/release/import.html", context)

    def confirmable(self, previews: list[importers.Preview]) -> list[tuple[str, str]]:
        """(name, base64 text) of each release to save, as hidden fields of the confirm form.

        The confirm request must fit Django's DATA_UPLOAD_MAX_MEMORY_SIZE: a release that would
        overflow it is marked for another batch instead of failing the whole save.
        """
        budget = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        budget = None if budget is None else budget - 10_000  # room for names and the CSRF token
        items, used = [], 0
        for preview in previews:
            if not preview.ok or preview.unchanged:
                continue
            data = base64.b64encode(preview.text.encode("utf-8")).decode("ascii")
            if budget is not None and used + len(data) > budget:
                preview.error = "this batch is too large to save at once: preview and save this file in another batch"
                continue
            used += len(data)
            preview.save_index = len(items)
            preview.event_forms = [
                PreviewEventForm.for_event(f"ev-{preview.save_index}-{n}", item)
                for n, item in enumerate(preview.extracted.events)
            ]
            items.append((preview.name, data))
        return items

    def import_confirmed(self, request):
        items, positions, failures = [], [], []
        names, blobs = request.POST.getlist("release_name"), request.POST.getlist("release_data")
        for position, (name, data) in enumerate(zip(names, blobs, strict=False)):
            try:
                items.append((name, base64.b64decode(data, validate=True).decode("utf-8")))
                positions.append(position)
            except (binascii.Error, UnicodeDecodeError):
                failures.append(name)
        for name in failures:
            messages.error(request, f"{name}: the previewed text was damaged in transit; upload it again.")
        publish = request.POST.get("publish") == "1"
        result = importers.import_texts(items, publish=publish, user=request.user)
        imported = []
        for position, file in zip(positions, result.files, strict=True):
            if file.status == "failed":
                messages.error(request, f"{file.name}: {file.error}")
                continue
            imported.append(file.release.pk)
            messages.success(
                request,
                f"{file.name}: {file.status}; {admin_review.plural(file.events_created, 'event')} created, "
                f"{file.events_updated} updated, {file.events_linked} linked to existing events.",
            )
            if file.status == "new":
                self.log_addition(request, file.release, "Imported from the admin.")
            elif file.status == "updated":
                self.log_change(request, file.release, "Re-imported from the admin with changed text.")
            for note in file.kept:
                messages.warning(request, f"{file.name}: {note}")
            if file.status != "unchanged":
                self.apply_preview_choices(request, file, position)
        if not imported:
            return HttpResponseRedirect(reverse("admin:events_release_changelist"))
        target = "admin:events_event_changelist" if publish else "admin:events_draftevent_changelist"
        return HttpResponseRedirect(f"{reverse(target)}?releases={','.join(map(str, imported))}")

    def apply_preview_choices(self, request, file, position: int) -> None:
        """The events the editor unticked or corrected in the preview of this release."""
        choices = []
        count = request.POST.get(f"ev-{position}-count", "")
        for n in range(int(count) if count.isdigit() else 0):
            form = PreviewEventForm(request.POST, prefix=f"ev-{position}-{n}")
            if form.add_prefix("evidence_start") not in request.POST:
                continue  # not in the form that was sent: no choice made
            if not form.is_valid():
                errors = "; ".join(e for errs in form.errors.values() for e in errs)
                messages.warning(request, f"{file.name}, event {n + 1}: correction not applied: {errors}")
                continue
            choices.append(
                editing.PreviewChoice(
                    form.cleaned_data["evidence_start"],
                    form.cleaned_data["extracted_kind"],
                    keep=form.cleaned_data["keep"],
                    corrections=form.corrections(),
                )
            )
        outcome = editing.apply_preview_choices(file.release, choices)
        if outcome.dropped or outcome.corrected:
            messages.info(
                request,
                f"{file.name}: {admin_review.plural(outcome.dropped, 'event')} left out as you unticked, "
                f"{admin_review.plural(len(outcome.corrected), 'event')} corrected.",
            )


# --- events -----------------------------------------------------------------------------------


@admin.action(description="Export selected events as CSV", permissions=["view"])
def export_csv(modeladmin, request, queryset):
    """The selection as the public /events.csv writes it (drafts included: editors chose them)."""
    return csv_response(as_events(queryset), request.build_absolute_uri, "selected-events.csv")


class EventActionsMixin:
    """Bulk editing shared by the event list and the review queue."""

    class Media:
        css = {"all": ["events/admin-review.css"]}
        js = ["events/admin-review.js"]

    action_form = KindActionForm
    actions = [
        "publish_events",
        "unpublish_events",
        "cancel_events",
        "change_kind",
        "merge_selected",
        "release_ownership",
        export_csv,
    ]

    def report(self, request, result: editing.EditResult, done: str, reason: str):
        for event in result.changed:
            self.log_change(request, event, reason)
        already = f"; {len(result.unchanged)} already so" if result.unchanged else ""
        self.message_user(request, f"{admin_review.plural(len(result.changed), 'event')} {done}{already}.")

    @admin.action(description="Publish selected events", permissions=["change"])
    def publish_events(self, request, queryset):
        if confirmation := admin_review.confirm_publish(self, request, as_events(queryset)):
            return confirmation
        self.report(request, editing.set_status(as_events(queryset), Status.PUBLISHED), "published", "Published.")

    @admin.action(description="Unpublish selected events (back to draft)", permissions=["change"])
    def unpublish_events(self, request, queryset):
        self.report(request, editing.set_status(as_events(queryset), Status.DRAFT), "returned to draft", "Unpublished.")

    @admin.action(description="Withdraw selected events (cancel)", permissions=["change"])
    def cancel_events(self, request, queryset):
        self.report(
            request, editing.set_status(as_events(queryset), Status.CANCELLED), "withdrawn", "Withdrawn (cancelled)."
        )

    @admin.action(
        description="Change kind of selected events (choose the kind beside the action)", permissions=["change"]
    )
    def change_kind(self, request, queryset):
        kind = request.POST.get("kind", "")
        if kind not in Kind.values:
            self.message_user(request, "Choose the new kind in the list beside the action.", messages.WARNING)
            return
        self.report(
            request, editing.set_kind(as_events(queryset), kind), f"changed to {kind}", f"Kind changed to {kind}."
        )

    @admin.action(description="Let imports update selected events again", permissions=["change"])
    def release_ownership(self, request, queryset):
        result = editing.release_ownership(as_events(queryset))
        self.report(request, result, "released to imports", "Editor ownership released.")

    @admin.action(description="Merge selected duplicates into one event", permissions=["change"])
    def merge_selected(self, request, queryset):
        events = as_events(queryset).prefetch_related(mentions_prefetch()).order_by("created_at", "pk")
        if events.count() < 2:
            self.message_user(request, "Select two or more events to merge.", messages.WARNING)
            return None
        if request.POST.get("post") == "yes":
            form = MergeForm(request.POST, events=events)
            if form.is_valid():
                result = editing.merge_events(form.cleaned_data["survivor"], events, form.chosen_values())
                for event in result.merged:
                    self.log_change(request, event, f"Merged into event {result.survivor.pk}.")
                self.log_change(request, result.survivor, f"Merged in {', '.join(str(e.pk) for e in result.merged)}.")
                self.message_user(request, admin_review.merge_message(result))
                return None
        else:
            first = editing.default_survivor(events).pk
            form = MergeForm(
                events=events,
                initial={"survivor": first, "dates": first, "kind": first, "title": first, "location": first},
            )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": "Merge duplicate events: compare, pick each value, merge",
            "form": form,
            "events": form.events,
            "reasons": merge_reasons(events),
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/events/event/merge.html", context)

    @admin.display(description="date", ordering="start_date")
    def date_label(self, event):
        return event.date_label

    @admin.display(description="title", ordering="title")
    def title_cell(self, event):
        """The title, with its place and the fields an editor owns beneath it."""
        notes = [event.location] if event.location else []
        if event.editor_fields:
            notes.append(f"editor-owned: {', '.join(event.editor_fields)}")
        lines = format_html_join("", '<div class="quiet">{}</div>', ((note,) for note in notes))
        return format_html("{}{}", event.title, lines)

    @admin.display(description="evidence")
    def evidence_snippet(self, event):
        """The first sentence, cut to a line or two; the whole of it on hover and on expanding it."""
        mentions = event.mentions.all()
        if not mentions:
            return "—"
        more = f" (+{len(mentions) - 1} more)" if len(mentions) > 1 else ""
        return format_html("{}{}", admin_review.evidence_text(mentions[0], mentions[0].evidence, shown=100), more)


@admin.register(Event)
class EventAdmin(EventActionsMixin, SimpleHistoryAdmin):
    form = EventAdminForm
    # Five columns fit 1280 px beside the sidebar: the place and editor ownership sit under the title.
    list_display = ("title_cell", "date_label", "kind", "status", "evidence_snippet")
    list_filter = (
        "kind",
        "status",
        "precision",
        YearListFilter,
        LikelyDuplicateListFilter,
        "recurs_yearly",
        ImportedFromFilter,
    )
    date_hierarchy = "start_date"
    search_fields = ("title", "location", "mentions__evidence")
    list_per_page = 100
    raw_id_fields = ("founding_event", "merged_into")
    readonly_fields = (
        "review_summary",
        "editor_owned_fields",
        "likely_duplicates",
        "uid",
        "sequence",
        "modified_at",
        "created_at",
        "published_once",
    )
    fieldsets = (
        ("Evidence and confidence", {"fields": ("review_summary",)}),
        (
            None,
            {
                "fields": (
                    "title",
                    "kind",
                    "status",
                    ("start_date", "end_date", "precision"),
                    "start_time",
                    "time_zone",
                    "loaded_version",
                )
            },
        ),
        (None, {"fields": ("location", "description")}),
        ("Ownership", {"fields": ("editor_owned_fields",)}),
        (
            "Anniversaries and duplicates",
            {"fields": ("recurs_yearly", "founding_event", "merged_into", "likely_duplicates")},
        ),
        (
            "Calendar",
            {"classes": ("collapse",), "fields": ("uid", "sequence", "modified_at", "created_at", "published_once")},
        ),
    )
    inlines = [EventMentionInline]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related(mentions_prefetch())

    @admin.display(description="why")
    def review_summary(self, event):
        """At the top of the page: the confidence, each sentence that dates the event, and the reasons."""
        if not event.pk:
            return "—"
        event = Event.objects.prefetch_related("mentions").get(pk=event.pk)
        assessment = review.assess_all([event])[event.pk]
        sentences = format_html_join(
            "", '<div class="mention">{}</div>', ((highlighted_evidence(m),) for m in event.mentions.all())
        )
        return format_html(
            "{}{}{}",
            admin_review.confidence_cell(assessment),
            sentences,
            admin_review.reasons_list(assessment, event.pk),
        )

    @admin.display(description="editor-owned fields")
    def editor_owned_fields(self, event):
        if not event.editor_fields:
            return "None: imports may update this event from its releases."
        return (
            f"{', '.join(event.editor_fields)}: imports leave these alone. Use the action "
            "“Let imports update selected events again” to hand them back."
        )

    @admin.display(description="likely duplicates")
    def likely_duplicates(self, event):
        if not event.pk:
            return "—"
        duplicates = matching.likely_duplicates(event)
        if not duplicates:
            return "None found (same days, and the same sentence, place, a similar title or shared words)."
        rows = format_html_join(
            "", '<li>{} <span class="quiet">({})</span></li>', ((admin_link(d), why) for d, why in duplicates)
        )
        url = merge_url([event, *(d for d, _ in duplicates)])
        return format_html(
            '<ul class="duplicate-candidates">{}</ul><a class="button" href="{}">Compare and merge</a>', rows, url
        )

    def get_urls(self):
        return [
            path("merge/", self.admin_site.admin_view(self.merge_view), name="events_event_merge"),
            path("duplicates/", self.admin_site.admin_view(self.duplicates_view), name="events_event_duplicates"),
            *super().get_urls(),
        ]

    def merge_view(self, request):
        """The side-by-side merge of the events named in ?ids= (or posted back from its own form)."""
        if not self.has_change_permission(request):
            raise PermissionDenied
        raw = request.POST.getlist(admin.helpers.ACTION_CHECKBOX_NAME) or request.GET.get("ids", "").split(",")
        ids = [int(pk) for pk in raw if str(pk).strip().isdigit()]
        response = self.merge_selected(request, self.get_queryset(request).filter(pk__in=ids))
        if response is None:
            return HttpResponseRedirect(request.GET.get("next") or reverse("admin:events_event_duplicates"))
        return response

    def duplicates_view(self, request):
        """Every group of live events the matching module takes for one happening, each with a merge link."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        try:
            before = datetime.date.fromisoformat(request.GET["before"]) if request.GET.get("before") else None
        except ValueError:
            return HttpResponseBadRequest("before must be a date (YYYY-MM-DD).")
        page = matching.duplicate_groups_before(before)
        groups = page.groups
        reasons = {}
        for group in groups:
            found = matching.duplicates_of(group, group)
            reasons[group[0].pk] = sorted({why for others in found.values() for why in others.values()})
        older = f"{request.path}?{urlencode({'before': page.since.isoformat()})}" if page.since else ""
        title = f"Likely duplicates: {admin_review.plural(len(groups), 'group')} to compare"
        if before or page.since:
            title += f", among events starting {span_label(page.since, before)}"
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": title,
            "groups": [(group, reasons[group[0].pk], merge_url(group)) for group in groups],
            "older_url": older,
            "newest_url": request.path if before else "",
        }
        return TemplateResponse(request, "admin/events/event/duplicates.html", context)

    # --- the review flow: from the queue, through each draft, back to the queue ---

    def change_view(self, request, object_id, form_url="", extra_context=None):
        stored = Event.objects.filter(pk=object_id).values_list("status", flat=True).first()
        extra_context = dict(extra_context or {})
        if stored == Status.DRAFT:
            queue = queue_position(self.admin_site, request, int(object_id))
            request.next_draft = queue.next_pk
            extra_context.update(review_flow=queue, next_draft_url=queue.url_of(queue.next_pk))
        return super().change_view(request, object_id, form_url, extra_context)

    def response_change(self, request, obj):
        if "_savenext" in request.POST or "_savequeue" in request.POST:
            queue = queue_position(self.admin_site, request, obj.pk, next_pk=getattr(request, "next_draft", None))
            self.message_user(request, f"Saved “{obj.title}” ({obj.get_status_display().lower()}).")
            if "_savenext" in request.POST and queue.next_pk:
                return HttpResponseRedirect(queue.url_of(queue.next_pk))
            if "_savenext" in request.POST:
                self.message_user(request, "That was the last draft in this view of the queue.")
            return HttpResponseRedirect(queue.queue_url)
        return super().response_change(request, obj)

    def save_model(self, request, obj, form, change):
        if change:
            stored = Event.objects.get(pk=obj.pk)
            changed = [
                name for name in {*EDITABLE_FIELDS, *CALENDAR_FIELDS} if getattr(stored, name) != getattr(obj, name)
            ]
            owned = editing.record_edit(obj, changed, reason="edited in the admin")
            if owned:
                self.message_user(request, f"Now editor-owned (imports keep them): {', '.join(owned)}.")
        super().save_model(request, obj, form, change)

    # Deleting an event subscribers may have seen withdraws it instead (Event.delete): every
    # step of the admin's delete says so.

    def get_deleted_objects(self, objs, request):
        objs = list(objs)
        withdrawn = [event for event in objs if event.published_once]
        drafts = [event for event in objs if not event.published_once]
        deleted, counts, perms_needed, protected = super().get_deleted_objects(drafts, request)
        if withdrawn:
            counts["events withdrawn instead (published once)"] = len(withdrawn)
            deleted = [*deleted, *(WITHDRAWN_NOT_DELETED.format(event=event) for event in withdrawn)]
        return deleted, counts, perms_needed, protected

    def log_deletions(self, request, queryset):
        events = list(queryset)
        for event in events:
            if event.published_once:
                self.log_change(request, event, "Withdrawn (cancelled) when asked to delete: it was published.")
        return super().log_deletions(request, [event for event in events if not event.published_once])

    def delete_queryset(self, request, queryset):
        withdrawn = queryset.filter(published_once=True).count()
        super().delete_queryset(request, queryset)
        if withdrawn:
            self.message_user(
                request,
                f"{withdrawn} of the selected events had been published: they were withdrawn (cancelled), "
                "not deleted, so subscribed calendars remove them.",
                messages.WARNING,
            )

    def response_delete(self, request, obj_display, obj_id):
        if not Event.objects.filter(pk=obj_id).exists():
            return super().response_delete(request, obj_display, obj_id)
        self.message_user(
            request,
            f"“{obj_display}” had been published: it was withdrawn (cancelled), not deleted, so subscribed "
            "calendars remove it.",
            messages.WARNING,
        )
        return HttpResponseRedirect(reverse("admin:events_event_change", args=[obj_id]))


WITHDRAWN_NOT_DELETED = (
    "Withdrawn, not deleted: {event} (it was published, so it stays in the calendar feeds as cancelled "
    "for 90 days and subscribed calendars remove it; its mentions are kept)"
)


@admin.register(DraftEvent)
class DraftEventAdmin(EventActionsMixin, admin.ModelAdmin):
    """The review queue: each draft with its confidence, the sentence that dates it, and why."""

    # "confidence_shown", not "confidence": the admin would show the model's stored column raw.
    list_display = ("title_link", "date_label", "kind", "confidence_shown", "evidence")
    list_display_links = None
    list_filter = (
        admin_review.NeedsALookFilter,
        "kind",
        "precision",
        YearListFilter,
        LikelyDuplicateListFilter,
        ImportedFromFilter,
    )
    date_hierarchy = "start_date"
    search_fields = ("title", "location", "mentions__evidence")
    list_per_page = 50
    ordering = ("-created_at", "pk")

    def get_queryset(self, request):
        return super().get_queryset(request).drafts().prefetch_related(mentions_prefetch())

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        title = "Review queue: check each draft against its sentence"
        return super().changelist_view(request, {"title": title, **(extra_context or {})})

    def change_view(self, request, object_id, form_url="", extra_context=None):
        return HttpResponseRedirect(reverse("admin:events_event_change", args=[object_id]))

    @admin.display(description="title", ordering="title")
    def title_link(self, event):
        url = admin_review.draft_url(event.pk, getattr(event, "queue_query", ""))
        link = format_html('<a href="{}">{}</a>', url, event.title)
        if event.location:
            return format_html('{}<div class="quiet">{}</div>', link, event.location)
        return link

    @admin.display(description="confidence", ordering="confidence")
    def confidence_shown(self, event):
        return admin_review.confidence_cell(self.assessment(event))

    @admin.display(description="evidence, why")
    def evidence(self, event):
        """Each sentence that dates the draft with its release, then the reasons (class review-reasons)."""
        sentences = format_html_join(
            "",
            '<div class="mention">{} <span class="quiet">{}</span></div>',
            (
                (admin_review.evidence_text(m, highlighted_evidence(m)), admin_link(m.release))
                for m in event.mentions.all()
            ),
        )
        return format_html("{}{}", sentences, admin_review.reasons_list(self.assessment(event), event.pk))

    def assessment(self, event):
        return getattr(event, "assessment", None) or review.assess(event)

    def get_changelist(self, request, **kwargs):
        return admin_review.ReviewChangeList


@admin.register(Mention)
class MentionAdmin(admin.ModelAdmin):
    class Media:
        css = {"all": ["events/admin-review.css"]}  # lists as cards on phones

    list_display = ("__str__", "event", "evidence_short", "date_text")
    list_select_related = ("release", "event")
    search_fields = ("evidence", "release__title", "event__title")
    raw_id_fields = ("release", "event")

    @admin.display(description="evidence")
    def evidence_short(self, mention):
        return Truncator(mention.evidence).chars(120)
