"""Firms on the service: registering a firm, the court's decisions on it, and its administrator managing its users
(the MyHMCTS way: the firm's administrator adds and removes users without the court, and there is no limit on
the number of users).

Every step runs in a transaction, locks the row it changes (``select_for_update``), checks who may act, moves the
record's state machine (``accounts.models``: Firm, FirmMembership, FirmInvitation) and queues its emails
(``court.notifications.notify``) in the same transaction.

The rule on members: **a firm always keeps at least one active firm administrator**. A change that would leave
none (taking away the last administrator's role, suspending or removing them) is refused. Each member step locks
every membership row of the firm first, so two administrators demoting each other at once cannot both succeed.

Suspending or removing a member sends their cases back to "Unassigned" (``claims.assignments.release_member``);
the firm's administrators and its email for service are told which.

Invitations: a random token is emailed as a link (``/firm/invitations/<token>/``); only its SHA-256 is kept. The
link expires ``INVITATION_VALID_FOR`` after it was sent, can be sent again (a new link: the old one stops working),
withdrawn, and is used once.
"""
from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Q
from django_fsm import can_proceed

from accounts.models import (
    Firm,
    FirmInvitation,
    FirmMembership,
    FirmState,
    InvitationState,
    MemberState,
    User,
)
from accounts.roles import acting_membership, membership_of
from claims import ocon1, timeline
from claims.assignments import hand_over, release_member
from claims.constants import DefendantRepresentation, PartyRole, SentOutTo
from claims.models import CaseAssignment, Claim
from claims.numbers import normalise_claim_number
from claims.policy import Action, can
from claims.services import locked_claim, parties_to_tell, send_out
from court.notifications import notify
from ocmc import clock
from rules import notice_of_change

from .postcodes import england_and_wales_postcode

#: How long an invitation's link works after it was (last) sent.
INVITATION_VALID_FOR = timedelta(days=7)


class FirmError(Exception):
    """A step that cannot be taken; the message is fit to show the person who tried."""


class NotAllowed(FirmError):
    """The person may not take this step."""


@dataclass(frozen=True)
class Roles:
    """A firm user's roles (any combination with at least one of administrator or solicitor)."""

    admin: bool = False
    solicitor: bool = True
    sees_all: bool = False

    def check(self) -> None:
        if not (self.admin or self.solicitor):
            raise FirmError("Choose at least one of firm administrator or solicitor")

    @classmethod
    def of(cls, record: FirmMembership | FirmInvitation) -> Roles:
        return cls(admin=record.is_firm_admin, solicitor=record.is_solicitor, sees_all=record.sees_all_cases)


# -- who is told ---------------------------------------------------------------------------------------------


def firm_recipients(firm: Firm) -> list[str]:
    """The firm's active administrators and its email for service (each address once)."""
    emails = list(firm.memberships.filter(state=MemberState.ACTIVE, is_firm_admin=True)
                  .order_by("user__email").values_list("user__email", flat=True))
    if firm.service_email:
        emails.append(firm.service_email)
    seen: dict[str, str] = {}
    for email in emails:
        seen.setdefault(email.lower(), email)
    return list(seen.values())


def _tell_firm(firm: Firm, kind: str, context: dict[str, Any]) -> None:
    for email in firm_recipients(firm):
        notify(kind=kind, to_email=email, context={"firm": firm, **context})


# -- registering a firm --------------------------------------------------------------------------------------


def may_register(user: Any) -> bool:
    """Any signed-in user who is not court staff and not in a firm (a removed member is not in one)."""
    if not getattr(user, "is_authenticated", False) or user.is_staff:
        return False
    membership = membership_of(user)
    return membership is None or membership.state == MemberState.REMOVED


def sra_number_taken(sra_number: str, *, exclude: Firm | None = None) -> bool:
    """Another firm that is not rejected already has this SRA number."""
    if not sra_number:
        return False
    others = Firm.objects.filter(sra_number__iexact=sra_number).exclude(state=FirmState.REJECTED)
    if exclude is not None:
        others = others.exclude(pk=exclude.pk)
    return others.exists()


