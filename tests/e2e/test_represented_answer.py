"""A represented claimant's silence on a defence (PD 51R 6A.4(3), (5)), in a browser, with axe on every page.

The claimant firm's solicitor reads the defence and the warning of CLM-REP-28 on the answer page (an error state
first: no answer chosen), then says nothing. At 4pm on the 28th day the sweep sends the claim out to the preferred
court with the CPR 26.4(9) order, which the solicitor and the defendant in person both read on the claim's page.
The defence is made through the services (the defendant's pages have their own journeys); the solicitor is signed
in by session cookie, the defendant through the sign-in page.
"""
from __future__ import annotations

from unittest import mock

import pytest
from django.conf import settings
from django.db import transaction
from django.test import Client
from playwright.sync_api import Page, expect

from claims.constants import ClaimState
from court.sweeps import run_sweep
from documents.tasks import render_document
from tests.conftest import uk
from tests.defended import test_represented_answer as answer

from .judgments_e2e import Party
from .respond import DEFENDANT_EMAIL

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

claimant_firm, solicitor, defended_claim = answer.claimant_firm, answer.solicitor, answer.defended_claim


def signed_in(page: Page, live_server, user) -> None:
    """The browser carries a fresh session of ``user`` (a firm user with an authenticator app)."""
    client = Client()
    client.force_login(user)
    page.context.clear_cookies()
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "url": live_server.url,
                               "value": client.cookies[settings.SESSION_COOKIE_NAME].value}])


def test_a_represented_claimants_silence_sends_the_claim_out_with_the_26_4_9_order(
        page: Page, live_server, defended_claim, solicitor, travel):
    with transaction.atomic(), mock.patch.object(render_document, "delay"):
        claim, _ = defended_claim()
    travel(uk(2027, 3, 15, 10, 0), tick=True)
    signed_in(page, live_server, solicitor)
    party = Party(page, live_server.url)

    party.go(f"/claims/{claim.public_id}/")
    party.on("Claim against Dan Defendant", "the defended claim, for the claimant's solicitor")
    party.status("Defence received")
    party.sees("with their directions questionnaire, before", "4pm on Monday 5 April 2027")
    party.click("Respond to the defence", role="link")
    party.on("Respond to the defendant’s response", "answer the defence")
    party.sees("Does your client want to continue with the claim?", "CPR 26.4(9)")
    party.click("Continue")
    party.errors("Select yes if your client wants to continue with the claim", context="answer the defence")

    # Nothing more is sent. A second before 4pm on the 28th day the claim still waits; at 4pm it goes.
    travel(uk(2027, 4, 5, 15, 59, 59), tick=False)
    assert run_sweep("defended.represented_claimant_silent").changed == 0
    travel(uk(2027, 4, 5, 16, 0, 0), tick=True)
    assert run_sweep("defended.represented_claimant_silent").changed == 1
    assert run_sweep("defended.represented_claimant_silent").changed == 0
    claim.refresh_from_db()
    assert claim.state == ClaimState.SENT_OUT

    signed_in(page, live_server, solicitor)  # three weeks later: a new session
    party.go(f"/claims/{claim.public_id}/")
    party.on("Claim against Dan Defendant", "the claim sent out, for the claimant's solicitor")
    party.status("Sent out of the online service")
    party.sees("Leeds County Court", "Order under CPR 26.4(9)", "before 4pm on Monday 5 April 2027")
    expect(page.get_by_role("link", name="Respond to the defence")).to_have_count(0)

    party.sign_in(DEFENDANT_EMAIL, f"/claims/{claim.public_id}/", "Ms Jane Claimant v Dan Defendant",
                  "the claim sent out, for the defendant")
    party.sees("Leeds County Court", "Order under CPR 26.4(9)", "a County Court hearing centre")
