"""A paginator for large, index-ordered QuerySets: fixed cost per page whatever the table size."""

from django.core.paginator import Paginator
from django.utils.functional import cached_property


class TimelinePaginator(Paginator):
    """Paginator that (1) accepts a count already known from the overview, saving a COUNT scan, and
    (2) fetches a page by "deferred join": the OFFSET walk selects only primary keys, then the page's
    50 full rows are read by key, so a deep page does not load every skipped row's columns."""

    def __init__(self, object_list, per_page, count: int | None = None, window_ordering: tuple[str, ...] = ()):
        super().__init__(object_list, per_page)
        self._known_count = count
        # Ordering of the key walk. ("start_date", "pk") is served by the (status, start_date) index alone
        # (SQLite indexes end with the rowid), so a deep OFFSET never reads table rows. Rows of the page
        # are still shown in object_list's own order.
        self.window_ordering = window_ordering

    @cached_property
    def count(self) -> int:
        return super().count if self._known_count is None else self._known_count

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        keys = self.object_list.order_by(*self.window_ordering) if self.window_ordering else self.object_list
        window = keys.values("pk")[bottom : bottom + self.per_page]
        return self._get_page(self.object_list.filter(pk__in=window), number, self)
