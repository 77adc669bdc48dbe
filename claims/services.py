"""Every step on a claim goes through a function here.

Each one runs in a transaction, locks the claim row, checks who may act
(``claims.policy``), changes the claim, records the step on the timeline and queues the
notifications, all in that one transaction. Views and Celery tasks call these functions;
they never change a claim themselves. ``actor=None`` means the court's automated system
(a scheduled job acting on a deadline).
"""
from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from django.db import transaction

from court.calendar import court_calendar
from court.notifications import notify
from court.templatetags.govuk import govuk_datetime
from documents.services import documents_request
from ocmc import clock
from rules import periods
from rules.calendar import LONDON, local
from rules.money import format_money, pounds

from . import numbers, ocon1, pricing, timeline
from .constants import SUBMITTED_STATES, ClaimState, HwfDecision, SentOutTo
from .errors import ClaimError
from .models import Claim, ClaimNumberCounter, StaffAccess
from .policy import Action, require


def locked_claim(claim_id: int) -> Claim | None:
    """The claim, locked for the rest of the transaction (its owner read, not locked)."""
    return (
        Claim.objects.select_for_update(of=("self",)).select_related("owner", "defendant_user")
        .filter(pk=claim_id).first()
    )


def claim_draft_create(*, owner: Any, data: dict[str, Any] | None = None) -> Claim:
    """Start a draft claim for ``owner``."""
    now = clock.now()
    with transaction.atomic():
        claim = Claim(owner=owner, draft_data=dict(data or {}), created_at=now)
        _mark_saved(claim, now)
        claim.save()
        timeline.record(claim, kind="draft_started", summary="Draft claim started", actor=owner)
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
            notify(
                kind="draft_expiring",
                to_email=claim.owner.email,
                user=claim.owner,
                context={"owner": claim.owner, "claim": claim, "expires_at": claim.draft_expires_at},
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
            owner = claim.owner
            notify(
                kind="draft_deleted",
                to_email=owner.email,
                user=owner,
                context={"owner": owner, "claim": claim, "last_saved_at": claim.last_saved_at},
            )
        else:
            require(actor, claim, Action.DELETE_DRAFT)
        claim.delete()
    return True


# -- court staff reading what the parties' record keeps back --------------------------------


def security_code_read(*, claim_id: int, actor: Any) -> str:
    """A caseworker reads the claim's security code (for a defendant who phones without their pack).

    Each reading is recorded in the staff access log (``StaffAccess``), not on the claim's timeline: both
    parties read the timeline, and the defendant's security code is not the claimant's business."""
    with transaction.atomic():
        claim = Claim.objects.filter(pk=claim_id).first()
        if claim is None:
            raise ClaimError("This claim no longer exists.")
        require(actor, claim, Action.READ_SECURITY_CODE)
        StaffAccess.objects.create(claim=claim, what=StaffAccess.What.SECURITY_CODE, user=actor,
                                   user_label=timeline.actor_label(actor), at=clock.now())
    return claim.security_code


# -- submitting the claim form (4.1, 13.1) --------------------------------------------------


def claim_submit(*, claim_id: int, actor: Any, signed_name: str) -> Claim:
    """The claimant signs the statement of truth and submits the claim form (4.1(1)(c), 13.1).

    Fixes the form as signed, the day it counts as submitted (14.1), the interest to that
    day and the fee in force that day. The claim then waits for its fee (or a Help with
    Fees decision) before it is issued (4.3(1), (1A)). Submitting twice (a double click)
    returns the claim as submitted the first time.
    """
    signed_name = " ".join((signed_name or "").split())
    if not signed_name:
        raise ClaimError("Enter your full name to sign the statement of truth")
    with transaction.atomic():
        claim = locked_claim(claim_id)
        if claim is None:
            raise ClaimError("This claim no longer exists.")
        if claim.state in SUBMITTED_STATES and claim.owner_id == getattr(actor, "pk", None):
            return claim
        require(actor, claim, Action.EDIT_DRAFT)
        try:
            form = ocon1.read(claim.draft_data)
        except ocon1.IncompleteClaim as exc:
            raise ClaimError(str(exc)) from exc
        now = clock.now()
        submitted_on = court_calendar().deemed_submission_date(now)
        quote = pricing.quote(form, submitted_on=submitted_on)
        if quote.over_limit:
            raise ClaimError(
                f"Your claim is {format_money(quote.amount_claimed)} including interest. You can only claim up to "
                f"{format_money(pricing.LIMIT_IN_PERSON)} including interest online."
            )
        claim.submitted_data = dict(claim.draft_data)
        claim.claimant_name = form.claimant.display_name
        claim.defendant_name = form.defendant.display_name
        claim.submitted_at = now
        claim.submitted_on = submitted_on
        claim.sot_signed_name = signed_name
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
        notify(
            kind="claim_submitted", to_email=claim.owner.email, user=claim.owner,
            context={"claim": claim, "owner": claim.owner},
        )
    return claim


def _apply_quote(claim: Claim, quote: pricing.Quote) -> None:
    claim.principal = quote.principal
    claim.interest = quote.interest
    claim.interest_to = quote.interest_to
    claim.daily_interest = quote.daily_interest
    claim.fee = quote.fee
    claim.fee_schedule_from = quote.fee_schedule_from
    claim.fee_schedule_id = quote.fee_schedule_id


def claim_return_to_draft(*, claim_id: int, actor: Any) -> Claim:
    """Take a submitted claim whose fee is not paid back to a draft, to change it."""
    from payments.models import LIVE_STATUSES

    with transaction.atomic():
        claim = locked_claim(claim_id)
        if claim is None:
            raise ClaimError("This claim no longer exists.")
        if claim.state == ClaimState.DRAFT:
            return claim
        require(actor, claim, Action.RETURN_TO_DRAFT)
        if claim.payments.filter(status__in=LIVE_STATUSES).exists():
            raise ClaimError("A payment for this claim is in progress. Finish or cancel it before changing the claim.")
        claim.submitted_data = None
        claim.submitted_at = claim.submitted_on = claim.sot_signed_on = None
        claim.sot_signed_name = ""
        claim.principal = claim.interest = claim.interest_to = claim.daily_interest = None
        claim.fee = claim.fee_schedule_from = claim.fee_schedule_id = None
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
        from payments.models import LIVE_STATUSES

        if claim.payments.filter(status__in=LIVE_STATUSES).exists():
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
                    summary=f"Court fee of {format_money(payment.amount)} paid by card (reference {payment.reference})",
                    data={"payment": str(payment.public_id), "paid_at": payment.completed_at.isoformat()})
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
    """Issue the (locked) claim: number, issue date, response deadline, service, documents."""
    cal = court_calendar()
    issue_date = cal.deemed_submission_date(received_at)  # 14.1: after 4pm or a closed day → next open day
    form = claim.form
    claim.claim_number = _next_claim_number()
    claim.security_code = numbers.new_security_code()
    claim.issued_at = received_at
    claim.issue_date = issue_date
    # Interest claimed to issue (money.md); the fee stays as charged on submission.
    claim.interest = form.interest.to_date(form.principal, claim.submitted_on, issue_date)
    claim.interest_to = issue_date
    claim.response_deadline_day = issue_date + timedelta(days=19)
    claim.response_deadline = periods.def_19(cal, issue_date)
    claim.response_reminder_at = periods.next_response_reminder(claim.response_deadline, after=clock.now())
    claim.no_response_stay_at = periods.stay_6m_no_response(cal, issue_date)
    claim.issue()
    claim.save()
    timeline.record(
        claim, kind="claim_issued", actor=None,
        summary=f"Claim issued on {issue_date:%-d %B %Y}: claim number {claim.claim_number}",
        data={"issue_date": issue_date.isoformat(), "response_deadline": claim.response_deadline.isoformat()},
    )
    notify(kind="claim_issued", to_email=claim.owner.email, user=claim.owner,
           context={"claim": claim, "owner": claim.owner})
    documents_request(claim, ["sealed_claim", "issue_receipt", "defendant_pack"])


