"""Forms behind the admin's editing pages: the event form, release upload, the merge survivor."""

from django import forms
from django.conf import settings
from django.contrib.admin import helpers

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


class KindActionForm(helpers.ActionForm):
    """The changelist's action bar, with the kind that "Change kind" applies."""

    kind = forms.ChoiceField(choices=[("", "(kind for “Change kind”)"), *Kind.choices], required=False, label="")


class MergeForm(forms.Form):
    survivor = forms.ModelChoiceField(
        queryset=None,
        widget=forms.RadioSelect,
        empty_label=None,
        help_text="The survivor keeps its UID and gains every mention; the others are cancelled.",
    )

    def __init__(self, *args, events, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["survivor"].queryset = events
        self.fields["survivor"].label_from_instance = lambda e: (
            f"#{e.pk} {e} ({e.get_status_display()}, {e.mentions.count()} mentions, UID {e.uid})"
        )
