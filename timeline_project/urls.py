from django.contrib import admin
from django.contrib.sitemaps import views as sitemaps
from django.http import HttpResponse
from django.urls import include, path
from django.views.decorators.http import require_safe

from events.api import api
from events.structured import SITEMAPS, robots_txt


def no_favicon(request):
    """The site has no icon: browsers asking for /favicon.ico (the admin names none) get 204, not a 404."""
    response = HttpResponse(status=204)
    response["Cache-Control"] = "public, max-age=86400"
    return response


urlpatterns = [
    path("favicon.ico", no_favicon),
    path("admin/", admin.site.urls),
    path("api/", api.urls),
    path(
        "sitemap.xml",
        require_safe(sitemaps.index),
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap-section"},
        name="sitemap-index",
    ),
    path("sitemap-<section>.xml", require_safe(sitemaps.sitemap), {"sitemaps": SITEMAPS}, name="sitemap-section"),
    path("robots.txt", robots_txt, name="robots-txt"),
    path("", include("events.urls")),
]

# A database failure outside a view answers 503 like one inside (timeline_project.middleware).
handler500 = "timeline_project.middleware.server_error"