def claim_served_by_post(*, claim_id: int) -> bool:
    """The defendant's pack is printed and posted: record service (4.3(3)-(5)). Once only."""
    with transaction.atomic():
        claim = locked_claim(claim_id)
        if claim is None or claim.state != ClaimState.ISSUED:
            return False
        if claim.events.filter(kind="claim_served").exists():
            return False
        timeline.record(
            claim, kind="claim_served", actor=None,
            summary=f"Claim form sent by post to the defendant, {claim.defendant_name}, with the date of issue "
                    f"and how to respond",
        )
    return True


# -- the court calendar changed --------------------------------------------------------------------


def claim_deadlines_recompute(*, first_day: date, last_day: date) -> int:
    """Staff added or removed a closure day, or recorded an outage, between ``first_day`` and
    ``last_day``: move every live response deadline it affects (14.1(2), (3)).

    A deadline is affected if its nominal last day is on or before ``last_day`` and its
    cut-off falls on or after ``first_day`` (it was rolled across the changed days, or
    lands on them). Each move is recorded on the claim's timeline. Returns how many moved.
    """
    cal = court_calendar()
    start = datetime.combine(first_day, datetime.min.time(), tzinfo=LONDON)
    candidates = Claim.objects.filter(
        state=ClaimState.ISSUED, response_deadline_day__lte=last_day, response_deadline__gte=start
    ).values_list("pk", flat=True)
    moved = 0
    for pk in candidates:
        with transaction.atomic():
            claim = locked_claim(pk)
            if claim is None or claim.state != ClaimState.ISSUED or claim.response_deadline_day is None:
                continue
            deadline = cal.cutoff(claim.response_deadline_day)
            if deadline == claim.response_deadline:
                continue
            claim.response_deadline = deadline
            claim.response_reminder_at = periods.next_response_reminder(deadline, after=clock.now())
            claim.save(update_fields=["response_deadline", "response_reminder_at"])
            timeline.record(
                claim, kind="deadline_moved", actor=None,
                summary=f"The defendant's response deadline is now {govuk_datetime(deadline)}, because the court "
                        "calendar changed (a court office closure or a website outage)",
            )
            moved += 1
    return moved


