"""Drafting the claim (form OCON1, PD 51R 4.1) as a GOV.UK task list.

Every page gets its claim through ``get_claim_for_user`` (404 for anyone else) and needs
``Action.EDIT_DRAFT`` (a claim that is no longer a draft goes to its own page). Each page
saves its whole section with ``claim_draft_save`` (which replaces the top-level key, so
pages of one section merge with what the section already holds). ``?return=check`` on
any page sends the person back to "Check your answers" after saving.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from functools import wraps
from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from claims import ocon1, pricing, services
from claims.errors import ClaimError, NotAllowed
from claims.models import Claim
from claims.policy import Action, require
from claims.selectors import get_claim_for_user
from eligibility import session as eligibility  # the eligibility checker's answers, in the session
from ocmc import clock
from rules.money import STATUTORY_RATE, daily_interest, format_money, parse_money

from . import figures
from .forms import (
    EvidenceFormSet,
    InterestForm,
    InterestFromForm,
    ItemFormSet,
    PartyDetailsForm,
    PartyTypeForm,
    RowFormSet,
    StatementOfTruthForm,
    TimelineFormSet,
    WhatHappenedForm,
    error_items,
    party_fields,
    row_initial,
)

#: The first page of each section of the task list.
SECTION_PAGES = {
    "claimant": "drafting:claimant_type",
    "defendant": "drafting:defendant_type",
    "amount": "drafting:amount",
    "interest": "drafting:interest",
    "particulars": "drafting:what_happened",
}
#: How many rows an add-another page shows at first.
ROWS_AT_FIRST = 3

DraftView = Callable[..., HttpResponse]


# -- plumbing ------------------------------------------------------------------------------


def draft_page(view: DraftView) -> Callable[..., HttpResponse]:
    """A page of a draft: signed in, the owner's claim (404 otherwise), still a draft."""

    @login_required
    @require_http_methods(["GET", "POST"])
    @wraps(view)
    def page(request: HttpRequest, public_id: UUID, **kwargs: Any) -> HttpResponse:
        claim = get_claim_for_user(request.user, public_id)
        require(request.user, claim, Action.EDIT_DRAFT)  # else the claim's page says what happened
        return view(request, claim, **kwargs)

    return page


def _returning(request: HttpRequest) -> bool:
    return request.GET.get("return") == "check"


def _url(name: str, claim: Claim, *, returning: bool = False) -> str:
    url = reverse(name, kwargs={"public_id": claim.public_id})
    return f"{url}?return=check" if returning else url


def _done(request: HttpRequest, claim: Claim) -> HttpResponse:
    """Where a section's last page goes: back to the check page, or to the task list."""
    name = "drafting:check" if _returning(request) else "drafting:task_list"
    return redirect(_url(name, claim))


def _back(request: HttpRequest, claim: Claim, previous: str | None = None) -> str:
    """The Back link: the previous page of the section, else the task list (or the check page)."""
    if previous:
        return _url(previous, claim, returning=_returning(request))
    return _url("drafting:check" if _returning(request) else "drafting:task_list", claim)


def _section(claim: Claim, key: str) -> dict[str, Any]:
    value = claim.draft_data.get(key)
    return dict(value) if isinstance(value, dict) else {}


def _display_name(section: dict[str, Any]) -> str:
    """A party's name as the claim form shows it ("Mr Sam Smith", "Sam Smith trading as …", "Acme Ltd")."""
    keys = ("type", "title", "full_name", "trading_name", "name")
    values = {key: str(section.get(key) or "").strip() for key in keys}
    return ocon1.Party(address=ocon1.Address("", "", "", ""), **values).display_name


def _save(request: HttpRequest, claim: Claim, key: str, section: Any) -> HttpResponse | None:
    """Save one whole section; a response if the draft can no longer be saved."""
    try:
        saved = services.claim_draft_save(claim_id=claim.pk, actor=request.user, data={key: section})
    except NotAllowed:
        raise  # the claim moved on: StaleStepMiddleware
    except ClaimError as exc:
        messages.error(request, str(exc))
        return redirect("claims:dashboard")
    claim.draft_data = saved.draft_data
    return None


def _page(request: HttpRequest, template: str, claim: Claim, context: dict[str, Any]) -> HttpResponse:
    context.setdefault("errors", [])
    context.update(claim=claim, returning=_returning(request))
    return render(request, f"claims/drafting/{template}", context)


# -- start and the task list ------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def start(request: HttpRequest) -> HttpResponse:
    """Make a money claim: what you will need; starting makes the draft."""
    if not eligibility.passed(request):
        return redirect("eligibility:start")
    if request.method == "POST":
        claim = services.claim_draft_create(owner=request.user, data={"eligibility": eligibility.answers(request)})
        return redirect("drafting:task_list", public_id=claim.public_id)
    return render(request, "claims/drafting/start.html", {})


