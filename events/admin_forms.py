"""Forms behind the admin's editing pages: the event form, release upload, the merge survivor."""

from django import forms
from django.conf import settings
from django.contrib.admin import helpers

from events.admin_review import plural
from events.models import CALENDAR_FIELDS, EDITABLE_FIELDS, Event, Kind, time_zone_names


def time_zone_choices() -> list[tuple[str, str]]:
    return [(name, name) for name in time_zone_names()]


class EventAdminForm(forms.ModelForm):
    """An event's change form: zones chosen from the IANA list; refused, never silently reverting,
    when the event changed (an import, another editor) after the form was opened."""

    time_zone = forms.ChoiceField(
        choices=time_zone_choices,
        initial=settings.EVENTS_DEFAULT_TIME_ZONE,
        help_text=Event._meta.get_field("time_zone").help_text,
    )
    loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Event
        fields = (
            "title",
            "kind",
            "status",
            "start_date",
            "end_date",
            "precision",
            "start_time",
            "time_zone",
            "location",
            "description",
            "recurs_yearly",
            "founding_event",
            "merged_into",
        )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["loaded_version"].initial = self.instance.version
        self.fields["loaded_version"].required = self.instance.pk is not None

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is not None and "loaded_version" in cleaned:
            self.refuse_if_changed_since_opened(cleaned)
        return cleaned

    def refuse_if_changed_since_opened(self, cleaned: dict) -> None:
        # Locked until the admin's transaction ends, so nothing changes between this check and the save.
        current = Event.objects.select_for_update().filter(pk=self.instance.pk).first()
        if current is None or current.version == cleaned["loaded_version"]:
            return
        differences = [
            f"{Event._meta.get_field(name).verbose_name}: now “{value_label(current, name)}”"
            for name in dict.fromkeys([*EDITABLE_FIELDS, *CALENDAR_FIELDS])
            if name in cleaned and cleaned[name] != getattr(current, name)
        ]
        raise forms.ValidationError(
            "This event was changed (by an import or another editor) after you opened this form, so your "
            "changes were not saved. %(now)s Reload the page to edit the current version.",
            code="stale",
            params={"now": ("It now reads: " + "; ".join(differences) + ".") if differences else ""},
        )


def value_label(event: Event, name: str) -> str:
    value = getattr(event, name)
    display = getattr(event, f"get_{name}_display", None)
    return str(display() if display else ("—" if value in (None, "") else value))


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files from one `<input type=file multiple>`; cleans to a list."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        items = data if isinstance(data, list | tuple) else [data]
        cleaned = [super(MultipleFileField, self).clean(item, initial) for item in items if item]
        if self.required and not cleaned:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        return cleaned


class ReleaseUploadForm(forms.Form):
    # Empty files pass the form: the importer names the problem per file ("empty file").
    files = MultipleFileField(
        required=False, allow_empty_file=True, help_text="One or more release text files (UTF-8)."
    )
    name = forms.CharField(
        required=False, max_length=255, help_text="For pasted text: the release's name, e.g. its file name or URL."
    )
    text = forms.CharField(
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 12, "cols": 100}),
        help_text="Or paste a release's text.",
    )
    publish = forms.BooleanField(required=False, help_text="Publish the new events at once instead of queueing drafts.")

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("files") and not cleaned.get("text", "").strip():
            raise forms.ValidationError("Choose release files or paste a release's text.")
        if cleaned.get("text", "").strip() and not cleaned.get("name", "").strip():
            self.add_error("name", "Name the pasted release.")
        return cleaned


