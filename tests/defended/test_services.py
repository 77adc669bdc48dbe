"""The steps of a defended claim through the services: the claimant's decision, mediation and its
28 days, referrals, legal advisers' limits and reconsideration, judges' decisions, applications,
paper responses and the 12.1 stay. Sweeps run twice or late act once."""
from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from claims.constants import ClaimState
from claims.errors import ClaimError, NotAllowed
from claims.models import Claim
from claims.policy import Action, can
from court.models import Notification
from court.sweeps import run_sweep
from defended import rules, services
from defended.models import Application, ClaimantDecision, PaperResponse, Referral
from responses import services as responses
from tests.conftest import uk
from tests.defended.conftest import continue_claim
from tests.responses.test_services import DEFENCE_PAGES, respond

pytestmark = pytest.mark.django_db

PDF = services.Upload("n244.pdf", "application/pdf", b"%PDF-1.4 test")


def reload(claim: Claim) -> Claim:
    return Claim.objects.get(pk=claim.pk)


def events(claim: Claim) -> list[str]:
    return list(claim.events.values_list("kind", flat=True))


def open_referral(claim: Claim) -> Referral:
    return Referral.objects.get(claim=claim, closed_at__isnull=True)


# -- the claimant's decision (6.2, 6.3) -------------------------------------------------------------------


def test_both_willing_to_mediate_stays_the_claim_28_days_from_and_including_the_day_received(defence, travel):
    claim, _ = defence(mediation=True)
    travel(uk(2027, 3, 15, 15, 59), tick=False)  # received Monday 15 March, before 4pm
    claim = continue_claim(claim, mediation=True)
    assert claim.state == ClaimState.MEDIATION
    # 15 March … 11 April (28 days, 6.2(5A)): the stay ends at the first instant of 12 April.
    assert claim.mediation_ends_at == uk(2027, 4, 12, 0, 0)
    assert claim.claimant_response_deadline is None
    assert "mediation_referred" in events(claim)
    bodies = list(Notification.objects.filter(kind="claim_update").values_list("to_email", "body"))
    assert {email for email, _ in bodies} == {"clara@example.com", "dan@example.com"}
    assert all("11 April 2027" in body for _, body in bodies)


def test_an_answer_after_4pm_counts_from_the_next_day(defence, travel):
    claim, _ = defence(mediation=True)
    travel(uk(2027, 3, 15, 16, 0), tick=False)
    claim = continue_claim(claim, mediation=True)
    assert claim.claimant_decision.received_on == date(2027, 3, 16)
    assert claim.mediation_ends_at == uk(2027, 4, 13, 0, 0)


@pytest.mark.parametrize("defendant_mediates, claimant_mediates", [(False, True), (True, False), (False, False)])
def test_either_not_willing_to_mediate_sends_the_forms_for_directions(
        defence, adviser_courts, defendant_mediates, claimant_mediates):
    claim, _ = defence(mediation=defendant_mediates)
    claim = continue_claim(claim, mediation=claimant_mediates)
    assert claim.state == ClaimState.AWAITING_DIRECTIONS and claim.mediation_ends_at is None
    referral = open_referral(claim)
    assert referral.kind == "directions"
    # £1,000 plus interest at issue day (none yet) at Leeds, where advisers operate: a legal adviser.
    assert claim.amount_claimed <= Decimal("1000.00")
    assert referral.to == "legal_adviser"


def test_forms_go_to_a_judge_where_no_legal_adviser_operates(defence):
    claim, _ = defence(mediation=False, court="Bristol County Court")
    claim = continue_claim(claim, mediation=False, court="Bristol County Court")
    assert open_referral(claim).to == "judge"
    assert any("20.1(1)(c)" in reason for reason in rules.legal_adviser_refusals(claim))


def test_not_continuing_stays_the_claim_and_only_an_application_lifts_it(defence):
    claim, _ = defence()
    services.claimant_decide(claim_id=claim.pk, actor=claim.owner, outcome="not_continue")
    claim = reload(claim)
    assert claim.state == ClaimState.STAYED and not claim.stay_lifts_on_answer
    assert "6.2(3)" in claim.stay_reason
    assert not can(claim.owner, claim, Action.ANSWER_DEFENCE)
    assert can(claim.owner, claim, Action.APPLY_LIFT_STAY)


def test_deciding_twice_returns_the_first_answer(defence):
    claim, _ = defence()
    first = services.claimant_decide(claim_id=claim.pk, actor=claim.owner, outcome="not_continue")
    again = services.claimant_decide(claim_id=claim.pk, actor=claim.owner, outcome="continue",
                                     mediation_willing=True, preferred_court="Leeds County Court")
    assert again.pk == first.pk and reload(claim).state == ClaimState.STAYED
    assert ClaimantDecision.objects.filter(claim=claim).count() == 1