@draft_page
def task_list(request: HttpRequest, claim: Claim) -> HttpResponse:
    data = claim.draft_data
    status = ocon1.section_status(data)
    amount = figures.principal(data)
    hints = {
        "claimant": _display_name(_section(claim, "claimant")) if status["claimant"] else "",
        "defendant": ocon1.defendant_name(data) if status["defendant"] else "",
        "amount": f"Total: {format_money(amount)}" if amount is not None else "",
        "interest": figures.interest_summary(data),
    }
    sections = []
    for key, title in ocon1.SECTIONS:
        if status[key]:
            state = "completed"
        elif key == "interest" and not status["amount"]:
            state = "cannot_start"
        else:
            state = "incomplete"
        sections.append(
            {
                "key": key,
                "title": title,
                "url": "" if state == "cannot_start" else _url(SECTION_PAGES[key], claim),
                "state": state,
                "hint": hints.get(key, "") if state == "completed" else "",
            }
        )
    done = sum(1 for value in status.values() if value)
    return _page(
        request,
        "task_list.html",
        claim,
        {
            "sections": sections,
            "completed_count": done,
            "section_count": len(sections),
            "all_complete": done == len(sections),
        },
    )


# -- the parties --------------------------------------------------------------------------------


def _party_type(request: HttpRequest, claim: Claim, role: str) -> HttpResponse:
    claimant = role == "claimant"
    current = _section(claim, role)
    form = PartyTypeForm(
        request.POST if request.method == "POST" else None, initial={"type": current.get("type")}, claimant=claimant
    )
    if request.method == "POST" and form.is_valid():
        kind = form.cleaned_data["type"]
        keep = party_fields(kind, claimant=claimant)
        section = {key: value for key, value in current.items() if key in keep}  # drop what no longer applies
        section["type"] = kind
        if claimant:
            section["email"] = request.user.email
        if failed := _save(request, claim, role, section):
            return failed
        return redirect(_url(f"drafting:{role}_details", claim, returning=_returning(request)))
    return _page(
        request,
        "party_type.html",
        claim,
        {"form": form, "errors": error_items(form), "role": role, "back_url": _back(request, claim)},
    )


def _party_details(request: HttpRequest, claim: Claim, role: str) -> HttpResponse:
    claimant = role == "claimant"
    current = _section(claim, role)
    kind = current.get("type")
    if kind not in ocon1.PARTY_TYPES:
        return redirect(_url(f"drafting:{role}_type", claim, returning=_returning(request)))
    form = PartyDetailsForm(
        request.POST if request.method == "POST" else None,
        initial=PartyDetailsForm.initial_from(current),
        kind=kind,
        claimant=claimant,
        today=clock.today(),
    )
    if request.method == "POST" and form.is_valid():
        if failed := _save(request, claim, role, form.section(email=request.user.email)):
            return failed
        return _done(request, claim)
    return _page(
        request,
        "party_details.html",
        claim,
        {
            "form": form,
            "errors": error_items(form),
            "role": role,
            "kind": kind,
            "kind_label": ocon1.PARTY_TYPES[kind],
            "email": request.user.email,
            "back_url": _back(request, claim, f"drafting:{role}_type"),
        },
    )


@draft_page
def claimant_type(request: HttpRequest, claim: Claim) -> HttpResponse:
    return _party_type(request, claim, "claimant")


@draft_page
def claimant_details(request: HttpRequest, claim: Claim) -> HttpResponse:
    return _party_details(request, claim, "claimant")


@draft_page
def defendant_type(request: HttpRequest, claim: Claim) -> HttpResponse:
    return _party_type(request, claim, "defendant")


@draft_page
def defendant_details(request: HttpRequest, claim: Claim) -> HttpResponse:
    return _party_details(request, claim, "defendant")


# -- add-another pages ----------------------------------------------------------------------------


def _rows_added(request: HttpRequest, formset: RowFormSet, formset_class: type[RowFormSet], prefix: str) -> Any:
    """"Add another row": the rows again as typed (not checked yet), and one more empty row."""
    if request.POST.get("action") != "add":
        return formset, False
    rows = formset.raw_rows() if formset.management_form.is_valid() else []
    if len(rows) < formset.max_num:
        rows.append(dict.fromkeys(formset.form.base_fields, ""))
    return formset_class(initial=rows, prefix=prefix), True


def _broken(formset: RowFormSet) -> list[tuple[str, str]]:
    """The rows of the page did not come back (a stale or tampered page): say so, show the saved rows."""
    return [("", str(formset.error_messages["missing_management_form"]))]


