"""Judgments: requested by the claimant, entered by the court (PD 51R 7.4, 7.7, 11.1, 15.1).

Like every service: one transaction, the claim row locked, who may act checked
(``claims.policy``), the claim changed, the step recorded and the parties told. A request
the court must grant (11.1(3), 7.4(3), 7.7(1)) is entered at once by the court's automated
system, named as such on the judgment (15.1(1)).
"""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.db import transaction

from claims import timeline
from claims.constants import COURT_AUTOMATED
from claims.errors import ClaimError
from claims.models import Claim
from claims.policy import Action, require
from claims.representation import acts_for_claimant
from claims.services import locked_claim, parties_to_tell
from court.calendar import court_calendar
from court.notifications import notify
from defended.services import refer_default_request
from documents.models import DocumentKind
from documents.services import documents_request
from ocmc import clock
from responses.standing import response_accepted
from rules import judgments as rules
from rules import periods
from rules.money import format_money, pounds

from .models import TERMS_TO_BE_DETERMINED, Judgment, JudgmentKind
from .plans import lift_stay_on_answer, plan_that_stands


def shown_lines(amount: rules.JudgmentAmount) -> list[tuple[str, Decimal]]:
    """The judgment's lines as shown: deductions negative, without the closing "Total" line."""
    return [(line.label, line.signed) for line in amount.lines if line.label != "Total"]


def terms_for(plan: rules.Plan | None, judgment_date: date, *, admission: bool) -> rules.Terms:
    """The judgment's terms. A passed first instalment moves to a month after the judgment
    (7.7(5)(b), 11.1(5)(b)); on admission the PD says the rest follow monthly, for default
    judgment it is silent, so the claimant's own frequency is kept."""
    return rules.judgment_terms(plan, judgment_date, then_monthly=admission)


def date_of_judgment(claim: Claim, requested_at: datetime, *, made_on: date | None = None) -> date:
    """The date of a judgment on ``claim`` asked for at ``requested_at``: the one place it is chosen
    (``rules.judgments.judgment_date``). No earlier than the day the request counts as received
    (14.1), nor the day the defendant's response it rests on does; a judge's, no earlier than
    ``made_on``. The check pages call it too, so they show the figures the court will enter."""
    response = getattr(claim, "response", None)
    return rules.judgment_date(court_calendar(), requested_at, made_on=made_on,
                               response_received_on=response.received_on if response is not None else None)


def refuse_if_paid_in_full(amount: rules.JudgmentAmount, *, cite: str = "") -> None:
    """No judgment for nothing: refused when what the defendant has already paid covers the whole
    amount that would be owed (every request for judgment asks what was paid)."""
    if amount.total <= 0:
        raise ClaimError(f"The defendant has paid the whole amount owed, so the court cannot give judgment{cite}. "
                         "You can tell the court the claim has been paid.")


def _fee_paid(claim: Claim) -> Decimal:
    """The court fee the claimant paid (after any Help with Fees remission)."""
    return pounds((claim.fee or Decimal(0)) - claim.fee_remitted)


def default_amount(claim: Claim, *, judgment_date: date, paid: Decimal) -> rules.JudgmentAmount:
    """11.1(7): the claim, interest claimed (to issue, then daily to judgment), the fee, less payments."""
    return rules.judgment_amount(
        principal_or_admitted=claim.principal, interest_to_issue=claim.interest or Decimal(0),
        daily_interest=claim.daily_interest or Decimal(0), interest_from=claim.issue_date,
        judgment_date=judgment_date, fee=_fee_paid(claim), paid=paid,
    )