def test_only_the_claimant_decides_and_continuing_needs_the_dq_and_mediation(defence, make_user):
    claim, dan = defence()
    with pytest.raises(NotAllowed):
        services.claimant_decide(claim_id=claim.pk, actor=dan, outcome="not_continue")
    with pytest.raises(NotAllowed):
        services.claimant_decide(claim_id=claim.pk, actor=make_user(), outcome="not_continue")
    with pytest.raises(ClaimError, match="mediation"):
        services.claimant_decide(claim_id=claim.pk, actor=claim.owner, outcome="continue",
                                 preferred_court="Leeds County Court")
    with pytest.raises(ClaimError, match="court"):
        services.claimant_decide(claim_id=claim.pk, actor=claim.owner, outcome="continue", mediation_willing=True)
    assert reload(claim).state == ClaimState.AWAITING_CLAIMANT_RESPONSE


def test_silence_for_33_days_on_a_defence_stays_the_claim(defence, travel):
    claim, _ = defence()
    assert claim.claimant_response_deadline == uk(2027, 4, 12, 16, 0)  # 33 days after 8 March is Sunday 10 April
    travel(uk(2027, 4, 12, 16, 0), tick=False)
    run_sweep("judgments.claimant_silent")
    claim = reload(claim)
    assert claim.state == ClaimState.STAYED and claim.state_before_stay == ClaimState.AWAITING_CLAIMANT_RESPONSE
    assert not can(claim.owner, claim, Action.ANSWER_DEFENCE)


def test_a_states_paid_defence_confirmed_settles_the_claim(linked, travel):
    claim, dan = linked
    travel(uk(2027, 3, 8, 10, 0), tick=False)
    respond(claim, dan, response_type={"type": "reject"}, reject_reason={"reason": "already_paid"},
            paid={"amount": str(claim.total), "date": "2027-03-05", "how": "Bank transfer"}, **DEFENCE_PAGES)
    claim = reload(claim)
    assert claim.response.kind == "states_paid"
    with pytest.raises(ClaimError):
        services.claimant_decide(claim_id=claim.pk, actor=claim.owner, outcome="accepts_part")
    services.claimant_decide(claim_id=claim.pk, actor=claim.owner, outcome="payment_confirmed")
    claim = reload(claim)
    assert claim.state == ClaimState.SETTLED and "confirmed the defendant paid" in claim.closed_reason


def _part_admission(linked, travel):
    claim, dan = linked
    travel(uk(2027, 3, 10, 11, 0), tick=False)
    responses.response_draft_save(claim_id=claim.pk, actor=dan, values={
        "response_type": {"type": "part_admission"}, "part_paid": {"paid": "no"},
        "admitted": {"amount": "400.00"}, "payment_option": {"option": "by_set_date"},
        "payment_date": {"date": "2027-06-30"},
    })
    respond(claim, dan, **DEFENCE_PAGES)
    return reload(claim), dan


def test_a_rejected_part_admission_is_a_defence_of_the_whole_claim(linked, travel, adviser_courts):
    claim, _ = _part_admission(linked, travel)
    assert can(claim.owner, claim, Action.ANSWER_DEFENCE)
    claim = continue_claim(claim, mediation=True)
    assert claim.state == ClaimState.MEDIATION and claim.pay_immediately_deadline is None
    summary = claim.events.get(kind="claimant_continuing").summary
    assert "treated as a defence of the whole claim (7.43)" in summary
    assert not can(claim.owner, claim, Action.REQUEST_ADMISSION_JUDGMENT)


def test_a_part_admission_answered_after_the_silence_stay_lifts_it(linked, travel):
    claim, _ = _part_admission(linked, travel)
    travel(claim.claimant_response_deadline + timedelta(minutes=1), tick=False)
    run_sweep("judgments.claimant_silent")
    claim = reload(claim)
    assert claim.state == ClaimState.STAYED and can(claim.owner, claim, Action.ANSWER_DEFENCE)
    claim = continue_claim(claim, mediation=False)
    assert claim.state == ClaimState.AWAITING_DIRECTIONS
    assert "stay_lifted" in events(claim)


def test_a_part_admission_acted_on_can_no_longer_be_rejected(linked, travel):
    claim, _ = _part_admission(linked, travel)
    services.claimant_decide(claim_id=claim.pk, actor=claim.owner, outcome="accepts_part")
    claim = reload(claim)
    assert claim.state == ClaimState.AWAITING_CLAIMANT_RESPONSE
    assert not can(claim.owner, claim, Action.ANSWER_DEFENCE)
    assert can(claim.owner, claim, Action.REQUEST_ADMISSION_JUDGMENT)


# -- mediation (6.2(5A)-(11)) ----------------------------------------------------------------------------


def _in_mediation(defence, travel):
    claim, dan = defence(mediation=True)
    travel(uk(2027, 3, 15, 10, 0), tick=False)
    return continue_claim(claim, mediation=True), dan


