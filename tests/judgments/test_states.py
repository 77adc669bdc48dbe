"""The state machines of a judgment and of a settlement agreement (django-fsm-2, protected): a step the
state does not allow is refused, the law's conditions are checked, and nothing assigns the state.

The journeys themselves (each transition happening on the way) are in ``test_requests``,
``test_answers``, ``test_closing``, ``test_settlement`` and ``test_judge_steps``; here, the refusals.
The claim of ``tests.responses.conftest``: judgment in default asked for at 4pm on Monday 22 March
2027, dated Tuesday 23 March, its 28 days (CCJ-28) ending on Tuesday 20 April 2027.
"""
from __future__ import annotations

from datetime import date

import pytest
from django_fsm import TransitionNotAllowed

from claims.models import Claim
from claims.policy import Action, allowed_actions, can
from judgments import answers, closing, services, settlement
from judgments.models import Judgment, JudgmentState, SettlementAgreement
from rules.judgments import Plan
from tests.conftest import uk
from tests.judgments.test_answers import admitted
from tests.judgments.test_settlement import admit_by_instalments

pytestmark = pytest.mark.django_db

Status = SettlementAgreement.Status


def default_judgment(linked, travel) -> Judgment:
    claim, _ = linked
    travel(uk(2027, 3, 22, 16, 0), tick=False)
    services.judgment_default_request(claim_id=claim.pk, actor=claim.owner)
    return Judgment.objects.get(claim=claim)


def court_plan_judgment(linked, travel) -> Judgment:
    """A judgment on admission whose terms a judge is to decide (7.15): redeterminable for 19 days."""
    claim, _ = admitted(linked, travel)
    answers.claimant_reject_plan(claim_id=claim.pk, actor=claim.owner, claimant_plan=Plan.immediately())
    answers.claimant_court_plan_answer(claim_id=claim.pk, actor=claim.owner, accept=False)
    return Judgment.objects.get(claim=claim)


# -- the judgment -------------------------------------------------------------------------------------------------


def test_a_judgment_is_entered_and_its_state_cannot_be_assigned(linked, travel):
    judgment = default_judgment(linked, travel)
    assert judgment.state == JudgmentState.ENTERED and judgment.register_status == "On the register of judgments"
    with pytest.raises(AttributeError):
        judgment.state = JudgmentState.SATISFIED
    assert Judgment.objects.get(pk=judgment.pk).state == JudgmentState.ENTERED


def test_an_entered_judgment_waits_for_no_judge(linked, travel):
    judgment = default_judgment(linked, travel)
    for step in (judgment.redetermine, judgment.vary, judgment.refuse_variation):
        with pytest.raises(TransitionNotAllowed):
            step()
    assert judgment.state == JudgmentState.ENTERED


def test_redetermination_is_only_for_terms_from_the_courts_decision_and_only_for_19_days(linked, travel):
    judgment = default_judgment(linked, travel)
    with pytest.raises(TransitionNotAllowed):  # a default judgment's terms are the claimant's: no REDET-19
        judgment.request_redetermination()
    assert not judgment.redetermination_open


def test_the_19_days_end_redetermination_and_open_variation(linked, travel):
    judgment = court_plan_judgment(linked, travel)
    assert judgment.redetermination_open and not judgment.variation_open
    with pytest.raises(TransitionNotAllowed):  # 7.45(1)(b): not while the 19 days run
        judgment.apply_to_vary()
    travel(judgment.redetermination_deadline, tick=False)
    judgment = Judgment.objects.get(pk=judgment.pk)
    with pytest.raises(TransitionNotAllowed):  # 7.12(6): too late
        judgment.request_redetermination()
    assert judgment.variation_open and not judgment.redetermination_open


def test_only_a_judgment_on_admission_may_be_varied(linked, travel):
    judgment = default_judgment(linked, travel)
    assert judgment.redetermination_deadline is None
    with pytest.raises(TransitionNotAllowed):  # 7.45(1)(a)
        judgment.apply_to_vary()
    assert Action.APPLY_VARIATION not in allowed_actions(judgment.claim.owner, judgment.claim)


def test_paid_within_28_days_cannot_be_marked_satisfied_nor_paid_late_removed(linked, travel):
    judgment = default_judgment(linked, travel)
    judgment.paid_in_full_on = date(2027, 4, 20)  # the last of the 28 days
    with pytest.raises(TransitionNotAllowed):
        judgment.mark_satisfied()
    judgment.paid_in_full_on = date(2027, 4, 21)
    with pytest.raises(TransitionNotAllowed):
        judgment.remove_from_register()
    judgment.paid_in_full_on = None
    for step in (judgment.remove_from_register, judgment.mark_satisfied):  # not told it was paid
        with pytest.raises(TransitionNotAllowed):
            step()
    assert judgment.state == JudgmentState.ENTERED


