# ruff: noqa: F811  (the fixtures imported from the represented response's tests are requested by name)
"""The represented parties' steps after the response (PD 51R 7.4-7.7, 7.41, 7.45, 7.46, 16.1, 17.1, 18.1, 7.6(1)).

Able & Co's claim for Jane Claimant against Acme Kitchens Ltd is issued on Wednesday 3 March 2027 and served through
the website on the defendant's registered firm, Baker Defence LLP (4.3(6)). Bea Baker, a solicitor of that firm who
sees all its cases, responds for the defendant; then every step the defendant in person takes after a response is
hers to take, through the same services and pages, while the firm's users without the solicitor role only read, the
claimant's firm never takes them and another firm does not see the claim. On the claimant's side, any solicitor of
Able & Co who may see the case (not only the one who made the claim) takes the claimant's steps.
"""
from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.urls import reverse

from claims.constants import ClaimState, PartyRole, SentOutTo
from claims.errors import ClaimError, NotAllowed
from claims.models import Claim
from claims.policy import Action, allowed_actions, can
from claims.representation import acting_side, acts_for_claimant, acts_for_defendant
from court.models import Notification
from defended.models import Application
from defended.services import application_make
from judgments import applications, closing, services, settlement
from judgments.models import Judgment, JudgmentState
from responses.models import ResponseState
from tests.conftest import uk
from tests.firm_factories import make_firm, make_member
from tests.responses.test_represented_response import (  # noqa: F401  (the same represented claim and firms)
    DEFENCE,
    claimant_firm,
    defendant_firm,
    fill,
    save,
    served,
    solicitor,
    submit,
)

pytestmark = pytest.mark.django_db

#: The firm admits the whole claim and offers to pay by 30 June 2027 (7.1(4)(b)).
ADMISSION = {"details": {"phone": ""}, "response_type": {"type": "full_admission"},
             "payment_option": {"option": "by_set_date"}, "payment_date": {"date": "2027-06-30"}}


def latest(claim: Claim) -> Claim:
    return Claim.objects.get(pk=claim.pk)


@pytest.fixture
def people(served, defendant_firm, claimant_firm):
    """Everyone who might try the defendant's or the claimant's steps, by what they are."""

    def make(claim: Claim) -> dict[str, Any]:
        return {
            "reader": make_member(defendant_firm, sees_all=True, solicitor=False, mfa=False),
            "not assigned": make_member(defendant_firm, mfa=False),
            "claimant's solicitor": make_member(claimant_firm, name="Cal Able", sees_all=True, mfa=False),
            "other firm": make_member(make_firm("Carter & Sons"), sees_all=True, mfa=False),
        }

    return make


@pytest.fixture
def admitted(served, solicitor):
    """The claim, the firm's full admission with an offer to pay by a set date received."""
    claim = served()
    save(claim, solicitor, ADMISSION)
    fill(claim, solicitor)
    submit(claim, solicitor)
    return latest(claim)


@pytest.fixture
def defended(served, solicitor):
    """The claim, the firm's defence of the whole claim (with its directions questionnaire) received."""
    claim = served()
    save(claim, solicitor, DEFENCE)
    fill(claim, solicitor)
    submit(claim, solicitor)
    return latest(claim)


# -- one answer to "whose step is it?" -----------------------------------------------------------------------------


def test_acting_side_names_each_side_in_person_or_through_its_firm(admitted, solicitor, people):
    claim = admitted
    p = people(claim)
    assert acting_side(solicitor, claim) == PartyRole.DEFENDANT and acts_for_defendant(solicitor, claim)
    assert acting_side(p["reader"], claim) == PartyRole.DEFENDANT  # it reads the defendant's side; acting needs more
    assert acting_side(p["claimant's solicitor"], claim) == PartyRole.CLAIMANT
    assert acts_for_claimant(claim.owner, claim) and not acts_for_defendant(claim.owner, claim)
    for outsider in (p["not assigned"], p["other firm"]):
        assert acting_side(outsider, claim) is None


def test_the_firm_solicitor_has_every_step_the_defendant_in_person_has(admitted, solicitor, people):
    claim = admitted
    p = people(claim)
    actions = allowed_actions(solicitor, claim)
    assert {Action.WITHDRAW_ADMISSION, Action.MAKE_APPLICATION, Action.READ_RESPONSE} <= actions
    assert allowed_actions(p["reader"], claim) <= {Action.VIEW, Action.DEFENDANT_DOCUMENTS, Action.READ_RESPONSE,
                                                   Action.READ_JUDGMENT}
    assert not {Action.WITHDRAW_ADMISSION} & allowed_actions(p["claimant's solicitor"], claim)
    for outsider in (p["not assigned"], p["other firm"]):
        assert allowed_actions(outsider, claim) - {Action.FILE_NOTICE_OF_CHANGE} == set()