def test_the_28_days_ending_without_a_settlement_refers_the_forms_once(defence, travel, adviser_courts):
    claim, _ = _in_mediation(defence, travel)
    travel(uk(2027, 4, 11, 23, 59), tick=False)  # the last day of the stay
    run_sweep("defended.mediation_ended")
    assert reload(claim).state == ClaimState.MEDIATION
    travel(uk(2027, 5, 20, 9, 0), tick=False)  # the sweep runs late, then again
    run_sweep("defended.mediation_ended")
    run_sweep("defended.mediation_ended")
    claim = reload(claim)
    assert claim.state == ClaimState.AWAITING_DIRECTIONS and claim.mediation_ends_at is None
    assert Referral.objects.filter(claim=claim).count() == 1
    assert "6.2(9)" in open_referral(claim).reason and open_referral(claim).state == "open"


def test_mediation_settled_stays_the_claim_with_permission_to_return(defence, travel, caseworker):
    claim, dan = _in_mediation(defence, travel)
    with pytest.raises(NotAllowed):
        services.mediation_outcome(claim_id=claim.pk, actor=dan, settled=True)
    services.mediation_outcome(claim_id=claim.pk, actor=caseworker, settled=True)
    claim = reload(claim)
    assert claim.state == ClaimState.STAYED and claim.stay_allows_return and claim.mediation_ends_at is None
    assert can(dan, claim, Action.REPORT_SETTLEMENT_BROKEN)
    # The settlement breaks down: the claim goes to the preferred court (6.2(11)).
    services.application_make(claim_id=claim.pk, actor=dan, kind="settlement_broken",
                              details="They have not paid the first instalment we agreed.")
    claim = reload(claim)
    assert claim.state == ClaimState.SENT_OUT and claim.sent_out_to == "preferred_court"
    assert claim.sent_out_court == "Leeds County Court" and "6.2(11)" in claim.sent_out_reason
    # Acted on at once: decided without a referral.
    application = Application.objects.get(claim=claim)
    assert application.state == "decided" and application.decided_at is not None
    assert not application.referrals.exists()


def test_mediation_settled_and_discontinued_closes_the_claim(defence, travel, caseworker):
    claim, _ = _in_mediation(defence, travel)
    services.mediation_outcome(claim_id=claim.pk, actor=caseworker, settled=True, discontinued=True)
    assert reload(claim).state == ClaimState.SETTLED
    event = reload(claim).events.filter(kind="claim_settled").last()
    assert event.actor_label.endswith(", Caseworker")


def test_mediation_not_settled_goes_to_a_judge_or_adviser(defence, travel, caseworker):
    claim, _ = _in_mediation(defence, travel)
    services.mediation_outcome(claim_id=claim.pk, actor=caseworker, settled=False)
    claim = reload(claim)
    assert claim.state == ClaimState.AWAITING_DIRECTIONS and open_referral(claim).to == "judge"  # no adviser courts


# -- legal advisers (Section 20) and judges -------------------------------------------------------------------


def _awaiting_adviser(defence, adviser_courts=None):
    claim, dan = defence(mediation=False)
    return continue_claim(claim, mediation=False), dan


def test_a_legal_adviser_gives_directions_and_the_claim_leaves_after_7_days(
        defence, travel, adviser_courts, legal_adviser):
    claim, dan = _awaiting_adviser(defence)
    travel(uk(2027, 3, 22, 11, 0), tick=False)
    assert can(legal_adviser, claim, Action.GIVE_DIRECTIONS)
    order = services.directions_give(claim_id=claim.pk, actor=legal_adviser, standard=["documents", "witnesses"],
                                     free_text="The claimant must file the invoice.", to="cnbc")
    claim = reload(claim)
    # An adviser always sends to the preferred court (Table A 2), only after 7 days (20.2(3)(e), 20.3(3)).
    assert order.send_out_to == "preferred_court" and order.send_out_court == "Leeds County Court"
    assert order.maker_title == "Legal adviser" and order.maker_name == "Lee Adviser"
    # 7 days after Monday 22 March is Easter Monday, 29 March: the time runs to 4pm on the 30th.
    assert claim.state == ClaimState.DIRECTIONS_MADE and claim.send_out_due_at == uk(2027, 3, 30, 16, 0)
    assert can(dan, claim, Action.REQUEST_RECONSIDERATION)
    referral = Referral.objects.get(claim=claim)
    assert referral.state == "decided" and referral.outcome == "Directions given"
    assert referral.closed_by == legal_adviser
    travel(uk(2027, 3, 30, 15, 59), tick=False)
    run_sweep("defended.reconsideration_window")
    assert reload(claim).state == ClaimState.DIRECTIONS_MADE
    travel(uk(2027, 3, 30, 16, 0), tick=False)
    assert not can(dan, reload(claim), Action.REQUEST_RECONSIDERATION)
    run_sweep("defended.reconsideration_window")
    run_sweep("defended.reconsideration_window")
    claim = reload(claim)
    assert claim.state == ClaimState.SENT_OUT and claim.sent_out_court == "Leeds County Court"
    assert "The claimant must file the invoice." in claim.sent_out_directions
    assert claim.events.filter(kind="sent_out").count() == 1


