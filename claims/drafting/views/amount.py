"""The claim amount and interest pages (PD 51R 2.1(3)(a), 2.1(6)(a); County Courts Act 1984 s.69).

The amount is add-another rows of items, no more than the limit with the interest already
claimed (to the day the claim would count as submitted: ``claims.drafting.figures``).
Interest is asked in two pages: whether and at what rate (or a fixed sum), then, at a rate,
from when; neither may take the claim over the limit.
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from claims import ocon1, pricing
from claims.models import Claim
from ocmc import clock
from ocmc.govuk_forms import RowFormSet, error_items, row_initial
from rules.money import STATUTORY_RATE, daily_interest, format_money, parse_money

from .. import figures
from ..forms import InterestForm, InterestFromForm, ItemFormSet
from .common import (
    ROWS_AT_FIRST,
    _back,
    _broken,
    _done,
    _money,
    _page,
    _returning,
    _rows_added,
    _save,
    _section,
    _url,
    draft_page,
)


def _typed_total(formset: RowFormSet) -> Decimal | None:
    """The total of the amounts that are valid money (shown while someone edits the rows)."""
    total, any_amount = Decimal(0), False
    for form in formset.forms:
        value = form.initial.get("amount") if not form.is_bound else form["amount"].value()
        try:
            total += parse_money(str(value or ""))
            any_amount = True
        except ValueError:
            continue
    return total if any_amount else None


@draft_page
def amount(request: HttpRequest, claim: Claim) -> HttpResponse:
    prefix = "items"
    saved_rows = _section(claim, "amount").get("items")
    errors: list[tuple[str, str]] = []
    initial = row_initial(saved_rows, ("description", "amount"), at_least=ROWS_AT_FIRST)
    if request.method == "POST":
        formset = ItemFormSet(request.POST, prefix=prefix)
        formset, redrawn = _rows_added(request, formset, ItemFormSet, prefix)
        if not redrawn and not formset.management_form.is_valid():
            errors = _broken(formset)
            formset = ItemFormSet(initial=initial, prefix=prefix)
        elif not redrawn:
            interest = ocon1.interest_of(claim.draft_data)
            if interest is not None and interest.kind != "none":
                day = figures.submission_day()
                formset.interest_for = lambda principal: figures.interest_to(interest, principal, day)
            formset.limit = pricing.limit_for(claim.draft_data)
            if formset.is_valid():
                if failed := _save(request, claim, "amount", {"items": formset.rows()}):
                    return failed
                return _done(request, claim)
            errors = error_items(formset)
    else:
        formset = ItemFormSet(initial=initial, prefix=prefix)
    return _page(
        request,
        "amount.html",
        claim,
        {
            "formset": formset,
            "errors": errors,
            "total": _money(_typed_total(formset)),
            "limit": format_money(pricing.limit_for(claim.draft_data)),
            "back_url": _back(request, claim),
        },
    )


# -- interest -------------------------------------------------------------------------------------


def _interest_context(claim: Claim, rate: Decimal | None) -> dict[str, Any]:
    amount = figures.principal(claim.draft_data)
    assert amount is not None
    return {
        "principal": format_money(amount),
        "statutory_daily": format_money(daily_interest(amount, STATUTORY_RATE)),
        "daily": _money(daily_interest(amount, rate)) if rate else "",
        "rate": f"{rate.normalize():f}" if rate else "",
        "today": clock.today(),
    }


@draft_page
def interest(request: HttpRequest, claim: Claim) -> HttpResponse:
    """Do you want to claim interest? (County Courts Act 1984 s.69)"""
    amount = figures.principal(claim.draft_data)
    if amount is None:
        messages.info(request, "Enter the amount you are claiming before you answer the questions about interest.")
        return redirect(_url("drafting:amount", claim))
    current = _section(claim, "interest")
    initial = {key: current.get(key) for key in InterestForm.base_fields if current.get(key)}
    form = InterestForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        section = form.section(current)
        day = figures.submission_day()
        candidate = ocon1.interest_of({"interest": section})
        message = None
        if candidate is not None:
            message = figures.over_limit_message(amount, figures.interest_to(candidate, amount, day), day,
                                                 pricing.limit_for(claim.draft_data))
        if message:
            form.add_error({"fixed": "fixed_amount", "different": "rate"}.get(section["choice"], "choice"), message)
        else:
            if failed := _save(request, claim, "interest", section):
                return failed
            if section["choice"] in {"standard", "different"}:
                return redirect(_url("drafting:interest_from", claim, returning=_returning(request)))
            return _done(request, claim)
    return _page(
        request,
        "interest.html",
        claim,
        {
            "form": form,
            "errors": error_items(form),
            "back_url": _back(request, claim),
            **_interest_context(claim, None),
        },
    )


@draft_page
def interest_from(request: HttpRequest, claim: Claim) -> HttpResponse:
    """When are you claiming interest from?"""
    amount = figures.principal(claim.draft_data)
    current = _section(claim, "interest")
    if amount is None or current.get("choice") not in {"standard", "different"}:
        return redirect(_url("drafting:interest", claim, returning=_returning(request)))
    initial: dict[str, Any] = {"start": current.get("from"), "from_reason": current.get("from_reason", "")}
    try:
        initial["from_date"] = date.fromisoformat(str(current.get("from_date") or ""))
    except ValueError:
        pass
    today = clock.today()
    form = InterestFromForm(request.POST if request.method == "POST" else None, initial=initial, today=today)
    if request.method == "POST" and form.is_valid():
        section = form.section(current)
        candidate = ocon1.interest_of({"interest": section})
        day = figures.submission_day()
        message = None
        if candidate is not None:
            message = figures.over_limit_message(amount, figures.interest_to(candidate, amount, day), day,
                                                 pricing.limit_for(claim.draft_data))
        if message:
            form.add_error("from_date" if section["from"] == "date" else "start", message)
        else:
            if failed := _save(request, claim, "interest", section):
                return failed
            return _done(request, claim)
    saved = ocon1.interest_of(claim.draft_data)
    at_rate = ocon1.interest_of({"interest": {**current, "from": "submission"}})
    context = _interest_context(claim, at_rate.rate if at_rate is not None else None)
    if saved is not None and saved.start is not None:
        context["saved_start"] = saved.start
        context["interest_to_today"] = format_money(figures.interest_to(saved, amount, today))
    return _page(
        request,
        "interest_from.html",
        claim,
        {"form": form, "errors": error_items(form), "back_url": _back(request, claim, "drafting:interest"), **context},
    )
