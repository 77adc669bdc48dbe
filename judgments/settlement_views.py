"""The settlement agreement's pages (OCON Settlement Agreement A; PD 51R 7.8, 7.9, 7.13, 7.14).

- The claimant proposes it on the plan that stands, signing with their full name, and sees what
  happens next.
- The defendant reads it and signs or rejects it within the 7 days (SA-7).
- The claimant says it has been broken and asks for judgment on its terms (OCON225, 7.8(2)),
  after a check page with every line of the judgment.

Every page gets its claim through ``get_claim_for_user`` (404 for anyone else), checks its action
with ``claims.policy`` (the claim's own page otherwise) and changes the claim only through
``judgments.settlement``.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Any
from uuid import UUID

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from claims.errors import ClaimError, NotAllowed
from claims.models import Claim
from claims.policy import Action, can
from claims.representation import acts_for_claimant, acts_for_defendant
from claims.selectors import get_claim_for_user
from claims.views import DOCUMENT_ACCESS
from court.calendar import court_calendar
from documents.models import DocumentKind, DocumentStatus
from ocmc import clock
from ocmc.govuk_forms import GovukForm, MoneyField, error_items, text
from rules import judgments as rules
from rules import periods
from rules.calendar import local

from . import services, settlement
from .models import SettlementAgreement
from .plans import plan_that_stands

Status = SettlementAgreement.Status


# -- forms -------------------------------------------------------------------------------------------


def _radios(label: str, choices: list[tuple[str, str]], required: str,
            reveal: dict[str, tuple[str, ...]] | None = None) -> forms.ChoiceField:
    field = forms.ChoiceField(label=label, choices=choices, widget=forms.RadioSelect,
                              error_messages={"required": required, "invalid_choice": required})
    field.reveal_fields = reveal or {}  # type: ignore[attr-defined]
    return field


def _name_field(required: str = "") -> forms.CharField:
    return text("Your full name", required=required, max_length=100,
                help_text="Typing your full name here is how you sign the agreement",
                attrs={"autocomplete": "name", "spellcheck": "false"})


class ProposeForm(GovukForm):
    """The claimant signs the agreement they propose."""

    agree = forms.BooleanField(label="I agree to these terms",
                               error_messages={"required": "Confirm that you agree to these terms"})
    signed_name = _name_field("Enter your full name to sign the agreement")
    summary_field = "agree"


class SignForm(GovukForm):
    """The defendant signs the agreement, or rejects it."""

    decision = _radios("Do you want to sign this settlement agreement?",
                       [("sign", "Yes, I want to sign it"), ("reject", "No, I reject it")],
                       "Choose whether you want to sign the settlement agreement",
                       reveal={"sign": ("agree", "signed_name")})
    agree = forms.BooleanField(label="I agree to these terms", required=False)
    signed_name = _name_field()
    summary_field = "decision"

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("decision") == "sign":
            if not data.get("agree"):
                self.add_error("agree", "Confirm that you agree to these terms")
            if not (data.get("signed_name") or "").strip() and "signed_name" not in self.errors:
                self.add_error("signed_name", "Enter your full name to sign the agreement")
        return data


class BreachForm(GovukForm):
    """The claimant says how the agreement was broken, and what the defendant has paid (7.8(4))."""

    details = text("How has the defendant not kept to the agreement?", max_length=2000,
                   required="Explain how the defendant has not kept to the agreement",
                   help_text="For example, which payments they missed and when",
                   widget=forms.Textarea, attrs={"rows": "5"})
    paid = _radios("Has the defendant paid you anything under the agreement?", [("no", "No"), ("yes", "Yes")],
                   "Select yes if the defendant has paid you anything", reveal={"yes": ("amount",)})
    amount = MoneyField(label="How much have they paid in total?", required=False)
    summary_field = "details"

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("paid") == "yes" and "amount" not in self.errors:
            if data.get("amount") is None:
                self.add_error("amount", "Enter how much the defendant has paid")
            elif data["amount"] <= 0:
                self.add_error("amount", "The amount must be more than £0")
        return data

    def amount_paid(self) -> Decimal:
        if self.cleaned_data.get("paid") != "yes":
            return Decimal(0)
        return self.cleaned_data.get("amount") or Decimal(0)


# -- helpers -----------------------------------------------------------------------------------------


def _agreement(claim: Claim) -> SettlementAgreement | None:
    return SettlementAgreement.objects.filter(claim=claim).first()


def _detail(claim: Claim) -> HttpResponse:
    return redirect("claims:detail", public_id=claim.public_id)


def _standing_plan(claim: Claim) -> tuple[rules.Plan | None, bool]:
    """The plan the agreement would be on, and whether the court's decision left it standing (7.13,
    7.42D) rather than it being the defendant's offer (7.8, 7.41C); None while the claimant still
    has the court's plan to answer."""
    plan, answer = plan_that_stands(claim)
    return plan, answer is not None


def _pdf_ready(claim: Claim) -> bool:
    """The agreement's PDF can be downloaded from the claim's documents."""
    return DocumentKind.SETTLEMENT_AGREEMENT in DOCUMENT_ACCESS and claim.documents.filter(
        kind=DocumentKind.SETTLEMENT_AGREEMENT, status=DocumentStatus.READY).exists()


def _carried(request: HttpRequest) -> list[tuple[str, str]]:
    return [(key, value) for key, value in request.POST.items() if key not in ("csrfmiddlewaretoken", "action")]


