"""Court staff: the register of judgments, settlement agreements and the claimant's answers, read-only;
and the judges' steps on a claim's admin page.

Judgments are entered and changed only by the services (``judgments.services``,
``judgments.closing``, ``judgments.referred``, ``judgments.judges``); staff see them here exactly as
recorded, never edit or delete them. From the claim's page (providers registered with
``claims.admin_steps``) a judge decides a request for judgment in default referred under 11.1A(2)
(``ReferredDefaultRequestSteps``) and sets a judgment aside (``SetAsideSteps``, calling
``judgments.judges.judgment_set_aside``: the service checks who may act and records the step).
"""
from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from claims import admin_steps
from claims.constants import SentOutTo
from claims.models import Claim
from claims.policy import Action, can
from court.admin import ReadOnly
from defended.models import Referral, ReferralKind
from defended.services import open_referrals
from defended.staff_forms import DestinationFields, pending_applications

from . import referred
from .judges import (
    SET_ASIDE_DESTINATIONS,
    WORDS_MAX,
    judgment_redetermination_decide,
    judgment_set_aside,
    judgment_variation_decide,
)
from .models import ClaimantAnswer, Judgment, JudgmentState, SettlementAgreement


class CourtRecord(ReadOnly):
    """Read-only: the court staff groups have the view permission (``accounts.roles``)."""


class RegisterFilter(admin.SimpleListFilter):
    title = "register of judgments"
    parameter_name = "register"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [
            ("on", "On the register"),
            ("removed", "Removed (paid within 28 days)"),
            ("satisfied", "Marked as satisfied (paid after 28 days)"),
            ("set_aside", "Set aside by a judge"),
        ]

    #: Each choice, by the judgment's state (the register entry is read from it).
    OFF_THE_REGISTER = {"removed": JudgmentState.REMOVED_FROM_REGISTER, "satisfied": JudgmentState.SATISFIED,
                        "set_aside": JudgmentState.SET_ASIDE}

    def queryset(self, request: HttpRequest, queryset: QuerySet[Judgment]) -> QuerySet[Judgment]:
        if self.value() == "on":
            return queryset.exclude(state__in=self.OFF_THE_REGISTER.values())
        if self.value() in self.OFF_THE_REGISTER:
            return queryset.filter(state=self.OFF_THE_REGISTER[self.value()])
        return queryset


@admin.register(Judgment)
class JudgmentAdmin(CourtRecord):
    list_display = ["claim", "kind", "judgment_date", "total_display", "register_status_display",
                    "paid_in_full_on"]
    list_filter = [RegisterFilter, "kind"]
    list_select_related = ["claim"]
    search_fields = ["claim__claim_number"]
    date_hierarchy = "judgment_date"
    fieldsets = [
        (None, {"fields": ["claim", "kind", "state", "judgment_date", "entered_at", "made_by_label",
                           "requested_by", "request"]}),
        ("Amount and terms", {"fields": ["lines", "total", "payment_option", "pay_by", "instalment_amount",
                                         "instalment_frequency", "first_payment_on", "terms_text",
                                         "terms_to_be_determined", "affordability"]}),
        ("Redetermination", {"fields": ["redetermination_deadline", "redetermination_requested_at",
                                        "redetermination_requested_by", "redetermination_reasons"]}),
        ("Register of judgments", {"fields": ["register_status_display", "register_removal_deadline",
                                              "paid_in_full_on", "removed_from_register_at", "satisfied_at",
                                              "certificate_requested_at"]}),
    ]
    readonly_fields = [name for _, section in fieldsets for name in section["fields"]]

    @admin.display(description="Total", ordering="total")
    def total_display(self, judgment: Judgment) -> str:
        return f"£{judgment.total:,}"

    @admin.display(description="Register status")
    def register_status_display(self, judgment: Judgment) -> str:
        return judgment.register_status


@admin.register(SettlementAgreement)
class SettlementAgreementAdmin(CourtRecord):
    list_display = ["claim", "status", "amount", "proposed_at", "respond_by", "signed_at"]
    list_filter = ["status"]
    list_select_related = ["claim"]
    search_fields = ["claim__claim_number"]
    date_hierarchy = "proposed_at"
    fields = ["claim", "status", "amount", "plan", "terms_text", "proposed_at", "proposed_by",
              "claimant_signed_name", "respond_by", "signed_at", "defendant_signed_name", "rejected_at",
              "broken_reported_at"]
    readonly_fields = fields


