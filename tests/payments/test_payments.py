"""Paying the fee through the card service: success, decline, cancel, timeouts, answers twice."""
from __future__ import annotations

import threading
import uuid
from datetime import date

import pytest
from django.db import connection
from django.urls import reverse

from claims import services
from claims.constants import ClaimState
from claims.models import Claim
from court.sweeps import run_sweep
from payments import fake
from payments.models import FakeCardPayment, Payment, PaymentStatus
from payments.providers import ProviderPayment, ProviderStatus
from payments.services import PaymentUnavailable, payment_record_answer, payment_start
from tests.claims.drafting.factories import complete_draft_data
from tests.conftest import uk

pytestmark = pytest.mark.django_db

GOOD_CARD = {"card_number": "4444 3333 2222 1111", "expiry": "10/29", "name": "C Claimant", "security_code": "123"}
DECLINED_CARD = {**GOOD_CARD, "card_number": "4000 0000 0000 0002"}


@pytest.fixture(autouse=True)
def _no_faults_left():
    fake.clear_faults()
    yield
    fake.clear_faults()


def submitted(owner):
    claim = services.claim_draft_create(owner=owner, data=complete_draft_data())
    return services.claim_submit(claim_id=claim.pk, actor=owner, signed_name="Clara Claimant")


def pay(client, claim, card=GOOD_CARD, key=None):
    """The claimant's clicks: pay on the fee page, enter a card, come back."""
    start = client.post(reverse("payments:pay_fee", args=[claim.public_id]), {"idempotency_key": key or uuid.uuid4()})
    assert start.status_code == 302, start.content[:500]
    card_page = start["Location"]
    assert client.get(card_page).status_code == 200
    done = client.post(card_page, card)
    assert done.status_code == 302
    return client.get(done["Location"])


def test_paying_issues_the_claim(client, make_user, travel, django_capture_on_commit_callbacks):
    travel(uk(2027, 3, 3, 11, 0))
    owner = make_user()
    claim = submitted(owner)
    client.force_login(owner)
    with django_capture_on_commit_callbacks(execute=True):
        back = pay(client, claim)
    assert back.status_code == 302 and back["Location"] == reverse("claims:detail", args=[claim.public_id])
    claim.refresh_from_db()
    assert claim.state == ClaimState.ISSUED and claim.claim_number == "000MC001"
    assert claim.issue_date == date(2027, 3, 3)
    payment = Payment.objects.get()
    assert payment.status == PaymentStatus.SUCCESS and payment.amount == claim.fee
    # The card service answered twice (the return and its notification): one fee, one issue.
    assert claim.events.filter(kind="fee_paid").count() == 1
    assert claim.events.filter(kind="claim_issued").count() == 1
    page = client.get(reverse("claims:detail", args=[claim.public_id])).content.decode()
    assert "000MC001" in page and "Issued" in page


def test_the_provider_answering_twice_records_the_payment_once(make_user):
    owner = make_user()
    claim = submitted(owner)
    payment = payment_start(claim_id=claim.pk, actor=owner, idempotency_key=uuid.uuid4())
    answer = ProviderPayment(id=payment.reference, status=ProviderStatus.SUCCESS, finished_at=uk(2027, 3, 3, 15, 59))
    payment_record_answer(payment_id=payment.pk, remote=answer)
    payment_record_answer(payment_id=payment.pk, remote=answer)
    claim.refresh_from_db()
    assert claim.state == ClaimState.ISSUED and claim.issue_date == date(2027, 3, 3)
    assert claim.events.filter(kind="claim_issued").count() == 1
    assert Payment.objects.filter(status=PaymentStatus.SUCCESS).count() == 1


def test_a_double_click_starts_one_payment(make_user):
    owner = make_user()
    claim = submitted(owner)
    key = uuid.uuid4()
    first = payment_start(claim_id=claim.pk, actor=owner, idempotency_key=key)
    second = payment_start(claim_id=claim.pk, actor=owner, idempotency_key=key)
    assert first.pk == second.pk and Payment.objects.count() == 1 and FakeCardPayment.objects.count() == 1


def test_the_back_button_resumes_the_payment_in_progress(make_user):
    owner = make_user()
    claim = submitted(owner)
    first = payment_start(claim_id=claim.pk, actor=owner, idempotency_key=uuid.uuid4())
    again = payment_start(claim_id=claim.pk, actor=owner, idempotency_key=uuid.uuid4())  # a fresh page, new key
    assert again.pk == first.pk and again.next_url == first.next_url
    assert Payment.objects.count() == 1


def test_a_timeout_after_the_provider_made_the_payment_is_retried_safely(client, make_user):
    owner = make_user()
    claim = submitted(owner)
    client.force_login(owner)
    key = str(uuid.uuid4())
    fake.inject("timeout_after_create")
    failed = client.post(reverse("payments:pay_fee", args=[claim.public_id]), {"idempotency_key": key})
    assert failed.status_code == 503 and b"not answering" in failed.content
    assert f'value="{key}"'.encode() in failed.content  # "try again" repeats the same attempt
    assert Payment.objects.get().status == PaymentStatus.CREATED
    retry = client.post(reverse("payments:pay_fee", args=[claim.public_id]), {"idempotency_key": key})
    assert retry.status_code == 302
    assert Payment.objects.count() == 1 and FakeCardPayment.objects.count() == 1
    assert Payment.objects.get().status == PaymentStatus.IN_PROGRESS


def test_a_timeout_before_the_provider_did_anything(make_user):
    owner = make_user()
    claim = submitted(owner)
    key = uuid.uuid4()
    fake.inject("timeout")
    with pytest.raises(PaymentUnavailable):
        payment_start(claim_id=claim.pk, actor=owner, idempotency_key=key)
    assert FakeCardPayment.objects.count() == 0
    payment = payment_start(claim_id=claim.pk, actor=owner, idempotency_key=key)
    assert payment.status == PaymentStatus.IN_PROGRESS and FakeCardPayment.objects.count() == 1


