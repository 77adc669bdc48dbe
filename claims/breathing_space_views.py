"""The claimant's solicitor records a debt-respite breathing space on the claim, or its end (PD 51R 11.1(2A),
11.1B(8)(b)). The forms are shared with the court staff's step on the claim's admin page."""
from __future__ import annotations

from typing import Any
from uuid import UUID

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from ocmc.govuk_forms import GovukDateField, GovukForm, error_items

from . import breathing_space as services
from .errors import ClaimError, NotAllowed
from .models import BreathingSpaceKind, BreathingSpaceState
from .policy import Action, can
from .selectors import get_claim_for_user


class BreathingSpaceForm(GovukForm):
    kind = forms.ChoiceField(
        label="What type of breathing space is it?", widget=forms.RadioSelect, choices=BreathingSpaceKind.choices,
        error_messages={"required": "Choose the type of breathing space",
                        "invalid_choice": "Choose the type of breathing space"})
    starts_on = GovukDateField(label="The date it started", noun="The start date",
                               required_message="Enter the date the breathing space started",
                               help_text="For example, 27 3 2027")
    ends_on = GovukDateField(label="The date it ends (if known)", noun="The end date", required=False,
                             required_message="Enter the date the breathing space ends",
                             help_text="A standard breathing space usually ends 60 days after it starts. Leave this "
                                       "empty for a mental health crisis breathing space whose end is not known yet.")
    summary_field = "kind"


class BreathingSpaceEndForm(GovukForm):
    ends_on = GovukDateField(label="The last day of the breathing space", noun="The end date",
                             required_message="Enter the last day of the breathing space",
                             help_text="If that day has passed, the breathing space ends now. For example, 27 3 2027")
    summary_field = "ends_on"


def run(form: GovukForm, claim: Any, actor: Any) -> None:
    """Record what the form gives (a breathing space, or the end of the one in force)."""
    data = form.cleaned_data
    if isinstance(form, BreathingSpaceEndForm):
        services.breathing_space_end_record(claim_id=claim.pk, actor=actor, ends_on=data["ends_on"])
    else:
        services.breathing_space_record(claim_id=claim.pk, actor=actor, kind=data["kind"],
                                        starts_on=data["starts_on"], ends_on=data.get("ends_on"))


@login_required
@require_http_methods(["GET", "POST"])
def breathing_space(request: HttpRequest, public_id: UUID) -> HttpResponse:
    claim = get_claim_for_user(request.user, public_id)
    ending = can(request.user, claim, Action.END_BREATHING_SPACE)
    if not ending and not can(request.user, claim, Action.RECORD_BREATHING_SPACE):
        return redirect("claims:detail", public_id=claim.public_id)
    form_class = BreathingSpaceEndForm if ending else BreathingSpaceForm
    form = form_class(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            run(form, claim, request.user)
        except NotAllowed:
            raise  # the claim moved on: StaleStepMiddleware
        except ClaimError as exc:
            form.add_error(None, str(exc))
        else:
            return redirect("claims:detail", public_id=claim.public_id)
    current = claim.breathing_spaces.filter(state=BreathingSpaceState.IN_FORCE).first()
    return render(request, "claims/breathing_space.html", {
        "claim": claim, "form": form, "ending": ending, "current": current, "errors": error_items(form),
    }, status=400 if form.errors else 200)
