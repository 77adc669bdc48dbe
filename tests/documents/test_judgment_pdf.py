"""The judgment PDF (PD 51R 11.1, 7.4, 7.7, 15.1) and the email that tells each party it was entered.

Two ways in: a judgment row made directly on the documents tests' issued claim (exact figures, with
a deduction line and a judge's name), and, once ``rules.judgments`` exists, the real flow: the
defendant of ``tests.responses.conftest`` does not respond, and the claimant asks for judgment in
default after the deadline (4pm on Monday 22 March 2027).
"""
from __future__ import annotations

import io
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from django.conf import settings
from pypdf import PdfReader

from claims.constants import COURT_AUTOMATED, ClaimState
from claims.models import Claim
from court.calendar import court_calendar
from court.notifications import render_email
from documents.formatting import signed_money
from documents.models import ClaimDocument, DocumentKind, DocumentStatus
from documents.registry import context_for
from documents.services import document_render
from judgments.models import Judgment, JudgmentKind
from rules import periods
from rules.money import format_money
from tests.conftest import uk
from tests.responses import conftest as response_fixtures

from .conftest import document, pdf_pages, pdf_text

pytestmark = pytest.mark.django_db

# The responses tests' fixtures: a claim issued through the real services, and its defendant linked.
caseworker = response_fixtures.caseworker
issue_claim = response_fixtures.issue_claim
linked = response_fixtures.linked

JUDGMENT_DATE = date(2027, 3, 23)  # Tuesday, the day after the response deadline

#: The documents tests' claim (£1,234.56, interest £16.51 to issue on 3 March 2027 then £0.27 a day,
#: fee £80.00), judged on 23 March 2027 (20 days of daily interest) less £100.00 paid.
LINES = [
    ["Amount of the claim", "1234.56"],
    ["Interest to the date of issue", "16.51"],
    ["Interest from 3 March 2027 to 23 March 2027", "5.40"],
    ["Court fee", "80.00"],
    ["Less amount paid", "-100.00"],
]
TOTAL = Decimal("1236.47")
#: As ``rules.judgments.Terms.describe`` writes it: no date of its own, so PAY-19 applies (15.1(2)).
#: As the court records them (rules.judgments.Reader.COURT); each party's email speaks to them.
TERMS = "The defendant must pay the claimant £1,236.47 immediately"


def make_judgment(claim: Claim, **fields: Any) -> Judgment:
    values: dict[str, Any] = {
        "claim": claim,
        "kind": JudgmentKind.DEFAULT,
        "request": {"form": "OCON205A", "paid": "100.00", "plan": None},
        "requested_by": claim.owner,
        "entered_at": uk(2027, 3, 23, 10, 0),
        "judgment_date": JUDGMENT_DATE,
        "made_by_label": COURT_AUTOMATED,
        "lines": LINES,
        "total": TOTAL,
        "payment_option": "immediately",
        "pay_by": None,
        "terms_text": TERMS,
        "register_removal_deadline": periods.ccj_28(court_calendar(), JUDGMENT_DATE),
    }
    values.update(fields)
    # As entering it would (the claim's state and its judgment's never disagree: tests/state_coherence.py).
    Claim.objects.filter(pk=claim.pk).update(state=ClaimState.JUDGMENT_ENTERED)
    return Judgment.objects.create(**values)


def render(claim: Claim) -> bytes:
    """The claim's judgment document, rendered as the worker renders it."""
    doc = ClaimDocument.objects.filter(claim=claim, kind=DocumentKind.JUDGMENT).first() or document(
        claim, DocumentKind.JUDGMENT
    )
    ok = document_render(document_id=doc.pk)
    doc.refresh_from_db()
    assert ok and doc.status == DocumentStatus.READY, doc.last_error
    return bytes(doc.content)


def assert_all_in(text: str, expected: list[str]) -> None:
    missing = [fact for fact in expected if fact not in text]
    assert not missing, f"missing from the PDF: {missing}\n--- text ---\n{text}"


def assert_in_order(text: str, facts: list[str]) -> None:
    positions = [text.index(fact) for fact in facts]
    assert positions == sorted(positions), f"out of order: {facts}"


