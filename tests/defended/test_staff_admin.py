"""Court staff act on defended claims through the buttons on the claim's admin page (PD 51R Sections 6, 10,
16-20): each button for the right role in the right state, each form calling through to the service, and the
judge's decisions kept to judges.

The claims are made through the real services (``tests.defended.conftest``): £1,000 against Dan Defendant,
an individual, issued on Monday 1 March 2027 and defended online at 10:00 on Monday 8 March 2027.
"""
from __future__ import annotations

import html
import re
from datetime import datetime
from decimal import Decimal
from typing import Any

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from accounts.models import User
from accounts.roles import StaffRole, staff_role
from claims.constants import ClaimState, Referee, SentOutTo
from claims.models import Claim
from court.models import HearingCentre
from defended import services
from defended.models import (
    Application,
    DirectionsOrder,
    PaperResponse,
    Referral,
    ReferralKind,
    StandardDirection,
)
from documents.models import ClaimDocument
from responses import services as response_services
from responses.models import DefendantResponse
from tests.conftest import uk
from tests.defended.conftest import DEFENCE_AT, continue_claim
from tests.responses.test_services import DEFENCE_PAGES, respond

pytestmark = pytest.mark.django_db

N244 = b"%PDF-1.4 the application notice N244"


# -- claims to act on --------------------------------------------------------------------------------------------


def make_defended(issue_claim: Any, make_user: Any, travel: Any, *, amount: str = "1000.00",
                  court: str = "Leeds County Court", mediation: bool = False, at: datetime = DEFENCE_AT,
                  proceed: bool = True) -> Claim:
    """A claim defended online at ``at`` (the clock stays there) and, with ``proceed``, continued by the claimant
    with their questionnaire (both choosing ``mediation``). £1,000.00 keeps the default claim (interest from
    submission, none by issue); any other amount is claimed without interest."""
    sections: dict[str, Any] = {}
    if amount != "1000.00":
        sections = {"amount": {"items": [{"description": "Unpaid invoice 1001", "amount": amount}]},
                    "interest": {"choice": "none"}}
    claim = issue_claim(owner=make_user(), **sections)
    defendant = make_user(full_name="Dan Defendant")
    claim = response_services.response_link(user=defendant, claim_number=claim.claim_number,
                                            security_code=claim.security_code)
    travel(at, tick=False)
    respond(claim, defendant, response_type={"type": "reject"}, reject_reason={"reason": "dispute"},
            **{**DEFENCE_PAGES, "hearing_court": {"court": court},
               "mediation": {"willing": "yes" if mediation else "no", "phone": "07700 900111", "contact_name": "",
                             "reason": ""}})
    claim = Claim.objects.get(pk=claim.pk)
    return continue_claim(claim, mediation=mediation, court=court) if proceed else claim


@pytest.fixture
def defended(issue_claim, make_user, travel, adviser_courts):
    """``defended(**options)``: see ``make_defended``. Legal advisers operate at Leeds County Court."""
    return lambda **options: make_defended(issue_claim, make_user, travel, **options)


def page(client: Any, claim: Claim) -> str:
    response = client.get(reverse("admin:claims_claim_change", args=[claim.pk]))
    assert response.status_code == 200
    return text(response)


def step_url(name: str, claim: Claim) -> str:
    return reverse(f"admin:claims_claim_{name}", args=[claim.pk])


def text(response: Any) -> str:
    """The page's HTML, entities decoded and whitespace collapsed."""
    return re.sub(r"\s+", " ", html.unescape(response.content.decode()))


def refused(client: Any, response: Any, claim: Claim) -> bool:
    """Sent back to the claim's page, which shows the refusal (following the redirect shows, and so clears, the
    messages waiting)."""
    if response.status_code != 302 or response.url != reverse("admin:claims_claim_change", args=[claim.pk]):
        return False
    return "this claim is not waiting for that, or you cannot do it" in text(client.get(response.url))


def last_event(claim: Claim, kind: str) -> Any:
    return claim.events.filter(kind=kind).order_by("-recorded_at", "-pk").first()


# -- which buttons show ---------------------------------------------------------------------------------------------


