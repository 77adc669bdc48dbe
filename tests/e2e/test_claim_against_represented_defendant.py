"""A claim against a represented defendant, in a browser, with axe on every page: a solicitor of the claimant's
firm makes the claim, choosing the defendant's firm from the registered firms, and pays from the firm's fee
account; the court serves it through the website (PD 51R 4.3(6)); it is in the defendant's firm's "Unassigned"
list; the firm's administrator signs in (password, then the authenticator app's code) and allocates it to a
solicitor; that solicitor sees it and has the email telling them, listed on the case's emails page.

The claimant's solicitor signs in by session cookie (the claim form has its own journey,
``test_represented_claim_journey``); the defendant's firm's users sign in through the sign-in pages.
"""
from __future__ import annotations

import re
from unittest import mock

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from playwright.sync_api import Page, expect

from accounts.models import FeeAccount, FeeAccountState
from claims.constants import ClaimState, DefendantRepresentation
from claims.models import CaseAssignment, Claim
from court.models import Notification
from documents.tasks import render_document
from rules.eligibility_represented import REPRESENTED
from tests.claims.represented_data import ELIGIBILITY_IN_PERSON
from tests.conftest import uk
from tests.firm_factories import make_firm, make_member, totp_code

from .judgments_e2e import Party

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "money-claims-test"  # tests.firm_factories.make_member's

#: The representatives' checker: both sides represented, the defendant's firm registered, one against one.
ELIGIBILITY = {
    **{slug: answer for slug, answer in ELIGIBILITY_IN_PERSON.items() if slug != "parties-defendant-in-person"},
    "defendant-legal-representative": "registered",
    "parties-both-represented": "one-v-one",
}


def by_cookie(party: Party, user) -> None:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    party.page.context.clear_cookies()
    party.page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "url": party.base_url,
                                     "value": client.cookies[settings.SESSION_COOKIE_NAME].value}])


def sign_in_with_code(party: Party, email: str, context: str) -> None:
    """Sign in through the pages: the password, then the authenticator app's code (a wrong one first)."""
    party.page.context.clear_cookies()
    party.go(reverse("account_login"))
    party.on("Sign in", f"{context}: sign in")
    party.fill("login", email)
    party.fill("password", PASSWORD)
    party.click("Sign in")
    expect(party.page).to_have_url(re.compile(re.escape(reverse("mfa_authenticate"))))
    expect(party.page.get_by_role("heading", level=1)).to_be_visible()
    party.fill("code", "000000" if totp_code() != "000000" else "111111")
    party.page.locator("form button[type=submit]").first.click()
    expect(party.page.locator(".govuk-error-summary")).to_be_visible()
    party.fill("code", totp_code())
    party.page.locator("form button[type=submit]").first.click()