def register_firm(user: Any, *, name: str, sra_number: str, address_line_1: str, address_line_2: str = "",
                  town: str, postcode: str, dx: str = "", service_email: str) -> Firm:
    """Register a firm: it waits for the court's approval, and ``user`` is its first administrator (a solicitor
    who sees all its cases)."""
    with transaction.atomic():
        User.objects.select_for_update().get(pk=user.pk)  # one registration at a time per person
        if not may_register(user):
            raise NotAllowed("You cannot register a firm: you are already a member of one, or you are court staff")
        old = membership_of(user)
        if old is not None:  # removed from another firm: the row is the old firm's record, so it cannot be reused
            raise FirmError("Your account was removed from a firm. Create a new account to register a firm")
        try:
            postcode = england_and_wales_postcode(postcode)
        except ValueError as exc:
            raise FirmError(str(exc)) from exc
        sra_number = sra_number.strip().upper()
        if not sra_number:
            raise FirmError("Enter the firm's SRA number")
        if sra_number_taken(sra_number):
            raise FirmError("A firm with this SRA number is already registered")
        if not name.strip() or not address_line_1.strip() or not town.strip() or not service_email.strip():
            raise FirmError("Enter the firm's name, address and email for service")
        try:
            with transaction.atomic():
                firm = Firm.objects.create(
                    name=name.strip(), sra_number=sra_number, address_line_1=address_line_1.strip(),
                    address_line_2=address_line_2.strip(), town=town.strip(), postcode=postcode, dx=dx.strip(),
                    service_email=service_email.strip().lower(),
                )
        except IntegrityError as exc:  # the same SRA number registered at the same moment by someone else
            raise FirmError("A firm with this SRA number is already registered") from exc
        FirmMembership.objects.create(user=user, firm=firm, is_firm_admin=True, is_solicitor=True,
                                      sees_all_cases=True)
        _tell_firm(firm, "firm_registered", {"user": user})
        return firm


# -- the court's decisions -----------------------------------------------------------------------------------


def may_decide(actor: Any) -> bool:
    """Court staff who may change firms (caseworkers, administrators)."""
    return bool(getattr(actor, "is_staff", False) and actor.has_perm("accounts.change_firm"))


def _decide(actor: Any, firm: Firm, *, step: str, reason: str = "", reason_required: bool = False) -> Firm:
    if not may_decide(actor):
        raise NotAllowed("Only court staff can decide on a firm's registration")
    reason = " ".join((reason or "").split())
    if reason_required and not reason:
        raise FirmError("Give the reason: the firm is told it")
    with transaction.atomic():
        firm = Firm.objects.select_for_update().get(pk=firm.pk)
        transition = getattr(firm, step)
        if not can_proceed(transition):
            raise FirmError(f"The firm is {firm.get_state_display().lower()}: it cannot be {_DONE[step]} now")
        transition()
        firm.decided_at = clock.now()
        firm.decision_reason = reason[:500]
        firm.save()
        _tell_firm(firm, f"firm_{_DONE[step]}", {"reason": firm.decision_reason})
        return firm


_DONE = {"approve": "approved", "reject": "rejected", "suspend": "suspended", "reinstate": "reinstated"}


def approve_firm(actor: Any, firm: Firm) -> Firm:
    return _decide(actor, firm, step="approve")


def reject_firm(actor: Any, firm: Firm, *, reason: str) -> Firm:
    return _decide(actor, firm, step="reject", reason=reason, reason_required=True)


def suspend_firm(actor: Any, firm: Firm, *, reason: str) -> Firm:
    return _decide(actor, firm, step="suspend", reason=reason, reason_required=True)


def reinstate_firm(actor: Any, firm: Firm) -> Firm:
    return _decide(actor, firm, step="reinstate")


# -- invitations ---------------------------------------------------------------------------------------------


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _admin_of(actor: Any, firm: Firm) -> FirmMembership:
    """The actor's membership if they are an active administrator of ``firm`` and the firm is approved."""
    membership = acting_membership(actor)
    if membership is None or membership.firm_id != firm.pk or not membership.is_firm_admin:
        raise NotAllowed("Only an administrator of an approved firm can manage its users")
    return membership


