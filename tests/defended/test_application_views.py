"""A party's applications and requests, through the pages (PD 51R 16.1, 17.1, 18.1, 6.2(10)-(11), 20.3),
and where a defended claim stands on both parties' claim pages.

The claim (``tests.defended.conftest``): £1,000 against Dan Defendant, an individual, defended
online at 10:00 on Monday 8 March 2027 with Leeds County Court as his preferred court; the
clock stays there unless a test moves it.
"""
from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from claims.constants import ClaimState
from claims.models import Claim
from defended import services
from defended.models import Application
from defended.services import MAX_UPLOAD_BYTES
from tests.conftest import uk
from tests.defended.conftest import continue_claim

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
#: The legal adviser's directions window: 7 days after Monday 8 March 2027 (20.3(3)).
RECONSIDER_BY = uk(2027, 3, 15, 16, 0)


def url(name: str, claim: Claim, **kwargs: Any) -> str:
    return reverse(name, kwargs={"public_id": claim.public_id, **kwargs})


def apply_url(claim: Claim, kind: str) -> str:
    return url("defended:apply", claim, kind=kind)


def page(client: Any, address: str) -> str:
    response = client.get(address)
    assert response.status_code == 200, (address, response.status_code)
    return response.content.decode()


def stayed(defence: Any) -> tuple[Claim, Any]:
    """The claimant does not continue: the claim is stayed (6.2(3))."""
    claim, dan = defence()
    services.claimant_decide(claim_id=claim.pk, actor=claim.owner, outcome="not_continue")
    return Claim.objects.get(pk=claim.pk), dan


def settled_in_mediation(defence: Any, caseworker: Any) -> tuple[Claim, Any]:
    """Both mediate and settle without discontinuing: stayed, either may come back (6.2(10))."""
    claim, dan = defence(mediation=True)
    claim = continue_claim(claim, mediation=True)
    services.mediation_outcome(claim_id=claim.pk, actor=caseworker, settled=True)
    claim = Claim.objects.get(pk=claim.pk)
    assert claim.state == ClaimState.STAYED and claim.stay_allows_return
    return claim, dan


def directions_made(defence: Any, legal_adviser: Any) -> tuple[Claim, Any]:
    """No mediation; a legal adviser gives directions (needs ``adviser_courts``): the claim leaves
    once the time to ask a judge to reconsider has passed (20.2(3)(e))."""
    claim, dan = defence(mediation=False)
    claim = continue_claim(claim, mediation=False)
    services.directions_give(claim_id=claim.pk, actor=legal_adviser, standard=["documents", "hearing"],
                             free_text="Bring the photographs of the wall.")
    claim = Claim.objects.get(pk=claim.pk)
    assert claim.state == ClaimState.DIRECTIONS_MADE and claim.send_out_due_at == RECONSIDER_BY
    return claim, dan