def admission_amount(claim: Claim, *, judgment_date: date, paid: Decimal = Decimal(0)) -> rules.JudgmentAmount:
    """7.4(6), 7.7(3), 7.8(4) (full admission) and 7.40(8), 7.41B(3), 7.42C(3) (part admission
    accepted in settlement): the amount, interest and court fee "minus any payments ... that the
    defendant has already paid" (``paid``, as the claimant says when asking).

    A full admission is judged like the claim (11.1(7)). A part admission's amount stands in
    for the claim and its interest to issue; daily interest after issue runs on the admitted
    share only (money.md: "on the admitted amount for part admissions").
    """
    response = claim.response
    if response.kind == "full_admission":
        return default_amount(claim, judgment_date=judgment_date, paid=paid)
    claimed = claim.amount_claimed or Decimal(0)
    admitted = response.admitted_amount
    daily = rules.scaled(claim.daily_interest or Decimal(0), claimed, admitted) if claimed else Decimal(0)
    return rules.judgment_amount(
        principal_or_admitted=admitted, interest_to_issue=Decimal(0), daily_interest=daily,
        interest_from=claim.issue_date, judgment_date=judgment_date, fee=_fee_paid(claim), paid=paid,
        admitted=True,
    )


def judgment_default_request(*, claim_id: int, actor: Any, paid: Decimal = Decimal(0),
                             plan: rules.Plan | None = None) -> Judgment | None:
    """The claimant asks for judgment in default (form OCON205A, 11.1(1)-(3)); the court enters it.

    Refused if the defendant has paid the whole amount owed (11.1A(1)). A response received
    before the request means the request is not possible at all (11.1A(2)): the claim is no
    longer waiting for one. A notice or application received and not yet decided means the
    court cannot enter it automatically (11.1A(2)): the request goes to a judge, and None is
    returned; while that referral is open the claimant cannot ask again. Asking twice returns the
    judgment entered the first time.
    """
    with transaction.atomic():
        claim = locked_claim(claim_id)
        if claim is None:
            raise ClaimError("This claim no longer exists.")
        existing = Judgment.objects.filter(claim=claim).first()
        if existing is not None and claim.owner_id == getattr(actor, "pk", None):
            return existing
        require(actor, claim, Action.REQUEST_DEFAULT_JUDGMENT)
        judgment_date = date_of_judgment(claim, clock.now())
        amount = default_amount(claim, judgment_date=judgment_date, paid=pounds(paid))
        refuse_if_paid_in_full(amount, cite=" (PD 51R 11.1A(1))")
        request = {"form": "OCON205A", "paid": str(pounds(paid)), "plan": _plan_json(plan)}
        if claim.applications.filter(decided_at__isnull=True).exists():
            refer_default_request(claim, actor, request)
            return None
        return enter_judgment(claim, kind=JudgmentKind.DEFAULT, requested_by=actor, request=request,
                              amount=amount, plan=plan, judgment_date=judgment_date)


def judgment_admission_request(*, claim_id: int, actor: Any, paid: Decimal = Decimal(0),
                               plan: rules.Plan | None = None) -> Judgment:
    """The claimant asks for judgment on the defendant's admission (OCON225); the court enters it.

    If the defendant offered to pay immediately and has not paid within the 5 days, the
    claimant may give their own plan (7.4(2), (4)); otherwise the judgment is on the terms
    the defendant offered, which the claimant accepts by asking (7.7(1), 7.41). What the
    defendant has already paid (``paid``) is taken off (7.4(6), 7.7(3)); refused if that is
    the whole amount owed. Asking twice returns the judgment entered the first time.
    """
    with transaction.atomic():
        claim = locked_claim(claim_id)
        if claim is None:
            raise ClaimError("This claim no longer exists.")
        existing = Judgment.objects.filter(claim=claim).first()
        if existing is not None and acts_for_claimant(actor, claim):
            return existing
        require(actor, claim, Action.REQUEST_ADMISSION_JUDGMENT)
        lift_stay_on_answer(claim, actor)
        response = claim.response
        answer = None
        if not response.pay_immediately:
            plan, answer = plan_that_stands(claim)
        judgment_date = date_of_judgment(claim, clock.now())
        amount = admission_amount(claim, judgment_date=judgment_date, paid=pounds(paid))
        refuse_if_paid_in_full(amount)
        request = {"form": "OCON225", "accepted_defendant_plan": answer is None and not response.pay_immediately,
                   "paid": str(pounds(paid)), "plan": _plan_json(plan)}
        decided = answer is not None and answer.affordability is not None
        return enter_judgment(claim, kind=JudgmentKind.ADMISSION, requested_by=actor, request=request,
                              amount=amount, plan=plan, judgment_date=judgment_date,
                              affordability=answer.affordability if decided else None, redeterminable=decided)