def _in_a_firm(email: str) -> bool:
    return FirmMembership.objects.filter(user__email__iexact=email).exclude(state=MemberState.REMOVED).exists()


def _send(invitation: FirmInvitation, token: str) -> None:
    notify(kind="firm_invitation", to_email=invitation.email,
           context={"invitation": invitation, "firm": invitation.firm, "path": f"/firm/invitations/{token}/"})


def invite(actor: Any, firm: Firm, email: str, roles: Roles) -> tuple[FirmInvitation, str]:
    """Invite a colleague by email with ``roles``. Returns the invitation and its token (the link's secret,
    which is emailed and never stored)."""
    email = email.strip().lower()
    roles.check()
    with transaction.atomic():
        firm = Firm.objects.select_for_update().get(pk=firm.pk)
        _admin_of(actor, firm)
        if User.objects.filter(email__iexact=email, is_staff=True).exists():
            raise FirmError("This email address belongs to court staff: they cannot join a firm")
        if _in_a_firm(email):
            raise FirmError("This person is already a member of a firm")
        if firm.invitations.filter(email__iexact=email, state=InvitationState.SENT).exists():
            raise FirmError("This person already has an invitation waiting: send it again from the invitations page")
        token = secrets.token_urlsafe(32)
        now = clock.now()
        invitation = FirmInvitation.objects.create(
            firm=firm, email=email, is_firm_admin=roles.admin, is_solicitor=roles.solicitor,
            sees_all_cases=roles.sees_all, token_hash=hash_token(token), invited_by=actor, sent_at=now,
            expires_at=now + INVITATION_VALID_FOR,
        )
        _send(invitation, token)
        return invitation, token


def _lock_invitation(actor: Any, invitation: FirmInvitation) -> FirmInvitation:
    invitation = FirmInvitation.objects.select_for_update().select_related("firm").get(pk=invitation.pk)
    _admin_of(actor, invitation.firm)
    if invitation.state != InvitationState.SENT:
        raise FirmError(f"This invitation was {invitation.get_state_display().lower()}: it cannot be changed")
    return invitation


def resend(actor: Any, invitation: FirmInvitation) -> tuple[FirmInvitation, str]:
    """Send the invitation again: a new link, valid for ``INVITATION_VALID_FOR`` from now; the old link stops
    working."""
    with transaction.atomic():
        invitation = _lock_invitation(actor, invitation)
        token = secrets.token_urlsafe(32)
        now = clock.now()
        invitation.token_hash = hash_token(token)
        invitation.sent_at = now
        invitation.expires_at = now + INVITATION_VALID_FOR
        invitation.times_sent += 1
        invitation.save()
        _send(invitation, token)
        return invitation, token


def revoke(actor: Any, invitation: FirmInvitation) -> FirmInvitation:
    """Withdraw the invitation: its link stops working."""
    with transaction.atomic():
        invitation = _lock_invitation(actor, invitation)
        invitation.revoke()
        invitation.save()
        return invitation


def invitation_for(token: str) -> FirmInvitation | None:
    """The invitation whose link holds ``token`` (in any state), or None."""
    if not token:
        return None
    return FirmInvitation.objects.select_related("firm").filter(token_hash=hash_token(token)).first()


def invitation_problem(invitation: FirmInvitation | None) -> str:
    """Why the link cannot be used ("" if it can): not found, used, withdrawn, expired, or the firm cannot
    take members now."""
    if invitation is None:
        return "unknown"
    if invitation.state == InvitationState.ACCEPTED:
        return "used"
    if invitation.state == InvitationState.REVOKED:
        return "revoked"
    if invitation.is_expired():
        return "expired"
    if invitation.firm.state != FirmState.APPROVED:
        return "firm"
    return ""


