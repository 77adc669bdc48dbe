"""The claimant's answer to a repayment offer, the court's decision on the plans, the claimant's
silence, and redetermination (PD 51R 7.10-7.17, 7.42A-G, 7.44, 6.2(4)).

- Rejecting the defendant's plan with a plan of their own runs the affordability calculation
  at once (``rules.affordability``, Annex A as ``shared/spec/affordability.md``); the record
  is kept on a ``ClaimantAnswer`` for the judge. A defendant that is not an individual gets
  no calculation: the claim is sent out to the CNBC (7.16, 7.42G).
- When the court's plan stands, the claimant accepts it (then judgment or a settlement
  agreement on it) or rejects it: judgment is entered with the terms to be decided by a
  judge (7.15).
- A judgment whose terms came from the court's decision may be redetermined: either party
  asks within 19 days, the judgment's state becomes "redetermination requested" and the claim is
  sent out to the defendant's home court (7.12(6)-(7)); the judge there records the outcome
  (``judgments.judges.judgment_redetermination_decide``).
- 33 days of silence stays the claim; for an admission a later answer lifts the stay (7.17,
  7.44); for a defence it does not (6.2(4), 6.3(4)).
"""
from __future__ import annotations

from typing import Any

from django.db import transaction

from claims import timeline
from claims.constants import ClaimState, SentOutTo
from claims.errors import ClaimError
from claims.models import Claim
from claims.policy import Action, require
from claims.representation import acts_for_claimant
from claims.services import locked_claim, parties_to_tell, send_out
from court.calendar import court_calendar
from court.notifications import notify
from court.templatetags.govuk import govuk_datetime
from ocmc import clock
from responses.ocon9 import MEANS_PARTY_TYPES, Kind
from responses.standing import response_accepted
from rules import affordability as annex_a
from rules import judgments as rules
from rules import periods
from rules.calendar import local

from . import services
from .models import ClaimantAnswer, Judgment, JudgmentKind, JudgmentState, redetermination_window_open
from .plans import latest_answer, lift_stay_on_answer, response_plan
from .plans import plan_from_record as plan_from_record  # read from here by ``defended.services``

ADMISSION_KINDS = frozenset({Kind.FULL_ADMISSION, Kind.PART_ADMISSION})

OUTCOME_WORDS = {
    annex_a.Outcome.ACCEPT_DEFENDANT_OFFER: "The defendant's offer is at least as good as your plan, so their "
                                            "offer stands",
    annex_a.Outcome.CLAIMANT_PLAN: "The defendant can afford your plan, so your plan stands",
    annex_a.Outcome.COURT_PLAN: "The defendant cannot afford your plan. The court has worked out a plan from their "
                                "finances: you can accept it or reject it",
    annex_a.Outcome.DEFENDANT_PLAN: "The defendant cannot afford your plan, and their own offer is the best they can "
                                    "afford, so their offer stands",
}


#: Where a represented claimant's own plan sends the claim (7.10(2A): "to the CTSC"; 7.42A(1)(a) names no place, and
#: we send both there). The CTSC is no hearing centre, but it is where the claim is named on the record.
CTSC = "the Courts and Tribunals Service Centre (CTSC) at Stoke on Trent"


