"""The represented claimant's answer to a defence (PD 51R 6A.4(3)-(5), 6A.5, 6A.6) and 6C.1 after directions.

Able & Co's claim for their client against a defendant in person is issued on Wednesday 3 March 2027; the defendant
disputes all of it online at 10:00 on Monday 8 March 2027 (preferred court Leeds County Court), notified to the
claimant's firm that day. The firm must say whether the client continues, with the directions questionnaire, before
4pm on Monday 5 April 2027, the 28th day (CLM-REP-28); the 27th day is a Sunday and the 29th a Tuesday. Silence sends
the claim out to Leeds County Court with the CPR 26.4(9) order.
"""
from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse

from accounts.models import Firm
from claims.constants import ClaimState, DefendantRepresentation
from claims.errors import ClaimError, NotAllowed
from claims.models import Claim
from claims.policy import Action, can
from claims.services import claim_fee_paid
from claims.stale import REPRESENTED_ANSWER_LATE
from claims.status import for_claimant, for_defendant
from court.models import HearingCentre, Notification
from court.sweeps import run_sweep
from defended import services
from defended.models import ClaimantDecision, Referral
from payments.models import Payment
from responses import services as responses
from tests.conftest import uk
from tests.defended.conftest import CLAIMANT_DQ, _staff
from tests.documents.conftest import submitted_data
from tests.firm_factories import make_firm, make_member
from tests.responses.test_services import DEFENCE_PAGES, respond

pytestmark = pytest.mark.django_db

PAID_AT = uk(2027, 3, 3, 11, 0)
DEFENCE_AT = uk(2027, 3, 8, 10, 0)
CLM_REP_28 = uk(2027, 4, 5, 16, 0)


def reload(claim: Claim) -> Claim:
    return Claim.objects.get(pk=claim.pk)


@pytest.fixture
def claimant_firm(db: Any) -> Firm:
    return make_firm("Able & Co Solicitors", service_email="service@able.example")


@pytest.fixture
def solicitor(claimant_firm: Firm) -> Any:
    """The claimant firm's solicitor who sees all its cases (the one who answers here)."""
    return make_member(claimant_firm, name="Sol Able", sees_all=True)


@pytest.fixture
def defended_claim(solicitor: Any, claimant_firm: Firm, make_user: Any, travel: Any):
    """``defended_claim(mediation=True, principal=…, interest=…)`` → (claim, defendant): a represented claimant's
    claim, defended in full online by the defendant in person."""

    def make(*, mediation: bool = True, principal: str = "1234.56", interest: str = "16.24") -> tuple[Claim, Any]:
        travel(PAID_AT, tick=False)
        claim = Claim.objects.create(
            owner=solicitor, state=ClaimState.AWAITING_FEE, created_at=uk(2027, 3, 1, 9, 0),
            last_saved_at=uk(2027, 3, 1, 10, 0), submitted_data=submitted_data(), claimant_name="Ms Jane Claimant",
            defendant_name="Dan Defendant", submitted_at=uk(2027, 3, 1, 11, 0), submitted_on=date(2027, 3, 1),
            sot_signed_name="Sol Able", sot_signed_on=date(2027, 3, 1), principal=Decimal(principal),
            interest=Decimal(interest), interest_to=date(2027, 3, 1), daily_interest=Decimal("0.27"),
            fee=Decimal("80.00"), claimant_firm=claimant_firm, claimant_reference="ABL/123",
        )
        payment = Payment.objects.create(
            claim=claim, amount=claim.fee, idempotency_key=uuid.uuid4(), provider="fake", reference=uuid.uuid4().hex,
            created_by=solicitor, created_at=PAID_AT, updated_at=PAID_AT, status="success", completed_at=PAID_AT,
        )
        claim = claim_fee_paid(claim_id=claim.pk, payment=payment)
        defendant = make_user("dan@example.com", full_name="Dan Defendant")
        claim = responses.response_link(user=defendant, claim_number=claim.claim_number,
                                        security_code=claim.security_code)
        travel(DEFENCE_AT, tick=False)
        respond(claim, defendant, response_type={"type": "reject"}, reject_reason={"reason": "dispute"},
                **{**DEFENCE_PAGES, "mediation": {"willing": "yes" if mediation else "no", "phone": "07700 900111",
                                                  "contact_name": "", "reason": ""}})
        return reload(claim), defendant

    return make


