"""The claimant's answer to a repayment offer: the court's decision (Annex A), the court's plan,
redetermination, and the claimant's silence (7.10-7.17, 7.44, 6.2(4))."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from claims.constants import ClaimState
from claims.errors import ClaimError, NotAllowed
from claims.policy import Action, can
from court.sweeps import run_sweep
from judgments import answers, applications, services
from judgments.models import ClaimantAnswer, Judgment, JudgmentState
from rules.judgments import Plan
from tests.conftest import uk
from tests.responses.test_services import DEFENCE_PAGES, MEANS_DEFAULTS, respond

pytestmark = pytest.mark.django_db

OFFER = {"payment_option": {"option": "instalments"},
         "instalments": {"amount": "50.00", "frequency": "monthly", "first_date": "2027-04-01"}}


def admitted(linked, travel, *, income: str = "1500.00"):
    claim, dan = linked
    travel(uk(2027, 3, 10, 11, 0), tick=False)
    income_page = {**MEANS_DEFAULTS["income"], "job_amount": income}
    respond(claim, dan, details=DEFENCE_PAGES["details"], response_type={"type": "full_admission"},
            income=income_page, **OFFER)
    claim.refresh_from_db()
    return claim, dan


def test_the_claimants_affordable_plan_stands(linked, travel):
    claim, _ = admitted(linked, travel)
    plan = Plan.instalments(Decimal("100.00"), "monthly", date(2027, 4, 1))
    answer = answers.claimant_reject_plan(claim_id=claim.pk, actor=claim.owner, claimant_plan=plan)
    assert answer.outcome == "claimant_plan"
    # 1,500 income − 650 rent − 323.70 living allowance (single, 25 or over) = 526.30 a month.
    assert answer.affordability["disposable_monthly"] == "526.30"
    judgment = services.judgment_admission_request(claim_id=claim.pk, actor=claim.owner)
    assert judgment.instalment_amount == Decimal("100.00") and judgment.first_payment_on == date(2027, 4, 1)
    assert judgment.affordability["decision"] == "claimant_plan"
    assert judgment.redetermination_deadline == uk(2027, 3, 30, 16, 0)  # 19 days after 10 March is Easter Monday


def test_a_court_plan_ending_on_the_claimants_date_leaves_the_claimants_plan(linked, travel):
    claim, _ = admitted(linked, travel)
    # The court's plan would be 2 × £526.30 a month, the last on 10 May 2027; the claimant asks for
    # £501 a month, also paid by 10 May. The defendant can afford it (7.10(5)), so it stands (7.11):
    # the claimant is not offered more a month than they asked for.
    plan = Plan.instalments(Decimal("501.00"), "monthly", date(2027, 4, 10))
    answer = answers.claimant_reject_plan(claim_id=claim.pk, actor=claim.owner, claimant_plan=plan)
    plans = answer.affordability["plans"]
    assert plans["court"]["instalment"] == "526.30" and plans["court"]["ends"] == "2027-05-10"
    assert plans["claimant"]["ends"] == "2027-05-10"
    assert answer.outcome == "claimant_plan" and answer.kind == ClaimantAnswer.Kind.REJECT_PLAN
    judgment = services.judgment_admission_request(claim_id=claim.pk, actor=claim.owner)
    assert judgment.instalment_amount == Decimal("501.00") and judgment.first_payment_on == date(2027, 4, 10)
    assert judgment.affordability["decision"] == "claimant_plan"


def test_the_courts_plan_is_offered_and_rejecting_it_leaves_the_terms_to_a_judge(linked, travel):
    claim, dan = admitted(linked, travel)
    answer = answers.claimant_reject_plan(claim_id=claim.pk, actor=claim.owner, claimant_plan=Plan.immediately())
    assert answer.outcome == "court_plan" and answer.kind == ClaimantAnswer.Kind.COURT_PLAN_PENDING
    assert answer.plan_that_stands["instalment"] == "526.30"
    claim.refresh_from_db()
    assert not can(claim.owner, claim, Action.REQUEST_ADMISSION_JUDGMENT)  # answer the court's plan first
    judgment = answers.claimant_court_plan_answer(claim_id=claim.pk, actor=claim.owner, accept=False)
    claim.refresh_from_db()
    assert claim.state == ClaimState.JUDGMENT_ENTERED and judgment.terms_to_be_determined
    assert "to be decided by a judge" in judgment.terms_text
    # Either party may ask for redetermination within 19 days: the claim goes to the home court.
    assert can(dan, claim, Action.REQUEST_REDETERMINATION) and judgment.state == JudgmentState.ENTERED
    answers.judgment_redetermination_request(claim_id=claim.pk, actor=dan, reasons="I cannot afford it")
    claim.refresh_from_db()
    assert claim.state == ClaimState.SENT_OUT and claim.sent_out_to == "home_court"
    assert Judgment.objects.get(pk=judgment.pk).state == JudgmentState.REDETERMINATION_REQUESTED


def test_accepting_the_courts_plan_gives_judgment_on_it(linked, travel):
    claim, _ = admitted(linked, travel)
    answers.claimant_reject_plan(claim_id=claim.pk, actor=claim.owner, claimant_plan=Plan.immediately())
    answers.claimant_court_plan_answer(claim_id=claim.pk, actor=claim.owner, accept=True)
    judgment = services.judgment_admission_request(claim_id=claim.pk, actor=claim.owner)
    assert judgment.instalment_amount == Decimal("526.30") and judgment.instalment_frequency == "monthly"
    assert judgment.first_payment_on == date(2027, 4, 10)  # a month after the calculation


def test_a_defendant_who_cannot_afford_more_keeps_their_offer(linked, travel):
    claim, _ = admitted(linked, travel, income="900.00")
    answer = answers.claimant_reject_plan(claim_id=claim.pk, actor=claim.owner, claimant_plan=Plan.immediately())
    assert answer.outcome == "defendant_plan"
    judgment = services.judgment_admission_request(claim_id=claim.pk, actor=claim.owner)
    assert judgment.instalment_amount == Decimal("50.00")


def test_a_company_defendant_gets_no_calculation_the_claim_is_sent_out(issue_claim, make_user, travel):
    from responses import services as responses

    claim = issue_claim(defendant={"type": "company", "name": "Acme Ltd", "address_line1": "1 Road",
                                   "address_line2": "", "town": "Leeds", "postcode": "LS1 1AA", "contact_name": "",
                                   "phone": "", "email": ""})
    boss = make_user("boss@example.com")
    responses.response_link(user=boss, claim_number=claim.claim_number, security_code=claim.security_code)
    travel(uk(2027, 3, 10, 11, 0), tick=False)
    respond(claim, boss, details={"phone": ""}, response_type={"type": "full_admission"}, **OFFER)
    result = answers.claimant_reject_plan(claim_id=claim.pk, actor=claim.owner, claimant_plan=Plan.immediately())
    assert result.state == ClaimState.SENT_OUT and "7.16" in result.sent_out_reason


def test_redetermination_closes_after_19_days(linked, travel):
    claim, dan = admitted(linked, travel)
    answers.claimant_reject_plan(claim_id=claim.pk, actor=claim.owner, claimant_plan=Plan.immediately())
    judgment = answers.claimant_court_plan_answer(claim_id=claim.pk, actor=claim.owner, accept=False)
    travel(judgment.redetermination_deadline, tick=False)
    assert run_sweep("judgments.redetermination_window").changed == 1
    assert run_sweep("judgments.redetermination_window").changed == 0
    claim.refresh_from_db()
    with pytest.raises(ClaimError, match="The 19 days to ask for the repayment terms to be redetermined ended"):
        answers.judgment_redetermination_request(claim_id=claim.pk, actor=dan, reasons="Too late")
    # Now a change of circumstances is an application (7.45): the claim goes to the home court.
    with pytest.raises(ClaimError, match="Choose the application"):
        applications.judgment_variation_apply(claim_id=claim.pk, actor=dan, form_code="N294", reasons="Lost my job")
    assert Judgment.objects.get(pk=judgment.pk).state == JudgmentState.ENTERED
    applications.judgment_variation_apply(claim_id=claim.pk, actor=dan, form_code="N245", reasons="Lost my job")
    claim.refresh_from_db()
    assert claim.state == ClaimState.SENT_OUT and "N245" in claim.sent_out_reason
    assert Judgment.objects.get(pk=judgment.pk).state == JudgmentState.VARIATION_APPLIED_FOR


def test_variation_waits_for_the_redetermination_window(linked, travel):
    claim, dan = admitted(linked, travel)
    answers.claimant_reject_plan(claim_id=claim.pk, actor=claim.owner, claimant_plan=Plan.immediately())
    answers.claimant_court_plan_answer(claim_id=claim.pk, actor=claim.owner, accept=False)
    with pytest.raises(ClaimError, match="redetermined until"):
        applications.judgment_variation_apply(claim_id=claim.pk, actor=claim.owner, form_code="N244",
                                              reasons="They earn more now")


def test_the_defendant_may_apply_to_withdraw_an_admission(linked, travel):
    claim, dan = admitted(linked, travel)
    with pytest.raises(NotAllowed):
        applications.admission_withdrawal_apply(claim_id=claim.pk, actor=claim.owner, reasons="No")
    applications.admission_withdrawal_apply(claim_id=claim.pk, actor=dan, reasons="I was wrong: I paid it")
    claim.refresh_from_db()
    assert claim.state == ClaimState.SENT_OUT and "Practice Direction 14" in claim.sent_out_reason


def test_silence_on_an_admission_stays_the_claim_and_an_answer_lifts_it(linked, travel):
    claim, _ = admitted(linked, travel)
    travel(claim.claimant_response_deadline, tick=False)
    assert run_sweep("judgments.claimant_silent").changed == 1
    assert run_sweep("judgments.claimant_silent").changed == 0
    claim.refresh_from_db()
    assert claim.state == ClaimState.STAYED and claim.stay_lifts_on_answer
    judgment = services.judgment_admission_request(claim_id=claim.pk, actor=claim.owner)
    claim.refresh_from_db()
    assert claim.state == ClaimState.JUDGMENT_ENTERED and judgment.instalment_amount == Decimal("50.00")
    assert claim.events.filter(kind="stay_lifted").count() == 1


def test_silence_on_a_defence_stays_the_claim_for_good(linked, travel):
    claim, dan = linked
    respond(claim, dan, response_type={"type": "reject"}, reject_reason={"reason": "dispute"}, **DEFENCE_PAGES)
    claim.refresh_from_db()
    travel(claim.claimant_response_deadline, tick=False)
    assert run_sweep("judgments.claimant_silent").changed == 1
    claim.refresh_from_db()
    assert claim.state == ClaimState.STAYED and not claim.stay_lifts_on_answer and "6.2(4)" in claim.stay_reason