def accept(user: Any, token: str) -> FirmMembership:
    """``user`` (signed in with the invited email address) accepts: they become a member with the invited roles.
    The link works once."""
    with transaction.atomic():
        found = invitation_for(token)
        if found is None:
            raise FirmError("This invitation link is not valid")
        invitation = FirmInvitation.objects.select_for_update().select_related("firm").get(pk=found.pk)
        User.objects.select_for_update().get(pk=user.pk)
        problem = invitation_problem(invitation)
        if problem:
            raise FirmError(_PROBLEMS[problem])
        if user.email.lower() != invitation.email.lower():
            raise NotAllowed(f"This invitation is for {invitation.email}. Sign in with that email address to accept it")
        if user.is_staff:
            raise NotAllowed("Court staff cannot join a firm")
        if membership_of(user) is not None:
            raise FirmError("Your account is already a member of a firm, or was removed from one")
        membership = FirmMembership.objects.create(
            user=user, firm=invitation.firm, is_firm_admin=invitation.is_firm_admin,
            is_solicitor=invitation.is_solicitor, sees_all_cases=invitation.sees_all_cases,
        )
        invitation.accept()
        invitation.accepted_at = clock.now()
        invitation.accepted_by = user
        invitation.save()
        return membership


_PROBLEMS = {
    "unknown": "This invitation link is not valid",
    "used": "This invitation has already been used",
    "revoked": "This invitation was withdrawn by the firm",
    "expired": "This invitation has expired: ask the firm's administrator to send it again",
    "firm": "The firm cannot add users at the moment",
}


def problem_message(problem: str) -> str:
    return _PROBLEMS.get(problem, "")


# -- members -------------------------------------------------------------------------------------------------


def _lock_members(actor: Any, membership: FirmMembership) -> tuple[FirmMembership, list[FirmMembership]]:
    """Lock every membership row of the member's firm (in a fixed order); check the actor administers it.
    Returns the member's fresh row and the firm's rows."""
    rows = list(FirmMembership.objects.select_for_update().filter(firm_id=membership.firm_id).order_by("pk"))
    _admin_of(actor, membership.firm)
    target = next((row for row in rows if row.pk == membership.pk), None)
    if target is None or target.state == MemberState.REMOVED:
        raise FirmError("This user is no longer a member of the firm")
    return target, rows


def _keeps_an_admin(rows: list[FirmMembership], target: FirmMembership, *, admin_after: bool,
                    active_after: bool) -> bool:
    for row in rows:
        if row.pk == target.pk:
            if admin_after and active_after:
                return True
        elif row.state == MemberState.ACTIVE and row.is_firm_admin:
            return True
    return False


LAST_ADMIN = "The firm must keep at least one active firm administrator: make someone else an administrator first"


def set_roles(actor: Any, membership: FirmMembership, *, admin: bool, solicitor: bool,
              sees_all: bool) -> FirmMembership:
    """Change a member's roles. Taking away the solicitor role ends their allocations (a case is allocated only
    to a solicitor): those cases go back to "Unassigned" and the firm is told."""
    roles = Roles(admin=admin, solicitor=solicitor, sees_all=sees_all)
    roles.check()
    with transaction.atomic():
        target, rows = _lock_members(actor, membership)
        if not _keeps_an_admin(rows, target, admin_after=admin, active_after=target.state == MemberState.ACTIVE):
            raise FirmError(LAST_ADMIN)
        was_solicitor = target.is_solicitor
        target.is_firm_admin = admin
        target.is_solicitor = solicitor
        target.sees_all_cases = sees_all
        target.save(update_fields=["is_firm_admin", "is_solicitor", "sees_all_cases"])
        if was_solicitor and not solicitor:
            _released(actor, target, "firm_member_not_solicitor")
        return target


def _released(actor: Any, target: FirmMembership, kind: str) -> list[Claim]:
    claims = release_member(target, actor=actor)
    _tell_firm(target.firm, kind, {"member": target, "released": claims, "actor": actor})
    return claims


def _stamp(target: FirmMembership, actor: Any) -> None:
    target.state_changed_at = clock.now()
    target.state_changed_by = actor
    target.save()


