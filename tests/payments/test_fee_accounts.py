"""A firm's fee accounts (recorded by its administrator, decided by court staff) and paying a represented
claim's fee from one: every answer of the fee-account service, idempotency, the sweep, and the pages."""
from __future__ import annotations

import re
import threading
import uuid
from datetime import date

import pytest
from django.contrib.auth.models import Group
from django.db import IntegrityError, connection, transaction
from django.urls import reverse

from accounts.groups import ensure_staff_groups
from accounts.models import FeeAccount, FeeAccountState, FirmState
from claims import assignments, services
from claims.constants import ClaimState
from claims.errors import ClaimError, NotAllowed
from claims.models import Claim
from court.models import Notification
from court.sweeps import run_sweep
from documents.models import ClaimDocument, DocumentKind
from documents.pdf import render_html
from documents.registry import context_for
from payments import fake_fee_accounts
from payments.fee_accounts import (
    FeeAccountError,
    approve_fee_account,
    record_fee_account,
    reject_fee_account,
    withdraw_fee_account,
)
from payments.models import FakeCardPayment, FakeFeeAccountPayment, Payment, PaymentMethod, PaymentStatus
from payments.providers import Refusal
from payments.services import pay_by_account, payment_start
from payments.sweeps import CHECK_UNFINISHED_PAYMENTS
from tests.claims.drafting.factories import complete_draft_data
from tests.conftest import uk
from tests.firm_factories import make_firm, make_member

pytestmark = pytest.mark.django_db

PAYS = "PBA0012345"
NO_CREDIT = "PBA0010002"
ON_HOLD = "PBA0010003"
TIMES_OUT = "PBA0010004"
UNKNOWN = "PBA0010005"


@pytest.fixture(autouse=True)
def _no_faults_left():
    fake_fee_accounts.clear_faults()
    yield
    fake_fee_accounts.clear_faults()


@pytest.fixture
def firm():
    return make_firm("Able & Co LLP")


@pytest.fixture
def firm_admin(firm):
    return make_member(firm, name="Ada Admin", admin=True, solicitor=False)


@pytest.fixture
def solicitor(firm):
    return make_member(firm, name="Sol Smith")


@pytest.fixture
def caseworker(make_user):
    ensure_staff_groups()  # a transactional test before this one may have emptied the table
    user = make_user(is_staff=True)
    user.groups.set([Group.objects.get(name="caseworker")])
    return user


def approved(firm, admin, caseworker, number: str = PAYS, name: str = "") -> FeeAccount:
    account = record_fee_account(actor=admin, pba_number=number, name=name)
    return approve_fee_account(actor=caseworker, fee_account_id=account.pk)


def represented_claim(firm, solicitor, reference: str = "ABL/123") -> Claim:
    """A submitted claim made by the firm (built through the services, then given its firm), assigned to the
    solicitor who made it."""
    claim = services.claim_draft_create(owner=solicitor, data=complete_draft_data())
    services.claim_submit(claim_id=claim.pk, actor=solicitor, signed_name="Sol Smith")
    Claim.objects.filter(pk=claim.pk).update(claimant_firm=firm, claimant_reference=reference)
    claim.refresh_from_db()
    assignments.assign_creator(claim, user=solicitor)
    assert claim.state == ClaimState.AWAITING_FEE
    return claim


# --- Recording and deciding fee accounts ---------------------------------------------------------------


def test_the_firm_admin_records_an_account_and_its_admins_are_told(firm, firm_admin):
    other_admin = make_member(firm, admin=True)
    account = record_fee_account(actor=firm_admin, pba_number=" pba 001-2345 ", name="Litigation")
    assert account.pba_number == PAYS and account.state == FeeAccountState.PENDING and account.firm == firm
    assert account.recorded_by == firm_admin
    told = Notification.objects.filter(kind="fee_account_recorded")
    assert sorted(told.values_list("to_email", flat=True)) == sorted([firm_admin.email, other_admin.email])
    assert "PBA0012345" in told.first().subject


@pytest.mark.parametrize("number", ["PBA123456", "PBA12345678", "XBA1234567", "PBA12345X7", ""])
def test_a_pba_number_must_be_pba_and_7_digits(firm_admin, number):
    with pytest.raises(FeeAccountError, match="correct format"):
        record_fee_account(actor=firm_admin, pba_number=number)
    assert not FeeAccount.objects.exists()