def test_a_declined_card_leaves_the_claim_unpaid_and_payable(client, make_user, django_capture_on_commit_callbacks):
    owner = make_user()
    claim = submitted(owner)
    client.force_login(owner)
    with django_capture_on_commit_callbacks(execute=True):
        back = pay(client, claim, DECLINED_CARD)
    assert back.status_code == 200 and b"declined" in back.content and b"govuk-error-summary" in back.content
    claim.refresh_from_db()
    assert claim.state == ClaimState.AWAITING_FEE
    assert Payment.objects.get().status == PaymentStatus.FAILED
    with django_capture_on_commit_callbacks(execute=True):
        pay(client, claim)
    claim.refresh_from_db()
    assert claim.state == ClaimState.ISSUED and Payment.objects.count() == 2


def test_cancelling_on_the_card_page(client, make_user):
    owner = make_user()
    claim = submitted(owner)
    client.force_login(owner)
    start = client.post(reverse("payments:pay_fee", args=[claim.public_id]), {"idempotency_key": uuid.uuid4()})
    done = client.post(start["Location"], {"cancel": "1"})
    back = client.get(done["Location"])
    assert b"You cancelled the payment" in back.content
    assert Payment.objects.get().status == PaymentStatus.CANCELLED


def test_the_card_page_validates_the_card(client, make_user):
    owner = make_user()
    claim = submitted(owner)
    client.force_login(owner)
    start = client.post(reverse("payments:pay_fee", args=[claim.public_id]), {"idempotency_key": uuid.uuid4()})
    page = client.post(start["Location"], {**GOOD_CARD, "card_number": "1234 5678 9012 3456"})
    assert page.status_code == 200 and b"Enter a valid card number" in page.content
    assert b"govuk-error-summary" in page.content


def test_a_payment_nobody_came_back_from_is_found_by_the_sweep(make_user, travel):
    """Paid at 15:30, browser closed; the sweep runs late (after 4pm): the claim still issues that day."""
    owner = make_user()
    travel(uk(2027, 3, 3, 15, 20), tick=False)
    claim = submitted(owner)
    payment = payment_start(claim_id=claim.pk, actor=owner, idempotency_key=uuid.uuid4())
    travel(uk(2027, 3, 3, 15, 30), tick=False)
    FakeCardPayment.objects.filter(provider_id=payment.reference).update(
        status="success", finished_at=uk(2027, 3, 3, 15, 30)
    )
    travel(uk(2027, 3, 3, 17, 0), tick=False)
    run = run_sweep("payments.check_unfinished")
    again = run_sweep("payments.check_unfinished")
    assert (run.changed, again.examined) == (1, 0)
    claim.refresh_from_db()
    assert claim.state == ClaimState.ISSUED and claim.issue_date == date(2027, 3, 3)


def test_an_abandoned_payment_expires_and_the_claim_stays_payable(make_user, travel):
    owner = make_user()
    travel(uk(2027, 3, 3, 10, 0), tick=False)
    claim = submitted(owner)
    payment = payment_start(claim_id=claim.pk, actor=owner, idempotency_key=uuid.uuid4())
    travel(uk(2027, 3, 3, 10, 20), tick=False)
    run_sweep("payments.check_unfinished")
    assert Payment.objects.get().status == PaymentStatus.IN_PROGRESS  # still on the card page: ask later
    travel(uk(2027, 3, 3, 12, 0), tick=False)
    run_sweep("payments.check_unfinished")
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.FAILED and payment.check_at is None
    new = payment_start(claim_id=claim.pk, actor=owner, idempotency_key=uuid.uuid4())
    assert new.pk != payment.pk and new.status == PaymentStatus.IN_PROGRESS


def test_the_database_refuses_a_second_live_or_successful_payment(make_user):
    from django.db import IntegrityError, transaction

    owner = make_user()
    claim = submitted(owner)
    first = payment_start(claim_id=claim.pk, actor=owner, idempotency_key=uuid.uuid4())
    with pytest.raises(IntegrityError), transaction.atomic():
        Payment.objects.create(claim=claim, amount=first.amount, idempotency_key=uuid.uuid4(), provider="fake",
                               created_by=owner, created_at=first.created_at, updated_at=first.created_at)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_claim_numbers_are_unique_when_claims_are_paid_at_the_same_moment(make_user):
    owner = make_user()
    claims = [submitted(owner) for _ in range(8)]
    payments = [payment_start(claim_id=c.pk, actor=owner, idempotency_key=uuid.uuid4()) for c in claims]
    barrier = threading.Barrier(len(payments))
    errors: list[BaseException] = []

    def answer(payment: Payment) -> None:
        try:
            barrier.wait()
            payment_record_answer(payment_id=payment.pk, remote=ProviderPayment(
                id=payment.reference, status=ProviderStatus.SUCCESS, finished_at=uk(2027, 3, 3, 11, 0)))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=answer, args=(p,)) for p in payments]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    numbers = sorted(Claim.objects.values_list("claim_number", flat=True))
    assert numbers == [f"000MC00{n}" for n in range(1, 9)]


def test_the_stranger_cannot_use_someone_elses_payment_return(client, make_user):
    owner, stranger = make_user(), make_user()
    claim = submitted(owner)
    payment = payment_start(claim_id=claim.pk, actor=owner, idempotency_key=uuid.uuid4())
    client.force_login(stranger)
    assert client.get(reverse("payments:return", args=[payment.public_id])).status_code == 404