def claimant_reject_plan(*, claim_id: int, actor: Any, claimant_plan: rules.Plan) -> ClaimantAnswer | Claim:
    """The claimant rejects the defendant's repayment plan and proposes their own (7.10(1), 7.42A).

    Returns the answer with the court's decision; or the claim, sent out: to the CNBC when the defendant is a
    company or organisation (7.16, 7.42G); where the claimant is represented, to the CTSC with no affordability
    calculation (7.10(2A), 7.42A(1)(a)).
    """
    with transaction.atomic():
        claim = locked_claim(claim_id)
        if claim is None:
            raise ClaimError("This claim no longer exists.")
        require(actor, claim, Action.ANSWER_ADMISSION)
        lift_stay_on_answer(claim, actor)
        response = claim.response
        response_accepted(response)  # rejecting the plan accepts the admission itself (7.10(1))
        today = local(clock.now()).date()
        owed = services.admission_amount(claim, judgment_date=today).total
        party_type = claim.form.defendant.type
        if party_type not in MEANS_PARTY_TYPES:
            answer = ClaimantAnswer.objects.create(
                claim=claim, kind=ClaimantAnswer.Kind.REJECT_PLAN, answered_at=clock.now(), answered_by=actor,
                claimant_plan=claimant_plan.to_record(), outcome="sent_out")
            send_out(claim, to=SentOutTo.CNBC, actor=actor,
                     reason="the claimant rejected the repayment plan of a defendant who is not an individual, so "
                            "a judge must decide how it is paid (7.16)")
            return claim
        if claim.claimant_firm_id is not None:
            ClaimantAnswer.objects.create(
                claim=claim, kind=ClaimantAnswer.Kind.REJECT_PLAN, answered_at=clock.now(), answered_by=actor,
                claimant_plan=claimant_plan.to_record(), outcome="sent_out")
            rule = "7.42A(1)(a)" if response.kind == Kind.PART_ADMISSION else "7.10(2A)"
            claim.sent_out_court = CTSC
            send_out(claim, to=SentOutTo.NAMED_CENTRE, actor=actor,
                     reason="the claimant's legal representative rejected the defendant's repayment plan and "
                            "proposed the claimant's own, so the court does not calculate what the defendant can "
                            f"afford ({rule})")
            return claim
        calculation = annex_a.affordability(
            response.data, owed, response_plan(response), claimant_plan, today,
            allowances=annex_a.ALLOWANCES_2021, party_type=party_type,
        )
        outcome = calculation.outcome
        stands = calculation.plan_that_stands()
        answer = ClaimantAnswer.objects.create(
            claim=claim, kind=ClaimantAnswer.Kind.REJECT_PLAN if outcome != annex_a.Outcome.COURT_PLAN
            else ClaimantAnswer.Kind.COURT_PLAN_PENDING,
            answered_at=clock.now(), answered_by=actor, claimant_plan=claimant_plan.to_record(),
            affordability=calculation.to_record(), outcome=outcome.value, plan_that_stands=stands.to_record(),
        )
        timeline.record(
            claim, kind="plan_rejected", actor=actor,
            summary=f"The claimant rejected the defendant's repayment plan and proposed their own. The court's "
                    f"calculation: {OUTCOME_WORDS[outcome].lower()}",
            data={"outcome": outcome.value},
        )
        notify(kind="plan_decision", to_email=claim.owner.email, user=claim.owner,
               claim_number=claim.claim_number or "", key=f"plan-decision:{claim.pk}:{answer.pk}",
               context={"claim": claim, "answer": answer, "words": OUTCOME_WORDS[outcome],
                        "plan": rules.judgment_terms(stands, today).describe(owed, reader=rules.Reader.CLAIMANT)})
    return answer


def claimant_court_plan_answer(*, claim_id: int, actor: Any, accept: bool) -> ClaimantAnswer | Judgment:
    """The claimant accepts the court's plan (then asks for judgment or a settlement agreement on it,
    7.11-7.14) or rejects it: judgment is entered with the terms to be decided by a judge (7.15)."""
    with transaction.atomic():
        claim = locked_claim(claim_id)
        if claim is None:
            raise ClaimError("This claim no longer exists.")
        require(actor, claim, Action.ANSWER_ADMISSION)
        lift_stay_on_answer(claim, actor)
        pending = latest_answer(claim)
        if pending is None or pending.kind != ClaimantAnswer.Kind.COURT_PLAN_PENDING:
            raise ClaimError("There is no plan from the court to answer.")
        kind = ClaimantAnswer.Kind.ACCEPT_COURT_PLAN if accept else ClaimantAnswer.Kind.REJECT_COURT_PLAN
        answer = ClaimantAnswer.objects.create(
            claim=claim, kind=kind, answered_at=clock.now(), answered_by=actor, claimant_plan=pending.claimant_plan,
            affordability=pending.affordability, outcome=pending.outcome,
            plan_that_stands=pending.plan_that_stands if accept else None,
        )
        timeline.record(claim, kind="court_plan_answered", actor=actor,
                        summary="The claimant accepted the court's repayment plan" if accept
                        else "The claimant rejected the court's repayment plan")
        if accept:
            return answer
        judgment_date = services.date_of_judgment(claim, clock.now())
        return services.enter_judgment(
            claim, kind=JudgmentKind.ADMISSION, requested_by=actor,
            request={"form": "OCON225", "rejected_court_plan": True}, amount=services.admission_amount(
                claim, judgment_date=judgment_date), plan=None, judgment_date=judgment_date,
            affordability=pending.affordability, to_be_determined=True, redeterminable=True,
        )


# -- redetermination (7.12(5)-(7), 7.14(6)-(9), 7.15(7)-(9)) ----------------------------------------------


