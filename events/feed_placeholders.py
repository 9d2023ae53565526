"""PLACEHOLDERS for the feeds branch's `events:feeds` page and `events:event-ics` download.

They exist only so the reader pages (which link to both) work on their own. At merge the lead
replaces these routes in events/urls.py with the real views from events/feeds.py and deletes this file.
"""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render

from events.models import Event


def feeds(request):
    return render(request, "events/feeds_placeholder.html")


def event_ics(request, pk):
    event = get_object_or_404(Event.objects.published(), pk=pk)
    body = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//csto-timeline//placeholder//EN\r\n"
        f"{event.ical_component.strip()}\r\nEND:VCALENDAR\r\n"
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="event-{event.pk}.ics"'
    return response
