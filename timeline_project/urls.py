from django.contrib import admin
from django.urls import include, path

from events.api import api

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", api.urls),
    path("", include("events.urls")),
]

# A database failure outside a view answers 503 like one inside (timeline_project.middleware).
handler500 = "timeline_project.middleware.server_error"
