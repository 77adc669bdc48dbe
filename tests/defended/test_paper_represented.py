"""A defendant in person facing a represented claimant: paper forms asked for online (PD 51R 10.1(1), 10A.1(2)), a
paper response (10.5, 11.1A(2)-(3)) and a further extension applied for at the CTSC (6A.2(4)-(5)).

Able & Co's claim for Jane Claimant against Acme Kitchens Ltd is issued at 11:00 on Wednesday 3 March 2027
(``tests.responses.test_agreed_extension``); the defendant, in person, links it online and the clock stands at 10:00
on Wednesday 10 March. The defendant may ask for paper forms until 4pm on Wednesday 31 March (28 days after issue);
forms sent on 10 March are due back by 4pm on Wednesday 7 April (28 days), or Monday 12 April with more time (33).
"""
from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from claims.constants import ClaimState, SentOutTo
from claims.errors import ClaimError, NotAllowed
from claims.models import Claim
from claims.policy import Action, allowed_actions, can
from claims.status import for_claimant, for_defendant
from court.models import Notification
from court.sweeps import run_sweep
from defended import services
from defended.models import PaperNature, PaperResponse, Referral, ReferralKind
from documents.models import ClaimDocument
from responses import services as response_services
from tests.conftest import uk
from tests.firm_factories import make_member
from tests.responses import test_agreed_extension as agreed

pytestmark = pytest.mark.django_db

# The represented claimant's claim and its defendant in person, as the agreed extension's tests make them.
claimant_firm = agreed.claimant_firm
defendant_firm = agreed.defendant_firm
issued = agreed.issued
linked = agreed.linked
represented_defendant = agreed.represented_defendant

NOW = uk(2027, 3, 10, 10, 0)
ASK_BY = uk(2027, 3, 31, 16, 0)
PAPER_DUE = uk(2027, 4, 7, 16, 0)
PAPER_DUE_MORE_TIME = uk(2027, 4, 12, 16, 0)


@pytest.fixture
def caseworker(make_user: Any) -> Any:
    user = make_user(is_staff=True, first_name="Casey", last_name="Worker", full_name="Casey Worker")
    user.groups.set([Group.objects.get(name="caseworker")])
    return user


def scan() -> SimpleUploadedFile:
    return SimpleUploadedFile("scan.pdf", b"%PDF-1.4 scanned", content_type="application/pdf")


def upload() -> services.Upload:
    return services.Upload(name="scan.pdf", content_type="application/pdf", content=b"%PDF-1.4 scanned")


def told(key: str) -> list[Notification]:
    return list(Notification.objects.filter(key__startswith=key))


def ask(claim: Claim, defendant: Any, *, more_time: bool = False) -> PaperResponse:
    return services.paper_forms_request(claim_id=claim.pk, actor=defendant, more_time=more_time, note="No computer")


# -- the defendant asks for the paper forms (10.1(1), (3)-(5)) ------------------------------------------------------


def test_the_defendant_asks_online_and_the_court_sends_the_forms(linked):
    claim, defendant = linked
    assert can(defendant, claim, Action.REQUEST_PAPER_FORMS)
    paper = ask(claim, defendant)
    assert paper.recorded_by == defendant and paper.contacted_at == NOW and paper.call_note == "No computer"
    assert paper.forms == ["OCON9", "OCON9X", "OCON180"] and paper.sent_on == date(2027, 3, 10)
    assert paper.deadline == PAPER_DUE  # 28 days after the forms were sent (10.1(7)-(8))
    claim.refresh_from_db()
    assert claim.response_deadline == PAPER_DUE and claim.state == ClaimState.ISSUED
    event = claim.events.get(kind="paper_forms_sent")
    assert event.actor_id == defendant.pk
    assert event.summary.startswith("The defendant asked online for paper forms")
    assert "sent on 10 March 2027" in event.summary
    assert ClaimDocument.objects.filter(claim=claim, kind="paper_pack").exists()  # rendered to be posted
    assert told(f"paper-forms:{claim.pk}:claimant")  # the claimant's side (10.1(5))
    to_defendant = told(f"paper-forms-sent:{claim.pk}:defendant")
    assert len(to_defendant) == 1 and to_defendant[0].to_email == defendant.email  # the date sent (10.1(4))
    assert not can(defendant, claim, Action.REQUEST_PAPER_FORMS)
    assert ask(claim, defendant) == paper  # a double click: the same forms
    assert PaperResponse.objects.filter(claim=claim).count() == 1


