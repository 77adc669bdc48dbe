"""A represented party's online application after directions in an early adopter court (PD 51R 16B.1), in a
browser with axe on every page: the claimant's solicitor applies with notice on Thursday 11 February 2027; the
defendant's solicitor answers one application on day 5 at 15:59 (Tuesday 16 February) and is refused on another at
16:00, "the time for a response has passed" (16B.1(9), APP-RESP-5). Signed in by session cookie."""
from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import Page, expect

from defended import services
from defended.models import Application, ApplicationState
from tests.conftest import uk
from tests.defended.online_application_data import early_adopter_claim

from .judgments_e2e import Party

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def sign_in(page: Page, live_server, user) -> None:
    client = Client()
    client.force_login(user)
    page.context.clear_cookies()
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "url": live_server.url,
                               "value": client.cookies[settings.SESSION_COOKIE_NAME].value}])


def test_an_application_answered_at_1559_on_day_5_and_refused_at_1600(page: Page, live_server, make_user, travel):
    travel(uk(2027, 2, 11, 10, 0), tick=True)
    parties = early_adopter_claim(make_user)
    claim = parties.claim
    party = Party(page, live_server.url)

    # The claimant's solicitor applies on screens, with notice.
    sign_in(page, live_server, parties.claimant_solicitor)
    party.go(f"/claims/{claim.public_id}/")
    party.click("Make an application to the court", role="link")
    party.on("Make an application to the court")
    party.click("Send your application")
    party.errors("Select what the application relates to", context="the online application")
    party.choose("subject", "claim")
    party.fill("order_sought", "Permission to rely on a second expert's report")
    party.fill("details", "The first expert has retired.")
    party.choose("with_notice", "yes")
    party.choose("consented", "no")
    party.click("Send your application")
    expect(page.locator(".govuk-panel")).to_contain_text("Your application has been sent")
    party.sees("4pm on Tuesday 16 February 2027")
    party.on("Your application has been sent", "the online application sent")
    first = Application.objects.get(claim=claim)
    second = services.online_application_make(
        claim_id=claim.pk, actor=parties.claimant_solicitor, subject="claim", order_sought="An order for costs",
        details="The defendant's late disclosure.", with_notice=True, consented=False)

    # Day 5, 15:59: the defendant's solicitor answers the first in time.
    travel(uk(2027, 2, 16, 15, 59, 0), tick=True)
    sign_in(page, live_server, parties.defendant_solicitor)
    party.go(f"/claims/{claim.public_id}/applications/{first.pk}/respond/")
    party.on("Respond to the claimant’s application")
    party.fill("information", "The defendant opposes: the report would be late.")
    party.choose("consented_before", "no")
    party.click("Send the respondent’s information")
    party.sees("The respondent's information has been sent to the court")
    first.refresh_from_db()
    assert first.state == ApplicationState.REFERRED and first.responded_at is not None

    # The second page is opened before 4pm and sent at 16:00: refused.
    party.go(f"/claims/{claim.public_id}/applications/{second.pk}/respond/")
    party.on("Respond to the claimant’s application", "the respondent's page before 4pm")
    party.fill("information", "Too late.")
    party.choose("consented_before", "no")
    travel(uk(2027, 2, 16, 16, 0, 0), tick=True)
    party.click("Send the respondent’s information")
    party.errors("The time for a response has passed", context="the respondent's page at 4pm")
    second.refresh_from_db()
    assert second.state == ApplicationState.AWAITING_RESPONDENT and second.responded_at is None
