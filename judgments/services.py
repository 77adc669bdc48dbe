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
from claims.breathing_space import refuse_during_breathing_space
from claims.constants import COURT_AUTOMATED
from claims.errors import ClaimError
from claims.models import Claim, breathing_space_in_force
from claims.policy import Action, require
from claims.services import locked_claim, parties_to_tell
from court import fixed_costs
from court.calendar import court_calendar
from court.notifications import notify
from defended.models import ApplicationKind
from defended.services import refer_default_request
from documents.models import DocumentKind
from documents.services import documents_request
from ocmc import clock
from responses.standing import response_accepted
from rules import default_judgment as dj_rules
from rules import judgments as rules
from rules import periods
from rules import represented as represented_rules
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


def defendant_represented(claim: Claim) -> bool:
    """The defendant has a registered legal representative on the claim: judgment in default is by 11.1B."""
    return claim.defendant_firm_id is not None


def _schedule_in_force(on: date) -> represented_rules.FixedCostsSchedule | None:
    try:
        return fixed_costs.schedule_in_force(on)
    except LookupError:
        return None


def _claims_schedule(claim: Claim) -> represented_rules.FixedCostsSchedule | None:
    """The schedule the claim's fixed costs on issue were fixed by on submission (else the one in force then)."""
    if claim.fixed_costs_schedule is not None:
        return fixed_costs.as_rule(claim.fixed_costs_schedule)
    return _schedule_in_force(claim.submitted_on) if claim.submitted_on else None


def default_costs(claim: Claim, *, judgment_date: date) -> tuple[dj_rules.CostsLine, ...]:
    """A represented claimant's fixed costs on judgment in default against a represented defendant (11.1B(7)(c)):
    the costs on issue the claim recorded, and the costs on entry of judgment from the schedule in force on the
    date of judgment. Where the defendant acts in person, 11.1(7) gives court fees only."""
    if claim.claimant_firm_id is None or not defendant_represented(claim):
        return ()
    return dj_rules.fixed_costs_lines(_schedule_in_force(judgment_date), claim.amount_claimed or Decimal(0),
                                      on_issue=claim.fixed_costs or Decimal(0), in_default=True)


def admission_costs(claim: Claim, *, admitted: Decimal | None) -> tuple[dj_rules.CostsLine, ...]:
    """A represented claimant's fixed costs on judgment on admission (7.4(6)(c), 7.7(3)(c), 7.40(8)(c), 7.41B(3)(c)):
    the costs on issue the claim recorded for a full admission (``admitted`` None); for a part admission, those of
    the band of the amount admitted in the claim's schedule."""
    if claim.claimant_firm_id is None:
        return ()
    if admitted is None:
        return dj_rules.fixed_costs_lines(None, Decimal(0), on_issue=claim.fixed_costs or Decimal(0),
                                          in_default=False)
    return dj_rules.fixed_costs_lines(_claims_schedule(claim), admitted, on_issue=None, in_default=False)


def default_amount(claim: Claim, *, judgment_date: date, paid: Decimal) -> rules.JudgmentAmount:
    """11.1(7), 11.1B(7): the claim, interest claimed (to issue, then daily to judgment), the fee, a represented
    claimant's fixed costs against a represented defendant, less payments."""
    return dj_rules.amount_in_default(
        principal=claim.principal, interest_to_issue=claim.interest or Decimal(0),
        daily_interest=claim.daily_interest or Decimal(0), issue_date=claim.issue_date,
        judgment_date=judgment_date, fee=_fee_paid(claim), paid=paid,
        costs=default_costs(claim, judgment_date=judgment_date),
    )


def _costs_pairs(costs: tuple[dj_rules.CostsLine, ...]) -> tuple[tuple[str, Decimal], ...]:
    return tuple((line.label, line.amount) for line in costs)


def admission_amount(claim: Claim, *, judgment_date: date, paid: Decimal = Decimal(0)) -> rules.JudgmentAmount:
    """7.4(6), 7.7(3), 7.8(4) (full admission) and 7.40(8), 7.41B(3), 7.42C(3) (part admission
    accepted in settlement): the amount, interest and court fee (and a represented claimant's fixed costs) "minus
    any payments ... that the defendant has already paid" (``paid``, as the claimant says when asking).

    A full admission is judged like the claim, with the fixed costs on issue only (no costs on entry of judgment
    in default). A part admission's amount stands in for the claim and its interest to issue; daily interest
    after issue runs on the admitted share only (money.md: "on the admitted amount for part admissions").
    """
    response = claim.response
    if response.kind == "full_admission":
        return rules.judgment_amount(
            principal_or_admitted=claim.principal, interest_to_issue=claim.interest or Decimal(0),
            daily_interest=claim.daily_interest or Decimal(0), interest_from=claim.issue_date,
            judgment_date=judgment_date, fee=_fee_paid(claim), paid=paid,
            costs=_costs_pairs(admission_costs(claim, admitted=None)),
        )
    claimed = claim.amount_claimed or Decimal(0)
    admitted = response.admitted_amount
    daily = rules.scaled(claim.daily_interest or Decimal(0), claimed, admitted) if claimed else Decimal(0)
    return rules.judgment_amount(
        principal_or_admitted=admitted, interest_to_issue=Decimal(0), daily_interest=daily,
        interest_from=claim.issue_date, judgment_date=judgment_date, fee=_fee_paid(claim), paid=paid,
        admitted=True, costs=_costs_pairs(admission_costs(claim, admitted=admitted)),
    )