def _plan_json(plan: rules.Plan | None) -> dict[str, str] | None:
    if plan is None:
        return None
    return {"option": plan.option, "pay_by": plan.pay_by.isoformat() if plan.pay_by else "",
            "instalment": str(plan.instalment or ""), "frequency": plan.frequency or "",
            "first_payment": plan.first_payment.isoformat() if plan.first_payment else ""}


def enter_judgment(claim: Claim, *, kind: JudgmentKind, requested_by: Any, request: dict[str, Any],
                   amount: rules.JudgmentAmount, plan: rules.Plan | None, judgment_date: date,
                   affordability: dict[str, Any] | None = None, to_be_determined: bool = False,
                   redeterminable: bool = False, made_by: Any = None) -> Judgment:
    """Enter the judgment on the (locked) claim: the court's automated system makes it, or the
    judge ``made_by`` (15.1(1)).

    The one way a judgment is entered (requests above, a broken settlement agreement, a plan
    decided by the court, a judge deciding a referred request): the caller has locked the claim
    and checked who may ask."""
    terms = terms_for(plan, judgment_date, admission=kind == JudgmentKind.ADMISSION)
    terms_text = TERMS_TO_BE_DETERMINED if to_be_determined else terms.describe(amount.total, reader=rules.Reader.COURT)
    now = clock.now()
    cal = court_calendar()
    judgment = Judgment.objects.create(
        claim=claim, kind=kind, request=request, requested_by=requested_by, entered_at=now,
        judgment_date=judgment_date, made_by=made_by,
        made_by_label=COURT_AUTOMATED if made_by is None else timeline.actor_label(made_by),
        lines=[[label, str(value)] for label, value in shown_lines(amount)], total=amount.total,
        payment_option=terms.option, pay_by=terms.pay_by, instalment_amount=terms.instalment,
        instalment_frequency=terms.frequency or "", first_payment_on=terms.first_payment,
        terms_text=terms_text, terms_to_be_determined=to_be_determined, affordability=affordability,
        register_removal_deadline=periods.ccj_28(cal, judgment_date),
        redetermination_deadline=periods.redet_19(cal, judgment_date) if redeterminable else None,
    )
    if kind == JudgmentKind.ADMISSION:
        response_accepted(claim.response)  # judgment on the admission the claimant accepts (7.4, 7.7)
    claim.response_reminder_at = claim.no_response_stay_at = None
    claim.pay_immediately_deadline = claim.claimant_response_deadline = claim.settlement_deadline = None
    claim.enter_judgment()
    claim.save()
    what = "in default" if kind == JudgmentKind.DEFAULT else "on admission"
    timeline.record(
        claim, kind="judgment_requested", actor=requested_by,
        summary=f"The claimant asked for judgment {what} (form {request['form']})",
    )
    timeline.record(
        claim, kind="judgment_entered", actor=None,
        summary=f"Judgment {what} entered for {format_money(amount.total)}: {terms_text}",
        data={"judgment": judgment.pk, "total": str(amount.total)},
    )
    for role, email, user in parties_to_tell(claim):
        notify(kind="judgment_entered", to_email=email, user=user, claim_number=claim.claim_number or "",
               key=f"judgment:{claim.pk}:{role}", context={"claim": claim, "judgment": judgment, "role": role})
    documents_request(claim, [DocumentKind.JUDGMENT])
    return judgment
