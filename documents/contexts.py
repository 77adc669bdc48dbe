"""What each of the court's PDFs shows: its template and context, built from the claim.

- The parties and particulars come from the claim form as signed (``claim.form``).
- Every figure comes from the claim's own money fields (``principal``, ``interest``,
  ``interest_to``, ``daily_interest``, ``fee``, ``fee_remitted``): they were fixed at
  submission and issue and are the truth. Nothing here recomputes an amount; it only
  formats them (``format_money``: £1,234.56).
- The templates get plain views, not the claim itself, so a template cannot print what its
  reader must not see: the security code is in the defendant's pack only, and the
  claimant's date of birth, phone and email are on no PDF.
- Dates stay dates; the templates write them with the ``govuk`` filters
  ("3 March 2027", "4pm on Monday 22 March 2027").
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.conf import settings

from claims.models import Claim
from claims.ocon1 import ClaimForm, Party
from court.templatetags.govuk import govuk_date
from rules.money import format_money

from .models import ClaimDocument, DocumentKind

COURT_NAME = "County Court Business Centre, Online Civil Money Claims"
#: The OCMC postal address for paper documents (PD 51R 2.1(2)).
COURT_POSTAL_ADDRESS = ("HMCTS CMC", "PO Box 12747", "Harlow", "CM20 9RA")
#: The HMCTS money claims helpline, printed on the claim form (PD 51R 10.1(2)). ``settings.COURT_HELPLINE``
#: overrides it.
COURT_HELPLINE = "0300 123 7050"
COURT_HELPLINE_HOURS = "Monday to Friday, 8:30am to 5pm"

#: PD 51R 13.1(1), as signed by a claimant in person.
STATEMENT_OF_TRUTH = (
    "I believe that the facts stated in this claim form are true. I understand that proceedings for "
    "contempt of court may be brought against anyone who makes, or causes to be made, a false statement "
    "in a document verified by a statement of truth without an honest belief in its truth."
)

TEMPLATES = {
    DocumentKind.SEALED_CLAIM: "pdf/sealed_claim.html",
    DocumentKind.ISSUE_RECEIPT: "pdf/issue_receipt.html",
    DocumentKind.DEFENDANT_PACK: "pdf/defendant_pack.html",
    DocumentKind.RESPONSE: "pdf/response.html",
    DocumentKind.JUDGMENT: "pdf/judgment.html",
    DocumentKind.SETTLEMENT_AGREEMENT: "pdf/settlement_agreement.html",
    DocumentKind.CERTIFICATE_OF_SATISFACTION: "pdf/certificate_of_satisfaction.html",
    DocumentKind.DIRECTIONS_ORDER: "pdf/directions_order.html",
    DocumentKind.PAPER_PACK: "pdf/paper_pack.html",
    DocumentKind.CLAIMANT_DQ: "pdf/claimant_dq.html",
}


# -- views -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Court:
    name: str
    name_lines: tuple[str, ...]  # the name over two lines, for a letterhead
    address_lines: tuple[str, ...]
    helpline: str
    helpline_hours: str


@dataclass(frozen=True)
class PartyView:
    """A party as the claim form shows it. Never the date of birth, phone or email."""

    name: str  # title and full name, or the organisation's name
    type_label: str
    trading_name: str  # sole traders only
    contact_name: str  # companies and organisations only
    address_lines: tuple[str, ...]
    postal_name: str  # the name on an envelope: "Mr Sam Jones trading as Jones Plumbing"
    postcode: str


@dataclass(frozen=True)
class ItemView:
    description: str
    amount: str


@dataclass(frozen=True)
class Figures:
    """The claim's own figures, formatted. ``daily_interest`` is "" when interest does not continue."""

    principal: str
    interest: str
    amount_claimed: str
    fee: str
    total: str
    daily_interest: str


@dataclass(frozen=True)
class InterestView:
    claimed: bool
    #: How the interest is worked out, a sentence a line (the basis, from and to, the amount).
    lines: tuple[str, ...]


@dataclass(frozen=True)
class StatementOfTruth:
    wording: str
    signed_name: str
    signed_on: date | None


@dataclass(frozen=True)
class PaymentView:
    amount: str
    reference: str
    completed_at: datetime


@dataclass(frozen=True)
class HelpWithFees:
    reference: str
    decision: str  # "Full remission: no fee to pay", … ("" while undecided)
    remitted: str


# -- building them -----------------------------------------------------------------------


def money(value: Decimal | None) -> str:
    return format_money(value if value is not None else Decimal(0))


