"""A paginator for large, date-ordered QuerySets: a deep page costs what the first one does.

Numbered pages stay (`?page=40` is a place a reader can link to and come back to), but the page is
not fetched with an OFFSET over everything before it. The overview already counts the events of
the view per year; page N starts in the year where the running total passes (N - 1) x 50, so the
query is bounded to that year onward (an index range) and skips only the events of that year before
the page. The cost follows the number of events in one year, not the size of the table.
"""

import datetime

from django.core.paginator import Paginator
from django.utils.functional import cached_property


def anchor(years: list[tuple[int, int]], offset: int, descending: bool) -> tuple[int | None, int]:
    """(the year in which the event at `offset` lies, how many events come before that year) for
    the per-year counts `years` walked in the view's direction; (None, 0) past the end."""
    before = 0
    for year, n in sorted(years, reverse=descending):
        if before + n > offset:
            return year, before
        before += n
    return None, 0


class TimelinePaginator(Paginator):
    """Paginator that (1) accepts a count already known from the overview, saving a COUNT scan,
    (2) starts a date-ordered page's key walk at the year the page lies in (`years`: the view's
    events per year, from the same overview), and (3) fetches the page by "deferred join": the key
    walk selects only primary keys, then the page's rows are read by key."""

    def __init__(
        self,
        object_list,
        per_page,
        count: int | None = None,
        window_ordering: tuple[str, ...] = (),
        years: list[tuple[int, int]] | None = None,
        rows=None,
    ):
        super().__init__(object_list, per_page)
        # Where the page's rows are read from by key (default: object_list itself). A cheaper
        # queryset of the same rows spares the page a second run of object_list's conditions.
        self.rows = object_list if rows is None else rows
        self._known_count = count
        # Ordering of the key walk, e.g. ("-start_date", "-pk"): served by the (status, start_date, id)
        # index alone, so the skipped events are index entries, never table rows. It defines which
        # events a page holds (a total order: no duplicates or gaps between pages whatever the ties);
        # the page's rows are shown in object_list's own order.
        self.window_ordering = window_ordering
        by_date = bool(window_ordering) and window_ordering[0].lstrip("-") == "start_date"
        self.years = years if by_date and years is not None else None

    @cached_property
    def count(self) -> int:
        return super().count if self._known_count is None else self._known_count

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        keys = self.object_list.order_by(*self.window_ordering) if self.window_ordering else self.object_list
        if self.years:
            descending = self.window_ordering[0].startswith("-")
            year, before = anchor(self.years, bottom, descending)
            if year is not None and year < datetime.MAXYEAR:
                if descending:
                    keys = keys.filter(start_date__lt=datetime.date(year + 1, 1, 1))
                else:
                    keys = keys.filter(start_date__gte=datetime.date(year, 1, 1))
                bottom -= before
        window = keys.values("pk")[bottom : bottom + self.per_page]
        return self._get_page(self.rows.filter(pk__in=window), number, self)
