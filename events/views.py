"""Reader pages: the timeline, upcoming events, an event, a release. Thin: which objects, which template."""

import datetime
import hashlib

from django.core.cache import cache
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import urlencode

from events import params as parameters
from events import search, tally
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
# "Best match" ranks the most recent matches, at most this many (20 pages): ranking every match
# of a common word reads each matching row (hundreds of thousands at a million events). "Newest
# first" and "Oldest first" list every match.
RANKED_LIMIT = 1000


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
    by_year, by_kind, by_place, published = facets(events, filters, upcoming)
    # The view's own events per year (the year overview counts every year, whatever the year filter).
    years = [(year, n) for year, n in by_year if year == filters["year"] or not filters["year"]]
    if "jump" in params and not upcoming:
        return jump(request, events.filtered(**filters), ordering, params["jump"], years)
    # The kind overview already counted the result: no separate COUNT(*) for the paginator.
    total = sum(n for kind, n in by_kind if kind == filters["kind"] or not filters["kind"])
    shown, walk = ORDERINGS[ordering]
    selected = events.filtered(**filters)
    listed, rows = total, None
    if ordering == "relevance":
        recent = search.most_recent(selected, RANKED_LIMIT, matches=total, published=published)
        selected = Event.objects.filter(pk__in=recent).ranked(filters["text"])
        # The page's 50 rows are read by key and ranked again, without running the match twice.
        rows = Event.objects.ranked(filters["text"]).order_by(*shown).defer(*DEFER)
        listed = min(total, RANKED_LIMIT)
    selected = selected.order_by(*shown).defer(*DEFER)
    paginator = TimelinePaginator(selected, EVENTS_PER_PAGE, count=listed, window_ordering=walk, years=years, rows=rows)
    number = params.get("page")
    page = paginator.get_page(paginator.num_pages if number == "last" else number)
    suggestion = search.suggest(filters["text"]) if filters["text"] and total == 0 else ""
    return render(
        request,
        "events/timeline.html",
        {
            "form": form,
            "page_obj": page,
            "total": total,
            "ranked_limit": RANKED_LIMIT if ordering == "relevance" and total > RANKED_LIMIT else None,
            "by_year": by_year,
            "by_kind": [(kind, Kind(kind).label, n) for kind, n in by_kind],
            "places": place_facet(by_place),
            "filters": filters,
            "ordering": ordering,
            "upcoming": upcoming,
            "suggestion": suggestion,
            "feed_query": feed_query(filters),
        },
    )


def facets(events, filters: dict, upcoming: bool) -> tuple[list, list, list, int]:
    """Counts per year, kind and place, each with the other filters applied, so its links narrow the
    current view; all three from one list of (year, kind, country, city, n) groups. Filtered by kind,
    year and place only, the groups are the small table the database keeps (`events.tally`): one
    query over a few hundred rows, exact at once after any write. A search, a location or the
    upcoming view counts its events in one grouped query that grows with the matches, cached under
    the feeds' generation, which every write to events, mentions or releases renews (a change shows at
    once with Redis or in this process, and within FACETS_TIMEOUT in another process); the kind, year
    and place filters are applied to the cached groups, so narrowing a search counts nothing again.
    Also returns the number of published events (a search's plan depends on its share of them)."""
    from events.feeds import current_generation

    narrowing = {"kind": filters["kind"], "year": filters["year"], "place": filters["place"]}
    if not upcoming and not filters["text"] and not filters["location"]:
        return tally.counts(**narrowing)
    today = timezone.localdate().isoformat() if upcoming else ""
    source = f"{current_generation()}|{upcoming}|{today}|{filters['text']}|{filters['location']}"
    key = "timeline-groups:" + hashlib.sha256(source.encode()).hexdigest()
    counted = cache.get(key)
    if counted is None:
        groups = list(events.filtered(text=filters["text"], location=filters["location"]).count_by_group())
        counted = (groups, tally.published())
        cache.set(key, counted, timeout=FACETS_TIMEOUT)
    groups, published = counted
    return (*tally.overview(groups, **narrowing), published)


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


def jump(request, events, ordering: str, target: str, years: list[tuple[int, int]]):
    """ "Jump to" a year or month: the page of the current view where it starts, at its heading.
    The events of the years before it (in the view's order) come from the per-year overview; only
    the months of the target year before the target month are counted, a query bounded to one year."""
    params = request.GET.copy()
    params.pop("jump", None)
    params.pop("page", None)
    if ordering == "relevance":
        return HttpResponseRedirect(f"?{params.urlencode()}#results")
    year, month = int(target[:4]), int(target[5:]) if len(target) > 4 else None
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