def test_more_time_asked_for_with_the_request_gives_33_days(linked):
    claim, defendant = linked
    paper = ask(claim, defendant, more_time=True)
    assert paper.more_time_asked and paper.deadline == PAPER_DUE_MORE_TIME  # 10.1(6)(a), (9)


def test_one_second_before_4pm_on_the_28th_day_is_in_time(linked, travel):
    claim, defendant = linked
    travel(uk(2027, 3, 31, 15, 59, 59), tick=False)
    assert ask(claim, defendant).sent_on == date(2027, 3, 31)


def test_at_4pm_on_the_28th_day_it_is_refused_with_the_reason(linked, travel):
    claim, defendant = linked
    travel(ASK_BY, tick=False)
    with pytest.raises(ClaimError) as refused:
        ask(claim, defendant)
    assert "You had to ask for paper forms by 4pm on Wednesday 31 March 2027" in str(refused.value)
    assert "10.1(1)" in str(refused.value)
    assert not PaperResponse.objects.filter(claim=claim).exists()


def test_a_recorded_agreed_extension_is_not_shortened_by_the_paper_forms(linked):
    claim, defendant = linked
    response_services.response_extension_record(claim_id=claim.pk, actor=defendant, new_last_day=date(2027, 4, 21))
    paper = ask(claim, defendant)
    assert paper.deadline == uk(2027, 4, 21, 16, 0)  # later than 28 days after the forms were sent


def test_only_the_defendant_in_person_against_a_represented_claimant_may_ask(linked, represented_defendant,
                                                                              make_user):
    claim, defendant = linked
    assert not can(claim.owner, claim, Action.REQUEST_PAPER_FORMS)
    assert not can(make_user(), claim, Action.REQUEST_PAPER_FORMS)
    with pytest.raises(NotAllowed):
        ask(claim, claim.owner)
    firm_claim, solicitor = represented_defendant
    assert not can(solicitor, firm_claim, Action.REQUEST_PAPER_FORMS)


def test_a_defendant_against_a_claimant_in_person_uses_the_phone(issue_claim, make_user):
    claim = issue_claim()
    defendant = make_user("dan@example.com", full_name="Dan Defendant")
    claim = response_services.response_link(user=defendant, claim_number=claim.claim_number,
                                            security_code=claim.security_code)
    assert not can(defendant, claim, Action.REQUEST_PAPER_FORMS)


# -- the paper response (10.5, 11.1A(2)-(3)) --------------------------------------------------------------------------


@pytest.mark.parametrize("nature", [PaperNature.DEFENCE, PaperNature.ADMISSION, PaperNature.NOT_INDICATED])
def test_a_paper_response_in_time_sends_the_claim_out_to_the_cnbc_whatever_it_is(linked, caseworker, travel, nature):
    claim, defendant = linked
    ask(claim, defendant)
    travel(uk(2027, 4, 7, 16, 30), tick=False)
    claim = services.paper_response_enter(claim_id=claim.pk, actor=caseworker, nature=nature, scan=upload(),
                                          received_at=uk(2027, 4, 7, 15, 59))
    claim.refresh_from_db()
    assert claim.state == ClaimState.SENT_OUT and claim.sent_out_to == SentOutTo.CNBC
    assert "10.5" in claim.sent_out_reason
    assert not hasattr(claim, "response")  # it does not continue online under Section 6
    assert told(f"sent-out:{claim.pk}:claimant") and told(f"sent-out:{claim.pk}:defendant")
    assert claim.events.filter(kind="sent_out").count() == 1


