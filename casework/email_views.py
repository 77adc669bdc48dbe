"""The firm's email pages: how a firm user hears about steps on their cases, and the emails sent to the firm
about one case (services in ``casework.email_services``)."""
from __future__ import annotations

from uuid import UUID

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from accounts.models import EmailUpdates
from accounts.roles import acting_membership
from claims.representation import firm_side
from claims.selectors import get_claim_for_user
from ocmc.govuk_forms import GovukForm, error_items

from . import email_services

CHOOSE = "Select whether you want an email for every step or a daily summary"


class EmailUpdatesForm(GovukForm):
    email_updates = forms.ChoiceField(
        label="How do you want to hear about steps on your cases?", widget=forms.RadioSelect,
        choices=EmailUpdates.choices, error_messages={"required": CHOOSE, "invalid_choice": CHOOSE},
    )
    email_updates.choice_hints = {  # type: ignore[attr-defined]
        EmailUpdates.EVERY_STEP: "We email you each time something happens on a case assigned or shared to you.",
        EmailUpdates.DAILY: "One email each morning, after 7am, listing the steps since the last one.",
    }


@login_required
@require_http_methods(["GET", "POST"])
def email_updates(request: HttpRequest) -> HttpResponse:
    """A firm user chooses an email for every step or a daily summary."""
    membership = acting_membership(request.user)
    if membership is None:
        raise Http404("Not a member of a firm")
    form = EmailUpdatesForm(request.POST if request.method == "POST" else None,
                            initial={"email_updates": membership.email_updates})
    if request.method == "POST" and form.is_valid():
        chosen = email_services.email_updates_set(user=request.user, choice=form.cleaned_data["email_updates"])
        messages.success(request, f"Email updates: {chosen.get_email_updates_display().lower()}.")
        return redirect("casework:email_updates")
    return render(request, "casework/emails_updates.html",
                  {"form": form, "errors": error_items(form), "firm": membership.firm})


@login_required
@require_GET
def case_emails(request: HttpRequest, public_id: UUID) -> HttpResponse:
    """Every email sent to the firm about one of its cases, and where each stands. Only for a member of the firm
    who may see the case (404 for anyone else, the other party included)."""
    claim = get_claim_for_user(request.user, public_id)
    side = firm_side(request.user, claim)
    if side is None:
        raise Http404("No such claim")
    firm = side[1].firm
    rows = [(note, email_services.delivery_state(note)) for note in email_services.case_emails(claim, firm)]
    return render(request, "casework/emails_case.html", {"claim": claim, "firm": firm, "rows": rows})