def continue_with_dq(claim: Claim, actor: Any, *, mediation: bool) -> ClaimantDecision:
    return services.claimant_decide(
        claim_id=claim.pk, actor=actor, outcome="continue",
        data={**CLAIMANT_DQ, "mediation": {"willing": "yes" if mediation else "no"}},
        mediation_willing=mediation, preferred_court="Leeds County Court")


# -- the deadline ----------------------------------------------------------------------------------------------------


def test_a_defence_gives_the_represented_claimant_28_days_stored_on_the_claim(defended_claim):
    claim, _ = defended_claim()
    assert claim.state == ClaimState.AWAITING_CLAIMANT_RESPONSE
    assert claim.represented_answer_deadline == CLM_REP_28
    assert claim.claimant_response_deadline is None, "not the 33 days of a claimant in person"
    assert claim.claimant_answer_by == CLM_REP_28 and claim.next_deadline_at == CLM_REP_28
    assert ("The claimant's legal representative says whether the claim continues, with the directions "
            "questionnaire, before (CLM-REP-28, 6A.4(3))", CLM_REP_28) in claim.live_deadlines()
    told = Notification.objects.filter(key__startswith=f"response:{claim.pk}:claimant").get()
    assert told.to_email == "service@able.example" and "before 4pm on Monday 5 April 2027" in told.body
    assert "order under CPR 26.4(9)" in told.body and "put on hold" not in told.body
    defendant_told = Notification.objects.get(key=f"response:{claim.pk}:defendant")
    assert "4pm on Monday 5 April 2027" in defendant_told.body


# -- continuing, not continuing ----------------------------------------------------------------------------------


def test_continuing_needs_the_directions_questionnaire(defended_claim, solicitor):
    claim, _ = defended_claim(mediation=False)
    with pytest.raises(ClaimError, match="directions questionnaire"):
        services.claimant_decide(claim_id=claim.pk, actor=solicitor, outcome="continue", data={},
                                 mediation_willing=False, preferred_court="Leeds County Court")
    claim = reload(claim)
    assert claim.state == ClaimState.AWAITING_CLAIMANT_RESPONSE and claim.represented_answer_deadline == CLM_REP_28


def test_continuing_without_mediation_sends_the_forms_for_directions(defended_claim, solicitor):
    claim, _ = defended_claim(mediation=False)
    decision = continue_with_dq(claim, solicitor, mediation=True)
    claim = reload(claim)
    assert claim.state == ClaimState.AWAITING_DIRECTIONS and claim.represented_answer_deadline is None
    assert decision.submitted_by == solicitor and decision.data["hearing_court"] == {"court": "Leeds County Court"}
    referral = Referral.objects.get(claim=claim)
    assert referral.to == "judge" and "(6A.6(2))" in referral.reason, "£1,250.80 is over the legal adviser's limit"
    assert claim.events.filter(kind="claimant_continuing").exists()


def test_the_claimant_refusing_mediation_is_6a_5_8(defended_claim, solicitor):
    claim, _ = defended_claim(mediation=True)
    continue_with_dq(claim, solicitor, mediation=False)
    assert "The claimant is not willing to mediate" in Referral.objects.get(claim=claim).reason
    assert "(6A.5(8))" in Referral.objects.get(claim=claim).reason


def test_a_colleague_sending_the_answer_again_gets_the_first(defended_claim, solicitor, claimant_firm):
    claim, _ = defended_claim(mediation=False)
    first = continue_with_dq(claim, solicitor, mediation=False)
    colleague = make_member(claimant_firm, sees_all=True)
    assert continue_with_dq(claim, colleague, mediation=False) == first
    assert ClaimantDecision.objects.filter(claim=claim).count() == 1


def test_not_continuing_stays_the_claim(defended_claim, solicitor, travel):
    claim, _ = defended_claim()
    services.claimant_decide(claim_id=claim.pk, actor=solicitor, outcome="not_continue")
    claim = reload(claim)
    assert claim.state == ClaimState.STAYED and claim.represented_answer_deadline is None
    assert "(6A.4(4))" in claim.stay_reason and not claim.stay_lifts_on_answer
    assert claim.live_deadlines() == []
    # A stayed claim is not sent out when the 28 days would have passed.
    travel(uk(2027, 4, 6, 9, 0), tick=False)
    assert run_sweep("defended.represented_claimant_silent").changed == 0
    assert reload(claim).state == ClaimState.STAYED


