"""Court staff and fee accounts: the list (waiting for a decision first), and the approve and reject steps,
which call the same services as everything else (``payments.fee_accounts``), never a field edit."""
from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.db.models import Case, IntegerField, Value, When
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from accounts.models import FeeAccount, FeeAccountState
from court.admin import ReadOnly

from .fee_accounts import FeeAccountError, approve_fee_account, may_decide, reject_fee_account
from .models import Payment


class RejectForm(forms.Form):
    reason = forms.CharField(
        label="Why is the fee account rejected?", max_length=500, widget=forms.Textarea(attrs={"rows": 3}),
        help_text="The firm's administrators are told this, for example: the PBA number is not the firm's.",
        error_messages={"required": "Enter why the fee account is rejected"},
    )


@admin.register(FeeAccount)
class FeeAccountAdmin(ReadOnly):
    list_display = ["pba_number", "firm", "name", "state", "created_at", "decided_at", "decide"]
    list_filter = ["state"]
    list_select_related = ["firm"]
    search_fields = ["pba_number", "firm__name", "firm__sra_number"]
    fields = ["pba_number", "firm", "name", "state", "recorded_by", "created_at", "decided_at", "decided_by",
              "decision_reason"]
    readonly_fields = fields
    change_form_template = "payments/fee_account_admin_change_form.html"

    def get_ordering(self, request: HttpRequest) -> list[Any]:
        """Waiting for a decision first, the oldest first."""
        waiting_first = Case(When(state=FeeAccountState.PENDING, then=Value(0)), default=Value(1),
                             output_field=IntegerField())
        return [waiting_first.asc(), "created_at", "pk"]

    @admin.display(description="Decision")
    def decide(self, obj: FeeAccount) -> str:
        if obj.state != FeeAccountState.PENDING:
            return ""
        return format_html('<a href="{}">Approve</a> · <a href="{}">Reject</a>',
                           reverse("admin:accounts_feeaccount_approve", args=[obj.pk]),
                           reverse("admin:accounts_feeaccount_reject", args=[obj.pk]))

    def change_view(  # type: ignore[no-untyped-def]
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context: Any = None
    ):
        account = FeeAccount.objects.filter(pk=object_id).first() if str(object_id).isdigit() else None
        steps = []
        if account is not None and account.state == FeeAccountState.PENDING and may_decide(request.user):
            steps = [("Approve the fee account", reverse("admin:accounts_feeaccount_approve", args=[account.pk])),
                     ("Reject the fee account", reverse("admin:accounts_feeaccount_reject", args=[account.pk]))]
        return super().change_view(request, object_id, form_url, {**(extra_context or {}), "staff_steps": steps})

    def get_urls(self):  # type: ignore[no-untyped-def]
        view = self.admin_site.admin_view
        return [
            path("<int:pk>/approve/", view(self.approve_view), name="accounts_feeaccount_approve"),
            path("<int:pk>/reject/", view(self.reject_view), name="accounts_feeaccount_reject"),
        ] + super().get_urls()

    def _account(self, request: HttpRequest, pk: int) -> FeeAccount:
        account = FeeAccount.objects.select_related("firm").filter(pk=pk).first()
        if account is None or not self.has_view_permission(request, account):
            raise Http404("No such fee account")
        return account

    def _step_page(self, request: HttpRequest, account: FeeAccount, title: str, **context: Any) -> HttpResponse:
        return TemplateResponse(request, "payments/fee_account_admin_step.html", {
            **self.admin_site.each_context(request), "title": title, "account": account,
            "opts": self.model._meta, **context,
        })

    def approve_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        account = self._account(request, pk)
        error = ""
        if request.method == "POST":
            try:
                approve_fee_account(actor=request.user, fee_account_id=account.pk)
            except FeeAccountError as exc:
                error = str(exc)
            else:
                messages.success(request, f"Fee account {account.pba_number} approved. The firm's administrators "
                                          "have been told.")
                return redirect("admin:accounts_feeaccount_changelist")
        return self._step_page(request, account, f"Approve fee account {account.pba_number}", step="approve",
                               error=error)

    def reject_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        account = self._account(request, pk)
        form = RejectForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                reject_fee_account(actor=request.user, fee_account_id=account.pk,
                                   reason=form.cleaned_data["reason"])
            except FeeAccountError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, f"Fee account {account.pba_number} rejected. The firm's administrators "
                                          "have been told why.")
                return redirect("admin:accounts_feeaccount_changelist")
        return self._step_page(request, account, f"Reject fee account {account.pba_number}", step="reject",
                               form=form)


@admin.register(Payment)
class PaymentAdmin(ReadOnly):
    list_display = ["created_at", "claim", "method", "amount", "status", "pba_number", "customer_reference",
                    "reference"]
    list_filter = ["method", "status"]
    list_select_related = ["claim"]
    search_fields = ["reference", "pba_number", "customer_reference", "claim__claim_number"]
    date_hierarchy = "created_at"
