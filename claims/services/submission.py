"""Submitting the claim form, the fee or Help with Fees, and the claim's issue and service (4.1, 4.3, 13.1, 2A.1)."""
from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import transaction

from accounts.models import Firm, FirmState
from court.calendar import court_calendar
from court.notifications import notify
from documents.services import documents_request
from ocmc import clock
from rules import periods, represented
from rules.calendar import local
from rules.money import format_money, pounds

from .. import numbers, ocon1, pricing, timeline
from ..constants import (
    PAYMENT_LIVE_STATUSES,
    SUBMITTED_STATES,
    ClaimState,
    DefendantRepresentation,
    HwfDecision,
    SentOutTo,
)
from ..errors import ClaimError
from ..models import Claim, ClaimNumberCounter
from ..policy import Action, can, require
from ..representation import claimant_addressees
from .common import locked_claim
from .drafts import _mark_saved
from .leaving import parties_to_tell, send_out


def claim_submit(*, claim_id: int, actor: Any, signed_name: str, signed_position: str = "") -> Claim:
    """The claimant, or their legal representative, signs the statement of truth and submits the claim form
    (4.1(1)(c), 13.1).

    Fixes the form as signed, the day it counts as submitted (14.1), the interest to that
    day and the fee in force that day. The claim then waits for its fee (or a Help with
    Fees decision) before it is issued (4.3(1), (1A)). Submitting twice (a double click)
    returns the claim as submitted the first time.

    A claim made by a legal representative: the signer gives their position in the firm, the limit is
    £25,000 including interest (2.1(6)(b)), the parties must be within 2.1(3)(f), the fixed costs on
    issue of the schedule in force that day are recorded, and the representatives and references go on
    the claim (``claimant_reference``, ``defendant_representation``, ``defendant_firm``).
    """
    signed_name = " ".join((signed_name or "").split())
    signed_position = " ".join((signed_position or "").split())
    if not signed_name:
        raise ClaimError("Enter your full name to sign the statement of truth")
    with transaction.atomic():
        claim = locked_claim(claim_id)
        if claim is None:
            raise ClaimError("This claim no longer exists.")
        mine = claim.owner_id == getattr(actor, "pk", None) or (
            claim.claimant_firm_id is not None and can(actor, claim, Action.VIEW))
        if claim.state in SUBMITTED_STATES and mine:
            return claim
        require(actor, claim, Action.EDIT_DRAFT)
        try:
            form = ocon1.read(claim.draft_data)
        except ocon1.IncompleteClaim as exc:
            raise ClaimError(str(exc)) from exc
        now = clock.now()
        submitted_on = court_calendar().deemed_submission_date(now)
        if form.is_represented and not signed_position:
            raise ClaimError("Enter your position or office held to sign the statement of truth")
        if (problem := ocon1.party_problem(form)) is not None:
            raise ClaimError(problem)
        quote = pricing.quote(form, submitted_on=submitted_on)
        if quote.over_limit:
            raise ClaimError(
                f"Your claim is {format_money(quote.amount_claimed)} including interest. You can only claim up to "
                f"{format_money(quote.limit)} including interest online."
            )
        if form.representation is not None:
            _apply_representation(claim, form.representation)
        claim.submitted_data = {**claim.draft_data, "statement_of_truth": {
            "wording": ocon1.statement_of_truth(claim.draft_data), "signed_name": signed_name,
            "signed_position": signed_position if form.is_represented else "",
            "firm": form.representation.claimant_firm.name if form.representation else "",
        }}
        claim.claimant_name = form.claimant.display_name
        claim.defendant_name = form.defendant.display_name
        claim.submitted_at = now
        claim.submitted_on = submitted_on
        claim.sot_signed_name = signed_name
        claim.sot_signed_position = signed_position if form.is_represented else ""
        claim.sot_signed_on = local(now).date()
        _apply_quote(claim, quote)
        claim.draft_expires_at = claim.draft_reminder_at = None
        claim.submit()
        claim.save()
        timeline.record(
            claim, kind="claim_submitted", actor=actor,
            summary=f"Claim form submitted and signed with a statement of truth by {signed_name}",
            data={"submitted_on": submitted_on.isoformat(), "fee": str(claim.fee)},
        )
        for addressee in claimant_addressees(claim):
            notify(
                kind="claim_submitted", to_email=addressee.email, user=addressee.user,
                context={"claim": claim, "owner": addressee},
            )
    return claim


