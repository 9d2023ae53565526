from django.urls import path
from django.views.decorators.http import require_safe

from events import atom, csv_export, feeds, timelinejs, views

app_name = "events"

urlpatterns = [
    path("", views.timeline, name="timeline"),
    path("upcoming/", views.upcoming, name="upcoming"),
    path("events/<int:pk>/", views.event_detail, name="event-detail"),
    path("releases/<int:pk>/", views.release_detail, name="release-detail"),
    path("feeds/", feeds.feed_list, name="feeds"),
    path("calendar.ics", feeds.EventsFeed.as_view(), name="calendar"),
    path("calendar/anniversaries.ics", feeds.AnniversariesFeed.as_view(), name="calendar-anniversaries"),
    path("calendar/upcoming.ics", feeds.UpcomingFeed.as_view(), name="calendar-upcoming"),
    path("calendar/approximate.ics", feeds.ApproximateFeed.as_view(), name="calendar-approximate"),
    path("calendar/<slug:kind>.ics", feeds.KindFeed.as_view(), name="calendar-kind"),
    path("events/<int:pk>/event.ics", feeds.EventDownload.as_view(), name="event-ics"),
    path("timeline.json", timelinejs.timeline_json, name="timeline-json"),
    path("embed/", timelinejs.embed, name="embed"),
    path("atom/", require_safe(atom.EventsAtomFeed()), name="atom"),
    path("events.csv", csv_export.events_csv, name="events-csv"),
]
