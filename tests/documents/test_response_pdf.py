"""The defendant's response PDF (OCON9A / OCON9B / OCON180 in one document), made through the real
services: the response is drafted, signed and submitted, then its document is rendered and read back.

The claim (``tests.responses.conftest``): £1,000 plus interest against Mr Dan Defendant, issued on
Monday 1 March 2027 with the fee remitted; the defendant must respond by 4pm on Monday 22 March 2027.
"""
from __future__ import annotations

import io
from typing import Any

import pytest
from pypdf import PdfReader

from claims.models import Claim
from documents.models import ClaimDocument, DocumentKind, DocumentStatus
from documents.registry import context_for
from documents.services import document_render
from responses import questions, services
from responses.models import DefendantResponse
from responses.pdfs import (
    RESPONSE_STATEMENT_OF_TRUTH,
    RESPONSE_STATEMENT_OF_TRUTH_ORGANISATION,
    response_form_heading,
    response_parts,
)
from rules.money import format_money
from tests.conftest import uk
from tests.responses import conftest as response_fixtures

from .conftest import pdf_pages, pdf_text

pytestmark = pytest.mark.django_db

# The responses tests' fixtures: a claim issued through the real services, and its defendant linked.
caseworker = response_fixtures.caseworker
issue_claim = response_fixtures.issue_claim
linked = response_fixtures.linked

DEFENCE = "I never agreed to the work.\nThe wall was built on my neighbour's land, not mine."

#: The directions questionnaire (OCON180) beyond the preferred court.
DQ = {
    "hearing_court": {"court": "Leeds County Court"},
    "availability": {"unavailable": "yes", "dates": "5 to 16 April 2027: abroad\n3 May 2027: hospital appointment"},
    "witnesses": {"yourself": "yes", "other_witnesses": "yes", "how_many": "1", "who": "My neighbour, Pat Green"},
    "experts": {"expert": "no", "expertise": "", "why": ""},
    "language": {"speak": "english", "documents": "english"},
    "support": {"needs": ["none"], "sign_language": "", "interpreter_language": "", "other_support": ""},
    "vulnerability": {"vulnerable": "no", "details": ""},
}

FULL_DEFENCE = {
    "details": {"phone": "", "date_of_birth": "1980-01-01"},
    "response_type": {"type": "reject"},
    "reject_reason": {"reason": "dispute"},
    "defence": {"text": DEFENCE},
    "defence_timeline": {"rows": [
        {"date": "April 2026", "event": "The claimant knocked on my door offering to build a wall"},
        {"date": "May 2026", "event": "I told the claimant in writing I did not want one"},
    ]},
    "defence_evidence": {"rows": []},
    **DQ,
    "mediation": {"willing": "yes", "phone": "07700 900111", "contact_name": "", "reason": ""},
}

COMPANY = {
    "type": "company", "name": "Acme Ltd", "contact_name": "Alex Boss", "address_line1": "9 Mill Lane",
    "address_line2": "", "town": "Leeds", "postcode": "LS9 8AB", "phone": "", "email": "acme.pack@example.com",
}


def submit(claim: Claim, defendant: Any, values: dict[str, Any], **signature: str) -> DefendantResponse:
    services.response_draft_save(claim_id=claim.pk, actor=defendant, values=values)
    situation = services.situation(claim, services.response_draft(claim))
    missing = questions.first_unanswered(situation)
    assert missing is None, f"the test's answers leave a page unanswered: {missing.slug}"
    return services.response_submit(claim_id=claim.pk, actor=defendant, **signature)


def rendered(claim: Claim) -> bytes:
    """The response's document, rendered as the worker renders it."""
    document = ClaimDocument.objects.get(claim=claim, kind=DocumentKind.RESPONSE)
    ok = document_render(document_id=document.pk)
    document.refresh_from_db()
    assert ok and document.status == DocumentStatus.READY, document.last_error
    return bytes(document.content)


def assert_all_in(text: str, expected: list[str]) -> None:
    missing = [fact for fact in expected if fact not in text]
    assert not missing, f"missing from the PDF: {missing}\n--- text ---\n{text}"


