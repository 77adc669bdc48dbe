"""What every drafting page shares: the draft it works on, where it goes next, saving a section.

Every page gets its claim through ``get_claim_for_user`` (404 for anyone else) and needs
``Action.EDIT_DRAFT`` (:func:`draft_page`). ``_save`` saves one whole section with
``claim_draft_save``; ``_done`` and ``_back`` honour ``?return=check``; the add-another pages
share ``_rows_added`` and ``_broken``. The helpers with a leading underscore are this
package's own, shared by its pages.
"""
from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from functools import wraps
from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from claims import services
from claims.errors import ClaimError, NotAllowed
from claims.models import Claim
from claims.policy import Action, require
from claims.selectors import get_claim_for_user
from ocmc.govuk_forms import RowFormSet
from rules.money import format_money

#: The first page of each section of the task list.
SECTION_PAGES = {
    "claimant": "drafting:claimant_type",
    "defendant": "drafting:defendant_type",
    "amount": "drafting:amount",
    "interest": "drafting:interest",
    "particulars": "drafting:what_happened",
    # a claim made by a legal representative (``claims.drafting.views.represented``)
    "reference": "drafting:reference",
    "service_address": "drafting:service_address",
    "defendant_representation": "drafting:defendant_representation",
    "additional_party": "drafting:additional_party",
}
#: How many rows an add-another page shows at first.
ROWS_AT_FIRST = 3
DraftView = Callable[..., HttpResponse]


def draft_page(view: DraftView) -> Callable[..., HttpResponse]:
    """A page of a draft: signed in, the owner's claim (404 otherwise), still a draft."""

    @login_required
    @require_http_methods(["GET", "POST"])
    @wraps(view)
    def page(request: HttpRequest, public_id: UUID, **kwargs: Any) -> HttpResponse:
        claim = get_claim_for_user(request.user, public_id)
        require(request.user, claim, Action.EDIT_DRAFT)  # else the claim's page says what happened
        return view(request, claim, **kwargs)

    return page


def _returning(request: HttpRequest) -> bool:
    return request.GET.get("return") == "check"


def _url(name: str, claim: Claim, *, returning: bool = False) -> str:
    url = reverse(name, kwargs={"public_id": claim.public_id})
    return f"{url}?return=check" if returning else url


def _done(request: HttpRequest, claim: Claim) -> HttpResponse:
    """Where a section's last page goes: back to the check page, or to the task list."""
    name = "drafting:check" if _returning(request) else "drafting:task_list"
    return redirect(_url(name, claim))


def _back(request: HttpRequest, claim: Claim, previous: str | None = None) -> str:
    """The Back link: the previous page of the section, else the task list (or the check page)."""
    if previous:
        return _url(previous, claim, returning=_returning(request))
    return _url("drafting:check" if _returning(request) else "drafting:task_list", claim)


def _section(claim: Claim, key: str) -> dict[str, Any]:
    value = claim.draft_data.get(key)
    return dict(value) if isinstance(value, dict) else {}


def _save(request: HttpRequest, claim: Claim, key: str, section: Any) -> HttpResponse | None:
    """Save one whole section; a response if the draft can no longer be saved."""
    try:
        saved = services.claim_draft_save(claim_id=claim.pk, actor=request.user, data={key: section})
    except NotAllowed:
        raise  # the claim moved on: StaleStepMiddleware
    except ClaimError as exc:
        messages.error(request, str(exc))
        return redirect("claims:dashboard")
    claim.draft_data = saved.draft_data
    return None


def _page(request: HttpRequest, template: str, claim: Claim, context: dict[str, Any]) -> HttpResponse:
    context.setdefault("errors", [])
    context.update(claim=claim, returning=_returning(request))
    return render(request, f"claims/drafting/{template}", context)


# -- add-another pages ----------------------------------------------------------------------------


def _rows_added(request: HttpRequest, formset: RowFormSet, formset_class: type[RowFormSet], prefix: str) -> Any:
    """"Add another row": the rows again as typed (not checked yet), and one more empty row."""
    if request.POST.get("action") != "add":
        return formset, False
    rows = formset.raw_rows() if formset.management_form.is_valid() else []
    if len(rows) < formset.max_num:
        rows.append(dict.fromkeys(formset.form.base_fields, ""))
    return formset_class(initial=rows, prefix=prefix), True


def _broken(formset: RowFormSet) -> list[tuple[str, str]]:
    """The rows of the page did not come back (a stale or tampered page): say so, show the saved rows."""
    return [("", str(formset.error_messages["missing_management_form"]))]


def _money(value: Decimal | None) -> str:
    return format_money(value) if value is not None else ""
