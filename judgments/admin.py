"""Court staff: the register of judgments, settlement agreements and the claimant's answers, read-only;
and the judge's step on a claim's judgment (``JudgmentClaimSteps``, on the claim's staff page).

Judgments are entered and changed only by the services (``judgments.services``,
``judgments.closing``, ``judgments.judges``); staff see them here exactly as recorded, never edit or
delete them. A judge sets a judgment aside through a button on the claim's page, whose form calls
``judgments.judges.judgment_set_aside``: the service checks who may act and records the step.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse

from claims.constants import SentOutTo
from claims.errors import ClaimError
from claims.models import Claim
from claims.policy import Action, can
from court.admin import ReadOnly

from .judges import SET_ASIDE_DESTINATIONS, WORDS_MAX, judgment_set_aside
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


# -- the judge's step on a claim's judgment, on the claim's staff page --------------------------------------


class SetAsideForm(forms.Form):
    reasons = forms.CharField(label="Why the judgment is set aside", max_length=WORDS_MAX,
                              widget=forms.Textarea(attrs={"rows": 4}))
    to = forms.ChoiceField(label="Where the claim is to be sent", widget=forms.RadioSelect,
                           choices=[(to.value, to.label) for to in SET_ASIDE_DESTINATIONS],
                           initial=SentOutTo.HOME_COURT.value)
    court = forms.CharField(label="Name of the hearing centre (a named centre only)", max_length=200, required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("to") == SentOutTo.NAMED_CENTRE and not (data.get("court") or "").strip():
            self.add_error("court", "Enter the name of the hearing centre")
        return data


class JudgmentClaimSteps:
    """The judge's step on a claim's judgment, for ``claims.admin.ClaimAdmin``: the button
    (``judgment_steps``) and its page (``judgment_urls``). The page follows the other staff steps: the
    claim, or 404; the step allowed now (``claims.policy.can``), or back to the claim with a message; the
    form; the service, whose refusal is shown as the form's error; done, a message and back to the claim."""

    admin_site: Any
    has_view_permission: Callable[..., bool]

    def judgment_steps(self, request: HttpRequest, claim: Claim) -> list[tuple[str, str]]:
        if can(request.user, claim, Action.SET_ASIDE_JUDGMENT):
            return [("Set aside the judgment", reverse("admin:claims_claim_set_aside_judgment", args=[claim.pk]))]
        return []

    def judgment_urls(self) -> list[Any]:
        return [path("<int:pk>/set-aside-judgment/", self.admin_site.admin_view(self.set_aside_judgment_view),
                     name="claims_claim_set_aside_judgment")]

    def set_aside_judgment_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        title = "Set aside the judgment"
        claim = Claim.objects.filter(pk=pk).first()
        if claim is None or not self.has_view_permission(request, claim):
            raise Http404("No such claim")
        if not can(request.user, claim, Action.SET_ASIDE_JUDGMENT):
            messages.error(request, f"{title}: this claim is not waiting for that, or you cannot do it.")
            return redirect("admin:claims_claim_change", claim.pk)
        form = SetAsideForm(request.POST if request.method == "POST" else None)
        if request.method == "POST" and form.is_valid():
            try:
                judgment_set_aside(claim_id=claim.pk, actor=request.user, reasons=form.cleaned_data["reasons"],
                                   to=form.cleaned_data["to"], court=form.cleaned_data["court"])
            except ClaimError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, "The judgment has been set aside and the claim sent out of the online "
                                          "service. Both parties have been told why.")
                return redirect("admin:claims_claim_change", claim.pk)
        judgment = claim.judgment
        intro = [f"{judgment}, made on {judgment.judgment_date:%-d %B %Y} by {judgment.made_by_label}. "
                 f"{judgment.register_status}.",
                 "Setting it aside takes it off the register. The online service has no step for a claim whose "
                 "judgment is set aside, so the claim is sent out of it, where you say (an application by an "
                 "individual to set aside a judgment for a sum of money goes to their home court, CPR 13.4). "
                 "Both parties are told why."]
        page = {**self.admin_site.each_context(request), "title": title, "claim": claim, "form": form,
                "submit": "Set aside the judgment", "intro": intro, "opts": Claim._meta}
        return TemplateResponse(request, "admin/claims/claim/staff_step.html", page)
