"""Requests that must not reach a view: bodies over the limit (413), and a database that is down (503).

A database that cannot be reached answers 503 with a page saying so, not a 500 and a stuck worker.

With the connect and statement timeouts of settings.py, a database that is down, refuses
connections or accepts them and never answers fails the request within a few seconds; this turns
that failure into "Service unavailable, try again shortly" (with Retry-After). Pages that need no
query, such as /feeds/, never reach the database and keep answering.
"""

import logging
import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.views import defaults

# OperationalError: cannot connect, connection lost, statement cancelled by the timeout.
# InterfaceError: the connection was already closed under us.
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30
logger = logging.getLogger("timeline.requests")


def service_unavailable(request) -> HttpResponse:
    response = HttpResponse(render_to_string("503.html", request=request), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    """Views (and the templates they render) that fail on the database answer 503."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_UNAVAILABLE):
            logger.error("database unavailable, answering 503: %s", exception)
            return service_unavailable(request)
        return None


def server_error(request):
    """handler500: a database failure outside a view (a middleware loading the session) is a 503 too."""
    if isinstance(sys.exception(), DATABASE_UNAVAILABLE):
        logger.error("database unavailable, answering 503: %s", sys.exception())
        return service_unavailable(request)
    return defaults.server_error(request)


class RequestBodyLimitMiddleware:
    """413 for a request whose declared body is over MAX_REQUEST_BODY_BYTES, before any of it is read.

    The proxy refuses such bodies first (client_max_body_size in deploy/nginx.conf, the same limit);
    this holds when the app is reached some other way. A body without Content-Length is never read
    by Django (WSGI gives it as empty).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            declared = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return HttpResponse("Bad Content-Length.", status=400, content_type="text/plain; charset=utf-8")
        limit = settings.MAX_REQUEST_BODY_BYTES
        if declared > limit:
            logger.warning("refused a %d-byte request body to %s", declared, request.path)
            message = f"Request body too large ({declared / 1e6:.1f} MB; at most {limit / 1e6:.1f} MB)."
            return HttpResponse(message, status=413, content_type="text/plain; charset=utf-8")
        return self.get_response(request)


class PermissionsPolicyMiddleware:
    """Sends settings.PERMISSIONS_POLICY: browser features (camera, location…) this site never uses."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response