def test_directions_to_supply_further_information_must_say_what_it_is(defence, adviser_courts, legal_adviser):
    """The standard direction reads "… the further information the court asks for below": the order must
    ask for it in its other directions, or there would be nothing below."""
    claim, _ = _awaiting_adviser(defence)
    with pytest.raises(ClaimError, match="Write the further information the parties must supply"):
        services.directions_give(claim_id=claim.pk, actor=legal_adviser, standard=["documents", "information"],
                                 free_text="  ")
    assert reload(claim).state == ClaimState.AWAITING_DIRECTIONS and not claim.directions_orders.exists()
    order = services.directions_give(claim_id=claim.pk, actor=legal_adviser, standard=["documents", "information"],
                                     free_text="The claimant must send a copy of the contract.")
    assert order.standard_texts[-1].endswith("the further information the court asks for below.")


def test_reconsideration_in_time_goes_to_a_judge_and_stops_the_sending_out(
        defence, travel, adviser_courts, legal_adviser, judge):
    claim, dan = _awaiting_adviser(defence)
    services.directions_give(claim_id=claim.pk, actor=legal_adviser, standard=["documents"])
    services.application_make(claim_id=claim.pk, actor=dan, kind="reconsideration",
                              details="The claim needs an expert; the adviser did not allow one.")
    claim = reload(claim)
    assert claim.state == ClaimState.AWAITING_DIRECTIONS and claim.send_out_due_at is None
    referral = open_referral(claim)
    assert referral.to == "judge" and referral.kind == "reconsideration"
    assert referral.state == "open" and Application.objects.get(claim=claim).state == "referred"
    assert not can(legal_adviser, claim, Action.GIVE_DIRECTIONS)
    services.directions_give(claim_id=claim.pk, actor=judge, standard=["documents"], free_text="Expert allowed.",
                             to="named_centre", court="Leeds Combined Court Centre")
    claim = reload(claim)
    assert claim.state == ClaimState.SENT_OUT and claim.sent_out_court == "Leeds Combined Court Centre"
    assert Application.objects.get(claim=claim).decided_at is not None
    assert Application.objects.get(claim=claim).state == "decided"
    assert set(Referral.objects.filter(claim=claim).values_list("kind", "state")) == {
        ("directions", "decided"), ("reconsideration", "decided")}


def test_a_paper_defence_gives_12_days_to_ask_for_reconsideration(issue_claim, travel, caseworker, adviser_courts,
                                                                   legal_adviser):
    claim = issue_claim()
    travel(uk(2027, 3, 3, 10, 0), tick=False)
    services.paper_contact_record(claim_id=claim.pk, actor=caseworker, more_time=False)
    travel(uk(2027, 3, 12, 10, 0), tick=False)
    services.paper_response_enter(claim_id=claim.pk, actor=caseworker, nature="defence", scan=PDF,
                                  received_at=uk(2027, 3, 12, 9, 0), mediation_willing=False,
                                  preferred_court="Leeds County Court")
    claim = continue_claim(reload(claim), mediation=False)
    travel(uk(2027, 3, 22, 11, 0), tick=False)
    services.directions_give(claim_id=claim.pk, actor=legal_adviser, standard=["documents"])
    assert reload(claim).send_out_due_at == uk(2027, 4, 3, 16, 0).replace(day=5)  # 3 April is a Saturday


def test_a_legal_adviser_cannot_act_on_a_claim_over_1000(issue_claim, make_user, travel, adviser_courts,
                                                          legal_adviser, judge):
    claim = issue_claim(amount={"items": [{"description": "Invoice", "amount": "1000.01"}]},
                        interest={"choice": "none"})
    dan = make_user("dan@example.com", full_name="Dan Defendant")
    responses.response_link(user=dan, claim_number=claim.claim_number, security_code=claim.security_code)
    travel(uk(2027, 3, 8, 10, 0), tick=False)
    respond(claim, dan, response_type={"type": "reject"}, reject_reason={"reason": "dispute"},
            **{**DEFENCE_PAGES, "mediation": {"willing": "no", "phone": "", "contact_name": "", "reason": ""}})
    claim = continue_claim(reload(claim), mediation=False)
    assert claim.amount_claimed == Decimal("1000.01")
    assert open_referral(claim).to == "judge"
    assert not can(legal_adviser, claim, Action.GIVE_DIRECTIONS)
    with pytest.raises(NotAllowed):
        services.directions_give(claim_id=claim.pk, actor=legal_adviser, standard=["documents"])
    with pytest.raises(ClaimError, match="more than £1,000"):
        services.refer(claim_id=claim.pk, actor=legal_adviser, to="legal_adviser", reason="Try an adviser")
    assert reload(claim).state == ClaimState.AWAITING_DIRECTIONS
    assert can(judge, claim, Action.GIVE_DIRECTIONS)


