"""Reader pages: the timeline, upcoming events, an event, a release. Thin: which objects, which template."""

import datetime
import functools
import hashlib

from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import connection
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import urlencode

from events import found, gazetteer, search, tally
from events import params as parameters
from events.forms import TimelineFilterForm
from events.highlight import highlight_release
from events.models import Event, Kind, Release, Status
from events.pagination import TimelinePaginator

EVENTS_PER_PAGE = 50
# Page ordering (rows shown) and the key walk's ordering (served by the (status, start_date) index).
ORDERINGS = {
    "newest": (("-start_date", "-start_time", "-pk"), ("-start_date", "-pk")),
    "oldest": (("start_date", "start_time", "pk"), ("start_date", "pk")),
    "relevance": (("-relevance", "-start_date", "-pk"), ("-relevance", "-start_date", "-pk")),
    "soonest": (("start_date", "start_time", "pk"), ("start_date", "pk")),
}
DEFER = ("ical_component", "editor_fields", "search_vector")
FACETS_TIMEOUT = 60
# Which of a search's events it lists (at most found.LIMIT), per order.
FIRST_OF = {"relevance": "most recent", "newest": "most recent", "oldest": "oldest", "soonest": "soonest"}


def bad_request(request, error: parameters.InvalidParameter):
    """400 with the reason in plain words (the bad value itself is never echoed)."""
    return render(request, "events/bad_request.html", {"message": str(error)}, status=400)


def timeline(request):
    return event_list(request, Event.objects.published(), upcoming=False)


def upcoming(request):
    """Today onward, soonest first."""
    return event_list(request, Event.objects.published().upcoming(), upcoming=True)


def ordering_of(params: dict, upcoming: bool) -> str:
    """newest (the default), oldest, or relevance (the default of a search, offered only there)."""
    if upcoming:
        return "soonest"
    chosen = params.get("order", "")
    if chosen == "relevance" and "q" not in params:
        chosen = ""
    return chosen or ("relevance" if "q" in params else "newest")


def event_list(request, events, *, upcoming: bool):
    try:
        params = parameters.read(request.GET, parameters.TIMELINE)
    except parameters.InvalidParameter as error:
        return bad_request(request, error)
    form = TimelineFilterForm(request.GET)
    filters = parameters.queryset_filters(params)
    ordering = ordering_of(params, upcoming)
    narrowing = {"kind": filters["kind"], "year": filters["year"], "place": filters["place"]}
    number = params.get("page")
    counted = None
    if filters["text"] or filters["location"]:
        counted, listed = found_events(events, filters, ordering, upcoming)
        by_year, by_kind, by_place = tally.overview(counted.groups(), **narrowing)
        if "jump" in params and not upcoming:
            return jump_found(request, listed, ordering, params["jump"])
        page = found_page(listed, ordering, filters["text"], number)
        total, more = len(listed.rows), listed.more
    else:
        by_year, by_kind, by_place = overview(events, narrowing, upcoming)
        # The view's own events per year (the year overview counts every year, whatever the year filter).
        years = [(year, n) for year, n in by_year if year == filters["year"] or not filters["year"]]
        if "jump" in params and not upcoming:
            return jump(request, events.filtered(**filters), ordering, params["jump"], years)
        # The kind overview already counted the result: no separate COUNT(*) for the paginator.
        total = sum(n for kind, n in by_kind if kind == filters["kind"] or not filters["kind"])
        shown, walk = ORDERINGS[ordering]
        selected = events.filtered(**filters).order_by(*shown).defer(*DEFER)
        paginator = TimelinePaginator(selected, EVENTS_PER_PAGE, count=total, window_ordering=walk, years=years)
        page = paginator.get_page(paginator.num_pages if number == "last" else number)
        more = False
    suggestion = search.suggest(filters["text"]) if filters["text"] and total == 0 else ""
    return render(
        request,
        "events/timeline.html",
        {
            "form": form,
            "page_obj": page,
            "total": total,
            # More events match than are listed (then `total` is the number listed, found.LIMIT).
            "more": more,
            # The sidebar counts only the first found.LIMIT events of the search (more match).
            "counted_first": counted is not None and counted.more,
            "first_of": FIRST_OF[ordering],
            "limit": found.LIMIT,
            "by_year": by_year,
            "by_kind": [(kind, Kind(kind).label, n) for kind, n in by_kind],
            "places": place_facet(by_place),
            "place_options": place_options(by_place) if counted is not None and counted.more else None,
            "filters": filters,
            "ordering": ordering,
            "upcoming": upcoming,
            "suggestion": suggestion,
            "feed_query": feed_query(filters),
        },
    )