def test_signed_money() -> None:
    assert signed_money(Decimal("1234.5")) == "£1,234.50"
    assert signed_money(Decimal("-100")) == "-£100.00"
    assert signed_money(Decimal("0")) == "£0.00"


def test_a_judgment_in_default_with_a_payment_deducted(issued_claim: Claim) -> None:
    make_judgment(issued_claim)

    pdf = render(issued_claim)
    text = pdf_text(pdf)

    assert_all_in(text, [
        "County Court Business Centre, Online Civil Money Claims",
        "In the County Court",
        "Judgment for the claimant",
        "Claim number 000MC042",
        "Judgment date 23 March 2027",
        # the parties, with the defendant's address from the claim form
        "Claimant Ms Jane Claimant",
        "Defendant Acme Kitchens Ltd",
        "Unit 7, Riverside Industrial Estate",
        "Leeds",
        "LS11 5QQ",
        "Contact: Robert Boss",
        # what kind of judgment, and who made it (15.1(1))
        "Judgment in default (no response)",
        "This judgment was made by the court (automated) on 23 March 2027.",
        "It is ordered that the defendant, Acme Kitchens Ltd, pay the claimant, Ms Jane Claimant, £1,236.47.",
        # every line of the amount, then the total
        "Amount of the claim £1,234.56",
        "Interest to the date of issue £16.51",
        "Interest from 3 March 2027 to 23 March 2027 £5.40",
        "Court fee £80.00",
        "Less amount paid -£100.00",
        "Total to pay £1,236.47",
        # the terms; no date of their own, so within 19 days (15.1(2)): 11 April 2027 is a Sunday
        "When the defendant must pay",
        f"{TERMS}.",
        "This judgment sets no date for payment, so the money must reach the claimant within 19 days of the date "
        "of judgment: by 12 April 2027.",
        # what the defendant should do
        "Pay the claimant directly, not the court.",
        "If you pay the whole amount within 28 days of the date of judgment, by 20 April 2027, "
        "the judgment will be removed from the register.",
        "marked as satisfied on the register",
        "certificate of satisfaction",
        "the claimant may ask the court to enforce it",
        # for both parties
        "Either party may apply to the court to set aside or vary this judgment.",
    ])
    assert "£-" not in text  # a deduction is "-£100.00", never "£-100.00"
    assert "K7Q2M9XD" not in text  # the security code is the defendant's pack's only
    assert "jane.claimant@example.com" not in text and "07700 900123" not in text
    assert_in_order(text, [
        "Judgment for the claimant", "Claimant Ms Jane Claimant", "This judgment was made by",
        *(label for label, _ in LINES), "Total to pay", TERMS, "What the defendant should do",
        "set aside or vary",
    ])
    pages = pdf_pages(pdf)
    for number, page in enumerate(pages, start=1):
        assert "Claim number 000MC042" in page and f"Page {number} of {len(pages)}" in page
    assert PdfReader(io.BytesIO(pdf)).metadata.title == "Judgment for the claimant: claim 000MC042"


def test_a_judgment_on_admission_made_by_a_judge(issued_claim: Claim) -> None:
    lines = [["Amount admitted", "400.00"], ["Court fee", "80.00"]]
    terms = "The defendant must pay the claimant £50.00 every month, the first payment by 1 May 2027"
    make_judgment(
        issued_claim, kind=JudgmentKind.ADMISSION, made_by_label="District Judge Patel", lines=lines,
        total=Decimal("480.00"), payment_option="instalments", pay_by=None, instalment_amount=Decimal("50.00"),
        instalment_frequency="monthly", first_payment_on=date(2027, 5, 1), terms_text=terms,
        judgment_date=date(2027, 4, 1), entered_at=uk(2027, 4, 1, 11, 0),
        register_removal_deadline=periods.ccj_28(court_calendar(), date(2027, 4, 1)),
    )

    text = pdf_text(render(issued_claim))

    assert_all_in(text, [
        "Judgment on admission",
        "Judgment date 1 April 2027",
        "This judgment was made by District Judge Patel on 1 April 2027.",
        "Amount admitted £400.00",
        "Court fee £80.00",
        "Total to pay £480.00",
        terms,
        "within 28 days of the date of judgment, by 29 April 2027,",
    ])
    assert "Less amount paid" not in text and "the court (automated)" not in text
    assert "sets no date for payment" not in text  # instalments set their own dates (15.1(2)(a))


