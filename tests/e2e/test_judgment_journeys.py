"""The claimant's journeys from the response (or its absence) to judgment, in a browser (PD 51R 7.4-7.15,
11.1): accepting an offer of instalments, rejecting it and taking the court's plan into a settlement
agreement that the defendant signs and then breaks, judgment in default, and closing a paid claim.
axe checks every page reached, and at least one error state in each journey.

The claim is issued on Monday 1 March 2027 at 10:00 (see ``respond.py``): £1,000 with 8% interest from
issue and the court fee remitted, so a judgment is for the claim and the interest to its date. The
defendant's response is made through the services (``judgments_e2e.respond_by_services``); the clock
ticks, in the test's thread and the live server's alike.
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from claims.constants import ClaimState
from claims.models import Claim
from court.sweeps import run_sweep
from judgments.models import SettlementAgreement
from tests.conftest import uk

from .judgments_e2e import INSTALMENTS_OFFER, Party, respond_by_services
from .respond import CLAIMANT_EMAIL, DEFENDANT_EMAIL

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

#: The defendant's response comes on Wednesday 10 March 2027.
RESPONDED_AT = uk(2027, 3, 10, 11, 0)

#: The judgment's lines, worked out by hand: £1,000 and interest at 8% a year, £0.22 a day from the day
#: after issue (1,000 × 8% ÷ 365 = £0.219, as the claim states it) to the date of judgment; the fee was
#: remitted in full, so there is no fee line.
CLAIMED = ("Amount claimed", "£1,000.00")
LINES_10_MARCH = [CLAIMED, ("Interest from 2 March 2027 to the date of judgment (9 days at £0.22 a day)", "£1.98")]
TOTAL_10_MARCH = "£1,001.98"
#: The same, less £100.00 the defendant has already paid (7.7(3)).
LINES_10_MARCH_PAID = [*LINES_10_MARCH, ("Less amount paid", "-£100.00")]
TOTAL_10_MARCH_PAID = "£901.98"
LINES_20_APRIL = [CLAIMED, ("Interest from 2 March 2027 to the date of judgment (50 days at £0.22 a day)", "£11.00")]
TOTAL_20_APRIL = "£1,011.00"
LINES_DEFAULT = [CLAIMED, ("Interest from 2 March 2027 to the date of judgment (22 days at £0.22 a day)", "£4.84"),
                 ("Less amount paid", "-£50.00")]
TOTAL_DEFAULT = "£954.84"


def claim_page(claim: Claim) -> str:
    return reverse("claims:detail", kwargs={"public_id": claim.public_id})


def sign_in_as_claimant(party: Party, claim: Claim, context: str) -> None:
    party.sign_in(CLAIMANT_EMAIL, claim_page(claim), claim.description, context)


# -- 1. a full admission by instalments: the offer accepted, judgment asked for less a payment ------------


def test_accepting_an_offer_of_instalments_then_judgment(party: Party, claim: Claim, dan, travel):
    travel(RESPONDED_AT, tick=True)
    respond_by_services(claim, dan, **INSTALMENTS_OFFER)
    sign_in_as_claimant(party, claim, "the claim, response received")
    party.status("Response received")
    party.click("Respond to the defendant's offer", role="link")

    party.on("The defendant's offer to pay", "the offer")
    party.sees("£50.00 every month")
    party.click("Continue")
    party.errors("Select yes if you accept the defendant's offer", context="the offer")
    party.choose("answer", "accept")
    party.click("Continue")

    party.on("How the defendant will pay", "the plan that stands: their offer")
    terms = "The defendant must pay you £50.00 every month, the first payment by 1 April 2027"
    party.sees(terms)
    party.click("Request a county court judgment", role="link")
    party.on("Request judgment on the defendant's admission", "request judgment on admission")
    party.sees("£50.00 every month")
    party.click("Accept their offer and continue")
    party.errors("Select yes if the defendant has paid you any money", context="request judgment on admission")
    party.choose("paid-paid", "yes")
    party.fill("paid-amount", "100")
    party.click("Accept their offer and continue")
    party.check_page(LINES_10_MARCH_PAID, TOTAL_10_MARCH_PAID, terms)
    party.click("Request judgment")

    party.judgment_shown(claim.description, TOTAL_10_MARCH_PAID, terms, "Judgment on admission")
    pdf = party.download_text(party.judgment_pdf_link())
    assert claim.claim_number in pdf and TOTAL_10_MARCH_PAID in pdf and "£50.00" in pdf, pdf
    assert "Less amount paid -£100.00" in pdf, pdf
    # Each party's dashboard gives the terms, spoken to them.
    row = party.dashboard_row(claim, "the claimant's dashboard, judgment entered")
    expect(row.locator("td").last).to_have_text(f"{terms}.", use_inner_text=True)
    parties = f"{claim.claimant_name} v {claim.defendant_name}"
    party.sign_in(DEFENDANT_EMAIL, reverse("responses:claim", kwargs={"public_id": claim.public_id}), parties,
                  "the defendant's claim page, judgment entered")
    party.sees("You must pay the claimant £50.00 every month, the first payment by 1 April 2027")
    row = party.dashboard_row(claim, "the defendant's dashboard, judgment entered")
    expect(row.locator("td").last).to_have_text("You must pay the claimant £50.00 every month, the first payment "
                                                "by 1 April 2027.", use_inner_text=True)
    claim.refresh_from_db()
    assert claim.state == ClaimState.JUDGMENT_ENTERED
    judgment = claim.judgment
    assert judgment.instalment_amount == 50 and judgment.first_payment_on == date(2027, 4, 1)


# -- 2. the court's plan, a settlement agreement signed and then broken ------------------------------------


def test_the_courts_plan_as_a_settlement_agreement_then_judgment_on_its_breach(party: Party, claim: Claim, dan,
                                                                               travel):
    travel(RESPONDED_AT, tick=True)
    respond_by_services(claim, dan, **INSTALMENTS_OFFER)  # MEANS_DEFAULTS: £526.30 a month to spare
    sign_in_as_claimant(party, claim, "the claim, response received")
    party.click("Respond to the defendant's offer", role="link")
    party.on("The defendant's offer to pay", "the offer")
    party.choose("answer", "reject")
    party.click("Continue")
    party.errors("Choose how you want the defendant to pay", context="the offer, rejected without a plan")
    party.choose("plan-option", "immediately")
    party.click("Continue")

    party.on("The court's repayment plan", "the court's plan")
    party.sees("£526.30 every month")
    party.click("Accept the court's plan")
    party.on("How the defendant will pay", "the plan that stands: the court's")
    party.sees("The defendant must pay you £526.30 every month, the first payment by 10 April 2027")
    party.click("Propose a settlement agreement", role="link")

    party.on("Propose a settlement agreement", "propose a settlement agreement")
    party.sees("in instalments of £526.30 every month, the first payment by 10 April 2027")
    party.click("Sign and propose the agreement")
    party.errors("Confirm that you agree to these terms", "Enter your full name to sign the agreement",
                 context="propose a settlement agreement")
    party.page.locator("input[name=agree]").check()
    party.fill("signed_name", "Clara Claimant")
    party.click("Sign and propose the agreement")
    party.on("Settlement agreement proposed", "settlement agreement proposed")
    party.sees("Clara Claimant, 10 March 2027", "Not signed")

    # The defendant signs it the next day, from their claim page.
    travel(uk(2027, 3, 11, 9, 30), tick=True)
    parties = f"{claim.claimant_name} v {claim.defendant_name}"
    party.sign_in(DEFENDANT_EMAIL, reverse("responses:claim", kwargs={"public_id": claim.public_id}), parties,
                  "the defendant's claim page, agreement proposed")
    party.click("Sign or reject the settlement agreement", role="link")
    party.on("Sign or reject the settlement agreement", "sign the settlement agreement")
    party.choose("decision", "sign")
    party.click("Continue")
    party.errors("Confirm that you agree to these terms", "Enter your full name to sign the agreement",
                 context="sign the settlement agreement")
    party.page.locator("input[name=agree]").check()
    party.fill("signed_name", "Dan Defendant")
    party.click("Continue")
    party.on("You signed the settlement agreement", "settlement agreement signed")
    party.sees("Dan Defendant, 11 March 2027")

    # No payment on 10 April: on 20 April the claimant says the agreement is broken.
    travel(uk(2027, 4, 20, 10, 0), tick=True)
    sign_in_as_claimant(party, claim, "the claim, agreement signed")
    party.status("Settlement agreement signed")
    party.click("The defendant has not kept to the settlement agreement", role="link")
    party.on("The defendant has not kept to the settlement agreement", "report the breach")
    party.click("Continue")
    party.errors("Explain how the defendant has not kept to the agreement",
                 "Select yes if the defendant has paid you anything", context="report the breach")
    party.fill("details", "They did not pay the first instalment, due on 10 April 2027.")
    party.choose("paid", "no")
    party.click("Continue")
    terms = "The defendant must pay you £526.30 every month, the first payment by 20 May 2027"
    party.check_page(LINES_20_APRIL, TOTAL_20_APRIL, terms)
    party.sees("The first instalment date, 10 April 2027, had passed")
    party.click("Request judgment")

    party.judgment_shown(claim.description, TOTAL_20_APRIL, terms, "Judgment on admission")
    claim.refresh_from_db()
    assert claim.state == ClaimState.JUDGMENT_ENTERED
    # Broken, then judgment entered on it (7.8(2)).
    agreement = SettlementAgreement.objects.get(claim=claim)
    assert agreement.status == SettlementAgreement.Status.JUDGMENT_ENTERED and agreement.broken_reported_at
    assert claim.judgment.instalment_amount == Decimal("526.30")
    assert claim.judgment.first_payment_on == date(2027, 5, 20)


# -- 3. no response: judgment in default ---------------------------------------------------------------


def test_judgment_in_default_to_be_paid_by_a_set_date(party: Party, claim: Claim, travel):
    travel(uk(2027, 3, 23, 10, 0), tick=True)  # the 19 days ended at 4pm yesterday
    run_sweep("responses.no_response")
    sign_in_as_claimant(party, claim, "the claim, no response")
    party.status("No response")
    party.click("Request a county court judgment", role="link")

    party.on("Request a county court judgment", "request default judgment")
    party.sees("form OCON205A")
    party.choose("paid-paid", "yes")
    party.click("Continue")
    party.errors("Enter how much the defendant has paid", "Choose how you want the defendant to pay",
                 context="request default judgment")
    party.fill("paid-amount", "50")
    party.choose("plan-option", "by_set_date")
    party.fill_date("plan-pay_by", date(2027, 4, 30))
    party.click("Continue")

    terms = f"The defendant must pay you {TOTAL_DEFAULT} by 30 April 2027"
    party.check_page(LINES_DEFAULT, TOTAL_DEFAULT, terms)
    party.click("Request judgment")

    party.judgment_shown(claim.description, TOTAL_DEFAULT, terms, "Judgment in default")
    claim.refresh_from_db()
    assert claim.state == ClaimState.JUDGMENT_ENTERED and claim.judgment.pay_by == date(2027, 4, 30)


# -- 4. closing: the claim is paid --------------------------------------------------------------------


def test_the_claimant_says_the_claim_is_paid(party: Party, claim: Claim, travel):
    travel(uk(2027, 3, 12, 14, 0), tick=True)
    sign_in_as_claimant(party, claim, "the claim, issued")
    party.status("Issued")
    party.click("Tell us the claim is paid or settled", role="link")

    party.on("Tell us the claim is paid or settled", "paid or settled")
    party.choose("how", "paid")
    party.fill_date("received_on", date(2027, 3, 15))
    party.click("Close the claim")
    party.errors("The date you received the money or settled the claim must be today or in the past",
                 context="paid or settled")
    party.fill_date("received_on", date(2027, 3, 11))
    party.click("Close the claim")

    party.on(claim.description, "the claim, paid")
    party.status("Paid or settled")
    party.sees("You told the court the claim is paid or settled. The claim is closed.")
    claim.refresh_from_db()
    assert claim.state == ClaimState.SETTLED