# -- withdrawing an admission (7.46) --------------------------------------------------------------------------------


def test_the_firm_asks_to_withdraw_the_defendants_admission(admitted, solicitor, people):
    claim = admitted
    p = people(claim)
    for refused in (p["reader"], p["claimant's solicitor"], claim.owner, p["other firm"], p["not assigned"]):
        with pytest.raises(NotAllowed):
            applications.admission_withdrawal_apply(claim_id=claim.pk, actor=refused, reasons="A mistake")
    applications.admission_withdrawal_apply(claim_id=claim.pk, actor=solicitor, reasons="The admission was a mistake")
    claim = latest(claim)
    assert claim.state == ClaimState.SENT_OUT and claim.sent_out_to == SentOutTo.CNBC
    assert claim.response.state == ResponseState.WITHDRAWAL_ASKED
    event = claim.events.get(kind="sent_out")
    assert event.actor == solicitor
    assert event.actor_label == "Bea Baker of Baker Defence LLP, the defendant's legal representative"
    # Both sides hear through their firms (nobody assigned: each firm's email for service), nobody in person.
    told = {n.to_email for n in Notification.objects.filter(key__startswith=f"sent-out:{claim.pk}:")}
    assert told == {"service@able.example", "service@baker.example"}


def test_the_firm_withdraws_the_admission_through_the_same_page(admitted, solicitor, client):
    claim = admitted
    page = reverse("judgments:withdraw_admission", kwargs={"public_id": claim.public_id})
    detail = reverse("claims:detail", kwargs={"public_id": claim.public_id})
    client.force_login(make_member(claim.defendant_firm, sees_all=True, solicitor=False))
    assert client.get(page)["Location"] == detail, "a reader is sent back to the claim's page"
    client.force_login(make_member(make_firm("Carter & Sons"), sees_all=True))
    assert client.get(page).status_code == 404
    client.force_login(solicitor)
    assert page in client.get(detail).content.decode()
    assert client.get(page).status_code == 200
    done = client.post(page, {"reasons": "The defendant admitted the claim by mistake"})
    assert done.status_code == 302
    claim = latest(claim)
    assert claim.state == ClaimState.SENT_OUT and claim.response.state == ResponseState.WITHDRAWAL_ASKED
    page = client.get(detail).content.decode()
    assert "Bea Baker of Baker Defence LLP, the defendant&#x27;s legal representative" in page


# -- applications and requests (16.1, 17.1, 18.1) -------------------------------------------------------------------


def test_the_firm_applies_for_the_defendant(defended, solicitor, people):
    claim = defended
    p = people(claim)
    assert can(solicitor, claim, Action.MAKE_APPLICATION)
    for refused in (p["reader"], p["other firm"], p["not assigned"]):
        with pytest.raises(NotAllowed):
            application_make(claim_id=claim.pk, actor=refused, kind="other", details="Please adjourn")
    application = application_make(claim_id=claim.pk, actor=solicitor, kind="other", details="Please adjourn")
    assert (application.applicant_role, application.made_by) == (PartyRole.DEFENDANT, solicitor)
    event = claim.events.get(kind="application_received")
    assert event.summary.startswith("Received from the defendant: ") and "on paper" not in event.summary
    assert event.actor_label == "Bea Baker of Baker Defence LLP, the defendant's legal representative"
    told = {n.to_email for n in Notification.objects.filter(key__startswith=f"application:{application.pk}:")}
    assert told == {"service@able.example", "service@baker.example"}
    # The defendant's application waiting does not stop the claimant's own.
    mine = application_make(claim_id=claim.pk, actor=p["claimant's solicitor"], kind="other", details="Ours")
    assert mine.applicant_role == PartyRole.CLAIMANT
    event = claim.events.filter(kind="application_received").latest("pk")
    assert event.summary.startswith("Received from the claimant: ") and event.actor_label == "Cal Able"
    with pytest.raises(ClaimError, match="already considering"):
        application_make(claim_id=claim.pk, actor=solicitor, kind="other", details="Again")