def test_the_database_refuses_a_badly_formed_pba_number(firm):
    with pytest.raises(IntegrityError), transaction.atomic():
        FeeAccount.objects.create(firm=firm, pba_number="PBA12")


def test_a_solicitor_who_is_not_the_admin_cannot_record_an_account(solicitor):
    with pytest.raises(FeeAccountError, match="administrator"):
        record_fee_account(actor=solicitor, pba_number=PAYS)
    assert not FeeAccount.objects.exists()


def test_the_admin_of_a_firm_not_yet_approved_cannot_record_one():
    pending = make_firm(state=FirmState.PENDING)
    admin = make_member(pending, admin=True)
    with pytest.raises(FeeAccountError):
        record_fee_account(actor=admin, pba_number=PAYS)


def test_a_live_pba_number_is_recorded_once_and_again_once_withdrawn(firm, firm_admin):
    other_admin = make_member(make_firm(), admin=True)
    account = record_fee_account(actor=firm_admin, pba_number=PAYS)
    assert record_fee_account(actor=firm_admin, pba_number=PAYS) == account, "the firm's own: a double submit"
    assert FeeAccount.objects.count() == 1
    with pytest.raises(FeeAccountError, match="already recorded"):
        record_fee_account(actor=other_admin, pba_number=PAYS)
    withdraw_fee_account(actor=firm_admin, fee_account_id=account.pk)
    again = record_fee_account(actor=firm_admin, pba_number=PAYS)
    assert again.pk != account.pk and again.state == FeeAccountState.PENDING


def test_the_database_keeps_one_live_account_per_pba_number(firm, firm_admin):
    record_fee_account(actor=firm_admin, pba_number=PAYS)
    with pytest.raises(IntegrityError), transaction.atomic():
        FeeAccount.objects.create(firm=make_firm(), pba_number=PAYS)


def test_staff_approve_and_the_admins_are_told(firm, firm_admin, caseworker):
    account = approved(firm, firm_admin, caseworker)
    assert account.state == FeeAccountState.APPROVED and account.decided_by == caseworker
    assert account.decided_at is not None
    email = Notification.objects.get(kind="fee_account_approved")
    assert email.to_email == firm_admin.email and "approved" in email.subject


def test_staff_reject_with_a_reason_the_admins_read(firm, firm_admin, caseworker):
    account = record_fee_account(actor=firm_admin, pba_number=PAYS)
    with pytest.raises(FeeAccountError, match="why"):
        reject_fee_account(actor=caseworker, fee_account_id=account.pk, reason="  ")
    account = reject_fee_account(actor=caseworker, fee_account_id=account.pk, reason="Not this firm's account")
    assert account.state == FeeAccountState.REJECTED and account.decision_reason == "Not this firm's account"
    assert "Not this firm's account" in Notification.objects.get(kind="fee_account_rejected").body
    with pytest.raises(FeeAccountError, match="cannot be approved"):
        approve_fee_account(actor=caseworker, fee_account_id=account.pk)


def test_only_staff_who_decide_fee_accounts_decide_them(firm, firm_admin, make_user):
    account = record_fee_account(actor=firm_admin, pba_number=PAYS)
    judge = make_user(is_staff=True)
    judge.groups.set([Group.objects.get(name="judge")])
    for actor in (firm_admin, judge):
        with pytest.raises(FeeAccountError):
            approve_fee_account(actor=actor, fee_account_id=account.pk)
    account.refresh_from_db()
    assert account.state == FeeAccountState.PENDING


def test_the_admin_withdraws_only_their_own_firms_account(firm, firm_admin, caseworker):
    account = approved(firm, firm_admin, caseworker)
    stranger = make_member(make_firm(), admin=True)
    with pytest.raises(FeeAccountError, match="another firm"):
        withdraw_fee_account(actor=stranger, fee_account_id=account.pk)
    account = withdraw_fee_account(actor=firm_admin, fee_account_id=account.pk)
    assert account.state == FeeAccountState.WITHDRAWN
    assert Notification.objects.filter(kind="fee_account_withdrawn").count() == 1
    withdraw_fee_account(actor=firm_admin, fee_account_id=account.pk)  # a second press changes nothing
    assert Notification.objects.filter(kind="fee_account_withdrawn").count() == 1


# --- Paying from a fee account: the service ------------------------------------------------------------


