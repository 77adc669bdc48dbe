"""The defendant's journeys in a browser, one for each kind of response (PD 51R 5.1(3), Table A):
sign in, find the claim with its claim number and security code, answer the response's pages,
check, sign the statement of truth and submit. axe checks every page, and at least one error
state in each journey.

Each test issues its claim on Monday 1 March 2027 (see ``respond.py``) and stays in that week,
with the clock ticking, in the test's thread and the live server's alike.
"""
from __future__ import annotations

from datetime import date

import pytest
from playwright.sync_api import Page
from pypdf import PdfReader

from claims.models import Claim
from court.models import Notification
from responses.models import DefendantResponse
from rules.money import format_money

from .respond import CLAIMANT_EMAIL, DEADLINE_19, DEADLINE_33, DEFENDANT_EMAIL, ISSUED_AT, Defendant, issue_claim

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def claim(make_user, travel) -> Claim:
    travel(ISSUED_AT, tick=True)
    claim = issue_claim(make_user)
    make_user(DEFENDANT_EMAIL, full_name="Dan Defendant")
    return claim


@pytest.fixture
def dan(page: Page, live_server, claim: Claim) -> Defendant:
    """The defendant, signed in, looking at the claim they have just linked."""
    defendant = Defendant(page, live_server.url)
    defendant.sign_in_and_link(claim)
    return defendant


def response_of(claim: Claim) -> DefendantResponse:
    claim.refresh_from_db()
    return DefendantResponse.objects.get(claim=claim)


# -- 1. reject all of the claim: a defence ------------------------------------------------------------------


def test_reject_all_disputing_it_with_more_time(dan: Defendant, claim: Claim):
    dan.sees(f"Respond by {DEADLINE_19}")
    dan.click("I need more time to respond", role="link")
    dan.on("Do you need more time to respond?", "more time")
    dan.sees(DEADLINE_33)
    dan.save()
    dan.errors("Select yes if you need more time to respond", context="more time")
    dan.choose("more_time", "yes")
    dan.save()
    dan.on("Respond to the claim", "task list")
    dan.sees(f"You must respond by {DEADLINE_33}")

    dan.task("Confirm your details")
    dan.on("Your details")
    dan.save()
    dan.errors("Enter your date of birth", context="your details")
    dan.fill_date("date_of_birth", date(1978, 6, 3))
    dan.fill("phone", "07700 900456")
    dan.save()

    dan.response_type("reject", reason="dispute")
    dan.task("Tell us why you disagree with the claim")
    dan.on("Why do you disagree with the claim?", "defence")
    dan.save()
    dan.errors("Explain why you disagree with the claim", context="defence")
    dan.fill("text", "The wall fell down a week after it was built, so I owe nothing.")
    dan.save()
    dan.on("Your timeline of events", "defence timeline")
    dan.fill("rows-0-date", "April 2026")
    dan.fill("rows-0-event", "The wall fell down.")
    dan.save()
    dan.on("Your evidence", "defence evidence")
    dan.page.locator("select[name='rows-0-type']").select_option("photos")
    dan.fill("rows-0-description", "Photos of the fallen wall")
    dan.save()

    dan.hearing()
    dan.on("Respond to the claim", "task list, all but mediation")
    dan.mediation(willing=True)

    dan.on("Check your answers before you submit your response", "check your answers")
    dan.sees("Your response: Defence: rejects all of the claim", "The wall fell down.", "Leeds County Court")
    dan.click("Submit your response")
    dan.errors("Confirm that you believe the facts stated in this response are true",
               "Enter your full name to sign the statement of truth", context="check your answers")
    dan.submit("Defence: rejects all of the claim")
    dan.claim_after_response("Willing to try mediation", "Leeds County Court")
    with dan.page.expect_download() as download:
        dan.response_pdf_link().click()
    pdf = " ".join(" ".join(sheet.extract_text().split()) for sheet in PdfReader(download.value.path()).pages)
    assert claim.claim_number in pdf and "The wall fell down a week after it was built" in pdf

    # The claimant's side: the claim waits for their answer, and they are told.
    response = response_of(claim)
    assert response.kind == "full_defence" and response.mediation_willing is True
    assert claim.state == "awaiting_claimant_response" and claim.claimant_response_deadline is not None
    assert claim.more_time_requested_at is not None
    told = Notification.objects.filter(kind="response_received_claimant", claim_number=claim.claim_number)
    assert [n.to_email for n in told] == [CLAIMANT_EMAIL]


