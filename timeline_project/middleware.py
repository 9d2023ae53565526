"""A database that cannot be reached answers 503 with a page saying so, not a 500 and a stuck worker.

With the connect and statement timeouts of settings.py, a database that is down, refuses
connections or accepts them and never answers fails the request within a few seconds; this turns
that failure into "Service unavailable, try again shortly" (with Retry-After). Pages that need no
query, such as /feeds/, never reach the database and keep answering.
"""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.views import defaults

# OperationalError: cannot connect, connection lost, statement cancelled by the timeout.
# InterfaceError: the connection was already closed under us.
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30
logger = logging.getLogger("timeline.database")


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