@admin.register(ClaimantAnswer)
class ClaimantAnswerAdmin(CourtRecord):
    list_display = ["claim", "kind", "answered_at", "outcome"]
    list_filter = ["kind"]
    list_select_related = ["claim"]
    search_fields = ["claim__claim_number"]
    date_hierarchy = "answered_at"
    fields = ["claim", "kind", "answered_at", "answered_by", "claimant_plan", "affordability", "outcome",
              "plan_that_stands"]
    readonly_fields = fields


# -- a judge's step on the claim's page: a referred request for judgment in default (11.1A(2)) ----------------


class DefaultRequestForm(forms.Form):
    """A judge decides a request for judgment in default that came while an application waited (11.1A(2))."""

    enter = forms.ChoiceField(label="Decision", widget=forms.RadioSelect, choices=[
        ("yes", "Enter judgment in default, on the claimant's request (the judgment names you)"),
        ("no", "Refuse the request"),
    ])
    reasons = forms.CharField(label="Reasons", widget=forms.Textarea(attrs={"rows": 4}))


def _referred_request(claim: Claim) -> Referral | None:
    return open_referrals(claim).filter(kind=ReferralKind.DEFAULT_JUDGMENT).first()


@admin_steps.register
class ReferredDefaultRequestSteps(admin_steps.ClaimSteps):
    """The judge's decision on a referred request for judgment in default (``judgments.referred``)."""

    order = 20

    def steps(self, request: HttpRequest, claim: Claim) -> list[tuple[str, str]]:
        if not can(request.user, claim, Action.DECIDE_DEFAULT_REQUEST):
            return []
        return [("Decide the request for judgment in default",
                 reverse("admin:claims_claim_default_request", args=[claim.pk]))]

    def urls(self) -> list[Any]:
        return self.pages([("default-request", self.default_request_view, "default_request")])

    def default_request_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        def run(claim: Claim, data: dict[str, Any]) -> str:
            enter = data["enter"] == "yes"
            referred.default_request_decide(referral_id=_referred_request(claim).pk, actor=request.user, enter=enter,
                                            reasons=data["reasons"])
            return "Judgment in default entered." if enter else "The request for judgment in default was refused."

        def intro(claim: Claim) -> list[str]:
            lines = ["The claimant asked for judgment in default after the defendant's time to respond ran out, but "
                     "an application or notice on the claim had not been decided (11.1A(2)). You decide whether "
                     "judgment is entered; if it is, it names you as its maker (15.1(1))."]
            waiting = _referred_request(claim)
            request_data = waiting.data if waiting is not None else {}
            if request_data.get("paid") not in (None, "", "0.00"):
                lines.append(f"The claimant says the defendant has paid £{request_data['paid']}.")
            return lines

        claim = Claim.objects.filter(pk=pk).first()
        waiting = [(a, "") for a in pending_applications(claim)] if claim is not None else []
        return self.step_page(request, pk, action=Action.DECIDE_DEFAULT_REQUEST,
                              title="Decide the request for judgment in default",
                              make_form=lambda post, files, claim: DefaultRequestForm(post), run=run, intro=intro,
                              submit="Record the decision", context={"applications": waiting})

# -- a judge sets a judgment aside, from the claim's page ---------------------------------------------------


class SetAsideForm(DestinationFields):
    """Why the judgment is set aside, and where the claim goes: the destinations a set-aside may use, the home
    court first (CPR 13.4); the named centre's check is ``DestinationFields``'."""

    field_order = ["reasons", "to", "court"]

    reasons = forms.CharField(label="Why the judgment is set aside", max_length=WORDS_MAX,
                              widget=forms.Textarea(attrs={"rows": 4}))
    to = forms.ChoiceField(label="Where the claim is to be sent", widget=forms.RadioSelect,
                           choices=[(to.value, to.label) for to in SET_ASIDE_DESTINATIONS],
                           initial=SentOutTo.HOME_COURT.value)


