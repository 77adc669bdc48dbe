"""Demo firms of solicitors, their users and fee accounts, and represented claims in several states, for trying
the firm side locally (``manage.py seed_demo``).

Everything is made through the services a firm and the court use: the firms are registered by their first
administrator and approved by the demo caseworker, colleagues join by invitation, fee accounts are recorded by
the firm and approved by the court, claims are drafted, signed and paid from a fee account. Claims meant to have
a deadline close are made as they would have been weeks ago (``ocmc.clock.running_at``), so their deadlines,
timelines and emails are those of a real claim of that age.
"""
from __future__ import annotations

import copy
import uuid
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP

from accounts.emails import mark_email_verified
from accounts.models import Firm, FirmMembership, User
from claims import assignments, services
from claims.models import Claim
from firms import services as firm_services
from firms.mfa import DEMO_TOTP_SECRET
from ocmc import clock
from payments import fee_accounts
from payments.services import pay_by_account


@dataclass(frozen=True)
class DemoMember:
    email: str
    first: str
    last: str
    admin: bool = False
    sees_all: bool = False


@dataclass(frozen=True)
class DemoFirm:
    name: str
    sra_number: str
    address_line_1: str
    town: str
    postcode: str
    dx: str
    service_email: str
    pba_numbers: tuple[str, ...]
    members: tuple[DemoMember, ...]  # the first registers the firm and is its administrator


CLAIMANT_FIRM = DemoFirm(
    name="Demo & Co Solicitors", sra_number="612345", address_line_1="10 Park Square", town="Leeds",
    postcode="LS1 2PL", dx="DX 12345 Leeds", service_email="service@demo-co.example",
    # PBA0000001 pays; PBA0000002 is refused for want of credit (payments/fake_fee_accounts.py).
    pba_numbers=("PBA0000001", "PBA0000002"),
    members=(
        DemoMember("solicitor@example.com", "Sophie", "Solicitor", admin=True, sees_all=True),
        DemoMember("litigator@example.com", "Liam", "Litigator"),
        DemoMember("associate@example.com", "Asha", "Associate"),
    ),
)
DEFENDANT_FIRM = DemoFirm(
    name="Defence Partners LLP", sra_number="623456", address_line_1="1 Spinningfields", town="Manchester",
    postcode="M3 3AP", dx="", service_email="service@defence-partners.example",
    pba_numbers=("PBA0000011",),
    members=(
        DemoMember("defence-admin@example.com", "Dana", "Defence", admin=True, sees_all=True),
        DemoMember("defence-solicitor@example.com", "Dylan", "Drake"),
        DemoMember("defence-associate@example.com", "Priya", "Patel"),
    ),
)
DEMO_FIRMS = (CLAIMANT_FIRM, DEFENDANT_FIRM)

#: The represented checker's answers (eligibility.represented) for a claim against a defendant in person.
_ELIGIBILITY = {
    "claim-amount": "up-to-25000", "personal-injury": "no", "consumer-credit": "no", "help-with-fees": "no",
    "claimant-age": "organisation", "claimant-protected-party": "no", "claimant-address": "yes",
    "email-address": "yes", "restraint-order": "no", "crown": "no", "defendant-address": "yes",
    "defendant-age": "organisation", "defendant-protected-party": "no", "defendant-legal-representative": "none",
    "parties-defendant-in-person": "yes",
}


def _user(member: DemoMember, password: str) -> User:
    user = User.objects.filter(email=member.email).first()
    if user is None:
        user = User(email=member.email)
        user.set_password(password)
    user.first_name, user.last_name = member.first, member.last
    user.is_staff = user.is_superuser = False
    user.save()
    mark_email_verified(user)
    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(user, DEMO_TOTP_SECRET)
    return user


def seed_demo_firm(spec: DemoFirm, *, caseworker: User, password: str) -> Firm:
    """The firm, approved, with its users and approved fee accounts (each made once)."""
    admin = _user(spec.members[0], password)
    firm = Firm.objects.filter(sra_number=spec.sra_number).first()
    if firm is None:
        firm = firm_services.register_firm(
            admin, name=spec.name, sra_number=spec.sra_number, address_line_1=spec.address_line_1,
            town=spec.town, postcode=spec.postcode, dx=spec.dx, service_email=spec.service_email)
        firm = firm_services.approve_firm(caseworker, firm)
        admin = User.objects.get(pk=admin.pk)  # its membership as the approved firm's
    for member in spec.members[1:]:
        user = _user(member, password)
        if not FirmMembership.objects.filter(user=user).exists():
            _invitation, token = firm_services.invite(
                admin, firm, member.email, firm_services.Roles(admin=member.admin, solicitor=True,
                                                               sees_all=member.sees_all))
            firm_services.accept(user, token)
    for pba in spec.pba_numbers:
        if not firm.fee_accounts.filter(pba_number=pba).exists():
            account = fee_accounts.record_fee_account(actor=admin, pba_number=pba, name=f"{spec.name} {pba[-4:]}")
            fee_accounts.approve_fee_account(actor=caseworker, fee_account_id=account.pk)
    return firm


# -- represented claims ---------------------------------------------------------------------------------------


def _answers(client: str, defendant: dict[str, Any], amount: str, what: str, *, reference: str,
             representation: dict[str, Any]) -> dict[str, Any]:
    return {
        "claimant": {
            "type": "company", "name": client, "contact_name": "", "address_line1": "5 Mill Lane",
            "address_line2": "", "town": "Bradford", "postcode": "BD1 1AA", "phone": "", "email": "",
        },
        "defendant": {"address_line2": "", "contact_name": "", "phone": "", "email": "", **defendant},
        "amount": {"items": [{"description": "Unpaid invoices", "amount": amount}]},
        "interest": {"choice": "standard", "from": "submission"},
        "particulars": {
            "what_happened": what,
            "timeline": [{"date": "June 2026", "event": "Goods delivered and invoiced; payment due in 30 days"}],
            "evidence": [{"type": "contract", "description": "The signed order and the invoices"}],
        },
        "representation": {"claimant_reference": reference, "service_address": "firm", "additional_party": "none",
                           **representation},
    }