def _apply_representation(claim: Claim, representation: ocon1.Representation) -> None:
    """The representatives as the signed form gives them; a registered defendant's firm must still be approved."""
    claim.claimant_reference = representation.claimant_reference[: ocon1.REFERENCE_MAX]
    claim.defendant_representation = representation.defendant or DefendantRepresentation.NONE
    claim.defendant_firm = None
    claim.defendant_reference = ""
    if representation.defendant == DefendantRepresentation.REGISTERED:
        firm_id = representation.defendant_firm.firm_id if representation.defendant_firm else None
        firm = Firm.objects.filter(pk=firm_id, state=FirmState.APPROVED).first() if firm_id else None
        if firm is None:
            raise ClaimError("The defendant's legal representative is no longer registered with this service. "
                             "Choose their firm again.")
        if firm.pk == claim.claimant_firm_id:
            raise ClaimError("Your firm cannot act for both the claimant and the defendant. Choose the defendant's "
                             "legal representative again.")
        claim.defendant_firm = firm
        claim.defendant_reference = representation.defendant_reference[: ocon1.REFERENCE_MAX]


def _apply_quote(claim: Claim, quote: pricing.Quote) -> None:
    claim.principal = quote.principal
    claim.interest = quote.interest
    claim.interest_to = quote.interest_to
    claim.daily_interest = quote.daily_interest
    claim.fee = quote.fee
    claim.fee_schedule_from = quote.fee_schedule_from
    claim.fee_schedule_id = quote.fee_schedule_id
    claim.fixed_costs = quote.fixed_costs
    claim.fixed_costs_schedule_id = quote.fixed_costs_schedule_id


def claim_return_to_draft(*, claim_id: int, actor: Any) -> Claim:
    """Take a submitted claim whose fee is not paid back to a draft, to change it."""
    with transaction.atomic():
        claim = locked_claim(claim_id)
        if claim is None:
            raise ClaimError("This claim no longer exists.")
        if claim.state == ClaimState.DRAFT:
            return claim
        require(actor, claim, Action.RETURN_TO_DRAFT)
        if claim.payments.filter(status__in=PAYMENT_LIVE_STATUSES).exists():
            raise ClaimError("A payment for this claim is in progress. Finish or cancel it before changing the claim.")
        claim.submitted_data = None
        claim.submitted_at = claim.submitted_on = claim.sot_signed_on = None
        claim.sot_signed_name = claim.sot_signed_position = ""
        claim.principal = claim.interest = claim.interest_to = claim.daily_interest = None
        claim.fee = claim.fee_schedule_from = claim.fee_schedule_id = None
        claim.fixed_costs = claim.fixed_costs_schedule_id = None
        claim.return_to_draft()
        _mark_saved(claim, clock.now())
        claim.save()
        timeline.record(claim, kind="claim_reopened", actor=actor,
                        summary="Claim taken back to a draft to change it (not yet paid)")
    return claim


# -- Help with Fees (2A.1, 4.3(1A)) ------------------------------------------------------------


def claim_hwf_apply(*, claim_id: int, actor: Any, reference: str) -> Claim:
    """A claimant in person gives a Help with Fees reference instead of paying."""
    reference = (reference or "").strip().upper()
    with transaction.atomic():
        claim = locked_claim(claim_id)
        if claim is None:
            raise ClaimError("This claim no longer exists.")
        if claim.state == ClaimState.AWAITING_HWF_DECISION and claim.hwf_reference == reference:
            return claim
        require(actor, claim, Action.APPLY_HWF)
        if claim.payments.filter(status__in=PAYMENT_LIVE_STATUSES).exists():
            raise ClaimError("A card payment for this claim is in progress. Finish or cancel it first.")
        claim.hwf_reference = reference
        claim.apply_for_help_with_fees()
        claim.save()
        timeline.record(claim, kind="hwf_applied", actor=actor,
                        summary=f"Help with Fees reference {reference} given instead of paying the fee")
        notify(kind="hwf_applied", to_email=claim.owner.email, user=claim.owner,
               context={"claim": claim, "owner": claim.owner})
    return claim


