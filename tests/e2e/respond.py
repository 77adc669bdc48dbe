"""The defendant's side in a browser: an issued claim to respond to, and the steps of the journey.

``issue_claim(make_user)`` issues a £1,000 claim (with interest and the court fee) against an
individual, Dan Defendant, through the real services, as ``tests/responses/conftest.py`` does:
on Monday 1 March 2027 at 10:00, so the 19 days end at 4pm on Monday 22 March 2027 and 33 days
at 4pm on Monday 5 April 2027. The test travels there first, with the clock ticking: time-machine
moves the clock of the whole process, so the live server's thread sees 2027 too.

``Defendant(page, live_server.url)`` drives the pages the way a person does and runs axe on them.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Any
from unittest import mock

from django.contrib.auth.models import Group
from playwright.sync_api import Locator, Page, expect

from claims import services as claim_services
from claims.models import Claim
from documents.tasks import render_document
from responses.services import LINK_ERROR
from tests.claims.drafting.factories import complete_draft_data
from tests.conftest import uk

from .axe import _axe_source, assert_accessible

ISSUED_AT = uk(2027, 3, 1, 10, 0)
DEADLINE_19 = "4pm on Monday 22 March 2027"
DEADLINE_33 = "4pm on Monday 5 April 2027"
PASSWORD = "correct-horse-battery"  # tests.conftest.make_user's
CLAIMANT_EMAIL = "clara@example.com"
DEFENDANT_EMAIL = "dan@example.com"
INDIVIDUAL = {
    "type": "individual", "title": "Mr", "full_name": "Dan Defendant", "address_line1": "3 Oak Road",
    "address_line2": "", "town": "Leeds", "postcode": "LS2 7AB", "phone": "", "email": "dan.pack@example.com",
}


def issue_claim(make_user: Any, *, defendant: dict[str, Any] | None = None) -> Claim:
    """An issued claim (Help with Fees, full remission), made as the claimant and a caseworker would.

    Its documents (sealed claim form, receipt, defendant's pack) are left for the worker that never
    comes: rendering three PDFs takes longer than a whole journey's pages, and these tests are about
    the response (the claim page says they are being prepared). The response's own PDF is rendered.
    """
    owner = make_user(CLAIMANT_EMAIL, full_name="Clara Claimant")
    caseworker = make_user(is_staff=True)
    caseworker.groups.set([Group.objects.get_or_create(name="caseworker")[0]])
    claim = claim_services.claim_draft_create(owner=owner, data=complete_draft_data(defendant=defendant or INDIVIDUAL))
    claim_services.claim_submit(claim_id=claim.pk, actor=owner, signed_name="Clara Claimant")
    claim_services.claim_hwf_apply(claim_id=claim.pk, actor=owner, reference="HWF-A1B-2C3")
    with mock.patch.object(render_document, "delay"):
        return claim_services.claim_hwf_decide(claim_id=claim.pk, actor=caseworker, decision="full")


class Defendant:
    """One person in one browser context, answering the pages of the response."""

    def __init__(self, page: Page, base_url: str) -> None:
        self.page = page
        self.base_url = base_url
        # axe in every document from the start (``axe_violations`` then need not inject it page by page):
        # about 50 ms less a page, which adds up over a few hundred pages.
        page.context.add_init_script(script=_axe_source())
        self.parties = ""  # "Ms Sam Claimant v Mr Dan Defendant", the claim page's heading

    # -- looking -------------------------------------------------------------------------------------

    def go(self, path: str) -> None:
        self.page.goto(self.base_url + path)

    def on(self, heading: str, context: str | None = None) -> None:
        """The page's h1 says ``heading``; axe finds nothing wrong with the page."""
        expect(self.page.get_by_role("heading", level=1)).to_contain_text(heading)
        self.page.wait_for_load_state()  # styles and GOV.UK Frontend's JavaScript in place before axe looks
        assert_accessible(self.page, context or heading)

    def sees(self, *texts: str) -> None:
        main = self.page.locator("main")
        for text in texts:
            expect(main).to_contain_text(text)

    def errors(self, *messages: str, context: str) -> None:
        """The GOV.UK error summary lists ``messages``, and the page in that state passes axe."""
        summary = self.page.locator(".govuk-error-summary")
        expect(summary).to_be_visible()
        for message in messages:
            expect(summary).to_contain_text(message)
        expect(self.page).to_have_title(re.compile(r"^Error: "))
        assert_accessible(self.page, f"{context} with an error")

    # -- doing ----------------------------------------------------------------------------------------

    def click(self, name: str | re.Pattern[str], role: str = "button") -> None:
        self.page.get_by_role(role, name=name).click()  # type: ignore[arg-type]

    def save(self) -> None:
        self.click("Save and continue")

    def task(self, title: str) -> None:
        """Open a section from the response's task list."""
        expect(self.page.get_by_role("heading", level=1)).to_have_text("Respond to the claim")
        self.page.get_by_role("link", name=title, exact=True).click()

    def choose(self, name: str, value: str) -> None:
        self.page.locator(f"input[name='{name}'][value='{value}']").check()

    def fill(self, name: str, value: str) -> None:
        self.page.locator(f"[name='{name}']").fill(value)

    def fill_date(self, name: str, day: date) -> None:
        for part, value in (("day", day.day), ("month", day.month), ("year", day.year)):
            self.fill(f"{name}_{part}", str(value))

    # -- steps of every journey --------------------------------------------------------------------

    def sign_in_and_link(self, claim: Claim, email: str = DEFENDANT_EMAIL) -> None:
        """Sign in (from /respond/), get the security code wrong once, then find the claim."""
        self.go("/respond/")
        self.on("Sign in")
        self.fill("login", email)
        self.fill("password", PASSWORD)
        self.click("Sign in")
        self.on("Respond to a money claim", "link a claim")
        self.fill("claim_number", claim.claim_number)
        self.fill("security_code", "ABCD2345" if claim.security_code != "ABCD2345" else "ABCD2346")
        self.click("Continue")
        self.errors(LINK_ERROR, context="link a claim, wrong security code")
        self.fill("security_code", claim.security_code.lower())
        self.click("Continue")
        self.parties = f"{claim.claimant_name} v {claim.defendant_name}"
        self.on(self.parties, "the claim, before the response")
        self.sees(claim.claim_number, "Respond to the claim")

    def details(self, born: date = date(1978, 6, 3)) -> None:
        self.task("Confirm your details")
        self.on("Your details")
        self.fill_date("date_of_birth", born)
        self.save()

    def response_type(self, value: str, reason: str = "") -> None:
        self.task("Choose your response")
        self.on("How do you respond to the claim?")
        self.choose("type", value)
        self.save()
        if reason:
            self.on("Why do you reject the claim?")
            self.choose("reason", reason)
            self.save()

    def defence(self, text: str, *, heading: str = "Why do you disagree with the claim?",
                timeline: tuple[str, str] | None = None, evidence: tuple[str, str] | None = None) -> None:
        self.task("Tell us why you disagree with the claim")
        self.on(heading)
        self.fill("text", text)
        self.save()
        self.on("Your timeline of events", "defence timeline")
        if timeline:
            self.fill("rows-0-date", timeline[0])
            self.fill("rows-0-event", timeline[1])
        self.save()
        self.on("Your evidence", "defence evidence")
        if evidence:
            self.page.locator("select[name='rows-0-type']").select_option(evidence[0])
            self.fill("rows-0-description", evidence[1])
        self.save()

    def hearing(self, court: str = "Leeds County Court") -> None:
        """The directions questionnaire (OCON180): every page, the plainest answers."""
        self.task("Give us details in case there is a hearing")
        self.hearing_pages(court)

    def choose_court(self, court: str, *, typeahead: bool = True) -> None:
        """Choose the preferred court: typing the start of its name into the type-ahead and picking it,
        or (``typeahead=False``, the page without the accessible-autocomplete script) from the select."""
        if typeahead:
            box = self.page.locator("input#id_court")  # the type-ahead takes the select's id and label
            expect(box).to_be_visible()
            expect(self.page.locator("select[name='court']")).to_be_hidden()
            box.fill(court.split()[0][:4])
            self.page.get_by_role("option", name=court, exact=True).click()
            expect(box).to_have_value(court)
        else:
            select = self.page.locator("select#id_court")
            expect(select).to_be_visible()
            select.select_option(label=court)

    def hearing_pages(self, court: str, *, typeahead: bool = True) -> None:
        """The OCON180's pages in order, from the preferred court (the claimant answers the same pages)."""
        self.on("Which court would you prefer for a hearing?", "hearing: preferred court")
        self.choose_court(court, typeahead=typeahead)
        self.save()
        self.on("Are there any dates in the next 12 months", "hearing: availability")
        self.choose("unavailable", "yes")
        self.fill("dates", "12 to 16 April 2027, on holiday")
        self.save()
        self.on("Witnesses", "hearing: witnesses")
        self.choose("yourself", "yes")
        self.choose("other_witnesses", "no")
        self.save()
        self.on("Do you want to use an expert?", "hearing: experts")
        self.choose("expert", "no")
        self.save()
        self.on("Language", "hearing: language")
        self.choose("speak", "english")
        self.choose("documents", "english")
        self.save()
        self.on("Do you need any support at a hearing?", "hearing: support")
        self.choose("needs", "none")
        self.save()
        self.on("Is there anything that makes you vulnerable", "hearing: vulnerability")
        self.choose("vulnerable", "no")
        self.save()

    def means(self) -> None:
        """The statement of means (an individual asking for time to pay): every page, plain answers."""
        self.task("Give us details of your finances")
        self.on("What type of home do you live in?", "means: residence")
        self.choose("type", "private_rent")
        self.save()
        self.on("You and your partner", "means: partner")
        self.choose("partner", "no")
        self.choose("pensioner", "no")
        self.save()
        self.on("Do any children live with you?", "means: dependants")
        self.choose("children", "yes")
        self.fill("under_11", "1")
        self.choose("disabled", "no")
        self.save()
        self.on("Do you support anyone else financially?", "means: other dependants")
        self.choose("supports", "no")
        self.save()
        self.on("Are you employed, self-employed or neither?", "means: employment")
        self.choose("status", "employed")
        self.fill("employer", "Leeds Bakery Ltd")
        self.fill("job_title", "Baker")
        self.save()
        self.on("What regular income do you get?", "means: income")
        self.save()
        self.errors("Select the regular income you get, or select that you have none", context="means: income")
        self.choose("types", "job")
        self.fill("job_amount", "1,650.00")
        self.choose("job_frequency", "monthly")
        self.choose("types", "child_benefit")
        self.fill("child_benefit_amount", "26.05")
        self.choose("child_benefit_frequency", "weekly")
        self.save()
        self.on("What bank and savings accounts do you have?", "means: bank accounts")
        self.choose("rows-0-type", "current")
        self.choose("rows-0-joint", "no")
        self.fill("rows-0-balance", "-120.50")
        self.save()
        self.on("What are your regular expenses?", "means: expenses")
        for kind, amount in (("rent", "650"), ("council_tax", "120"), ("food", "300")):
            self.choose("types", kind)
            self.fill(f"{kind}_amount", amount)
            self.choose(f"{kind}_frequency", "monthly")
        self.save()
        self.on("Are you behind on any of these payments?", "means: priority debts")
        self.choose("types", "none")
        self.save()
        self.on("What loans and credit card debts do you have?", "means: debts")
        self.fill("rows-0-creditor", "Big Bank plc")
        self.fill("rows-0-total_owed", "2,400")
        self.fill("rows-0-monthly_payment", "60")
        self.save()
        self.on("What other court orders are you paying?", "means: court orders")
        self.save()
        self.on("Are you disabled or a carer?", "means: disability")
        self.choose("disabled", "no")
        self.choose("carer", "no")
        self.save()

    def mediation(self, willing: bool, phone: str = "07700 900123") -> None:
        self.task("Free telephone mediation")
        self.on("Will you try free mediation?", "mediation")
        self.choose("willing", "yes" if willing else "no")
        if willing:
            self.fill("phone", phone)
        self.save()

    def submit(self, kind: str, *shown: str, absent: tuple[str, ...] = (), signed_name: str = "Dan Defendant") -> None:
        """Check your answers shows ``kind`` and ``shown``, not ``absent``; sign the statement of truth and submit."""
        self.on("Check your answers before you submit your response", "check your answers")
        self.sees(f"Your response: {kind}", *shown)
        for text in absent:
            expect(self.page.locator("main")).not_to_contain_text(text)
        self.page.locator("input[name=believe]").check()
        self.fill("signed_name", signed_name)
        self.click("Submit your response")
        self.on("You have submitted your response", "response submitted")

    def claim_after_response(self, *shown: str) -> None:
        """From the confirmation page to the claim's page: the response is there, and its PDF."""
        self.click("View the claim and download your response", role="link")
        self.on(self.parties, "the claim, after the response")
        self.sees("Response sent", "The defendant's response", *shown)
        # The response PDF was rendered as the response committed (CELERY_TASK_ALWAYS_EAGER).
        expect(self.response_pdf_link()).to_be_visible()

    def response_pdf_link(self) -> Locator:
        return self.page.get_by_role("link", name=re.compile(r"^Defendant's response \(PDF"))