def test_a_judgment_paid_in_full_is_paid_once_and_its_terms_are_no_longer_open(linked, travel):
    judgment = court_plan_judgment(linked, travel)
    claim, dan = judgment.claim, linked[1]
    assert can(dan, claim, Action.REQUEST_REDETERMINATION)
    closing.judgment_mark_paid(claim_id=claim.pk, actor=claim.owner, paid_on=date(2027, 3, 10))
    judgment = Judgment.objects.get(pk=judgment.pk)
    assert judgment.state == JudgmentState.REMOVED_FROM_REGISTER
    for step in (judgment.remove_from_register, judgment.mark_satisfied, judgment.request_redetermination,
                 judgment.apply_to_vary):
        with pytest.raises(TransitionNotAllowed):
            step()
    # Nothing is left to pay, so nothing is left to redetermine or vary.
    claim = Claim.objects.get(pk=claim.pk)
    for who in (claim.owner, dan):
        assert not {Action.REQUEST_REDETERMINATION, Action.APPLY_VARIATION} & allowed_actions(who, claim)


def test_a_judgment_waiting_for_a_judge_cannot_be_paid_or_set_aside(linked, travel):
    judgment = court_plan_judgment(linked, travel)
    answers.judgment_redetermination_request(claim_id=judgment.claim_id, actor=linked[1], reasons="Too much")
    judgment = Judgment.objects.get(pk=judgment.pk)
    assert judgment.state == JudgmentState.REDETERMINATION_REQUESTED
    assert judgment.register_status == "On the register of judgments"
    judgment.paid_in_full_on = date(2027, 3, 12)
    for step in (judgment.remove_from_register, judgment.set_aside, judgment.request_redetermination,
                 judgment.apply_to_vary, judgment.vary):
        with pytest.raises(TransitionNotAllowed):
            step()


# -- the settlement agreement -------------------------------------------------------------------------------------


@pytest.fixture
def proposed(linked, travel) -> SettlementAgreement:
    """Proposed on Friday 12 March 2027 at 10:00: the defendant answers by 4pm on Friday 19 March (SA-7)."""
    claim, dan = linked
    travel(uk(2027, 3, 10, 11, 0), tick=False)
    admit_by_instalments(claim, dan)
    travel(uk(2027, 3, 12, 10, 0), tick=False)
    return settlement.settlement_propose(claim_id=claim.pk, actor=claim.owner, signed_name="Clara Claimant")


def test_a_proposed_agreement_cannot_lapse_early_nor_be_signed_late(proposed, travel):
    agreement = SettlementAgreement.objects.get(pk=proposed.pk)
    assert agreement.status == Status.PROPOSED
    with pytest.raises(TransitionNotAllowed):  # the 7 days still run
        agreement.lapse()
    for step in (agreement.report_broken, agreement.enter_judgment):  # not signed
        with pytest.raises(TransitionNotAllowed):
            step()
    travel(agreement.respond_by, tick=False)
    for step in (agreement.sign, agreement.reject):
        with pytest.raises(TransitionNotAllowed):
            step()
    with pytest.raises(AttributeError):
        agreement.status = Status.SIGNED
    assert SettlementAgreement.objects.get(pk=proposed.pk).status == Status.PROPOSED


def test_a_signed_agreement_is_broken_before_judgment_is_entered_on_it(proposed, linked):
    settlement.settlement_sign(claim_id=proposed.claim_id, actor=linked[1], signed_name="Dan Defendant")
    agreement = SettlementAgreement.objects.get(pk=proposed.pk)
    assert agreement.status == Status.SIGNED
    for step in (agreement.sign, agreement.reject, agreement.lapse, agreement.enter_judgment):
        with pytest.raises(TransitionNotAllowed):
            step()


def test_a_lapsed_or_rejected_agreement_is_never_signed_or_broken(proposed, linked):
    settlement.settlement_reject(claim_id=proposed.claim_id, actor=linked[1])
    agreement = SettlementAgreement.objects.get(pk=proposed.pk)
    assert agreement.status == Status.REJECTED
    for step in (agreement.sign, agreement.lapse, agreement.report_broken):
        with pytest.raises(TransitionNotAllowed):
            step()