# -- leaving the online process (9.1, 18, 19) ---------------------------------------------------------


def send_out(claim: Claim, *, to: str, reason: str, actor: Any) -> None:
    """Send the (locked) claim out of the online process: every automatic or judicial
    "sent out" of the PD comes through here with its own reason. Both parties are told;
    the claim's live deadlines stop (it continues on paper)."""
    destination = SentOutTo(to)
    now = clock.now()
    claim.sent_out_at = now
    claim.sent_out_to = destination
    claim.sent_out_reason = reason
    claim.clear_deadlines()
    claim.send_out()
    claim.save()
    place = sent_out_place(claim)
    timeline.record(
        claim, kind="sent_out", actor=actor,
        summary=f"Claim sent out of the online service to {place}: {reason}"[:300],
        data={"to": destination.value, "court": claim.sent_out_court, "reason": reason},
    )
    for role, email, user in parties_to_tell(claim):
        notify(kind="claim_sent_out", to_email=email, user=user, claim_number=claim.claim_number or "",
               key=f"sent-out:{claim.pk}:{role}",
               context={"claim": claim, "role": role, "destination": place, "reason": reason,
                        "directions": claim.sent_out_directions})


_PLACES = {
    SentOutTo.CNBC: "the County Court Money Claims Centre (CNBC)",
    SentOutTo.PREFERRED_COURT: "the preferred hearing centre",
    SentOutTo.HOME_COURT: "the defendant's home court",
    SentOutTo.NAMED_CENTRE: "a County Court hearing centre",
}


def sent_out_place(claim: Claim) -> str:
    """Where a sent-out claim went, in words: the hearing centre's name when known (19.1(4))."""
    if claim.sent_out_court:
        return claim.sent_out_court
    return _PLACES.get(SentOutTo(claim.sent_out_to), "") if claim.sent_out_to else ""


def parties_to_tell(claim: Claim) -> list[tuple[str, str, Any]]:
    """(role, email, account) of each party the court can email about the claim: the
    claimant's account, and the defendant's account once linked (else the email the
    claimant gave for them on the claim form, if any)."""
    parties: list[tuple[str, str, Any]] = [("claimant", claim.owner.email, claim.owner)]
    email, user = defendant_contact(claim)
    if email:
        parties.append(("defendant", email, user))
    return parties


def defendant_contact(claim: Claim) -> tuple[str, Any]:
    """The defendant's email (and account, if they have linked the claim)."""
    if claim.defendant_user_id is not None:
        return claim.defendant_user.email, claim.defendant_user
    form = claim.form
    return (form.defendant.email if form is not None else ""), None
