"""Court staff record a debt-respite breathing space on a claim, or its end, from the claim's admin page (a
provider for ``claims.admin_steps``; ``claims.admin`` imports this module so it is registered)."""
from __future__ import annotations

from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from . import admin_steps
from . import breathing_space as services
from .models import BreathingSpaceKind, BreathingSpaceState, Claim
from .policy import Action, can

_DATE = {"widget": forms.DateInput(attrs={"type": "date"})}


class StaffBreathingSpaceForm(forms.Form):
    kind = forms.ChoiceField(label="Type", choices=BreathingSpaceKind.choices, widget=forms.RadioSelect)
    starts_on = forms.DateField(label="Start date", **_DATE)
    ends_on = forms.DateField(label="End date (empty for a mental health crisis breathing space whose end is not "
                                    "known yet)", required=False, **_DATE)


class StaffBreathingSpaceEndForm(forms.Form):
    ends_on = forms.DateField(label="Last day of the breathing space (a day already past ends it now)", **_DATE)


@admin_steps.register
class BreathingSpaceSteps(admin_steps.ClaimSteps):
    order = 5

    def steps(self, request: HttpRequest, claim: Claim) -> list[tuple[str, str]]:
        url = reverse("admin:claims_claim_breathing_space", args=[claim.pk])
        if can(request.user, claim, Action.END_BREATHING_SPACE):
            return [("Record the end of the breathing space", url)]
        if can(request.user, claim, Action.RECORD_BREATHING_SPACE):
            return [("Record a breathing space", url)]
        return []

    def urls(self) -> list[Any]:
        return self.pages([("breathing-space", self.breathing_space_view, "breathing_space")])

    def breathing_space_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        claim = Claim.objects.filter(pk=pk).first()
        ending = claim is not None and can(request.user, claim, Action.END_BREATHING_SPACE)

        def run(claim: Claim, data: dict[str, Any]) -> str:
            if ending:
                services.breathing_space_end_record(claim_id=claim.pk, actor=request.user, ends_on=data["ends_on"])
                return "The end of the breathing space is recorded."
            services.breathing_space_record(claim_id=claim.pk, actor=request.user, kind=data["kind"],
                                            starts_on=data["starts_on"], ends_on=data.get("ends_on"))
            return "The breathing space is recorded: judgment is barred while it is in force."

        def intro(claim: Claim) -> list[str]:
            current = claim.breathing_spaces.filter(state=BreathingSpaceState.IN_FORCE).first()
            lines = ["While a debt respite breathing space is in force, judgment in default and the other steps "
                     "that enforce the claim are refused online (PD 51R 11.1(2A), 11.1B(8)(b)). The parties are "
                     "told."]
            if current is not None:
                lines.append(f"Recorded now: {current}" + (f", to {current.ends_on:%-d %B %Y}" if current.ends_on
                                                           else ", end not known yet") + ".")
            return lines

        form_class = StaffBreathingSpaceEndForm if ending else StaffBreathingSpaceForm
        return self.step_page(
            request, pk, action=Action.END_BREATHING_SPACE if ending else Action.RECORD_BREATHING_SPACE,
            title="Record the end of the breathing space" if ending else "Record a breathing space",
            make_form=lambda post, files, claim: form_class(post), run=run, intro=intro,
            submit="Record the end" if ending else "Record the breathing space")