def rate_text(rate: Decimal) -> str:
    """8 → "8", 4.50 → "4.5" (never "8.00" or "1E+1")."""
    return format(Decimal(rate).normalize(), "f")


def court() -> Court:
    return Court(
        name=COURT_NAME,
        name_lines=tuple(COURT_NAME.split(", ")),
        address_lines=COURT_POSTAL_ADDRESS,
        helpline=getattr(settings, "COURT_HELPLINE", COURT_HELPLINE),
        helpline_hours=getattr(settings, "COURT_HELPLINE_HOURS", COURT_HELPLINE_HOURS),
    )


def party_view(party: Party) -> PartyView:
    person = party.type in {"individual", "sole_trader"}
    name = " ".join(part for part in (party.title, party.full_name) if part) if person else party.name
    return PartyView(
        name=name,
        type_label=party.type_label,
        trading_name=party.trading_name if party.type == "sole_trader" else "",
        contact_name=party.contact_name if not person else "",
        address_lines=tuple(party.address.lines()),
        postal_name=party.display_name,
        postcode=party.address.postcode,
    )


def figures(claim: Claim) -> Figures:
    return Figures(
        principal=money(claim.principal),
        interest=money(claim.interest),
        amount_claimed=money(claim.amount_claimed),
        fee=money(claim.fee),
        total=money(claim.total),
        daily_interest=money(claim.daily_interest) if claim.daily_interest else "",
    )


def interest_view(claim: Claim, form: ClaimForm) -> InterestView:
    """The basis of the interest claimed, in words, with the claim's own amounts."""
    basis = form.interest
    to = claim.interest_to or claim.issue_date
    to_text = f"the date of issue, {govuk_date(to)}" if to == claim.issue_date else govuk_date(to)
    submitted = govuk_date(claim.submitted_on)
    continuing = (
        f", and continuing at {money(claim.daily_interest)} a day until judgment or earlier payment"
        if claim.daily_interest
        else ""
    )
    amount_line = f"Interest to {to_text}: {money(claim.interest)}{continuing}."

    if basis.kind == "rate":
        assert basis.rate is not None
        if basis.rate_reason:
            lines = [f"Simple interest at {rate_text(basis.rate)}% a year.", f"Why this rate: {basis.rate_reason}"]
        else:
            lines = [f"Simple interest at {rate_text(basis.rate)}% a year (County Courts Act 1984, section 69)."]
        if basis.start is not None:
            lines.append(f"From {govuk_date(basis.start)} to {to_text}.")
            if basis.start_reason:
                lines.append(f"Why from this date: {basis.start_reason}")
        else:
            lines.append(f"From the date of submission, {submitted}, to {to_text}.")
        return InterestView(claimed=True, lines=(*lines, amount_line))

    if basis.kind == "fixed":
        lines = [
            f"A fixed sum of interest, calculated by the claimant to the date of submission "
            f"({submitted}): {money(basis.fixed_amount)}."
        ]
        if form.interest_breakdown:
            lines.append(f"How it was calculated: {form.interest_breakdown}")
        if basis.rate is not None:
            lines.append(
                f"Then simple interest at {rate_text(basis.rate)}% a year from the date of submission to {to_text}."
            )
        return InterestView(claimed=True, lines=(*lines, amount_line))

    if claim.interest:  # the claim's figures are the truth, even if the form says none
        return InterestView(claimed=True, lines=(amount_line,))
    return InterestView(claimed=False, lines=("No interest is claimed.",))


def fee_payments(claim: Claim) -> list[PaymentView]:
    """The completed card payments of the court fee (``claim.fee_payments``; none if absent)."""
    source: Any = getattr(claim, "fee_payments", None)
    if source is None:
        return []
    if hasattr(source, "all"):  # a related manager
        source = source.all()
    payments: Iterable[Any] = source
    return [
        PaymentView(amount=money(p.amount), reference=p.reference, completed_at=p.completed_at)
        for p in payments
        if getattr(p, "completed_at", None) is not None
    ]


def help_with_fees(claim: Claim) -> HelpWithFees | None:
    if not claim.hwf_reference:
        return None
    return HelpWithFees(
        reference=claim.hwf_reference,
        decision=claim.get_hwf_decision_display() if claim.hwf_decision else "",
        remitted=money(claim.fee_remitted),
    )