def test_the_firm_applies_through_the_application_page(defended, solicitor, client):
    claim = defended
    page = reverse("defended:apply", kwargs={"public_id": claim.public_id, "kind": "leave-online"})
    client.force_login(make_member(make_firm("Carter & Sons"), sees_all=True))
    assert client.get(page).status_code == 404
    client.force_login(make_member(claim.defendant_firm, sees_all=True, solicitor=False))
    assert client.get(page).status_code == 302
    client.force_login(solicitor)
    assert page in client.get(reverse("claims:detail", kwargs={"public_id": claim.public_id})).content.decode()
    assert client.get(page).status_code == 200
    assert client.post(page, {"details": "The defendant wants a hearing in person"}).status_code == 302
    application = Application.objects.get(claim=claim)
    assert (application.kind, application.applicant_role) == ("leave_online", "defendant")


# -- a judgment on the admission, its plan and its certificate (7.7, 7.45, guide 004) --------------------------------


def judged(claim: Claim, actor: Any) -> Judgment:
    """Any solicitor of the claimant's firm accepts the defendant's offer and asks for judgment (7.7(1))."""
    judgment = services.judgment_admission_request(claim_id=claim.pk, actor=actor)
    assert services.judgment_admission_request(claim_id=claim.pk, actor=actor).pk == judgment.pk, "a double click"
    return judgment


def test_a_claimant_solicitor_who_did_not_make_the_claim_asks_for_judgment(admitted, people):
    claim = admitted
    p = people(claim)
    assert not can(p["claimant's solicitor"], claim, Action.PROPOSE_SETTLEMENT), "a party is represented (7.6(1))"
    for refused in (p["other firm"], p["not assigned"], p["reader"]):
        with pytest.raises(NotAllowed):
            services.judgment_admission_request(claim_id=claim.pk, actor=refused)
    judgment = judged(claim, p["claimant's solicitor"])
    assert judgment.requested_by == p["claimant's solicitor"] and latest(claim).state == ClaimState.JUDGMENT_ENTERED


def test_the_firm_applies_to_vary_the_plan_on_the_defendants_form(admitted, solicitor, people):
    claim = admitted
    p = people(claim)
    judged(claim, p["claimant's solicitor"])
    claim = latest(claim)
    assert can(solicitor, claim, Action.APPLY_VARIATION) and not can(p["reader"], claim, Action.APPLY_VARIATION)
    with pytest.raises(ClaimError, match="Choose the application"):
        applications.judgment_variation_apply(claim_id=claim.pk, actor=solicitor, form_code="N294", reasons="Less")
    with pytest.raises(NotAllowed):
        applications.judgment_variation_apply(claim_id=claim.pk, actor=p["other firm"], form_code="N245",
                                              reasons="Less")
    applications.judgment_variation_apply(claim_id=claim.pk, actor=solicitor, form_code="N245",
                                          reasons="The defendant lost a contract")
    claim = latest(claim)
    assert claim.state == ClaimState.SENT_OUT and claim.sent_out_to == SentOutTo.HOME_COURT
    assert claim.sent_out_reason.startswith("the defendant applied on form N245")
    assert claim.judgment.state == JudgmentState.VARIATION_APPLIED_FOR


def test_a_claimant_solicitor_applies_to_vary_on_the_claimants_forms(admitted, people):
    claim = admitted
    p = people(claim)
    judged(claim, p["claimant's solicitor"])
    with pytest.raises(ClaimError, match="Choose the application"):
        applications.judgment_variation_apply(claim_id=claim.pk, actor=p["claimant's solicitor"], form_code="N245",
                                              reasons="More")
    applications.judgment_variation_apply(claim_id=claim.pk, actor=p["claimant's solicitor"], form_code="N244",
                                          reasons="The defendant's circumstances have improved")
    assert latest(claim).sent_out_reason.startswith("the claimant applied on form N244")


def test_the_variation_page_offers_each_side_its_own_forms(admitted, solicitor, people, client):
    claim = admitted
    p = people(claim)
    judged(claim, p["claimant's solicitor"])
    page = reverse("judgments:variation", kwargs={"public_id": claim.public_id})
    client.force_login(solicitor)
    body = client.get(page).content.decode()
    assert "N245" in body and "N294" not in body
    client.force_login(make_member(claim.claimant_firm, sees_all=True))
    body = client.get(page).content.decode()
    assert "N294" in body and "N245" not in body


