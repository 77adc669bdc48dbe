"""The defendant's solicitor records an extension agreed with the claimant's solicitor (PD 51R 6A.2(2)-(3)), in a
browser, with axe on every page: from the claim's page, a mistake first (a day more than 28 days after the original
last day), then the day agreed; the claim's deadline moves. Signed in by session cookie."""
from __future__ import annotations

import pytest
from django.conf import settings
from django.db import transaction
from django.test import Client
from playwright.sync_api import Page, expect

from claims.constants import DefendantRepresentation
from claims.models import CaseAssignment
from tests.conftest import uk
from tests.firm_factories import make_member
from tests.responses import test_agreed_extension as extension

from .judgments_e2e import Party

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# The service tests' claim (issued 3 March 2027, the clock at 10:00 on 10 March) and its firms.
claimant_firm, defendant_firm, issued = extension.claimant_firm, extension.defendant_firm, extension.issued


def test_the_defendants_solicitor_records_an_agreed_extension(page: Page, live_server, issued, defendant_firm):
    with transaction.atomic():  # the payment's service expects the caller's transaction (the payment flow's)
        claim = issued(defendant_representation=DefendantRepresentation.REGISTERED, defendant_firm=defendant_firm)
    solicitor = make_member(defendant_firm, name="Dylan Drake")
    CaseAssignment.objects.create(claim=claim, firm=defendant_firm, user=solicitor, kind="assigned",
                                  assigned_at=uk(2027, 3, 4, 9, 0))
    client = Client()
    client.force_login(solicitor)
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "url": live_server.url,
                               "value": client.cookies[settings.SESSION_COOKIE_NAME].value}])
    party = Party(page, live_server.url)

    party.go(f"/claims/{claim.public_id}/")
    party.on("Claim against Acme Kitchens Ltd", "the claim, for the defendant's solicitor")
    party.click("Record an extension agreed with the claimant's legal representative", role="link")
    party.on("Record an extension you agreed", "record an agreed extension")
    for part, value in (("day", "30"), ("month", "4"), ("year", "2027")):  # 30 days after 31 March
        page.locator(f"[name='last_day_{part}']").fill(value)
    party.click("Record the extension")
    party.errors("28 April 2027", context="record an agreed extension: too long")
    party.fill_date("last_day", extension.AGREED)
    party.click("Record the extension")
    expect(page.locator(".govuk-panel")).to_contain_text("4pm on Wednesday 21 April 2027")
    party.on("Record an extension you agreed", "the agreed extension recorded")
    claim.refresh_from_db()
    assert claim.response_deadline == extension.EXTENDED
