"""A firm joins the service, in a browser, axe on every page: a solicitor registers the firm; a caseworker
approves it in the admin; the administrator sets up their authenticator app (reading the secret the page shows)
and invites a colleague; the colleague opens the emailed link, creates an account, accepts, sets up their app
and lands on the firm's page.

The clock is frozen (tests/conftest.py), so the authenticator app's code is computed from the secret at the
suite's instant, as the app on a phone would show it.
"""
from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client
from playwright.sync_api import Page, expect

from accounts.adapter import firm_home_url
from accounts.models import Firm, FirmMembership, FirmState, User
from court.models import Notification
from tests.firm_factories import totp_code

from .axe import assert_accessible
from .judgments_e2e import Party
from .respond import PASSWORD
from .test_defended_journeys import Staff, staff_user

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

COLLEAGUE = "colleague@barr.example"
COLLEAGUE_PASSWORD = "a-long-password-for-nia"


def sign_in_by_cookie(page: Page, base_url: str, user: Any) -> None:
    client = Client()
    client.force_login(user)
    page.context.clear_cookies()
    page.context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base_url}])


def set_up_the_app(party: Party, password: str, who: str) -> None:
    """From the first firm page: the password again, then the app's set-up page and its code."""
    party.on("Enter your password to continue", f"{who}: the password before setting up the app")
    party.fill("password", password)
    party.click("Continue")
    party.on("Set up an authenticator app", f"{who}: setting up the app")
    party.fill("code", "000000" if totp_code(_secret(party)) != "000000" else "111111")
    party.click("Set up the app")
    party.errors("The code is not right", context=f"{who}: the app's set-up")
    secret = _secret(party)
    party.fill("code", totp_code(secret))
    party.click("Set up the app")
    party.on("Your recovery codes", f"{who}: recovery codes")
    expect(party.page.locator("#recovery-codes li")).not_to_have_count(0)
    party.page.get_by_role("link", name="Continue").click()


def _secret(party: Party) -> str:
    return re.sub(r"\s+", "", party.page.locator("#totp-secret").inner_text())


def test_a_firm_registers_is_approved_and_its_administrator_invites_a_colleague(page: Page, live_server, make_user):
    party = Party(page, live_server.url)
    base = live_server.url

    # The solicitor registers the firm.
    sol = make_user("reg@barr.example", full_name="Rhian Reg")
    sign_in_by_cookie(page, base, sol)
    party.go("/firm/register/")
    party.on("Register your firm")
    party.fill("name", "Barr & Partners")
    party.fill("sra_number", "654321")
    party.fill("address_line_1", "1 Park Row")
    party.fill("town", "Leeds")
    party.fill("postcode", "EH1 1YZ")
    party.fill("service_email", "service@barr.example")
    party.click("Register the firm")
    party.errors("Enter a postcode in England or Wales", context="registering a firm")
    party.fill("postcode", "LS1 5HD")
    party.click("Register the firm")
    party.on("Your firm's registration", "the firm's status while pending")
    party.sees("waiting for the court's approval")
    firm = Firm.objects.get()
    assert firm.state == FirmState.PENDING
    party.go("/claims/")
    expect(page).to_have_url(f"{base}/firm/status/")  # nothing else until approved

    # A caseworker approves it in the admin.
    caseworker = staff_user(make_user, "caseworker", "Casey Worker")
    staff = Staff(party, caseworker.email)
    party.go(f"/admin/accounts/firm/{firm.pk}/change/")
    staff.step("Approve the firm")
    assert_accessible(page, "approving a firm", within=["#content-main"])
    staff.submit("Approve")
    expect(page.locator(".messagelist")).to_contain_text("Barr & Partners is approved")
    firm.refresh_from_db()
    assert firm.state == FirmState.APPROVED

    # The administrator sets up the authenticator app, then invites a colleague.
    sign_in_by_cookie(page, base, sol)
    party.go("/firm/users/")
    set_up_the_app(party, PASSWORD, "the administrator")
    expect(page).to_have_url(base + firm_home_url(User.objects.get(pk=sol.pk)))
    assert_accessible(page, "the administrator's firm page")
    party.go("/firm/users/")
    party.on("Your firm's users")
    party.sees("Rhian Reg", "Firm administrator, Solicitor, Sees all the firm's cases")
    page.get_by_role("link", name="Invite a user").first.click()
    party.on("Invite a user")
    party.fill("email", "not an email")
    party.click("Send the invitation")
    party.errors("Enter an email address in the correct format", context="inviting a user")
    party.fill("email", COLLEAGUE)
    party.click("Send the invitation")
    party.on("Invitations waiting")
    party.sees(COLLEAGUE)

    # The colleague opens the emailed link and creates an account.
    email = Notification.objects.get(kind="firm_invitation", to_email=COLLEAGUE)
    link = re.search(r"https?://[^/\s]+(/firm/invitations/\S+/)", email.body).group(1)
    page.context.clear_cookies()
    party.go(link)
    party.on("Join Barr & Partners", "the invitation, signed out")
    party.page.get_by_role("link", name="Create an account").last.click()
    party.on("Create an account")
    party.fill("full_name", "Nia Newman")
    party.fill("email", COLLEAGUE)
    party.fill("password1", COLLEAGUE_PASSWORD)
    party.fill("password2", COLLEAGUE_PASSWORD)
    party.click("Create account")
    party.on("Join Barr & Partners", "the invitation, signed in")
    party.click("Accept the invitation")
    set_up_the_app(party, COLLEAGUE_PASSWORD, "the colleague")
    colleague = User.objects.get(email=COLLEAGUE)
    expect(page).to_have_url(base + firm_home_url(colleague))
    assert_accessible(page, "the colleague's firm page")
    membership = FirmMembership.objects.get(user=colleague)
    assert membership.firm == firm and membership.is_solicitor and not membership.is_firm_admin
    expect(page.get_by_role("link", name="Your firm", exact=True)).to_be_visible()