class PreviewEventForm(forms.Form):
    """One previewed event: keep it or not, and its title, kind and dates corrected before saving."""

    keep = forms.BooleanField(required=False, initial=True, label="keep")
    # show_hidden_initial: the confirm request carries what the extractor read, so only the
    # fields the editor changed become corrections (and editor-owned).
    title = forms.CharField(max_length=300, show_hidden_initial=True)
    kind = forms.ChoiceField(choices=Kind.choices, show_hidden_initial=True)
    start_date = forms.DateField(
        label="first day", widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}), show_hidden_initial=True
    )
    end_date = forms.DateField(
        label="last day",
        required=False,
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
        show_hidden_initial=True,
    )
    # Which stored mention the event becomes: its sentence's offset and the kind the extractor read.
    evidence_start = forms.IntegerField(widget=forms.HiddenInput)
    extracted_kind = forms.CharField(widget=forms.HiddenInput)

    CORRECTABLE = ("title", "kind", "start_date", "end_date")

    @classmethod
    def for_event(cls, prefix: str, item) -> "PreviewEventForm":
        return cls(prefix=prefix, initial=cls.initial_of(item))

    @staticmethod
    def initial_of(item) -> dict:
        return {
            "keep": True,
            "title": item.title[:300],
            "kind": item.kind,
            "start_date": item.start,
            "end_date": item.end,
            "evidence_start": item.evidence_start,
            "extracted_kind": item.kind,
        }

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", "The last day is before the first day.")
        return cleaned

    def corrections(self) -> dict:
        """The fields the editor changed from what the extractor read."""
        return {name: self.cleaned_data[name] for name in self.CORRECTABLE if name in self.changed_data}


class KindActionForm(helpers.ActionForm):
    """The changelist's action bar, with the kind that "Change kind" applies."""

    kind = forms.ChoiceField(
        choices=[("", "(choose for “Change kind”)"), *Kind.choices], required=False, label="New kind:"
    )


# What an editor picks among the merged candidates: a form field, its label, the event fields it sets.
MERGE_CHOICES = (
    ("dates", "dates", ("start_date", "end_date", "precision")),
    ("kind", "kind", ("kind",)),
    ("title", "title", ("title",)),
    ("location", "place", ("location",)),
)


def merge_value_label(event: Event, choice: str) -> str:
    if choice == "dates":
        return event.date_label
    if choice == "kind":
        return event.get_kind_display()
    return getattr(event, choice) or "(none)"


class MergeForm(forms.Form):
    """The survivor, and for each field the candidate whose value it keeps (the survivor's by default)."""

    survivor = forms.ModelChoiceField(
        queryset=None,
        widget=forms.RadioSelect,
        empty_label=None,
        help_text="The survivor keeps its calendar identity and gains every mention; the others are withdrawn "
        "and point to it.",
    )

    def __init__(self, *args, events, **kwargs):
        super().__init__(*args, **kwargs)
        self.events = list(events)
        self.fields["survivor"].queryset = events
        self.fields["survivor"].label_from_instance = lambda e: (
            f"#{e.pk} · {e.date_label} · {e.title} ({e.get_status_display().lower()}, "
            f"{plural(e.mentions.count(), 'mention')})"
        )
        for name, label, _ in MERGE_CHOICES:
            self.fields[name] = forms.TypedChoiceField(
                label=label,
                coerce=int,
                required=False,
                widget=forms.RadioSelect,
                choices=[(e.pk, merge_value_label(e, name)) for e in self.events],
            )

    def comparison(self) -> list[dict]:
        """One row per field: each candidate's value, whether it is picked, and whether the values differ."""
        rows = []
        for name, label, _ in [("survivor", "survivor", ()), *MERGE_CHOICES]:
            picked = str(self[name].value() or "")
            cells = [
                {
                    "event": e,
                    "value": merge_value_label(e, name) if name != "survivor" else "keep this one",
                    "checked": picked == str(e.pk),
                    "id": f"id_{name}_{e.pk}",
                }
                for e in self.events
            ]
            differ = name == "survivor" or len({c["value"] for c in cells}) > 1
            rows.append({"name": name, "label": label, "cells": cells, "differ": differ, "errors": self[name].errors})
        return rows

    def differing(self) -> list[str]:
        """The fields whose values differ between the candidates: the ones worth a choice."""
        return [name for name, _, _ in MERGE_CHOICES if len({merge_value_label(e, name) for e in self.events}) > 1]

    def chosen_values(self) -> dict:
        """Event field values taken from the candidate picked for each field (none picked: the survivor's)."""
        by_pk = {e.pk: e for e in self.events}
        values = {}
        for name, _, fields in MERGE_CHOICES:
            source = by_pk.get(self.cleaned_data.get(name) or self.cleaned_data["survivor"].pk)
            if source is not None:
                values.update({field: getattr(source, field) for field in fields})
        return values