def issued_header(claim: Claim) -> dict[str, Any]:
    """What every document of an issued claim starts with: the court, the claim number and date of
    issue, and the parties. Raises ValueError for a claim that has not been issued."""
    if not (claim.claim_number and claim.issue_date and claim.submitted_data):
        raise ValueError(f"claim {claim.pk} has not been issued: no claim number, issue date or claim form")
    form: ClaimForm = claim.form
    return {
        "court": court(),
        "claim_number": claim.claim_number,
        "issue_date": claim.issue_date,
        "claimant": party_view(form.claimant),
        "defendant": party_view(form.defendant),
    }


def claim_form_context(claim: Claim) -> dict[str, Any]:
    """What the sealed claim form shows (and the receipt and the pack build on)."""
    header = issued_header(claim)
    form: ClaimForm = claim.form
    return {
        **header,
        "submitted_on": claim.submitted_on,
        "items": [ItemView(item.description, money(item.amount)) for item in form.items],
        "figures": figures(claim),
        "interest": interest_view(claim, form),
        "interest_to": claim.interest_to or claim.issue_date,
        "what_happened": form.what_happened,
        # The claim form's own rows: they carry nothing a document must not print.
        "timeline": form.timeline,
        "evidence": form.evidence,
        "statement_of_truth": StatementOfTruth(STATEMENT_OF_TRUTH, claim.sot_signed_name, claim.sot_signed_on),
    }


def _response_deadline(claim: Claim) -> datetime:
    if claim.response_deadline is None:
        raise ValueError(f"claim {claim.claim_number} has no response deadline")
    return claim.response_deadline


def sealed_claim_context(claim: Claim, **extra: Any) -> dict[str, Any]:
    return {**claim_form_context(claim), "title": f"Claim form {claim.claim_number}"}


def issue_receipt_context(claim: Claim, **extra: Any) -> dict[str, Any]:
    return {
        **claim_form_context(claim),
        "title": f"Claim issued: receipt for claim {claim.claim_number}",
        "issued_at": claim.issued_at,
        "response_deadline": _response_deadline(claim),
        "payments": fee_payments(claim),
        "help_with_fees": help_with_fees(claim),
        "fee_due": money(claim.fee_due),
    }


def extended_deadline(claim: Claim) -> datetime | None:
    """When a defendant who asks for more time must respond: 33 days after issue (5.1(7)),
    by the court calendar as it stands now."""
    from court.calendar import court_calendar
    from rules.periods import def_33

    return def_33(court_calendar(), claim.issue_date) if claim.issue_date else None


def defendant_pack_context(claim: Claim, *, respond_url: str = "", **extra: Any) -> dict[str, Any]:
    if not respond_url:
        raise ValueError("the defendant's pack needs respond_url: the web address to respond online")
    if not claim.security_code:
        raise ValueError(f"claim {claim.claim_number} has no security code")
    return {
        **claim_form_context(claim),
        "title": f"Claim {claim.claim_number}: you have been sued",
        "response_deadline": _response_deadline(claim),
        "extended_deadline": extended_deadline(claim),
        "security_code": claim.security_code,
        "respond_url": respond_url,
    }


# -- the defendant's response (OCON9A / OCON9B / OCON180) ---------------------------------

#: PD 51R 13.1(2), signed by a defendant in person; and for a company or organisation, by the
#: person signing for it (with their role).
RESPONSE_STATEMENT_OF_TRUTH = (
    "I believe that the facts stated in this response form are true. I understand that proceedings for "
    "contempt of court may be brought against anyone who makes, or causes to be made, a false statement "
    "in a document verified by a statement of truth without an honest belief in its truth."
)
RESPONSE_STATEMENT_OF_TRUTH_ORGANISATION = (
    "The defendant believes that the facts stated in this response form are true. The defendant understands "
    "that proceedings for contempt of court may be brought against anyone who makes, or causes to be made, a "
    "false statement in a document verified by a statement of truth without an honest belief in its truth."
)

#: Which part of the response each section of answers belongs to (``responses.questions`` keys).
#: A section not listed here belongs to the response form itself (OCON9A / OCON9B).
_RESPONSE_PARTS = {"means": "means", "hearing": "dq", "mediation": "dq"}


@dataclass(frozen=True)
class AnswerRow:
    question: str
    answer: str  # may hold line breaks: the template keeps them


@dataclass(frozen=True)
class AnswerSection:
    title: str
    rows: tuple[AnswerRow, ...]


@dataclass(frozen=True)
class ResponsePart:
    """One of the forms the response is made of, with its sections of answers."""

    heading: str  # "Defence (OCON9B)", "Directions questionnaire (OCON180)", …
    sections: tuple[AnswerSection, ...]


