from django.urls import path

from events import feed_placeholders, views

app_name = "events"

urlpatterns = [
    path("", views.timeline, name="timeline"),
    path("events/<int:pk>/", views.event_detail, name="event-detail"),
    path("releases/<int:pk>/", views.release_detail, name="release-detail"),
    # PLACEHOLDERS until the feeds branch is merged: the lead swaps these two routes for the real
    # feed views (same names, same URLs) and deletes events/feed_placeholders.py.
    path("feeds/", feed_placeholders.feeds, name="feeds"),
    path("events/<int:pk>/event.ics", feed_placeholders.event_ics, name="event-ics"),
]
