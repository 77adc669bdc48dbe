"""The plan a judgment or settlement on an admission rests on, and the claimant's answer lifting a stay
(PD 51R 7.7, 7.8, 7.10-7.13, 7.17, 7.44).

Read by the requests for judgment (``judgments.services``), the answers to a repayment offer
(``judgments.answers``) and the settlement agreement (``judgments.settlement``): it needs none of them.
"""
from __future__ import annotations

from typing import Any

from claims import timeline
from claims.constants import ClaimState
from claims.models import Claim
from responses.ocon9 import day, money
from rules import judgments as rules

from .models import ClaimantAnswer


def response_plan(response: Any) -> rules.Plan:
    """The repayment plan the defendant offered in their response."""
    return rules.Plan(option=response.payment_option, pay_by=response.pay_by,
                      instalment=response.instalment_amount, frequency=response.instalment_frequency,
                      first_payment=response.first_payment_on)


def plan_from_record(record: dict[str, Any]) -> rules.Plan:
    """A plan as recorded (``rules.judgments.Plan.to_record``)."""
    return rules.Plan(option=record["option"], pay_by=day(record.get("pay_by")),
                      instalment=money(record.get("instalment")), frequency=record.get("frequency") or "",
                      first_payment=day(record.get("first_payment")))


def latest_answer(claim: Claim) -> ClaimantAnswer | None:
    return claim.claimant_answers.order_by("-answered_at", "-pk").first()


def plan_that_stands(claim: Claim) -> tuple[rules.Plan | None, ClaimantAnswer | None]:
    """The plan a judgment or settlement on this admission would use: the one the court's
    decision left standing (once the claimant has answered), else the defendant's offer."""
    answer = latest_answer(claim)
    if answer is not None and answer.kind == ClaimantAnswer.Kind.COURT_PLAN_PENDING:
        return None, answer
    if answer is not None and answer.plan_that_stands:
        return plan_from_record(answer.plan_that_stands), answer
    return response_plan(claim.response), None


def lift_stay_on_answer(claim: Claim, actor: Any) -> None:
    """The claimant answers a claim stayed for their silence on an admission: the stay is lifted
    automatically (7.17, 7.44). The claim must be locked."""
    if claim.state == ClaimState.STAYED and claim.stay_lifts_on_answer:
        claim.lift_stay()
        claim.stayed_at = None
        claim.stay_reason = ""
        claim.stay_lifts_on_answer = False
        claim.save()
        timeline.record(claim, kind="stay_lifted", actor=actor,
                        summary="Stay lifted automatically: the claimant answered the admission (7.17)")
