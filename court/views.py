from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from ocmc import clock

from .calendar import upcoming_closed_days


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "home.html")


def closed_days(request: HttpRequest) -> HttpResponse:
    today = clock.today()
    return render(
        request,
        "court/closed_days.html",
        {"days": upcoming_closed_days(today, days=365), "today": today},
    )


def healthz(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "ok", "time": clock.now().isoformat()})
