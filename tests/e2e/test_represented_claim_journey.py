"""A solicitor makes a claim for a client against a defendant in person, in a browser: the representatives'
eligibility checker, the claim form's task list, check your answers with the fixed costs, and the statement of
truth in the representative's words; then pays the fee from the firm's fee account, the claim is issued with the
defendant's 28 days (DEF-REP), and it is on the firm's dashboard. axe checks every page, including error states.
The solicitor signs in by session cookie (signing in is not what this test is about)."""
from __future__ import annotations

import re
from decimal import Decimal
from unittest import mock

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from playwright.sync_api import Page, expect

from accounts.models import FeeAccount, FeeAccountState
from claims.constants import ClaimState, DefendantRepresentation
from claims.models import CaseAssignment, Claim
from documents.tasks import render_document
from payments.models import Payment, PaymentStatus
from rules.eligibility_represented import REPRESENTED
from tests.claims.represented_data import ELIGIBILITY_IN_PERSON
from tests.conftest import uk
from tests.firm_factories import make_firm, make_member

from .axe import assert_accessible

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def continue_(page: Page) -> None:
    page.get_by_role("button", name="Continue", exact=True).click()


def save(page: Page) -> None:
    page.get_by_role("button", name="Save and continue").click()


def errors_shown(page: Page, what: str, text: str = "") -> None:
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    if text:
        expect(summary).to_contain_text(text)
    assert_accessible(page, what)


