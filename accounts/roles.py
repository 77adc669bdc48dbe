"""Roles: what kind of user someone is, the court staff groups and what each may do in the admin.

Every signed-in user is exactly one kind (``user_kind``):

- **staff**: ``is_staff`` (court staff in one of the ``StaffRole`` groups, and administrators);
- **solicitor**: a member of a firm (``accounts.models.FirmMembership``) not removed from it;
- **citizen**: everyone else, the default for anyone who creates an account.
"""
from __future__ import annotations

from django.db import models

from .models import Firm, FirmMembership, FirmState, MemberState


class UserKind(models.TextChoices):
    CITIZEN = "citizen", "Member of the public"
    SOLICITOR = "solicitor", "Solicitor"
    STAFF = "staff", "Court staff"


class StaffRole(models.TextChoices):
    CASEWORKER = "caseworker", "Caseworker"
    LEGAL_ADVISER = "legal_adviser", "Legal adviser"
    JUDGE = "judge", "Judge"


#: The records of defended claims (PD 51R Sections 6, 10, 16-20): every staff group sees them, read-only.
DEFENDED_VIEW = [
    "defended.view_referral", "defended.view_application", "defended.view_directionsorder",
    "defended.view_paperresponse", "defended.view_claimantdecision",
]

#: Every staff group reads the fee schedules and the record of changes to them, and the fixed costs schedules.
FEES_VIEW = ["court.view_feeschedule", "court.view_feeband", "court.view_feeschedulechange",
             "court.view_fixedcostsschedule", "court.view_fixedcostsband"]

#: Model permissions each staff group is given (app_label.codename). Caseworkers keep the list of hearing
#: centres and where legal advisers operate (20.1(1)(c)), and the fee schedules; the others only see them.
STAFF_PERMISSIONS: dict[str, list[str]] = {
    StaffRole.CASEWORKER: [
        # Firms: their registration decided by caseworkers (firms.admin); members and invitations read-only.
        "accounts.view_firm", "accounts.change_firm", "accounts.view_firmmembership", "accounts.view_firminvitation",
        "court.view_closureday", "court.add_closureday", "court.change_closureday", "court.delete_closureday",
        "court.view_outage", "court.add_outage", "court.change_outage", "court.delete_outage",
        "court.view_jobrun", "court.view_notification",
        "claims.view_claim", "claims.view_claimevent", "responses.view_defendantresponse",
        "judgments.view_judgment", "judgments.view_settlementagreement", "judgments.view_claimantanswer",
        *DEFENDED_VIEW,
        "court.view_hearingcentre", "court.add_hearingcentre", "court.change_hearingcentre",
        "court.delete_hearingcentre",
        *FEES_VIEW, "court.add_feeschedule", "court.change_feeschedule", "court.delete_feeschedule",
        "court.add_feeband", "court.change_feeband", "court.delete_feeband",
        "court.add_fixedcostsschedule", "court.change_fixedcostsschedule", "court.delete_fixedcostsschedule",
        "court.add_fixedcostsband", "court.change_fixedcostsband", "court.delete_fixedcostsband",
        "claims.view_staffaccess",
        "accounts.view_feeaccount", "accounts.change_feeaccount", "payments.view_payment",
    ],
    StaffRole.LEGAL_ADVISER: [
        "court.view_closureday", "court.view_outage", "court.view_jobrun",
        "claims.view_claim", "claims.view_claimevent", "responses.view_defendantresponse",
        "judgments.view_judgment", "judgments.view_settlementagreement", "judgments.view_claimantanswer",
        *DEFENDED_VIEW, "court.view_hearingcentre", *FEES_VIEW,
    ],
    StaffRole.JUDGE: [
        "court.view_closureday", "court.view_outage", "court.view_jobrun",
        "claims.view_claim", "claims.view_claimevent", "responses.view_defendantresponse",
        "judgments.view_judgment", "judgments.view_settlementagreement", "judgments.view_claimantanswer",
        *DEFENDED_VIEW, "court.view_hearingcentre", *FEES_VIEW,
    ],
}


def staff_role(user: object) -> StaffRole | None:
    """The user's court staff role, or None for a member of the public."""
    if not getattr(user, "is_authenticated", False) or not getattr(user, "is_staff", False):
        return None
    names = set(user.groups.values_list("name", flat=True))  # type: ignore[attr-defined]
    for role in (StaffRole.JUDGE, StaffRole.LEGAL_ADVISER, StaffRole.CASEWORKER):
        if role.value in names:
            return role
    return None


def staff_title(user: object) -> str:
    """How a staff member is named on the court record, e.g. "Jane Smith, Legal adviser"."""
    role = staff_role(user)
    name = getattr(user, "display_name", str(user))
    return f"{name}, {role.label}" if role else name


def user_kind(user: object) -> UserKind | None:
    """``"staff"``, ``"solicitor"`` or ``"citizen"`` (a ``UserKind``, equal to those strings).

    None for someone not signed in. Staff comes first: a staff member is never treated as a
    solicitor or a citizen, whatever else is recorded about them.
    """
    if not getattr(user, "is_authenticated", False):
        return None
    if getattr(user, "is_staff", False):
        return UserKind.STAFF
    if firm_of(user) is not None:
        return UserKind.SOLICITOR
    return UserKind.CITIZEN


def membership_of(user: object) -> FirmMembership | None:
    """The user's membership of a firm (in any state), or None (citizens, staff, anyone not signed in)."""
    if not getattr(user, "is_authenticated", False):
        return None
    try:
        return user.firm_membership  # type: ignore[attr-defined,no-any-return]
    except FirmMembership.DoesNotExist:
        return None


def firm_of(user: object) -> Firm | None:
    """The firm the user is a member of (not removed from), or None (citizens, staff, anyone not signed in)."""
    membership = membership_of(user)
    if membership is None or membership.state == MemberState.REMOVED:
        return None
    return membership.firm


def acting_membership(user: object) -> FirmMembership | None:
    """The membership through which the user may act for their firm now: active, in an approved firm.
    None for a suspended or removed member, a member of a firm that is pending, rejected or suspended,
    and anyone who is not a solicitor."""
    membership = membership_of(user)
    if membership is None or membership.state != MemberState.ACTIVE or membership.firm.state != FirmState.APPROVED:
        return None
    return membership


def is_firm_admin(user: object) -> bool:
    """True for a solicitor who administers their firm (active, in an approved firm)."""
    membership = acting_membership(user)
    return membership is not None and membership.is_firm_admin
