"""The claimant's side after the response, in a browser: from an admission (or silence) to judgment.

``respond_by_services(claim, defendant, **pages)`` links the defendant and submits their response
through the services (the defendant's pages have their own browser tests, ``test_response_journeys``):
the directions questionnaire and statement of means are answered with the plain answers of
``tests.responses.test_services`` (an individual with £526.30 a month to spare). The response's PDF is
left for the worker, as the claim's are: these tests wait for the judgment's PDF instead.

``Party(page, live_server.url)`` is anyone using the service: the steps of ``respond.Defendant``
(every page checked with axe) and signing in as someone else in the same browser.
"""
from __future__ import annotations

import re
from typing import Any
from unittest import mock

from playwright.sync_api import Locator, expect
from pypdf import PdfReader

from claims.models import Claim
from documents.tasks import render_document
from responses import services as response_services
from responses.models import DefendantResponse
from tests.responses.test_services import DEFENCE_PAGES, respond

from .respond import PASSWORD, Defendant

#: The defendant admits all of the claim and offers £50 a month from 1 April 2027 (OCON9A, instalments).
INSTALMENTS_OFFER: dict[str, Any] = {
    "details": DEFENCE_PAGES["details"],
    "response_type": {"type": "full_admission"},
    "payment_option": {"option": "instalments"},
    "instalments": {"amount": "50.00", "frequency": "monthly", "first_date": "2027-04-01"},
}


def respond_by_services(claim: Claim, defendant: Any, **pages: Any) -> DefendantResponse:
    """The defendant links the claim and submits their response (without rendering its PDF)."""
    response_services.response_link(user=defendant, claim_number=claim.claim_number,
                                    security_code=claim.security_code)
    with mock.patch.object(render_document, "delay"):
        response = respond(claim, defendant, **pages)
    claim.refresh_from_db()
    return response


class Party(Defendant):
    """A claimant or a defendant in the browser (``respond.Defendant``'s steps, axe on every page)."""

    def sign_in(self, email: str, path: str, heading: str, context: str) -> None:
        """Sign out (by forgetting the session), ask for ``path`` and sign in as ``email`` on the way."""
        self.page.context.clear_cookies()
        self.go(path)
        self.on("Sign in", f"sign in as {email}")
        self.fill("login", email)
        self.fill("password", PASSWORD)
        self.click("Sign in")
        self.on(heading, context)

    def dashboard_row(self, claim: Claim, context: str) -> Locator:
        """Open the dashboard (checked like every page): the row of ``claim``."""
        self.go("/claims/")
        self.on("Your money claims account", context)
        return self.page.locator("main tbody tr").filter(has_text=claim.claim_number)

    def status(self, words: str) -> None:
        """The claim page's status tag."""
        expect(self.page.locator("main .govuk-tag").first).to_have_text(words)

    def check_page(self, lines: list[tuple[str, str]], total: str, terms: str) -> None:
        """The check page: every line of the judgment, the total and how to pay."""
        self.on("Check the judgment you are asking for", "check the judgment")
        table = self.page.locator("main table.govuk-table")
        rows = table.locator("tbody tr")
        expected = [*lines, ("Total", total)]
        expect(rows).to_have_count(len(expected))
        for index, (label, value) in enumerate(expected):
            expect(rows.nth(index).locator("th")).to_have_text(label)
            expect(rows.nth(index).locator("td")).to_have_text(value)
        self.sees(terms)

    def judgment_shown(self, heading: str, total: str, terms: str, kind: str) -> None:
        """The claim page after judgment: the status, the judgment's summary and its PDF.

        Celery runs its tasks eagerly in tests (``ocmc.test_settings``), so the judgment's PDF is rendered
        as the request for judgment commits, before the claim page is shown: its link must be there (the
        claim's own PDFs, left for the worker by ``issue_claim``, are "being prepared")."""
        self.on(heading, "the claim, judgment entered")
        self.status("Judgment entered")
        self.sees(f"Judgment for {total}. {terms}.")
        summary = self.page.locator("main dl.govuk-summary-list").filter(has_text="Register of judgments")
        expect(summary).to_contain_text(kind)
        expect(summary).to_contain_text(total)
        expect(summary).to_contain_text(terms)
        expect(self.judgment_pdf_link()).to_have_attribute("href", re.compile(r"/documents/judgment/$"))
        expect(self.page.locator("main")).not_to_contain_text("Judgment: being prepared")

    def judgment_pdf_link(self) -> Locator:
        return self.page.get_by_role("link", name=re.compile(r"^Judgment \(PDF"))

    def download_text(self, link: Locator) -> str:
        """Download the PDF behind ``link``; its text, with the whitespace squeezed."""
        with self.page.expect_download() as download:
            link.click()
        return " ".join(" ".join(sheet.extract_text().split()) for sheet in PdfReader(download.value.path()).pages)