def test_paying_from_an_approved_account_issues_the_claim_with_the_reference(firm, firm_admin, solicitor,
                                                                            caseworker, travel):
    travel(uk(2027, 3, 3, 11, 0))
    account = approved(firm, firm_admin, caseworker)
    claim = represented_claim(firm, solicitor)
    payment = pay_by_account(claim_id=claim.pk, actor=solicitor, fee_account_id=account.pk,
                             idempotency_key=uuid.uuid4())
    assert payment.status == PaymentStatus.SUCCESS and payment.method == PaymentMethod.FEE_ACCOUNT
    assert payment.pba_number == PAYS and payment.customer_reference == "ABL/123" and payment.fee_account == account
    claim.refresh_from_db()
    assert claim.state == ClaimState.ISSUED and claim.issue_date == date(2027, 3, 3)
    charge = FakeFeeAccountPayment.objects.get()
    assert charge.customer_reference == "ABL/123" and charge.pba_number == PAYS
    assert charge.amount_pence == int(claim.fee * 100) and charge.reference == str(claim.public_id)
    assert payment.reference == charge.provider_id
    paid = claim.events.get(kind="fee_paid")
    assert "from the claimant's legal representative's fee account" in paid.summary
    assert PAYS not in paid.summary and paid.data["pba_number"] == PAYS, "the timeline is read by both parties"
    assert claim.events.filter(kind="claim_issued").count() == 1


@pytest.mark.parametrize(("number", "refusal", "words"), [
    (NO_CREDIT, Refusal.NO_CREDIT, "not enough credit"),
    (ON_HOLD, Refusal.ON_HOLD, "on hold"),
    (UNKNOWN, Refusal.UNKNOWN, "does not recognise"),
])
def test_a_refused_payment_leaves_the_claim_to_be_paid(firm, firm_admin, solicitor, caseworker, number, refusal,
                                                       words):
    account = approved(firm, firm_admin, caseworker, number)
    claim = represented_claim(firm, solicitor)
    payment = pay_by_account(claim_id=claim.pk, actor=solicitor, fee_account_id=account.pk,
                             idempotency_key=uuid.uuid4())
    assert payment.status == PaymentStatus.FAILED and words in payment.failure_reason
    assert FakeFeeAccountPayment.objects.get().refusal == refusal
    claim.refresh_from_db()
    assert claim.state == ClaimState.AWAITING_FEE and payment.check_at is None


def test_refused_then_paid_from_another_account(firm, firm_admin, solicitor, caseworker):
    empty = approved(firm, firm_admin, caseworker, NO_CREDIT)
    good = approved(firm, firm_admin, caseworker, PAYS)
    claim = represented_claim(firm, solicitor)
    first = pay_by_account(claim_id=claim.pk, actor=solicitor, fee_account_id=empty.pk, idempotency_key=uuid.uuid4())
    second = pay_by_account(claim_id=claim.pk, actor=solicitor, fee_account_id=good.pk, idempotency_key=uuid.uuid4())
    assert first.status == PaymentStatus.FAILED and second.status == PaymentStatus.SUCCESS
    assert second.pba_number == PAYS
    claim.refresh_from_db()
    assert claim.state == ClaimState.ISSUED


def test_the_same_key_twice_charges_once(firm, firm_admin, solicitor, caseworker):
    account = approved(firm, firm_admin, caseworker)
    claim = represented_claim(firm, solicitor)
    key = uuid.uuid4()
    first = pay_by_account(claim_id=claim.pk, actor=solicitor, fee_account_id=account.pk, idempotency_key=key)
    second = pay_by_account(claim_id=claim.pk, actor=solicitor, fee_account_id=account.pk, idempotency_key=key)
    assert first.pk == second.pk and Payment.objects.count() == 1 and FakeFeeAccountPayment.objects.count() == 1
    assert claim.events.filter(kind="fee_paid").count() == 1


def test_the_test_service_answers_a_key_it_has_seen_with_its_first_answer():
    service = fake_fee_accounts.FakeFeeAccountService()
    args = {"pba_number": PAYS, "amount_pence": 8000, "reference": "r", "customer_reference": "c"}
    first = service.pay_by_account(**args, idempotency_key="k1")
    again = service.pay_by_account(**{**args, "pba_number": NO_CREDIT}, idempotency_key="k1")
    assert first == again and first.paid
    assert FakeFeeAccountPayment.objects.count() == 1
    assert not service.pay_by_account(**{**args, "pba_number": NO_CREDIT}, idempotency_key="k2").paid


