"""Court staff: the register of judgments, settlement agreements and the claimant's answers, read-only.

Judgments are entered and changed only by the services (``judgments.services``,
``judgments.closing``); staff see them here exactly as recorded, never edit or delete them.
"""
from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from court.admin import ReadOnly

from .models import ClaimantAnswer, Judgment, SettlementAgreement


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
        ]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Judgment]) -> QuerySet[Judgment]:
        if self.value() == "on":
            return queryset.filter(removed_from_register_at__isnull=True, satisfied_at__isnull=True)
        if self.value() == "removed":
            return queryset.filter(removed_from_register_at__isnull=False)
        if self.value() == "satisfied":
            return queryset.filter(satisfied_at__isnull=False)
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
        (None, {"fields": ["claim", "kind", "judgment_date", "entered_at", "made_by_label", "requested_by",
                           "request"]}),
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
