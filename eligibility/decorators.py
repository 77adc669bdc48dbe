"""Guard for pages that need a claim suitable for the online service (PD 51R 2.1(3))."""
from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from . import session


def eligibility_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Send anyone who has not passed the eligibility checker to its start page."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not session.passed(request):
            return redirect("eligibility:start")
        return view(request, *args, **kwargs)

    return wrapped
