"""Check your answers, the figures, and the statement of truth; signing submits the claim (PD 51R 13.1).

An incomplete draft lists the sections still to do. Otherwise the page shows every answer
with a link to change it, the amount, interest and fee (``claims.pricing.quote``, to the
day the claim would count as submitted, PD 51R 14.1), and the statement of truth; signing
it submits the claim (``claims.services.claim_submit``) and goes on to the fee.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from claims import ocon1, pricing, services
from claims.errors import ClaimError, NotAllowed
from claims.models import Claim
from ocmc import clock
from ocmc.govuk_forms import error_items
from rules.money import format_money

from .. import figures
from ..forms import INTEREST_CHOICES, StatementOfTruthForm
from ..forms.represented import RepresentativeStatementOfTruthForm
from .common import SECTION_PAGES, _money, _page, _section, _url, draft_page


def _party_rows(claim: Claim, party: ocon1.Party, role: str) -> list[dict[str, Any]]:
    you = role.startswith("claimant")
    details = _url(f"drafting:{role}_details", claim, returning=True)
    rows: list[dict[str, Any]] = [
        {
            "key": "Who is making the claim" if you else "Who you are claiming against",
            "value": party.type_label,
            "url": _url(f"drafting:{role}_type", claim, returning=True),
            "change": "who is making the claim" if you else "who you are claiming against",
        },
    ]
    if party.type in {"individual", "sole_trader"}:
        name = " ".join(part for part in (party.title, party.full_name) if part)
        rows.append({"key": "Full name", "value": name, "url": details, "change": "full name"})
        if party.type == "sole_trader" and party.trading_name:
            rows.append({"key": "Trading name", "value": party.trading_name, "url": details, "change": "trading name"})
    else:
        label = "Company name" if party.type == "company" else "Organisation name"
        rows.append({"key": label, "value": party.name, "url": details, "change": label.lower()})
        if party.contact_name:
            rows.append({"key": "Contact name", "value": party.contact_name, "url": details, "change": "contact name"})
    if party.date_of_birth:
        rows.append({"key": "Date of birth", "value": party.date_of_birth, "url": details, "change": "date of birth"})
    rows.append({"key": "Address", "lines": party.address.lines(), "url": details, "change": "address"})
    if party.phone:
        rows.append({"key": "Telephone number", "value": party.phone, "url": details, "change": "telephone number"})
    if you and claim.claimant_firm_id is None:
        rows.append({"key": "Email address", "value": party.email})
    elif party.email:
        rows.append({"key": "Email address", "value": party.email, "url": details, "change": "email address"})
    return rows


def _interest_rows(claim: Claim, form_: ocon1.ClaimForm) -> list[dict[str, Any]]:
    section = _section(claim, "interest")
    first = _url("drafting:interest", claim, returning=True)
    when = _url("drafting:interest_from", claim, returning=True)
    choice = section.get("choice")
    rows: list[dict[str, Any]] = [
        {"key": "Claiming interest", "value": INTEREST_CHOICES.get(str(choice), ""), "url": first,
         "change": "whether you are claiming interest"},
    ]
    claim_ = form_.interest
    if choice == "different":
        rows.append({"key": "Rate of interest", "value": f"{claim_.rate:f}% a year", "url": first, "change": "rate"})
        rows.append({"key": "Why you are claiming this rate", "value": claim_.rate_reason, "url": first,
                     "change": "why you are claiming this rate"})
    if choice in {"standard", "different"}:
        start = claim_.start if claim_.start else "The date you submit the claim"
        rows.append({"key": "Interest from", "value": start, "url": when,
                     "change": "when you are claiming interest from"})
        if claim_.start:
            rows.append({"key": "Why from this date", "value": claim_.start_reason, "url": when,
                         "change": "why you are claiming interest from this date"})
    if choice == "fixed":
        rows.append({"key": "Interest you calculated", "value": format_money(claim_.fixed_amount or Decimal(0)),
                     "url": first, "change": "the amount of interest"})
        rows.append({"key": "How you calculated it", "value": form_.interest_breakdown, "url": first,
                     "change": "how you calculated the interest"})
        rows.append({"key": "8% a year after the claim is issued", "value": "Yes" if claim_.rate else "No",
                     "url": first, "change": "whether you claim interest after the claim is issued"})
    return rows


def _representation_rows(claim: Claim, form_: ocon1.ClaimForm) -> dict[str, list[dict[str, Any]]]:
    """The sections of a claim made by a legal representative, for check your answers."""
    rep = form_.representation
    assert rep is not None
    firm = rep.claimant_firm
    service = _url("drafting:service_address", claim, returning=True)
    claimant_side = [
        {"key": "Legal representative", "lines": [firm.name, *firm.address.lines()]},
        {"key": "Your reference", "value": rep.claimant_reference,
         "url": _url("drafting:reference", claim, returning=True), "change": "your reference"},
        {"key": "Address for service", "lines": rep.service_address.lines(), "url": service,
         "change": "the claimant's address for service"},
    ]
    which = _url("drafting:defendant_representation", claim, returning=True)
    defendant_side: list[dict[str, Any]] = [
        {"key": "Legal representative", "value": ocon1.REPRESENTATION_LABELS.get(rep.defendant, ""), "url": which,
         "change": "whether the defendant has a legal representative"},
    ]
    if rep.defendant_firm is not None:
        page = "drafting:defendant_firm" if rep.defendant == "registered" else "drafting:defendant_rep"
        lines = [rep.defendant_firm.name, *rep.defendant_firm.address.lines()]
        if rep.defendant_firm.service_email:
            lines.append(f"Email for service: {rep.defendant_firm.service_email}")
        defendant_side.append({"key": "Their firm", "lines": lines, "url": _url(page, claim, returning=True),
                               "change": "the defendant's legal representative"})
        if rep.defendant == "registered":
            defendant_side.append({"key": "Their reference", "value": rep.defendant_reference or "None given",
                                   "url": _url(page, claim, returning=True), "change": "their reference"})
    return {"claimant_side_rows": claimant_side, "defendant_side_rows": defendant_side}


@draft_page
def check(request: HttpRequest, claim: Claim) -> HttpResponse:
    """Check your answers, the figures, and the statement of truth (PD 51R 13.1)."""
    try:
        claim_form = ocon1.read(claim.draft_data)
    except ocon1.IncompleteClaim as exc:
        missing = [
            {"title": title, "url": _url(SECTION_PAGES[key], claim)}
            for key, title in ocon1.sections(claim.draft_data)
            if title in exc.missing
        ]
        return _page(
            request,
            "check_incomplete.html",
            claim,
            {"missing": missing, "back_url": _url("drafting:task_list", claim)},
        )
    day = figures.submission_day()
    quote = pricing.quote(claim_form, submitted_on=day)
    represented = claim_form.is_represented
    problem = ocon1.party_problem(claim_form)
    blocked = quote.over_limit or problem is not None
    form_class = RepresentativeStatementOfTruthForm if represented else StatementOfTruthForm
    form = form_class(request.POST if request.method == "POST" and not blocked else None)
    if request.method == "POST" and not blocked and form.is_valid():
        try:
            services.claim_submit(  # type: ignore[attr-defined]
                claim_id=claim.pk, actor=request.user, signed_name=form.cleaned_data["signed_name"],
                signed_position=form.cleaned_data.get("signed_position") or "",
            )
        except NotAllowed:
            raise  # the claim moved on: StaleStepMiddleware
        except ClaimError as exc:
            form.add_error(None, str(exc))
        else:
            return redirect("claims:fee", public_id=claim.public_id)
    particulars = _url("drafting:what_happened", claim, returning=True)
    return _page(
        request,
        "check.html",
        claim,
        {
            "form": form,
            "errors": error_items(form),
            "back_url": _url("drafting:task_list", claim),
            "claimant_rows": _party_rows(claim, claim_form.claimant, "claimant"),
            "defendant_rows": _party_rows(claim, claim_form.defendant, "defendant"),
            "claimant2_rows": _party_rows(claim, claim_form.claimant2, "claimant2") if claim_form.claimant2 else [],
            "defendant2_rows": (_party_rows(claim, claim_form.defendant2, "defendant2")
                                if claim_form.defendant2 else []),
            **(_representation_rows(claim, claim_form) if represented else {}),
            "represented": represented,
            "party_problem": problem,
            "sent_out_once_issued": bool(claim_form.representation and claim_form.representation.sent_out_once_issued),
            "statement_of_truth": ocon1.statement_of_truth(claim.draft_data),
            "firm_name": claim_form.representation.claimant_firm.name if claim_form.representation else "",
            "items": [(item.description, format_money(item.amount)) for item in claim_form.items],
            "amount_url": _url("drafting:amount", claim, returning=True),
            "interest_rows": _interest_rows(claim, claim_form),
            "claim_form": claim_form,
            "what_happened_url": particulars,
            "timeline_url": _url("drafting:timeline", claim, returning=True),
            "evidence_url": _url("drafting:evidence", claim, returning=True),
            "quote": quote,
            "figures": {
                "principal": format_money(quote.principal),
                "interest": format_money(quote.interest),
                "daily": _money(quote.daily_interest),
                "amount_claimed": format_money(quote.amount_claimed),
                "fee": format_money(quote.fee),
                "fixed_costs": _money(quote.fixed_costs),
                "total": format_money(quote.total),
            },
            "submission_day": day,
            "limit": format_money(quote.limit),
            "today": clock.today(),
        },
    )