def test_a_stay_lifted_gives_a_fresh_28_days(defended_claim, solicitor, judge, travel):
    claim, _ = defended_claim()
    services.claimant_decide(claim_id=claim.pk, actor=solicitor, outcome="not_continue")
    application = services.application_make(
        claim_id=claim.pk, actor=solicitor, kind="lift_stay", details="The client wants to go on after all.",
        upload=services.Upload("n244.pdf", "application/pdf", b"%PDF-1.4 test"))
    travel(uk(2027, 3, 10, 11, 0), tick=False)  # Wednesday 10 March: to 4pm on Wednesday 7 April
    services.application_decide(application_id=application.pk, actor=judge, ruling="lift", reasons="Good reason")
    claim = reload(claim)
    assert claim.state == ClaimState.AWAITING_CLAIMANT_RESPONSE
    assert claim.represented_answer_deadline == uk(2027, 4, 7, 16, 0) and claim.claimant_response_deadline is None
    assert can(solicitor, claim, Action.ANSWER_DEFENCE)


def test_who_may_answer(defended_claim, claimant_firm, make_user):
    claim, defendant = defended_claim()
    reader = make_member(claimant_firm, sees_all=True, solicitor=False)
    not_assigned = make_member(claimant_firm)
    other_firm = make_member(make_firm("Carter & Sons"), sees_all=True)
    for actor in (reader, not_assigned, other_firm, defendant, make_user()):
        assert not can(actor, claim, Action.ANSWER_DEFENCE)
        with pytest.raises(NotAllowed):
            services.claimant_decide(claim_id=claim.pk, actor=actor, outcome="not_continue")
    assert reload(claim).state == ClaimState.AWAITING_CLAIMANT_RESPONSE


# -- mediation (6A.5) --------------------------------------------------------------------------------------------


def test_both_willing_to_mediate_stays_28_days_and_refers_the_claim(defended_claim, solicitor, travel):
    claim, _ = defended_claim(mediation=True)
    travel(uk(2027, 3, 15, 17, 0), tick=False)  # after 4pm: received on Tuesday 16 March
    decision = continue_with_dq(claim, solicitor, mediation=True)
    claim = reload(claim)
    assert decision.received_on == date(2027, 3, 16)
    assert claim.state == ClaimState.MEDIATION and claim.mediation_ends_at == uk(2027, 4, 13, 0, 0)
    event = claim.events.get(kind="mediation_referred")
    assert "16 March 2027 to 12 April 2027" in event.summary and "(6A.5(3))" in event.summary
    assert "referred to the Small Claims Mediation Service" in event.summary and event.data["referred"] is True
    told = Notification.objects.filter(key__startswith=f"decision:{claim.pk}:defendant").get()
    assert "referred it to the Small Claims Mediation Service" in told.body
    # The stay ends with no settlement reported: the forms go to a legal adviser or judge (6A.5(5)).
    travel(uk(2027, 4, 12, 23, 59), tick=False)
    assert run_sweep("defended.mediation_ended").changed == 0
    travel(uk(2027, 4, 13, 0, 0), tick=False)
    assert run_sweep("defended.mediation_ended").changed == 1
    assert run_sweep("defended.mediation_ended").changed == 0
    claim = reload(claim)
    assert claim.state == ClaimState.AWAITING_DIRECTIONS
    assert "(6A.5(5))" in Referral.objects.get(claim=claim).reason


def test_a_claim_over_the_small_claims_limit_is_stayed_but_not_referred(defended_claim, solicitor):
    claim, _ = defended_claim(mediation=True, principal="12000.00", interest="0.00")
    continue_with_dq(claim, solicitor, mediation=True)
    claim = reload(claim)
    assert claim.state == ClaimState.MEDIATION and claim.mediation_ends_at == uk(2027, 4, 5, 0, 0)
    event = claim.events.get(kind="mediation_referred")
    assert event.data["referred"] is False and "not referred to the Small Claims Mediation Service" in event.summary
    told = Notification.objects.filter(key__startswith=f"decision:{claim.pk}:claimant").get()
    assert "has not referred it" in told.body


# -- silence (6A.4(5)) --------------------------------------------------------------------------------------------