def test_a_claim_against_a_represented_defendant_is_served_on_its_firm_allocated_and_seen(
        page: Page, live_server):
    claimant_firm = make_firm("Able & Co Solicitors", address_line_1="1 Law Street", town="Leeds",
                              postcode="LS1 4AB")
    solicitor = make_member(claimant_firm, name="Sol Icitor")
    account = FeeAccount.objects.create(firm=claimant_firm, pba_number="PBA0000001", name="Litigation",
                                        state=FeeAccountState.APPROVED)
    defence = make_firm("Baker Defence LLP", sra_number="654321", service_email="service@baker.example")
    defence_admin = make_member(defence, name="Dana Admin", email="dana@baker.example", admin=True, sees_all=True)
    defence_solicitor = make_member(defence, name="Dylan Drake", email="dylan@baker.example")
    make_member(make_firm("Carter LLP"), name="Cal Carter", admin=True, sees_all=True)  # another firm: never sees it
    party = Party(page, live_server.url)

    # -- the claimant's solicitor: eligibility, then the claim form with the defendant's firm ------------------
    by_cookie(party, solicitor)
    party.go(reverse("eligibility:represented_start"))
    party.on("Make a claim for a client", "make a claim for a client")
    party.click(re.compile("Start now"))
    for question in REPRESENTED.questions:
        if question.slug not in ELIGIBILITY:
            continue
        party.on(question.text, f"represented eligibility: {question.slug}")
        page.locator(f"input[type=radio][value='{ELIGIBILITY[question.slug]}']").check()
        party.click("Continue")
    party.on("You can make this claim for your client", "represented eligible, defendant's firm registered")
    party.click("Start the claim")
    claim = Claim.objects.get(claimant_firm=claimant_firm)

    party.click("Your reference", role="link")
    party.fill("claimant_reference", "ABLE/77")
    party.save()
    party.click("The claimant's details", role="link")
    party.choose("type", "company")
    party.save()
    party.fill("name", "Widget Supplies Ltd")
    party.fill("address_line1", "5 Mill Lane")
    party.fill("town", "Bristol")
    party.fill("postcode", "BS1 4ST")
    party.save()
    party.click("The claimant's address for service", role="link")
    party.choose("service_address", "firm")
    party.save()

    party.click("The defendant's legal representative", role="link")
    party.choose("defendant", "registered")
    party.save()
    party.on("Find the defendant’s legal representative", "find the defendant's firm")
    party.fill("q", "Nobody & Nobody")
    party.click("Search")
    expect(page.locator("#no-results")).to_be_visible()
    party.on("Find the defendant’s legal representative", "find the defendant's firm: no match")
    party.fill("q", "654321")  # by SRA number
    party.click("Search")
    party.sees("Baker Defence LLP", "service@baker.example")
    party.on("Find the defendant’s legal representative", "find the defendant's firm: one match")
    party.choose("firm", str(defence.pk))
    party.fill("defendant_reference", "BAK/9")
    party.save()

    party.click("The defendant's details", role="link")
    party.choose("type", "company")
    party.save()
    party.fill("name", "Hollis Upholstery Ltd")
    party.fill("address_line1", "3 Kirkgate")
    party.fill("town", "Wakefield")
    party.fill("postcode", "WF1 1HP")
    party.save()
    party.click("Claim amount", role="link")
    party.fill("items-0-description", "Unpaid invoices")
    party.fill("items-0-amount", "4,000.00")
    party.save()
    party.click("Interest", role="link")
    party.choose("choice", "none")
    party.save()
    party.click("Claim details", role="link")
    party.fill("what_happened", "The defendant ordered fabric from the claimant and has not paid for it.")
    party.save()
    party.save()
    party.save()

    party.click("Other parties", role="link")
    party.on("", "other parties (1 v 1, 1 v 2 or 2 v 1)")
    party.choose("additional_party", "none")
    party.save()
    party.click(re.compile("Check and submit"), role="link")
    party.sees("Baker Defence LLP", "BAK/9", "ABLE/77")
    party.on("Check", "check your answers, against a represented defendant")
    page.locator("input[name=believe]").check()
    party.fill("signed_name", "Sol Icitor")
    party.fill("signed_position", "Solicitor")
    party.click("Submit claim")
    party.on("Pay the court fee from a fee account", "pay from a fee account")
    party.choose("fee_account", str(account.pk))
    with mock.patch.object(render_document, "delay"):  # the claim's PDFs are the worker's
        party.click(re.compile(r"^Pay £"))
        party.on("Payment received", "fee paid")

    # -- served through the website on the defendant's firm, which is told at its email for service -----------
    claim.refresh_from_db()
    assert claim.state == ClaimState.ISSUED
    assert claim.defendant_representation == DefendantRepresentation.REGISTERED and claim.defendant_firm == defence
    assert claim.response_deadline == uk(2026, 12, 8, 16, 0)  # 4pm on the 28th day after Tuesday 10 November
    assert claim.events.filter(kind="claim_served").exists()
    served = Notification.objects.get(kind="claim_served_on_firm")
    assert served.to_email == "service@baker.example" and served.firm == defence
    assert not CaseAssignment.objects.filter(claim=claim, firm=defence).exists()

    # -- the defendant's firm: its administrator signs in and finds it unassigned ------------------------------
    sign_in_with_code(party, defence_admin.email, "the defendant's firm's administrator")
    party.on("cases", "the defendant's firm's dashboard")
    expect(page.locator("#unassigned-banner")).to_contain_text("1 case")
    page.get_by_role("link", name="Unassigned", exact=True).click()
    row = page.locator("main tbody tr").filter(has_text=claim.claim_number)
    expect(row).to_contain_text("Widget Supplies Ltd")
    expect(row).to_contain_text("Hollis Upholstery Ltd")
    expect(row).to_contain_text("4pm on 8 December 2026")
    party.on("cases", "the defendant's firm's unassigned cases")
    row.get_by_role("link", name=f"Allocation of {claim.claim_number}").click()
    party.on("Allocat", "allocating the case")
    page.get_by_label("Dylan Drake").first.check()
    party.click("Allocate the case")
    expect(page.locator(".govuk-notification-banner")).to_contain_text("allocated to Dylan Drake")
    expect(page.locator("#allocation-record")).to_contain_text("Dana Admin")
    party.on("Allocat", "the case allocated")
    assert CaseAssignment.objects.get(claim=claim, firm=defence, ended_at__isnull=True).user == defence_solicitor

    # -- the assigned solicitor: the email, the case on "Assigned to me", the claim, the firm's emails ----------
    told = Notification.objects.get(kind="case_allocated", to_email=defence_solicitor.email)
    assert told.firm == defence and told.claim_number == claim.claim_number
    assert f"/claims/{claim.public_id}/" in told.body and "Dana Admin" in told.body
    sign_in_with_code(party, defence_solicitor.email, "the assigned solicitor")
    party.on("cases", "the assigned solicitor's dashboard")
    row = page.locator("main tbody tr").filter(has_text=claim.claim_number)
    expect(row).to_contain_text("BAK/9")  # the defendant's firm's own reference
    row.get_by_role("link", name=re.compile(f"^{claim.claim_number}")).click()
    party.sees(claim.claim_number)
    party.on("Claim against Hollis Upholstery Ltd", "the claim, seen by the defendant's solicitor")
    party.go(reverse("casework:case_emails", kwargs={"public_id": claim.public_id}))
    party.sees("A case has been assigned to you", "A claim has been issued against your client")
    party.on("Emails", "the case's emails for the defendant's firm")

    # -- nobody else sees it: another firm's administrator gets "not found" -------------------------------------
    outsider = Client()
    outsider.force_login(make_member(make_firm("Dover LLP"), admin=True, sees_all=True))
    assert outsider.get(reverse("claims:detail", kwargs={"public_id": claim.public_id})).status_code == 404
