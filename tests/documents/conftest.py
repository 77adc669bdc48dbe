"""An issued claim built directly in the database, and helpers to read a PDF's text back."""
from __future__ import annotations

import io
import re
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from pypdf import PdfReader

from claims.constants import ClaimState
from claims.models import Claim
from documents.models import ClaimDocument
from tests.claims.drafting.factories import complete_draft_data
from tests.conftest import uk

#: The sections of a complete OCON1 (``complete_draft_data``'s, made richer): an individual
#: claimant, a company defendant with a contact, two items (one over £1,000), 8% interest
#: from a date with its reason, a timeline and evidence.
SECTIONS: dict[str, Any] = {
    "claimant": {
        "type": "individual",
        "title": "Ms",
        "full_name": "Jane Claimant",
        "date_of_birth": "1980-05-17",
        "address_line1": "12 Harbour Street",
        "address_line2": "Flat 3",
        "town": "Bristol",
        "postcode": "BS1 5TT",
        "phone": "07700 900123",
        "email": "jane.claimant@example.com",
    },
    "defendant": {
        "type": "company",
        "name": "Acme Kitchens Ltd",
        "contact_name": "Robert Boss",
        "address_line1": "Unit 7, Riverside Industrial Estate",
        "address_line2": "",
        "town": "Leeds",
        "postcode": "LS11 5QQ",
        "phone": "0113 496 0000",
        "email": "accounts@acme.example",
    },
    "amount": {
        "items": [
            {"description": "Refund of deposit for a kitchen never fitted", "amount": "1,150.00"},
            {"description": "Cost of storing the units", "amount": "84.56"},
        ]
    },
    "interest": {"choice": "standard", "from": "date", "from_date": "2027-01-01", "from_reason": "The refund was due"},
    "particulars": {
        "what_happened": "I paid a deposit for a new kitchen.\nAcme Kitchens Ltd never fitted it and kept the money.",
        "timeline": [
            {"date": "1 October 2026", "event": "Paid the deposit by bank transfer"},
            {"date": "1 December 2026", "event": "Asked for a refund in writing"},
        ],
        "evidence": [
            {"type": "contract", "description": "Signed order form"},
            {"type": "statements", "description": "Bank statement showing the payment"},
        ],
    },
}

#: The claim's own figures (the truth the PDFs must show): 8% on £1,234.56 for 61 days.
FIGURES = {
    "principal": Decimal("1234.56"),
    "interest": Decimal("16.51"),
    "daily_interest": Decimal("0.27"),
    "fee": Decimal("80.00"),
}
ISSUE_DATE = date(2027, 3, 3)


def submitted_data(**sections: Any) -> dict[str, Any]:
    """The claim form as signed, with whole sections replaced."""
    return complete_draft_data(**{**SECTIONS, **sections})


@pytest.fixture
def make_issued_claim(make_user: Any):
    def make(**fields: Any) -> Claim:
        data = fields.pop("submitted_data", None) or submitted_data()
        values: dict[str, Any] = {
            "owner": make_user(),
            "state": ClaimState.ISSUED,
            "created_at": uk(2027, 2, 20, 10, 0),
            "last_saved_at": uk(2027, 3, 1, 11, 0),
            "submitted_data": data,
            "claimant_name": "Ms Jane Claimant",
            "defendant_name": "Acme Kitchens Ltd",
            "submitted_at": uk(2027, 3, 1, 11, 0),
            "submitted_on": date(2027, 3, 1),
            "sot_signed_name": "Jane Claimant",
            "sot_signed_on": date(2027, 3, 1),
            **FIGURES,
            "interest_to": ISSUE_DATE,
            "claim_number": "000MC042",
            "issued_at": uk(2027, 3, 3, 9, 30),
            "issue_date": ISSUE_DATE,
            "security_code": "K7Q2M9XD",
            "response_deadline": uk(2027, 3, 22, 16, 0),
            "response_deadline_day": date(2027, 3, 22),
        }
        values.update(fields)
        return Claim.objects.create(**values)

    return make


@pytest.fixture
def issued_claim(make_issued_claim: Any) -> Claim:
    return make_issued_claim()


def document(claim: Claim, kind: str) -> ClaimDocument:
    return ClaimDocument.objects.create(claim=claim, kind=kind, created_at=uk(2027, 3, 3, 9, 31))


def pdf_text(pdf: bytes) -> str:
    """The PDF's text, whitespace collapsed (so a sentence wrapped over lines still matches)."""
    assert pdf.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(pdf))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages)).strip()


def pdf_pages(pdf: bytes) -> list[str]:
    return [re.sub(r"\s+", " ", page.extract_text()) for page in PdfReader(io.BytesIO(pdf)).pages]
