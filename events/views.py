"""Reader pages: the timeline, an event, a release. Thin: which objects, which template."""

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from events import params as parameters
from events.forms import TimelineFilterForm
from events.highlight import highlight_release
from events.models import Event, Kind, Release, Status
from events.pagination import TimelinePaginator

EVENTS_PER_PAGE = 50


def bad_request(request, error: parameters.InvalidParameter):
    """400 with the reason in plain words (the bad value itself is never echoed)."""
    return render(request, "events/bad_request.html", {"message": str(error)}, status=400)


def timeline(request):
    try:
        params = parameters.read(request.GET, parameters.TIMELINE)
    except parameters.InvalidParameter as error:
        return bad_request(request, error)
    form = TimelineFilterForm(request.GET)
    filters = parameters.queryset_filters(params)
    # Facets: each overview counts with the other filters applied, so its links narrow the current view.
    by_year = list(Event.objects.published().filtered(**{**filters, "year": None}).count_by_year())
    by_kind = list(Event.objects.published().filtered(**{**filters, "kind": ""}).count_by_kind())
    # The kind overview already counted the result: no separate COUNT(*) for the paginator.
    total = sum(n for kind, n in by_kind if kind == filters["kind"] or not filters["kind"])
    events = Event.objects.published().filtered(**filters).chronological().defer("ical_component", "editor_fields")
    page = TimelinePaginator(events, EVENTS_PER_PAGE, count=total, window_ordering=("start_date", "pk")).get_page(
        params.get("page")
    )
    return render(
        request,
        "events/timeline.html",
        {
            "form": form,
            "page_obj": page,
            "by_year": by_year,
            "by_kind": [(kind, Kind(kind).label, n) for kind, n in by_kind],
            "filters": filters,
        },
    )


def event_detail(request, pk):
    # Drafts are for editors: the permission to view events in the admin, not mere staff status.
    events = Event.objects.all() if request.user.has_perm("events.view_event") else Event.objects.public()
    event = get_object_or_404(events.select_related("founding_event"), pk=pk)
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
