"""Documents are rendered after the step commits; a failed render is retried and never blocks the claim."""
from __future__ import annotations

import uuid
from datetime import timedelta
from unittest import mock

import pytest
from django.urls import reverse

from claims import services
from claims.constants import ClaimState
from court.sweeps import run_sweep
from documents.models import ClaimDocument, DocumentStatus
from payments.providers import ProviderPayment, ProviderStatus
from payments.services import payment_record_answer, payment_start
from tests.claims.drafting.factories import complete_draft_data
from tests.conftest import uk

pytestmark = pytest.mark.django_db


def issued(owner):
    claim = services.claim_draft_create(owner=owner, data=complete_draft_data())
    services.claim_submit(claim_id=claim.pk, actor=owner, signed_name="Sam Claimant")
    payment = payment_start(claim_id=claim.pk, actor=owner, idempotency_key=uuid.uuid4())
    payment_record_answer(payment_id=payment.pk, remote=ProviderPayment(
        id=payment.reference, status=ProviderStatus.SUCCESS, finished_at=uk(2027, 3, 3, 11, 0)))
    claim.refresh_from_db()
    return claim


def test_a_failed_render_leaves_the_claim_issued_and_the_sweep_retries(make_user, travel,
                                                                      django_capture_on_commit_callbacks):
    travel(uk(2027, 3, 3, 11, 0), tick=False)
    owner = make_user()
    with mock.patch("documents.pdf.render_pdf", side_effect=RuntimeError("renderer crashed")):
        with django_capture_on_commit_callbacks(execute=True):
            claim = issued(owner)
    assert claim.state == ClaimState.ISSUED
    docs = ClaimDocument.objects.filter(claim=claim)
    assert {d.status for d in docs} == {DocumentStatus.FAILED}
    assert all(d.attempts == 1 and "renderer crashed" in d.last_error for d in docs)
    assert not claim.events.filter(kind="claim_served").exists()  # not posted until the pack exists

    travel(uk(2027, 3, 3, 11, 1), tick=False)
    assert run_sweep("documents.render_pending").examined == 0  # backing off
    travel(uk(2027, 3, 3, 11, 5), tick=False)
    run = run_sweep("documents.render_pending")
    assert run.examined == 3 and run.changed == 3
    assert {d.status for d in docs.all()} == {DocumentStatus.READY}
    assert claim.events.filter(kind="claim_served").count() == 1
    again = run_sweep("documents.render_pending")
    assert again.examined == 0 and claim.events.filter(kind="claim_served").count() == 1


def test_documents_are_rendered_once_the_issue_commits(make_user, client, django_capture_on_commit_callbacks):
    owner = make_user()
    with django_capture_on_commit_callbacks(execute=True):
        claim = issued(owner)
    sealed = ClaimDocument.objects.get(claim=claim, kind="sealed_claim")
    assert sealed.status == DocumentStatus.READY and bytes(sealed.content).startswith(b"%PDF")
    client.force_login(owner)
    response = client.get(reverse("claims:document", args=[claim.public_id, "sealed_claim"]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    # The defendant's pack carries the security code: the claimant can never download it.
    assert client.get(reverse("claims:document", args=[claim.public_id, "defendant_pack"])).status_code == 404
    page = client.get(reverse("claims:detail", args=[claim.public_id])).content.decode()
    assert "Sealed claim form" in page and "Defendant" in page and "pack" not in page.lower().split("timeline")[0]


def test_a_stranger_gets_404_for_a_document(make_user, client, django_capture_on_commit_callbacks):
    owner, stranger = make_user(), make_user()
    with django_capture_on_commit_callbacks(execute=True):
        claim = issued(owner)
    client.force_login(stranger)
    for kind in ("sealed_claim", "issue_receipt", "defendant_pack", "nonsense"):
        assert client.get(reverse("claims:document", args=[claim.public_id, kind])).status_code == 404


def test_the_backoff_grows_and_is_capped(make_user, travel):
    from documents.rendering import MAX_BACKOFF, _failed

    travel(uk(2027, 3, 3, 11, 0), tick=False)
    owner = make_user()
    claim = issued(owner)
    doc = ClaimDocument.objects.filter(claim=claim).first()
    gaps = []
    for _ in range(12):
        _failed(doc.pk, "boom")
        doc.refresh_from_db()
        gaps.append(doc.next_attempt_at - uk(2027, 3, 3, 11, 0))
    assert gaps[0] == timedelta(minutes=2) and gaps[1] == timedelta(minutes=4)
    assert max(gaps) == MAX_BACKOFF and gaps == sorted(gaps)


def test_a_render_that_started_before_a_change_gives_way_to_the_new_one(make_user, travel,
                                                                      django_capture_on_commit_callbacks):
    from documents import pdf
    from documents.services import document_render, documents_rerender

    travel(uk(2027, 3, 3, 11, 0), tick=False)
    with django_capture_on_commit_callbacks(execute=False):
        claim = issued(make_user())
    receipt = ClaimDocument.objects.get(claim=claim, kind="issue_receipt")
    real = pdf.render_pdf

    def slow_render(template, context):  # the content changes while this render is under way
        documents_rerender(claim, ["issue_receipt"])
        return b"%PDF-old"

    with mock.patch("documents.pdf.render_pdf", side_effect=slow_render):
        assert document_render(document_id=receipt.pk) is False
    receipt.refresh_from_db()
    assert receipt.status == DocumentStatus.PENDING and receipt.revision == 1 and receipt.content is None
    with mock.patch("documents.pdf.render_pdf", side_effect=real):
        assert document_render(document_id=receipt.pk) is True
    receipt.refresh_from_db()
    assert receipt.status == DocumentStatus.READY and bytes(receipt.content).startswith(b"%PDF")
    assert bytes(receipt.content) != b"%PDF-old"
