"""Court staff's pages on firms (the Django admin): the firms by state, a firm's page with its members and
invitations (read-only: the firm's administrator manages them), and the court's decisions on it (approve,
reject with a reason, suspend with a reason, reinstate), each a page that calls ``firms.services``.

Firms register themselves (no "add"), and are never deleted: their record stays.
"""
from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django_fsm import can_proceed

from accounts.models import Firm, FirmInvitation, FirmMembership, MemberState

from . import services
from .services import FirmError


class MembersInline(admin.TabularInline):
    model = FirmMembership
    fk_name = "firm"
    fields = ["user", "email", "is_firm_admin", "is_solicitor", "sees_all_cases", "state", "created_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    verbose_name = "member"
    verbose_name_plural = "members"

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @admin.display(description="Email address")
    def email(self, obj: FirmMembership) -> str:
        return obj.user.email


class InvitationsInline(admin.TabularInline):
    model = FirmInvitation
    fields = ["email", "is_firm_admin", "is_solicitor", "sees_all_cases", "state", "sent_at", "times_sent",
              "expires_at", "accepted_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    verbose_name_plural = "invitations"

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label="Reason (the firm is told it)", max_length=500, widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Give the reason: the firm is told it"},
    )


class NoReasonForm(forms.Form):
    pass


#: step → (title, button, service, needs a reason, what was done)
DECISIONS: dict[str, tuple[str, str, Any, bool, str]] = {
    "approve": ("Approve the firm", "Approve", services.approve_firm, False, "approved"),
    "reject": ("Reject the firm's registration", "Reject", services.reject_firm, True, "rejected"),
    "suspend": ("Suspend the firm", "Suspend", services.suspend_firm, True, "suspended"),
    "reinstate": ("Lift the firm's suspension", "Reinstate", services.reinstate_firm, False, "reinstated"),
}


@admin.register(Firm)
class FirmAdmin(admin.ModelAdmin):
    list_display = ["name", "sra_number", "state", "active_members", "created_at", "decided_at"]
    list_filter = ["state"]
    search_fields = ["name", "sra_number", "service_email", "postcode"]
    fields = ["name", "sra_number", "state", "address_line_1", "address_line_2", "town", "postcode", "dx",
              "service_email", "created_at", "decided_at", "decision_reason"]
    readonly_fields = fields
    inlines = [MembersInline, InvitationsInline]
    change_form_template = "admin/accounts/firm/change_form.html"

    def get_queryset(self, request: HttpRequest) -> QuerySet[Firm]:
        return super().get_queryset(request).annotate(
            member_count=Count("memberships", filter=Q(memberships__state=MemberState.ACTIVE)))

    @admin.display(description="Active members", ordering="member_count")
    def active_members(self, obj: Firm) -> int:
        return obj.member_count  # type: ignore[attr-defined]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def decisions(self, request: HttpRequest, firm: Firm) -> list[tuple[str, str]]:
        """The decisions this member of staff may take on the firm now: (label, url)."""
        if not services.may_decide(request.user):
            return []
        return [(title, reverse(f"admin:accounts_firm_{step}", args=[firm.pk]))
                for step, (title, *_rest) in DECISIONS.items() if can_proceed(getattr(firm, step))]

    def change_view(self, request: HttpRequest, object_id: str, form_url: str = "",
                    extra_context: dict[str, Any] | None = None) -> HttpResponse:
        firm = Firm.objects.filter(pk=object_id).first()
        extra = {**(extra_context or {}), "decisions": self.decisions(request, firm) if firm else [],
                 "show_save": False, "show_save_and_continue": False}
        return super().change_view(request, object_id, form_url, extra)

    def get_urls(self) -> list[Any]:
        pages = [path(f"<int:pk>/{step}/", self.admin_site.admin_view(self.decision_view), {"step": step},
                      name=f"accounts_firm_{step}") for step in DECISIONS]
        return pages + super().get_urls()

    def decision_view(self, request: HttpRequest, pk: int, step: str) -> HttpResponse:
        firm = Firm.objects.filter(pk=pk).first()
        if firm is None or not self.has_view_permission(request, firm):
            raise Http404("No such firm")
        if not services.may_decide(request.user):
            raise PermissionDenied("You cannot decide on firms")
        title, button, run, needs_reason, done = DECISIONS[step]
        if not can_proceed(getattr(firm, step)):
            messages.error(request, f"{title}: the firm is {firm.get_state_display().lower()}, so not now.")
            return redirect("admin:accounts_firm_change", firm.pk)
        posted = request.method == "POST"
        form = (ReasonForm if needs_reason else NoReasonForm)(request.POST if posted else None)
        if posted and form.is_valid():
            try:
                if needs_reason:
                    run(request.user, firm, reason=form.cleaned_data["reason"])
                else:
                    run(request.user, firm)
            except FirmError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, f"{firm.name} is {done}. The firm's administrators are emailed.")
                return redirect("admin:accounts_firm_change", firm.pk)
        context = {**self.admin_site.each_context(request), "title": title, "firm": firm, "form": form,
                   "submit": button, "opts": Firm._meta, "step": step}
        return TemplateResponse(request, "admin/accounts/firm/decision.html", context)


@admin.register(FirmMembership)
class FirmMembershipAdmin(admin.ModelAdmin):
    """Read-only: a firm's administrator manages its members (``/firm/users/``)."""

    list_display = ["user", "firm", "is_firm_admin", "is_solicitor", "sees_all_cases", "state", "created_at"]
    list_filter = ["state", "is_firm_admin", "is_solicitor"]
    list_select_related = ["user", "firm"]
    search_fields = ["user__email", "user__full_name", "user__first_name", "user__last_name", "firm__name"]
    fields = ["user", "firm", "is_firm_admin", "is_solicitor", "sees_all_cases", "state", "email_updates",
              "created_at", "state_changed_at", "state_changed_by"]
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
