"""The forms of the particulars of claim: what happened, the timeline and the evidence (form OCON1).

What happened is one text of up to 5,000 characters; the timeline (when, and what happened)
and the list of evidence (``claims.ocon1.EVIDENCE_TYPES``) are optional add-another rows.
"""
from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from claims import ocon1
from ocmc.govuk_forms import GovukForm, RowForm, rows_formset, text

WHAT_HAPPENED_MAX = 5000


class WhatHappenedForm(GovukForm):
    what_happened = forms.CharField(
        label="What happened",
        help_text=(
            "Explain why the defendant owes you the money: what you agreed, what you provided or paid for, "
            "what went wrong and what you have done to get the money back."
        ),
        error_messages={"required": "Enter what happened"},
        widget=forms.Textarea(attrs={"rows": 12, "class": "govuk-js-character-count"}),
    )

    def clean_what_happened(self) -> str:
        # Browsers send line breaks as CR LF; the character count counts one character for each.
        text_ = self.cleaned_data["what_happened"].replace("\r\n", "\n").replace("\r", "\n")
        if len(text_) > WHAT_HAPPENED_MAX:
            raise ValidationError(f"What happened must be {WHAT_HAPPENED_MAX:,} characters or less")
        return text_


class TimelineForm(RowForm):
    date = text(
        "Date", max_length=40, help_text="For example, 3 March 2026 or March 2026",
        attrs={"class": "govuk-input--width-20"},
    )
    event = text("What happened", max_length=1000, widget=forms.Textarea, attrs={"rows": 3})

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not data.get("date") and "date" not in self.errors:
            self.add_error("date", "Enter when this happened")
        if not data.get("event") and "event" not in self.errors:
            self.add_error("event", "Enter what happened")
        return data

    def row(self) -> dict[str, str]:
        return {"date": self.cleaned_data["date"], "event": self.cleaned_data["event"]}


TimelineFormSet = rows_formset(TimelineForm)


class EvidenceForm(RowForm):
    type = forms.ChoiceField(
        label="Type of evidence", required=False,
        choices=[("", "Choose a type of evidence"), *ocon1.EVIDENCE_TYPES.items()],
        error_messages={"invalid_choice": "Choose a type of evidence from the list"},
    )
    description = text(
        "Description (optional)", max_length=1000, widget=forms.Textarea, attrs={"rows": 2},
        help_text="For example, what the document is and its date",
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not data.get("type") and "type" not in self.errors:
            self.add_error("type", "Choose a type of evidence")
        return data

    def row(self) -> dict[str, str]:
        return {"type": self.cleaned_data["type"], "description": self.cleaned_data["description"]}


EvidenceFormSet = rows_formset(EvidenceForm)