# -- 2. reject all: already paid in full ("states paid") ----------------------------------------------------


def test_reject_all_as_already_paid(dan: Defendant, claim: Claim):
    total = format_money(claim.total)
    dan.click("Respond to the claim", role="link")
    dan.on("Respond to the claim", "task list")
    dan.details()
    dan.response_type("reject", reason="already_paid")
    dan.task("Tell us how much you have paid or admit")
    dan.on("How much have you paid?", "paid")
    dan.sees(f"The total claimed, with the court fee, is {total}")
    dan.fill("amount", total)
    dan.fill_date("date", date(2027, 3, 8))
    dan.fill("how", "By bank transfer")
    dan.save()
    dan.errors("The date you paid must be today or in the past", context="paid")
    dan.fill_date("date", date(2027, 2, 20))
    dan.save()
    dan.defence("I paid the invoice in full on 20 February.", timeline=("20 February 2027", "I paid by transfer."),
                evidence=("statements", "My bank statement"))
    dan.hearing()
    dan.mediation(willing=True)
    dan.submit("Defence: says the claim has been paid")
    dan.claim_after_response()
    response = response_of(claim)
    assert response.kind == "states_paid" and response.paid_amount == claim.total
    assert response.paid_on == date(2027, 2, 20)


# -- 3. reject all, but paid less than claimed: a part admission of what was paid --------------------------


def test_reject_all_as_paid_but_less_than_claimed_is_a_part_admission(dan: Defendant, claim: Claim):
    dan.click("Respond to the claim", role="link")
    dan.on("Respond to the claim", "task list")
    dan.details()
    dan.task("Choose your response")
    dan.on("How do you respond to the claim?")
    dan.save()
    dan.errors("Choose your response", context="response type")
    dan.choose("type", "reject")
    dan.save()
    dan.on("Why do you reject the claim?")
    dan.choose("reason", "already_paid")
    dan.save()
    dan.task("Tell us how much you have paid or admit")
    dan.on("How much have you paid?", "paid")
    dan.fill("amount", "400")
    dan.fill_date("date", date(2027, 2, 20))
    dan.fill("how", "Cash, handed over at the site")
    dan.save()
    dan.defence("The work was only worth the £400 I paid.", heading="Why do you disagree with the amount claimed?")
    dan.hearing()
    dan.mediation(willing=False)
    dan.submit("Admits part of the claim", "How much have you paid the claimant?", "£400.00")
    dan.claim_after_response("Says they have paid", "Amount admitted", f"£400.00 of {format_money(claim.total)}")
    response = response_of(claim)
    assert response.kind == "part_admission"
    assert response.paid_amount == response.admitted_amount == 400
    assert response.mediation_willing is False


# -- 4. admit all, paying immediately (no statement of means) -----------------------------------------------


def test_admit_all_paying_immediately(dan: Defendant, claim: Claim):
    total = format_money(claim.total)
    dan.click("Respond to the claim", role="link")
    dan.on("Respond to the claim", "task list")
    dan.details()
    dan.response_type("full_admission")
    dan.task("Decide how you will pay")
    dan.on("How do you want to pay?", "payment option")
    dan.sees(f"You admit you owe {total}")
    dan.save()
    dan.errors("Choose how you want to pay", context="payment option")
    dan.choose("option", "immediately")
    dan.save()
    dan.submit("Admits all of the claim", "Immediately (within 5 days)",
               absent=("Give us details of your finances", "Give us details in case there is a hearing"))
    dan.sees(f"You said you will pay {total} so that the claimant receives it by 8 March 2027")
    dan.claim_after_response()
    response = response_of(claim)
    assert response.kind == "full_admission" and response.admitted_amount == claim.total
    assert response.payment_option == "immediately"
    assert not set(response.data) & {"residence", "income", "hearing_court", "mediation"}