def test_a_solicitor_makes_a_claim_for_a_client_against_a_defendant_in_person(page: Page, live_server):
    firm = make_firm("Able & Co Solicitors", address_line_1="1 Law Street", town="Leeds", postcode="LS1 4AB")
    solicitor = make_member(firm, name="Sol Icitor", mfa=True)
    account = FeeAccount.objects.create(firm=firm, pba_number="PBA0000001", name="Litigation",
                                        state=FeeAccountState.APPROVED)
    client = Client()
    client.force_login(solicitor)
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "url": live_server.url,
                               "value": client.cookies[settings.SESSION_COOKIE_NAME].value}])
    go = lambda name: page.goto(live_server.url + reverse(name))  # noqa: E731

    # -- eligibility: the citizen's start page points solicitors to their own questions ----------------------
    go("eligibility:start")
    assert_accessible(page, "eligibility start")
    page.get_by_role("link", name="make a claim for a client").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Make a claim for a client")
    assert_accessible(page, "make a claim for a client")
    page.get_by_role("button", name=re.compile("Start now")).click()
    continue_(page)  # nothing chosen
    errors_shown(page, "represented question with an error", "Select the total amount your client is claiming")
    for question in REPRESENTED.questions:
        if question.slug not in ELIGIBILITY_IN_PERSON:
            continue
        expect(page.get_by_role("heading", level=1)).to_have_text(question.text)
        page.locator(f"input[type=radio][value='{ELIGIBILITY_IN_PERSON[question.slug]}']").check()
        assert_accessible(page, f"represented eligibility: {question.slug}")
        continue_(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("You can make this claim for your client")
    expect(page.locator("#sent-out-warning")).to_have_count(0)
    assert_accessible(page, "represented eligible")
    page.get_by_role("button", name="Start the claim").click()

    # -- the claim form -----------------------------------------------------------------------------------------
    claim = Claim.objects.get(claimant_firm=firm)
    assert CaseAssignment.objects.filter(claim=claim, user=solicitor, ended_at__isnull=True).exists()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Make a money claim")
    assert_accessible(page, "represented task list")

    page.get_by_role("link", name="Your reference").click()
    save(page)
    errors_shown(page, "reference with an error", "Enter your reference for this claim")
    page.locator("#id_claimant_reference").fill("ABLE/2026/001")
    save(page)

    page.get_by_role("link", name="The claimant's details").click()
    assert_accessible(page, "claimant type")
    page.locator("input[name=type][value=company]").check()
    save(page)
    assert_accessible(page, "claimant details")
    page.locator("#id_name").fill("Widget Supplies Ltd")
    page.locator("#id_address_line1").fill("5 Mill Lane")
    page.locator("#id_town").fill("Bristol")
    page.locator("#id_postcode").fill("BS1 4ST")
    save(page)

    page.get_by_role("link", name="The claimant's address for service").click()
    save(page)
    errors_shown(page, "address for service with an error", "Select the claimant’s address for service")
    page.locator("input[name=service_address][value=firm]").check()
    save(page)

    page.get_by_role("link", name="The defendant's legal representative").click()
    assert_accessible(page, "defendant's legal representative")
    page.locator("input[name=defendant][value=none]").check()
    save(page)

    page.get_by_role("link", name="The defendant's details").click()
    page.locator("input[name=type][value=individual]").check()
    save(page)
    assert_accessible(page, "defendant details")
    page.locator("#id_full_name").fill("Dan Debtor")
    page.locator("#id_address_line1").fill("2 Low Road")
    page.locator("#id_town").fill("Cardiff")
    page.locator("#id_postcode").fill("CF10 1EP")
    save(page)

    page.get_by_role("link", name="Claim amount").click()
    page.locator("#id_items-0-description").fill("Unpaid invoices for widgets")
    page.locator("#id_items-0-amount").fill("25,000.01")
    save(page)
    errors_shown(page, "claim amount over £25,000", "£25,000.00")
    page.locator("#id_items-0-amount").fill("12,000.00")  # over the £10,000 of a claimant in person
    save(page)

    page.get_by_role("link", name="Interest").click()
    page.locator("input[name=choice][value=none]").check()
    save(page)

    page.get_by_role("link", name="Claim details").click()
    page.locator("#id_what_happened").fill("The defendant bought widgets from the claimant and has not paid.")
    save(page)
    save(page)
    save(page)

    # -- check your answers, the fixed costs and the representative's statement of truth -----------------------------
    page.get_by_role("link", name=re.compile("Check and submit")).click()
    main = page.locator("main")
    expect(main).to_contain_text("ABLE/2026/001")
    expect(main).to_contain_text("Able & Co Solicitors")
    expect(main).to_contain_text("£600.00")  # the fee on £12,000: 5%
    expect(main).to_contain_text("Legal representative’s costs on issue (fixed costs)")
    expect(main).to_contain_text("£110.00")  # over £5,000
    expect(main).to_contain_text("£12,710.00")  # 12,000 + fee 600 + fixed costs 110
    expect(page.locator("#statement-of-truth")).to_contain_text(
        "The claimant believes that the facts stated in this claim form are true.")
    assert_accessible(page, "represented check your answers")
    page.get_by_role("button", name="Submit claim").click()
    errors_shown(page, "statement of truth with errors", "Enter your position or office held")
    page.locator("input[name=believe]").check()
    page.locator("#id_signed_name").fill("Sol Icitor")
    page.locator("#id_signed_position").fill("Solicitor")
    page.get_by_role("button", name="Submit claim").click()

    # The fee step of a represented claim is paid from the firm's fee account.
    expect(page).to_have_url(re.compile(re.escape(f"/pay/claims/{claim.public_id}/fee-account/")))
    claim.refresh_from_db()
    assert claim.state == ClaimState.AWAITING_FEE
    assert claim.fixed_costs == Decimal("110.00") and claim.fee == Decimal("600.00")
    assert (claim.sot_signed_name, claim.sot_signed_position) == ("Sol Icitor", "Solicitor")
    assert claim.claimant_reference == "ABLE/2026/001"
    assert claim.defendant_representation == DefendantRepresentation.NONE

    # -- the fee, from the firm's fee account; the claim is issued and served by post -------------------------
    expect(page.get_by_role("heading", level=1)).to_have_text("Pay the court fee from a fee account")
    assert_accessible(page, "pay from a fee account")
    page.locator(f"input[name=fee_account][value='{account.pk}']").check()
    with mock.patch.object(render_document, "delay"):  # the claim's PDFs are the worker's
        page.get_by_role("button", name=re.compile(r"^Pay £")).click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Payment received")
    assert_accessible(page, "fee paid from the fee account")
    claim.refresh_from_db()
    assert claim.state == ClaimState.ISSUED and claim.claim_number
    payment = Payment.objects.get(claim=claim)
    assert payment.status == PaymentStatus.SUCCESS and payment.pba_number == "PBA0000001"
    assert payment.customer_reference == "ABLE/2026/001"
    # Issued on Tuesday 10 November 2026: the defendant in person has until 4pm on the 28th day (6A.2(1)).
    assert claim.response_deadline == uk(2026, 12, 8, 16, 0)

    # -- on the firm's dashboard, assigned to the solicitor who made it -------------------------------------------
    page.goto(live_server.url + reverse("casework:dashboard"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("cases")
    row = page.locator("tr", has_text=claim.claim_number)
    expect(row).to_contain_text("ABLE/2026/001")
    expect(row).to_contain_text("Widget Supplies Ltd")
    expect(row).to_contain_text("Dan Debtor")
    expect(row).to_contain_text("4pm on 8 December 2026")
    assert_accessible(page, "the firm's dashboard with the issued claim")
    row.get_by_role("link", name=re.compile(f"^{claim.claim_number}")).click()
    expect(page.locator("main")).to_contain_text(claim.claim_number)
    assert_accessible(page, "the issued represented claim")
