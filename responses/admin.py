"""Court staff see each response exactly as received: read-only, never edited or deleted; and a judge records
the decision on an application to withdraw an admission from the claim's page (``AdmissionWithdrawalSteps``,
registered with ``claims.admin_steps``)."""
from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from claims import admin_steps
from claims.models import Claim
from claims.policy import Action, can
from court.admin import ReadOnly

from .models import DefendantResponse, ResponseTranslation
from .services import response_translation_provide
from .standing import response_withdrawal_decide


@admin.register(DefendantResponse)
class DefendantResponseAdmin(ReadOnly):
    list_display = ["claim", "kind", "state", "submitted_at", "received_on", "late", "mediation_willing"]
    list_filter = ["state", "kind", "late", "mediation_willing", "language"]
    search_fields = ["claim__claim_number"]
    date_hierarchy = "submitted_at"
    fields = [
        "claim", "kind", "state", "submitted_by", "submitted_at", "received_on", "late", "sot_signed_name",
        "sot_signer_role", "sot_firm", "sot_signed_on", "admitted_amount", "paid_amount", "paid_on", "payment_option",
        "pay_by", "instalment_amount", "instalment_frequency", "first_payment_on", "mediation_willing",
        "preferred_court", "language", "data",
    ]
    readonly_fields = fields


# -- a judge's step on the claim's page: the defendant's application to withdraw their admission (7.46) ------


class AdmissionWithdrawalForm(forms.Form):
    permitted = forms.ChoiceField(label="Decision", widget=forms.RadioSelect, choices=[
        ("yes", "Give the defendant permission to withdraw their admission"),
        ("no", "Refuse permission: the admission stands"),
    ])
    reasons = forms.CharField(label="Reasons", widget=forms.Textarea(attrs={"rows": 4}))


@admin_steps.register
class AdmissionWithdrawalSteps(admin_steps.ClaimSteps):
    """A judge records the decision on the defendant's application to withdraw their admission
    (``responses.services.response_withdrawal_decide``)."""

    order = 40

    def steps(self, request: HttpRequest, claim: Claim) -> list[tuple[str, str]]:
        if not can(request.user, claim, Action.DECIDE_ADMISSION_WITHDRAWAL):
            return []
        return [("Decide the application to withdraw the admission",
                 reverse("admin:claims_claim_admission_withdrawal", args=[claim.pk]))]

    def urls(self) -> list[Any]:
        return self.pages([("admission-withdrawal", self.decide_view, "admission_withdrawal")])

    def decide_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        def run(claim: Claim, data: dict[str, Any]) -> str:
            permitted = data["permitted"] == "yes"
            response_withdrawal_decide(claim_id=claim.pk, actor=request.user, permitted=permitted,
                                       reasons=data["reasons"])
            return ("The admission is withdrawn." if permitted else "Permission refused: the admission stands.") + \
                " Both parties have been told."

        def intro(claim: Claim) -> list[str]:
            return ["The defendant asked the court's permission to withdraw their admission, and the claim was sent "
                    "out of the online service (7.46(1)-(3)). Paragraph 7.2 of Practice Direction 14 sets out what the "
                    "court considers. Record the decision made on the application."]

        return self.step_page(request, pk, action=Action.DECIDE_ADMISSION_WITHDRAWAL,
                              title="Decide the application to withdraw the admission",
                              make_form=lambda post, files, claim: AdmissionWithdrawalForm(post), run=run,
                              intro=intro, submit="Record the decision")


# -- a caseworker's step on the claim's page: the English translation of a response in Welsh (6B.1) ----------


@admin.register(ResponseTranslation)
class ResponseTranslationAdmin(ReadOnly):
    list_display = ["response", "provided_at", "provided_on", "provided_by"]
    fields = ["response", "text", "provided_by", "provided_at", "provided_on"]
    readonly_fields = fields


class TranslationForm(forms.Form):
    text = forms.CharField(label="English translation of the response", widget=forms.Textarea(attrs={"rows": 12}),
                           help_text="The whole response in English, as the claimant is to be given it.")


def welsh_text(data: Any) -> list[str]:
    """Every answer the defendant wrote, as submitted (in Welsh), for the caseworker to translate."""
    if isinstance(data, str):
        return [data] if data.strip() else []
    if isinstance(data, dict):
        return [text for value in data.values() for text in welsh_text(value)]
    if isinstance(data, list):
        return [text for value in data for text in welsh_text(value)]
    return []


@admin_steps.register
class TranslationSteps(admin_steps.ClaimSteps):
    """A caseworker enters the English translation of a response in Welsh, and the court gives the response to the
    claimant with it (``responses.services.response_translation_provide``, 6B.1(2)-(3))."""

    order = 35

    def steps(self, request: HttpRequest, claim: Claim) -> list[tuple[str, str]]:
        if not can(request.user, claim, Action.PROVIDE_TRANSLATION):
            return []
        return [("Enter the English translation of the response",
                 reverse("admin:claims_claim_response_translation", args=[claim.pk]))]

    def urls(self) -> list[Any]:
        return self.pages([("response-translation", self.translation_view, "response_translation")])

    def translation_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        def run(claim: Claim, data: dict[str, Any]) -> str:
            response_translation_provide(claim_id=claim.pk, actor=request.user, text=data["text"])
            return ("The translation is provided: the claimant has been sent the response and its English "
                    "translation, and their time to answer starts today (6B.1(3)).")

        def intro(claim: Claim) -> list[str]:
            response = claim.response
            return ["The defendant responded in Welsh (PD 51R 2.1(3)(l)). The claimant is not given the response "
                    "until the court provides its English translation; their time to answer starts on the day it is "
                    "provided (6B.1(2)-(3)). The response as submitted is in the claim's documents. The defendant "
                    "wrote:", *welsh_text(response.data)]

        return self.step_page(request, pk, action=Action.PROVIDE_TRANSLATION,
                              title="Enter the English translation of the response",
                              make_form=lambda post, files, claim: TranslationForm(post), run=run,
                              intro=intro, submit="Provide the translation to the claimant")