def test_lines_with_a_total_line_and_a_positive_deduction(issued_claim: Claim) -> None:
    """The lines as ``rules.judgments.JudgmentAmount`` keeps them: a deduction's amount positive (it is
    marked deducted) and a last "Total" line. The deduction still prints "-£100.00", and the total once."""
    lines = [["Amount claimed", "1234.56"], ["Court fee", "80.00"], ["Less amount paid", "100.00"],
             ["Total", "1214.56"]]
    make_judgment(issued_claim, lines=lines, total=Decimal("1214.56"))

    _, context = context_for(document(issued_claim, DocumentKind.JUDGMENT))
    text = pdf_text(render(issued_claim))

    assert [(line.label, line.amount) for line in context["judgment"].lines] == [
        ("Amount claimed", "£1,234.56"), ("Court fee", "£80.00"), ("Less amount paid", "-£100.00"),
    ]
    assert "Less amount paid -£100.00" in text and "Total to pay £1,214.56" in text
    assert text.count("£1,214.56") == 2  # the order's sentence and the total row; no second "Total" line


def test_the_register_date_falls_back_to_28_days_after_the_judgment(issued_claim: Claim) -> None:
    make_judgment(issued_claim, register_removal_deadline=None)

    _, context = context_for(document(issued_claim, DocumentKind.JUDGMENT))

    assert context["judgment"].register_removal_date == date(2027, 4, 20)


def test_a_claim_without_a_judgment_has_no_judgment_pdf(issued_claim: Claim) -> None:
    with pytest.raises(ValueError, match="has no judgment"):
        context_for(document(issued_claim, DocumentKind.JUDGMENT))


# -- the email to each party --------------------------------------------------------------------


def test_the_email_to_the_claimant(issued_claim: Claim) -> None:
    judgment = make_judgment(issued_claim)

    subject, body = render_email("judgment_entered", {"claim": issued_claim, "judgment": judgment, "role": "claimant"})

    assert subject == "Judgment has been entered against Acme Kitchens Ltd: claim 000MC042"
    assert body.startswith(f"Dear {issued_claim.owner.display_name},\n")
    for fact in [
        "Judgment has been entered against Acme Kitchens Ltd on your claim 000MC042: "
        "Judgment in default (no response), made on 23 March 2027.",
        "The judgment is for £1,236.47. The defendant must pay you £1,236.47 immediately. "
        "The money must reach you within 19 days of the date of the judgment.",
        "The defendant pays you directly, not the court.",
        "If they pay the whole amount within 28 days of the judgment, by 20 April 2027, the judgment will be "
        "removed from the register of judgments. If they pay it after that, the judgment will be marked as "
        "satisfied on the register.",
        "If they do not pay, you can ask the court to enforce the judgment.",
        f"{settings.SITE_URL}/claims/{issued_claim.public_id}/",
    ]:
        assert fact in body, f"{fact!r} not in\n{body}"
    assert "/respond/" not in body and "CCJ) has been made against you" not in body
    assert body.rstrip().endswith(settings.SERVICE_NAME)
    assert "{" not in body and "\n\n\n" not in body


def test_the_email_to_the_defendant(issued_claim: Claim) -> None:
    judgment = make_judgment(issued_claim)

    subject, body = render_email("judgment_entered", {"claim": issued_claim, "judgment": judgment, "role": "defendant"})

    assert subject == "A county court judgment (CCJ) has been made against you: claim 000MC042"
    assert body.startswith("Hello,\n")  # not linked: the email the claimant gave for them
    for fact in [
        "A county court judgment (CCJ) has been made against you on the claim from Ms Jane Claimant "
        "(claim number 000MC042): Judgment in default (no response), made on 23 March 2027.",
        "The judgment is for £1,236.47. You must pay the claimant £1,236.47 immediately. "
        "The money must reach the claimant within 19 days of the date of the judgment.",
        "Pay the claimant directly, not the court.",
        "If you pay the whole amount within 28 days of the judgment, by 20 April 2027, the judgment will be "
        "removed from the register of judgments. If you pay it after that, the judgment will be marked as "
        "satisfied on the register.",
        "If you do not pay, the claimant may ask the court to enforce the judgment.",
        f"{settings.SITE_URL}/respond/{issued_claim.public_id}/",
    ]:
        assert fact in body, f"{fact!r} not in\n{body}"
    assert "/claims/" not in body
    assert "{" not in body and "\n\n\n" not in body


