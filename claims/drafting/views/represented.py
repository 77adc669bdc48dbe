"""The pages of a claim made by a legal representative (PD 51R 1.1 "online claim form", 2.1(3)(d)(ii)-(iii)).

Starting the claim (a solicitor of an approved firm who has passed the representatives' checker,
``eligibility.views``), then the sections only a represented claim has: the firm's reference, the
claimant's address for service (2.1(3)(i)(ii)), the defendant's legal representative (a firm
registered with the service, searched by name or SRA number; or one not registered, 2.1(7)) and a
second claimant or defendant where both sides are represented (2.1(3)(f)(ii)). Every page is a page
of the draft (``draft_page``: ``get_claim_for_user``, so a solicitor of the claimant's firm who may
see the claim edits it and anyone else gets 404).
"""
from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods

from accounts.models import Firm, FirmState
from accounts.roles import acting_membership
from claims import ocon1, services
from claims.errors import ClaimError
from claims.models import Claim
from eligibility import session as eligibility
from ocmc.govuk_forms import error_items

from ..forms.represented import (
    AdditionalPartyForm,
    AddressForm,
    DefendantRepForm,
    DefendantRepresentationForm,
    FirmChoiceForm,
    FirmSearchForm,
    ReferenceForm,
    ServiceAddressChoiceForm,
)
from .common import _back, _done, _page, _returning, _save, _section, _url, draft_page
from .parties import _party_details, _party_type

#: The session key of the draft the representatives' checker last started (a double click goes to it).
STARTED_KEY = "represented_draft_started"
#: The most firms a search shows.
SEARCH_LIMIT = 20


@login_required
@require_http_methods(["GET", "POST"])
def start_represented(request: HttpRequest) -> HttpResponse:
    """Start the claim for a client: the draft is the firm's, and the solicitor starting it has the case."""
    membership = acting_membership(request.user)
    if membership is None or not membership.is_solicitor:
        return redirect("eligibility:represented_start")
    if not eligibility.passed(request, represented=True):
        # The answers are used up by the draft they started: a second click of "Start the claim" goes to it.
        started = Claim.objects.filter(public_id=request.session.get(STARTED_KEY), owner=request.user).first()
        if started is not None:
            return redirect("drafting:task_list", public_id=started.public_id)
        return redirect("eligibility:represented_start")
    if request.method != "POST":
        return redirect("eligibility:represented_eligible")
    try:
        claim = services.claim_represented_draft_create(
            actor=request.user, eligibility=eligibility.answers(request, represented=True))
    except ClaimError as exc:
        messages.error(request, str(exc))
        return redirect("eligibility:represented_start")
    eligibility.clear(request, represented=True)  # the next claim for a client is checked afresh
    request.session[STARTED_KEY] = str(claim.public_id)
    return redirect("drafting:task_list", public_id=claim.public_id)


def _representation(claim: Claim) -> dict[str, Any]:
    return _section(claim, "representation")


def _save_representation(request: HttpRequest, claim: Claim, **changes: Any) -> HttpResponse | None:
    return _save(request, claim, "representation", {**_representation(claim), **changes})


def _represented_page(view: Any) -> Any:
    """A page only a represented draft has: a citizen's draft goes to its task list."""

    def page(request: HttpRequest, claim: Claim, **kwargs: Any) -> HttpResponse:
        if not ocon1.is_represented(claim.draft_data):
            return redirect(_url("drafting:task_list", claim))
        return view(request, claim, **kwargs)

    page.__name__ = view.__name__
    page.__doc__ = view.__doc__
    return draft_page(page)


@_represented_page
def reference(request: HttpRequest, claim: Claim) -> HttpResponse:
    current = _representation(claim)
    form = ReferenceForm(request.POST if request.method == "POST" else None,
                         initial={"claimant_reference": current.get("claimant_reference", "")})
    if request.method == "POST" and form.is_valid():
        if failed := _save_representation(request, claim, claimant_reference=form.cleaned_data["claimant_reference"]):
            return failed
        return _done(request, claim)
    return _page(request, "represented/reference.html", claim,
                 {"form": form, "errors": error_items(form), "back_url": _back(request, claim)})


