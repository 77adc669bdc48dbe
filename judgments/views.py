"""The claimant's requests for judgment: in default (OCON205A) and on admission (OCON225).

Each request is a form, then a check page with every line of the judgment as the court
will enter it, then the request. The court enters the judgment at once (11.1(3), 7.4(3),
7.7); the claim page shows it and its PDF.
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
from claims.policy import Action, can, require
from claims.selectors import get_claim_for_user
from ocmc import clock
from ocmc.govuk_forms import GovukDateField, GovukForm, MoneyField, error_items
from responses.ocon9 import FREQUENCIES, PAYMENT_OPTION_LABELS
from rules import default_judgment
from rules import judgments as rules
from rules.calendar import local

from . import answers, applications, plans, services
from .models import ClaimantAnswer

CLAIMANT_OPTIONS = {
    "immediately": "Immediately",
    "by_set_date": "By a set date",
    "instalments": "By instalments",
}


def _radios(label: str, choices: list[tuple[str, str]], required: str,
            reveal: dict[str, tuple[str, ...]] | None = None) -> forms.ChoiceField:
    field = forms.ChoiceField(label=label, choices=choices, widget=forms.RadioSelect,
                              error_messages={"required": required, "invalid_choice": required})
    field.reveal_fields = reveal or {}  # type: ignore[attr-defined]
    return field


class PlanForm(GovukForm):
    """How the claimant wants the defendant to pay (11.1(2), 7.4(2)): their "repayment plan"."""

    option = _radios("How do you want the defendant to pay?", list(CLAIMANT_OPTIONS.items()),
                     "Choose how you want the defendant to pay",
                     reveal={"by_set_date": ("pay_by",), "instalments": ("instalment", "frequency", "first_payment")})
    pay_by = GovukDateField(label="Date the defendant must pay by", noun="The date", required=False,
                            required_message="Enter the date the defendant must pay by",
                            help_text="For example, 30 6 2027")
    instalment = MoneyField(label="Amount of each instalment", required=False)
    frequency = _radios("How often", list(FREQUENCIES.items()), "Choose how often the defendant must pay")
    first_payment = GovukDateField(label="Date of the first instalment", noun="The date", required=False,
                                   required_message="Enter the date of the first instalment",
                                   help_text="For example, 30 6 2027")

    def __init__(self, *args: Any, today: Any, owed: Decimal, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.today, self.owed = today, owed
        self.fields["frequency"].required = False

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        option = data.get("option")
        if option == "by_set_date":
            self._future("pay_by", "Enter the date the defendant must pay by")
        elif option == "instalments":
            amount = data.get("instalment")
            if "instalment" not in self.errors:
                if amount is None:
                    self.add_error("instalment", "Enter the amount of each instalment")
                elif amount < Decimal("1.00"):
                    self.add_error("instalment", "Each instalment must be at least £1")
                elif amount > self.owed:
                    self.add_error("instalment", "Each instalment must be no more than the amount owed")
            if not data.get("frequency") and "frequency" not in self.errors:
                self.add_error("frequency", "Choose how often the defendant must pay")
            self._future("first_payment", "Enter the date of the first instalment")
        return data

    def _future(self, name: str, required: str) -> None:
        if name in self.errors:
            return
        value = self.cleaned_data.get(name)
        if value is None:
            self.add_error(name, required)
        elif value <= self.today:
            self.add_error(name, "The date must be in the future")

    def plan(self) -> rules.Plan | None:
        data = self.cleaned_data
        if data["option"] == "immediately":
            return None
        if data["option"] == "by_set_date":
            return rules.Plan(option="by_set_date", pay_by=data["pay_by"])
        return rules.Plan(option="instalments", instalment=data["instalment"], frequency=data["frequency"],
                          first_payment=data["first_payment"])


class PaidForm(GovukForm):
    """11.1A(1), 11.1(7): what the defendant has already paid of the amount claimed."""

    paid = _radios("Has the defendant paid you any of the money you are claiming?", [("no", "No"), ("yes", "Yes")],
                   "Select yes if the defendant has paid you any money", reveal={"yes": ("amount",)})
    amount = MoneyField(label="How much have they paid?", required=False)

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


def _carried(request: HttpRequest) -> list[tuple[str, str]]:
    """The answers, carried as hidden fields from the check page to the request."""
    return [(key, value) for key, value in request.POST.items() if key not in ("csrfmiddlewaretoken", "action")]


class Rule1211Form(GovukForm):
    """11.1B(8)(a): would CPR 12.11 apply had the claim been started under CPR Part 7? (Asked where the defendant
    is represented; the claimant's legal representative knows the claim.)"""

    rule_12_11 = _radios("Would CPR rule 12.11 apply to this claim if it had been started under CPR Part 7?",
                         [("no", "No"), ("yes", "Yes")],
                         "Select yes if CPR rule 12.11 would apply to this claim")
    rule_12_11.help_text = ("For example, the defendant is a child or a protected party, the claim is in tort between "
                            "spouses or civil partners, the claim form was served out of the jurisdiction, or the "
                            "defendant is a State or has diplomatic immunity. If it would, you must apply on paper.")

    def applies(self) -> bool:
        return self.cleaned_data.get("rule_12_11") == "yes"


@login_required
@require_http_methods(["GET", "POST"])
def request_default(request: HttpRequest, public_id: UUID) -> HttpResponse:
    claim = get_claim_for_user(request.user, public_id)
    require(request.user, claim, Action.REQUEST_DEFAULT_JUDGMENT)  # else the claim's page says what happened
    now = clock.now()
    today, judged_on = local(now).date(), services.date_of_judgment(claim, now)
    represented = services.defendant_represented(claim)
    posted = request.POST if request.method == "POST" else None
    paid_form = PaidForm(posted, prefix="paid")
    plan_form = PlanForm(posted, prefix="plan", today=today, owed=claim.total or Decimal(0))
    rule_form = Rule1211Form(posted, prefix="rule") if represented else None
    context: dict[str, Any] = {"claim": claim, "paid_form": paid_form, "plan_form": plan_form,
                               "rule_form": rule_form, "represented": represented}
    # Refused before any answer: a breathing space in force, an undecided strike-out or summary judgment (the
    # page says why, and there is nothing to fill in).
    refused = services.default_refusal(claim)
    forms_valid = (request.method == "POST" and paid_form.is_valid() and plan_form.is_valid()
                   and (rule_form is None or rule_form.is_valid()))
    if refused is None and forms_valid:
        paid, plan = paid_form.amount_paid(), plan_form.plan()
        rule_12_11 = rule_form.applies() if rule_form is not None else False
        amount = services.default_amount(claim, judgment_date=judged_on, paid=paid)
        refused = services.default_refusal(claim, total=amount.total, rule_12_11=rule_12_11)
        if refused is None and request.POST.get("action") == "confirm":
            try:
                services.judgment_default_request(claim_id=claim.pk, actor=request.user, paid=paid, plan=plan,
                                                  rule_12_11=rule_12_11)
            except NotAllowed:
                raise  # the claim moved on: StaleStepMiddleware
            except services.DefaultJudgmentRefused as exc:
                refused = exc.refusal
            except ClaimError as exc:
                paid_form.add_error(None, str(exc))
            else:
                return redirect("claims:detail", public_id=claim.public_id)
        elif refused is None and request.POST.get("action") == "check":
            terms = services.terms_for(plan, judged_on, admission=False)
            context.update(checking=True, today=today, judged_on=judged_on, lines=services.shown_lines(amount),
                           total=amount.total, terms=terms.describe(amount.total, reader=rules.Reader.CLAIMANT),
                           posted=_carried(request))
    if refused is not None:
        context.update(refusal=services.default_refusal_text(claim, refused), checking=False,
                       paper_only=refused in default_judgment.PAPER_ONLY)
    context["errors"] = error_items(paid_form, plan_form, rule_form)
    return render(request, "judgments/request_default.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def request_admission(request: HttpRequest, public_id: UUID) -> HttpResponse:
    claim = get_claim_for_user(request.user, public_id)
    require(request.user, claim, Action.REQUEST_ADMISSION_JUDGMENT)  # else the claim's page says what happened
    response = claim.response
    now = clock.now()
    today, judged_on = local(now).date(), services.date_of_judgment(claim, now)
    posted = request.POST if request.method == "POST" else None
    # 7.4(6), 7.7(3): the judgment is less what the defendant has already paid, asked as for default judgment.
    paid_form = PaidForm(posted, prefix="paid")
    plan_form = None
    if response.pay_immediately:
        plan_form = PlanForm(posted, prefix="plan", today=today,
                             owed=services.admission_amount(claim, judgment_date=judged_on).total)
    context: dict[str, Any] = {"claim": claim, "response": response, "paid_form": paid_form, "plan_form": plan_form,
                               "offer": PAYMENT_OPTION_LABELS.get(response.payment_option, "")}
    if request.method == "POST" and paid_form.is_valid() and (plan_form is None or plan_form.is_valid()):
        paid = paid_form.amount_paid()
        # The same plan the service will use: the claimant's (pay immediately not kept), else the one
        # that stands (the defendant's offer, or the plan the court's decision left).
        plan = plan_form.plan() if plan_form is not None else plans.plan_that_stands(claim)[0]
        if request.POST.get("action") == "confirm":
            try:
                services.judgment_admission_request(claim_id=claim.pk, actor=request.user, paid=paid,
                                                    plan=plan if plan_form is not None else None)
            except NotAllowed:
                raise  # the claim moved on: StaleStepMiddleware
            except ClaimError as exc:
                paid_form.add_error(None, str(exc))
            else:
                return redirect("claims:detail", public_id=claim.public_id)
        elif request.POST.get("action") == "check":
            amount = services.admission_amount(claim, judgment_date=judged_on, paid=paid)
            terms = services.terms_for(plan, judged_on, admission=True)
            context.update(checking=True, today=today, judged_on=judged_on, lines=services.shown_lines(amount),
                           total=amount.total, terms=terms.describe(amount.total, reader=rules.Reader.CLAIMANT),
                           posted=_carried(request))
    context["errors"] = error_items(paid_form, plan_form)
    return render(request, "judgments/request_admission.html", context)


# -- the claimant's answer to a repayment offer (7.10-7.15) -------------------------------------------------


class AnswerForm(GovukForm):
    """Accept the offer, or reject it with the claimant's own plan: a ``PlanForm`` revealed under
    "reject", which the view reads only when that is the answer."""

    answer = _radios("Do you accept the defendant's offer?",
                     [("accept", "Yes, I accept their offer"), ("reject", "No, I want to propose my own plan")],
                     "Select yes if you accept the defendant's offer")
    answer.choice_reveals = {"reject": "judgments/_counter_plan.html"}  # type: ignore[attr-defined]


@login_required
@require_http_methods(["GET", "POST"])
def answer_offer(request: HttpRequest, public_id: UUID) -> HttpResponse:
    """The defendant's offer to pay; accept it, or reject it with a plan of the claimant's own."""
    claim = get_claim_for_user(request.user, public_id)
    require(request.user, claim, Action.ANSWER_ADMISSION)  # else the claim's page says what happened
    if plans.latest_answer(claim) is not None:
        return redirect("judgments:decision", public_id=claim.public_id)
    today = local(clock.now()).date()
    owed = services.admission_amount(claim, judgment_date=today).total
    posted = request.POST if request.method == "POST" else None
    form = AnswerForm(posted)
    plan_form = PlanForm(posted, prefix="plan", today=today, owed=owed)
    rejecting = posted is not None and posted.get("answer") == "reject"
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["answer"] == "accept":
            return redirect("judgments:decision", public_id=claim.public_id)
        if plan_form.is_valid():
            try:
                outcome = answers.claimant_reject_plan(claim_id=claim.pk, actor=request.user,
                                                       claimant_plan=plan_form.plan() or rules.Plan.immediately())
            except NotAllowed:
                raise  # the claim moved on: StaleStepMiddleware
            except ClaimError as exc:
                form.add_error(None, str(exc))
            else:
                target = "claims:detail" if not isinstance(outcome, ClaimantAnswer) else "judgments:decision"
                return redirect(target, public_id=claim.public_id)
    return render(request, "judgments/answer_offer.html", {
        "claim": claim, "response": claim.response, "form": form, "plan_form": plan_form, "owed": owed,
        "errors": error_items(form, plan_form if rejecting else None),
    })


@login_required
def decision(request: HttpRequest, public_id: UUID) -> HttpResponse:
    """The plan that stands (the defendant's offer, the claimant's plan or the court's), and what next."""
    claim = get_claim_for_user(request.user, public_id)
    require(request.user, claim, Action.ANSWER_ADMISSION)  # else the claim's page says what happened
    today = local(clock.now()).date()
    owed = services.admission_amount(claim, judgment_date=today).total
    answer = plans.latest_answer(claim)
    pending = answer is not None and answer.kind == ClaimantAnswer.Kind.COURT_PLAN_PENDING
    plan = plans.plan_from_record(answer.plan_that_stands) if answer and answer.plan_that_stands else \
        plans.response_plan(claim.response)
    return render(request, "judgments/decision.html", {
        "claim": claim, "answer": answer, "pending": pending, "owed": owed,
        "words": answers.OUTCOME_WORDS.get(answer.outcome) if answer and answer.outcome in answers.OUTCOME_WORDS
        else "",
        "plan": rules.judgment_terms(plan, today).describe(owed, reader=rules.Reader.CLAIMANT),
        "record": answer.affordability if answer else None,
    })


@login_required
@require_http_methods(["POST"])
def court_plan(request: HttpRequest, public_id: UUID) -> HttpResponse:
    claim = get_claim_for_user(request.user, public_id)
    accept = request.POST.get("answer") == "accept"
    try:
        answers.claimant_court_plan_answer(claim_id=claim.pk, actor=request.user, accept=accept)
    except NotAllowed:
        raise  # the claim moved on: StaleStepMiddleware
    except ClaimError:
        pass  # nothing pending: the claim page says where things stand
    target = "judgments:decision" if accept else "claims:detail"
    return redirect(target, public_id=claim.public_id)


# -- redetermination (7.12(6)) -------------------------------------------------------------------------------


class RedeterminationForm(GovukForm):
    reasons = forms.CharField(
        label="Why should a judge decide the repayment terms again?", widget=forms.Textarea(attrs={"rows": 5}),
        max_length=2000, error_messages={"required": "Explain why you want the repayment terms decided again",
                                         "max_length": "Reasons must be 2,000 characters or less"},
    )


@login_required
@require_http_methods(["GET", "POST"])
def redetermine(request: HttpRequest, public_id: UUID) -> HttpResponse:
    claim = get_claim_for_user(request.user, public_id)
    reader = rules.Reader.DEFENDANT if claim.defendant_user_id == request.user.pk else rules.Reader.CLAIMANT
    back = "responses:claim" if reader == rules.Reader.DEFENDANT else "claims:detail"
    if not can(request.user, claim, Action.REQUEST_REDETERMINATION):
        return redirect(back, public_id=claim.public_id)
    form = RedeterminationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            answers.judgment_redetermination_request(claim_id=claim.pk, actor=request.user,
                                                     reasons=form.cleaned_data["reasons"])
        except NotAllowed:
            raise  # the claim moved on: StaleStepMiddleware
        except ClaimError as exc:
            form.add_error("reasons", str(exc))
        else:
            return redirect(back, public_id=claim.public_id)
    return render(request, "judgments/redetermine.html", {"claim": claim, "form": form, "errors": error_items(form),
                                                          "terms": claim.judgment.terms_for(reader)})


# -- applications that send the claim out (7.45, 7.46) --------------------------------------------------------


class ApplicationForm(GovukForm):
    form_code = _radios("Which application are you making?", [], "Choose the application you are making")
    reasons = forms.CharField(
        label="How have your circumstances changed?", widget=forms.Textarea(attrs={"rows": 5}), max_length=2000,
        error_messages={"required": "Explain why you are applying",
                        "max_length": "Your reasons must be 2,000 characters or less"},
    )

    def __init__(self, *args: Any, choices: list[tuple[str, str]] | None, reasons_label: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if choices:
            self.fields["form_code"].choices = choices
        else:
            del self.fields["form_code"]
        self.fields["reasons"].label = reasons_label


def _application(request: HttpRequest, public_id: UUID, *, action: Action, title: str, intro: str,
                 choices: Any, reasons_label: str, apply: Any) -> HttpResponse:
    claim = get_claim_for_user(request.user, public_id)
    back = "responses:claim" if claim.defendant_user_id == request.user.pk else "claims:detail"
    if not can(request.user, claim, action):
        return redirect(back, public_id=claim.public_id)
    options = choices(claim) if callable(choices) else None
    form = ApplicationForm(request.POST or None, choices=options, reasons_label=reasons_label)
    if request.method == "POST" and form.is_valid():
        try:
            apply(claim, form.cleaned_data)
        except NotAllowed:
            raise  # the claim moved on: StaleStepMiddleware
        except ClaimError as exc:
            form.add_error(None, str(exc))
        else:
            return redirect(back, public_id=claim.public_id)
    return render(request, "judgments/application.html", {
        "claim": claim, "form": form, "errors": error_items(form), "title": title, "intro": intro,
    })


@login_required
@require_http_methods(["GET", "POST"])
def variation(request: HttpRequest, public_id: UUID) -> HttpResponse:
    """7.45: change the repayment plan of a judgment on admission after a change of circumstances."""
    def choices(claim: Any) -> list[tuple[str, str]]:
        role = "claimant" if claim.owner_id == request.user.pk else "defendant"
        return list(applications.VARIATION_FORMS[role].items())

    return _application(
        request, public_id, action=Action.APPLY_VARIATION, title="Apply to change the repayment plan",
        intro="If your circumstances have changed since the judgment, you can apply to change how it is paid. "
              "The claim will leave the online service and go to the defendant's local county court, which will "
              "deal with the application.",
        choices=choices, reasons_label="How have your circumstances changed?",
        apply=lambda claim, data: applications.judgment_variation_apply(
            claim_id=claim.pk, actor=request.user, form_code=data["form_code"], reasons=data["reasons"]),
    )


@login_required
@require_http_methods(["GET", "POST"])
def withdraw_admission(request: HttpRequest, public_id: UUID) -> HttpResponse:
    """7.46: the defendant asks permission to withdraw their admission."""
    return _application(
        request, public_id, action=Action.WITHDRAW_ADMISSION, title="Ask to withdraw your admission",
        intro="You admitted you owe money on this claim. To withdraw that admission you need the court's "
              "permission. The claim will leave the online service and a judge will decide.",
        choices=None, reasons_label="Why do you want to withdraw your admission?",
        apply=lambda claim, data: applications.admission_withdrawal_apply(
            claim_id=claim.pk, actor=request.user, reasons=data["reasons"]),
    )
