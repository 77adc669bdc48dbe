"""Reads. Every view gets its claim through ``get_claim_for_user``: one place checks access."""
from __future__ import annotations

from typing import Any
from uuid import UUID

from django.db.models import QuerySet
from django.http import Http404

from .models import Claim
from .policy import Action, can


def claims_for_user(user: Any) -> QuerySet[Claim]:
    """The claims shown on the user's own dashboard: those they made for themselves. A claim made for a client
    belongs to the firm and is reached only through the firm's dashboard, so a solicitor who has left the firm
    (or is suspended) never sees it here."""
    if not getattr(user, "is_authenticated", False):
        return Claim.objects.none()
    return Claim.objects.filter(owner=user, claimant_firm__isnull=True)


def claims_against_user(user: Any) -> QuerySet[Claim]:
    """The claims the user has linked as the defendant ("claims against you")."""
    if not getattr(user, "is_authenticated", False):
        return Claim.objects.none()
    return Claim.objects.filter(defendant_user=user).order_by("-issued_at", "-pk")


def get_claim_for_user(user: Any, public_id: UUID | str) -> Claim:
    """The claim, if the user may see it; otherwise 404, exactly as for a claim that does not exist."""
    claim = Claim.objects.filter(public_id=public_id).select_related("owner", "defendant_user").first()
    if claim is None or not can(user, claim, Action.VIEW):
        raise Http404("No such claim")
    return claim
