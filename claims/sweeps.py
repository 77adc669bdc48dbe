"""The claims' deadline sweeps (see ``court.sweeps``)."""
from __future__ import annotations

from datetime import datetime

from django.db.models import QuerySet

from court.sweeps import Sweep, register

from .constants import ClaimState
from .models import Claim
from .services import claim_draft_delete


def expired_drafts(now: datetime) -> QuerySet[Claim]:
    return Claim.objects.filter(state=ClaimState.DRAFT, draft_expires_at__lte=now).order_by("draft_expires_at", "pk")


DELETE_EXPIRED_DRAFTS = register(
    Sweep(
        name="claims.delete_expired_drafts",
        description="Delete draft claims not saved for 28 days (DRAFT-28).",
        overdue=expired_drafts,
        act=lambda pk: claim_draft_delete(claim_id=pk, actor=None),
    )
)
