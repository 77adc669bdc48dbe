"""A claimant's draft: made, saved, reminded about and deleted after 28 days unsaved (4.1, DRAFT-28)."""
from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import transaction

from accounts.roles import acting_membership
from court.notifications import notify
from ocmc import clock
from rules import periods

from .. import assignments, timeline
from ..constants import ClaimState
from ..errors import ClaimError
from ..models import Claim
from ..policy import Action, require
from ..representation import claimant_addressees
from .common import locked_claim


def claim_draft_create(*, owner: Any, data: dict[str, Any] | None = None) -> Claim:
    """Start a draft claim for ``owner``."""
    now = clock.now()
    with transaction.atomic():
        claim = Claim(owner=owner, draft_data=dict(data or {}), created_at=now)
        _mark_saved(claim, now)
        claim.save()
        timeline.record(claim, kind="draft_started", summary="Draft claim started", actor=owner)
    return claim


def firm_snapshot(firm: Any) -> dict[str, Any]:
    """A firm as the claim form shows it (kept in the draft, so the signed form keeps it as it was)."""
    return {
        "id": firm.pk, "name": firm.name, "sra_number": firm.sra_number, "address_line1": firm.address_line_1,
        "address_line2": firm.address_line_2, "town": firm.town, "postcode": firm.postcode,
        "service_email": firm.service_email,
    }


def claim_represented_draft_create(*, actor: Any, eligibility: dict[str, str]) -> Claim:
    """A solicitor of a registered firm starts a claim for a client (PD 51R 2.1(3)(d)(ii)-(iii)).

    The firm is the claimant's legal representative (``Claim.claimant_firm``) and the solicitor who
    starts it is its first assignee (``claims.assignments.assign_creator``). The eligibility answers
    (``eligibility.represented``) are kept with the draft; the defendant's representation answered
    there starts the form's section on it.
    """
    membership = acting_membership(actor)
    if membership is None or not membership.is_solicitor:
        raise ClaimError("Only a solicitor of a firm registered with this service can make a claim for a client.")
    answer = eligibility.get("defendant-legal-representative", "")
    representation: dict[str, Any] = {"claimant_firm": firm_snapshot(membership.firm)}
    if answer in {"none", "registered", "unregistered"}:
        representation["defendant"] = answer
    now = clock.now()
    with transaction.atomic():
        claim = Claim(
            owner=actor, claimant_firm=membership.firm, created_at=now,
            draft_data={"eligibility": dict(eligibility), "representation": representation},
        )
        _mark_saved(claim, now)
        claim.save()
        assignments.assign_creator(claim, user=actor)
        timeline.record(claim, kind="draft_started", summary=f"Draft claim started by {membership.firm.name}",
                        actor=actor)
    return claim


def claim_draft_save(*, claim_id: int, actor: Any, data: dict[str, Any]) -> Claim:
    """Save answers to a draft; saving restarts its 28 days."""
    with transaction.atomic():
        claim = locked_claim(claim_id)
        if claim is None:
            raise ClaimError("This draft no longer exists.")
        require(actor, claim, Action.EDIT_DRAFT)
        claim.draft_data = {**claim.draft_data, **data}
        _mark_saved(claim, clock.now())
        claim.save(update_fields=["draft_data", "last_saved_at", "draft_expires_at", "draft_reminder_at"])
    return claim


def _mark_saved(claim: Claim, now: datetime) -> None:
    """Saving a draft restarts its 28 days, and its reminder."""
    claim.last_saved_at = now
    claim.draft_expires_at = periods.draft_28(now)
    claim.draft_reminder_at = periods.draft_reminder(claim.draft_expires_at)


def claim_draft_remind(*, claim_id: int) -> bool:
    """Tell the owner their draft will be deleted unless they save it (the court, 7 days before).

    Returns True if the reminder was sent now. Nothing is sent for a draft that has been
    saved since (its reminder moved) or that has already expired (the deletion email
    follows instead), so a late or repeated sweep never sends a misleading reminder.
    """
    with transaction.atomic():
        claim = locked_claim(claim_id)
        if claim is None or claim.state != ClaimState.DRAFT or claim.draft_reminder_at is None:
            return False
        now = clock.now()
        if claim.draft_reminder_at > now:
            return False
        expired = claim.draft_expires_at is not None and claim.draft_expires_at <= now
        if not expired:
            for addressee in claimant_addressees(claim):
                notify(
                    kind="draft_expiring",
                    to_email=addressee.email,
                    user=addressee.user,
                    context={"owner": addressee, "claim": claim, "expires_at": claim.draft_expires_at},
                )
        claim.draft_reminder_at = None
        claim.save(update_fields=["draft_reminder_at"])
    return not expired


def claim_draft_delete(*, claim_id: int, actor: Any) -> bool:
    """Delete a draft claim: by its owner at any time, or by the court once it has expired.

    Returns True if this call deleted it; False if there was nothing to do (already
    deleted, or saved again since it was found overdue), so a sweep can call it twice.
    """
    with transaction.atomic():
        claim = locked_claim(claim_id)
        if claim is None:
            return False
        if actor is None:
            if claim.state != ClaimState.DRAFT or claim.draft_expires_at is None:
                return False
            if claim.draft_expires_at > clock.now():
                return False
            for addressee in claimant_addressees(claim):
                notify(
                    kind="draft_deleted",
                    to_email=addressee.email,
                    user=addressee.user,
                    context={"owner": addressee, "claim": claim, "last_saved_at": claim.last_saved_at},
                )
        else:
            require(actor, claim, Action.DELETE_DRAFT)
        claim.delete()
    return True


# -- court staff reading what the parties' record keeps back --------------------------------
