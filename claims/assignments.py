"""Allocating a firm's cases to its solicitors (the MyHMCTS "Unassigned cases" work).

A firm administrator assigns a case to a solicitor of the firm, reallocates it (to cover leave or for
supervision) or shares it with a colleague; a case may be assigned only within the firm. Each change
ends the allocation it replaces and starts a new one (``CaseAssignment``), so the rows are the firm's
record of who allocated what and when; they are never shown to the other party and never put on the
claim's timeline. Each function runs in a transaction and locks the claim row, so two administrators
allocating the same case at once end with one assignee.
"""
from __future__ import annotations

from typing import Any

from django.db import transaction

from accounts.models import Firm, FirmMembership, MemberState
from accounts.roles import acting_membership
from court.notifications import notify
from ocmc import clock

from .errors import NotAllowed
from .models import AssignmentKind, CaseAssignment, Claim
from .representation import firm_sides, may_allocate


def _allocatable_member(firm: Firm, user: Any) -> FirmMembership:
    membership = FirmMembership.objects.filter(user=user, firm=firm, state=MemberState.ACTIVE).first()
    if membership is None or not membership.is_solicitor:
        raise NotAllowed("A case can be allocated only to an active solicitor of the firm.")
    return membership


def _lock(claim: Claim) -> Claim:
    return Claim.objects.select_for_update().get(pk=claim.pk)


def _firm_for(actor: Any, claim: Claim) -> Firm:
    if not may_allocate(actor, claim):
        raise NotAllowed("Only the firm's administrator can allocate its cases.")
    membership = acting_membership(actor)
    assert membership is not None
    return membership.firm


def current_assignee(claim: Claim, firm: Firm) -> CaseAssignment | None:
    return CaseAssignment.objects.filter(
        claim=claim, firm=firm, kind=AssignmentKind.ASSIGNED, ended_at__isnull=True).select_related("user").first()


def assign(claim: Claim, *, to: Any, actor: Any, reason: str = "") -> CaseAssignment:
    """Assign the case to ``to`` (allocating an unassigned case, or reallocating an assigned one). The same
    assignee again changes nothing. A colleague the case was shared with becomes the assignee instead."""
    with transaction.atomic():
        claim = _lock(claim)
        firm = _firm_for(actor, claim)
        _allocatable_member(firm, to)
        now = clock.now()
        current = current_assignee(claim, firm)
        if current is not None and current.user_id == to.pk:
            return current
        if current is not None:
            _end(current, by=actor, at=now, reason=reason or f"Reallocated to {to.display_name}")
        share = CaseAssignment.objects.filter(claim=claim, user=to, ended_at__isnull=True).first()
        if share is not None:
            _end(share, by=actor, at=now, reason="Assigned instead of shared")
        row = CaseAssignment.objects.create(
            claim=claim, firm=firm, user=to, kind=AssignmentKind.ASSIGNED, assigned_at=now, assigned_by=actor)
        _tell_allocated(row, reallocated_from=current)
        return row


def share(claim: Claim, *, to: Any, actor: Any) -> CaseAssignment:
    """Share the case with a colleague (they see and act on it beside the assignee). Once only."""
    with transaction.atomic():
        claim = _lock(claim)
        firm = _firm_for(actor, claim)
        _allocatable_member(firm, to)
        live = CaseAssignment.objects.filter(claim=claim, user=to, ended_at__isnull=True).first()
        if live is not None:
            return live
        row = CaseAssignment.objects.create(
            claim=claim, firm=firm, user=to, kind=AssignmentKind.SHARED, assigned_at=clock.now(), assigned_by=actor)
        _tell_allocated(row)
        return row