def test_only_someone_who_may_pay_asks_the_service_again(firm, firm_admin, solicitor, caseworker):
    account = approved(firm, firm_admin, caseworker, TIMES_OUT)
    claim = represented_claim(firm, solicitor)
    pay_by_account(claim_id=claim.pk, actor=solicitor, fee_account_id=account.pk, idempotency_key=uuid.uuid4())
    reader = make_member(firm, solicitor=False, sees_all=True)  # sees the claim, acts on nothing
    with pytest.raises(NotAllowed):
        pay_by_account(claim_id=claim.pk, actor=reader, fee_account_id=account.pk, idempotency_key=uuid.uuid4())
    assert FakeFeeAccountPayment.objects.count() == 1


def test_a_timeout_stays_in_progress_until_the_sweep_asks_again(firm, firm_admin, solicitor, caseworker, travel):
    travel(uk(2027, 3, 3, 15, 58))
    account = approved(firm, firm_admin, caseworker, TIMES_OUT)
    claim = represented_claim(firm, solicitor)
    payment = pay_by_account(claim_id=claim.pk, actor=solicitor, fee_account_id=account.pk,
                             idempotency_key=uuid.uuid4())
    assert payment.status == PaymentStatus.IN_PROGRESS and payment.check_at is not None and not payment.reference
    claim.refresh_from_db()
    assert claim.state == ClaimState.AWAITING_FEE
    travel(uk(2027, 3, 3, 16, 10))
    run = run_sweep(CHECK_UNFINISHED_PAYMENTS)
    assert run.changed == 1
    payment.refresh_from_db()
    claim.refresh_from_db()
    assert payment.status == PaymentStatus.SUCCESS and payment.check_at is None
    assert FakeFeeAccountPayment.objects.count() == 1, "asked again with the same key: charged once"
    # Paid when the money was taken (before 4pm), not when the sweep heard of it.
    assert claim.state == ClaimState.ISSUED and claim.issue_date == date(2027, 3, 3)


def test_no_answer_at_all_is_asked_again_and_then_charged_once(firm, firm_admin, solicitor, caseworker, travel):
    account = approved(firm, firm_admin, caseworker)
    claim = represented_claim(firm, solicitor)
    key = uuid.uuid4()
    fake_fee_accounts.inject("timeout")
    payment = pay_by_account(claim_id=claim.pk, actor=solicitor, fee_account_id=account.pk, idempotency_key=key)
    assert payment.status == PaymentStatus.IN_PROGRESS and not FakeFeeAccountPayment.objects.exists()
    fake_fee_accounts.inject("error")
    travel(uk(2026, 11, 10, 11, 6))
    assert run_sweep(CHECK_UNFINISHED_PAYMENTS).changed == 0  # still no answer: asked again later
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.IN_PROGRESS and payment.check_at > uk(2026, 11, 10, 11, 6)
    # The solicitor presses again on a fresh page (a new key): the payment in progress is settled instead.
    again = pay_by_account(claim_id=claim.pk, actor=solicitor, fee_account_id=account.pk, idempotency_key=uuid.uuid4())
    assert again.pk == payment.pk and again.status == PaymentStatus.SUCCESS
    assert Payment.objects.count() == 1 and FakeFeeAccountPayment.objects.count() == 1


def test_a_payment_in_progress_is_never_moved_to_another_account(firm, firm_admin, solicitor, caseworker):
    slow = approved(firm, firm_admin, caseworker, TIMES_OUT)
    other = approved(firm, firm_admin, caseworker, PAYS)
    claim = represented_claim(firm, solicitor)
    pay_by_account(claim_id=claim.pk, actor=solicitor, fee_account_id=slow.pk, idempotency_key=uuid.uuid4())
    again = pay_by_account(claim_id=claim.pk, actor=solicitor, fee_account_id=other.pk, idempotency_key=uuid.uuid4())
    assert again.pba_number == TIMES_OUT and again.status == PaymentStatus.SUCCESS
    assert list(FakeFeeAccountPayment.objects.values_list("pba_number", flat=True)) == [TIMES_OUT]


