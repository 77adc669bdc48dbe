"""The defendant's solicitor records an extension agreed with the claimant's solicitor, then defends the whole claim
for the defendant, in a browser with axe on every page (PD 51R 6A.2(2)-(3), 6A.4(1)-(2), 13.1(2)): the CPR 16.5
answers, the directions questionnaire, and the statement of truth in the representative's words. Signed in by
session cookie."""
from __future__ import annotations

import pytest
from django.conf import settings
from django.db import transaction
from django.test import Client
from playwright.sync_api import Page, expect

from claims.constants import ClaimState
from claims.models import CaseAssignment, Claim
from responses.models import DefendantResponse
from tests.conftest import uk
from tests.firm_factories import make_member
from tests.responses import test_agreed_extension as extension
from tests.responses import test_represented_response as represented

from .judgments_e2e import Party

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# The service tests' claim (issued 3 March 2027, served on Baker Defence LLP; the clock at 10:00 on 10 March).
claimant_firm, defendant_firm, served = represented.claimant_firm, represented.defendant_firm, represented.served


def test_the_defendants_solicitor_agrees_an_extension_then_defends(page: Page, live_server, served, defendant_firm):
    with transaction.atomic():  # the payment's service expects the caller's transaction (the payment flow's)
        claim = served()
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
    party.fill_date("last_day", extension.AGREED)
    party.click("Record the extension")
    expect(page.locator(".govuk-panel")).to_contain_text("4pm on Wednesday 21 April 2027")

    party.go(f"/claims/{claim.public_id}/")
    party.click("Respond for the defendant", role="link")
    party.sees("4pm on Wednesday 21 April 2027")
    party.task("Confirm your details")
    party.on("Telephone number", "details: a company has only its telephone number")
    party.save()
    party.response_type("reject", "dispute")
    party.task("Tell us why you disagree with the claim")
    party.on("Why do you disagree with the claim?", "defence with the CPR 16.5 questions")
    party.fill("text", represented.VERSION)
    party.save()
    party.errors("Say which allegations the defendant denies and the reasons for denying them",
                 context="defence without the denials")
    party.fill("denied", represented.DENIED)
    party.fill("admitted", represented.ADMITTED)
    party.fill("not_admitted", represented.NOT_ADMITTED)
    party.save()
    party.on("Your timeline of events", "defence timeline")
    party.save()
    party.on("Your evidence", "defence evidence")
    party.save()
    party.hearing()
    party.mediation(False)

    party.on("Check your answers before you submit your response", "check your answers")
    party.sees(represented.DENIED, represented.NOT_ADMITTED, "I am duly authorised by the defendant to sign this "
               "statement.", "Baker Defence LLP")
    page.locator("input[name=believe]").check()
    party.fill("signed_name", "Dylan Drake")
    party.click("Submit your response")
    party.errors("Enter your position in the firm", context="statement of truth without a position")
    page.locator("input[name=believe]").check()
    party.fill("signed_name", "Dylan Drake")
    party.fill("signer_role", "Solicitor")
    party.click("Submit your response")
    party.on("You have submitted your response", "response submitted")

    claim = Claim.objects.get(pk=claim.pk)
    assert claim.state == ClaimState.AWAITING_CLAIMANT_RESPONSE
    response = DefendantResponse.objects.get(claim=claim)
    assert (response.sot_signed_name, response.sot_signer_role, response.sot_firm) == (
        "Dylan Drake", "Solicitor", "Baker Defence LLP")
    assert response.cpr_16_5[0][1] == represented.DENIED