def _tell_allocated(row: CaseAssignment, *, reallocated_from: CaseAssignment | None = None) -> None:
    """Email the solicitor a case was assigned or shared to (the firm's email about the case, once per
    allocation). The colleague it was taken from learns of it from the allocation record."""
    claim = row.claim
    notify(kind="case_allocated", to_email=row.user.email, user=row.user, claim_number=claim.claim_number or "",
           firm=row.firm, key=f"case-allocated:{row.pk}",
           context={"claim": claim, "assignment": row, "firm": row.firm, "shared": row.kind == AssignmentKind.SHARED,
                    "reallocated": reallocated_from is not None, "by": row.assigned_by})


def unassign(claim: Claim, *, user: Any, actor: Any, reason: str = "") -> None:
    """End the user's allocation of the case (assigned or shared). Nothing to end changes nothing."""
    with transaction.atomic():
        claim = _lock(claim)
        _firm_for(actor, claim)
        for row in CaseAssignment.objects.filter(claim=claim, user=user, ended_at__isnull=True):
            _end(row, by=actor, at=clock.now(), reason=reason or "Unassigned")


def assign_creator(claim: Claim, *, user: Any) -> CaseAssignment | None:
    """The solicitor who starts a claim for the firm is its first assignee (no administrator involved)."""
    membership = acting_membership(user)
    if membership is None or claim.claimant_firm_id != membership.firm_id:
        return None
    existing = current_assignee(claim, membership.firm)
    if existing is not None:
        return existing
    return CaseAssignment.objects.create(
        claim=claim, firm=membership.firm, user=user, kind=AssignmentKind.ASSIGNED, assigned_at=clock.now(),
        assigned_by=user)


def release_member(membership: FirmMembership, *, actor: Any) -> list[Claim]:
    """A removed (or suspended) member's cases go back to "Unassigned": every live allocation of theirs
    ends. Returns the claims that now have no assignee in the firm. The caller holds the transaction."""
    now = clock.now()
    rows = list(CaseAssignment.objects.select_for_update().filter(
        firm=membership.firm, user=membership.user, ended_at__isnull=True).select_related("claim"))
    unassigned = []
    for row in rows:
        _end(row, by=actor, at=now, reason="The member left the firm")
        if row.kind == AssignmentKind.ASSIGNED:
            unassigned.append(row.claim)
    return unassigned


def hand_over(claim: Claim, *, former: Firm | None, new: Firm, filer: Any, at: Any,
              reason: str) -> list[CaseAssignment]:
    """A notice of change (PD 51R 21): every live allocation of the former firm ends (its users lose the case), and
    the solicitor who filed the notice has the case shared with them, so they see and act on it at once while it
    waits in the new firm's "Unassigned" list for an administrator to allocate it (allocating it to them turns the
    share into the assignment). Returns the former firm's allocations ended. The caller holds the transaction and
    the claim's lock, and has already changed the claim's firm."""
    ended: list[CaseAssignment] = []
    if former is not None:
        ended = list(CaseAssignment.objects.select_for_update().filter(
            claim=claim, firm=former, ended_at__isnull=True).select_related("user"))
        for row in ended:
            _end(row, by=filer, at=at, reason=reason)
    if not CaseAssignment.objects.filter(claim=claim, user=filer, ended_at__isnull=True).exists():
        CaseAssignment.objects.create(claim=claim, firm=new, user=filer, kind=AssignmentKind.SHARED, assigned_at=at,
                                      assigned_by=filer)
    return ended


def _end(row: CaseAssignment, *, by: Any, at: Any, reason: str) -> None:
    row.ended_at = at
    row.ended_by = by
    row.end_reason = reason[:200]
    row.save(update_fields=["ended_at", "ended_by", "end_reason"])


def allocation_record(claim: Claim, firm: Firm) -> list[CaseAssignment]:
    """The firm's record of every allocation of the case, newest first (never the other firm's)."""
    if not firm_sides(claim, firm.pk):
        return []
    return list(CaseAssignment.objects.filter(claim=claim, firm=firm).select_related("user", "assigned_by",
                                                                                    "ended_by"))