def raw_lines(pdf: bytes) -> list[str]:
    """The PDF's text line by line, as laid out."""
    reader = PdfReader(io.BytesIO(pdf))
    return [" ".join(line.split()) for page in reader.pages for line in page.extract_text().splitlines()]


def test_a_full_defence_with_its_directions_questionnaire(linked: Any, travel: Any) -> None:
    claim, defendant = linked
    travel(uk(2027, 3, 10, 14, 30), tick=False)  # Wednesday, before 4pm
    response = submit(claim, defendant, FULL_DEFENCE, signed_name="Dan Defendant")
    claim.refresh_from_db()

    pdf = rendered(claim)
    text = pdf_text(pdf)

    assert_all_in(text, [
        f"Response to claim {claim.claim_number}",
        "County Court Business Centre, Online Civil Money Claims",
        f"Claim number {claim.claim_number}",
        "Date of issue 1 March 2027",
        "Claimant Ms Sam Claimant",
        "Defendant Mr Dan Defendant",
        "3 Oak Road",
        f"Amount claimed {format_money(claim.total)}",
        "Received by the court: 2:30pm on Wednesday 10 March 2027, counts as received on 10 March 2027 (4pm rule)",
        "Response Defence: rejects all of the claim",
        "Free mediation Yes: willing to try free mediation",
        "Preferred court Leeds County Court",
        # the answers, under the forms they belong to
        "Defence (OCON9B)",
        "Directions questionnaire (OCON180)",
        "I never agreed to the work.",
        "The wall was built on my neighbour's land, not mine.",
        "May 2026: I told the claimant in writing I did not want one",
        "My neighbour, Pat Green",
        "07700 900111",
        # the statement of truth (13.1(2)) as signed
        RESPONSE_STATEMENT_OF_TRUTH,
        "Signed by Dan Defendant",
        "Date signed 10 March 2027",
    ])
    assert "after the deadline" not in text
    assert "OCON9A" not in text  # no admission, no statement of means
    assert "Amount admitted" not in text and "Offer to pay" not in text
    assert RESPONSE_STATEMENT_OF_TRUTH_ORGANISATION not in text
    # The defence comes before the directions questionnaire, and the statement of truth ends it.
    order = ["Defence (OCON9B)", DEFENCE.splitlines()[0], "Directions questionnaire (OCON180)",
             "Which court would you prefer for a hearing? Leeds County Court", RESPONSE_STATEMENT_OF_TRUTH]
    assert [text.index(fact) for fact in order] == sorted(text.index(fact) for fact in order)
    # Multi-line answers keep their line breaks.
    lines = raw_lines(pdf)
    assert "The wall was built on my neighbour's land, not mine." in lines
    assert "3 May 2027: hospital appointment" in lines
    # The claim number and page numbers are on every page.
    pages = pdf_pages(pdf)
    for number, page in enumerate(pages, start=1):
        assert f"Claim number {claim.claim_number}" in page and f"Page {number} of {len(pages)}" in page
    assert PdfReader(io.BytesIO(pdf)).metadata.title == f"Response to claim {claim.claim_number}"
    assert response.received_on.isoformat() == "2027-03-10"


def test_a_late_full_admission_paying_immediately(linked: Any, travel: Any) -> None:
    claim, defendant = linked
    travel(uk(2027, 3, 23, 17, 5), tick=False)  # Tuesday after the deadline, after 4pm
    submit(claim, defendant, {
        "details": {"phone": "", "date_of_birth": "1980-01-01"},
        "response_type": {"type": "full_admission"},
        "payment_option": {"option": "immediately"},
    }, signed_name="Dan Defendant")
    claim.refresh_from_db()
    response = claim.response
    assert response.late and response.received_on.isoformat() == "2027-03-24"

    text = pdf_text(rendered(claim))

    assert_all_in(text, [
        f"Response to claim {claim.claim_number}",
        "Received by the court: 5:05pm on Tuesday 23 March 2027, counts as received on 24 March 2027 (4pm rule)",
        "Received after the deadline, 4pm on Monday 22 March 2027.",
        "Response Admits all of the claim",
        f"Amount admitted {format_money(claim.total)}",
        # 5 days after the day it counts as received (7.3)
        "Offer to pay Immediately: the claimant should receive it by 30 March 2027",  # 29th: Easter Monday
        "Admission (OCON9A)",
        "Immediately (within 5 days)",
        RESPONSE_STATEMENT_OF_TRUTH,
        "Signed by Dan Defendant",
        "Date signed 23 March 2027",
    ])
    assert "OCON9B" not in text and "OCON180" not in text  # no defence, so no directions questionnaire
    assert "Preferred court" not in text and "Free mediation" not in text


