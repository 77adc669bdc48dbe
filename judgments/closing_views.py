"""Closing a claim and the register of judgments: the pages (services in ``judgments.closing``).

The claimant: "Tell us the claim is paid or settled" and "Discontinue the claim" (before
judgment), "Tell us the judgment has been paid" (after it). The defendant: "Get a certificate
of satisfaction" once the judgment is marked as satisfied. Every page gets its claim through
``get_claim_for_user`` (404 for anyone else) and sends a party who may not take the step now
back to the claim page.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any
from uuid import UUID

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from claims.errors import ClaimError, NotAllowed
from claims.models import Claim
from claims.policy import Action, require
from claims.selectors import get_claim_for_user
from documents.models import DocumentKind
from ocmc.govuk_forms import GovukDateField, GovukForm, error_items, text

from . import closing

DATE_HINT = "For example, 27 3 2027"


def _radios(label: str, choices: list[tuple[str, str]], required: str) -> forms.ChoiceField:
    return forms.ChoiceField(label=label, choices=choices, widget=forms.RadioSelect,
                             error_messages={"required": required, "invalid_choice": required})


class _DateForm(GovukForm):
    """A form with one date, checked as the service checks it (``check`` raises ClaimError)."""

    date_field = ""

    def __init__(self, *args: Any, check: Callable[[date], None], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.check = check

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        value = data.get(self.date_field)
        if value is not None and self.date_field not in self.errors:
            try:
                self.check(value)
            except ClaimError as exc:
                self.add_error(self.date_field, str(exc))
        return data


class SettledForm(_DateForm):
    how = _radios(
        "Has the claim been paid in full or settled another way?",
        [(closing.PAID, "The defendant has paid me in full"), (closing.SETTLED, "We settled the claim another way")],
        "Select whether the claim has been paid in full or settled another way",
    )
    received_on = GovukDateField(
        label="Date you received the money or settled the claim", noun="The date",
        required_message="Enter the date you received the money or settled the claim", help_text=DATE_HINT,
    )
    date_field = summary_field = "received_on"


class DiscontinueForm(GovukForm):
    reason = text("Why are you discontinuing the claim? (optional)", max_length=closing.REASON_MAX,
                  widget=forms.Textarea, attrs={"rows": 3},
                  help_text="The defendant will be told what you write here.")


class JudgmentPaidForm(_DateForm):
    paid_on = GovukDateField(
        label="When was the judgment paid in full?", noun="The date",
        required_message="Enter the date the judgment was paid in full",
        help_text=f"The date the last of the money reached you and cleared. {DATE_HINT}",
    )
    date_field = summary_field = "paid_on"


@login_required
@require_http_methods(["GET", "POST"])
def settled(request: HttpRequest, public_id: UUID) -> HttpResponse:
    """The claimant: the claim is paid in full or settled another way (before judgment)."""
    claim = get_claim_for_user(request.user, public_id)
    require(request.user, claim, Action.CLOSE_CLAIM)  # else the claim's page says what happened
    form = SettledForm(request.POST if request.method == "POST" else None,
                       check=lambda day: closing.check_received_on(claim, day))
    if request.method == "POST" and form.is_valid():
        try:
            closing.claim_mark_settled(claim_id=claim.pk, actor=request.user, how=form.cleaned_data["how"],
                                       received_on=form.cleaned_data["received_on"])
        except NotAllowed:
            raise  # the claim moved on: StaleStepMiddleware
        except ClaimError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "You told the court the claim is paid or settled. The claim is closed.")
            return redirect("claims:detail", public_id=claim.public_id)
    return render(request, "judgments/closing/settled.html",
                  {"claim": claim, "form": form, "errors": error_items(form),
                   "back_url": _back(claim)})


@login_required
@require_http_methods(["GET", "POST"])
def discontinue(request: HttpRequest, public_id: UUID) -> HttpResponse:
    """The claimant discontinues the claim (before judgment): a page to confirm, with a warning."""
    claim = get_claim_for_user(request.user, public_id)
    require(request.user, claim, Action.CLOSE_CLAIM)  # else the claim's page says what happened
    form = DiscontinueForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            closing.claim_discontinue(claim_id=claim.pk, actor=request.user, reason=form.cleaned_data["reason"])
        except NotAllowed:
            raise  # the claim moved on: StaleStepMiddleware
        except ClaimError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "You discontinued the claim. The claim is closed.")
            return redirect("claims:detail", public_id=claim.public_id)
    return render(request, "judgments/closing/discontinue.html",
                  {"claim": claim, "form": form, "errors": error_items(form), "back_url": _back(claim)})


@login_required
@require_http_methods(["GET", "POST"])
def judgment_paid(request: HttpRequest, public_id: UUID) -> HttpResponse:
    """The claimant: the judgment has been paid in full, and when (guide 004)."""
    claim = get_claim_for_user(request.user, public_id)
    require(request.user, claim, Action.MARK_JUDGMENT_PAID)  # else the claim's page says what happened
    judgment = claim.judgment
    form = JudgmentPaidForm(request.POST if request.method == "POST" else None,
                            check=lambda day: closing.check_paid_on(judgment, day))
    if request.method == "POST" and form.is_valid():
        try:
            judgment = closing.judgment_mark_paid(claim_id=claim.pk, actor=request.user,
                                                  paid_on=form.cleaned_data["paid_on"])
        except NotAllowed:
            raise  # the claim moved on: StaleStepMiddleware
        except ClaimError as exc:
            form.add_error(None, str(exc))
        else:
            done = ("removed from the register" if judgment.removed_from_register
                    else "marked as satisfied on the register")
            messages.success(request, f"You told the court the judgment has been paid. It has been {done}.")
            return redirect("claims:detail", public_id=claim.public_id)
    return render(request, "judgments/closing/judgment_paid.html", {
        "claim": claim, "judgment": judgment, "form": form, "errors": error_items(form),
        "last_day": closing.register_removal_day(judgment), "back_url": _back(claim),
    })


@login_required
@require_http_methods(["GET", "POST"])
def certificate(request: HttpRequest, public_id: UUID) -> HttpResponse:
    """The defendant: ask for a certificate of satisfaction (form N443) of a judgment marked as
    satisfied; once asked, the page says whether it is ready to download."""
    claim = get_claim_for_user(request.user, public_id)
    require(request.user, claim, Action.REQUEST_CERTIFICATE)  # else the claim's page says what happened
    judgment = claim.judgment
    error = ""
    if request.method == "POST":
        try:
            closing.judgment_certificate_request(claim_id=claim.pk, actor=request.user)
        except NotAllowed:
            raise  # the claim moved on: StaleStepMiddleware
        except ClaimError as exc:
            error = str(exc)
        else:
            messages.success(request, "You asked for a certificate of satisfaction. Download it from this page "
                                      "when it is ready.")
            return redirect("responses:claim", public_id=claim.public_id)
    document = claim.documents.filter(kind=DocumentKind.CERTIFICATE_OF_SATISFACTION).first()
    return render(request, "judgments/closing/certificate.html", {
        "claim": claim, "judgment": judgment, "document": document, "error": error,
        "errors": [("", error)] if error else [], "back_url": _back(claim, defendant=True),
    })


def _back(claim: Claim, *, defendant: bool = False) -> str:
    return reverse("responses:claim" if defendant else "claims:detail", kwargs={"public_id": claim.public_id})
