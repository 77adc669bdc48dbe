"""The firm dashboard (/firm/): the firm's cases in three tabs, and the allocation page of a case.

Only an active member of an approved firm has a dashboard (anyone else: 404). Who sees which tab is
``casework.selectors.tabs_for``: the unassigned cases are for the firm's administrators (who allocate them)
and for members who see all the firm's cases; a solicitor who sees only their own cases gets the number of
unassigned cases and the soonest deadline among them (never their details), on every tab, like everyone.

The allocation page is the firm administrator's (``claims.representation.may_allocate``); its changes go
through ``claims.assignments``. Each form posts and redirects back, and each service is idempotent (the same
assignee again, a second share, ending an allocation already ended change nothing), so a second press or the
back button never allocates twice.
"""
from __future__ import annotations

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from accounts.models import FirmMembership
from accounts.roles import acting_membership
from claims import assignments
from claims.models import AssignmentKind, Claim
from claims.representation import may_allocate
from ocmc import clock
from ocmc.govuk_forms import error_items

from . import selectors
from .dashboard_forms import AllocateForm, DashboardFilterForm, ShareForm

PER_PAGE = 25


def _membership(request: HttpRequest) -> FirmMembership:
    membership = acting_membership(request.user)
    if membership is None:
        raise Http404("No firm dashboard")
    return membership


@login_required
@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    membership = _membership(request)
    firm_id = membership.firm_id
    tabs = selectors.tabs_for(membership)
    tab = request.GET.get("tab", "")
    if tab not in tabs:
        tab = selectors.default_tab(membership)
    solicitors = selectors.firm_solicitors(firm_id)
    form = DashboardFilterForm(request.GET, solicitors=solicitors)
    filters = form.filters()
    cases = selectors.apply_filters(selectors.tab_cases(tab, membership), filters, firm_id).values_list(
        "pk", flat=True)
    page = Paginator(cases, PER_PAGE).get_page(request.GET.get("page"))
    rows = [selectors.build_row(claim, membership)
            for claim in selectors.page_claims(list(page.object_list), firm_id)]
    unassigned_count, unassigned_soonest = selectors.unassigned_summary(firm_id)
    return render(request, "casework/dashboard.html", {
        "membership": membership, "firm": membership.firm, "tab": tab,
        "tabs": [(name, selectors.TAB_LABELS[name]) for name in tabs],
        "tab_label": selectors.TAB_LABELS[tab], "form": form, "filters": filters,
        "errors": form.error_items(), "page": page, "rows": rows,
        "page_range": page.paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1),
        "ellipsis": Paginator.ELLIPSIS, "filtered": bool(filters.q or filters.assignee or filters.state
                                                          or filters.within_days is not None),
        "sees_unassigned": selectors.UNASSIGNED in tabs, "unassigned_count": unassigned_count,
        "unassigned_soonest": unassigned_soonest,
        "now": clock.now(),
    })


def _solicitor(solicitors: list[Any], pk: str) -> Any:
    return next(user for user in solicitors if str(user.pk) == pk)


@login_required
@require_http_methods(["GET", "POST"])
def allocation(request: HttpRequest, public_id: UUID) -> HttpResponse:
    membership = _membership(request)
    claim = selectors.case_for_allocation(membership, public_id)
    if claim is None or not may_allocate(request.user, claim):
        raise Http404("No such case")
    firm = membership.firm
    solicitors = selectors.firm_solicitors(firm.pk)
    current = assignments.current_assignee(claim, firm)
    action = request.POST.get("action") if request.method == "POST" else None
    allocate_form = AllocateForm(request.POST if action == "allocate" else None, solicitors=solicitors,
                                 current=current.user if current is not None else None)
    share_form = ShareForm(request.POST if action == "share" else None, solicitors=solicitors)
    if action == "allocate" and allocate_form.is_valid():
        to = _solicitor(solicitors, allocate_form.cleaned_data["solicitor"])
        row = assignments.assign(claim, to=to, actor=request.user, reason=allocate_form.cleaned_data["reason"])
        if current is not None and current.user_id == row.user_id:
            messages.success(request, f"The case is already allocated to {to.display_name}.")
        else:
            verb = "reallocated" if current is not None else "allocated"
            messages.success(request, f"The case has been {verb} to {to.display_name}.")
        return redirect("casework:allocation", public_id=claim.public_id)
    if action == "share" and share_form.is_valid():
        to = _solicitor(solicitors, share_form.cleaned_data["colleague"])
        row = assignments.share(claim, to=to, actor=request.user)
        if row.kind == AssignmentKind.ASSIGNED:
            messages.success(request, f"The case is allocated to {to.display_name}: there is no need to share it.")
        else:
            messages.success(request, f"The case is shared with {to.display_name}.")
        return redirect("casework:allocation", public_id=claim.public_id)
    if action == "unshare":
        shared = selectors.live_share(claim, firm.pk, request.POST.get("user", ""))
        if shared is not None:
            assignments.unassign(claim, user=shared.user, actor=request.user, reason="Stopped sharing")
            messages.success(request, f"The case is no longer shared with {shared.user.display_name}.")
        else:
            messages.success(request, "The case was not shared with that colleague (any more).")
        return redirect("casework:allocation", public_id=claim.public_id)
    return render(request, "casework/allocation.html", _allocation_context(
        claim, membership, current, allocate_form, share_form), status=400 if action in ("allocate", "share") else 200)


def _allocation_context(claim: Claim, membership: FirmMembership, current: Any, allocate_form: AllocateForm,
                        share_form: ShareForm) -> dict[str, Any]:
    record = assignments.allocation_record(claim, membership.firm)
    row = selectors.build_row(
        selectors.with_row_data(Claim.objects.filter(pk=claim.pk), membership.firm_id).get(), membership)
    return {
        "claim": claim, "row": row, "current": current, "record": record,
        "shared": [entry for entry in record if entry.kind == AssignmentKind.SHARED and entry.ended_at is None],
        "allocate_form": allocate_form, "share_form": share_form,
        "errors": error_items(allocate_form, share_form), "now": clock.now(),
    }