def test_a_company_admits_part_and_offers_instalments(issue_claim: Any, make_user: Any, travel: Any) -> None:
    claim = issue_claim(defendant=COMPANY)
    user = make_user("alex@example.com", full_name="Alex Boss")
    claim = services.response_link(user=user, claim_number=claim.claim_number, security_code=claim.security_code)
    travel(uk(2027, 3, 15, 9, 0), tick=False)
    submit(claim, user, {
        "details": {"phone": "0113 496 0001"},
        "response_type": {"type": "part_admission"},
        "part_paid": {"paid": "no"},
        "admitted": {"amount": "400.00"},
        "defence": {"text": "Only 4 of the 10 metres of wall were built.\nWe owe for those 4 metres."},
        "defence_timeline": {"rows": []},
        "defence_evidence": {"rows": [{"type": "photos", "description": "Photos of the unfinished wall"}]},
        "payment_option": {"option": "instalments"},
        "instalments": {"amount": "50.00", "frequency": "monthly", "first_date": "2027-04-01"},
        "accounts": {"turnover": "250000.00", "assets": "80000.00", "liabilities": "95000.00", "profit": "-12000.00",
                     "explanation": "A large customer went bust in 2026.\nWe have cut costs since."},
        **DQ,
        "mediation": {"willing": "no", "phone": "", "contact_name": "", "reason": "We would rather go to court"},
    }, signed_name="Alex Boss", signer_role="Director")
    claim.refresh_from_db()

    pdf = rendered(claim)
    text = pdf_text(pdf)

    assert_all_in(text, [
        "Claimant Ms Sam Claimant",
        "Defendant Acme Ltd",
        "Contact: Alex Boss",
        "Received by the court: 9am on Monday 15 March 2027, counts as received on 15 March 2027 (4pm rule)",
        "Response Admits part of the claim and defends the rest",
        "Amount admitted £400.00",
        f"Amount disputed {format_money(claim.total - 400)}",
        "Offer to pay £50.00 every month, starting 1 April 2027",
        "Free mediation No: does not want to try free mediation",
        "Preferred court Leeds County Court",
        "Admission and defence (OCON9A / OCON9B)",
        "The defendant's finances (OCON9A)",
        "Turnover in your last financial year £250,000.00",
        "Profit or loss in your last financial year Loss of £12,000.00",
        "Directions questionnaire (OCON180)",
        "Only 4 of the 10 metres of wall were built.",
        "Photos of the unfinished wall",
        "We would rather go to court",
        RESPONSE_STATEMENT_OF_TRUTH_ORGANISATION,
        "Signed by Alex Boss",
        "Position or office held Director",
        "Date signed 15 March 2027",
    ])
    assert RESPONSE_STATEMENT_OF_TRUTH not in text
    assert "Statement of means" not in text  # a company gives its accounts instead
    assert text.index("Admission and defence (OCON9A / OCON9B)") < text.index("The defendant's finances (OCON9A)") \
        < text.index("Directions questionnaire (OCON180)")
    lines = raw_lines(pdf)
    assert "We owe for those 4 metres." in lines and "We have cut costs since." in lines