def suspend_member(actor: Any, membership: FirmMembership) -> list[Claim]:
    """Suspend a member: they can sign in but see nothing of the firm; their cases go back to "Unassigned".
    Returns those cases."""
    with transaction.atomic():
        target, rows = _lock_members(actor, membership)
        if target.state != MemberState.ACTIVE:
            raise FirmError("This user is not active")
        if not _keeps_an_admin(rows, target, admin_after=target.is_firm_admin, active_after=False):
            raise FirmError(LAST_ADMIN)
        target.suspend()
        _stamp(target, actor)
        return _released(actor, target, "firm_member_suspended")


def reinstate_member(actor: Any, membership: FirmMembership) -> FirmMembership:
    """Let a suspended member act again (their former cases stay unassigned until allocated)."""
    with transaction.atomic():
        target, _rows = _lock_members(actor, membership)
        if target.state != MemberState.SUSPENDED:
            raise FirmError("This user is not suspended")
        target.reinstate()
        _stamp(target, actor)
        return target


def remove_member(actor: Any, membership: FirmMembership) -> list[Claim]:
    """Remove a member from the firm (the row stays for the firm's record); their cases go back to
    "Unassigned". Returns those cases."""
    with transaction.atomic():
        target, rows = _lock_members(actor, membership)
        if not _keeps_an_admin(rows, target, admin_after=target.is_firm_admin, active_after=False):
            raise FirmError(LAST_ADMIN)
        target.remove()
        _stamp(target, actor)
        return _released(actor, target, "firm_member_removed")


# -- reading -------------------------------------------------------------------------------------------------


def members_of(firm: Firm) -> list[FirmMembership]:
    """The firm's members who are not removed, administrators first."""
    return list(firm.memberships.exclude(state=MemberState.REMOVED).select_related("user")
                .order_by("-is_firm_admin", "user__email"))


def open_invitations(firm: Firm) -> list[FirmInvitation]:
    return list(firm.invitations.filter(state=InvitationState.SENT).order_by("email"))


def member_of_firm(firm: Firm, pk: int) -> FirmMembership | None:
    """A member of ``firm`` (not removed) by id, or None (another firm's member, a removed one)."""
    return (FirmMembership.objects.filter(Q(firm=firm) & ~Q(state=MemberState.REMOVED), pk=pk)
            .select_related("user", "firm").first())


# -- notice of change (PD 51R 21) ----------------------------------------------------------------------------

#: The one answer to a claim number and name that do not pick out exactly one party: it says nothing about a claim
#: the firm cannot see (whether it exists, who its parties are).
NO_MATCH = ("There is no claim with that number on which exactly one party has that name. Check the claim number, "
            "and enter your client's name exactly as it is on the claim.")


class NoticeRefused(FirmError):
    """The notice of change cannot be filed online; the message says why and what to do instead."""


@dataclass(frozen=True)
class NoticeOfChange:
    """A notice of change filed (or, ``repeated``, the same solicitor's notice already filed: a second press)."""

    claim: Claim
    #: "claimant" or "defendant": the side the firm now acts for.
    side: str
    party_name: str
    former_firm: Firm | None
    #: Why the claim left the online process (21.1(3)); empty if it stays online.
    sent_out_reason: str = ""
    repeated: bool = False


def _names(party: ocon1.Party) -> list[str]:
    """The names a party goes by on the claim: as the claim form shows it, and (a person) without the title."""
    names = [party.display_name]
    if party.title and party.type in ("individual", "sole_trader"):
        untitled = party.full_name
        if party.type == "sole_trader" and party.trading_name:
            untitled = f"{party.full_name} trading as {party.trading_name}"
        names.append(untitled)
    return names


def _parties(claim: Claim) -> list[tuple[tuple[str, int], list[str]]]:
    """((side, which of its parties), names) of every party on the claim."""
    form = claim.form
    if form is None:
        return [((PartyRole.CLAIMANT.value, 0), [claim.claimant_name]),
                ((PartyRole.DEFENDANT.value, 0), [claim.defendant_name])]
    return ([((PartyRole.CLAIMANT.value, i), _names(p)) for i, p in enumerate(form.claimants)]
            + [((PartyRole.DEFENDANT.value, i), _names(p)) for i, p in enumerate(form.defendants)])