def claim_hwf_decide(*, claim_id: int, actor: Any, decision: str, remitted: Decimal | None = None) -> Claim:
    """A caseworker records the Help with Fees decision (4.3(1A)).

    Full remission issues the claim at once; a part remission leaves the rest to pay; a
    refusal leaves the whole fee to pay. Either way the claimant is told.
    """
    decision = HwfDecision(decision)
    with transaction.atomic():
        claim = locked_claim(claim_id)
        if claim is None:
            raise ClaimError("This claim no longer exists.")
        require(actor, claim, Action.DECIDE_HWF)
        fee = claim.fee or Decimal(0)
        if decision == HwfDecision.FULL:
            amount = fee
        elif decision == HwfDecision.REFUSED:
            amount = Decimal(0)
        else:
            if remitted is None or not Decimal(0) < pounds(remitted) < fee:
                raise ClaimError(f"A part remission must be more than £0 and less than the fee, {format_money(fee)}.")
            amount = pounds(remitted)
        claim.hwf_decision = decision
        claim.fee_remitted = amount
        summary = {
            HwfDecision.FULL: "Help with Fees: the fee is remitted in full",
            HwfDecision.PART: f"Help with Fees: {format_money(amount)} of the fee is remitted; "
                              f"{format_money(claim.fee_due)} to pay",
            HwfDecision.REFUSED: f"Help with Fees refused: the fee of {format_money(fee)} is to be paid",
        }[decision]
        timeline.record(claim, kind="hwf_decided", actor=actor, summary=summary,
                        data={"decision": decision.value, "remitted": str(amount)})
        if decision == HwfDecision.FULL:
            _issue(claim, received_at=clock.now())
        else:
            claim.fee_still_due()
            claim.save()
            notify(kind="hwf_fee_due", to_email=claim.owner.email, user=claim.owner,
                   context={"claim": claim, "owner": claim.owner, "decision": decision})
    return claim


# -- issue and service (4.3) ------------------------------------------------------------------------


def claim_fee_paid(*, claim_id: int, payment: Any) -> Claim:
    """The fee (or what was left of it) is paid: the court issues the claim (4.3(1)).

    Called by ``payments`` inside the transaction that records the successful payment,
    with the claim already locked; the payment's completion time decides the issue date.
    """
    claim = locked_claim(claim_id)
    if claim is None:
        raise ClaimError("This claim no longer exists.")
    if claim.state == ClaimState.ISSUED:
        return claim
    if claim.state != ClaimState.AWAITING_FEE:
        raise ClaimError(f"A fee was paid on a claim that is {claim.get_state_display().lower()}.")
    timeline.record(claim, kind="fee_paid", actor=claim.owner,
                    summary=(f"Court fee of {format_money(payment.amount)} paid {payment.how_paid}"
                             f" (reference {payment.reference})"),
                    data={"payment": str(payment.public_id), "paid_at": payment.completed_at.isoformat(),
                          **({"pba_number": payment.pba_number} if payment.pba_number else {})})
    _issue(claim, received_at=payment.completed_at)
    return claim


def _next_claim_number() -> str:
    counter = ClaimNumberCounter.objects.select_for_update().filter(name="claim").first()
    if counter is None:
        counter = ClaimNumberCounter.objects.create(name="claim", last=0)
    counter.last += 1
    counter.save(update_fields=["last"])
    return numbers.format_claim_number(counter.last)