#: A statement of means (OCON9A) for an individual asking for time to pay.
MEANS = {
    "residence": {"type": "private_rent", "other_details": ""},
    "partner": {"partner": "no", "partner_adult": "", "partner_pensioner": "", "partner_disability": "",
                "pensioner": "no"},
    "dependants": {"children": "yes", "under_11": "2", "age_11_to_15": "0", "age_16_to_19": "0", "disabled": "no"},
    "other_dependants": {"supports": "no", "number": "", "details": "", "disabled": ""},
    "employment": {"status": ["employed"], "employer": "Leeds Bakery Ltd", "job_title": "Baker",
                   "self_employed_job": "", "turnover": "", "tax_arrears": "", "tax_arrears_amount": "",
                   "tax_arrears_reason": ""},
    "income": {"types": ["job", "child_benefit"], "job_amount": "1650.00", "job_frequency": "monthly",
               "child_benefit_amount": "42.55", "child_benefit_frequency": "weekly"},
    "bank_accounts": {"rows": [{"type": "current", "joint": "no", "balance": "-120.50"}]},
    "expenses": {"types": ["rent", "food"], "rent_amount": "750.00", "rent_frequency": "monthly",
                 "food_amount": "80.00", "food_frequency": "weekly"},
    "priority_debts": {"types": ["none"]},
    "debts": {"rows": [{"creditor": "Big Bank credit card", "total_owed": "2300.00", "monthly_payment": "60.00"}]},
    "court_orders": {"rows": []},
    "disability": {"disabled": "no", "carer": "no"},
}


def test_a_full_admission_by_instalments_with_a_statement_of_means(linked: Any, travel: Any) -> None:
    claim, defendant = linked
    travel(uk(2027, 3, 12, 11, 15), tick=False)  # Friday
    submit(claim, defendant, {
        "details": {"phone": "07700 900222", "date_of_birth": "1980-01-01"},
        "response_type": {"type": "full_admission"},
        "payment_option": {"option": "instalments"},
        "instalments": {"amount": "50.00", "frequency": "monthly", "first_date": "2027-04-01"},
        **MEANS,
    }, signed_name="Dan Defendant")
    claim.refresh_from_db()
    response = claim.response
    assert response.admitted_amount == claim.total and response.instalment_amount == 50

    pdf = rendered(claim)
    text = pdf_text(pdf)

    assert_all_in(text, [
        "Received by the court: 11:15am on Friday 12 March 2027, counts as received on 12 March 2027 (4pm rule)",
        "Response Admits all of the claim",
        f"Amount admitted {format_money(claim.total)}",
        "Offer to pay £50.00 every month, starting 1 April 2027",
        "Admission (OCON9A)",
        "By instalments",
        "Statement of means (OCON9A)",
        "Leeds Bakery Ltd",
        "Take-home pay from your job £1,650.00 every month",
        "Child Benefit £42.55 every week",
        "Current account, -£120.50 (overdrawn)",
        "Rent £750.00 every month",
        "Big Bank credit card, £2,300.00 owed, paying £60.00 a month",
        RESPONSE_STATEMENT_OF_TRUTH,
        "Signed by Dan Defendant",
        "Date signed 12 March 2027",
    ])
    assert "OCON9B" not in text and "OCON180" not in text
    assert "Amount disputed" not in text and "Amount paid" not in text
    assert text.index("Admission (OCON9A)") < text.index("Statement of means (OCON9A)") \
        < text.index(RESPONSE_STATEMENT_OF_TRUTH)


def test_the_answers_are_grouped_by_form() -> None:
    summary = [
        {"key": key, "title": key.title(), "rows": [{"question": "Q", "answer": "A", "slug": key}]}
        for key in ("details", "response", "amount", "defence", "payment", "means", "hearing", "mediation")
    ] + [{"key": "empty", "title": "Nothing answered", "rows": []}]

    parts = response_parts("part_admission", "individual", summary)

    assert [(part.heading, [section.title for section in part.sections]) for part in parts] == [
        ("Admission and defence (OCON9A / OCON9B)", ["Details", "Response", "Amount", "Defence", "Payment"]),
        ("Statement of means (OCON9A)", ["Means"]),
        ("Directions questionnaire (OCON180)", ["Hearing", "Mediation"]),
    ]
    assert response_form_heading("full_admission") == "Admission (OCON9A)"
    assert response_form_heading("full_defence") == "Defence (OCON9B)"
    assert response_form_heading("states_paid") == "Defence (OCON9B)"


def test_a_claim_without_a_response_has_no_response_pdf(linked: Any) -> None:
    claim, _ = linked
    document = ClaimDocument.objects.create(claim=claim, kind=DocumentKind.RESPONSE, created_at=uk(2027, 3, 2, 9, 0))

    with pytest.raises(ValueError, match="has no response"):
        context_for(document)
