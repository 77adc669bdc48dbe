"""Court staff's view of claims. Staff act through buttons that call the same services as the
portal (never by editing fields), so every step is checked and recorded on the timeline.

The steps of the apps above claims (a defended claim's, a referred default judgment's) come from
the providers registered in ``claims.admin_steps``: claims imports none of those apps."""
from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse

from court.admin import ReadOnly
from ocmc import clock
from rules import postcodes
from rules.money import format_money, parse_money

from . import admin_steps, services
from .constants import ClaimState, HwfDecision
from .errors import ClaimError
from .models import Claim, StaffAccess
from .policy import Action, can


class HwfDecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=HwfDecision.choices, widget=forms.RadioSelect)
    remitted = forms.CharField(
        label="Amount remitted (part remission only)", required=False,
        help_text="In pounds, for example 45.00",
    )

    def __init__(self, *args: Any, fee: Decimal, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fee = fee

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("decision") == HwfDecision.PART:
            try:
                data["remitted_amount"] = parse_money(data.get("remitted") or "")
            except ValueError:
                self.add_error("remitted", "Enter the amount remitted, like 45.00")
        else:
            data["remitted_amount"] = None
        return data


class DeadlineWithinFilter(admin.SimpleListFilter):
    """Claims with a live deadline (``Claim.live_deadlines``) from now until N days ahead."""

    title = "deadline within"
    parameter_name = "deadline_within"
    DAYS = (1, 3, 7, 14, 28)

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [(str(days), f"{days} day{'s' if days != 1 else ''}") for days in self.DAYS]

    def queryset(self, request: HttpRequest, queryset: Any) -> Any:
        if self.value() not in {str(days) for days in self.DAYS}:
            return queryset
        now = clock.now()
        return queryset.filter(Claim.deadline_between(now, now + timedelta(days=int(self.value()))))


#: The fields shown collapsed under the summary, as recorded (the summary says what matters in words).
RAW_EXCLUDED = {"draft_data", "submitted_data", "security_code"}


@admin.register(Claim)
class ClaimAdmin(ReadOnly):
    """A caseworker's page for a claim: the summary at the top (``admin/claims/claim/summary.html``: the parties,
    where it stands, its live deadlines, documents, timeline and the steps open to this member of staff), and
    every recorded field in a collapsed section below."""

    list_display = ["__str__", "state", "claimant_name", "defendant_name", "total_display", "issue_date",
                    "submitted_at"]
    list_filter = ["state", DeadlineWithinFilter]
    search_fields = ["claim_number", "public_id", "claimant_name", "defendant_name", "owner__email",
                     "defendant_user__email", "submitted_data__claimant__email", "submitted_data__defendant__email",
                     "submitted_data__claimant__postcode", "submitted_data__defendant__postcode", "hwf_reference"]
    search_help_text = ("Search by claim number, a party's name, postcode or email address, or a Help with Fees "
                        "reference.")
    list_select_related = ["owner", "defendant_user"]

    def get_search_results(self, request: HttpRequest, queryset: Any, search_term: str) -> tuple[Any, bool]:
        """As Django searches, and a postcode typed without its space ("ls27ab") finds "LS2 7AB" as stored."""
        results, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        postcode = postcodes.normalise(search_term)
        if postcodes.district(search_term) and postcode != search_term.strip().upper():
            results |= queryset.filter(Q(submitted_data__claimant__postcode=postcode)
                                       | Q(submitted_data__defendant__postcode=postcode))
        return results, may_have_duplicates

    @admin.display(description="Total")
    def total_display(self, claim: Claim) -> str:
        return f"£{claim.total:,}" if claim.total is not None else ""

    def get_fieldsets(self, request: HttpRequest, obj: Any = None) -> list[tuple[str, dict[str, Any]]]:
        names = [f.name for f in Claim._meta.fields if f.name not in RAW_EXCLUDED]
        return [("Every recorded field", {"classes": ["collapse"], "fields": names})]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        return [f.name for f in Claim._meta.fields if f.name not in RAW_EXCLUDED]

    def summary(self, request: HttpRequest, claim: Claim) -> dict[str, Any]:
        """What the top of the claim's page shows."""
        form = claim.form
        return {
            "claimant": form.claimant if form else None,
            "defendant": form.defendant if form else None,
            "deadlines": claim.live_deadlines(),
            "documents": [(d, reverse("claims:document", args=[claim.public_id, d.kind]))
                          for d in claim.documents.all()],
            "events": list(claim.events.all()),
            "code_readable": can(request.user, claim, Action.READ_SECURITY_CODE),
            "code_reads": list(claim.staff_accesses.filter(what=StaffAccess.What.SECURITY_CODE)),
        }

    def change_view(  # type: ignore[no-untyped-def]
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context: Any = None
    ):
        """Offer the staff member the steps they may take on this claim now, and show where it stands."""
        claim = Claim.objects.filter(pk=object_id).first() if str(object_id).isdigit() else None
        steps = []
        context: dict[str, Any] = {}
        if claim is not None:
            if can(request.user, claim, Action.DECIDE_HWF):
                steps.append(("Record the Help with Fees decision", reverse("admin:claims_claim_hwf",
                                                                            args=[claim.pk])))
            context = {"summary": self.summary(request, claim)}
            for provider in admin_steps.providers(self):
                steps += provider.steps(request, claim)
                context.update(provider.context(request, claim))
        context = {**(extra_context or {}), **context, "staff_steps": steps}
        return super().change_view(request, object_id, form_url, context)

    def get_urls(self):  # type: ignore[no-untyped-def]
        extra = [path("<int:pk>/help-with-fees/", self.admin_site.admin_view(self.hwf_view), name="claims_claim_hwf"),
                 path("<int:pk>/security-code/", self.admin_site.admin_view(self.security_code_view),
                      name="claims_claim_security_code"),
                 *(url for provider in admin_steps.providers(self) for url in provider.urls())]
        return extra + super().get_urls()

    def hwf_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        claim = Claim.objects.filter(pk=pk).first()
        if claim is None or not self.has_view_permission(request, claim):
            raise Http404("No such claim")
        if not can(request.user, claim, Action.DECIDE_HWF):
            messages.error(request, "This claim is not waiting for a Help with Fees decision, or you cannot decide it.")
            return redirect("admin:claims_claim_change", claim.pk)
        form = HwfDecisionForm(request.POST or None, fee=claim.fee or Decimal(0))
        if request.method == "POST" and form.is_valid():
            try:
                services.claim_hwf_decide(
                    claim_id=claim.pk, actor=request.user, decision=form.cleaned_data["decision"],
                    remitted=form.cleaned_data["remitted_amount"],
                )
            except ClaimError as exc:
                form.add_error(None, str(exc))
            else:
                claim.refresh_from_db()
                if claim.state == ClaimState.ISSUED:
                    done = f"The claim has been issued: claim number {claim.claim_number}."
                else:
                    done = f"The claimant has been told to pay what is left ({format_money(claim.fee_due)})."
                messages.success(request, f"Decision recorded. {done}")
                return redirect("admin:claims_claim_change", claim.pk)
        context = {
            **self.admin_site.each_context(request), "title": "Help with Fees decision", "claim": claim, "form": form,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/claims/hwf_decision.html", context)

    def security_code_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        """The security code, shown to a caseworker who asks for it (a button, so that every showing is a
        decision and is recorded; merely opening the claim's page shows nothing)."""
        claim = Claim.objects.filter(pk=pk).first()
        if claim is None or not self.has_view_permission(request, claim):
            raise Http404("No such claim")
        if not can(request.user, claim, Action.READ_SECURITY_CODE):
            messages.error(request, "Only a caseworker can see the security code of an issued claim.")
            return redirect("admin:claims_claim_change", claim.pk)
        code = services.security_code_read(claim_id=claim.pk, actor=request.user) if request.method == "POST" else ""
        context = {
            **self.admin_site.each_context(request), "title": "Security code", "claim": claim, "code": code,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/claims/claim/security_code.html", context)


@admin.register(StaffAccess)
class StaffAccessAdmin(ReadOnly):
    """Who among court staff read what on which claim, and when (the security code): for reading only."""

    list_display = ["at", "claim", "what", "user_label"]
    list_filter = ["what"]
    list_select_related = ["claim"]
    search_fields = ["claim__claim_number", "user_label"]
    date_hierarchy = "at"

from . import breathing_space_admin  # noqa: E402,F401  (registers its staff step)