def _money(value: Decimal | None) -> str:
    return format_money(value) if value is not None else ""


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
            formset.limit = pricing.LIMIT_IN_PERSON
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
            "limit": format_money(pricing.LIMIT_IN_PERSON),
            "back_url": _back(request, claim),
        },
    )


def _rows_page(
    request: HttpRequest,
    claim: Claim,
    *,
    key: str,
    formset_class: type[RowFormSet],
    keys: tuple[str, ...],
    template: str,
    previous: str,
) -> HttpResponse:
    """Timeline and evidence: optional rows kept in the particulars section."""
    particulars = _section(claim, "particulars")
    errors: list[tuple[str, str]] = []
    initial = row_initial(particulars.get(key), keys, at_least=ROWS_AT_FIRST)
    if request.method == "POST":
        formset = formset_class(request.POST, prefix=key)
        formset, redrawn = _rows_added(request, formset, formset_class, key)
        if not redrawn and not formset.management_form.is_valid():
            errors = _broken(formset)
            formset = formset_class(initial=initial, prefix=key)
        elif not redrawn:
            if formset.is_valid():
                particulars[key] = formset.rows()
                if failed := _save(request, claim, "particulars", particulars):
                    return failed
                if key == "timeline" and not _returning(request):
                    return redirect(_url("drafting:evidence", claim))
                return _done(request, claim)
            errors = error_items(formset)
    else:
        formset = formset_class(initial=initial, prefix=key)
    return _page(
        request,
        template,
        claim,
        {"formset": formset, "errors": errors, "back_url": _back(request, claim, previous)},
    )


@draft_page
def timeline(request: HttpRequest, claim: Claim) -> HttpResponse:
    return _rows_page(
        request, claim, key="timeline", formset_class=TimelineFormSet, keys=("date", "event"),
        template="timeline.html", previous="drafting:what_happened",
    )


@draft_page
def evidence(request: HttpRequest, claim: Claim) -> HttpResponse:
    return _rows_page(
        request, claim, key="evidence", formset_class=EvidenceFormSet, keys=("type", "description"),
        template="evidence.html", previous="drafting:timeline",
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
            message = figures.over_limit_message(amount, figures.interest_to(candidate, amount, day), day)
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
            message = figures.over_limit_message(amount, figures.interest_to(candidate, amount, day), day)
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


# -- claim details -----------------------------------------------------------------------------------


@draft_page
def what_happened(request: HttpRequest, claim: Claim) -> HttpResponse:
    particulars = _section(claim, "particulars")
    form = WhatHappenedForm(
        request.POST if request.method == "POST" else None,
        initial={"what_happened": particulars.get("what_happened", "")},
    )
    if request.method == "POST" and form.is_valid():
        particulars["what_happened"] = form.cleaned_data["what_happened"]
        if failed := _save(request, claim, "particulars", particulars):
            return failed
        if _returning(request):
            return _done(request, claim)
        return redirect(_url("drafting:timeline", claim))
    return _page(
        request,
        "what_happened.html",
        claim,
        {"form": form, "errors": error_items(form), "back_url": _back(request, claim)},
    )


# -- check your answers and the statement of truth ---------------------------------------------------


def _party_rows(claim: Claim, party: ocon1.Party, role: str) -> list[dict[str, Any]]:
    you = role == "claimant"
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
    if you:
        rows.append({"key": "Email address", "value": party.email})
    elif party.email:
        rows.append({"key": "Email address", "value": party.email, "url": details, "change": "email address"})
    return rows


def _interest_rows(claim: Claim, form_: ocon1.ClaimForm) -> list[dict[str, Any]]:
    section = _section(claim, "interest")
    first = _url("drafting:interest", claim, returning=True)
    when = _url("drafting:interest_from", claim, returning=True)
    choice = section.get("choice")
    from .forms import INTEREST_CHOICES

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


@draft_page
def check(request: HttpRequest, claim: Claim) -> HttpResponse:
    """Check your answers, the figures, and the statement of truth (PD 51R 13.1)."""
    try:
        claim_form = ocon1.read(claim.draft_data)
    except ocon1.IncompleteClaim as exc:
        missing = [
            {"title": title, "url": _url(SECTION_PAGES[key], claim)}
            for key, title in ocon1.SECTIONS
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
    form = StatementOfTruthForm(request.POST if request.method == "POST" and not quote.over_limit else None)
    if request.method == "POST" and not quote.over_limit and form.is_valid():
        try:
            services.claim_submit(  # type: ignore[attr-defined]
                claim_id=claim.pk, actor=request.user, signed_name=form.cleaned_data["signed_name"]
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
                "total": format_money(quote.total),
            },
            "submission_day": day,
            "limit": format_money(pricing.LIMIT_IN_PERSON),
            "today": clock.today(),
        },
    )