def test_a_legal_adviser_may_act_on_exactly_1000(issue_claim, make_user, travel, adviser_courts, legal_adviser):
    claim = issue_claim(amount={"items": [{"description": "Invoice", "amount": "1000.00"}]},
                        interest={"choice": "none"})
    dan = make_user("dan@example.com", full_name="Dan Defendant")
    responses.response_link(user=dan, claim_number=claim.claim_number, security_code=claim.security_code)
    travel(uk(2027, 3, 8, 10, 0), tick=False)
    respond(claim, dan, response_type={"type": "reject"}, reject_reason={"reason": "dispute"}, **DEFENCE_PAGES)
    claim = continue_claim(reload(claim), mediation=False)
    assert can(legal_adviser, claim, Action.GIVE_DIRECTIONS)


def test_only_a_judge_sends_out_or_decides_applications(defence, adviser_courts, caseworker, legal_adviser, judge):
    claim, dan = _awaiting_adviser(defence)
    application = services.application_make(claim_id=claim.pk, actor=dan, kind="leave_online",
                                            details="I would rather deal with this on paper.")
    for staff in (caseworker, legal_adviser):
        with pytest.raises(NotAllowed):
            services.judge_send_out(claim_id=claim.pk, actor=staff, to="cnbc", reason="Not suitable")
        with pytest.raises(NotAllowed):
            services.application_decide(application_id=application.pk, actor=staff, ruling="send_out",
                                        reasons="Granted")
    assert reload(claim).state == ClaimState.AWAITING_DIRECTIONS
    # 18.1: the judge must send it out.
    with pytest.raises(ClaimError, match="18.1"):
        services.application_decide(application_id=application.pk, actor=judge, ruling="refuse", reasons="No")
    services.application_decide(application_id=application.pk, actor=judge, ruling="send_out", reasons="Granted",
                                to="home_court")
    claim = reload(claim)
    assert claim.state == ClaimState.SENT_OUT and claim.sent_out_to == "home_court"
    assert "18.1" in claim.sent_out_reason
    assert not Referral.objects.filter(claim=claim, closed_at__isnull=True).exists()
    # The judge decided the application; the directions questionnaires still waiting were closed with the claim.
    assert Application.objects.get(pk=application.pk).state == "decided"
    assert set(Referral.objects.filter(claim=claim).values_list("kind", "state")) == {
        ("application", "decided"), ("directions", "closed")}
    event = claim.events.get(kind="sent_out")
    assert event.actor_label == "Judith Bench, Judge"


def test_a_judge_sends_a_claim_out_to_a_named_centre_with_directions(defence, judge):
    claim, _ = defence()
    with pytest.raises(ClaimError, match="hearing centre"):
        services.judge_send_out(claim_id=claim.pk, actor=judge, to="named_centre", reason="x")
    services.judge_send_out(claim_id=claim.pk, actor=judge, to="named_centre", court="Manchester Civil Justice Centre",
                            reason="The claim raises a substantial point of law", directions="List for a hearing.")
    claim = reload(claim)
    assert claim.state == ClaimState.SENT_OUT and claim.sent_out_court == "Manchester Civil Justice Centre"
    assert claim.sent_out_directions == "List for a hearing."
    assert not can(claim.owner, claim, Action.ANSWER_DEFENCE) and not can(judge, claim, Action.SEND_OUT)


def test_an_application_to_lift_a_stay_goes_to_a_judge_who_lifts_it(defence, judge):
    claim, dan = defence()
    services.claimant_decide(claim_id=claim.pk, actor=claim.owner, outcome="not_continue")
    with pytest.raises(ClaimError, match="N244"):
        services.application_make(claim_id=claim.pk, actor=claim.owner, kind="lift_stay", details="Changed my mind")
    with pytest.raises(ClaimError, match="PDF, JPEG or PNG"):
        services.application_make(claim_id=claim.pk, actor=claim.owner, kind="lift_stay", details="Changed my mind",
                                  upload=services.Upload("n244.exe", "application/octet-stream", b"MZ"))
    application = services.application_make(claim_id=claim.pk, actor=claim.owner, kind="lift_stay",
                                            details="I want to continue after all.", upload=PDF)
    claim = reload(claim)
    assert open_referral(claim).to == "judge" and not can(claim.owner, claim, Action.APPLY_LIFT_STAY)
    assert open_referral(claim).application_id == application.pk
    assert Application.objects.get(pk=application.pk).state == "referred"
    assert can(judge, claim, Action.DECIDE_APPLICATION)
    services.application_decide(application_id=application.pk, actor=judge, ruling="lift",
                                reasons="The claimant may continue.")
    claim = reload(claim)
    assert claim.state == ClaimState.AWAITING_CLAIMANT_RESPONSE and claim.claimant_response_deadline is not None
    assert not Referral.objects.filter(claim=claim, closed_at__isnull=True).exists()
    assert Application.objects.get(pk=application.pk).state == "decided"
    assert Referral.objects.get(application=application).state == "decided"
    with pytest.raises(NotAllowed):  # nothing is left to decide
        services.application_decide(application_id=application.pk, actor=judge, ruling="refuse", reasons="x")


# -- paper responses (Section 10) ------------------------------------------------------------------------------


