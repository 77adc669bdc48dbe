"""A firm's email pages in a browser, checked with axe: choosing email updates (with its error state) and the emails
sent to the firm about one of its cases."""
from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from playwright.sync_api import Page, expect

from accounts.models import EmailUpdates, FirmMembership
from claims.notices import tell_parties
from tests.casework.email_helpers import assign, issued_claim
from tests.firm_factories import make_firm, make_member

from .axe import assert_accessible

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def signed_in(page: Page, live_server, user) -> None:
    client = Client()
    client.force_login(user)
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "url": live_server.url,
                               "value": client.cookies[settings.SESSION_COOKIE_NAME].value}])


def test_a_solicitor_chooses_email_updates_and_reads_a_cases_emails(page: Page, live_server):
    firm = make_firm("Able & Co LLP")
    admin = make_member(firm, name="Alex Admin", admin=True)
    solicitor = make_member(firm, name="Sam Solicitor")
    claim = issued_claim(owner=admin, claimant_firm=firm)
    assign(claim, admin, solicitor)
    tell_parties(claim, key="step", headline="The defendant has responded", paragraphs=[], roles=("claimant",))
    signed_in(page, live_server, solicitor)

    page.goto(live_server.url + reverse("casework:email_updates"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Email updates")
    assert_accessible(page, "choosing email updates")
    page.evaluate("document.querySelectorAll('input[type=radio]').forEach(r => r.checked = false)")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select whether you want an email for every step")
    assert_accessible(page, "choosing email updates, with an error")
    page.get_by_label("A daily summary").check()
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Email updates: a daily summary.")
    assert FirmMembership.objects.get(user=solicitor).email_updates == EmailUpdates.DAILY

    page.goto(live_server.url + reverse("casework:case_emails", kwargs={"public_id": claim.public_id}))
    expect(page.get_by_role("heading", level=1)).to_have_text("Emails about this case")
    expect(page.locator("#case-emails")).to_contain_text(f"Claim {claim.claim_number}: The defendant has responded")
    expect(page.locator("#case-emails")).to_contain_text("Sent at 11am on Tuesday 10 November 2026")
    assert_accessible(page, "a case's emails")