@dataclass(frozen=True)
class ResponseView:
    """The response as received, formatted. An empty string is a figure the response does not have."""

    kind: str  # "Defence: rejects all of the claim", …
    submitted_at: datetime
    received_on: date
    late: bool
    admitted: str
    disputed: str
    paid: str
    paid_on: date | None
    plan: str  # the offer to pay, in words
    mediation: str
    preferred_court: str


def response_form_heading(kind: str) -> str:
    """The response form's own part, named by what the response is: an admission is OCON9A,
    a defence OCON9B, a part admission both."""
    from responses.ocon9 import Kind

    if kind == Kind.FULL_ADMISSION:
        return "Admission (OCON9A)"
    if kind == Kind.PART_ADMISSION:
        return "Admission and defence (OCON9A / OCON9B)"
    return "Defence (OCON9B)"


def response_parts(kind: str, party_type: str, summary: list[dict[str, Any]]) -> list[ResponsePart]:
    """Every answered section of ``responses.questions.summary``, grouped by the form it belongs to,
    in the forms' order (the response, the statement of means, the directions questionnaire)."""
    from responses.ocon9 import MEANS_PARTY_TYPES

    headings = {
        "form": response_form_heading(kind),
        "means": "Statement of means (OCON9A)" if party_type in MEANS_PARTY_TYPES
        else "The defendant's finances (OCON9A)",
        "dq": "Directions questionnaire (OCON180)",
    }
    grouped: dict[str, list[AnswerSection]] = {part: [] for part in headings}
    for section in summary:
        rows = tuple(AnswerRow(str(row["question"]), str(row["answer"])) for row in section["rows"])
        if rows:
            grouped[_RESPONSE_PARTS.get(section["key"], "form")].append(AnswerSection(str(section["title"]), rows))
    return [ResponsePart(headings[part], tuple(sections)) for part, sections in grouped.items() if sections]


def _mediation_text(willing: bool | None) -> str:
    if willing is None:
        return ""
    return "Yes: willing to try free mediation" if willing else "No: does not want to try free mediation"


def response_view(response: Any) -> ResponseView:
    plan = response.plan
    admitted = response.admitted_amount
    disputed = response.disputed_amount if admitted is not None and response.has_defence else None
    return ResponseView(
        kind=response.get_kind_display(),
        submitted_at=response.submitted_at,
        received_on=response.received_on,
        late=response.late,
        admitted=money(admitted) if admitted is not None else "",
        disputed=money(disputed) if disputed else "",
        paid=money(response.paid_amount) if response.paid_amount is not None else "",
        paid_on=response.paid_on,
        plan=plan.describe() if plan is not None else "",
        mediation=_mediation_text(response.mediation_willing),
        preferred_court=response.preferred_court,
    )


def response_context(claim: Claim, **extra: Any) -> dict[str, Any]:
    """The defendant's response as the court received it: the key facts, every answer by form, and
    the statement of truth as signed."""
    from responses import questions
    from responses.models import DefendantResponse
    from responses.services import situation

    header = issued_header(claim)
    response = DefendantResponse.objects.filter(claim=claim).first()
    if response is None:
        raise ValueError(f"claim {claim.claim_number} has no response")
    form: ClaimForm = claim.form
    organisation = bool(response.sot_signer_role)
    wording = RESPONSE_STATEMENT_OF_TRUTH_ORGANISATION if organisation else RESPONSE_STATEMENT_OF_TRUTH
    return {
        **header,
        "title": f"Response to claim {claim.claim_number}",
        "figures": figures(claim),
        "response_deadline": claim.response_deadline,
        "response": response_view(response),
        "parts": response_parts(
            response.kind, form.defendant.type, questions.summary(situation(claim, response.data))
        ),
        "statement_of_truth": StatementOfTruth(wording, response.sot_signed_name, response.sot_signed_on),
        "signer_role": response.sot_signer_role,
    }


# -- the judgment (PD 51R 7.4, 7.7, 11.1, 15.1; the register of judgments, guide 004) -------------

#: Paid in full within this many days of the judgment, it is removed from the register (CCJ-28, guide 004).
REGISTER_REMOVAL_DAYS = 28


@dataclass(frozen=True)
class JudgmentLineView:
    label: str
    amount: str  # "£1,000.00"; a deduction "-£100.00"