@admin_steps.register
class SetAsideSteps(admin_steps.ClaimSteps):
    """A judge sets aside a judgment (``judgments.judges.judgment_set_aside``)."""

    order = 30

    def steps(self, request: HttpRequest, claim: Claim) -> list[tuple[str, str]]:
        if can(request.user, claim, Action.SET_ASIDE_JUDGMENT):
            return [("Set aside the judgment", reverse("admin:claims_claim_set_aside_judgment", args=[claim.pk]))]
        return []

    def urls(self) -> list[Any]:
        return self.pages([("set-aside-judgment", self.set_aside_judgment_view, "set_aside_judgment")])

    def set_aside_judgment_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        def run(claim: Claim, data: dict[str, Any]) -> str:
            judgment_set_aside(claim_id=claim.pk, actor=request.user, reasons=data["reasons"], to=data["to"],
                               court=data["court"])
            return ("The judgment has been set aside and the claim sent out of the online service. Both parties "
                    "have been told why.")

        def intro(claim: Claim) -> list[str]:
            judgment = claim.judgment
            return [f"{judgment}, made on {judgment.judgment_date:%-d %B %Y} by {judgment.made_by_label}. "
                    f"{judgment.register_status}.",
                    "Setting it aside takes it off the register. The online service has no step for a claim whose "
                    "judgment is set aside, so the claim is sent out of it, where you say (an application by an "
                    "individual to set aside a judgment for a sum of money goes to their home court, CPR 13.4). "
                    "Both parties are told why."]

        return self.step_page(request, pk, action=Action.SET_ASIDE_JUDGMENT, title="Set aside the judgment",
                              make_form=lambda post, files, claim: SetAsideForm(post), run=run, intro=intro,
                              submit="Set aside the judgment")


# -- a judge records what they decided on a judgment's terms (7.12(5)-(7), 7.45) ---------------------------------


class RedeterminationForm(forms.Form):
    order = forms.CharField(label="The plan for repayment as you ordered it", max_length=WORDS_MAX,
                            widget=forms.Textarea(attrs={"rows": 4}))


class VariationForm(forms.Form):
    varied = forms.ChoiceField(label="Decision", widget=forms.RadioSelect, choices=[
        ("yes", "Change the repayment plan"), ("no", "Refuse the application: the judgment stands as entered")])
    order = forms.CharField(label="Your order on the application", max_length=WORDS_MAX,
                            widget=forms.Textarea(attrs={"rows": 4}))


@admin_steps.register
class JudgmentTermsSteps(admin_steps.ClaimSteps):
    """A judge records the redetermination a party asked for, or the decision on an application to change the plan
    (``judgments.judges``). The claim went out of the online court when the party asked; the record stays with it."""

    order = 35

    def steps(self, request: HttpRequest, claim: Claim) -> list[tuple[str, str]]:
        steps = []
        if can(request.user, claim, Action.RECORD_REDETERMINATION):
            steps.append(("Record the redetermination", reverse("admin:claims_claim_redetermination",
                                                                args=[claim.pk])))
        if can(request.user, claim, Action.DECIDE_VARIATION):
            steps.append(("Decide the application to change the plan", reverse("admin:claims_claim_variation",
                                                                               args=[claim.pk])))
        return steps

    def urls(self) -> list[Any]:
        return self.pages([("redetermination", self.redetermination_view, "redetermination"),
                           ("variation", self.variation_view, "variation")])

    def redetermination_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        def run(claim: Claim, data: dict[str, Any]) -> str:
            judgment_redetermination_decide(claim_id=claim.pk, actor=request.user, order=data["order"])
            return "The redetermination is recorded. Both parties have been told."

        return self.step_page(request, pk, action=Action.RECORD_REDETERMINATION, title="Record the redetermination",
                              make_form=lambda post, files, claim: RedeterminationForm(post), run=run,
                              intro=lambda claim: [f"{claim.judgment}. {claim.judgment.terms_for('court')}.",
                                                   "A party asked for the terms of payment to be redetermined "
                                                   "(7.12(6)). Record the plan as you ordered it."],
                              submit="Record the redetermination")

    def variation_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        def run(claim: Claim, data: dict[str, Any]) -> str:
            varied = data["varied"] == "yes"
            judgment_variation_decide(claim_id=claim.pk, actor=request.user, varied=varied, order=data["order"])
            return ("The plan is changed." if varied else "The application is refused.") + \
                " Both parties have been told."

        return self.step_page(request, pk, action=Action.DECIDE_VARIATION,
                              title="Decide the application to change the plan",
                              make_form=lambda post, files, claim: VariationForm(post), run=run,
                              intro=lambda claim: [f"{claim.judgment}. {claim.judgment.terms_for('court')}.",
                                                   "A party applied to change the repayment plan after a change of "
                                                   "circumstances (7.45)."],
                              submit="Record the decision")