def overview(events, narrowing: dict, upcoming: bool) -> tuple[list, list, list]:
    """Counts per year, kind and place, each with the other filters applied, so its links narrow the
    current view; all three from one list of (year, kind, country, city, n) groups, exact at once
    after any write. The timeline's groups are the small table the database keeps (`events.tally`):
    one query over a few hundred rows. The upcoming view's are the kept groups of the years after
    this one (every such event is upcoming) and this year's upcoming events (and ranges still
    running) counted directly, a query bounded to about one year of events; cached under the
    feeds' generation, which every write to events, mentions or releases renews (a change shows at
    once with Redis or in this process, and within FACETS_TIMEOUT in another process)."""
    if not upcoming:
        return tally.counts(**narrowing)[:3]
    from events.feeds import current_generation

    today = timezone.localdate()
    key = "timeline-upcoming:" + hashlib.sha256(f"{current_generation()}|{today}".encode()).hexdigest()
    groups = cache.get(key)
    if groups is None:
        later = [row for row in tally.rows() if row[0] > today.year]
        this_year = events.filter(start_date__lt=datetime.date(today.year + 1, 1, 1)).count_by_group()
        groups = later + list(this_year)
        cache.set(key, groups, timeout=FACETS_TIMEOUT)
    return tally.overview(groups, **narrowing)


def found_events(events, filters: dict, ordering: str, upcoming: bool) -> tuple[found.Found, found.Found]:
    """(the search's first events, which the sidebar counts; the view's first events, which it lists)
    for a view found by free text (`events.found`): the first found.LIMIT events in the view's order
    of the search (text, location) alone, and of the search narrowed by kind, year and place. When
    the search's first events are all its events the narrower view is read from them; otherwise it
    is read on its own. Both are cached under the feeds' generation (see `overview`)."""
    from events.feeds import current_generation

    walk = ("-start_date", "-pk") if ordering in ("relevance", "newest") else ("start_date", "pk")
    narrowing = {"kind": filters["kind"], "year": filters["year"], "place": filters["place"]}
    today = timezone.localdate().isoformat() if upcoming else ""
    source = (current_generation(), upcoming, today, walk[0], filters["text"], filters["location"])
    key = "timeline-found:" + hashlib.sha256(repr(source).encode()).hexdigest()
    published = functools.cache(published_count)  # read at most once a request, only if a count is due
    counted = cache.get(key)
    if counted is None:
        free = {"text": filters["text"], "location": filters["location"]}
        counted = found.first(events.filtered(**free), walk, published=published(upcoming))
        cache.set(key, counted, timeout=FACETS_TIMEOUT)
    if not any(narrowing.values()):
        return counted, counted
    if not counted.more:
        return counted, counted.narrowed(**narrowing)
    key = "timeline-found:" + hashlib.sha256(repr((*source, *narrowing.values())).encode()).hexdigest()
    listed = cache.get(key)
    if listed is None:
        listed = found.first(events.filtered(**filters), walk, published=published(upcoming))
        cache.set(key, listed, timeout=FACETS_TIMEOUT)
    return counted, listed


def published_count(upcoming: bool) -> int:
    """Published events (the kept counts): what walking the date index reads at most
    (`events.found.first`; a view narrowed by kind or place walks it too). 0 (not asked) on SQLite and
    for the upcoming view, whose walk starts this year."""
    if upcoming or connection.vendor != "postgresql":
        return 0
    return tally.published()


def found_page(listed: found.Found, ordering: str, text: str, number):
    """The page of a view found by free text: 50 of its listed events, by key (in date order), or
    ranked best first among them."""
    shown, walk = ORDERINGS[ordering]
    rows = Event.objects.published().defer(*DEFER)
    if ordering == "relevance":
        selected = rows.filter(pk__in=listed.keys).ranked(text).order_by(*shown)
        # The page's 50 rows are read by key and ranked again, without ranking all of them twice.
        paginator = TimelinePaginator(
            selected,
            EVENTS_PER_PAGE,
            count=len(listed.rows),
            window_ordering=walk,
            rows=rows.ranked(text).order_by(*shown),
        )
        return paginator.get_page(paginator.num_pages if number == "last" else number)
    paginator = Paginator(listed.keys, EVENTS_PER_PAGE)
    page = paginator.get_page(paginator.num_pages if number == "last" else number)
    page.object_list = list(rows.filter(pk__in=page.object_list).order_by(*shown))
    return page


def place_facet(rows) -> list[dict]:
    """Countries with their total, each followed by its cities: [{value, label, n, city}]."""
    facet, countries = [], {}
    for country, city, n in rows:
        if country not in countries:
            countries[country] = {"value": country, "label": country, "n": 0, "city": False}
            facet.append(countries[country])
        countries[country]["n"] += n
        if city:
            facet.append({"value": city, "label": city, "n": n, "city": True})
    return facet