def test_in_mediation_only_a_caseworker_records_the_outcome_and_only_a_judge_sends_out(
        client, defended, caseworker, legal_adviser, judge):
    claim = defended(mediation=True)
    assert claim.state == ClaimState.MEDIATION
    mediation, refer, send_out = step_url("mediation", claim), step_url("refer", claim), step_url("send_out", claim)
    directions = step_url("directions", claim)

    client.force_login(caseworker)
    shown = page(client, claim)
    assert mediation in shown and "Record the mediation outcome" in shown
    assert refer in shown and "Refer to a judge or legal adviser" in shown
    assert send_out not in shown and directions not in shown

    client.force_login(legal_adviser)
    shown = page(client, claim)
    assert refer in shown and "Refer to a judge<" in shown.replace("</a>", "<")
    assert mediation not in shown and send_out not in shown and directions not in shown

    client.force_login(judge)
    shown = page(client, claim)
    assert send_out in shown and "Send the claim out" in shown
    assert mediation not in shown and refer not in shown and directions not in shown


def test_forms_with_a_legal_adviser_show_give_directions_to_the_adviser_and_a_judge_only(
        client, defended, caseworker, legal_adviser, judge):
    claim = defended()
    assert claim.state == ClaimState.AWAITING_DIRECTIONS
    assert Referral.objects.get(claim=claim, closed_at=None).to == Referee.LEGAL_ADVISER
    directions = step_url("directions", claim)
    for user, shown in [(legal_adviser, True), (judge, True), (caseworker, False)]:
        client.force_login(user)
        assert (directions in page(client, claim)) is shown, user


def test_the_claim_page_shows_where_a_defended_claim_stands(client, defended, caseworker):
    claim = defended()
    client.force_login(caseworker)
    shown = page(client, claim)
    assert "Defended claim" in shown
    assert "To a legal adviser (directions questionnaires to consider) since 8 March 2027, 10:00" in shown
    assert "A legal adviser may consider this claim." in shown
    assert "Leeds County Court" in shown and "legal advisers operate there" in shown
    assert "Continues with the claim, received 8 March 2027" in shown


def test_a_member_of_the_public_cannot_reach_the_steps(client, defended):
    claim = defended(mediation=True)
    client.force_login(claim.owner)
    response = client.post(step_url("mediation", claim), {"outcome": "settled_discontinued"})
    assert response.status_code == 302 and "/admin/login/" in response.url
    assert Claim.objects.get(pk=claim.pk).state == ClaimState.MEDIATION


# -- caseworkers: mediation ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("outcome, state, event", [
    ("settled_discontinued", ClaimState.SETTLED, "claim_settled"),
    ("settled", ClaimState.STAYED, "mediation_settled"),
    ("not_settled", ClaimState.AWAITING_DIRECTIONS, "mediation_not_settled"),
])
def test_a_caseworker_records_the_mediation_outcome(client, defended, caseworker, outcome, state, event):
    claim = defended(mediation=True)
    client.force_login(caseworker)
    assert client.get(step_url("mediation", claim)).status_code == 200
    response = client.post(step_url("mediation", claim), {"outcome": outcome})
    assert response.status_code == 302 and response.url == reverse("admin:claims_claim_change", args=[claim.pk])
    claim.refresh_from_db()
    assert claim.state == state
    assert last_event(claim, event).actor_label == f"{caseworker.display_name}, Caseworker"
    if state == ClaimState.STAYED:
        assert claim.stay_allows_return  # either party may come back if it breaks down (6.2(10))
    if state == ClaimState.AWAITING_DIRECTIONS:
        assert Referral.objects.get(claim=claim, closed_at=None).to == Referee.LEGAL_ADVISER


def test_the_mediation_outcome_needs_an_answer_and_a_caseworker(client, defended, caseworker, legal_adviser):
    claim = defended(mediation=True)
    client.force_login(caseworker)
    response = client.post(step_url("mediation", claim), {})
    assert response.status_code == 200 and "This field is required" in text(response)
    client.force_login(legal_adviser)
    assert refused(client, client.post(step_url("mediation", claim), {"outcome": "settled_discontinued"}), claim)
    assert Claim.objects.get(pk=claim.pk).state == ClaimState.MEDIATION


# -- caseworkers: paper responses (Section 10) -----------------------------------------------------------------------