def test_a_late_paper_response_goes_to_a_judge_and_stops_judgment_in_default(linked, caseworker, travel):
    claim, defendant = linked
    ask(claim, defendant)
    travel(uk(2027, 4, 8, 10, 0), tick=False)  # the no-response sweep has not run yet
    services.paper_response_enter(claim_id=claim.pk, actor=caseworker, nature=PaperNature.DEFENCE, scan=upload(),
                                  received_at=PAPER_DUE)  # 4pm on the last day: late
    claim = Claim.objects.get(pk=claim.pk)
    assert claim.state == ClaimState.ISSUED
    referral = Referral.objects.get(claim=claim)
    assert referral.kind == ReferralKind.MATTER and referral.to == "judge" and referral.closed_at is None
    assert "11.1A(3)" in referral.reason
    assert claim.events.filter(kind="referred").exists()
    assert told(f"paper-late:{claim.pk}:claimant") and told(f"paper-late:{claim.pk}:defendant")
    solicitor = make_member(claim.claimant_firm, sees_all=True, mfa=False)
    assert claim.response_deadline <= uk(2027, 4, 8, 10, 0)
    assert Action.REQUEST_DEFAULT_JUDGMENT not in allowed_actions(solicitor, claim)  # 11.1A(2)
    assert for_defendant(claim).words == "Paper response received"
    assert claim.no_response_stay_at is None  # a response is held: no stay for want of one (11.2)
    run_sweep("responses.no_response")  # late: the claimant is not told they may ask for judgment
    claim.refresh_from_db()
    assert claim.default_available_at is None and not told(f"no-response:{claim.pk}")
    assert for_claimant(claim).words == "Paper response received" and "11.1A" in for_claimant(claim).next_step


# -- a further extension: the application at the CTSC (6A.2(4)-(5)) ----------------------------------------------------


def test_a_further_extension_application_sends_the_claim_out(linked, caseworker, travel):
    claim, defendant = linked
    response_services.response_extension_record(claim_id=claim.pk, actor=defendant, new_last_day=date(2027, 4, 21))
    assert services.recorded_extension_days(Claim.objects.get(pk=claim.pk)) == 21
    travel(uk(2027, 3, 15, 12, 0), tick=False)
    claim = services.further_extension_application_enter(claim_id=claim.pk, actor=caseworker,
                                                         received_at=uk(2027, 3, 15, 9, 30), note="N244 for 7 days")
    claim.refresh_from_db()
    assert claim.state == ClaimState.SENT_OUT and claim.sent_out_to == SentOutTo.CNBC
    assert "6A.2(5)" in claim.sent_out_reason and claim.sent_out_at == uk(2027, 3, 15, 12, 0)
    event = claim.events.get(kind="further_extension_application")
    assert event.actor_id == caseworker.pk and "6A.2(4)" in event.summary
    assert told(f"sent-out:{claim.pk}:claimant") and told(f"sent-out:{claim.pk}:defendant")


def test_a_further_extension_is_refused_without_an_extension_of_less_than_28_days(linked, caseworker):
    claim, defendant = linked
    assert not can(caseworker, claim, Action.ENTER_FURTHER_EXTENSION_APPLICATION)  # none recorded yet
    with pytest.raises(NotAllowed):
        services.further_extension_application_enter(claim_id=claim.pk, actor=caseworker, received_at=NOW)
    response_services.response_extension_record(claim_id=claim.pk, actor=defendant, new_last_day=date(2027, 4, 28))
    with pytest.raises(ClaimError) as refused:  # the full 28 days: nothing more may be agreed
        services.further_extension_application_enter(claim_id=claim.pk, actor=caseworker, received_at=NOW)
    assert "28 days" in str(refused.value)
    assert Claim.objects.get(pk=claim.pk).state == ClaimState.ISSUED


