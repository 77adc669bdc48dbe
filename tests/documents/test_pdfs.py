"""The court's PDFs, rendered for real and read back: every figure and key fact is on them."""
from __future__ import annotations

import io
import re
import uuid
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest
from pypdf import PdfReader

from claims.models import Claim
from claims.pdf_views import STATEMENT_OF_TRUTH
from documents.models import DocumentKind
from documents.pdf import render_html, render_pdf
from documents.registry import context_for
from tests.conftest import uk

from .conftest import document, pdf_pages, pdf_text

pytestmark = pytest.mark.django_db

RESPOND_URL = "https://money-claims.example/respond/"

#: On every copy of the claim form (sealed, and in the defendant's pack).
CLAIM_FORM_FACTS = [
    "County Court Business Centre, Online Civil Money Claims",
    "Claim number 000MC042",
    "Issue date 3 March 2027",
    # the parties: name, type, address, contact name
    "Ms Jane Claimant",
    "An individual",
    "12 Harbour Street",
    "BS1 5TT",
    "Acme Kitchens Ltd",
    "A limited company",
    "Unit 7, Riverside Industrial Estate",
    "LS11 5QQ",
    "Contact: Robert Boss",
    # every item, and the figures
    "Refund of deposit for a kitchen never fitted £1,150.00",
    "Cost of storing the units £84.56",
    "£1,234.56",
    "Simple interest at 8% a year",
    "From 1 January 2027 to the date of issue, 3 March 2027.",
    "Why from this date: The refund was due",
    "Interest to the date of issue, 3 March 2027: £16.51, "
    "and continuing at £0.27 a day until judgment or earlier payment.",
    "Court fee £80.00",
    "Total amount £1,331.07",
    # the particulars
    "I paid a deposit for a new kitchen.",
    "1 October 2026 Paid the deposit by bank transfer",
    "1 December 2026 Asked for a refund in writing",
    "Contracts and agreements Signed order form",
    "Bank statements and statements of account Bank statement showing the payment",
    # the statement of truth (13.1(1)), signer and date
    STATEMENT_OF_TRUTH,
    "Signed by Jane Claimant",
    "Date signed 1 March 2027",
]

#: Never on any PDF: the claimant's date of birth and contact details.
PRIVATE = ["17 May 1980", "1980-05-17", "07700 900123", "jane.claimant@example.com", "accounts@acme.example"]


def render(claim: Claim, kind: str, **extra: Any) -> bytes:
    name, context = context_for(document(claim, kind), **extra)
    return render_pdf(name, context)


def assert_all_in(text: str, expected: list[str]) -> None:
    missing = [fact for fact in expected if fact not in text]
    assert not missing, f"missing from the PDF: {missing}\n--- text ---\n{text}"


def pay(claim: Claim, reference: str, **fields: Any) -> Any:
    from payments.models import Payment

    return Payment.objects.create(
        claim=claim, amount=Decimal("80.00"), idempotency_key=uuid.uuid4(), provider="fake", reference=reference,
        created_by=claim.owner, created_at=uk(2027, 3, 2, 13, 55), updated_at=uk(2027, 3, 2, 14, 5), **fields,
    )


def assert_footer_on_every_page(pdf: bytes) -> None:
    pages = pdf_pages(pdf)
    for number, page in enumerate(pages, start=1):
        assert "Claim number 000MC042" in page
        assert f"Page {number} of {len(pages)}" in page


def test_sealed_claim_form_shows_every_figure_and_fact(issued_claim: Claim, monkeypatch: Any, tmp_path: Any) -> None:
    monkeypatch.chdir(tmp_path)  # rendering does not depend on the current directory
    pdf = render(issued_claim, DocumentKind.SEALED_CLAIM)
    text = pdf_text(pdf)

    assert_all_in(text, CLAIM_FORM_FACTS)
    assert "THECOUNTYCOURT" in text.replace(" ", "") and "SEAL" in text.replace(" ", "")  # the seal was drawn
    assert "K7Q2M9XD" not in text  # the security code is the defendant's only
    assert not [fact for fact in PRIVATE if fact in text]
    assert_footer_on_every_page(pdf)
    assert PdfReader(io.BytesIO(pdf)).metadata.title == "Claim form 000MC042"