def _issue(claim: Claim, *, received_at: datetime) -> None:
    """Issue the (locked) claim: number, issue date, response deadline, service, documents.

    How the claim is served follows the defendant's representation (``rules.represented.service_route``): by post
    with the defendant's pack (4.3(3)-(5)); on a registered legal representative through the website (4.3(6)); or,
    for a representative not registered, not at all: the claim is sent out as soon as it is issued (2.1(7)). The
    defendant's time to respond is DEF-19 (5.1) for parties in person, DEF-REP (6A.2(1)) if the claimant is
    represented; it is stored on the claim, which every reminder, sweep and letter reads.
    """
    cal = court_calendar()
    issue_date = cal.deemed_submission_date(received_at)  # 14.1: after 4pm or a closed day → next open day
    form = claim.form
    route = represented.service_route(claim.defendant_representation)
    claimant_represented = claim.claimant_firm_id is not None
    claim.claim_number = _next_claim_number()
    claim.security_code = numbers.new_security_code()
    claim.issued_at = received_at
    claim.issue_date = issue_date
    # Interest claimed to issue (money.md); the fee stays as charged on submission.
    claim.interest = form.interest.to_date(form.principal, claim.submitted_on, issue_date)
    claim.interest_to = issue_date
    if route != represented.ServiceRoute.SEND_OUT:
        # A claim sent out at once (2.1(7)) continues under the CPR: no online response deadline is set for it.
        claim.response_deadline_day = represented.response_deadline_day(
            issue_date, claimant_represented=claimant_represented)
        claim.response_deadline = represented.response_deadline(
            cal, issue_date, claimant_represented=claimant_represented)
        claim.response_reminder_at = periods.next_response_reminder(claim.response_deadline, after=clock.now())
        claim.no_response_stay_at = periods.stay_6m_no_response(cal, issue_date)
    claim.issue()
    claim.save()
    timeline.record(
        claim, kind="claim_issued", actor=None,
        summary=f"Claim issued on {issue_date:%-d %B %Y}: claim number {claim.claim_number}",
        data={"issue_date": issue_date.isoformat(), "service": route.value,
              "response_deadline": claim.response_deadline.isoformat() if claim.response_deadline else None},
    )
    notify(kind="claim_issued", to_email=claim.owner.email, user=claim.owner,
           key=f"claim-issued:{claim.pk}", claim_number=claim.claim_number,
           context={"claim": claim, "owner": claim.owner, "route": route.value})
    if route == represented.ServiceRoute.POST:
        documents_request(claim, ["sealed_claim", "issue_receipt", "defendant_pack"])
    elif route == represented.ServiceRoute.WEBSITE:
        documents_request(claim, ["sealed_claim", "issue_receipt"])
        _serve_through_website(claim)
    else:
        documents_request(claim, ["sealed_claim", "issue_receipt"])
        send_out(claim, to=SentOutTo.CNBC, reason=represented.SEND_OUT_UNREGISTERED_REASON, actor=None)


def _serve_through_website(claim: Claim) -> None:
    """Serve the (locked, just issued) claim on the defendant's registered legal representative through the
    website (4.3(6)(a)(i)): that is service of the claim form (4.3(6)(c), CPR 7.5(1)), recorded as it happens. The
    firm sees the claim on its dashboard (not yet allocated to anyone) and its email for service is told, once."""
    firm = claim.defendant_firm
    now = clock.now()
    timeline.record(
        claim, kind="claim_served", actor=None,
        summary=f"Claim form served through the website on the defendant's legal representative, {firm.name}, "
                f"with the date of issue and how to respond (4.3(6))",
        data={"route": "website", "served_at": now.isoformat(), "firm": firm.pk},
    )
    for role, email, user in parties_to_tell(claim):
        if role == "defendant":
            notify(kind="claim_served_on_firm", to_email=email, user=user, claim_number=claim.claim_number or "",
                   key=f"served-on-firm:{claim.pk}:{role}",
                   context={"claim": claim, "firm": firm, "dashboard_url": f"{settings.SITE_URL}/firm/"})


def claim_served_by_post(*, claim_id: int) -> bool:
    """The defendant's pack is printed and posted: record service (4.3(3)-(5)). Once only; never for a claim served
    through the website on the defendant's legal representative (4.3(6))."""
    with transaction.atomic():
        claim = locked_claim(claim_id)
        if claim is None or claim.state != ClaimState.ISSUED:
            return False
        if represented.service_route(claim.defendant_representation) != represented.ServiceRoute.POST:
            return False
        if claim.events.filter(kind="claim_served").exists():
            return False
        timeline.record(
            claim, kind="claim_served", actor=None,
            summary=f"Claim form sent by post to the defendant, {claim.defendant_name}, with the date of issue "
                    f"and how to respond",
            data={"route": "post"},
        )
    return True


# -- the court calendar changed --------------------------------------------------------------------