def test_only_a_caseworker_enters_the_application(linked, make_user):
    claim, defendant = linked
    response_services.response_extension_record(claim_id=claim.pk, actor=defendant, new_last_day=date(2027, 4, 21))
    claim = Claim.objects.get(pk=claim.pk)
    for actor in (defendant, claim.owner, make_user()):
        with pytest.raises(NotAllowed):
            services.further_extension_application_enter(claim_id=claim.pk, actor=actor, received_at=NOW)
    assert Claim.objects.get(pk=claim.pk).state == ClaimState.ISSUED


def test_the_refusal_to_record_a_second_extension_says_where_to_apply(linked):
    claim, defendant = linked
    response_services.response_extension_record(claim_id=claim.pk, actor=defendant, new_last_day=date(2027, 4, 14))
    with pytest.raises(response_services.ExtensionRefused) as refused:
        response_services.response_extension_record(claim_id=claim.pk, actor=defendant, new_last_day=date(2027, 4, 21))
    message = str(refused.value)
    assert "application at the CTSC" in message and "form N244" in message
    assert "PO Box 12747" in message and "0300 123 7050" in message


# -- the admin steps ------------------------------------------------------------------------------------------------


def step_url(name: str, claim: Claim) -> str:
    return reverse(f"admin:claims_claim_{name}", args=[claim.pk])


def test_the_caseworker_enters_the_ctsc_application_from_the_claims_admin_page(linked, caseworker, client):
    claim, defendant = linked
    client.force_login(caseworker)
    page = client.get(reverse("admin:claims_claim_change", args=[claim.pk])).content.decode()
    assert step_url("further_extension", claim) not in page  # no extension recorded yet
    response_services.response_extension_record(claim_id=claim.pk, actor=defendant, new_last_day=date(2027, 4, 21))
    page = client.get(reverse("admin:claims_claim_change", args=[claim.pk])).content.decode()
    assert step_url("further_extension", claim) in page
    form = client.get(step_url("further_extension", claim))
    assert form.status_code == 200 and "6A.2(4)" in form.content.decode()
    done = client.post(step_url("further_extension", claim),
                       {"received_at_0": "10/03/2027", "received_at_1": "09:00:00", "note": "Seven days more"})
    assert done.status_code == 302
    claim.refresh_from_db()
    assert claim.state == ClaimState.SENT_OUT and "6A.2(5)" in claim.sent_out_reason


def test_people_who_are_not_staff_cannot_reach_the_admin_steps(linked, client):
    claim, defendant = linked
    response_services.response_extension_record(claim_id=claim.pk, actor=defendant, new_last_day=date(2027, 4, 21))
    ask(claim, defendant)
    for user in (defendant, make_member(claim.claimant_firm, sees_all=True)):
        client.force_login(user)
        for name in ("further_extension", "paper_response"):
            response = client.post(step_url(name, claim), {"received_at_0": "10/03/2027",
                                                           "received_at_1": "09:00:00"})
            assert response.status_code == 302 and "/admin/login/" in response["Location"]
    claim.refresh_from_db()
    assert claim.state == ClaimState.ISSUED and PaperResponse.objects.get(claim=claim).received_at is None


def test_the_paper_response_step_needs_no_mediation_answer_against_a_represented_claimant(linked, caseworker, client,
                                                                                          travel):
    claim, defendant = linked
    ask(claim, defendant)
    client.force_login(caseworker)
    form = client.get(step_url("paper_response", claim)).content.decode()
    assert "10.5" in form and "opted out of mediation" not in form
    travel(uk(2027, 3, 20, 12, 0), tick=False)
    done = client.post(step_url("paper_response", claim), {
        "scan": scan(), "received_at_0": "20/03/2027", "received_at_1": "10:00:00", "nature": "defence"})
    assert done.status_code == 302
    claim.refresh_from_db()
    assert claim.state == ClaimState.SENT_OUT and claim.sent_out_to == SentOutTo.CNBC


