"""The particulars of claim: what happened, then the timeline and the evidence (form OCON1).

The three pages share the ``particulars`` section of the draft; the timeline and the
evidence are optional add-another rows, and the journey goes what happened → timeline →
evidence unless the person came from "Check your answers".
"""
from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from claims.models import Claim
from ocmc.govuk_forms import RowFormSet, error_items, row_initial

from ..forms import EvidenceFormSet, TimelineFormSet, WhatHappenedForm
from .common import (
    ROWS_AT_FIRST,
    _back,
    _broken,
    _done,
    _page,
    _returning,
    _rows_added,
    _save,
    _section,
    _url,
    draft_page,
)


@draft_page
def what_happened(request: HttpRequest, claim: Claim) -> HttpResponse:
    particulars = _section(claim, "particulars")
    form = WhatHappenedForm(
        request.POST if request.method == "POST" else None,
        initial={"what_happened": particulars.get("what_happened", "")},
    )
    if request.method == "POST" and form.is_valid():
        particulars["what_happened"] = form.cleaned_data["what_happened"]
        if failed := _save(request, claim, "particulars", particulars):
            return failed
        if _returning(request):
            return _done(request, claim)
        return redirect(_url("drafting:timeline", claim))
    return _page(
        request,
        "what_happened.html",
        claim,
        {"form": form, "errors": error_items(form), "back_url": _back(request, claim)},
    )


def _rows_page(
    request: HttpRequest,
    claim: Claim,
    *,
    key: str,
    formset_class: type[RowFormSet],
    keys: tuple[str, ...],
    template: str,
    previous: str,
) -> HttpResponse:
    """Timeline and evidence: optional rows kept in the particulars section."""
    particulars = _section(claim, "particulars")
    errors: list[tuple[str, str]] = []
    initial = row_initial(particulars.get(key), keys, at_least=ROWS_AT_FIRST)
    if request.method == "POST":
        formset = formset_class(request.POST, prefix=key)
        formset, redrawn = _rows_added(request, formset, formset_class, key)
        if not redrawn and not formset.management_form.is_valid():
            errors = _broken(formset)
            formset = formset_class(initial=initial, prefix=key)
        elif not redrawn:
            if formset.is_valid():
                particulars[key] = formset.rows()
                if failed := _save(request, claim, "particulars", particulars):
                    return failed
                if key == "timeline" and not _returning(request):
                    return redirect(_url("drafting:evidence", claim))
                return _done(request, claim)
            errors = error_items(formset)
    else:
        formset = formset_class(initial=initial, prefix=key)
    return _page(
        request,
        template,
        claim,
        {"formset": formset, "errors": errors, "back_url": _back(request, claim, previous)},
    )


@draft_page
def timeline(request: HttpRequest, claim: Claim) -> HttpResponse:
    return _rows_page(
        request, claim, key="timeline", formset_class=TimelineFormSet, keys=("date", "event"),
        template="timeline.html", previous="drafting:what_happened",
    )


@draft_page
def evidence(request: HttpRequest, claim: Claim) -> HttpResponse:
    return _rows_page(
        request, claim, key="evidence", formset_class=EvidenceFormSet, keys=("type", "description"),
        template="evidence.html", previous="drafting:timeline",
    )
