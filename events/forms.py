"""The timeline's filter form: a GET form, so a filtered view is a shareable URL.

It renders the filters; what a value may be is decided in `events.params`, which the view reads.
"""

from django import forms

from events.models import Kind


class TimelineFilterForm(forms.Form):
    kind = forms.ChoiceField(choices=[("", "All kinds"), *Kind.choices], required=False)
    year = forms.IntegerField(min_value=1900, max_value=2200, required=False)
    location = forms.CharField(max_length=100, required=False)
    q = forms.CharField(label="Search", max_length=100, required=False)

    FIELDS = ("kind", "year", "location", "q")

    @property
    def is_filtering(self) -> bool:
        return any(self.data.get(name) for name in self.FIELDS)
