"""The whole journey of a claimant in person, in a browser: sign up, eligibility, draft, pay,
see the issued claim and download the sealed claim form. axe checks every page, including
error states."""
from __future__ import annotations

import io
import re

import pytest
from django.core import mail
from django.urls import reverse
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from claims.models import Claim
from rules import eligibility as rules

from .axe import assert_accessible

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

EMAIL = "jo.claimant@example.com"
PASSWORD = "a-long-and-unusual-passphrase-42"


def continue_(page: Page, name: str = "Continue") -> None:
    page.get_by_role("button", name=name, exact=True).click()


def save(page: Page) -> None:
    page.get_by_role("button", name="Save and continue").click()


def test_a_claimant_makes_pays_for_and_downloads_a_claim(page: Page, live_server):
    go = lambda path: page.goto(live_server.url + path)  # noqa: E731

    # -- eligibility, one question a page (with an error state) -----------------------------
    go(reverse("home"))
    assert_accessible(page, "home")
    page.get_by_role("button", name="Start now").click()
    assert_accessible(page, "eligibility start")
    page.get_by_role("button", name=re.compile("Start")).click()
    continue_(page)  # nothing chosen
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert_accessible(page, "eligibility question with an error")
    for question in rules.QUESTIONS:
        value = sorted(question.eligible_values)[0]
        page.locator(f"input[type=radio][value='{value}']").check()
        assert_accessible(page, f"eligibility: {question.slug}")
        continue_(page)
    expect(page.get_by_role("heading", level=1)).to_contain_text("You can use this service")
    assert_accessible(page, "eligible")
    page.get_by_role("button", name=re.compile("Start your claim")).click()

    # -- create an account, confirm the email --------------------------------------------------
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
    assert_accessible(page, "sign in")
    page.get_by_role("link", name=re.compile("Create an account")).first.click()
    assert_accessible(page, "create an account")
    page.get_by_label("Email address").fill(EMAIL)
    page.get_by_label("Full name").fill("Jo Claimant")
    page.locator("input[name=password1]").fill(PASSWORD)
    page.locator("input[name=password2]").fill("not the same")
    page.get_by_role("button", name=re.compile("Create")).click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert_accessible(page, "create an account with an error")
    page.locator("input[name=password1]").fill(PASSWORD)
    page.locator("input[name=password2]").fill(PASSWORD)
    page.get_by_role("button", name=re.compile("Create")).click()
    assert_accessible(page, "check your email")
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mail.outbox[-1].body).group(0)
    page.goto(live_server.url + link[link.index("/accounts/"):])
    assert_accessible(page, "confirm email")
    page.get_by_role("button", name=re.compile("Confirm")).click()

    # -- draft the claim ----------------------------------------------------------------------------
    go(reverse("drafting:start"))
    assert_accessible(page, "make a claim start")
    page.get_by_role("button", name=re.compile("Start")).click()
    claim = Claim.objects.get(owner__email=EMAIL)
    assert claim.draft_data["eligibility"]  # the checker's answers are kept with the claim
    assert_accessible(page, "task list")

    page.get_by_role("link", name="Your details").click()
    page.locator("input[name=type][value=individual]").check()
    save(page)
    save(page)  # nothing filled in: errors
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert_accessible(page, "your details with errors")
    page.locator("#id_full_name").fill("Jo Claimant")
    page.locator("#id_date_of_birth_day").fill("17")
    page.locator("#id_date_of_birth_month").fill("5")
    page.locator("#id_date_of_birth_year").fill("1980")
    page.locator("#id_address_line1").fill("1 High Street")
    page.locator("#id_town").fill("Leeds")
    page.locator("#id_postcode").fill("ls1 1aa")
    save(page)

    page.get_by_role("link", name="The defendant's details").click()
    page.locator("input[name=type][value=company]").check()
    save(page)
    page.locator("#id_name").fill("Acme Windows Ltd")
    page.locator("#id_address_line1").fill("2 Mill Lane")
    page.locator("#id_town").fill("Edinburgh")
    page.locator("#id_postcode").fill("EH1 1YZ")
    save(page)
    expect(page.locator(".govuk-error-summary")).to_contain_text("England or Wales")
    assert_accessible(page, "defendant in Scotland")
    page.locator("#id_town").fill("Cardiff")
    page.locator("#id_postcode").fill("CF10 1EP")
    save(page)

    page.get_by_role("link", name="Claim amount").click()
    page.locator("#id_items-0-description").fill("Unpaid invoice 1041")
    page.locator("#id_items-0-amount").fill("£1,200.50")
    assert_accessible(page, "claim amount")
    save(page)

    page.get_by_role("link", name="Interest").click()
    page.locator("input[name=choice][value=none]").check()
    assert_accessible(page, "interest")
    save(page)

    page.get_by_role("link", name="Claim details").click()
    page.locator("#id_what_happened").fill("Acme ordered windows and has not paid my invoice.")
    assert_accessible(page, "what happened")
    save(page)
    assert_accessible(page, "timeline")
    save(page)
    assert_accessible(page, "evidence")
    save(page)

    page.get_by_role("link", name=re.compile("Check and submit")).click()
    assert_accessible(page, "check your answers")
    expect(page.locator("main")).to_contain_text("£1,200.50")
    expect(page.locator("main")).to_contain_text("£80.00")  # £1,000.01–£1,500 band
    page.locator("input[name=believe]").check()
    page.locator("#id_signed_name").fill("Jo Claimant")
    page.get_by_role("button", name="Submit claim").click()

    # -- pay the fee -------------------------------------------------------------------------------------
    expect(page.get_by_role("heading", level=1)).to_have_text("Pay the court fee")
    assert_accessible(page, "fee")
    page.get_by_role("button", name="Pay £80.00 by card").click()
    assert_accessible(page, "card details")
    page.get_by_label("Card number").fill("4444 3333 2222 1111")
    page.get_by_label("Expiry date").fill("10/29")
    page.get_by_label("Name on card").fill("Jo Claimant")
    page.get_by_label("Card security code").fill("123")
    continue_(page)

    # -- the issued claim ----------------------------------------------------------------------------------
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Your claim has been issued")
    claim.refresh_from_db()
    assert claim.claim_number and claim.state == "issued"
    expect(page.locator("main")).to_contain_text(claim.claim_number)
    expect(page.locator("main")).to_contain_text("Defendant must respond by")
    assert_accessible(page, "issued claim")
    page.reload()  # the documents are rendered by the worker just after the payment commits
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile("Sealed claim form")).click()
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(open(download.value.path(), "rb").read())).pages)
    assert claim.claim_number in text and "Acme Windows Ltd" in text and "£1,280.50" in text
    assert claim.security_code not in text

    go(reverse("claims:dashboard"))
    expect(page.locator("main")).to_contain_text(claim.claim_number)
    assert_accessible(page, "dashboard")