# -- 5. admit all, by instalments: an individual gives a statement of means ----------------------------------


def test_admit_all_by_instalments_with_a_statement_of_means(dan: Defendant, claim: Claim):
    dan.click("Respond to the claim", role="link")
    dan.on("Respond to the claim", "task list")
    dan.details()
    dan.response_type("full_admission")
    dan.task("Decide how you will pay")
    dan.on("How do you want to pay?", "payment option")
    dan.choose("option", "instalments")
    dan.save()
    dan.on("Your repayment plan", "instalments")
    dan.fill("amount", "50000")
    dan.choose("frequency", "monthly")
    dan.fill_date("first_date", date(2027, 4, 1))
    dan.save()
    dan.errors("Each instalment must be no more than the amount you owe", context="instalments")
    dan.fill("amount", "75")
    dan.save()
    dan.on("Respond to the claim", "task list, before the statement of means")
    dan.means()
    dan.submit("Admits all of the claim", "Give us details of your finances", "Take-home pay from your job",
               "£1,650.00 every month", "Current account, -£120.50 (overdrawn)",
               absent=("Give us details in case there is a hearing",))
    dan.sees("£75.00 every month, starting 1 April 2027")
    dan.claim_after_response()
    response = response_of(claim)
    assert response.kind == "full_admission" and response.payment_option == "instalments"
    assert response.instalment_amount == 75 and response.first_payment_on == date(2027, 4, 1)
    assert response.data["income"]["job_amount"] == "1650.00"


# -- 6. admit part, paying by a set date; defend the rest ----------------------------------------------------


def test_admit_part_by_a_set_date_and_defend_the_rest(dan: Defendant, claim: Claim):
    dan.click("Respond to the claim", role="link")
    dan.on("Respond to the claim", "task list")
    dan.details()
    dan.response_type("part_admission")
    dan.task("Tell us how much you have paid or admit")
    dan.on("Have you paid the claimant the amount you admit you owe?", "part paid")
    dan.choose("paid", "no")
    dan.save()
    dan.on("How much money do you admit you owe?", "admitted")
    dan.fill("amount", format_money(claim.total))
    dan.save()
    dan.errors("The amount must be less than the total claimed", context="admitted")
    dan.fill("amount", "£500")
    dan.save()
    dan.defence("Half the wall was never built.", heading="Why do you disagree with the amount claimed?",
                timeline=("March 2026", "Only the first half of the wall was built."))
    dan.task("Decide how you will pay")
    dan.on("How do you want to pay?", "payment option")
    dan.sees("You admit you owe £500.00")
    dan.choose("option", "by_set_date")
    dan.save()
    dan.on("What date will you pay by?", "payment date")
    dan.fill_date("date", date(2027, 5, 28))
    dan.save()
    dan.means()
    dan.hearing()
    dan.mediation(willing=False)
    dan.submit("Admits part of the claim and defends the rest")
    dan.sees("In full by 28 May 2027")
    dan.claim_after_response()
    response = response_of(claim)
    assert response.kind == "part_admission" and response.admitted_amount == 500
    assert response.pay_by == date(2027, 5, 28) and response.mediation_willing is False
    assert claim.state == "awaiting_claimant_response"


# -- 7. a counterclaim: on paper, so the claim leaves the online service ------------------------------------


def test_counterclaim_sends_the_claim_out_of_the_online_service(dan: Defendant, claim: Claim):
    dan.click("Respond to the claim", role="link")
    dan.on("Respond to the claim", "task list")
    dan.task("Choose your response")
    dan.on("How do you respond to the claim?")
    dan.save()
    dan.errors("Choose your response", context="response type")
    dan.choose("type", "counterclaim")
    dan.save()
    dan.on("You need to respond on paper to make a counterclaim", "counterclaim")
    dan.sees("form N9B")
    dan.click("I will respond on paper with a counterclaim")
    dan.on(dan.parties, "the claim, sent out")
    dan.sees("Sent out of the online service", "County Court Money Claims Centre")
    claim.refresh_from_db()
    assert claim.state == "sent_out"
    assert not DefendantResponse.objects.filter(claim=claim).exists()