def _side_firm_id(claim: Claim, side: str) -> int | None:
    return claim.claimant_firm_id if side == PartyRole.CLAIMANT else claim.defendant_firm_id


def _side_firm(claim: Claim, side: str) -> Firm | None:
    return claim.claimant_firm if side == PartyRole.CLAIMANT else claim.defendant_firm


def _earlier_notice(claim: Claim, side: str, actor: Any, firm: Firm) -> NoticeOfChange | None:
    """The notice this solicitor filed for this side, if it is the last change of the side's representation."""
    event = (claim.events.filter(kind="notice_of_change", data__side=side).order_by("-recorded_at", "-pk").first())
    if event is None or event.actor_id != actor.pk or event.data.get("new_firm_id") != firm.pk:
        return None
    former = Firm.objects.filter(pk=event.data.get("former_firm_id")).first() if event.data.get(
        "former_firm_id") else None
    return NoticeOfChange(claim=claim, side=side, party_name=event.data.get("party", ""), former_firm=former,
                          sent_out_reason=event.data.get("sent_out_reason", ""), repeated=True)


def notice_of_change_file(actor: Any, *, claim_number: str, client_name: str, reference: str = "") -> NoticeOfChange:
    """A solicitor of a registered firm files a notice of change for their client, the party of the claim whose name
    is ``client_name`` (21.1(2)). It takes effect at once: the firm acts for that side from now on, the former
    firm's users lose the case (their allocations end), the solicitor has it shared with them and it waits in the
    firm's "Unassigned" list; the former firm, the client and the other side are told, and the timeline records it.
    A change that is not from one registered representative to another sends the claim out to the CNBC (21.1(3)).

    Refused (``NoticeRefused``) unless the claim number and the name pick out exactly one party (``NO_MATCH``, which
    says nothing about the claim), and then if the firm already acts for that party or for the other side, if the
    claim is no longer with the online court, or if the party shares its representation with a second party. The
    same solicitor filing the same notice again (a second press) gets the first notice back."""
    number = normalise_claim_number(claim_number)
    with transaction.atomic():
        membership = acting_membership(actor)
        if membership is None or not membership.is_solicitor:
            raise NotAllowed("Only a solicitor of a firm registered with the service can file a notice of change.")
        firm = membership.firm
        claim_id = Claim.objects.filter(claim_number=number).values_list("pk", flat=True).first() if number else None
        claim = locked_claim(claim_id) if claim_id is not None else None
        match = notice_of_change.the_one_party(client_name, _parties(claim)) if claim is not None else None
        if claim is None or match is None:
            raise NoticeRefused(NO_MATCH)
        # From here the solicitor has shown they know the claim and their client on it.
        side, which = match
        other = PartyRole.DEFENDANT.value if side == PartyRole.CLAIMANT else PartyRole.CLAIMANT.value
        party_name = dict(_parties(claim))[match][0]
        if _side_firm_id(claim, side) == firm.pk:
            earlier = _earlier_notice(claim, side, actor, firm)
            if earlier is not None:
                return earlier
            raise NoticeRefused(f"Your firm already acts for {party_name}, the {side}, on claim {number}.")
        if _side_firm_id(claim, other) == firm.pk:
            raise NoticeRefused(f"Your firm acts for the {other} on claim {number}: it cannot act for the {side} too.")
        if not can(actor, claim, Action.FILE_NOTICE_OF_CHANGE):
            raise NoticeRefused(
                f"Claim {number} is no longer with the online service, so a notice of change cannot be filed "
                "online. File it with the court where the claim now is: the CNBC, or the County Court hearing "
                "centre it was sent to (PD 51R 21.1(1)).")
        form = claim.form
        if form is not None and len(form.claimants if side == PartyRole.CLAIMANT else form.defendants) > 1:
            raise NoticeRefused(
                f"On claim {number} one legal representative acts for both {side}s, so a notice of change for one "
                "of them cannot be filed online. File it at the CNBC (PD 51R 21.1(1)).")
        return _change(claim, actor=actor, firm=firm, side=side, other=other, party_name=party_name,
                       reference=reference.strip()[:25])