def place_options(counted_rows) -> list[dict]:
    """The place list of a search whose first events only were counted: those places with their
    counts, and every other place of the gazetteer uncounted (n None), so that narrowing by place
    reaches the matches beyond the first."""
    counted = {value for country, city, _ in counted_rows for value in (country, city) if value}
    every = {(entry.country, entry.city) for entry in gazetteer.entries().values()}
    facet = place_facet(sorted({(country, city, 0) for country, city in every} | set(counted_rows)))
    merged = {}
    for place in facet:  # a place listed twice (counted, and from the gazetteer) once, with its count
        if place["value"] not in merged or place["n"]:
            merged[place["value"]] = place
    options = list(merged.values())
    for place in options:
        if place["value"] not in counted:
            place["n"] = None
    return options


def feed_query(filters: dict) -> str:
    """The feed's query string for exactly these filters (feeds read the same names)."""
    params = {
        "kind": filters["kind"],
        "year": filters["year"] or "",
        "place": filters["place"],
        "location": filters["location"],
        "q": filters["text"],
    }
    return urlencode(sorted((k, v) for k, v in params.items() if v))


def jump_target(request, target: str):
    """The view's parameters without the jump and the page, and the year and month (or None) to go to."""
    params = request.GET.copy()
    params.pop("jump", None)
    params.pop("page", None)
    return params, int(target[:4]), int(target[5:]) if len(target) > 4 else None


def jump(request, events, ordering: str, target: str, years: list[tuple[int, int]]):
    """ "Jump to" a year or month: the page of the current view where it starts, at its heading.
    The events of the years before it (in the view's order) come from the per-year overview; only
    the months of the target year before the target month are counted, a query bounded to one year."""
    params, year, month = jump_target(request, target)
    if ordering == "relevance":
        return HttpResponseRedirect(f"?{params.urlencode()}#results")
    newest = ordering == "newest"
    before = sum(n for y, n in years if (y > year if newest else y < year))
    if month:
        first = datetime.date(year, month, 1)
        if newest:
            after = datetime.date(year + month // 12, month % 12 + 1, 1)
            before += events.filter(start_date__gte=after, start_date__lt=datetime.date(year + 1, 1, 1)).count()
        else:
            before += events.filter(start_date__gte=datetime.date(year, 1, 1), start_date__lt=first).count()
    params["page"] = str(before // EVENTS_PER_PAGE + 1)
    anchor = f"m-{year}-{month:02d}" if month else f"y-{year}"
    return HttpResponseRedirect(f"?{params.urlencode()}#{anchor}")


def jump_found(request, listed: found.Found, ordering: str, target: str):
    """ "Jump to" in a view found by free text: the page of its listed events where the year or month
    starts; when it starts beyond the listed events and more match, the view narrowed to that year."""
    params, year, month = jump_target(request, target)
    if ordering == "relevance":
        return HttpResponseRedirect(f"?{params.urlencode()}#results")
    first = datetime.date(year, month or 1, 1)
    after = datetime.date(year + 1, 1, 1) if not month else datetime.date(year + month // 12, month % 12 + 1, 1)
    newest = ordering == "newest"
    index = next((i for i, row in enumerate(listed.rows) if (row[1] < after if newest else row[1] >= first)), None)
    anchor = f"m-{year}-{month:02d}" if month else f"y-{year}"
    if index is None and listed.more:
        params["year"] = str(year)
        return HttpResponseRedirect(f"?{params.urlencode()}#{anchor}")
    index = len(listed.rows) - 1 if index is None else index
    params["page"] = str(max(index, 0) // EVENTS_PER_PAGE + 1)
    return HttpResponseRedirect(f"?{params.urlencode()}#{anchor}")


def event_detail(request, pk):
    # Drafts are for editors: the permission to view events in the admin, not mere staff status.
    events = Event.objects.all() if request.user.has_perm("events.view_event") else Event.objects.public()
    event = get_object_or_404(events.select_related("founding_event").defer("search_vector"), pk=pk)
    if event.merged_into_id and event.status != Status.PUBLISHED:
        return redirect("events:event-detail", pk=event.merged_into_id)
    published = Event.objects.published()
    founding = event.founding_event
    return render(
        request,
        "events/event_detail.html",
        {
            "event": event,
            "mentions": event.mentions.select_related("release").order_by("release__published_on", "evidence_start"),
            "same_day": published.same_day_as(event).chronological()[:10],
            "nearby": published.near(event).chronological()[:10],
            "founding": [founding] if founding and founding.status == Status.PUBLISHED else [],
            "anniversaries": event.anniversaries.published().chronological()[:20],
        },
    )


def release_detail(request, pk):
    release = get_object_or_404(Release, pk=pk)
    mentions = release.mentions.filter(event__status=Status.PUBLISHED).select_related("event").in_text_order()
    mentions = list(mentions)
    # A release is public once one of its events is: before that its text would disclose drafts.
    if not mentions and not request.user.has_perm("events.view_release"):
        raise Http404("No published event comes from this release yet.")
    return render(
        request,
        "events/release_detail.html",
        {"release": release, "mentions": mentions, "text": highlight_release(release.original_text, mentions)},
    )