def test_issue_receipt_shows_the_claim_the_payment_and_the_deadline(issued_claim: Claim) -> None:
    pay(issued_claim, "PAY-FAILED", status="failed", completed_at=uk(2027, 3, 2, 14, 0))  # declined: not on it
    pay(issued_claim, "PAY-8F3K2", status="success", completed_at=uk(2027, 3, 2, 14, 5))

    text = pdf_text(render(issued_claim, DocumentKind.ISSUE_RECEIPT))

    assert_all_in(
        text,
        [
            "Your claim has been issued",
            "Claim number 000MC042",
            "Issue date 3 March 2027",
            "Claimant Ms Jane Claimant",
            "Defendant Acme Kitchens Ltd Unit 7, Riverside Industrial Estate, Leeds, LS11 5QQ",
            "Principal £1,234.56",
            "Interest to 3 March 2027 £16.51",
            "Court fee £80.00",
            "Total claimed £1,331.07",
            "Interest continues at £0.27 a day until judgment or earlier payment.",
            "Court fee PAY-8F3K2 2 March 2027 £80.00",
            "The defendant must respond by 4pm on Monday 22 March 2027.",
        ],
    )
    assert "PAY-FAILED" not in text
    assert "K7Q2M9XD" not in text
    assert "Security code" not in text


def test_issue_receipt_with_help_with_fees_and_no_card_payment(make_issued_claim: Any) -> None:
    claim = make_issued_claim(hwf_reference="HWF-A1B-23C", hwf_decision="part", fee_remitted=Decimal("50.00"))

    name, context = context_for(document(claim, DocumentKind.ISSUE_RECEIPT))
    text = html_text(render_html(name, context))

    assert_all_in(
        text,
        [
            "Help with Fees reference HWF-A1B-23C",
            "Part remission: the claimant pays the rest",
            "Fee remitted £50.00",
            "Fee left to pay £30.00",
        ],
    )
    assert "K7Q2M9XD" not in text


def test_defendant_pack_is_a_letter_then_the_sealed_claim_form(issued_claim: Claim) -> None:
    pdf = render(issued_claim, DocumentKind.DEFENDANT_PACK, respond_url=RESPOND_URL)
    text = pdf_text(pdf)
    pages = pdf_pages(pdf)

    letter = [
        "You have been sued",
        "Acme Kitchens Ltd For the attention of Robert Boss Unit 7, Riverside Industrial Estate Leeds LS11 5QQ",
        "Claim number 000MC042",
        "Date of issue 3 March 2027",
        "Ms Jane Claimant has made a claim against you in the County Court for £1,331.07.",
        "You must respond by 4pm on Monday 22 March 2027.",
        f"Go to {RESPOND_URL} and enter:",
        "Security code K7Q2M9XD",
        "Admit all of the claim",
        "Admit part of the claim",
        "Defend the claim",
        "Counterclaim",
        "N9B",
        "Ask for 14 more days",
        "within 33 days after the date of issue: by 4pm on Monday 5 April 2027.",  # 5.1(7)
        "the claimant can ask the court for a county court judgment (CCJ) against you",
        "If you cannot respond online",
        "HMCTS CMC, PO Box 12747, Harlow, CM20 9RA",
    ]
    assert_all_in(text, letter + CLAIM_FORM_FACTS)
    assert "You have been sued" in pages[0] and "K7Q2M9XD" in pages[0]
    # The claim form starts on a page of its own, after the letter.
    form_start = next(i for i, page in enumerate(pages) if "Issued by the County Court Claim form" in page)
    assert form_start > 0
    assert not any("You have been sued" in page for page in pages[form_start:])
    assert not [fact for fact in PRIVATE if fact in text]
    assert_footer_on_every_page(pdf)


def test_the_pack_contains_exactly_the_sealed_claim_form(issued_claim: Claim) -> None:
    sealed = render_html(*context_for(document(issued_claim, DocumentKind.SEALED_CLAIM)))
    pack = render_html(*context_for(document(issued_claim, DocumentKind.DEFENDANT_PACK), respond_url=RESPOND_URL))

    body = re.search(r'<div class="claim-form">.*</div>', sealed, re.S)
    assert body is not None
    assert body.group(0) in pack


