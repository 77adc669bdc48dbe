"""The court's PDFs, read back as text: every figure and key fact is there, and the security
code only where it belongs (the defendant's pack)."""
from __future__ import annotations

import pytest

from documents.contexts import context_for
from documents.pdf import render_pdf

from .conftest import document, pdf_pages, pdf_text

pytestmark = pytest.mark.django_db

FIGURES = ["£1,150.00", "£84.56", "£1,234.56", "£16.51", "£0.27", "£80.00", "£1,251.07", "£1,331.07"]
STATEMENT = ("I believe that the facts stated in this claim form are true. I understand that proceedings for contempt "
             "of court may be brought against anyone who makes, or causes to be made, a false statement in a document "
             "verified by a statement of truth without an honest belief in its truth.")


def rendered(claim, kind):
    template, context = context_for(document(claim, kind), respond_url="https://money-claims.example/respond/")
    return render_pdf(template, context)


def test_the_sealed_claim_form_has_every_figure_and_fact(issued_claim):
    text = pdf_text(rendered(issued_claim, "sealed_claim"))
    for expected in ["000MC042", "3 March 2027", "Ms Jane Claimant", "Acme Kitchens Ltd", "BS1 5TT", "LS11 5QQ",
                     "Refund of deposit for a kitchen never fitted", "Cost of storing the units", STATEMENT,
                     "Jane Claimant", *FIGURES[:6]]:
        assert expected in text, expected
    assert "K7Q2M9XD" not in text


def test_the_receipt_shows_the_fee_and_the_deadline_but_not_the_security_code(issued_claim):
    text = pdf_text(rendered(issued_claim, "issue_receipt"))
    for expected in ["000MC042", "3 March 2027", "£80.00", "22 March 2027"]:
        assert expected in text, expected
    assert "K7Q2M9XD" not in text


def test_the_defendants_pack_is_a_letter_then_the_sealed_claim(issued_claim):
    pdf = rendered(issued_claim, "defendant_pack")
    pages = pdf_pages(pdf)
    letter, rest = pages[0], " ".join(pages[1:])
    for expected in ["000MC042", "K7Q2M9XD", "https://money-claims.example/respond/", "4pm on Monday 22 March 2027",
                     "Acme Kitchens Ltd", "LS11 5QQ"]:
        assert expected in letter, expected
    assert "000MC042" in rest and "£1,234.56" in pdf_text(pdf)


def test_a_broken_template_raises_so_the_caller_can_retry():
    with pytest.raises(Exception):  # noqa: B017 - any template or renderer error
        render_pdf("pdf/no_such_template.html", {})