def _firm_address(current: dict[str, Any]) -> str:
    firm = current.get("claimant_firm") if isinstance(current.get("claimant_firm"), dict) else {}
    lines = [str(firm.get(key) or "") for key in ("address_line1", "address_line2", "town", "postcode")]
    return ", ".join(line for line in lines if line)


@_represented_page
def service_address(request: HttpRequest, claim: Claim) -> HttpResponse:
    """2.1(3)(i)(ii): the claimant's address for service, in England and Wales — normally the firm's."""
    current = _representation(claim)
    form = ServiceAddressChoiceForm(request.POST if request.method == "POST" else None,
                                    initial={"service_address": current.get("service_address")},
                                    firm_address=_firm_address(current))
    if request.method == "POST" and form.is_valid():
        choice = form.cleaned_data["service_address"]
        if failed := _save_representation(request, claim, service_address=choice):
            return failed
        if choice == "other":
            return redirect(_url("drafting:service_address_other", claim, returning=_returning(request)))
        return _done(request, claim)
    return _page(request, "represented/service_address.html", claim,
                 {"form": form, "errors": error_items(form), "back_url": _back(request, claim)})


@_represented_page
def service_address_other(request: HttpRequest, claim: Claim) -> HttpResponse:
    current = _representation(claim)
    form = AddressForm(request.POST if request.method == "POST" else None,
                       initial={key: current.get(key, "") for key in AddressForm.base_fields})
    if request.method == "POST" and form.is_valid():
        if failed := _save_representation(request, claim, service_address="other", **form.address()):
            return failed
        return _done(request, claim)
    return _page(request, "represented/service_address_other.html", claim,
                 {"form": form, "errors": error_items(form),
                  "back_url": _back(request, claim, "drafting:service_address")})


@_represented_page
def defendant_representation(request: HttpRequest, claim: Claim) -> HttpResponse:
    """2.1(3)(d)(ii)-(iii), 2.1(7): does a legal representative act for the defendant, and are they registered?"""
    current = _representation(claim)
    form = DefendantRepresentationForm(request.POST if request.method == "POST" else None,
                                       initial={"defendant": current.get("defendant")})
    if request.method == "POST" and form.is_valid():
        answer = form.cleaned_data["defendant"]
        changes: dict[str, Any] = {"defendant": answer}
        if answer != "registered":
            changes.update(defendant_firm={}, defendant_reference="")
        if answer != "unregistered":
            changes["defendant_rep"] = {}
        if answer == "none":
            changes["additional_party"] = "none"  # against a defendant in person: 1 v 1 (2.1(3)(f)(i))
        if failed := _save_representation(request, claim, **changes):
            return failed
        returning = _returning(request)
        if answer == "registered":
            return redirect(_url("drafting:defendant_firm", claim, returning=returning))
        if answer == "unregistered":
            return redirect(_url("drafting:defendant_rep", claim, returning=returning))
        return _done(request, claim)
    return _page(request, "represented/defendant_representation.html", claim,
                 {"form": form, "errors": error_items(form), "back_url": _back(request, claim)})


def firms_matching(query: str, *, exclude_id: int | None = None) -> list[Firm]:
    """The firms registered (approved) with the service whose name or SRA number matches ``query`` (never the
    claimant's own firm, ``exclude_id``: a firm cannot act for both sides)."""
    query = " ".join(query.split())
    if not query:
        return []
    return list(Firm.objects.filter(state=FirmState.APPROVED).exclude(pk=exclude_id).filter(
        Q(name__icontains=query) | Q(sra_number__iexact=query)).order_by("name")[:SEARCH_LIMIT])


def _firm_label(firm: Firm) -> str:
    return f"{firm.name} (SRA number {firm.sra_number}), {firm.town}: email for service {firm.service_email}"