@dataclass(frozen=True)
class JudgmentView:
    """The judgment as entered, formatted. Its figures are its own lines and total, never recomputed."""

    kind: str  # "Judgment in default (no response)", "Judgment on admission"
    judgment_date: date
    entered_at: datetime
    made_by: str  # who made it and their title (15.1(1))
    lines: tuple[JudgmentLineView, ...]  # without a "Total" line: the template writes the total itself
    total: str
    terms: str  # when and how to pay (7.4(4)-(5), 7.7(5), 11.1(4)-(6)), as a sentence
    #: 15.1(2): a judgment that sets no date for payment ("immediately") is complied with within
    #: 19 days (PAY-19): the last day of those, if the terms do not already say it; else None.
    pay_within_19_days_by: date | None
    #: The last day to pay in full for the judgment to be removed from the register.
    register_removal_date: date


def signed_money(value: Decimal) -> str:
    """£1,234.56, and a deduction -£100.00 (``format_money`` alone would write £-100.00)."""
    return f"-{format_money(-value)}" if value < 0 else format_money(value)


def _deduction(label: str, amount: Decimal) -> bool:
    """A line taken off the total: stored negative, or labelled "Less …" (e.g. "Less amount paid")."""
    return amount < 0 or label.strip().lower().startswith("less ")


def judgment_lines(judgment: Any) -> tuple[JudgmentLineView, ...]:
    return tuple(
        JudgmentLineView(label, signed_money(-abs(amount) if _deduction(label, amount) else amount))
        for label, amount in judgment.line_items
        if label.strip().lower() != "total"
    )


def register_removal_date(judgment: Any) -> date:
    """The last day for paying in full to take the judgment off the register: the day of its own
    deadline (CCJ-28, as the register services apply it), else 28 days after the judgment."""
    from rules.calendar import local
    from rules.periods import days_after

    deadline = judgment.register_removal_deadline
    if deadline is not None:
        return local(deadline).date()
    return days_after(judgment.judgment_date, REGISTER_REMOVAL_DAYS)


def pay_within_19_days_by(judgment: Any) -> date | None:
    if judgment.payment_option != "immediately" or "19 days" in judgment.terms_text:
        return None
    from court.calendar import court_calendar
    from rules.calendar import local
    from rules.periods import pay_19

    return local(pay_19(court_calendar(), judgment.judgment_date)).date()


def _sentence(text: str) -> str:
    text = text.strip()
    return text if not text or text[-1] in ".!?" else f"{text}."


def judgment_view(judgment: Any) -> JudgmentView:
    return JudgmentView(
        kind=judgment.get_kind_display(),
        judgment_date=judgment.judgment_date,
        entered_at=judgment.entered_at,
        made_by=judgment.made_by_label,
        lines=judgment_lines(judgment),
        total=signed_money(judgment.total),
        terms=_sentence(judgment.terms_text),
        pay_within_19_days_by=pay_within_19_days_by(judgment),
        register_removal_date=register_removal_date(judgment),
    )


def judgment_context(claim: Claim, **extra: Any) -> dict[str, Any]:
    """The judgment for the claimant: who made it and when, every line of its amount, the terms of
    payment, and what each party can do now."""
    from judgments.models import Judgment

    header = issued_header(claim)
    judgment = Judgment.objects.filter(claim=claim).first()
    if judgment is None:
        raise ValueError(f"claim {claim.claim_number} has no judgment")
    return {
        **header,
        "title": f"Judgment for the claimant: claim {claim.claim_number}",
        "judgment": judgment_view(judgment),
        "register_removal_days": REGISTER_REMOVAL_DAYS,
    }



# -- the certificate of satisfaction (form N443; the register of judgments, guide 004) ----------------


@dataclass(frozen=True)
class SatisfactionView:
    """What the certificate states: the judgment, and when it was paid in full."""

    kind: str
    judgment_date: date
    made_by: str
    total: str
    paid_in_full_on: date
    #: The date of the certificate: the day the defendant asked for it (fixed, so a re-render is the same).
    certificate_date: date


def certificate_of_satisfaction_context(claim: Claim, **extra: Any) -> dict[str, Any]:
    """The certificate of satisfaction (N443-style) for a judgment paid in full after its 28 days and
    marked as satisfied on the register: the court, the claim, the parties, the judgment's date and
    amount, the date it was paid in full, and the date of the certificate."""
    from judgments.models import Judgment
    from rules.calendar import local

    header = issued_header(claim)
    judgment = Judgment.objects.filter(claim=claim).first()
    if judgment is None:
        raise ValueError(f"claim {claim.claim_number} has no judgment")
    if judgment.satisfied_at is None or judgment.paid_in_full_on is None:
        raise ValueError(f"the judgment on claim {claim.claim_number} has not been marked as satisfied")
    if judgment.certificate_requested_at is None:
        raise ValueError(f"no certificate of satisfaction was asked for on claim {claim.claim_number}")
    return {
        **header,
        "title": f"Certificate of satisfaction: claim {claim.claim_number}",
        "satisfaction": SatisfactionView(
            kind=judgment.get_kind_display(),
            judgment_date=judgment.judgment_date,
            made_by=judgment.made_by_label,
            total=signed_money(judgment.total),
            paid_in_full_on=judgment.paid_in_full_on,
            certificate_date=local(judgment.certificate_requested_at).date(),
        ),
    }


