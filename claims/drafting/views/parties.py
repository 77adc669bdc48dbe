"""The parties' pages: who is making the claim and who it is against, and their details.

Each party has two pages: its type (an individual, a sole trader, a company or an
organisation), then its name, address and contact details for that type. The claimant's
email address is the account's.
"""
from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from claims import ocon1
from claims.models import Claim
from ocmc import clock
from ocmc.govuk_forms import error_items

from ..forms import PartyDetailsForm, PartyTypeForm, party_fields
from .common import _back, _done, _page, _returning, _save, _section, _url, draft_page

#: The page headings of each party's pages: a claimant in person reads "Your details".
HEADINGS = {
    "claimant": ("Your details", "Your address",
                 "The court will send letters about the claim to this address. It must be in the UK."),
    "defendant": ("The defendant's details", "The defendant's address",
                  "The court will send the claim to this address. It must be in England or Wales."),
    "claimant2": ("The second claimant's details", "The second claimant's address",
                  "The second claimant's own address. It must be in the UK."),
    "defendant2": ("The second defendant's details", "The second defendant's address",
                   "The court will send the claim to this address. It must be in England or Wales."),
}
REPRESENTED_CLAIMANT = ("The claimant's details", "The claimant's address",
                        "The claimant's own address. It must be in the UK. You give the address for service "
                        "in its own section.")


def _headings(claim: Claim, role: str) -> dict[str, str]:
    heading, address_heading, address_hint = (
        REPRESENTED_CLAIMANT if role == "claimant" and ocon1.is_represented(claim.draft_data) else HEADINGS[role])
    return {"page_heading": heading, "address_heading": address_heading, "address_hint": address_hint}


def _party_type(request: HttpRequest, claim: Claim, role: str) -> HttpResponse:
    claimant = role.startswith("claimant")
    current = _section(claim, role)
    form = PartyTypeForm(
        request.POST if request.method == "POST" else None, initial={"type": current.get("type")}, claimant=claimant,
        for_client=ocon1.is_represented(claim.draft_data),
    )
    if request.method == "POST" and form.is_valid():
        kind = form.cleaned_data["type"]
        keep = party_fields(kind, claimant=claimant)
        section = {key: value for key, value in current.items() if key in keep}  # drop what no longer applies
        section["type"] = kind
        if claimant:
            section["email"] = request.user.email
        if failed := _save(request, claim, role, section):
            return failed
        return redirect(_url(f"drafting:{role}_details", claim, returning=_returning(request)))
    return _page(
        request,
        "party_type.html",
        claim,
        {"form": form, "errors": error_items(form), "role": role, "back_url": _back(request, claim),
         **_headings(claim, role)},
    )


def _party_details(request: HttpRequest, claim: Claim, role: str) -> HttpResponse:
    claimant = role.startswith("claimant")
    current = _section(claim, role)
    kind = current.get("type")
    if kind not in ocon1.PARTY_TYPES:
        return redirect(_url(f"drafting:{role}_type", claim, returning=_returning(request)))
    form = PartyDetailsForm(
        request.POST if request.method == "POST" else None,
        initial=PartyDetailsForm.initial_from(current),
        kind=kind,
        claimant=claimant,
        today=clock.today(),
        for_client=ocon1.is_represented(claim.draft_data),
    )
    if request.method == "POST" and form.is_valid():
        if failed := _save(request, claim, role, form.section(email=request.user.email)):
            return failed
        return _done(request, claim)
    return _page(
        request,
        "party_details.html",
        claim,
        {
            "form": form,
            "errors": error_items(form),
            "role": role,
            "kind": kind,
            "kind_label": ocon1.PARTY_TYPES[kind],
            "email": request.user.email,
            "back_url": _back(request, claim, f"drafting:{role}_type"),
            **_headings(claim, role),
        },
    )


@draft_page
def claimant_type(request: HttpRequest, claim: Claim) -> HttpResponse:
    return _party_type(request, claim, "claimant")


@draft_page
def claimant_details(request: HttpRequest, claim: Claim) -> HttpResponse:
    return _party_details(request, claim, "claimant")


@draft_page
def defendant_type(request: HttpRequest, claim: Claim) -> HttpResponse:
    return _party_type(request, claim, "defendant")


@draft_page
def defendant_details(request: HttpRequest, claim: Claim) -> HttpResponse:
    return _party_details(request, claim, "defendant")
