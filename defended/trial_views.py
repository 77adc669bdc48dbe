"""The trial readiness certificate page of a fast track claim online (PD 51R 6C.3(3)): each side's solicitor files
their client's certificate, once, within 2 weeks of the court's notice; both sides' firms read the certificates
filed. The questions are those of CPR PD 28 form N170 that 6C.3(3) calls for: ready for trial, the directions
complied with, the witnesses and experts, the length of the trial, dates to avoid, and any change to the hearing
requirements given in the directions questionnaire.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Any
from uuid import UUID

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from claims.errors import ClaimError, NotAllowed
from claims.policy import Action, allowed_actions, require
from claims.representation import firm_side
from claims.selectors import get_claim_for_user
from ocmc.govuk_forms import GovukForm, error_items

from . import services
from .models import TrialReadinessNotice

YES_NO = [("yes", "Yes"), ("no", "No")]
TEXT_MAX = 2000


def _radios(label: str, required: str, reveal: dict[str, tuple[str, ...]] | None = None) -> forms.ChoiceField:
    field = forms.ChoiceField(label=label, choices=YES_NO, widget=forms.RadioSelect,
                              error_messages={"required": required, "invalid_choice": required})
    field.reveal_fields = reveal or {}  # type: ignore[attr-defined]
    return field


def _text(label: str, *, required: str = "", help_text: str = "") -> forms.CharField:
    return forms.CharField(label=label, required=bool(required), max_length=TEXT_MAX, widget=forms.Textarea,
                           help_text=help_text,
                           error_messages={"required": required,
                                           "max_length": f"{label} must be {TEXT_MAX} characters or fewer"})


class TrialReadinessForm(GovukForm):
    ready = _radios("Is your client ready for trial?", "Select yes if your client is ready for trial",
                    {"no": ("not_ready_reason",)})
    not_ready_reason = _text("Why is your client not ready, and what needs to happen first?",
                             required="Say why your client is not ready for trial")
    directions_complied = _radios("Has your client complied with every direction the court has given?",
                                  "Select yes if your client has complied with every direction",
                                  {"no": ("directions_outstanding",)})
    directions_outstanding = _text("Which directions are outstanding, and when will they be complied with?",
                                   required="Say which directions have not been complied with, and when they will be")
    witnesses = forms.IntegerField(
        label="How many witnesses of fact will give evidence for your client, including your client?", min_value=0,
        max_value=99, widget=forms.TextInput(attrs={"inputmode": "numeric", "class": "govuk-input--width-3"}),
        error_messages={"required": "Enter how many witnesses will give evidence",
                        "invalid": "Enter the number of witnesses as a whole number, like 2",
                        "min_value": "The number of witnesses cannot be less than 0",
                        "max_value": "The number of witnesses must be 99 or fewer"})
    witness_details = _text("Witnesses' names, and any dates they cannot attend (optional)")
    experts = _radios("Will your client rely on expert evidence at the trial?",
                      "Select yes if your client will rely on expert evidence", {"yes": ("expert_details",)})
    expert_details = _text("Each expert's name and field, and whether they will give evidence in person",
                           required="Give the name and field of each expert")
    trial_hours = forms.DecimalField(
        label="How long do you estimate the trial will take, in hours?", min_value=Decimal("0.5"),
        max_value=Decimal(40), decimal_places=1,
        help_text="A fast track trial normally lasts no more than one day (5 hours). For example, 3.5",
        widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "govuk-input--width-3"}),
        error_messages={"required": "Enter the estimated length of the trial in hours",
                        "invalid": "Enter the estimated length of the trial as a number of hours, like 3.5",
                        "min_value": "The estimated length must be at least half an hour",
                        "max_value": "The estimated length must be 40 hours or fewer",
                        "max_decimal_places": "Enter the hours to one decimal place, like 3.5"})
    dates_to_avoid = _text("Dates your client, their witnesses or experts cannot attend (optional)")
    hearing_requirements = _text(
        "Changes to the hearing requirements given in the directions questionnaire (optional)",
        help_text="For example an interpreter, adjustments for a disability, or another change (PD 51R 6C.3(3)).")
    signed_name = forms.CharField(label="Your full name", max_length=200,
                                  error_messages={"required": "Enter your full name"})

    def answers(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "ready": data["ready"] == "yes", "not_ready_reason": data.get("not_ready_reason") or "",
            "directions_complied": data["directions_complied"] == "yes",
            "directions_outstanding": data.get("directions_outstanding") or "",
            "witnesses": data["witnesses"], "witness_details": data.get("witness_details") or "",
            "experts": data["experts"] == "yes", "expert_details": data.get("expert_details") or "",
            "trial_hours": data["trial_hours"], "dates_to_avoid": data.get("dates_to_avoid") or "",
            "hearing_requirements": data.get("hearing_requirements") or "",
        }


@login_required
@require_http_methods(["GET", "POST"])
def trial_readiness(request: HttpRequest, public_id: UUID) -> HttpResponse:
    """Both sides' firms read the certificates; a solicitor whose side has not filed yet files it here."""
    claim = get_claim_for_user(request.user, public_id)
    actions = allowed_actions(request.user, claim)
    side = firm_side(request.user, claim)
    notice = TrialReadinessNotice.objects.filter(claim=claim).first()
    if notice is None or side is None or Action.READ_TRIAL_BUNDLE not in actions:
        raise Http404("No trial readiness certificate on this claim")
    may_file = Action.FILE_TRIAL_READINESS in actions
    form = TrialReadinessForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        # A second press, or the time has passed: NotAllowed, and the claim's page says where things stand.
        require(request.user, claim, Action.FILE_TRIAL_READINESS)
        if form.is_valid():
            try:
                services.trial_readiness_file(claim_id=claim.pk, actor=request.user,
                                              signed_name=form.cleaned_data["signed_name"], answers=form.answers())
            except NotAllowed:
                raise  # the claim moved on: StaleStepMiddleware
            except ClaimError as exc:
                form.add_error(None, str(exc))
            else:
                return redirect("defended:trial_readiness", public_id=claim.public_id)
    return render(request, "defended/trial_readiness.html", {
        "claim": claim, "notice": notice, "side": side[0], "may_file": may_file, "form": form,
        "errors": error_items(form) if may_file else [],
        "certificates": list(notice.certificates.all()),
    }, status=400 if form.errors else 200)
