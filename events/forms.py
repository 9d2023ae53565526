"""The timeline's filter form: a GET form, so a filtered view is a shareable URL.

It renders the filters; what a value may be is decided in `events.params`, which the view reads.
"""

from django import forms

from events.models import Kind
from events.params import ORDERS


class TimelineFilterForm(forms.Form):
    q = forms.CharField(label="Search", max_length=100, required=False)
    kind = forms.ChoiceField(choices=[("", "All kinds"), *Kind.choices], required=False)
    year = forms.IntegerField(min_value=1900, max_value=2200, required=False)
    # A city or country of the gazetteer; the template offers the ones with events (and their counts).
    place = forms.CharField(max_length=100, required=False)
    # Substring of the free-text location: kept for links made before the place facet existed.
    location = forms.CharField(max_length=100, required=False, widget=forms.HiddenInput)
    order = forms.ChoiceField(choices=[(name, name) for name in ORDERS], required=False)

    FIELDS = ("kind", "year", "place", "location", "q")

    @property
    def is_filtering(self) -> bool:
        return any(self.data.get(name) for name in self.FIELDS)

    @property
    def active_count(self) -> int:
        """Filters set besides the search words (shown on the folded filter panel)."""
        return sum(1 for name in self.FIELDS if name != "q" and self.data.get(name))