def test_the_defendants_call_sends_the_paper_forms_and_sets_the_paper_deadline(issue_claim, travel, caseworker):
    claim = issue_claim()
    travel(uk(2027, 3, 3, 10, 0), tick=False)
    paper = services.paper_contact_record(claim_id=claim.pk, actor=caseworker, more_time=False,
                                          note="Has no computer")
    claim = reload(claim)
    assert paper.forms == ["OCON9", "OCON9X", "OCON180"] and paper.sent_on == date(2027, 3, 3)
    assert paper.deadline == claim.response_deadline == uk(2027, 3, 22, 16, 0)  # 19 days after sending (10.1(7))
    claimant_mail = Notification.objects.get(kind="claim_update", to_email="clara@example.com")
    assert "3 March 2027" in claimant_mail.body
    with pytest.raises(NotAllowed):  # the call is recorded once
        services.paper_contact_record(claim_id=claim.pk, actor=caseworker, more_time=False)
    # The time extension form comes back: 33 days after the forms were sent (10.1(9)).
    services.paper_extension_received(claim_id=claim.pk, actor=caseworker)
    assert reload(claim).response_deadline == uk(2027, 4, 5, 16, 0)


def test_more_time_already_given_online_keeps_33_days_from_issue(linked, travel, caseworker):
    claim, dan = linked
    responses.response_intention_confirm(claim_id=claim.pk, actor=dan, more_time=True)
    travel(uk(2027, 3, 25, 10, 0), tick=False)
    paper = services.paper_contact_record(claim_id=claim.pk, actor=caseworker, more_time=True)
    assert paper.forms == ["OCON9X", "OCON180"] and paper.deadline == uk(2027, 4, 5, 16, 0)  # 10.1(5A)


def test_a_call_after_the_19_days_is_too_late(issue_claim, travel, caseworker):
    claim = issue_claim()
    travel(uk(2027, 3, 22, 16, 0), tick=False)
    with pytest.raises(ClaimError, match="10.1"):
        services.paper_contact_record(claim_id=claim.pk, actor=caseworker, more_time=False)


def test_a_paper_defence_continues_under_section_6(issue_claim, travel, caseworker):
    claim = issue_claim()
    travel(uk(2027, 3, 3, 10, 0), tick=False)
    services.paper_contact_record(claim_id=claim.pk, actor=caseworker, more_time=False)
    travel(uk(2027, 3, 15, 11, 0), tick=False)
    services.paper_response_enter(claim_id=claim.pk, actor=caseworker, nature="defence", scan=PDF,
                                  received_at=uk(2027, 3, 15, 9, 30), mediation_willing=True,
                                  preferred_court="Leeds County Court")
    claim = reload(claim)
    assert claim.state == ClaimState.AWAITING_CLAIMANT_RESPONSE
    assert claim.response.on_paper and claim.response.kind == "full_defence"
    assert claim.claimant_response_deadline == uk(2027, 4, 19, 16, 0)  # 33 days after 15 March is Saturday 17 April
    assert can(claim.owner, claim, Action.ANSWER_DEFENCE)
    assert PaperResponse.objects.get(claim=claim).scan_content == PDF.content


@pytest.mark.parametrize("nature, paragraph", [
    ("admission", "10.2(1)"), ("part_admission", "10.2(1)"), ("counterclaim", "10.2(1)"), ("not_indicated", "10.4(1)"),
])
def test_any_other_paper_response_sends_the_claim_to_the_cnbc(issue_claim, travel, caseworker, nature, paragraph):
    claim = issue_claim()
    travel(uk(2027, 3, 3, 10, 0), tick=False)
    services.paper_contact_record(claim_id=claim.pk, actor=caseworker, more_time=False)
    services.paper_response_enter(claim_id=claim.pk, actor=caseworker, nature=nature, scan=PDF,
                                  received_at=uk(2027, 3, 3, 9, 0))
    claim = reload(claim)
    assert claim.state == ClaimState.SENT_OUT and claim.sent_out_to == "cnbc" and paragraph in claim.sent_out_reason
    assert not hasattr(claim, "response")


def test_a_paper_defence_needs_the_mediation_choice_and_court(issue_claim, travel, caseworker):
    claim = issue_claim()
    travel(uk(2027, 3, 3, 10, 0), tick=False)
    services.paper_contact_record(claim_id=claim.pk, actor=caseworker, more_time=False)
    with pytest.raises(ClaimError, match="mediation"):
        services.paper_response_enter(claim_id=claim.pk, actor=caseworker, nature="defence", scan=PDF,
                                      received_at=uk(2027, 3, 3, 9, 0), preferred_court="Leeds County Court")
    assert reload(claim).state == ClaimState.ISSUED


# -- 12.1: six months without a step -----------------------------------------------------------------------------


