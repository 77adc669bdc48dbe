"""The form of "Check your answers": the statement of truth the claimant signs (PD 51R 13.1)."""
from __future__ import annotations

from django import forms

from ocmc.govuk_forms import GovukForm, text


class StatementOfTruthForm(GovukForm):
    believe = forms.BooleanField(
        label="I believe that the facts stated in this claim form are true",
        error_messages={"required": "Confirm that you believe the facts stated in this claim form are true"},
    )
    signed_name = text(
        "Full name", required="Enter your full name to sign the statement of truth", max_length=100,
        attrs={"autocomplete": "name", "spellcheck": "false"},
    )
