"""The claim's record of steps (PD 51R 3.1): what, when recorded, by whom.

A step by a party also restarts the six months after which a claim neither party acts on is
stayed (12.1): ``record`` does it (``touch_party_step``), so the rule lives with the record of
the steps it counts. The sweep that stays the claim once the six months pass is
``defended.services.inactivity_stay``.
"""
from __future__ import annotations

from datetime import datetime
from typing import Any

from accounts.roles import firm_of, staff_role, staff_title
from court.calendar import court_calendar
from ocmc import clock
from rules import periods
from rules.calendar import local

from .constants import COURT_AUTOMATED, PARTY_STEP_STATES, PartyRole
from .models import Claim, ClaimEvent
from .representation import representing_firm


def actor_label(actor: Any) -> str:
    if actor is None:
        return COURT_AUTOMATED
    if staff_role(actor):
        return staff_title(actor)
    return getattr(actor, "display_name", str(actor))


def party_actor_label(actor: Any, claim: Claim) -> str:
    """Who took a step, as the record shows it: as ``actor_label``, except that a user of the defendant's registered
    firm is named with the firm they act through, "<name> of <firm>, the defendant's legal representative" (as the
    response's statement of truth is, 13.1(2))."""
    label = actor_label(actor)
    if actor is None or staff_role(actor):
        return label
    through = representing_firm(actor, claim)
    if through is not None and through[0] == PartyRole.DEFENDANT:
        label = f"{label} of {through[1].name}, the defendant's legal representative"
    return label[:200]


def touch_party_step(claim: Claim, when: datetime) -> None:
    """A party took a step: the 6 months of 12.1 start again (one UPDATE; the caller's row is not saved).
    Before judgment, in a state where the parties still act online (``PARTY_STEP_STATES``), the
    claim is due to be stayed 6 months after the day of the step; in any other state nothing is due."""
    stay_at = (periods.stay_6m_no_step(court_calendar(), local(when).date())
               if claim.state in PARTY_STEP_STATES else None)
    Claim.objects.filter(pk=claim.pk).update(last_party_step_at=when, inactivity_stay_at=stay_at)
    claim.last_party_step_at = when
    claim.inactivity_stay_at = stay_at


def _is_party(actor: Any, claim: Claim) -> bool:
    """The actor is a party: the claimant's or defendant's account, or a member of a firm acting for one."""
    if actor.pk in (claim.owner_id, claim.defendant_user_id):
        return True
    firm = firm_of(actor)
    return firm is not None and firm.pk in (claim.claimant_firm_id, claim.defendant_firm_id)


def record(claim: Claim, *, kind: str, summary: str, actor: Any, data: dict[str, Any] | None = None) -> ClaimEvent:
    """Record a step. A step by a party (the claimant or the linked defendant) on an issued claim
    also restarts the 6 months after which a claim nobody acts on is stayed (12.1)."""
    pk = getattr(actor, "pk", None)
    if pk is not None and claim.issue_date is not None and _is_party(actor, claim):
        touch_party_step(claim, clock.now())
    now = clock.now()
    Claim.objects.filter(pk=claim.pk).update(last_activity_at=now)
    claim.last_activity_at = now
    return ClaimEvent.objects.create(
        claim=claim,
        kind=kind,
        summary=summary,
        recorded_at=clock.now(),
        actor=actor,
        actor_label=party_actor_label(actor, claim),
        data=data or {},
    )
