"""Court staff's view of claims. Staff act through buttons that call the same services as the
portal (never by editing fields), so every step is checked and recorded on the timeline."""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html_join

from court.admin import ReadOnly
from defended.admin import DefendedClaimSteps
from rules.money import format_money, parse_money

from . import services
from .constants import ClaimState, HwfDecision
from .errors import ClaimError
from .models import Claim, ClaimEvent
from .policy import Action, can


class ClaimEventInline(admin.TabularInline):
    model = ClaimEvent
    fields = ["recorded_at", "summary", "actor_label"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False


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


@admin.register(Claim)
class ClaimAdmin(DefendedClaimSteps, ReadOnly):
    list_display = ["__str__", "state", "claimant_name", "defendant_name", "total_display", "issue_date",
                    "submitted_at"]
    list_filter = ["state"]
    search_fields = ["claim_number", "public_id", "owner__email", "claimant_name", "defendant_name",
                     "hwf_reference"]
    inlines = [ClaimEventInline]
    exclude = ["draft_data", "submitted_data", "security_code"]
    readonly_fields = ["documents_list"]

    @admin.display(description="Total")
    def total_display(self, claim: Claim) -> str:
        return f"£{claim.total:,}" if claim.total is not None else ""

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        names = [f.name for f in Claim._meta.fields if f.name not in self.exclude]
        return ["documents_list", *names]

    @admin.display(description="Documents")
    def documents_list(self, claim: Claim) -> str:
        docs = list(claim.documents.all())
        if not docs:
            return "None"
        return format_html_join(
            "", '<p><a href="{}">{}</a> ({})</p>',
            ((reverse("claims:document", args=[claim.public_id, d.kind]), d.get_kind_display(), d.get_status_display())
             for d in docs),
        )

    def change_view(  # type: ignore[no-untyped-def]
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context: Any = None
    ):
        """Offer the staff member the steps they may take on this claim now (buttons at the top), and show
        where a defended claim stands (referrals, who may consider it, applications, orders, paper response)."""
        claim = Claim.objects.filter(pk=object_id).first() if str(object_id).isdigit() else None
        steps = []
        panel = None
        if claim is not None:
            if can(request.user, claim, Action.DECIDE_HWF):
                steps.append(("Record the Help with Fees decision", reverse("admin:claims_claim_hwf",
                                                                            args=[claim.pk])))
            steps += self.defended_steps(request, claim)
            panel = self.defended_panel(claim)
        context = {**(extra_context or {}), "staff_steps": steps, "defended": panel}
        return super().change_view(request, object_id, form_url, context)

    def get_urls(self):  # type: ignore[no-untyped-def]
        extra = [path("<int:pk>/help-with-fees/", self.admin_site.admin_view(self.hwf_view), name="claims_claim_hwf"),
                 *self.defended_urls()]
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
