"""The claim's record of steps (PD 51R 3.1): what, when recorded, by whom."""
from __future__ import annotations

from typing import Any

from accounts.roles import staff_role, staff_title
from ocmc import clock

from .constants import COURT_AUTOMATED
from .models import Claim, ClaimEvent


def actor_label(actor: Any) -> str:
    if actor is None:
        return COURT_AUTOMATED
    if staff_role(actor):
        return staff_title(actor)
    return getattr(actor, "display_name", str(actor))


def record(claim: Claim, *, kind: str, summary: str, actor: Any, data: dict[str, Any] | None = None) -> ClaimEvent:
    """Record a step. A step by a party (the claimant or the linked defendant) on an issued claim
    also restarts the 6 months after which a claim nobody acts on is stayed (12.1)."""
    pk = getattr(actor, "pk", None)
    if pk is not None and claim.issue_date is not None and pk in (claim.owner_id, claim.defendant_user_id):
        from defended.services import touch_party_step

        touch_party_step(claim, clock.now())
    return ClaimEvent.objects.create(
        claim=claim,
        kind=kind,
        summary=summary,
        recorded_at=clock.now(),
        actor=actor,
        actor_label=actor_label(actor),
        data=data or {},
    )