# -- the variants of the claim form (HTML only: fast) -------------------------------------


def html_text(html: str) -> str:
    from html import unescape

    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html))).strip()


def claim_form_text(claim: Claim) -> str:
    return html_text(render_html(*context_for(document(claim, DocumentKind.SEALED_CLAIM))))


def test_sole_trader_shows_the_trading_name(make_issued_claim: Any) -> None:
    from .conftest import submitted_data

    defendant = {
        "type": "sole_trader", "title": "Mr", "full_name": "Sam Jones", "trading_name": "Jones Plumbing",
        "address_line1": "4 Mill Lane", "town": "York", "postcode": "YO1 7HH",
    }
    claim = make_issued_claim(submitted_data=submitted_data(defendant=defendant))

    text = claim_form_text(claim)
    assert_all_in(
        text, ["Mr Sam Jones", "Trading as Jones Plumbing", "A sole trader or self-employed person", "YO1 7HH"]
    )

    pack = html_text(render_html(*context_for(document(claim, DocumentKind.DEFENDANT_PACK), respond_url=RESPOND_URL)))
    assert "Mr Sam Jones trading as Jones Plumbing 4 Mill Lane York YO1 7HH" in pack


def test_another_rate_with_its_reason_from_submission(make_issued_claim: Any) -> None:
    from .conftest import submitted_data

    interest = {"choice": "different", "rate": "4.50", "rate_reason": "The contract says 4.5%", "from": "submission"}
    claim = make_issued_claim(
        submitted_data=submitted_data(interest=interest), interest=Decimal("0.30"), daily_interest=Decimal("0.15")
    )

    assert_all_in(
        claim_form_text(claim),
        [
            "Simple interest at 4.5% a year.",
            "Why this rate: The contract says 4.5%",
            "From the date of submission, 1 March 2027, to the date of issue, 3 March 2027.",
            "Interest to the date of issue, 3 March 2027: £0.30, "
            "and continuing at £0.15 a day until judgment or earlier payment.",
        ],
    )


def test_a_fixed_sum_of_interest_with_how_it_was_calculated(make_issued_claim: Any) -> None:
    from .conftest import submitted_data

    interest = {"choice": "fixed", "fixed_amount": "25.00", "fixed_breakdown": "8% on £1,234.56 for 92 days",
                "fixed_continue": "no"}
    claim = make_issued_claim(
        submitted_data=submitted_data(interest=interest), interest=Decimal("25.00"), daily_interest=None
    )

    text = claim_form_text(claim)
    assert_all_in(
        text,
        [
            "A fixed sum of interest, calculated by the claimant to the date of submission (1 March 2027): £25.00.",
            "How it was calculated: 8% on £1,234.56 for 92 days",
            "Interest to the date of issue, 3 March 2027: £25.00.",
        ],
    )
    assert "continuing" not in text


def test_no_interest(make_issued_claim: Any) -> None:
    from .conftest import submitted_data

    claim = make_issued_claim(
        submitted_data=submitted_data(interest={"choice": "none"}), interest=Decimal("0"), daily_interest=None
    )

    text = claim_form_text(claim)
    assert "No interest is claimed." in text
    assert "continuing" not in text
    assert "Total amount £1,314.56" in text  # £1,234.56 + £80.00 fee


def test_the_claim_figures_are_the_truth_not_recomputed(make_issued_claim: Any) -> None:
    claim = make_issued_claim(principal=Decimal("1234.56"), interest=Decimal("16.52"), fee=Decimal("80.00"))
    assert "Total amount £1,331.08" in claim_form_text(claim)


def test_a_deadline_in_summer_time_is_written_in_uk_time(make_issued_claim: Any) -> None:
    claim = make_issued_claim(response_deadline=datetime(2027, 4, 12, 15, 0, tzinfo=UTC))  # 4pm BST
    name, context = context_for(document(claim, DocumentKind.ISSUE_RECEIPT))
    assert "The defendant must respond by 4pm on Monday 12 April 2027." in html_text(render_html(name, context))
