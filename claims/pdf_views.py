"""What the court's PDFs show of a claim, as plain views: the parties, the figures, the claim form.

Every app's documents start from these (``issued_header``; the claim form's own documents from
``claim_form_context``); each app registers its kinds with ``documents.registry`` in its ``pdfs`` module.

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

from dataclasses import dataclass
from datetime import date
from typing import Any

from court.templatetags.govuk import govuk_date
from documents.formatting import court, money, rate_text

from . import ocon1
from .models import Claim
from .ocon1 import ClaimForm, Party

#: PD 51R 13.1(1), as signed by a claimant in person (a legal representative signs
#: ``ocon1.STATEMENT_OF_TRUTH_REPRESENTATIVE``).
STATEMENT_OF_TRUTH = ocon1.STATEMENT_OF_TRUTH


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
    #: A represented claimant's fixed costs on issue ("" for a claimant in person).
    fixed_costs: str = ""


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
    #: A legal representative signing for the claimant: their position and firm ("" in person).
    signed_position: str = ""
    firm: str = ""


@dataclass(frozen=True)
class RepresentativeView:
    """A party's legal representative as the claim form shows it."""

    name: str
    address_lines: tuple[str, ...]
    reference: str
    service_email: str
    registered: bool


@dataclass(frozen=True)
class RepresentativesView:
    claimant: RepresentativeView
    #: The claimant's address for service (2.1(3)(i)(ii)).
    service_address_lines: tuple[str, ...]
    defendant: RepresentativeView | None
    #: 2.1(7): the defendant's representative is not registered; the claim is sent out once issued.
    sent_out_once_issued: bool


def representatives_view(claim: Claim, form: ClaimForm) -> RepresentativesView | None:
    """Both parties' representatives and references, from the form as signed and the claim's own references."""
    rep = form.representation
    if rep is None:
        return None
    firm = rep.claimant_firm
    claimant = RepresentativeView(firm.name, tuple(firm.address.lines()), claim.claimant_reference or
                                  rep.claimant_reference, firm.service_email, True)
    defendant = None
    if rep.defendant_firm is not None:
        other = rep.defendant_firm
        defendant = RepresentativeView(
            other.name, tuple(other.address.lines()),
            claim.defendant_reference or rep.defendant_reference, other.service_email,
            rep.defendant == "registered")
    return RepresentativesView(claimant, tuple(rep.service_address.lines()), defendant, rep.sent_out_once_issued)


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
        fixed_costs=money(claim.fixed_costs) if claim.fixed_costs is not None else "",
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
        "statement_of_truth": statement_of_truth(claim, form),
        "representatives": representatives_view(claim, form),
        "claimant2": party_view(form.claimant2) if form.claimant2 else None,
        "defendant2": party_view(form.defendant2) if form.defendant2 else None,
    }


def statement_of_truth(claim: Claim, form: ClaimForm) -> StatementOfTruth:
    """The statement as signed (13.1(1), (3), (5)): the wording the form records, else the form's own."""
    signed = (claim.submitted_data or {}).get("statement_of_truth")
    wording = signed.get("wording") if isinstance(signed, dict) else None
    if not wording:
        wording = ocon1.STATEMENT_OF_TRUTH_REPRESENTATIVE if form.is_represented else STATEMENT_OF_TRUTH
    firm = form.representation.claimant_firm.name if form.representation else ""
    return StatementOfTruth(wording, claim.sot_signed_name, claim.sot_signed_on, claim.sot_signed_position, firm)
