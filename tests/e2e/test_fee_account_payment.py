"""A firm pays a claim's fee from its fee account, in a browser, with axe on every page: the firm's
administrator records the account, a caseworker approves it in the admin, and a solicitor of the firm pays a
submitted claim the firm made from it; the claim is issued.

Everyone is signed in by their session cookie (``client.force_login``): signing in is not what this tests.
"""
from __future__ import annotations

from unittest import mock

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import Page, expect

from accounts.groups import ensure_staff_groups
from accounts.models import FeeAccount, FeeAccountState
from claims.constants import ClaimState
from documents.tasks import render_document
from payments.models import FakeFeeAccountPayment, Payment, PaymentStatus
from tests.firm_factories import make_firm, make_member
from tests.payments.test_fee_accounts import represented_claim

from .axe import assert_accessible
from .judgments_e2e import Party
from .test_defended_journeys import staff_user

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def act_as(party: Party, user) -> None:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    party.page.context.clear_cookies()
    party.page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "url": party.base_url,
                                     "value": client.cookies[settings.SESSION_COOKIE_NAME].value}])


def test_a_firm_records_a_fee_account_the_court_approves_it_and_a_claim_is_paid_from_it(
        page: Page, live_server, make_user):
    ensure_staff_groups()
    firm = make_firm("Able & Co LLP")
    admin = make_member(firm, name="Ada Admin", admin=True, solicitor=False)
    solicitor = make_member(firm, name="Sol Smith")
    caseworker = staff_user(make_user, "caseworker", "Casey Worker")
    claim = represented_claim(firm, solicitor, reference="ABL/123")
    party = Party(page, live_server.url)

    # The firm's administrator records the account (a mistake first).
    act_as(party, admin)
    party.go("/firm/fee-accounts/")
    party.on("Fee accounts", "the firm's fee accounts, none yet")
    party.click("Record a fee account", role="link")
    party.on("Record a fee account", "record a fee account")
    party.fill("pba_number", "PBA12")
    party.click("Record the fee account")
    party.errors("Enter a PBA number in the correct format, like PBA0012345", context="record a fee account")
    party.fill("pba_number", "PBA0012345")
    party.fill("name", "Litigation")
    party.click("Record the fee account")
    party.on("Fee accounts", "the firm's fee accounts, one waiting for the court")
    expect(page.locator(f"#account-{FeeAccount.objects.get().pk}")).to_contain_text(
        "Waiting for the court to approve it")

    # A caseworker approves it.
    account = FeeAccount.objects.get()
    act_as(party, caseworker)
    party.go("/admin/accounts/feeaccount/")
    page.get_by_role("link", name="Approve", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Approve fee account PBA0012345")
    assert_accessible(page, "the approve step", within=["#content-main"])
    page.get_by_role("button", name="Approve the fee account").click()
    expect(page.locator("#result_list")).to_contain_text("Approved")
    account.refresh_from_db()
    assert account.state == FeeAccountState.APPROVED

    # A solicitor of the firm pays the claim from it (forgetting to choose first).
    act_as(party, solicitor)
    party.go(f"/claims/{claim.public_id}/fee/")
    party.on("Pay the court fee from a fee account", "pay from a fee account")
    party.sees("ABL/123", "PBA0012345 (Litigation)")
    party.click(f"Pay £{claim.fee_due}")
    party.errors("Choose the fee account to pay from", context="pay from a fee account")
    party.choose("fee_account", str(account.pk))
    with mock.patch.object(render_document, "delay"):  # the claim's PDFs are the worker's
        party.click(f"Pay £{claim.fee_due}")
        party.on("Payment received", "the fee paid from the fee account")
    party.sees("PBA0012345", "ABL/123")

    claim.refresh_from_db()
    assert claim.state == ClaimState.ISSUED
    party.sees(claim.claim_number)
    payment = Payment.objects.get()
    assert payment.status == PaymentStatus.SUCCESS and payment.customer_reference == "ABL/123"
    assert FakeFeeAccountPayment.objects.get().customer_reference == "ABL/123"