def sent_out_notifications(claim: Claim) -> list[Notification]:
    return list(Notification.objects.filter(key__startswith=f"sent-out:{claim.pk}:").order_by("key"))


def test_silence_sends_the_claim_out_with_the_26_4_9_order(defended_claim, solicitor, travel):
    claim, defendant = defended_claim()
    travel(uk(2027, 4, 5, 15, 59, 59), tick=False)
    assert run_sweep("defended.represented_claimant_silent").changed == 0
    assert can(solicitor, reload(claim), Action.ANSWER_DEFENCE), "still in time a second before 4pm"
    travel(CLM_REP_28, tick=False)
    assert not can(solicitor, reload(claim), Action.ANSWER_DEFENCE), "4pm is too late"
    assert run_sweep("defended.represented_claimant_silent").changed == 1
    claim = reload(claim)
    assert claim.state == ClaimState.SENT_OUT and claim.sent_out_to == "preferred_court"
    assert claim.sent_out_court == "Leeds County Court", "the defendant's preferred court: the claimant filed none"
    assert claim.represented_answer_deadline is None and claim.live_deadlines() == []
    assert claim.sent_out_directions.startswith("Order under CPR 26.4(9) (PD 51R 6A.4(5)).")
    assert "before 4pm on Monday 5 April 2027" in claim.sent_out_directions
    assert "to Leeds County Court, a County Court hearing centre" in claim.sent_out_directions
    order = claim.events.get(kind="order_26_4_9")
    assert order.actor is None and order.data["order"] == claim.sent_out_directions
    assert "(6A.4(5))" in claim.events.get(kind="sent_out").summary
    told = sent_out_notifications(claim)
    assert [n.to_email for n in told] == ["service@able.example", "dan@example.com"]
    assert all("Order under CPR 26.4(9)" in n.body for n in told)
    # Run again: nothing changes.
    assert run_sweep("defended.represented_claimant_silent").changed == 0
    assert claim.events.filter(kind="order_26_4_9").count() == 1 and len(sent_out_notifications(claim)) == 2
    with pytest.raises(NotAllowed):
        services.claimant_decide(claim_id=claim.pk, actor=solicitor, outcome="not_continue")


def test_a_late_sweep_gives_the_same_result(defended_claim, solicitor, travel):
    claim, _ = defended_claim()
    travel(uk(2027, 4, 8, 9, 30), tick=False)  # the sweep did not run for three days
    # Nor can the answer come in late meanwhile: the claim's page says why.
    with pytest.raises(NotAllowed) as refused:
        services.claimant_decide(claim_id=claim.pk, actor=solicitor, outcome="not_continue")
    assert str(refused.value) == REPRESENTED_ANSWER_LATE
    assert run_sweep("defended.represented_claimant_silent").changed == 1
    claim = reload(claim)
    assert claim.state == ClaimState.SENT_OUT and "before 4pm on Monday 5 April 2027" in claim.sent_out_directions
    assert run_sweep("defended.represented_claimant_silent").changed == 0
    assert claim.events.filter(kind="sent_out").count() == 1


def test_an_answer_in_time_stops_the_sweep(defended_claim, solicitor, travel):
    claim, _ = defended_claim(mediation=False)
    travel(uk(2027, 4, 5, 15, 59), tick=False)
    continue_with_dq(claim, solicitor, mediation=False)
    travel(uk(2027, 4, 6, 9, 0), tick=False)
    assert run_sweep("defended.represented_claimant_silent").changed == 0
    assert reload(claim).state == ClaimState.AWAITING_DIRECTIONS


# -- after directions (6C.1) -----------------------------------------------------------------------------------------


@pytest.fixture
def judge(make_user):
    return _staff(make_user, "judge", "Judith Bench")


@pytest.fixture
def legal_adviser(make_user):
    return _staff(make_user, "legal_adviser", "Lee Adviser")


def _all_represented(claim: Claim) -> Firm:
    """The defendant's registered firm comes on the record (as a notice of change would put it there)."""
    firm = make_firm("Baker Defence LLP", service_email="service@baker.example")
    Claim.objects.filter(pk=claim.pk).update(defendant_representation=DefendantRepresentation.REGISTERED,
                                             defendant_firm=firm)
    return firm


