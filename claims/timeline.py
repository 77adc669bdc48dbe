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
    return ClaimEvent.objects.create(
        claim=claim,
        kind=kind,
        summary=summary,
        recorded_at=clock.now(),
        actor=actor,
        actor_label=actor_label(actor),
        data=data or {},
    )