# -- the settlement agreement (OCON Settlement Agreement A; PD 51R 7.8, 7.9, 7.13, 7.14) -----------------


@dataclass(frozen=True)
class SettlementSignature:
    party: str  # "Claimant", "Defendant"
    name: str  # "" until signed
    signed_on: date | None


@dataclass(frozen=True)
class SettlementView:
    """The agreement as proposed (and signed), formatted. Its amount and terms are its own, never recomputed."""

    form: str  # "OCON Settlement Agreement A"
    status: str  # "Waiting for the defendant to sign", "Signed by both parties", …
    signed: bool  # both parties have signed
    amount: str
    terms: str  # a sentence
    instalments: bool
    instalment: str  # "£100.00 every month" ("" unless by instalments)
    first_payment: date | None
    last_payment: date | None
    pay_by: date | None
    proposed_on: date
    respond_by: datetime
    signatures: tuple[SettlementSignature, ...]
    #: The form the claimant asks for judgment with if the agreement is broken: OCON225 (7.8(2)).
    breach_form: str


def settlement_view(agreement: Any) -> SettlementView:
    from judgments.settlement import BREACH_FORM, FORM_NAME, agreement_plan
    from rules.calendar import local
    from rules.judgments import FREQUENCY_WORDS, Option, last_payment_date

    plan = agreement_plan(agreement)
    instalments = plan.option == Option.INSTALMENTS
    signed_on = local(agreement.signed_at).date() if agreement.signed_at else None
    last = None
    if instalments:
        last = last_payment_date(agreement.amount, plan.instalment, plan.frequency, plan.first_payment)
    return SettlementView(
        form=FORM_NAME,
        status=agreement.get_status_display(),
        signed=signed_on is not None,
        amount=money(agreement.amount),
        terms=_sentence(agreement.terms_text),
        instalments=instalments,
        instalment=f"{money(plan.instalment)} {FREQUENCY_WORDS[plan.frequency]}" if instalments else "",
        first_payment=plan.first_payment if instalments else None,
        last_payment=last,
        pay_by=None if instalments else plan.pay_by,
        proposed_on=local(agreement.proposed_at).date(),
        respond_by=agreement.respond_by,
        signatures=(
            SettlementSignature("Claimant", agreement.claimant_signed_name, local(agreement.proposed_at).date()),
            SettlementSignature("Defendant", agreement.defendant_signed_name if signed_on else "", signed_on),
        ),
        breach_form=BREACH_FORM,
    )


def settlement_agreement_context(claim: Claim, **extra: Any) -> dict[str, Any]:
    """The settlement agreement: the parties, the amount and how it is paid, what happens if the defendant does
    not keep to it (7.8(2)), and each party's signature (the defendant's blank until they sign)."""
    from judgments.models import SettlementAgreement

    header = issued_header(claim)
    agreement = SettlementAgreement.objects.filter(claim=claim).first()
    if agreement is None:
        raise ValueError(f"claim {claim.claim_number} has no settlement agreement")
    return {
        **header,
        "title": f"Settlement agreement: claim {claim.claim_number}",
        "agreement": settlement_view(agreement),
    }


# -- defended claims: the order giving directions (OCON24; PD 51R 6C.1, 15.1, 19.1, 20, Table A 1) -----------


@dataclass(frozen=True)
class DirectionsOrderView:
    """An order giving directions as made: who made it, with their title (15.1(1)), what it directs and where
    the claim goes. ``reconsider_by`` is set only for a legal adviser's order (20.3)."""

    maker_name: str
    maker_title: str
    made_by: str  # "Lee Adviser, Legal adviser"
    by_legal_adviser: bool
    made_on: date
    standard: tuple[str, ...]
    free_text: str
    destination: str  # "Leeds County Court", "the County Court Money Claims Centre (CNBC)"
    reason: str
    reconsider_by: datetime | None
    #: 12 days for a defence received on paper (20.3(2A)), otherwise 7 (20.3(3)).
    reconsider_days: int


