from django.urls import path

from events import views

app_name = "events"

urlpatterns = [
    path("", views.timeline, name="timeline"),
    path("events/<int:pk>/", views.event_detail, name="event-detail"),
    path("releases/<int:pk>/", views.release_detail, name="release-detail"),
]