def _directions(claim: Claim, judge: Any):
    return services.directions_give(claim_id=claim.pk, actor=judge, standard=["documents"], to="preferred_court")


def test_6c1_all_represented_in_an_early_adopter_court_stays_online(defended_claim, solicitor, judge):
    HearingCentre.objects.create(name="Leeds County Court", early_adopter=True)
    claim, _ = defended_claim(mediation=False)
    _all_represented(claim)
    continue_with_dq(claim, solicitor, mediation=False)
    order = _directions(claim, judge)
    claim = reload(claim)
    assert claim.state == ClaimState.DIRECTIONS_MADE and claim.sent_out_at is None
    assert claim.early_adopter_court == "Leeds County Court" and order.send_out_court == "Leeds County Court"
    assert "stays with the online service" in for_claimant(claim).next_step
    event = claim.events.get(kind="early_adopter_court")
    assert "(6C.1(2))" in event.summary
    told = Notification.objects.filter(key__startswith=f"early-adopter:{order.pk}:")
    assert {n.to_email for n in told} == {"service@able.example", "service@baker.example"}
    assert all("Leeds County Court, an early adopter court" in n.body for n in told)


def test_6c1_not_an_early_adopter_court_sends_the_claim_out(defended_claim, solicitor, judge):
    HearingCentre.objects.create(name="Leeds County Court", early_adopter=False)
    claim, _ = defended_claim(mediation=False)
    _all_represented(claim)
    continue_with_dq(claim, solicitor, mediation=False)
    _directions(claim, judge)
    claim = reload(claim)
    assert claim.state == ClaimState.SENT_OUT and claim.sent_out_court == "Leeds County Court"
    assert claim.early_adopter_court == ""


def test_6c1_a_defendant_in_person_sends_the_claim_out_even_to_an_early_adopter_court(
        defended_claim, solicitor, judge):
    HearingCentre.objects.create(name="Leeds County Court", early_adopter=True)
    claim, _ = defended_claim(mediation=False)
    continue_with_dq(claim, solicitor, mediation=False)
    _directions(claim, judge)
    claim = reload(claim)
    assert claim.state == ClaimState.SENT_OUT and claim.early_adopter_court == ""


def test_6c1_a_legal_advisers_directions_stay_online_once_the_reconsideration_window_passes(
        defended_claim, solicitor, legal_adviser, travel):
    HearingCentre.objects.create(name="Leeds County Court", early_adopter=True, legal_advisers=True)
    claim, _ = defended_claim(mediation=False, principal="900.00", interest="0.00")
    _all_represented(claim)
    continue_with_dq(claim, solicitor, mediation=False)
    travel(uk(2027, 3, 22, 11, 0), tick=False)
    order = services.directions_give(claim_id=claim.pk, actor=legal_adviser, standard=["documents"])
    told = Notification.objects.filter(key__startswith=f"directions:{order.pk}:claimant").get()
    assert "an early adopter court, and stay with the online service" in told.body
    claim = reload(claim)
    assert claim.state == ClaimState.DIRECTIONS_MADE and claim.send_out_due_at is not None
    travel(claim.send_out_due_at, tick=False)
    assert run_sweep("defended.reconsideration_window").changed == 1
    assert run_sweep("defended.reconsideration_window").changed == 0
    claim = reload(claim)
    assert claim.state == ClaimState.DIRECTIONS_MADE and claim.sent_out_at is None
    assert claim.early_adopter_court == "Leeds County Court" and claim.send_out_due_at is None


# -- the pages ------------------------------------------------------------------------------------------------------


def url(name: str, claim: Claim, **kwargs: Any) -> str:
    return reverse(name, kwargs={"public_id": claim.public_id, **kwargs})