@pytest.mark.parametrize("state", ["pending", "rejected", "withdrawn", "other_firm"])
def test_only_an_approved_account_of_the_claims_firm_pays(firm, firm_admin, solicitor, caseworker, state):
    claim = represented_claim(firm, solicitor)
    if state == "other_firm":
        other = make_firm()
        account = approved(other, make_member(other, admin=True), caseworker)
    else:
        account = record_fee_account(actor=firm_admin, pba_number=PAYS)
        if state == "rejected":
            reject_fee_account(actor=caseworker, fee_account_id=account.pk, reason="No")
        elif state == "withdrawn":
            withdraw_fee_account(actor=firm_admin, fee_account_id=account.pk)
    with pytest.raises(ClaimError, match="approved fee accounts"):
        pay_by_account(claim_id=claim.pk, actor=solicitor, fee_account_id=account.pk, idempotency_key=uuid.uuid4())
    assert not Payment.objects.exists() and not FakeFeeAccountPayment.objects.exists()


def test_a_firm_member_without_the_solicitor_role_cannot_pay(firm, firm_admin, caseworker, solicitor):
    account = approved(firm, firm_admin, caseworker)
    claim = represented_claim(firm, solicitor)
    reader = make_member(firm, solicitor=False, sees_all=True)
    with pytest.raises(NotAllowed):
        pay_by_account(claim_id=claim.pk, actor=reader, fee_account_id=account.pk, idempotency_key=uuid.uuid4())
    assert not Payment.objects.exists()


def test_a_claim_made_in_person_is_not_paid_from_a_fee_account(firm, firm_admin, caseworker, make_user):
    account = approved(firm, firm_admin, caseworker)
    owner = make_user()
    claim = services.claim_draft_create(owner=owner, data=complete_draft_data())
    services.claim_submit(claim_id=claim.pk, actor=owner, signed_name="Clara Claimant")
    with pytest.raises(ClaimError, match="firm of solicitors"):
        pay_by_account(claim_id=claim.pk, actor=owner, fee_account_id=account.pk, idempotency_key=uuid.uuid4())


# --- The pages ------------------------------------------------------------------------------------------


def _pay_url(claim: Claim) -> str:
    return reverse("payments:fee_account", args=[claim.public_id])


def test_the_fee_page_sends_a_represented_claim_to_its_fee_accounts(client, firm, solicitor):
    claim = represented_claim(firm, solicitor)
    client.force_login(solicitor)
    page = client.get(reverse("claims:fee", args=[claim.public_id]))
    assert page.status_code == 302 and page["Location"] == _pay_url(claim)


def test_the_pay_page_shows_the_approved_accounts_the_fee_and_the_reference(client, firm, firm_admin, solicitor,
                                                                           caseworker):
    approved(firm, firm_admin, caseworker, PAYS, name="Litigation")
    record_fee_account(actor=firm_admin, pba_number="PBA0099999")  # pending: not offered
    claim = represented_claim(firm, solicitor)
    client.force_login(solicitor)
    page = client.get(_pay_url(claim))
    html = page.content.decode()
    assert page.status_code == 200
    assert "PBA0012345 (Litigation)" in html and "PBA0099999" not in html
    assert "ABL/123" in html and f"£{claim.fee_due}" in html
    assert 'type="radio"' in html and 'name="idempotency_key"' in html
    assert "Help with Fees" not in html


def test_a_double_post_pays_once_and_shows_the_confirmation(client, firm, firm_admin, solicitor, caseworker):
    account = approved(firm, firm_admin, caseworker)
    claim = represented_claim(firm, solicitor)
    client.force_login(solicitor)
    data = {"fee_account": account.pk, "idempotency_key": str(uuid.uuid4())}
    first = client.post(_pay_url(claim), data)
    second = client.post(_pay_url(claim), data)
    done = reverse("payments:fee_account_paid", args=[claim.public_id])
    assert first.status_code == 302 and first["Location"] == done
    assert second.status_code == 302 and second["Location"] == done
    assert Payment.objects.count() == 1 and FakeFeeAccountPayment.objects.count() == 1
    html = client.get(done).content.decode()
    claim.refresh_from_db()
    assert claim.claim_number in html and PAYS in html and "ABL/123" in html
    assert Payment.objects.get().reference in html