def destination_text(to: str, court_name: str) -> str:
    """Where a claim is sent, in words: the hearing centre by name where there is one."""
    from claims.constants import SentOutTo

    if court_name:
        return court_name
    return {
        SentOutTo.CNBC: "the County Court Money Claims Centre (CNBC)",
        SentOutTo.PREFERRED_COURT: "the preferred hearing centre",
        SentOutTo.HOME_COURT: "the defendant's home court",
        SentOutTo.NAMED_CENTRE: "a County Court hearing centre",
    }.get(to, "a County Court hearing centre")


def directions_order_view(order: Any, *, paper_defence: bool) -> DirectionsOrderView:
    from claims.constants import Referee

    by_adviser = order.maker_role == Referee.LEGAL_ADVISER
    return DirectionsOrderView(
        maker_name=order.maker_name,
        maker_title=order.maker_title,
        made_by=f"{order.maker_name}, {order.maker_title}",
        by_legal_adviser=by_adviser,
        made_on=order.made_on,
        standard=tuple(order.standard_texts),
        free_text=order.free_text,
        destination=destination_text(order.send_out_to, order.send_out_court),
        reason=_sentence(order.reason[:1].upper() + order.reason[1:]) if order.reason else "",
        reconsider_by=order.reconsider_by if by_adviser else None,
        reconsider_days=12 if paper_defence else 7,
    )


def directions_order_context(claim: Claim, **extra: Any) -> dict[str, Any]:
    """The latest order giving directions on the claim (a later order replaces the document): the maker's name
    and title (15.1(1)), the date, the standard and written directions, where the claim is sent and why, and for
    a legal adviser's order until when a party may ask a judge to reconsider it (20.3)."""
    from defended.models import DirectionsOrder
    from defended.rules import paper_defence

    header = issued_header(claim)
    order = DirectionsOrder.objects.filter(claim=claim).order_by("-made_at", "-pk").first()
    if order is None:
        raise ValueError(f"claim {claim.claim_number} has no order giving directions")
    return {
        **header,
        "title": f"Order: directions, claim {claim.claim_number}",
        "order": directions_order_view(order, paper_defence=paper_defence(claim)),
    }


# -- defended claims: the paper forms for a defendant who cannot respond online (PD 51R 10.1) ----------------

#: The paper forms the court sends (10.1(3)), by their code.
PAPER_FORMS = {
    "OCON9": "Form OCON9: request more time to respond (the time extension form)",
    "OCON9X": "Form OCON9X: respond to a money claim (the paper response form)",
    "OCON180": "Form OCON180: directions questionnaire (what you would need if there is a court hearing)",
}


@dataclass(frozen=True)
class PaperPackView:
    """What the covering letter tells the defendant: the date the forms were sent (10.1(4)), which forms, and the
    deadlines as they stood when the forms were sent."""

    sent_on: date
    forms: tuple[str, ...]  # codes, in the order sent
    form_titles: tuple[str, ...]
    #: The paper response (OCON9X with OCON180) must be received by then (10.1(5A), (8), (9)).
    deadline: datetime
    #: OCON9 is enclosed: it must be received by then to give more time (10.1(7)) ...
    extension_by: datetime | None
    #: ... and the response is then due by this (33 days after the forms were sent, 10.1(9)).
    extended_deadline: datetime | None
    #: The defendant asked for more time when they phoned (10.1(6)(a)).
    more_time_asked: bool
    #: The defendant had more time online before they phoned: 33 days after issue (10.1(5A)).
    had_more_time_online: bool


def paper_pack_view(paper: Any) -> PaperPackView:
    from court.calendar import court_calendar
    from rules.periods import def_paper_response

    cal = court_calendar()
    with_extension_form = "OCON9" in paper.forms
    offers_extension = with_extension_form and not paper.more_time_asked
    if paper.extension_received_at is not None:
        deadline = def_paper_response(cal, paper.sent_on, more_time=False, claimant_represented=False)
    else:
        deadline = paper.deadline
    return PaperPackView(
        sent_on=paper.sent_on,
        forms=tuple(paper.forms),
        form_titles=tuple(PAPER_FORMS.get(code, code) for code in paper.forms),
        deadline=deadline,
        extension_by=deadline if offers_extension else None,
        extended_deadline=(def_paper_response(cal, paper.sent_on, more_time=True, claimant_represented=False)
                           if offers_extension else None),
        more_time_asked=paper.more_time_asked,
        had_more_time_online=not with_extension_form,
    )