# -- the real flow --------------------------------------------------------------------------------


def test_judgment_in_default_through_the_services(linked: Any, travel: Any) -> None:
    pytest.importorskip("rules.judgments", reason="rules.judgments is not written yet")
    from court.models import Notification
    from judgments import services as judgment_services

    claim, defendant = linked
    travel(uk(2027, 3, 23, 10, 0), tick=False)  # the morning after the deadline: no response
    # The claimant says the defendant has paid £100.00: the judgment deducts it (11.1(7)).
    judgment = judgment_services.judgment_default_request(claim_id=claim.pk, actor=claim.owner,
                                                       paid=Decimal("100.00"))
    claim.refresh_from_db()
    assert ClaimDocument.objects.filter(claim=claim, kind=DocumentKind.JUDGMENT).exists()

    text = pdf_text(render(claim))

    removal = periods.ccj_28(court_calendar(), judgment.judgment_date)
    assert_all_in(text, [
        "Judgment for the claimant",
        f"Claim number {claim.claim_number}",
        "Judgment date 23 March 2027",
        "Claimant Ms Sam Claimant",
        "Defendant Mr Dan Defendant",
        "3 Oak Road",
        "LS2 7AB",
        judgment.get_kind_display(),
        f"This judgment was made by {judgment.made_by_label} on 23 March 2027.",
        "Less amount paid -£100.00",
        f"Total to pay {signed_money(judgment.total)}",
        judgment.terms_text.rstrip("."),
        f"by {removal.day} {removal:%B %Y}, the judgment will be removed from the register.",
        "Either party may apply to the court to set aside or vary this judgment.",
    ])
    assert judgment.made_by_label == COURT_AUTOMATED
    # Every line of the judgment, in its order, with its own amount.
    positions = []
    for label, amount in judgment.line_items:
        if label == "Total":
            continue
        assert label in text and format_money(abs(amount)) in text, (label, amount)
        positions.append(text.index(label))
    assert positions == sorted(positions) and positions[-1] < text.index("Total to pay")

    # Both parties were told, each by their own email.
    emails = {n.to_email: n for n in Notification.objects.filter(kind="judgment_entered")}
    assert emails[claim.owner.email].subject.startswith("Judgment has been entered against Mr Dan Defendant")
    assert f"/claims/{claim.public_id}/" in emails[claim.owner.email].body
    assert emails[defendant.email].subject.startswith("A county court judgment (CCJ) has been made against you")
    assert emails[defendant.email].body.startswith(f"Dear {defendant.display_name},")
    assert f"/respond/{claim.public_id}/" in emails[defendant.email].body


def test_judgment_on_a_full_admission_shows_what_was_paid(linked: Any, travel: Any) -> None:
    from judgments import services as judgment_services
    from tests.responses.test_services import DEFENCE_PAGES, respond

    claim, defendant = linked
    travel(uk(2027, 3, 10, 11, 0), tick=False)
    respond(claim, defendant, details=DEFENCE_PAGES["details"], response_type={"type": "full_admission"},
            payment_option={"option": "instalments"},
            instalments={"amount": "100.00", "frequency": "monthly", "first_date": "2027-04-01"})
    # 7.7(3): the judgment is less what the defendant has already paid, shown as its own line.
    judgment = judgment_services.judgment_admission_request(claim_id=claim.pk, actor=claim.owner,
                                                            paid=Decimal("200.00"))
    text = pdf_text(render(claim))
    assert_all_in(text, ["Judgment on admission", "Less amount paid -£200.00", "Total to pay £801.98"])
    assert_in_order(text, ["Amount claimed", "Less amount paid -£200.00", "Total to pay"])
    assert judgment.total == Decimal("801.98")
