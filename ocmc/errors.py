"""The pages shown when the service itself fails (500) or cannot reach its database (503).

Both are rendered without the request: no context processors, no session, no signed-in user, so
the page cannot fail again for the reason the request failed (a broken database, say).
"""
from __future__ import annotations

import logging
from collections.abc import Callable

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

log = logging.getLogger(__name__)

#: Seconds a browser (or a monitor) is told to wait before trying again after a 503.
RETRY_AFTER_SECONDS = 120


def _page(template: str, status: int) -> HttpResponse:
    return HttpResponse(render_to_string(template, {"service_name": settings.SERVICE_NAME}), status=status)


def server_error(request: HttpRequest) -> HttpResponse:
    """``handler500``: Django has already logged the exception."""
    return _page("500.html", 500)


def service_unavailable() -> HttpResponse:
    response = _page("503.html", 503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


class DatabaseUnavailableMiddleware:
    """The database refused or lost the connection (or stayed locked past its timeout): tell the
    person the service is unavailable for a few minutes (503), not that it is broken."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        log.error("database unavailable for %s %s", request.method, request.path, exc_info=exception)
        return service_unavailable()
