from __future__ import annotations

import uuid
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from accounts.roles import acting_membership
from documents.models import ClaimDocument, DocumentKind, DocumentStatus
from ocmc import clock

from . import services, status
from .constants import ClaimState, PartyRole
from .errors import ClaimError, NotAllowed
from .forms import HelpWithFeesForm
from .models import Claim
from .policy import Action, allowed_actions, can, require
from .representation import acts_for_defendant
from .selectors import claims_against_user, claims_for_user, get_claim_for_user

#: Which documents each kind of reader may download (the defendant's pack holds the
#: security code, so it goes to the court only, which posts it).
DOCUMENT_ACCESS = {
    DocumentKind.SEALED_CLAIM: (Action.CLAIMANT_DOCUMENTS, Action.DEFENDANT_DOCUMENTS),
    DocumentKind.ISSUE_RECEIPT: (Action.CLAIMANT_DOCUMENTS,),
    DocumentKind.DEFENDANT_PACK: (Action.COURT_DOCUMENTS,),
    DocumentKind.RESPONSE: (Action.READ_RESPONSE,),
    DocumentKind.JUDGMENT: (Action.READ_JUDGMENT,),
    DocumentKind.SETTLEMENT_AGREEMENT: (Action.READ_JUDGMENT,),
    DocumentKind.CERTIFICATE_OF_SATISFACTION: (Action.READ_JUDGMENT,),
    DocumentKind.DIRECTIONS_ORDER: (Action.READ_RESPONSE,),
    DocumentKind.CLAIMANT_DQ: (Action.READ_RESPONSE,),
    DocumentKind.PAPER_PACK: (Action.COURT_DOCUMENTS,),
    DocumentKind.TRIAL_BUNDLE: (Action.READ_TRIAL_BUNDLE,),
}


def may_download(user: object, claim: Claim, kind: DocumentKind) -> bool:
    return bool(set(DOCUMENT_ACCESS[kind]) & allowed_actions(user, claim))


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    """The home of a signed-in person: their own claims and those against them. An active member of an approved
    firm works from the firm's dashboard instead (named by URL, as casework sits above claims)."""
    if acting_membership(request.user) is not None:
        return redirect("casework:dashboard")
    rows = [(claim, status.for_claimant(claim)) for claim in claims_for_user(request.user)]
    against = [(claim, status.for_defendant(claim)) for claim in claims_against_user(request.user)]
    return render(request, "claims/dashboard.html", {"rows": rows, "against": against, "now": clock.now()})


def visible_documents(user: object, claim: Claim) -> list[ClaimDocument]:
    return [doc for doc in claim.documents.all() if may_download(user, claim, DocumentKind(doc.kind))]


@login_required
def claim_detail(request: HttpRequest, public_id: UUID) -> HttpResponse:
    claim = get_claim_for_user(request.user, public_id)
    if claim.defendant_user_id == request.user.pk:
        return redirect("responses:claim", public_id=claim.public_id)
    form = None
    if claim.submitted_data:
        form = claim.form
    # The defendant's legal representative reads the claim from the defendant's side.
    reader = PartyRole.DEFENDANT.value if acts_for_defendant(request.user, claim) else "claimant"
    actions = {str(action) for action in allowed_actions(request.user, claim)}
    # A response in Welsh is not given to the claimant before its translation (6B.1(2)): READ_RESPONSE says when.
    readable = claim.issue_date is not None and Action.READ_RESPONSE in actions
    return render(
        request,
        "claims/detail.html",
        {
            "claim": claim,
            "form": form,
            "reader": reader,
            "status": status.for_defendant(claim) if reader == PartyRole.DEFENDANT else status.for_claimant(claim),
            "actions": actions,
            "events": claim.events.all(),
            "documents": visible_documents(request.user, claim),
            "response": getattr(claim, "response", None) if readable else None,
            "judgment": getattr(claim, "judgment", None) if claim.issue_date else None,
        },
    )