def _change(claim: Claim, *, actor: Any, firm: Firm, side: str, other: str, party_name: str,
            reference: str) -> NoticeOfChange:
    """The notice takes effect (the caller holds the transaction and the claim's lock)."""
    now = clock.now()
    former = _side_firm(claim, side)
    reason = notice_of_change.send_out_reason(
        party=side, other=other, was_represented=former is not None, will_be_represented=True,
        other_represented=_side_firm_id(claim, other) is not None) or ""
    sequence = claim.events.filter(kind="notice_of_change").count() + 1
    key = f"notice-of-change:{claim.pk}:{sequence}"
    context = {"claim": claim, "side": side, "other": other, "party_name": party_name, "firm": firm,
               "former": former, "filed_by": actor, "sent_out": bool(reason)}
    # The client hears first, at their own address: the outbox's router reads the claim as stored, and a claimant
    # in person is told through their firm once the claim names it.
    client_email, client = _client_contact(claim, side)
    if client_email:
        notify(kind="notice_of_change_client", to_email=client_email, user=client,
               claim_number=claim.claim_number or "", key=f"{key}:client", context=context)
    if side == PartyRole.CLAIMANT:
        claim.claimant_firm = firm
        claim.claimant_reference = reference
    else:
        claim.defendant_firm = firm
        claim.defendant_representation = DefendantRepresentation.REGISTERED
        claim.defendant_reference = reference
    claim.save()
    ended = hand_over(claim, former=former, new=firm, filer=actor, at=now,
                      reason=f"Notice of change: {firm.name} now acts for the {side}")
    in_place_of = f"in place of {former.name}" if former is not None else "who was acting in person"
    timeline.record(
        claim, kind="notice_of_change", actor=actor,
        summary=(f"Notice of change filed by {actor.display_name} of {firm.name}: {firm.name} now acts for the "
                 f"{side}, {party_name}, {in_place_of} (PD 51R 21)")[:300],
        data={"side": side, "party": party_name, "new_firm_id": firm.pk, "new_firm": firm.name,
              "former_firm_id": former.pk if former is not None else None,
              "former_firm": former.name if former is not None else "", "sent_out_reason": reason})
    if former is not None:
        _tell_former_firm(former, ended, key=key, context=context)
    for role, email, user in parties_to_tell(claim):
        if role == other:
            notify(kind="notice_of_change_other_party", to_email=email, user=user,
                   claim_number=claim.claim_number or "", key=f"{key}:{other}", context=context)
    if reason:
        send_out(claim, to=SentOutTo.CNBC, reason=reason, actor=None)
    return NoticeOfChange(claim=claim, side=side, party_name=party_name, former_firm=former, sent_out_reason=reason)


def _client_contact(claim: Claim, side: str) -> tuple[str, Any]:
    """The client's own email (and account): a party in person's account, else the email the claim form gives."""
    form = claim.form
    if side == PartyRole.CLAIMANT:
        if claim.claimant_firm_id is None:
            return claim.owner.email, claim.owner
        return (form.claimant.email if form is not None else ""), None
    if claim.defendant_firm_id is None and claim.defendant_user_id is not None:
        return claim.defendant_user.email, claim.defendant_user
    return (form.defendant.email if form is not None else ""), None


def _tell_former_firm(former: Firm, ended: list[CaseAssignment], *, key: str, context: dict[str, Any]) -> None:
    """The former firm's email for service and each of its solicitors who was on the case. These are the firm's own
    business (``firm=``): never routed to whoever now acts on the claim."""
    recipients: dict[str, Any] = {}
    if former.service_email:
        recipients[former.service_email.lower()] = (former.service_email, None)
    for row in ended:
        recipients.setdefault(row.user.email.lower(), (row.user.email, row.user))
    for address, (email, user) in recipients.items():
        notify(kind="notice_of_change_former_firm", to_email=email, user=user,
               claim_number=context["claim"].claim_number or "", firm=former, key=f"{key}:former:{address}"[:200],
               context={**context, "former": former})