def judgment_redetermination_request(*, claim_id: int, actor: Any, reasons: str) -> Judgment:
    """Either party asks a judge to redetermine the repayment terms, within 19 days of the
    judgment: the claim is sent out to the defendant's home court (7.12(7))."""
    reasons = (reasons or "").strip()
    if not reasons:
        raise ClaimError("Explain why you want the repayment terms to be decided again")
    with transaction.atomic():
        claim = locked_claim(claim_id)
        if claim is None:
            raise ClaimError("This claim no longer exists.")
        judgment = Judgment.objects.select_for_update().get(claim=claim)
        if judgment.redetermination_requested_by_id == getattr(actor, "pk", None):
            return judgment
        if (judgment.affordability is not None and judgment.state != JudgmentState.REDETERMINATION_REQUESTED
                and not redetermination_window_open(judgment)):
            ended = periods.redet_19(court_calendar(), judgment.judgment_date)
            raise ClaimError(f"The 19 days to ask for the repayment terms to be redetermined ended at "
                             f"{govuk_datetime(ended)} (7.12(6)). If your circumstances have changed, you can "
                             "apply to change the plan instead.")
        require(actor, claim, Action.REQUEST_REDETERMINATION)
        who = "claimant" if acts_for_claimant(actor, claim) else "defendant"
        judgment.request_redetermination()
        judgment.redetermination_requested_at = clock.now()
        judgment.redetermination_requested_by = actor
        judgment.redetermination_reasons = reasons
        judgment.redetermination_deadline = None
        judgment.save(update_fields=["state", "redetermination_requested_at", "redetermination_requested_by",
                                     "redetermination_reasons", "redetermination_deadline"])
        send_out(claim, to=SentOutTo.HOME_COURT, actor=actor,
                 reason=f"the {who} asked for the repayment terms of the judgment to be redetermined by a judge "
                        "(7.12(7))")
    return judgment


def redetermination_window_closed(*, judgment_id: int) -> bool:
    """REDET-19 passed with no request: the terms stand; recorded once. Locks the claim, then
    the judgment, in the same order as a request, so the two never deadlock."""
    claim_id = Judgment.objects.filter(pk=judgment_id).values_list("claim_id", flat=True).first()
    if claim_id is None:
        return False
    with transaction.atomic():
        claim = locked_claim(claim_id)
        judgment = Judgment.objects.select_for_update().filter(pk=judgment_id).first()
        if claim is None or judgment is None or judgment.redetermination_deadline is None:
            return False
        if judgment.redetermination_deadline > clock.now():
            return False
        judgment.redetermination_deadline = None
        judgment.save(update_fields=["redetermination_deadline"])
        timeline.record(claim, kind="redetermination_closed", actor=None,
                        summary="19 days have passed since the judgment: its repayment terms can no longer be "
                                "redetermined on request (7.12(6))")
    return True


# -- the claimant's silence (7.17, 7.44, 6.2(4), 6.3(4)) -----------------------------------------------------


def claim_stay_claimant_silent(*, claim_id: int) -> bool:
    """33 days after being asked, the claimant has not answered the response: stay the claim.
    On an admission a later answer lifts the stay automatically (7.17, 7.44); on a defence the
    claimant must apply (6.2(4), 6.3(4))."""
    with transaction.atomic():
        claim = locked_claim(claim_id)
        if claim is None or claim.claimant_response_deadline is None:
            return False
        if claim.claimant_response_deadline > clock.now():
            return False
        claim.claimant_response_deadline = None
        if claim.state != ClaimState.AWAITING_CLAIMANT_RESPONSE:
            claim.save(update_fields=["claimant_response_deadline"])
            return False
        admission = claim.response.kind in ADMISSION_KINDS
        if admission:
            reason = ("the claimant did not answer the defendant's admission within 33 days; it will be lifted "
                      "automatically if the claimant answers (7.17)")
        else:
            reason = "the claimant did not say within 33 days whether they want to continue with the claim (6.2(4))"
        claim.state_before_stay = claim.state
        claim.stayed_at = clock.now()
        claim.stay_reason = reason
        claim.stay_lifts_on_answer = admission
        claim.pay_immediately_deadline = None
        claim.stay()
        claim.save()
        timeline.record(claim, kind="stayed", actor=None, summary=f"Claim stayed: {reason}")
        for role, email, user in parties_to_tell(claim):
            notify(kind="claim_stayed", to_email=email, user=user, claim_number=claim.claim_number or "",
                   key=f"stay-silence:{claim.pk}:{role}", context={"claim": claim, "role": role, "reason": reason})
    return True