def test_the_firm_asks_for_a_certificate_of_satisfaction(admitted, solicitor, people, travel, client):
    claim = admitted
    p = people(claim)
    judgment = judged(claim, p["claimant's solicitor"])
    travel(uk(2027, 5, 4, 10, 0), tick=False)  # after the 28 days: paid late, so satisfied
    closing.judgment_mark_paid(claim_id=claim.pk, actor=p["claimant's solicitor"], paid_on=date(2027, 4, 30))
    again = closing.judgment_mark_paid(claim_id=claim.pk, actor=p["claimant's solicitor"], paid_on=date(2027, 4, 30))
    assert again.pk == judgment.pk, "the claimant's side saying it twice (a double click) changes nothing"
    claim = latest(claim)
    assert claim.judgment.is_satisfied
    for refused in (p["reader"], p["claimant's solicitor"], p["other firm"]):
        with pytest.raises(NotAllowed):
            closing.judgment_certificate_request(claim_id=claim.pk, actor=refused)
    page = reverse("closing:certificate", kwargs={"public_id": claim.public_id})
    client.force_login(solicitor)
    assert page in client.get(reverse("claims:detail", kwargs={"public_id": claim.public_id})).content.decode()
    assert client.get(page).status_code == 200
    assert client.post(page).status_code == 302
    closing.judgment_certificate_request(claim_id=claim.pk, actor=solicitor)  # again: the same certificate
    judgment = Judgment.objects.get(claim=claim)
    assert judgment.certificate_requested_at == uk(2027, 5, 4, 10, 0)
    event = claim.events.get(kind="certificate_requested")
    assert event.actor_label == "Bea Baker of Baker Defence LLP, the defendant's legal representative"
    told = Notification.objects.filter(kind="register_certificate_requested")
    assert [n.to_email for n in told] == ["service@baker.example"], "to the firm, once"
    assert told[0].body.startswith("Hello,")


def test_the_claimant_solicitor_closes_the_claim_once(admitted, people):
    claim = admitted
    p = people(claim)
    first = closing.claim_discontinue(claim_id=claim.pk, actor=p["claimant's solicitor"], reason="Agreed")
    again = closing.claim_discontinue(claim_id=claim.pk, actor=p["claimant's solicitor"], reason="Agreed")
    assert first.state == again.state == ClaimState.DISCONTINUED
    assert latest(claim).events.filter(kind="claim_discontinued").count() == 1


# -- no settlement agreement where a party is represented (7.6(1), 7.8(1)(za), 7.41C(1)(za)) --------------------------


def test_a_represented_claimant_is_never_offered_a_settlement_agreement(admitted, people, client):
    claim = admitted
    p = people(claim)
    assert can(p["claimant's solicitor"], claim, Action.REQUEST_ADMISSION_JUDGMENT)
    assert not can(p["claimant's solicitor"], claim, Action.PROPOSE_SETTLEMENT)
    assert not can(claim.owner, claim, Action.PROPOSE_SETTLEMENT)
    with pytest.raises(NotAllowed):
        settlement.settlement_propose(claim_id=claim.pk, actor=p["claimant's solicitor"], signed_name="Cal Able")
    client.force_login(make_member(claim.claimant_firm, sees_all=True))
    page = reverse("settlement:propose", kwargs={"public_id": claim.public_id})
    assert client.get(page).status_code == 302


def test_a_claimant_solicitor_who_did_not_make_the_claim_asks_for_judgment_through_the_page(admitted, solicitor,
                                                                                             client):
    claim = admitted
    page = reverse("judgments:request_admission", kwargs={"public_id": claim.public_id})
    detail = reverse("claims:detail", kwargs={"public_id": claim.public_id})
    client.force_login(solicitor)  # the defendant's side: not its step (the claim's page says so)
    assert client.get(page)["Location"] == detail
    client.force_login(make_member(make_firm("Carter & Sons"), sees_all=True))
    assert client.get(page).status_code == 404
    colleague = make_member(claim.claimant_firm, name="Cal Able", sees_all=True)
    client.force_login(colleague)
    assert page in client.get(detail).content.decode()
    assert client.get(page).status_code == 200
    done = client.post(page, {"paid-paid": "no", "action": "confirm"})
    assert (done.status_code, done["Location"]) == (302, detail)
    judgment = Judgment.objects.get(claim=claim)
    assert judgment.requested_by == colleague
    client.force_login(solicitor)  # the defendant's firm reads the judgment, worded for the defendant
    assert "You must pay the claimant" in client.get(detail).content.decode()