class DefaultJudgmentRefused(ClaimError):
    """A request for judgment in default the court cannot grant online (11.1(2A), 11.1B(4), (8)); ``paper_only``:
    only a paper application under CPR Part 23 will do."""

    def __init__(self, message: str, *, refusal: dj_rules.Refusal) -> None:
        super().__init__(message)
        self.refusal = refusal
        self.paper_only = refusal in dj_rules.PAPER_ONLY


def default_refusal(claim: Claim, *, total: Decimal | None = None,
                    rule_12_11: bool = False) -> dj_rules.Refusal | None:
    """Why judgment in default cannot be entered on ``claim`` now, or None: a moratorium in force (11.1(2A),
    11.1B(8)(b)); against a represented defendant, CPR 12.11 (11.1B(8)(a)), an undecided application to strike out
    or for summary judgment (11.1B(4)(b)-(c)), or nothing left owed (11.1B(4)(d)). ``total`` None: the amount is
    not known yet (the request page before the claimant says what was paid). Read under the claim's lock by the
    service; the pages call it to say so before the claimant asks."""
    waiting = set(claim.applications.filter(decided_at__isnull=True).values_list("kind", flat=True))
    return dj_rules.refusal(
        defendant_represented=defendant_represented(claim),
        moratorium=breathing_space_in_force(claim, clock.now()) is not None, rule_12_11=rule_12_11,
        strike_out_pending=ApplicationKind.STRIKE_OUT in waiting,
        summary_judgment_pending=ApplicationKind.SUMMARY_JUDGMENT in waiting,
        total=total,
    )


def default_refusal_text(claim: Claim, refused: dj_rules.Refusal) -> str:
    return dj_rules.reason(refused, defendant_represented=defendant_represented(claim))


def judgment_default_request(*, claim_id: int, actor: Any, paid: Decimal = Decimal(0),
                             plan: rules.Plan | None = None, rule_12_11: bool = False) -> Judgment | None:
    """The claimant asks for judgment in default (form OCON205A, 11.1(1)-(3); where the defendant is represented,
    the website's screens, 11.1B(2)-(3)); the court enters it.

    Refused while a debt-respite breathing space is in force (11.1(2A), 11.1B(8)(b)): checked under the claim's
    lock, which recording a breathing space takes too, so no judgment is entered during one. Against a represented
    defendant, refused where the claimant says CPR 12.11 would apply (``rule_12_11``, 11.1B(8)(a)), while an
    application to strike out or for summary judgment is undecided, or if the whole claim with its costs is paid
    (11.1B(4)); the amount carries the fixed costs (11.1B(7)). Otherwise refused if the defendant has paid the
    whole amount owed (11.1A(1)). A response received before the request means the request is not possible at all
    (11.1A(2)): the claim is no longer waiting for one. A notice or application received and not yet decided means
    the court cannot enter it automatically (11.1A(2)): the request goes to a judge, and None is returned; while
    that referral is open the claimant cannot ask again. Asking twice returns the judgment entered the first time.
    """
    with transaction.atomic():
        claim = locked_claim(claim_id)
        if claim is None:
            raise ClaimError("This claim no longer exists.")
        existing = Judgment.objects.filter(claim=claim).first()
        if existing is not None and getattr(actor, "pk", None) in (claim.owner_id, existing.requested_by_id):
            return existing
        require(actor, claim, Action.REQUEST_DEFAULT_JUDGMENT)
        judgment_date = date_of_judgment(claim, clock.now())
        amount = default_amount(claim, judgment_date=judgment_date, paid=pounds(paid))
        refused = default_refusal(claim, total=amount.total, rule_12_11=rule_12_11)
        if refused is not None:
            raise DefaultJudgmentRefused(default_refusal_text(claim, refused), refusal=refused)
        refuse_if_paid_in_full(amount, cite=" (PD 51R 11.1A(1))")
        represented = defendant_represented(claim)
        request: dict[str, Any] = {"form": "" if represented else "OCON205A", "paid": str(pounds(paid)),
                                   "plan": _plan_json(plan)}
        if represented:
            schedule = _schedule_in_force(judgment_date)
            request.update(rule_12_11=False, fixed_costs_schedule=schedule.key if schedule else None)
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
        if existing is not None and claim.owner_id == getattr(actor, "pk", None):
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
    and checked who may ask. Never while a debt-respite breathing space is in force (11.1(2A), 11.1B(8)(b)):
    checked here, under the caller's lock, for every kind of judgment."""
    refuse_during_breathing_space(claim)
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
        summary=f"The claimant asked for judgment {what} "
                + (f"(form {request['form']})" if request.get("form") else "on the website (PD 51R 11.1B(3))"),
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