@login_required
def document_download(request: HttpRequest, public_id: UUID, kind: str) -> HttpResponse:
    """A document of the claim, to a reader entitled to it; anyone else gets 404."""
    claim = get_claim_for_user(request.user, public_id)
    try:
        kind = DocumentKind(kind)
    except ValueError:
        raise Http404("No such document") from None
    if not may_download(request.user, claim, kind):
        raise Http404("No such document")
    document = claim.documents.filter(kind=kind, status=DocumentStatus.READY).first()
    if document is None:
        raise Http404("This document is not ready yet")
    response = HttpResponse(bytes(document.content), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{document.filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


def render_fee_page(
    request: HttpRequest, claim: Claim, *, idempotency_key: uuid.UUID | None = None, error: str = "",
    status: int = 200,
) -> HttpResponse:
    """The fee to pay and how: card, or (if allowed) Help with Fees. Each render gets a new
    idempotency key, kept across an error so that "try again" is the same attempt."""
    return render(
        request,
        "claims/fee.html",
        {
            "claim": claim,
            "idempotency_key": idempotency_key or uuid.uuid4(),
            "error": error,
            "actions": {str(action) for action in allowed_actions(request.user, claim)},
        },
        status=status,
    )


@login_required
def fee(request: HttpRequest, public_id: UUID) -> HttpResponse:
    claim = get_claim_for_user(request.user, public_id)
    if claim.state == ClaimState.DRAFT:
        return redirect("drafting:check", public_id=claim.public_id)
    if not can(request.user, claim, Action.PAY_FEE) and claim.state != ClaimState.AWAITING_HWF_DECISION:
        return redirect("claims:detail", public_id=claim.public_id)
    if claim.claimant_firm_id is not None:
        return redirect("payments:fee_account", public_id=claim.public_id)  # a firm pays from its fee account
    return render_fee_page(request, claim)


@login_required
@require_http_methods(["GET", "POST"])
def help_with_fees(request: HttpRequest, public_id: UUID) -> HttpResponse:
    claim = get_claim_for_user(request.user, public_id)
    require(request.user, claim, Action.APPLY_HWF)  # else the claim's page says what happened
    form = HelpWithFeesForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.claim_hwf_apply(claim_id=claim.pk, actor=request.user, reference=form.cleaned_data["reference"])
        except NotAllowed:
            raise  # the claim moved on: StaleStepMiddleware
        except ClaimError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "Your Help with Fees reference has been sent to the court.")
            return redirect("claims:detail", public_id=claim.public_id)
    return render(request, "claims/help_with_fees.html", {"claim": claim, "form": form})


@login_required
@require_POST
def return_to_draft(request: HttpRequest, public_id: UUID) -> HttpResponse:
    claim = get_claim_for_user(request.user, public_id)
    try:
        services.claim_return_to_draft(claim_id=claim.pk, actor=request.user)
    except NotAllowed:
        raise  # the claim moved on: StaleStepMiddleware
    except ClaimError as exc:
        return render_fee_page(request, claim, error=str(exc), status=409)
    return redirect("drafting:task_list", public_id=claim.public_id)


@login_required
@require_http_methods(["GET", "POST"])
def draft_delete(request: HttpRequest, public_id: UUID) -> HttpResponse:
    claim = get_claim_for_user(request.user, public_id)
    if request.method == "POST":
        try:
            services.claim_draft_delete(claim_id=claim.pk, actor=request.user)
        except NotAllowed:
            raise  # the claim moved on: StaleStepMiddleware
        except ClaimError as exc:
            messages.error(request, str(exc))
            return redirect("claims:detail", public_id=claim.public_id)
        messages.success(request, "Your draft claim has been deleted.")
        return redirect("claims:dashboard")
    if Action.DELETE_DRAFT not in allowed_actions(request.user, claim):
        return redirect("claims:detail", public_id=claim.public_id)
    return render(request, "claims/draft_delete.html", {"claim": claim})