def paper_pack_context(claim: Claim, **extra: Any) -> dict[str, Any]:
    """The letter posted with the paper forms (10.1(3)-(4), (6)-(9B)), then a simple copy of each form to fill in.
    The security code is not in it: a paper response needs none."""
    from defended.models import PaperResponse

    header = issued_header(claim)
    paper = PaperResponse.objects.filter(claim=claim).first()
    if paper is None:
        raise ValueError(f"claim {claim.claim_number} has no record of the defendant asking to respond on paper")
    return {
        **header,
        "title": f"Claim {claim.claim_number}: your paper response forms",
        "figures": figures(claim),
        "pack": paper_pack_view(paper),
    }


# -- defended claims: the claimant's directions questionnaire (OCON180; PD 51R 6.2(5), 6.3(5)) ----------------


@dataclass(frozen=True)
class ClaimantDqView:
    submitted_at: datetime
    received_on: date
    mediation: str
    preferred_court: str


def _generic_section(key: str, saved: dict[str, Any]) -> AnswerSection | None:
    """An answered page no question page describes: each answer under its own key, in words."""
    rows = []
    for name, value in saved.items():
        if isinstance(value, list):
            value = ", ".join(str(item) for item in value)
        if value in (None, ""):
            continue
        rows.append(AnswerRow(str(name).replace("_", " ").capitalize(), str(value)))
    return AnswerSection(key.replace("_", " ").capitalize(), tuple(rows)) if rows else None


def claimant_dq_sections(data: dict[str, Any], situation: Any) -> list[AnswerSection]:
    """The claimant's answers, summarised by the same question pages as the defendant's OCON180 (and the
    mediation page), in their order; a page of answers no question page knows is listed as saved."""
    from responses.questions import core, hearing

    pages = [*hearing.SECTION.pages, *core.MEDIATION.pages]
    known = {page.slug for page in pages}
    sections = []
    for page in pages:
        saved = data.get(page.slug)
        if not isinstance(saved, dict):
            continue
        rows = tuple(AnswerRow(str(q), str(a)) for q, a in page.summary(saved, situation))
        if rows:
            sections.append(AnswerSection(page.title, rows))
    for key, saved in data.items():
        if key not in known and isinstance(saved, dict) and (section := _generic_section(key, saved)):
            sections.append(section)
    return sections


def claimant_dq_context(claim: Claim, **extra: Any) -> dict[str, Any]:
    """The claimant's directions questionnaire (OCON180) and mediation answer, as received with their decision to
    continue with the claim."""
    from defended.models import ClaimantDecision
    from responses.ocon9 import Situation

    header = issued_header(claim)
    decision = ClaimantDecision.objects.filter(claim=claim).first()
    if decision is None or decision.outcome != "continue":
        raise ValueError(f"the claimant has not continued with claim {claim.claim_number}")
    form: ClaimForm = claim.form
    situation = Situation(data=dict(decision.data), total=claim.total or Decimal(0), party_type=form.claimant.type)
    return {
        **header,
        "title": f"Claimant's directions questionnaire: claim {claim.claim_number}",
        "decision": ClaimantDqView(
            submitted_at=decision.submitted_at,
            received_on=decision.received_on,
            mediation=_mediation_text(decision.mediation_willing),
            preferred_court=decision.preferred_court,
        ),
        "sections": claimant_dq_sections(dict(decision.data), situation),
    }


_BUILDERS: dict[str, Callable[..., dict[str, Any]]] = {
    DocumentKind.SEALED_CLAIM: sealed_claim_context,
    DocumentKind.ISSUE_RECEIPT: issue_receipt_context,
    DocumentKind.DEFENDANT_PACK: defendant_pack_context,
    DocumentKind.RESPONSE: response_context,
    DocumentKind.JUDGMENT: judgment_context,
    DocumentKind.SETTLEMENT_AGREEMENT: settlement_agreement_context,
    DocumentKind.CERTIFICATE_OF_SATISFACTION: certificate_of_satisfaction_context,
    DocumentKind.DIRECTIONS_ORDER: directions_order_context,
    DocumentKind.PAPER_PACK: paper_pack_context,
    DocumentKind.CLAIMANT_DQ: claimant_dq_context,
}


def context_for(document: ClaimDocument, **extra: Any) -> tuple[str, dict[str, Any]]:
    """The template name and context for ``document``. ``extra``: ``respond_url`` for the pack.

    Raises ValueError for an unknown kind or a claim that cannot have this document yet.
    """
    try:
        build = _BUILDERS[document.kind]
    except KeyError:
        raise ValueError(f"no PDF template for documents of kind {document.kind!r}") from None
    return TEMPLATES[DocumentKind(document.kind)], build(document.claim, **extra)