def test_a_refusal_is_shown_in_the_error_summary_and_another_account_pays(client, firm, firm_admin, solicitor,
                                                                         caseworker):
    on_hold = approved(firm, firm_admin, caseworker, ON_HOLD)
    good = approved(firm, firm_admin, caseworker, PAYS)
    claim = represented_claim(firm, solicitor)
    client.force_login(solicitor)
    key = str(uuid.uuid4())
    refused = client.post(_pay_url(claim), {"fee_account": on_hold.pk, "idempotency_key": key})
    html = refused.content.decode()
    assert refused.status_code == 200
    assert "govuk-error-summary" in html and "This fee account is on hold" in html and ON_HOLD in html
    assert "No money has been taken" in html and "<title>Error:" in html
    assert key not in html, "another attempt gets a new key"
    claim.refresh_from_db()
    assert claim.state == ClaimState.AWAITING_FEE
    paid = client.post(_pay_url(claim), {"fee_account": good.pk, "idempotency_key": str(uuid.uuid4())})
    assert paid.status_code == 302
    claim.refresh_from_db()
    assert claim.state == ClaimState.ISSUED


def test_choosing_no_account_is_an_error_summary(client, firm, firm_admin, solicitor, caseworker):
    approved(firm, firm_admin, caseworker)
    claim = represented_claim(firm, solicitor)
    client.force_login(solicitor)
    page = client.post(_pay_url(claim), {"idempotency_key": str(uuid.uuid4())})
    html = page.content.decode()
    assert page.status_code == 200 and "Choose the fee account to pay from" in html and "govuk-error-summary" in html
    assert not Payment.objects.exists()


def test_a_timeout_shows_we_are_checking_and_checking_again_pays_once(client, firm, firm_admin, solicitor,
                                                                     caseworker):
    account = approved(firm, firm_admin, caseworker, TIMES_OUT)
    claim = represented_claim(firm, solicitor)
    client.force_login(solicitor)
    posted = client.post(_pay_url(claim), {"fee_account": account.pk, "idempotency_key": str(uuid.uuid4())})
    assert posted.status_code == 302 and posted["Location"] == _pay_url(claim)
    checking = client.get(_pay_url(claim)).content.decode()
    payment = Payment.objects.get()
    assert "We are checking your payment" in checking and str(payment.idempotency_key) in checking
    again = client.post(_pay_url(claim), {"idempotency_key": str(payment.idempotency_key)})
    assert again.status_code == 302 and again["Location"] == reverse("payments:fee_account_paid",
                                                                     args=[claim.public_id])
    assert FakeFeeAccountPayment.objects.count() == 1
    claim.refresh_from_db()
    assert claim.state == ClaimState.ISSUED


def test_the_pay_page_of_a_paid_claim_goes_to_the_confirmation(client, firm, firm_admin, solicitor, caseworker):
    account = approved(firm, firm_admin, caseworker)
    claim = represented_claim(firm, solicitor)
    pay_by_account(claim_id=claim.pk, actor=solicitor, fee_account_id=account.pk, idempotency_key=uuid.uuid4())
    client.force_login(solicitor)
    page = client.get(_pay_url(claim))
    assert page.status_code == 302 and page["Location"].endswith("/fee-account/paid/")


def test_another_firms_solicitor_gets_404_on_the_pay_page(client, firm, solicitor):
    claim = represented_claim(firm, solicitor)
    stranger = make_member(make_firm())
    client.force_login(stranger)
    assert client.get(_pay_url(claim)).status_code == 404
    assert client.get(reverse("payments:fee_account_paid", args=[claim.public_id])).status_code == 404


def test_the_defendants_side_never_sees_how_the_fee_was_paid(client, firm, firm_admin, solicitor, caseworker):
    """The defendant's firm reads the issued claim, but its fee-account pages are 404 and the claim's page and
    timeline never name the claimant firm's fee account."""
    account = approved(firm, firm_admin, caseworker)
    defence = make_firm("Baker Defence LLP")
    reader = make_member(defence, admin=True, sees_all=True)
    claim = represented_claim(firm, solicitor)
    Claim.objects.filter(pk=claim.pk).update(defendant_firm=defence, defendant_representation="registered")
    pay_by_account(claim_id=claim.pk, actor=solicitor, fee_account_id=account.pk, idempotency_key=uuid.uuid4())
    client.force_login(reader)
    detail = client.get(reverse("claims:detail", args=[claim.public_id]))
    assert detail.status_code == 200 and PAYS not in detail.content.decode()
    assert client.get(_pay_url(claim)).status_code == 404
    assert client.get(reverse("payments:fee_account_paid", args=[claim.public_id])).status_code == 404
    client.force_login(solicitor)
    assert client.get(reverse("payments:fee_account_paid", args=[claim.public_id])).status_code == 200