# -- the claimant proposes ----------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def propose(request: HttpRequest, public_id: UUID) -> HttpResponse:
    claim = get_claim_for_user(request.user, public_id)
    agreement = _agreement(claim)
    if agreement is not None and acts_for_claimant(request.user, claim) and agreement.status == Status.PROPOSED:
        return redirect("settlement:proposed", public_id=claim.public_id)  # proposed already (a second click)
    if agreement is not None or not can(request.user, claim, Action.PROPOSE_SETTLEMENT):
        return _detail(claim)
    plan, decided = _standing_plan(claim)
    if plan is None or plan.option not in (rules.Option.BY_SET_DATE, rules.Option.INSTALMENTS):
        return _detail(claim)
    now = clock.now()
    amount = services.admission_amount(claim, judgment_date=local(now).date())
    cal = court_calendar()
    form = ProposeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            settlement.settlement_propose(claim_id=claim.pk, actor=request.user, plan=plan,
                                          signed_name=form.cleaned_data["signed_name"])
        except NotAllowed:
            raise  # the claim moved on: StaleStepMiddleware
        except ClaimError as exc:
            form.add_error(None, str(exc))
        else:
            return redirect("settlement:proposed", public_id=claim.public_id)
    return render(request, "judgments/settlement/propose.html", {
        "claim": claim, "form": form, "errors": error_items(form), "amount": amount,
        "lines": services.shown_lines(amount), "terms": settlement.agreement_terms(plan, amount.total),
        "respond_by": periods.sa_7(cal, cal.deemed_submission_date(now)),
        "part_admission": claim.response.kind == "part_admission", "court_decided": decided,
    })


@login_required
def proposed(request: HttpRequest, public_id: UUID) -> HttpResponse:
    claim = get_claim_for_user(request.user, public_id)
    agreement = _agreement(claim)
    if agreement is None or not acts_for_claimant(request.user, claim):
        return _detail(claim)
    return render(request, "judgments/settlement/proposed.html",
                  {"claim": claim, "agreement": agreement, "pdf_ready": _pdf_ready(claim)})


# -- the defendant signs or rejects ------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def sign(request: HttpRequest, public_id: UUID) -> HttpResponse:
    claim = get_claim_for_user(request.user, public_id)
    agreement = _agreement(claim)
    answered = agreement is not None and agreement.status in (Status.SIGNED, Status.REJECTED)
    if answered and acts_for_defendant(request.user, claim):
        return redirect("settlement:answered", public_id=claim.public_id)  # answered already (a second click)
    # The defendant sees the page after the 7 days too, to be told the time has passed.
    if agreement is None or agreement.status != Status.PROPOSED or not acts_for_defendant(request.user, claim):
        return _detail(claim)
    window_open = clock.now() < agreement.respond_by
    form = SignForm(request.POST if request.method == "POST" and window_open else None)
    if request.method == "POST" and window_open and form.is_valid():
        try:
            if form.cleaned_data["decision"] == "sign":
                settlement.settlement_sign(claim_id=claim.pk, actor=request.user,
                                           signed_name=form.cleaned_data["signed_name"])
            else:
                settlement.settlement_reject(claim_id=claim.pk, actor=request.user)
        except NotAllowed:
            raise  # the claim moved on: StaleStepMiddleware
        except ClaimError as exc:
            form.add_error(None, str(exc))
        else:
            return redirect("settlement:answered", public_id=claim.public_id)
    return render(request, "judgments/settlement/sign.html", {
        "claim": claim, "agreement": agreement, "form": form, "errors": error_items(form),
        "window_open": window_open, "pdf_ready": _pdf_ready(claim),
    })


@login_required
def answered(request: HttpRequest, public_id: UUID) -> HttpResponse:
    claim = get_claim_for_user(request.user, public_id)
    agreement = _agreement(claim)
    if agreement is None or not acts_for_defendant(request.user, claim) or agreement.status == Status.PROPOSED:
        return _detail(claim)
    return render(request, "judgments/settlement/answered.html",
                  {"claim": claim, "agreement": agreement, "pdf_ready": _pdf_ready(claim)})


# -- the claimant says it was broken ---------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def breach(request: HttpRequest, public_id: UUID) -> HttpResponse:
    claim = get_claim_for_user(request.user, public_id)
    agreement = _agreement(claim)
    if agreement is None or agreement.status != Status.SIGNED or not can(request.user, claim, Action.REPORT_BREACH):
        return _detail(claim)
    now = clock.now()
    today, judged_on = local(now).date(), services.date_of_judgment(claim, now)
    form = BreachForm(request.POST if request.method == "POST" else None)
    context: dict[str, Any] = {"claim": claim, "agreement": agreement, "form": form}
    if request.method == "POST" and form.is_valid():
        paid = form.amount_paid()
        if request.POST.get("action") == "confirm":
            try:
                settlement.settlement_breach(claim_id=claim.pk, actor=request.user,
                                             details=form.cleaned_data["details"], paid=paid)
            except NotAllowed:
                raise  # the claim moved on: StaleStepMiddleware
            except ClaimError as exc:
                form.add_error(None, str(exc))
            else:
                return _detail(claim)
        elif request.POST.get("action") == "check":
            amount = services.admission_amount(claim, judgment_date=judged_on, paid=paid)
            if amount.total <= 0:
                form.add_error("amount", "The defendant has paid the whole amount owed, so the court cannot give "
                                         "judgment")
            else:
                terms = services.terms_for(settlement.agreement_plan(agreement), judged_on, admission=True)
                context.update(checking=True, today=today, judged_on=judged_on, lines=services.shown_lines(amount),
                               total=amount.total,
                               terms=terms.describe(amount.total, reader=rules.Reader.CLAIMANT), moved=terms.moved,
                               posted=_carried(request))
    context["errors"] = error_items(form)
    return render(request, "judgments/settlement/breach.html", context)
