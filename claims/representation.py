"""Who in a firm may see and act on a claim (PD 51R 1.1: a party's legal representative).

A firm user reaches a claim only through their membership: active, in an approved firm that
represents a party on the claim; and then only a case assigned or shared to them, unless their role
is "sees all the firm's cases". Acting (anything beyond reading) needs the solicitor role too.
``claims.policy`` asks here; nothing else decides.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet

from accounts.models import Firm, FirmMembership, FirmState, MemberState
from accounts.roles import acting_membership

from .constants import PartyRole
from .models import Claim


def firm_sides(claim: Claim, firm_id: int) -> set[str]:
    """The sides of the claim the firm represents (normally one). A defendant's firm comes onto the claim
    when it is issued: until then the claim is the claimant's draft, which the other side never sees."""
    sides = set()
    if claim.claimant_firm_id == firm_id:
        sides.add(PartyRole.CLAIMANT.value)
    if claim.defendant_firm_id == firm_id and claim.issue_date is not None:
        sides.add(PartyRole.DEFENDANT.value)
    return sides


def is_assigned(user: Any, claim: Claim) -> bool:
    """The case is assigned or shared to the user (a live allocation of their firm)."""
    return claim.assignments.filter(user=user, ended_at__isnull=True).exists()


def firm_side(user: Any, claim: Claim) -> tuple[str, FirmMembership] | None:
    """(side, membership) when the user may see the claim for their firm; otherwise None."""
    membership = acting_membership(user)
    if membership is None:
        return None
    sides = firm_sides(claim, membership.firm_id)
    if not sides:
        return None
    if not membership.sees_all_cases and not is_assigned(user, claim):
        return None
    side = PartyRole.CLAIMANT.value if PartyRole.CLAIMANT.value in sides else PartyRole.DEFENDANT.value
    return side, membership


def acting_side(user: Any, claim: Claim) -> str | None:
    """The side of the claim the user takes the party's steps for, or None: the one answer every service and page
    asks ("is this the claimant? the defendant?") instead of comparing accounts itself.

    - the claimant: for a represented claimant, a user of the claimant's firm who may see the case (the account
      that made the claim counts only through the firm); otherwise the account that made the claim;
    - the defendant: the defendant in person (the account that linked the claim), or a user of the defendant's
      registered firm who may see the case (served on it through the website, 4.3(6)).

    Whether they may take a given step now (a firm user needs the solicitor role to act) is ``claims.policy``'s
    answer; this says only whose steps they are. The claimant's firm is never the defendant's side."""
    if not getattr(user, "is_authenticated", False):
        return None
    if claim.claimant_firm_id is not None or claim.defendant_firm_id is not None:
        side = firm_side(user, claim)
        if side is not None:
            return side[0]
    if claim.claimant_firm_id is None and claim.owner_id == user.pk:
        return PartyRole.CLAIMANT.value
    if claim.defendant_user_id is not None and claim.defendant_user_id == user.pk:
        return PartyRole.DEFENDANT.value
    return None


def acts_for_claimant(user: Any, claim: Claim) -> bool:
    """The user is the claimant's side (see ``acting_side``)."""
    return acting_side(user, claim) == PartyRole.CLAIMANT


def acts_for_defendant(user: Any, claim: Claim) -> bool:
    """The user is the defendant's side: in person, or a user of the defendant's registered firm who may see the
    case (see ``acting_side``)."""
    return acting_side(user, claim) == PartyRole.DEFENDANT


def representing_firm(user: Any, claim: Claim) -> tuple[str, Firm] | None:
    """(side, firm) when the user acts for a party through that party's firm; None for a party in person or
    anyone else."""
    side = firm_side(user, claim) if getattr(user, "is_authenticated", False) else None
    return (side[0], side[1].firm) if side is not None else None


def may_allocate(user: Any, claim: Claim) -> bool:
    """A firm administrator of a firm on the claim allocates it within the firm (whether or not they see it)."""
    membership = acting_membership(user)
    return (membership is not None and membership.is_firm_admin
            and bool(firm_sides(claim, membership.firm_id)))


def firm_cases(firm_id: int) -> QuerySet[Claim]:
    """Every claim the firm represents a party on, drafts included."""
    return Claim.objects.filter(Q(claimant_firm_id=firm_id) | Q(defendant_firm_id=firm_id))


def cases_visible_to(user: Any) -> QuerySet[Claim]:
    """The claims of the user's firm they may see (see ``firm_side``); none for anyone else."""
    membership = acting_membership(user)
    if membership is None:
        return Claim.objects.none()
    cases = firm_cases(membership.firm_id)
    if membership.sees_all_cases:
        return cases
    return cases.filter(assignments__user=user, assignments__ended_at__isnull=True).distinct()


@dataclass(frozen=True)
class Addressee:
    """Someone an email about a claim not yet issued goes to (it has no claim number for the firms' router)."""

    email: str
    user: Any
    display_name: str


def claimant_addressees(claim: Claim) -> list[Addressee]:
    """Who hears about the claimant's claim before it is issued (a draft about to expire or deleted, a claim
    received): the claimant in person; for a firm's claim, the firm's solicitors on it (active members, the firm
    approved), else the firm's email for service, never someone who has left the firm."""
    if claim.claimant_firm_id is None:
        return [Addressee(claim.owner.email, claim.owner, claim.owner.display_name)]
    firm = claim.claimant_firm
    if firm.state == FirmState.APPROVED:
        rows = (claim.assignments.filter(firm=firm, ended_at__isnull=True, user__firm_membership__firm=firm,
                                         user__firm_membership__state=MemberState.ACTIVE)
                .select_related("user").order_by("kind", "pk"))
        people = [Addressee(row.user.email, row.user, row.user.display_name) for row in rows]
        if people:
            return people
    return [Addressee(firm.service_email, None, firm.name)] if firm.service_email else []