def test_a_claim_made_in_person_has_no_fee_account_page(client, make_user):
    owner = make_user()
    claim = services.claim_draft_create(owner=owner, data=complete_draft_data())
    services.claim_submit(claim_id=claim.pk, actor=owner, signed_name="Clara Claimant")
    client.force_login(owner)
    assert client.get(_pay_url(claim)).status_code == 404
    assert client.get(reverse("claims:fee", args=[claim.public_id])).status_code == 200


def test_the_admin_lists_records_and_withdraws_accounts(client, firm, firm_admin, caseworker):
    approved(firm, firm_admin, caseworker, PAYS)
    client.force_login(firm_admin)
    listing = client.get(reverse("fee_accounts:list")).content.decode()
    assert PAYS in listing and "Approved" in listing
    bad = client.post(reverse("fee_accounts:add"), {"pba_number": "PBA12"})
    assert bad.status_code == 200 and "govuk-error-summary" in bad.content.decode()
    assert "correct format" in bad.content.decode()
    other = make_member(make_firm(), admin=True)
    client.force_login(other)
    dup = client.post(reverse("fee_accounts:add"), {"pba_number": PAYS})
    assert "already recorded" in dup.content.decode()
    client.force_login(firm_admin)
    added = client.post(reverse("fee_accounts:add"), {"pba_number": "pba0054321", "name": "Costs"})
    assert added.status_code == 302 and added["Location"] == reverse("fee_accounts:list")
    new = FeeAccount.objects.get(pba_number="PBA0054321")
    assert new.state == FeeAccountState.PENDING and new.name == "Costs"
    listing = client.get(reverse("fee_accounts:list")).content.decode()
    assert "Waiting for the court to approve it" in listing
    assert client.get(reverse("fee_accounts:withdraw", args=[new.pk])).status_code == 200
    gone = client.post(reverse("fee_accounts:withdraw", args=[new.pk]))
    assert gone.status_code == 302
    new.refresh_from_db()
    assert new.state == FeeAccountState.WITHDRAWN


def test_only_the_firms_admin_sees_the_fee_account_pages(client, firm, firm_admin, solicitor):
    account = record_fee_account(actor=firm_admin, pba_number=PAYS)
    other_admin = make_member(make_firm(), admin=True)
    client.force_login(solicitor)
    assert client.get(reverse("fee_accounts:list")).status_code == 404
    assert client.get(reverse("fee_accounts:add")).status_code == 404
    assert client.post(reverse("fee_accounts:withdraw", args=[account.pk])).status_code == 404
    client.force_login(other_admin)  # their own firm's list, without this account; this one is not there
    own = client.get(reverse("fee_accounts:list"))
    assert own.status_code == 200 and PAYS not in own.content.decode()
    assert client.get(reverse("fee_accounts:withdraw", args=[account.pk])).status_code == 404
    assert client.post(reverse("fee_accounts:withdraw", args=[account.pk])).status_code == 404
    account.refresh_from_db()
    assert account.state == FeeAccountState.PENDING


def test_staff_approve_and_reject_in_the_admin(client, firm, firm_admin, caseworker):
    first = record_fee_account(actor=firm_admin, pba_number=PAYS)
    second = record_fee_account(actor=firm_admin, pba_number="PBA0054321")
    approve_fee_account(actor=caseworker, fee_account_id=first.pk)
    third = record_fee_account(actor=firm_admin, pba_number="PBA0077777")
    client.force_login(caseworker)
    listing = client.get(reverse("admin:accounts_feeaccount_changelist")).content.decode()
    assert listing.index("PBA0054321") < listing.index(PAYS), "waiting for a decision first"
    assert listing.index("PBA0077777") < listing.index(PAYS)
    page = client.get(reverse("admin:accounts_feeaccount_approve", args=[second.pk]))
    assert page.status_code == 200 and "PBA0054321" in page.content.decode()
    assert client.post(reverse("admin:accounts_feeaccount_approve", args=[second.pk])).status_code == 302
    blank = client.post(reverse("admin:accounts_feeaccount_reject", args=[third.pk]), {"reason": ""})
    assert blank.status_code == 200 and "Enter why the fee account is rejected" in blank.content.decode()
    done = client.post(reverse("admin:accounts_feeaccount_reject", args=[third.pk]), {"reason": "Not theirs"})
    assert done.status_code == 302
    second.refresh_from_db()
    third.refresh_from_db()
    assert second.state == FeeAccountState.APPROVED and third.state == FeeAccountState.REJECTED
    assert third.decision_reason == "Not theirs"


