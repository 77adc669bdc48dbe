"""The claimant's solicitor, in a browser with axe on every page: a breathing space recorded on a claim against a
represented defendant blocks judgment in default (PD 51R 11.1B(8)(b)); once its end is recorded, judgment is asked
for and entered with the fixed costs on issue and on entry of judgment (11.1B(7)), every line shown, and the
judgment's PDF. Signed in by session cookie."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.conf import settings
from django.db import transaction
from django.test import Client
from playwright.sync_api import Page

from claims.constants import ClaimState, DefendantRepresentation
from claims.models import BreathingSpace, BreathingSpaceState
from court import fixed_costs
from tests.conftest import uk
from tests.firm_factories import make_member
from tests.responses import test_agreed_extension as extension

from .judgments_e2e import Party

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

claimant_firm, defendant_firm, issued = extension.claimant_firm, extension.defendant_firm, extension.issued

LINES = [
    ("Amount claimed", "£1,234.56"), ("Interest to 3 March 2027", "£16.51"),
    ("Interest from 4 March 2027 to the date of judgment (29 days at £0.27 a day)", "£7.83"),
    ("Court fee", "£80.00"), ("Fixed costs on issue (CPR 45)", "£90.00"),
    ("Fixed costs on entry of judgment (CPR 45)", "£22.00"),
]
TOTAL = "£1,450.90"


def test_a_breathing_space_blocks_then_releases_a_default_judgment_with_fixed_costs(
        page: Page, live_server, issued, claimant_firm, defendant_firm, travel):
    solicitor = make_member(claimant_firm, name="Sam Able", sees_all=True)
    schedule = fixed_costs.schedule_in_force(date(2027, 3, 1))
    with transaction.atomic():  # the payment's service expects the caller's transaction (the payment flow's)
        claim = issued(owner=solicitor, defendant_representation=DefendantRepresentation.REGISTERED,
                       defendant_firm=defendant_firm, fixed_costs=Decimal("90.00"),
                       fixed_costs_schedule_id=schedule.key)
    travel(uk(2027, 4, 1, 10, 0), tick=False)  # DEF-REP ended at 4pm on 31 March
    client = Client()
    client.force_login(solicitor)
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "url": live_server.url,
                               "value": client.cookies[settings.SESSION_COOKIE_NAME].value}])
    party = Party(page, live_server.url)

    party.go(f"/claims/{claim.public_id}/")
    party.on("Claim against Acme Kitchens Ltd", "the claim, DEF-REP passed")
    party.click("Record a debt respite breathing space for the defendant", role="link")
    party.on("Record a breathing space", "record a breathing space")
    party.choose("kind", "mental_health_crisis")
    party.fill_date("starts_on", date(2027, 4, 2))
    party.click("Record the breathing space")
    party.errors("The start date must be today or in the past", context="record a breathing space: future start")
    party.choose("kind", "mental_health_crisis")
    party.fill_date("starts_on", date(2027, 3, 30))
    party.click("Record the breathing space")

    party.on("Claim against Acme Kitchens Ltd", "the claim, breathing space recorded")
    party.click("Request a county court judgment", role="link")
    party.on("You cannot get judgment in default online", "default judgment refused: breathing space")
    party.sees("A debt respite breathing space moratorium is in force for the defendant", "Part 23")

    party.go(f"/claims/{claim.public_id}/")
    party.click("Record the end of the breathing space", role="link")
    party.on("Record the end of the breathing space", "record the end")
    party.fill_date("ends_on", date(2027, 3, 31))
    party.click("Record the end")
    assert BreathingSpace.objects.get(claim=claim).state == BreathingSpaceState.ENDED

    party.on("Claim against Acme Kitchens Ltd", "the claim, breathing space ended")
    party.click("Request a county court judgment", role="link")
    party.on("Request a county court judgment", "request default judgment, represented defendant")
    party.click("Continue")
    party.errors("Select yes if CPR rule 12.11 would apply to this claim", "Select yes if the defendant has paid you "
                 "any money", "Choose how you want the defendant to pay", context="request default judgment: empty")
    party.choose("rule-rule_12_11", "no")
    party.choose("paid-paid", "no")
    party.choose("plan-option", "immediately")
    party.click("Continue")
    terms = f"The defendant must pay you {TOTAL} immediately"
    party.check_page(LINES, TOTAL, terms)
    party.click("Request judgment")

    party.on("Claim against Acme Kitchens Ltd", "the claim, judgment entered")
    party.status("Judgment entered")
    party.sees("Fixed costs on entry of judgment (CPR 45)")
    text = party.download_text(party.judgment_pdf_link())
    for _label, value in LINES:
        assert value in text
    assert "Fixed costs on entry of judgment (CPR 45)" in text and TOTAL in text
    claim.refresh_from_db()
    assert claim.state == ClaimState.JUDGMENT_ENTERED and claim.judgment.total == Decimal("1450.90")