def scan(name: str = "scan.pdf", content_type: str = "application/pdf", content: bytes = b"%PDF-1.4 scanned"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def test_a_caseworker_records_the_call_then_the_ocon9_then_enters_a_paper_defence(
        client, issue_claim, caseworker, travel, adviser_courts):
    claim = issue_claim()  # 10:00 on Monday 1 March 2027
    client.force_login(caseworker)
    shown = page(client, claim)
    assert step_url("paper_contact", claim) in shown and step_url("paper_response", claim) not in shown

    response = client.post(step_url("paper_contact", claim), {"more_time": "no", "note": "Has no computer"})
    assert response.status_code == 302
    paper = PaperResponse.objects.get(claim=claim)
    assert paper.forms == ["OCON9", "OCON9X", "OCON180"] and paper.call_note == "Has no computer"
    assert paper.sent_on == datetime(2027, 3, 1).date()
    assert paper.deadline == uk(2027, 3, 22, 16, 0)  # 19 days after the forms were sent (10.1(8))
    assert last_event(claim, "paper_forms_sent").actor_label == f"{caseworker.display_name}, Caseworker"
    assert ClaimDocument.objects.filter(claim=claim, kind="paper_pack").exists()

    shown = page(client, claim)
    assert step_url("paper_contact", claim) not in shown
    assert step_url("paper_extension", claim) in shown and step_url("paper_response", claim) in shown
    travel(uk(2027, 3, 10, 11, 0), tick=False)
    assert client.post(step_url("paper_extension", claim), {}).status_code == 302
    paper.refresh_from_db()
    assert paper.extension_received_at == uk(2027, 3, 10, 11, 0)
    assert paper.deadline == uk(2027, 4, 5, 16, 0)  # 33 days after the forms were sent (10.1(9))
    assert step_url("paper_extension", claim) not in page(client, claim)
    assert refused(client, client.post(step_url("paper_extension", claim), {}), claim)  # once only

    travel(uk(2027, 3, 24, 12, 0), tick=False)
    client.force_login(caseworker)  # a new session: the first has expired by now
    form = {"scan": scan(), "received_at_0": "24/03/2027", "received_at_1": "09:30:00", "nature": "defence",
            "mediation_opt_out": "yes", "preferred_court": "Leeds County Court"}
    response = client.post(step_url("paper_response", claim), form)
    assert response.status_code == 302 and not refused(client, response, claim), text(response)
    claim.refresh_from_db()
    assert claim.state == ClaimState.AWAITING_CLAIMANT_RESPONSE
    defence = DefendantResponse.objects.get(claim=claim)
    assert defence.on_paper and defence.kind == "full_defence"
    assert defence.mediation_willing is False and defence.preferred_court == "Leeds County Court"
    paper.refresh_from_db()
    assert paper.received_at == uk(2027, 3, 24, 9, 30) and paper.entered_by == caseworker
    assert bytes(paper.scan_content) == b"%PDF-1.4 scanned"
    assert last_event(claim, "paper_response_received").actor_label == f"{caseworker.display_name}, Caseworker"

    download = client.get(reverse("admin:defended_paperresponse_scan", args=[paper.pk]))
    assert download.status_code == 200 and download.content == b"%PDF-1.4 scanned"
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"].startswith("attachment;")


def test_a_defendant_who_had_more_time_online_gets_no_ocon9(client, issue_claim, caseworker, linked):
    claim, defendant = linked
    response_services.response_intention_confirm(claim_id=claim.pk, actor=defendant, more_time=True)
    client.force_login(caseworker)
    assert client.post(step_url("paper_contact", claim), {"more_time": "no"}).status_code == 302
    paper = PaperResponse.objects.get(claim=claim)
    assert paper.forms == ["OCON9X", "OCON180"] and paper.deadline == uk(2027, 4, 5, 16, 0)  # 10.1(5A)
    assert step_url("paper_extension", claim) not in page(client, claim)
    assert refused(client, client.post(step_url("paper_extension", claim), {}), claim)


@pytest.mark.parametrize("nature", ["counterclaim", "not_indicated"])
def test_a_paper_response_other_than_a_defence_sends_the_claim_out(client, issue_claim, caseworker, travel, nature):
    claim = issue_claim()
    client.force_login(caseworker)
    client.post(step_url("paper_contact", claim), {"more_time": "yes"})
    travel(uk(2027, 3, 5, 12, 0), tick=False)
    form = {"scan": scan("scan.png", "image/png", b"\x89PNG scan"), "received_at_0": "05/03/2027",
            "received_at_1": "10:00:00", "nature": nature}
    assert client.post(step_url("paper_response", claim), form).status_code == 302
    claim.refresh_from_db()
    assert claim.state == ClaimState.SENT_OUT and claim.sent_out_to == SentOutTo.CNBC
    assert not DefendantResponse.objects.filter(claim=claim).exists()


def test_a_paper_defence_needs_its_mediation_answer_court_and_a_scan_of_the_right_type(
        client, issue_claim, caseworker, travel, adviser_courts):
    claim = issue_claim()
    client.force_login(caseworker)
    client.post(step_url("paper_contact", claim), {"more_time": "no"})
    travel(uk(2027, 3, 5, 12, 0), tick=False)
    base = {"received_at_0": "05/03/2027", "received_at_1": "10:00:00", "nature": "defence"}

    missing = text(client.post(step_url("paper_response", claim), {**base, "scan": scan()}))
    assert "Select whether the defendant opted out of mediation" in missing
    assert "Choose the preferred court from the defendant's OCON180" in missing
    typed = text(client.post(step_url("paper_response", claim), {
        **base, "scan": scan(), "mediation_opt_out": "no", "preferred_court": "Test answer from QA"}))
    assert "Select a valid choice" in typed  # only a hearing centre on the court's list

    wrong = client.post(step_url("paper_response", claim), {
        **base, "scan": scan("scan.txt", "text/plain", b"hello"), "mediation_opt_out": "no",
        "preferred_court": "Leeds County Court"})
    assert wrong.status_code == 200 and "The scanned response must be a PDF, JPEG or PNG file" in text(wrong)

    future = client.post(step_url("paper_response", claim), {
        **base, "received_at_0": "06/03/2027", "scan": scan(), "mediation_opt_out": "no",
        "preferred_court": "Leeds County Court"})
    assert "cannot be in the future" in text(future)
    assert Claim.objects.get(pk=claim.pk).state == ClaimState.ISSUED
    assert PaperResponse.objects.get(claim=claim).received_at is None


# -- referrals ---------------------------------------------------------------------------------------------------


def test_a_caseworker_refers_a_claim_in_mediation_to_a_judge(client, defended, caseworker, judge):
    claim = defended(mediation=True)
    client.force_login(caseworker)
    response = client.post(step_url("refer", claim), {"to": "judge", "reason": "The defendant has died",
                                                      "note": "Call from the family"})
    assert response.status_code == 302
    referral = Referral.objects.get(claim=claim)
    assert (referral.to, referral.kind, referral.created_by) == (Referee.JUDGE, ReferralKind.MATTER, caseworker)
    event = last_event(claim, "referred")
    assert event.summary == "Referred to a judge: The defendant has died"
    assert event.actor_label == f"{caseworker.display_name}, Caseworker"
    client.force_login(judge)
    assert "To a judge (a matter referred by the court) since 8 March 2027" in page(client, claim)


def test_a_legal_adviser_passes_the_forms_to_a_judge_only(client, defended, legal_adviser):
    claim = defended()
    client.force_login(legal_adviser)
    back = client.post(step_url("refer", claim), {"to": "legal_adviser", "reason": "Another adviser"})
    assert back.status_code == 200 and "Select a valid choice" in text(back)
    response = client.post(step_url("refer", claim), {"to": "judge", "reason": "A substantial point of law"})
    assert response.status_code == 302
    closed, opened = Referral.objects.filter(claim=claim).order_by("pk")
    assert closed.to == Referee.LEGAL_ADVISER and closed.closed_by == legal_adviser
    assert closed.outcome == "Passed to a judge"
    assert opened.to == Referee.JUDGE and opened.kind == ReferralKind.DIRECTIONS and opened.closed_at is None
    assert last_event(claim, "referred").actor_label == "Lee Adviser, Legal adviser"
    assert step_url("directions", claim) not in page(client, claim)


# -- directions: legal advisers within Section 20 ----------------------------------------------------------------


def test_a_legal_adviser_gives_directions_and_the_claim_waits_for_the_reconsideration_window(
        client, defended, legal_adviser):
    claim = defended()
    client.force_login(legal_adviser)
    shown = text(client.get(step_url("directions", claim)))
    assert "the preferred court, Leeds County Court" in shown
    assert "7 days after the order (20.2(3)(e), 20.3)" in shown
    assert "The claim is complicated (20.2(4))" in shown and 'name="to"' not in shown

    response = client.post(step_url("directions", claim), {
        "standard": ["documents", "witnesses"], "free_text": "The claimant must file the invoice.",
        "to": "named_centre", "court": "Somewhere Else County Court", "complicated": "on"})
    assert response.status_code == 302, text(response)
    order = DirectionsOrder.objects.get(claim=claim)
    assert (order.maker_name, order.maker_title, order.maker_role) == ("Lee Adviser", "Legal adviser",
                                                                        Referee.LEGAL_ADVISER)
    assert order.standard == ["documents", "witnesses"] and order.free_text == "The claimant must file the invoice."
    # Whatever is posted, a legal adviser's order goes to the preferred court (Table A 2, 20.2(3)(d)).
    assert (order.send_out_to, order.send_out_court) == (SentOutTo.PREFERRED_COURT, "Leeds County Court")
    assert order.reason == "the claim is complicated (20.2(4)-(5))"
    assert order.reconsider_by == uk(2027, 3, 15, 16, 0)  # 7 days after the order (20.3(3))
    claim.refresh_from_db()
    assert claim.state == ClaimState.DIRECTIONS_MADE and claim.send_out_due_at == order.reconsider_by
    event = last_event(claim, "directions_given")
    assert event.summary == "Directions given by Lee Adviser, Legal adviser"
    assert event.actor_label == "Lee Adviser, Legal adviser"
    assert ClaimDocument.objects.filter(claim=claim, kind="directions_order").exists()
    shown = page(client, claim)
    assert "made by Lee Adviser, Legal adviser" in shown and StandardDirection.DOCUMENTS.label in shown


def test_directions_need_a_direction(client, defended, legal_adviser):
    claim = defended()
    client.force_login(legal_adviser)
    response = client.post(step_url("directions", claim), {"free_text": "  "})
    assert "Select at least one standard direction or write the directions" in text(response)
    assert not DirectionsOrder.objects.filter(claim=claim).exists()


@pytest.mark.parametrize("amount, adviser_may_act", [("1000.00", True), ("1000.01", False)])
def test_a_legal_adviser_gives_directions_on_1000_pounds_but_not_a_penny_more(
        client, defended, legal_adviser, caseworker, amount, adviser_may_act):
    claim = defended(amount=amount)
    assert claim.amount_claimed == Decimal(amount)
    client.force_login(legal_adviser)
    assert (step_url("directions", claim) in page(client, claim)) is adviser_may_act
    response = client.post(step_url("directions", claim), {"standard": ["documents"]})
    claim.refresh_from_db()
    if adviser_may_act:
        assert response.status_code == 302 and not refused(client, response, claim)
        assert claim.state == ClaimState.DIRECTIONS_MADE
        assert DirectionsOrder.objects.get(claim=claim).maker_name == "Lee Adviser"
        return
    assert refused(client, response, claim)
    assert claim.state == ClaimState.AWAITING_DIRECTIONS and not DirectionsOrder.objects.exists()
    # The forms went to a judge; the page says why no legal adviser may consider them (20.1(1)(a)).
    assert Referral.objects.get(claim=claim, closed_at=None).to == Referee.JUDGE
    assert "the amount claimed (£1,000.01) is more than £1,000 (20.1(1)(a))" in page(client, claim)
    # Nor can a caseworker send them to one.
    client.force_login(caseworker)
    back = client.post(step_url("refer", claim), {"to": "legal_adviser", "reason": "For directions"})
    assert back.status_code == 200
    assert "A legal adviser cannot consider this claim: the amount claimed (£1,000.01) is more than £1,000" in text(
        back)
    assert not Referral.objects.filter(claim=claim, to=Referee.LEGAL_ADVISER).exists()


def test_no_legal_adviser_where_none_operates(client, defended, legal_adviser, judge):
    claim = defended(court="Bristol County Court")
    assert Referral.objects.get(claim=claim, closed_at=None).to == Referee.JUDGE
    client.force_login(legal_adviser)
    assert refused(client, client.post(step_url("directions", claim), {"standard": ["documents"]}), claim)
    assert "the preferred court (Bristol County Court) is not one where legal advisers operate" in page(client, claim)


# -- judges ------------------------------------------------------------------------------------------------------


def test_a_judge_gives_directions_and_chooses_where_the_claim_goes(client, defended, judge):
    claim = defended(court="Bristol County Court")
    client.force_login(judge)
    form_page = text(client.get(step_url("directions", claim)))
    assert 'name="to"' in form_page and "The preferred court is Bristol County Court." in form_page
    assert 'name="complicated"' not in form_page
    no_court = client.post(step_url("directions", claim), {"standard": ["hearing"], "to": "named_centre"})
    assert "Enter the name of the hearing centre" in text(no_court)
    response = client.post(step_url("directions", claim), {
        "standard": ["hearing", "originals"], "to": "named_centre", "court": "Sheffield County Court",
        "reason": "Nearer to both parties"})
    assert response.status_code == 302, text(response)
    claim.refresh_from_db()
    assert claim.state == ClaimState.SENT_OUT and claim.sent_out_court == "Sheffield County Court"
    order = DirectionsOrder.objects.get(claim=claim)
    assert (order.maker_name, order.maker_title, order.reconsider_by) == ("Judith Bench", "Judge", None)
    assert last_event(claim, "directions_given").actor_label == "Judith Bench, Judge"
    assert last_event(claim, "sent_out").actor_label == "Judith Bench, Judge"


def test_a_judge_sends_the_claim_out(client, defended, judge):
    claim = defended(mediation=True)
    client.force_login(judge)
    missing = client.post(step_url("send_out", claim), {"to": "preferred_court"})
    assert missing.status_code == 200 and "This field is required" in text(missing)
    response = client.post(step_url("send_out", claim), {
        "to": "preferred_court", "reason": "Unsuitable for the online service", "directions": "List for hearing"})
    assert response.status_code == 302
    claim.refresh_from_db()
    assert claim.state == ClaimState.SENT_OUT
    assert (claim.sent_out_to, claim.sent_out_court) == (SentOutTo.PREFERRED_COURT, "Leeds County Court")
    assert claim.sent_out_directions == "List for hearing"
    event = last_event(claim, "sent_out")
    assert event.actor_label == "Judith Bench, Judge" and "Unsuitable for the online service" in event.summary


def make_application(claim: Claim, *, kind: str = "other", upload: bool = True) -> Application:
    return services.application_make(
        claim_id=claim.pk, actor=claim.owner, kind=kind, details="Please adjourn: I am abroad in May.",
        upload=services.Upload("N244 form.pdf", "application/pdf", N244) if upload else None)


@pytest.mark.parametrize("role", ["caseworker", "legal_adviser"])
def test_only_a_judge_sends_out_or_decides_an_application(client, defended, request, role):
    claim = defended()
    application = make_application(claim)
    client.force_login(request.getfixturevalue(role))
    shown = page(client, claim)
    assert step_url("send_out", claim) not in shown and step_url("decide_application", claim) not in shown
    assert refused(client, client.get(step_url("send_out", claim)), claim)
    assert refused(client, client.post(step_url("send_out", claim), {"to": "cnbc", "reason": "Not suitable"}), claim)
    assert refused(client, client.post(step_url("decide_application", claim), {
        "application": application.pk, "ruling": "send_out", "reasons": "Granted", "to": "cnbc"}), claim)
    claim.refresh_from_db()
    assert claim.state == ClaimState.AWAITING_DIRECTIONS and claim.sent_out_at is None
    application.refresh_from_db()
    assert application.decided_at is None and application.decision == ""
    assert not claim.events.filter(kind__in=["sent_out", "application_decided"]).exists()


def test_a_judge_reads_the_n244_and_decides_the_application(client, defended, judge, legal_adviser):
    claim = defended()
    application = make_application(claim)
    client.force_login(judge)
    shown = page(client, claim)
    assert step_url("decide_application", claim) in shown
    file_url = reverse("admin:defended_application_file", args=[application.pk])
    form_page = text(client.get(step_url("decide_application", claim)))
    assert file_url in form_page and "Please adjourn: I am abroad in May." in form_page

    download = client.get(file_url)
    assert download.status_code == 200 and download.content == N244
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"] == 'attachment; filename="N244 form.pdf"'

    lift = client.post(step_url("decide_application", claim), {
        "application": application.pk, "ruling": "lift", "reasons": "Lifted"})
    assert "Only an application to lift a stay, on a stayed claim, can lift it" in text(lift)

    response = client.post(step_url("decide_application", claim), {
        "application": application.pk, "ruling": "refuse", "reasons": "No good reason given"})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.decision == "Refused by Judith Bench, Judge: No good reason given"
    assert not Referral.objects.filter(application=application, closed_at=None).exists()
    assert Claim.objects.get(pk=claim.pk).state == ClaimState.AWAITING_DIRECTIONS
    assert last_event(claim, "application_decided").actor_label == "Judith Bench, Judge"
    assert step_url("decide_application", claim) not in page(client, claim)


def test_a_request_to_leave_the_online_service_is_granted_by_sending_out(client, defended, judge):
    claim = defended()
    application = make_application(claim, kind="leave_online", upload=False)
    client.force_login(judge)
    base = {"application": application.pk, "reasons": "As asked"}
    refused_ruling = client.post(step_url("decide_application", claim), {**base, "ruling": "refuse"})
    assert "must be granted" in text(refused_ruling)
    no_where = client.post(step_url("decide_application", claim), {**base, "ruling": "send_out"})
    assert "Select where the claim is to be sent" in text(no_where)
    response = client.post(step_url("decide_application", claim), {**base, "ruling": "send_out", "to": "cnbc"})
    assert response.status_code == 302
    claim.refresh_from_db()
    assert claim.state == ClaimState.SENT_OUT and claim.sent_out_to == SentOutTo.CNBC
    assert "a party asked to leave the online service (18.1)" in claim.sent_out_reason


def test_a_judge_lifts_a_stay_on_an_n244(client, defended, caseworker, judge):
    claim = defended(mediation=True)
    services.mediation_outcome(claim_id=claim.pk, actor=caseworker, settled=True)
    application = make_application(Claim.objects.get(pk=claim.pk), kind="lift_stay")
    client.force_login(judge)
    response = client.post(step_url("decide_application", claim), {
        "application": application.pk, "ruling": "lift", "reasons": "The settlement was not kept"})
    assert response.status_code == 302
    claim.refresh_from_db()
    assert claim.state == ClaimState.AWAITING_DIRECTIONS  # it stopped in mediation: the forms are considered
    assert last_event(claim, "stay_lifted").actor_label == "Judith Bench, Judge"


def test_nobody_outside_the_court_downloads_an_n244(client, defended, make_user):
    claim = defended()
    application = make_application(claim)
    url = reverse("admin:defended_application_file", args=[application.pk])
    client.force_login(claim.owner)
    response = client.get(url)
    assert response.status_code == 302 and N244 not in response.content
    client.force_login(make_user(is_staff=True))  # staff, but in no court staff group
    assert client.get(url).status_code == 404


# -- the records, read-only, and the staff groups' permissions --------------------------------------------------------


MODELS = ["referral", "application", "directionsorder", "paperresponse", "claimantdecision"]


@pytest.mark.parametrize("role", ["caseworker", "legal_adviser", "judge"])
def test_every_staff_group_sees_the_defended_records_read_only(client, defended, make_user, role):
    claim = defended()
    application = make_application(claim)
    user = make_user(is_staff=True)
    user.groups.set([Group.objects.get(name=role)])
    client.force_login(user)
    for model in MODELS:
        assert client.get(reverse(f"admin:defended_{model}_changelist")).status_code == 200, model
        assert client.get(reverse(f"admin:defended_{model}_add")).status_code == 403, model
    detail = client.get(reverse("admin:defended_application_change", args=[application.pk]))
    assert detail.status_code == 200 and b"N244 form.pdf" in detail.content and N244 not in detail.content
    assert client.post(reverse("admin:defended_application_delete", args=[application.pk])).status_code == 403
    assert client.get(reverse("admin:court_hearingcentre_changelist")).status_code == 200


def test_the_groups_hold_the_permissions(db):
    for role in ["caseworker", "legal_adviser", "judge"]:
        perms = {f"{p.content_type.app_label}.{p.codename}" for p in Group.objects.get(name=role).permissions.all()}
        assert {f"defended.view_{model}" for model in MODELS} | {"court.view_hearingcentre"} <= perms, role
        assert ("court.add_hearingcentre" in perms) is (role == "caseworker")


def test_caseworkers_keep_the_list_of_hearing_centres(client, caseworker, legal_adviser):
    client.force_login(legal_adviser)
    assert client.get(reverse("admin:court_hearingcentre_add")).status_code == 403
    client.force_login(caseworker)
    response = client.post(reverse("admin:court_hearingcentre_add"), {"name": "Leeds County Court",
                                                                       "legal_advisers": "on"})
    assert response.status_code == 302
    assert HearingCentre.advisers_operate_at("leeds  county court")


def test_the_demo_data_has_hearing_centres_and_a_user_for_each_staff_role(db):
    call_command("seed_demo")
    call_command("seed_demo")
    centres = dict(HearingCentre.objects.values_list("name", "legal_advisers"))
    assert centres == {"Leeds County Court": True, "Central London County Court": True,
                       "Bristol Civil and Family Justice Centre": False}
    roles = {email: staff_role(User.objects.get(email=email))
             for email in ["caseworker@example.com", "adviser@example.com", "judge@example.com"]}
    assert roles == {"caseworker@example.com": StaffRole.CASEWORKER, "adviser@example.com": StaffRole.LEGAL_ADVISER,
                     "judge@example.com": StaffRole.JUDGE}


def test_a_judge_decides_a_referred_default_request_in_the_admin(linked, travel, judge, legal_adviser, client):
    """11.1A(2): the request made while an application waited is the judge's to decide, on the claim's page."""
    from judgments import services as judgments
    from tests.conftest import uk

    claim, dan = linked
    services.application_make(claim_id=claim.pk, actor=dan, kind="other", details="I was in hospital.")
    travel(uk(2027, 3, 23, 10, 0), tick=False)
    judgments.judgment_default_request(claim_id=claim.pk, actor=claim.owner)
    url = reverse("admin:claims_claim_default_request", args=[claim.pk])
    client.force_login(legal_adviser)
    assert url not in client.get(reverse("admin:claims_claim_change", args=[claim.pk])).content.decode()
    client.post(url, {"enter": "yes", "reasons": "x"})
    assert Claim.objects.get(pk=claim.pk).state == ClaimState.ISSUED
    client.force_login(judge)
    page = client.get(reverse("admin:claims_claim_change", args=[claim.pk])).content.decode()
    assert url in page
    assert "I was in hospital." in client.get(url).content.decode()
    response = client.post(url, {"enter": "yes", "reasons": "The application is no reason to wait."})
    assert response.status_code == 302
    claim = Claim.objects.get(pk=claim.pk)
    assert claim.state == ClaimState.JUDGMENT_ENTERED and claim.judgment.made_by_label == "Judith Bench, Judge"


def test_a_caseworker_records_a_paper_reconsideration_request_in_time(issue_claim, travel, caseworker, adviser_courts,
                                                                       legal_adviser, client):
    """20.3(2A), (4): a defendant who responded on paper asks on paper, within 12 days of the adviser's decision."""
    from tests.conftest import uk
    from tests.defended.conftest import continue_claim

    pdf = services.Upload("scan.pdf", "application/pdf", b"%PDF-1.4 scan")
    claim = issue_claim()
    travel(uk(2027, 3, 3, 10, 0), tick=False)
    services.paper_contact_record(claim_id=claim.pk, actor=caseworker, more_time=False)
    services.paper_response_enter(claim_id=claim.pk, actor=caseworker, nature="defence", scan=pdf,
                                  received_at=uk(2027, 3, 3, 9, 0), mediation_willing=False,
                                  preferred_court="Leeds County Court")
    claim = continue_claim(Claim.objects.get(pk=claim.pk), mediation=False)
    travel(uk(2027, 3, 22, 11, 0), tick=False)
    services.directions_give(claim_id=claim.pk, actor=legal_adviser, standard=["documents"])
    travel(uk(2027, 4, 6, 10, 0), tick=False)  # keyed in later; it arrived on 2 April, within the 12 days
    url = reverse("admin:claims_claim_paper_application", args=[claim.pk])
    client.force_login(caseworker)
    assert url in client.get(reverse("admin:claims_claim_change", args=[claim.pk])).content.decode()
    late = client.post(url, {"applicant_role": "defendant", "kind": "reconsideration", "details": "Reconsider",
                             "received_at_0": "06/04/2027", "received_at_1": "09:00:00"})
    assert "before the time to ask ends" in late.content.decode()
    response = client.post(url, {"applicant_role": "defendant", "kind": "reconsideration", "details": "Reconsider",
                                 "received_at_0": "02/04/2027", "received_at_1": "09:00:00"})
    assert response.status_code == 302
    claim = Claim.objects.get(pk=claim.pk)
    assert claim.state == ClaimState.AWAITING_DIRECTIONS and claim.send_out_due_at is None
    application = claim.applications.get()
    assert application.applicant_role == "defendant" and application.made_by == caseworker
    assert claim.referrals.get(closed_at__isnull=True).kind == "reconsideration"
