from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from ocmc import clock

from . import services
from .errors import ClaimError
from .policy import Action, allowed_actions
from .selectors import claims_for_user, get_claim_for_user


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    claims = list(claims_for_user(request.user))
    return render(request, "claims/dashboard.html", {"claims": claims, "now": clock.now()})


@login_required
def claim_detail(request: HttpRequest, public_id: UUID) -> HttpResponse:
    claim = get_claim_for_user(request.user, public_id)
    return render(
        request,
        "claims/detail.html",
        {
            "claim": claim,
            "actions": {str(action) for action in allowed_actions(request.user, claim)},
            "events": claim.events.all(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def draft_delete(request: HttpRequest, public_id: UUID) -> HttpResponse:
    claim = get_claim_for_user(request.user, public_id)
    if request.method == "POST":
        try:
            services.claim_draft_delete(claim_id=claim.pk, actor=request.user)
        except ClaimError as exc:
            messages.error(request, str(exc))
            return redirect("claims:detail", public_id=claim.public_id)
        messages.success(request, "Your draft claim has been deleted.")
        return redirect("claims:dashboard")
    if Action.DELETE_DRAFT not in allowed_actions(request.user, claim):
        return redirect("claims:detail", public_id=claim.public_id)
    return render(request, "claims/draft_delete.html", {"claim": claim})