def test_six_months_with_no_step_by_either_party_stays_the_claim(linked, travel):
    claim, _ = _part_admission(linked, travel)
    services.claimant_decide(claim_id=claim.pk, actor=claim.owner, outcome="accepts_part")
    claim = reload(claim)
    # The claimant's last step was on 10 March 2027: 6 months later is 10 September (a Friday).
    assert claim.inactivity_stay_at == uk(2027, 9, 10, 16, 0)
    travel(uk(2027, 6, 1, 10, 0), tick=False)
    # A step by the defendant (an application) starts the 6 months again: 1 December 2027.
    services.application_make(claim_id=claim.pk, actor=linked[1], kind="other", details="Please send me a copy.")
    claim = reload(claim)
    assert claim.inactivity_stay_at == uk(2027, 12, 1, 16, 0)
    travel(uk(2027, 9, 11, 10, 0), tick=False)
    run_sweep("defended.no_step_6_months")
    assert reload(claim).state == ClaimState.AWAITING_CLAIMANT_RESPONSE
    travel(uk(2027, 12, 2, 10, 0), tick=False)
    run_sweep("defended.no_step_6_months")
    run_sweep("defended.no_step_6_months")
    claim = reload(claim)
    assert claim.state == ClaimState.STAYED and "12.1" in claim.stay_reason
    assert claim.events.filter(kind="stayed").count() == 1
    assert can(claim.owner, claim, Action.APPLY_LIFT_STAY)


def test_a_claim_waiting_for_the_court_is_not_stayed_for_inactivity(defence, travel):
    claim, _ = defence(mediation=False)
    claim = continue_claim(claim, mediation=False)
    travel(uk(2028, 1, 1, 10, 0), tick=False)
    run_sweep("defended.no_step_6_months")
    claim = reload(claim)
    assert claim.state == ClaimState.AWAITING_DIRECTIONS and claim.inactivity_stay_at is None


# -- 11.1A(2): a request for judgment in default while an application waits ------------------------------------


def test_a_default_request_while_an_application_waits_goes_to_a_judge(linked, travel, judge):
    from judgments import services as judgments
    from judgments.referred import default_request_decide

    claim, dan = linked
    travel(uk(2027, 3, 15, 10, 0), tick=False)
    services.application_make(claim_id=claim.pk, actor=dan, kind="other", details="I was in hospital; more time?")
    travel(uk(2027, 3, 23, 10, 0), tick=False)  # the response deadline (22 March) has passed
    claim = reload(claim)
    assert can(claim.owner, claim, Action.REQUEST_DEFAULT_JUDGMENT)
    assert judgments.judgment_default_request(claim_id=claim.pk, actor=claim.owner) is None
    claim = reload(claim)
    assert claim.state == ClaimState.ISSUED and not hasattr(claim, "judgment")
    referral = Referral.objects.get(claim=claim, kind="default_judgment")
    assert referral.to == "judge" and "11.1A(2)" in referral.reason
    assert not can(claim.owner, claim, Action.REQUEST_DEFAULT_JUDGMENT)  # asked once
    assert can(judge, claim, Action.DECIDE_DEFAULT_REQUEST)
    default_request_decide(referral_id=referral.pk, actor=judge, enter=True,
                           reasons="The application gives no reason to delay judgment.")
    claim = reload(claim)
    assert claim.state == ClaimState.JUDGMENT_ENTERED
    assert claim.judgment.made_by_label == "Judith Bench, Judge" and claim.judgment.made_by == judge
    referral = Referral.objects.get(pk=referral.pk)
    assert referral.state == "decided" and referral.outcome == "Judgment in default entered"
    # The application that was waiting is still for a judge to decide.
    assert Application.objects.get(claim=claim).state == "referred"


def test_a_judgment_a_judge_enters_is_dated_when_made_and_never_before_the_request_counts(
        linked, issue_claim, make_user, travel, judge):
    from judgments import services as judgments
    from judgments.referred import default_request_decide
    from responses import services as responses

    def referred(claim, defendant, asked_at):
        services.application_make(claim_id=claim.pk, actor=defendant, kind="other", details="Please wait.")
        travel(asked_at, tick=False)
        judgments.judgment_default_request(claim_id=claim.pk, actor=claim.owner)
        return Referral.objects.get(claim=claim, kind="default_judgment")

    # Asked for after 4pm (counts as received on 24 March) and decided that evening: 24 March.
    claim, dan = linked
    referral = referred(claim, dan, uk(2027, 3, 23, 16, 30))
    travel(uk(2027, 3, 23, 17, 0), tick=False)
    default_request_decide(referral_id=referral.pk, actor=judge, enter=True, reasons="No reason to wait.")
    assert reload(claim).judgment.judgment_date == date(2027, 3, 24)

    # Asked for in the morning and decided 3 days later: the day the judge made it.
    other = issue_claim(owner=claim.owner)
    eve = make_user("eve.defendant@example.com")
    other = responses.response_link(user=eve, claim_number=other.claim_number, security_code=other.security_code)
    referral = referred(other, eve, uk(2027, 3, 23, 10, 0))
    travel(uk(2027, 3, 26, 11, 0), tick=False)
    default_request_decide(referral_id=referral.pk, actor=judge, enter=True, reasons="No reason to wait.")
    assert reload(other).judgment.judgment_date == date(2027, 3, 26)