def test_a_legal_adviser_cannot_decide_fee_accounts(client, firm, firm_admin, make_user):
    account = record_fee_account(actor=firm_admin, pba_number=PAYS)
    adviser = make_user(is_staff=True)
    adviser.groups.set([Group.objects.get(name="legal_adviser")])
    client.force_login(adviser)
    response = client.post(reverse("admin:accounts_feeaccount_approve", args=[account.pk]))
    assert response.status_code in (403, 404)
    account.refresh_from_db()
    assert account.state == FeeAccountState.PENDING


def test_no_card_payment_starts_while_a_fee_account_payment_is_in_progress(firm, firm_admin, solicitor, caseworker):
    account = approved(firm, firm_admin, caseworker, TIMES_OUT)
    claim = represented_claim(firm, solicitor)
    fake_fee_accounts.inject("timeout")
    pay_by_account(claim_id=claim.pk, actor=solicitor, fee_account_id=account.pk, idempotency_key=uuid.uuid4())
    with pytest.raises(ClaimError, match="fee account is in progress"):
        payment_start(claim_id=claim.pk, actor=solicitor, idempotency_key=uuid.uuid4())
    assert Payment.objects.count() == 1 and not FakeCardPayment.objects.exists()


def test_a_represented_claim_can_still_be_paid_by_card(firm, solicitor):
    claim = represented_claim(firm, solicitor)
    payment = payment_start(claim_id=claim.pk, actor=solicitor, idempotency_key=uuid.uuid4())
    assert payment.method == PaymentMethod.CARD and payment.status == PaymentStatus.IN_PROGRESS
    assert payment.pba_number == "" and payment.fee_account is None


def test_a_refusal_the_sweep_heard_of_is_shown_on_the_pay_page(client, firm, firm_admin, solicitor, caseworker,
                                                              travel):
    account = approved(firm, firm_admin, caseworker, NO_CREDIT)
    claim = represented_claim(firm, solicitor)
    fake_fee_accounts.inject("timeout")
    pay_by_account(claim_id=claim.pk, actor=solicitor, fee_account_id=account.pk, idempotency_key=uuid.uuid4())
    travel(uk(2026, 11, 10, 11, 6))
    assert run_sweep(CHECK_UNFINISHED_PAYMENTS).changed == 1
    assert Payment.objects.get().status == PaymentStatus.FAILED
    client.force_login(solicitor)
    page = client.get(_pay_url(claim)).content.decode()
    assert "was refused: There is not enough credit on this fee account" in page and NO_CREDIT in page
    assert "We are checking" not in page


def test_the_issue_receipt_shows_the_pba_number_and_the_firms_reference(firm, firm_admin, solicitor, caseworker):
    account = approved(firm, firm_admin, caseworker)
    claim = represented_claim(firm, solicitor, reference="ABL/123")
    payment = pay_by_account(claim_id=claim.pk, actor=solicitor, fee_account_id=account.pk,
                             idempotency_key=uuid.uuid4())
    receipt = ClaimDocument.objects.get(claim=claim, kind=DocumentKind.ISSUE_RECEIPT)
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", render_html(*context_for(receipt))))
    assert f"Court fee from fee account {PAYS} (your reference ABL/123) {payment.reference}" in text


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_submits_at_the_same_moment_charge_the_account_once(firm, firm_admin, solicitor, caseworker):
    account = approved(firm, firm_admin, caseworker)
    claim = represented_claim(firm, solicitor)
    barrier = threading.Barrier(4)
    errors: list[BaseException] = []
    keys = [uuid.uuid4()] * 2 + [uuid.uuid4(), uuid.uuid4()]  # a double submit, and two more tabs

    def submit(key: uuid.UUID) -> None:
        try:
            barrier.wait()
            pay_by_account(claim_id=claim.pk, actor=solicitor, fee_account_id=account.pk, idempotency_key=key)
        except ClaimError:
            pass  # a tab that lost the race may be told the claim is paid
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit, args=(key,)) for key in keys]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert Payment.objects.filter(status=PaymentStatus.SUCCESS).count() == 1
    assert FakeFeeAccountPayment.objects.count() == 1
    claim.refresh_from_db()
    assert claim.state == ClaimState.ISSUED and claim.events.filter(kind="fee_paid").count() == 1
