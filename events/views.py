from django.http import HttpResponse
from django.shortcuts import get_object_or_404

from events.models import Event, Release


def timeline(request):
    events = Event.objects.published().chronological()[:200]
    return HttpResponse("\n".join(str(e) for e in events), content_type="text/plain; charset=utf-8")


def event_detail(request, pk):
    event = get_object_or_404(Event.objects.published(), pk=pk)
    return HttpResponse(str(event), content_type="text/plain; charset=utf-8")


def release_detail(request, pk):
    release = get_object_or_404(Release, pk=pk)
    return HttpResponse(release.original_text, content_type="text/plain; charset=utf-8")