@_represented_page
def defendant_firm(request: HttpRequest, claim: Claim) -> HttpResponse:
    """The defendant's registered legal representative, searched by name or SRA number (GET ?q=), then chosen."""
    current = _representation(claim)
    chosen = current.get("defendant_firm") if isinstance(current.get("defendant_firm"), dict) else {}
    search = FirmSearchForm(request.GET if "q" in request.GET else None,
                            initial={"q": chosen.get("name", "")})
    query = search.cleaned_data["q"] if search.is_bound and search.is_valid() else ""
    if request.method == "POST":
        query = request.POST.get("q", "")
    results = firms_matching(query, exclude_id=claim.claimant_firm_id)
    if chosen.get("id") and not any(firm.pk == chosen["id"] for firm in results):
        kept = Firm.objects.filter(pk=chosen["id"], state=FirmState.APPROVED).first()
        if kept is not None:
            results.insert(0, kept)
    choices = [(str(firm.pk), _firm_label(firm)) for firm in results]
    form = FirmChoiceForm(request.POST if request.method == "POST" else None, firms=choices,
                          initial={"firm": str(chosen.get("id", "")),
                                   "defendant_reference": current.get("defendant_reference", "")})
    if request.method == "POST" and form.is_valid():
        firm = next(f for f in results if str(f.pk) == form.cleaned_data["firm"])
        snapshot = services.firm_snapshot(firm)
        if failed := _save_representation(request, claim, defendant="registered", defendant_firm=snapshot,
                                          defendant_reference=form.cleaned_data["defendant_reference"] or ""):
            return failed
        return _done(request, claim)
    return _page(request, "represented/defendant_firm.html", claim, {
        "search": search, "form": form, "query": query, "results": results, "searched": bool(query),
        "errors": error_items(search if search.is_bound and not search.is_valid() else form),
        "back_url": _back(request, claim, "drafting:defendant_representation"),
    })


@_represented_page
def defendant_rep(request: HttpRequest, claim: Claim) -> HttpResponse:
    """2.1(7): the defendant's legal representative is not registered: their firm's name and address."""
    current = _representation(claim)
    saved = current.get("defendant_rep") if isinstance(current.get("defendant_rep"), dict) else {}
    form = DefendantRepForm(request.POST if request.method == "POST" else None,
                            initial={key: saved.get(key, "") for key in DefendantRepForm.base_fields})
    if request.method == "POST" and form.is_valid():
        rep = {"name": form.cleaned_data["name"], **form.address()}
        if failed := _save_representation(request, claim, defendant="unregistered", defendant_rep=rep):
            return failed
        return _done(request, claim)
    return _page(request, "represented/defendant_rep.html", claim,
                 {"form": form, "errors": error_items(form),
                  "back_url": _back(request, claim, "drafting:defendant_representation")})


@_represented_page
def additional_party(request: HttpRequest, claim: Claim) -> HttpResponse:
    """2.1(3)(f)(ii): both sides represented: a second claimant or a second defendant, never both."""
    if ocon1.representation_answer(claim.draft_data) not in {"registered", "unregistered"}:
        return redirect(_url("drafting:task_list", claim))
    current = _representation(claim)
    form = AdditionalPartyForm(request.POST if request.method == "POST" else None,
                               initial={"additional_party": current.get("additional_party")})
    if request.method == "POST" and form.is_valid():
        choice = form.cleaned_data["additional_party"]
        if failed := _save_representation(request, claim, additional_party=choice):
            return failed
        if choice != "none":
            return redirect(_url(f"drafting:{choice}2_type", claim, returning=_returning(request)))
        return _done(request, claim)
    return _page(request, "represented/additional_party.html", claim,
                 {"form": form, "errors": error_items(form), "back_url": _back(request, claim)})


@_represented_page
def claimant2_type(request: HttpRequest, claim: Claim) -> HttpResponse:
    return _party_type(request, claim, "claimant2")


@_represented_page
def claimant2_details(request: HttpRequest, claim: Claim) -> HttpResponse:
    return _party_details(request, claim, "claimant2")


@_represented_page
def defendant2_type(request: HttpRequest, claim: Claim) -> HttpResponse:
    return _party_type(request, claim, "defendant2")


@_represented_page
def defendant2_details(request: HttpRequest, claim: Claim) -> HttpResponse:
    return _party_details(request, claim, "defendant2")
