"""A page from before the claim moved on (the back button, a second tab, a second press) asks for a
step that no longer applies: the person lands on the claim's page told what happened, never an error."""
from __future__ import annotations

import logging
import uuid

import pytest
from django.urls import reverse

from claims.constants import ClaimState
from payments.models import FakeCardPayment, Payment, PaymentStatus
from tests.payments.test_payments import pay, submitted

pytestmark = pytest.mark.django_db

PAID = "This claim has already been paid and issued."


@pytest.fixture
def paid(client, make_user, django_capture_on_commit_callbacks):
    """A claim its owner has just paid for (and so issued), with the owner signed in."""
    owner = make_user()
    claim = submitted(owner)
    client.force_login(owner)
    with django_capture_on_commit_callbacks(execute=True):
        pay(client, claim)
    claim.refresh_from_db()
    assert claim.state == ClaimState.ISSUED
    return claim


def assert_sent_to_claim_page(client, response, claim, message):
    assert response.status_code == 302
    assert response["Location"] == reverse("claims:detail", args=[claim.public_id])
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "govuk-notification-banner" in page.content.decode() and message in page.content.decode()


def no_errors_logged(caplog):
    return [record for record in caplog.records if record.levelno >= logging.ERROR] == []


def test_pressing_pay_on_a_stale_fee_page_goes_to_the_claim_page(client, paid, caplog):
    caplog.set_level(logging.INFO)
    stale = client.post(reverse("payments:pay_fee", args=[paid.public_id]), {"idempotency_key": uuid.uuid4()})
    assert_sent_to_claim_page(client, stale, paid, PAID)
    assert no_errors_logged(caplog)
    assert any(record.name == "claims.middleware" and record.levelno == logging.INFO for record in caplog.records)
    assert Payment.objects.count() == 1 and FakeCardPayment.objects.count() == 1
    assert Payment.objects.get().status == PaymentStatus.SUCCESS


def test_pressing_pay_twice_with_the_same_page_says_it_is_paid(client, paid, caplog):
    key = Payment.objects.get().idempotency_key
    again = client.post(reverse("payments:pay_fee", args=[paid.public_id]), {"idempotency_key": key})
    assert_sent_to_claim_page(client, again, paid, PAID)
    assert no_errors_logged(caplog)
    assert Payment.objects.count() == 1 and FakeCardPayment.objects.count() == 1


def test_a_cancelled_attempt_from_another_tab_after_paying_goes_to_the_claim_page(
        client, make_user, django_capture_on_commit_callbacks, caplog):
    owner = make_user()
    claim = submitted(owner)
    client.force_login(owner)
    first = client.post(reverse("payments:pay_fee", args=[claim.public_id]), {"idempotency_key": uuid.uuid4()})
    client.post(first["Location"], {"cancel": "1"})  # cancelled on the card page, not yet back
    with django_capture_on_commit_callbacks(execute=True):
        pay(client, claim)  # paid in another tab
    cancelled = Payment.objects.get(status=PaymentStatus.CANCELLED)
    back = client.get(reverse("payments:return", args=[cancelled.public_id]))
    claim.refresh_from_db()
    assert_sent_to_claim_page(client, back, claim, PAID)
    assert no_errors_logged(caplog)
    assert Payment.objects.filter(status=PaymentStatus.SUCCESS).count() == 1


def test_help_with_fees_on_a_stale_page_goes_to_the_claim_page(client, paid, caplog):
    stale = client.post(reverse("claims:help_with_fees", args=[paid.public_id]), {"reference": "HWF-A1B-23C"})
    assert_sent_to_claim_page(client, stale, paid, PAID)
    paid.refresh_from_db()
    assert paid.state == ClaimState.ISSUED and not paid.hwf_reference
    assert no_errors_logged(caplog)


def test_changing_a_submitted_claim_from_a_stale_draft_page(client, make_user, caplog):
    owner = make_user()
    claim = submitted(owner)
    client.force_login(owner)
    stale = client.post(reverse("claims:return_to_draft", args=[claim.public_id]))
    assert stale.status_code == 302  # back to a draft: the first press works
    claim.refresh_from_db()
    assert claim.state == ClaimState.DRAFT
    again = client.post(reverse("payments:pay_fee", args=[claim.public_id]), {"idempotency_key": uuid.uuid4()})
    assert_sent_to_claim_page(client, again, claim, "This claim is a draft again")
    assert Payment.objects.count() == 0 and no_errors_logged(caplog)