def _draft(solicitor: User, data: dict[str, Any], *, defendant_rep: str) -> Claim:
    eligibility = {**_ELIGIBILITY, "defendant-legal-representative": defendant_rep}
    if defendant_rep != "none":
        eligibility.pop("parties-defendant-in-person")
        eligibility["parties-both-represented"] = "one-v-one"
    claim = services.claim_represented_draft_create(actor=solicitor, eligibility=eligibility)
    data = copy.deepcopy(data)
    data["representation"] = {**claim.draft_data["representation"], **data["representation"]}
    return services.claim_draft_save(claim_id=claim.pk, actor=solicitor, data=data)


def _issue(claim: Claim, solicitor: User, firm: Firm) -> Claim:
    claim = services.claim_submit(claim_id=claim.pk, actor=solicitor, signed_name=solicitor.get_full_name(),
                                  signed_position="Solicitor")
    account = fee_accounts.approved_fee_accounts(firm.pk).get(pba_number=CLAIMANT_FIRM.pba_numbers[0])
    pay_by_account(claim_id=claim.pk, actor=solicitor, fee_account_id=account.pk, idempotency_key=uuid.uuid4())
    return Claim.objects.get(pk=claim.pk)


def _member(email: str) -> User:
    return User.objects.get(email=email)


def seed_represented_claims(claimant_firm: Firm, defendant_firm: Firm) -> list[tuple[Claim, str]]:
    """Represented claims in several states (once: none are made if the claimant firm has claims already).
    Returns each claim with a line saying what it shows."""
    if Claim.objects.filter(claimant_firm=claimant_firm).exists():
        return []
    admin, litigator, associate = (_member(m.email) for m in CLAIMANT_FIRM.members)
    defence_admin, defence_solicitor = _member(DEFENDANT_FIRM.members[0].email), _member(
        DEFENDANT_FIRM.members[1].email)
    registered = {"defendant": "registered", "defendant_firm": services.firm_snapshot(defendant_firm)}
    made: list[tuple[Claim, str]] = []
    now = clock.now()

    draft = _draft(litigator, _answers(
        "Northern Fabrics Ltd", {"type": "company", "name": "Hollis Upholstery Ltd", "address_line1": "3 Kirkgate",
                                 "town": "Wakefield", "postcode": "WF1 1HP"},
        "4850.00", "The defendant ordered fabric and has not paid for it.", reference="NF/0192",
        representation={"defendant": "none"}), defendant_rep="none")
    made.append((draft, "draft, complete: check, sign and pay from a fee account (Liam Litigator)"))

    with clock.running_at(now - timedelta(days=24)):
        in_person = _issue(_draft(litigator, _answers(
            "Northern Fabrics Ltd", {"type": "individual", "title": "Mr", "full_name": "Owen Price",
                                     "address_line1": "12 Church Street", "town": "Halifax", "postcode": "HX1 1QG"},
            "2300.00", "The defendant bought curtains on account and has not paid.", reference="NF/0177",
            representation={"defendant": "none"}), defendant_rep="none"), litigator, claimant_firm)
    made.append((in_person, "issued 24 days ago against a defendant in person: 28 days to respond (DEF-REP)"))

    for days, client, defendant, amount, reference in (
        (26, "Pennine Timber Ltd", "Moorside Builders Ltd", "18250.00", "PT/3301"),
        (22, "Pennine Timber Ltd", "Calder Joinery Ltd", "7600.00", "PT/3315"),
        (10, "Aire Valley Print Ltd", "Lune Marketing Ltd", "3120.00", "AV/0042"),
    ):
        with clock.running_at(now - timedelta(days=days)):
            claim = _issue(_draft(associate, _answers(
                client, {"type": "company", "name": defendant, "address_line1": "Unit 4, Canal Wharf",
                         "town": "Manchester", "postcode": "M4 6AG"},
                amount, "The defendant has not paid for goods supplied.", reference=reference,
                representation={**registered, "defendant_reference": ""}), defendant_rep="registered"),
                associate, claimant_firm)
        made.append((claim, f"issued {days} days ago against a client of {defendant_firm.name}"))
    close, middle, recent = (claim for claim, _what in made[-3:])
    # At the claimant's firm the closest one was left unassigned when its solicitor went on leave.
    assignments.unassign(close, user=associate, actor=admin, reason="On leave")
    made[-3] = (close, made[-3][1] + ": unassigned at both firms, deadline close")
    made[-2] = (middle, made[-2][1] + ": unassigned at the defendant's firm")
    # The defendant's firm has allocated the most recent one.
    assignments.assign(recent, to=defence_solicitor, actor=defence_admin)
    made[-1] = (recent, made[-1][1] + ": allocated to Dylan Drake at the defendant's firm")

    submitted = services.claim_submit(claim_id=_draft(litigator, _answers(
        "Northern Fabrics Ltd", {"type": "company", "name": "Ripon Interiors Ltd", "address_line1": "8 Market Place",
                                 "town": "Ripon", "postcode": "HG4 1BP"},
        "960.00", "The defendant has not paid for cushions supplied.", reference="NF/0201",
        representation={"defendant": "none"}), defendant_rep="none").pk,
        actor=litigator, signed_name=litigator.get_full_name(), signed_position="Solicitor")
    made.append((submitted, "signed, waiting for its fee: pay from a fee account"))
    return made