# -- the defendant's page ------------------------------------------------------------------------------------------


def paper_url(claim: Claim) -> str:
    return reverse("defended:paper_forms", kwargs={"public_id": claim.public_id})


def test_the_defendant_reaches_the_page_from_the_claim_and_asks(linked, client):
    claim, defendant = linked
    client.force_login(defendant)
    claim_page = client.get(reverse("responses:claim", kwargs={"public_id": claim.public_id})).content.decode()
    assert paper_url(claim) in claim_page and "by 4pm on Wednesday 31 March 2027" in claim_page
    page = client.get(paper_url(claim))
    assert page.status_code == 200 and "Ask for paper forms to respond" in page.content.decode()
    missing = client.post(paper_url(claim), {})
    assert missing.status_code == 400 and "Select yes if you need more time to respond" in missing.content.decode()
    done = client.post(paper_url(claim), {"more_time": "no", "reason": "I have no computer"})
    assert done.status_code == 302 and done["Location"] == paper_url(claim)
    paper = PaperResponse.objects.get(claim=claim)
    assert paper.recorded_by == defendant and paper.call_note == "I have no computer"
    claim_page = client.get(reverse("responses:claim", kwargs={"public_id": claim.public_id})).content.decode()
    assert "Respond on paper" in claim_page and "must receive your completed response by" in claim_page
    sent = client.get(paper_url(claim)).content.decode()
    assert "The court has sent you the paper forms" in sent and "10 March 2027" in sent
    assert "4pm on Wednesday 7 April 2027" in sent
    again = client.post(paper_url(claim), {"more_time": "no"})  # a second press shows what was sent
    assert again.status_code == 200 and PaperResponse.objects.filter(claim=claim).count() == 1
    claim_page = client.get(reverse("responses:claim", kwargs={"public_id": claim.public_id})).content.decode()
    assert paper_url(claim) not in claim_page


def test_after_the_period_the_page_says_why_and_the_claim_page_has_no_link(linked, client, travel):
    claim, defendant = linked
    travel(ASK_BY, tick=False)
    client.force_login(defendant)
    claim_page = client.get(reverse("responses:claim", kwargs={"public_id": claim.public_id})).content.decode()
    assert paper_url(claim) not in claim_page
    page = client.get(paper_url(claim)).content.decode()
    assert "You had to ask for paper forms by 4pm on Wednesday 31 March 2027" in page
    assert 'name="more_time"' not in page
    refused = client.post(paper_url(claim), {"more_time": "no"})
    assert refused.status_code == 200 and "You had to ask for paper forms" in refused.content.decode()
    assert not PaperResponse.objects.filter(claim=claim).exists()


def test_the_page_is_404_for_everyone_else(linked, client, make_user):
    claim, defendant = linked
    solicitor = make_member(claim.claimant_firm, sees_all=True)  # the claimant's side, who may see the claim
    client.force_login(solicitor)
    assert client.get(reverse("claims:detail", kwargs={"public_id": claim.public_id})).status_code == 200
    assert client.get(paper_url(claim)).status_code == 404
    assert client.post(paper_url(claim), {"more_time": "no"}).status_code == 404
    client.force_login(make_user())
    assert client.get(paper_url(claim)).status_code == 404
    assert not PaperResponse.objects.filter(claim=claim).exists()


def test_the_page_is_404_for_a_defendant_against_a_claimant_in_person(issue_claim, make_user, client):
    claim = issue_claim()
    defendant = make_user("dan@example.com", full_name="Dan Defendant")
    claim = response_services.response_link(user=defendant, claim_number=claim.claim_number,
                                            security_code=claim.security_code)
    client.force_login(defendant)
    assert client.get(paper_url(claim)).status_code == 404
