"""The judgments' documents: the judgment, the settlement agreement and the certificate of satisfaction.

Registered with ``documents.registry`` (found by ``autodiscover_modules("pdfs")``). Each starts from the
claim's ``issued_header`` (``claims.pdf_views``) and shows the judgment's or the agreement's own figures,
formatted, never recomputed.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from claims.models import Claim
from claims.pdf_views import issued_header
from court.calendar import court_calendar
from documents.formatting import money, sentence, signed_money
from documents.models import DocumentKind
from documents.registry import register
from rules.calendar import local
from rules.judgments import FREQUENCY_WORDS, Option, last_payment_date
from rules.periods import days_after, pay_19

from .models import Judgment, SettlementAgreement
from .settlement import BREACH_FORM, FORM_NAME, agreement_plan

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


def _deduction(label: str, amount: Decimal) -> bool:
    """A line taken off the total: stored negative, or labelled "Less …" (e.g. "Less amount paid")."""
    return amount < 0 or label.strip().lower().startswith("less ")


def judgment_lines(judgment: Judgment) -> tuple[JudgmentLineView, ...]:
    return tuple(
        JudgmentLineView(label, signed_money(-abs(amount) if _deduction(label, amount) else amount))
        for label, amount in judgment.line_items
        if label.strip().lower() != "total"
    )


def register_removal_date(judgment: Judgment) -> date:
    """The last day for paying in full to take the judgment off the register: the day of its own
    deadline (CCJ-28, as the register services apply it), else 28 days after the judgment."""
    deadline = judgment.register_removal_deadline
    if deadline is not None:
        return local(deadline).date()
    return days_after(judgment.judgment_date, REGISTER_REMOVAL_DAYS)


def pay_within_19_days_by(judgment: Judgment) -> date | None:
    if judgment.payment_option != "immediately" or "19 days" in judgment.terms_text:
        return None
    return local(pay_19(court_calendar(), judgment.judgment_date)).date()


def judgment_view(judgment: Judgment) -> JudgmentView:
    return JudgmentView(
        kind=judgment.get_kind_display(),
        judgment_date=judgment.judgment_date,
        entered_at=judgment.entered_at,
        made_by=judgment.made_by_label,
        lines=judgment_lines(judgment),
        total=signed_money(judgment.total),
        terms=sentence(judgment.terms_text),
        pay_within_19_days_by=pay_within_19_days_by(judgment),
        register_removal_date=register_removal_date(judgment),
    )


def judgment_context(claim: Claim, **extra: Any) -> dict[str, Any]:
    """The judgment for the claimant: who made it and when, every line of its amount, the terms of
    payment, and what each party can do now."""
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


def settlement_view(agreement: SettlementAgreement) -> SettlementView:
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
        terms=sentence(agreement.terms_text),
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
    header = issued_header(claim)
    agreement = SettlementAgreement.objects.filter(claim=claim).first()
    if agreement is None:
        raise ValueError(f"claim {claim.claim_number} has no settlement agreement")
    return {
        **header,
        "title": f"Settlement agreement: claim {claim.claim_number}",
        "agreement": settlement_view(agreement),
    }


register(DocumentKind.JUDGMENT, template="pdf/judgment.html", context=judgment_context)
register(DocumentKind.SETTLEMENT_AGREEMENT, template="pdf/settlement_agreement.html",
         context=settlement_agreement_context)
register(DocumentKind.CERTIFICATE_OF_SATISFACTION, template="pdf/certificate_of_satisfaction.html",
         context=certificate_of_satisfaction_context)
