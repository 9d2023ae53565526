"""Forms behind the admin's editing pages: release upload and the choice of a merge survivor."""

from django import forms
from django.contrib.admin import helpers

from events.models import Kind


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
