"""A step that no longer applies is not an error: the person is told what happened."""
from __future__ import annotations

import logging
from collections.abc import Callable

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from .errors import NotAllowed
from .policy import Action, can

log = logging.getLogger(__name__)


class StaleStepMiddleware:
    """Turns ``NotAllowed`` from a view (a stale page, the back button, a second press after the
    claim moved on) into a redirect to the claim's page, or the dashboard for someone who cannot see
    it, with the reason in a notification banner. Logged at INFO: it is expected, not a fault."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, NotAllowed):
            return None
        claim = exception.claim
        log.info("step %s no longer applies to claim %s (%s) for user %s: %s", exception.action,
                 getattr(claim, "pk", None), getattr(claim, "state", ""), getattr(request.user, "pk", None),
                 exception)
        messages.info(request, str(exception))
        if claim is None or not can(request.user, claim, Action.VIEW):
            return redirect("claims:dashboard")
        if claim.defendant_user_id is not None and claim.defendant_user_id == request.user.pk:
            return redirect("responses:claim", public_id=claim.public_id)
        return redirect("claims:detail", public_id=claim.public_id)