def test_the_firms_solicitor_answers_on_the_claimants_pages(defended_claim, solicitor, client):
    claim, _ = defended_claim(mediation=False)
    client.force_login(solicitor)
    detail = client.get(url("claims:detail", claim)).content.decode()
    assert url("defended:respond", claim) in detail
    page = client.get(url("defended:respond", claim))
    body = page.content.decode()
    assert page.status_code == 200
    assert "Does your client want to continue with the claim?" in body
    assert "before <strong>4pm on Monday 5 April 2027</strong>" in body and "CPR 26.4(9)" in body
    # No answer: the error summary.
    missing = client.post(url("defended:respond", claim), {})
    assert "govuk-error-summary" in missing.content.decode()
    assert "Select yes if your client wants to continue with the claim" in missing.content.decode()
    # Yes: the directions questionnaire follows, then "Check your answers".
    going_on = client.post(url("defended:respond", claim), {"answer": "yes"})
    assert going_on.status_code == 302 and "/defence/" in going_on["Location"]
    services.decision_draft_save(claim_id=claim.pk, actor=solicitor,
                                 values={**CLAIMANT_DQ, "mediation": {"willing": "no"}})
    check = client.get(url("defended:check", claim)).content.decode()
    assert "your client wants to continue with the claim, and file their directions questionnaire" in check
    assert "Does your client want to continue with the claim?" in check
    sent = client.post(url("defended:check", claim))
    assert sent.status_code == 302 and sent["Location"] == url("defended:decided", claim)
    decided = client.get(sent["Location"]).content.decode()
    assert "Your client is continuing with the claim" in decided
    claim = reload(claim)
    assert claim.state == ClaimState.AWAITING_DIRECTIONS and claim.claimant_decision.submitted_by == solicitor
    # A second press lands on the claim's page.
    again = client.post(url("defended:check", claim))
    assert again.status_code == 302 and again["Location"] == url("claims:detail", claim)


def test_the_firms_solicitor_says_the_client_does_not_continue(defended_claim, solicitor, client):
    claim, _ = defended_claim()
    client.force_login(solicitor)
    assert client.post(url("defended:respond", claim), {"answer": "no"})["Location"] == url(
        "defended:not_continue", claim)
    confirm = client.get(url("defended:not_continue", claim)).content.decode()
    assert "Your client does not want to continue with the claim" in confirm and "6A.4(4)" in confirm
    done = client.post(url("defended:not_continue", claim))
    assert done["Location"] == url("defended:decided", claim)
    assert "Your client is not continuing with the claim" in client.get(done["Location"]).content.decode()
    assert reload(claim).state == ClaimState.STAYED


ANSWER_PAGES = ("defended:respond", "defended:not_continue", "defended:check", "defended:decided")


def test_the_answer_pages_are_404_for_everyone_else(defended_claim, claimant_firm, client, make_user):
    claim, defendant = defended_claim()
    not_assigned = make_member(claimant_firm)
    other_firm = make_member(make_firm("Carter & Sons"), sees_all=True)
    for user in (defendant, not_assigned, other_firm, make_user()):
        client.force_login(user)
        for name in ANSWER_PAGES:
            assert client.get(url(name, claim)).status_code == 404, (user, name)
        assert client.get(url("defended:question", claim, slug="hearing_court")).status_code == 404
        assert client.post(url("defended:not_continue", claim)).status_code == 404
    assert reload(claim).state == ClaimState.AWAITING_CLAIMANT_RESPONSE


def test_a_firm_user_who_only_reads_cannot_answer(defended_claim, claimant_firm, client):
    claim, _ = defended_claim()
    reader = make_member(claimant_firm, sees_all=True, solicitor=False)
    client.force_login(reader)
    refused = client.post(url("defended:not_continue", claim))
    assert refused.status_code == 302 and refused["Location"] == url("claims:detail", claim)
    assert reload(claim).state == ClaimState.AWAITING_CLAIMANT_RESPONSE


def test_after_4pm_on_the_28th_day_the_page_says_the_claim_is_being_sent_out(defended_claim, solicitor, client,
                                                                               travel):
    claim, _ = defended_claim()
    travel(CLM_REP_28, tick=False)
    client.force_login(solicitor)
    page = client.get(url("defended:respond", claim), follow=True)
    assert page.redirect_chain[-1][0] == url("claims:detail", claim)
    assert "being sent out of the online service to a County Court hearing centre" in page.content.decode()


def test_the_status_says_where_the_claim_stands(defended_claim, solicitor, judge):
    claim, defendant = defended_claim(mediation=True, principal="12000.00", interest="0.00")
    status = for_claimant(claim)
    assert status.deadline == CLM_REP_28 and "with their directions questionnaire" in status.next_step
    assert for_defendant(claim).deadline == CLM_REP_28
    continue_with_dq(claim, solicitor, mediation=True)
    status = for_claimant(reload(claim))
    assert status.words == "In mediation" and "Small Claims Mediation Service" not in status.next_step