def test_a_judge_may_refuse_a_referred_default_request(linked, travel, judge, legal_adviser):
    from judgments import services as judgments
    from judgments.referred import default_request_decide

    claim, dan = linked
    services.application_make(claim_id=claim.pk, actor=dan, kind="other", details="Please wait.")
    travel(uk(2027, 3, 23, 10, 0), tick=False)
    judgments.judgment_default_request(claim_id=claim.pk, actor=claim.owner)
    referral = Referral.objects.get(claim=claim, kind="default_judgment")
    with pytest.raises(NotAllowed):
        default_request_decide(referral_id=referral.pk, actor=legal_adviser, enter=True, reasons="x")
    assert Referral.objects.get(pk=referral.pk).state == "open"
    default_request_decide(referral_id=referral.pk, actor=judge, enter=False, reasons="Wait for the reply.")
    claim = reload(claim)
    assert claim.state == ClaimState.ISSUED and can(claim.owner, claim, Action.REQUEST_DEFAULT_JUDGMENT)
    referral = Referral.objects.get(pk=referral.pk)
    assert referral.state == "decided" and referral.outcome == "Request refused"
    with pytest.raises(NotAllowed):  # nothing is left to decide
        default_request_decide(referral_id=referral.pk, actor=judge, enter=True, reasons="Changed my mind.")


# -- found in review ---------------------------------------------------------------------------------------------


def test_a_lifted_not_continuing_stay_lets_the_claimant_answer_afresh(defence, judge, adviser_courts):
    claim, _ = defence(mediation=False)
    services.claimant_decide(claim_id=claim.pk, actor=claim.owner, outcome="not_continue")
    application = services.application_make(claim_id=claim.pk, actor=claim.owner, kind="lift_stay",
                                            details="I want to go on.", upload=PDF)
    services.application_decide(application_id=application.pk, actor=judge, ruling="lift", reasons="Granted.")
    claim = reload(claim)
    assert claim.state == ClaimState.AWAITING_CLAIMANT_RESPONSE and can(claim.owner, claim, Action.ANSWER_DEFENCE)
    claim = continue_claim(claim, mediation=False)
    assert claim.state == ClaimState.AWAITING_DIRECTIONS
    assert "claimant_not_continuing" in events(claim)  # the earlier answer stays on the record


def test_one_partys_pending_application_does_not_block_the_other(defence):
    claim, dan = defence()
    services.application_make(claim_id=claim.pk, actor=claim.owner, kind="other", details="Please expedite.")
    claim = reload(claim)
    assert can(dan, claim, Action.MAKE_APPLICATION) and can(claim.owner, claim, Action.MAKE_APPLICATION)
    services.application_make(claim_id=claim.pk, actor=dan, kind="leave_online", details="Paper, please.")
    services.application_make(claim_id=claim.pk, actor=claim.owner, kind="leave_online", details="Me too.")
    with pytest.raises(ClaimError):  # both of the claimant's kinds are waiting
        services.application_make(claim_id=claim.pk, actor=claim.owner, kind="other", details="Again.")
    with pytest.raises(ClaimError, match="already considering"):
        services.application_make(claim_id=claim.pk, actor=dan, kind="leave_online", details="Again.")


def test_a_reconsideration_is_for_a_judge_only(defence, adviser_courts, legal_adviser, caseworker):
    claim, dan = _awaiting_adviser(defence)
    services.directions_give(claim_id=claim.pk, actor=legal_adviser, standard=["documents"])
    services.application_make(claim_id=claim.pk, actor=dan, kind="reconsideration", details="Please reconsider.")
    with pytest.raises(ClaimError, match="20.3"):
        services.refer(claim_id=claim.pk, actor=caseworker, to="legal_adviser", reason="Back to the adviser")
    assert not can(legal_adviser, reload(claim), Action.GIVE_DIRECTIONS)


def test_the_extension_form_counts_from_when_it_arrived(issue_claim, travel, caseworker):
    claim = issue_claim()
    travel(uk(2027, 3, 3, 10, 0), tick=False)
    services.paper_contact_record(claim_id=claim.pk, actor=caseworker, more_time=False)
    travel(uk(2027, 3, 23, 10, 0), tick=False)  # keyed in after the 19 days, but it arrived on the 22nd
    services.paper_extension_received(claim_id=claim.pk, actor=caseworker, received_at=uk(2027, 3, 22, 9, 0))
    assert reload(claim).response_deadline == uk(2027, 4, 5, 16, 0)


def test_accepting_a_part_admission_with_a_plan_keeps_the_33_days(linked, travel):
    claim, _ = _part_admission(linked, travel)
    deadline = claim.claimant_response_deadline
    services.claimant_decide(claim_id=claim.pk, actor=claim.owner, outcome="accepts_part")
    assert reload(claim).claimant_response_deadline == deadline