def upload(name: str, content: bytes, content_type: str = "application/pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


# -- lifting a stay (16.1) ----------------------------------------------------------------------------------------


def test_lift_stay_with_an_uploaded_n244(client, defence):
    claim, dan = stayed(defence)
    client.force_login(claim.owner)
    detail = page(client, url("claims:detail", claim))
    assert apply_url(claim, "lift-stay") in detail and "Apply to lift the stay (form N244)" in detail
    form = page(client, apply_url(claim, "lift-stay"))
    assert 'enctype="multipart/form-data"' in form and "Upload your completed form N244" in form
    assert 'class="govuk-file-upload"' in form and "do not wish to continue" in form  # why it is stayed

    response = client.post(apply_url(claim, "lift-stay"), {
        "notice": upload("n244.pdf", PDF), "details": "I have new evidence and want to go on with the claim.",
    })
    application = Application.objects.get(claim=claim)
    assert response.status_code == 302
    assert response["Location"] == url("defended:application_sent", claim, application_id=application.pk)
    assert application.kind == "lift_stay" and application.applicant_role == "claimant"
    assert bytes(application.file_content) == PDF and application.file_type == "application/pdf"
    assert application.file_name == "n244.pdf" and application.decided_at is None
    assert claim.referrals.get(closed_at__isnull=True, application=application).to == "judge"
    sent = page(client, response["Location"])
    assert "Your application has been sent" in sent and "n244.pdf" in sent and "A judge will consider it" in sent

    detail = page(client, url("claims:detail", claim))
    assert "Applications and requests" in detail and "Apply to lift the stay (N244)" in detail
    assert "With a judge" in detail and apply_url(claim, "lift-stay") not in detail  # one at a time
    client.force_login(dan)
    theirs = page(client, url("responses:claim", claim))
    assert "Apply to lift the stay (N244)" in theirs and "The claimant" in theirs
    # The defendant cannot see the claimant's confirmation page.
    assert client.get(url("defended:application_sent", claim, application_id=application.pk)).status_code == 404


def test_the_defendant_can_apply_to_lift_the_stay(client, defence):
    claim, dan = stayed(defence)
    client.force_login(dan)
    assert apply_url(claim, "lift-stay") in page(client, url("responses:claim", claim))
    response = client.post(apply_url(claim, "lift-stay"), {"notice": upload("form.pdf", PDF),
                                                          "details": "The claimant has stopped; so do I."})
    application = Application.objects.get(claim=claim)
    assert application.applicant_role == "defendant" and application.made_by == dan
    sent = page(client, response["Location"])
    assert url("responses:claim", claim) in sent


def test_a_photo_of_the_form_is_accepted_whatever_the_browser_calls_it(client, defence):
    claim, _ = stayed(defence)
    client.force_login(claim.owner)
    client.post(apply_url(claim, "lift-stay"), {"notice": upload("photo.png", PNG, "application/octet-stream"),
                                               "details": "Please lift the stay."})
    assert Application.objects.get(claim=claim).file_type == "image/png"


@pytest.mark.parametrize("notice, details, message", [
    (None, "Please lift the stay.", "Upload your completed form N244"),
    (("n244.pdf", b"MZ\x90\x00 not really a PDF", "application/pdf"), "Please lift the stay.",
     "The file must be a PDF, JPEG or PNG"),
    (("n244.docx", b"PK\x03\x04 a word document", "application/vnd.openxmlformats"), "Please lift the stay.",
     "The file must be a PDF, JPEG or PNG"),
    (("n244.pdf", b"", "application/pdf"), "Please lift the stay.", "The file you uploaded is empty"),
    (("n244.pdf", b"%PDF-" + b"0" * MAX_UPLOAD_BYTES, "application/pdf"), "Please lift the stay.",
     "The file must be smaller than 10MB"),
    (("n244.pdf", PDF, "application/pdf"), "  ", "Tell the court what you are asking for and why"),
])
def test_a_bad_upload_or_no_reasons_shows_the_error_summary(client, defence, notice, details, message):
    claim, _ = stayed(defence)
    client.force_login(claim.owner)
    data: dict[str, Any] = {"details": details}
    if notice is not None:
        data["notice"] = upload(*notice)
    response = client.post(apply_url(claim, "lift-stay"), data)
    text = response.content.decode()
    assert response.status_code == 200 and "There is a problem" in text and message in text
    assert "<title>Error:" in text
    if "Tell the court" not in message:
        assert 'href="#id_notice"' in text and "govuk-file-upload--error" in text
    assert not Application.objects.exists()
    claim.refresh_from_db()
    assert claim.state == ClaimState.STAYED


# -- another application, leaving the online service (17.1, 18.1) ---------------------------------------------------


@pytest.mark.parametrize("kind, slug, heading, next_step", [
    ("other", "other", "Make an application or request to the court", "A judge will consider it"),
    ("leave_online", "leave-online", "Ask for the claim to leave the online service",
     "A judge will direct that the claim is sent out"),
])
def test_another_application_or_asking_to_leave_goes_to_a_judge(client, defence, kind, slug, heading, next_step):
    claim, dan = defence(mediation=False)
    claim = continue_claim(claim, mediation=False)
    client.force_login(dan)
    theirs = page(client, url("responses:claim", claim))
    assert apply_url(claim, "other") in theirs and apply_url(claim, "leave-online") in theirs
    assert heading in page(client, apply_url(claim, slug))
    text = client.post(apply_url(claim, slug), {"details": ""}).content.decode()
    assert "There is a problem" in text and not Application.objects.exists()
    response = client.post(apply_url(claim, slug), {"details": "I have moved abroad and cannot use the service."})
    application = Application.objects.get(claim=claim)
    assert application.kind == kind and application.applicant_role == "defendant"
    assert claim.referrals.filter(closed_at__isnull=True, application=application, to="judge").exists()
    assert next_step in page(client, response["Location"])
    claim.refresh_from_db()
    assert claim.state == ClaimState.AWAITING_DIRECTIONS
    # One application of a kind at a time from each party; the other party's never blocks theirs.
    again = client.post(apply_url(claim, slug), {"details": "Again"}).content.decode()
    assert "already considering" in again and Application.objects.count() == 1
    client.force_login(claim.owner)
    assert client.post(apply_url(claim, "other"), {"details": "Me too"}).status_code == 302
    assert Application.objects.filter(applicant_role="claimant").count() == 1


# -- the mediation settlement has broken down (6.2(10)-(11)) ------------------------------------------------------


def test_settlement_broken_sends_the_claim_out_to_the_preferred_court(client, defence, caseworker):
    claim, dan = settled_in_mediation(defence, caseworker)
    client.force_login(claim.owner)
    detail = page(client, url("claims:detail", claim))
    assert "Stayed" in detail and "If the settlement breaks down, you can tell the court" in detail
    assert apply_url(claim, "settlement-broken") in detail
    assert "(Leeds County Court)" in page(client, apply_url(claim, "settlement-broken"))
    text = client.post(apply_url(claim, "settlement-broken"), {"details": "They have not paid."}).content.decode()
    assert "There is a problem" in text and "Select what you are asking the court for" in text

    response = client.post(apply_url(claim, "settlement-broken"),
                           {"asking": "judgment", "details": "They paid nothing by the agreed date."})
    claim.refresh_from_db()
    assert claim.state == ClaimState.SENT_OUT and claim.sent_out_court == "Leeds County Court"
    application = Application.objects.get(claim=claim)
    assert application.kind == "settlement_broken" and application.decided_at is not None
    assert application.details.startswith("Judgment for the unpaid balance of the settlement.")
    sent = page(client, response["Location"])
    assert "The claim has been sent out" in sent and "Leeds County Court" in sent

    detail = page(client, url("claims:detail", claim))
    assert "Sent out of the online service" in detail and "continues by post at Leeds County Court" in detail
    assert "settlement reached in mediation has broken down (6.2(11))" in detail
    assert "Decided" in detail and apply_url(claim, "settlement-broken") not in detail
    client.force_login(dan)
    theirs = page(client, url("responses:claim", claim))
    assert "Sent out of the online service" in theirs and "continues by post at Leeds County Court" in theirs


def test_settlement_broken_is_only_for_a_stay_after_a_mediation_settlement(client, defence):
    claim, _ = stayed(defence)
    client.force_login(claim.owner)
    assert apply_url(claim, "settlement-broken") not in page(client, url("claims:detail", claim))
    response = client.post(apply_url(claim, "settlement-broken"), {"asking": "resume", "details": "Go on."})
    assert response["Location"] == url("claims:detail", claim)
    claim.refresh_from_db()
    assert claim.state == ClaimState.STAYED and not Application.objects.exists()


# -- a legal adviser's directions and reconsideration by a judge (20.3) ------------------------------------------------


def test_reconsideration_within_the_window_waits_for_a_judge(client, defence, legal_adviser, judge, adviser_courts):
    claim, dan = directions_made(defence, legal_adviser)
    client.force_login(claim.owner)
    detail = page(client, url("claims:detail", claim))
    assert "Directions made" in detail and "sent out of the online service to Leeds County Court" in detail
    assert "ask a judge to reconsider it until <strong>4pm on Monday 15 March 2027</strong>" in detail
    assert "copies of all documents on which they intend to rely" in detail
    assert "Bring the photographs of the wall." in detail and "Lee Adviser" in detail
    assert apply_url(claim, "reconsideration") in detail
    assert "4pm on Monday 15 March 2027" in page(client, apply_url(claim, "reconsideration"))

    response = client.post(apply_url(claim, "reconsideration"), {"details": "The hearing centre is too far."})
    assert "A judge will reconsider" in page(client, response["Location"])
    claim.refresh_from_db()
    assert claim.state == ClaimState.AWAITING_DIRECTIONS and claim.send_out_due_at is None
    assert claim.referrals.filter(closed_at__isnull=True, kind="reconsideration", to="judge").exists()
    assert "A judge is reconsidering the legal adviser" in page(client, url("claims:detail", claim))
    client.force_login(dan)
    assert "A judge is reconsidering the legal adviser" in page(client, url("responses:claim", claim))

    # The judge's directions send it out at once, with the directions both parties see.
    services.directions_give(claim_id=claim.pk, actor=judge, standard=["hearing"], to="named_centre",
                             court="Bristol County Court", free_text="List for a one-hour hearing.")
    claim.refresh_from_db()
    assert claim.state == ClaimState.SENT_OUT
    theirs = page(client, url("responses:claim", claim))
    assert "continues by post at Bristol County Court" in theirs and "List for a one-hour hearing." in theirs
    assert "Reconsidered" in theirs


def test_reconsideration_after_the_window_is_refused(client, defence, legal_adviser, adviser_courts, travel):
    claim, _ = directions_made(defence, legal_adviser)
    travel(RECONSIDER_BY + timedelta(minutes=1), tick=False)
    client.force_login(claim.owner)
    assert apply_url(claim, "reconsideration") not in page(client, url("claims:detail", claim))
    assert client.get(apply_url(claim, "reconsideration"))["Location"] == url("claims:detail", claim)
    response = client.post(apply_url(claim, "reconsideration"), {"details": "Too late?"})
    assert response["Location"] == url("claims:detail", claim)
    assert not Application.objects.exists()
    claim.refresh_from_db()
    assert claim.state == ClaimState.DIRECTIONS_MADE


def test_once_the_window_passes_the_claim_page_shows_where_it_went(client, defence, legal_adviser, adviser_courts,
                                                                   travel):
    claim, dan = directions_made(defence, legal_adviser)
    travel(RECONSIDER_BY + timedelta(minutes=1), tick=False)
    assert services.la_window_passed(claim_id=claim.pk)
    for user, address in ((claim.owner, url("claims:detail", claim)), (dan, url("responses:claim", claim))):
        client.force_login(user)
        text = page(client, address)
        assert "Sent out of the online service" in text and "continues by post at Leeds County Court" in text
        assert "Directions: Each party must deliver" in text and "Bring the photographs of the wall." in text
        assert apply_url(claim, "other") not in text


# -- who may see the pages -------------------------------------------------------------------------------------------


def test_strangers_get_404_and_unknown_kinds_are_404(client, defence, make_user):
    claim, _ = stayed(defence)
    client.force_login(claim.owner)
    client.post(apply_url(claim, "lift-stay"), {"notice": upload("n244.pdf", PDF), "details": "Please."})
    application = Application.objects.get(claim=claim)
    assert client.get(apply_url(claim, "judgment")).status_code == 404
    client.force_login(make_user("eve@example.com"))
    for slug in ("lift-stay", "other", "leave-online", "settlement-broken", "reconsideration"):
        assert client.get(apply_url(claim, slug)).status_code == 404, slug
        assert client.post(apply_url(claim, slug), {"details": "Let me in"}).status_code == 404, slug
    assert client.get(url("defended:application_sent", claim, application_id=application.pk)).status_code == 404
    assert Application.objects.count() == 1

