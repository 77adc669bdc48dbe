from __future__ import annotations

import re

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Field, Fluid, Layout
from django import forms

from .fake import luhn_ok


class CardForm(forms.Form):
    """The fake card service's card details page."""

    card_number = forms.CharField(
        label="Card number", max_length=23,
        error_messages={"required": "Enter your card number"},
        widget=forms.TextInput(attrs={"autocomplete": "cc-number", "inputmode": "numeric", "spellcheck": "false"}),
    )
    expiry = forms.CharField(
        label="Expiry date", help_text="For example, 10/29", max_length=5,
        error_messages={"required": "Enter the expiry date"},
        widget=forms.TextInput(attrs={"autocomplete": "cc-exp", "inputmode": "numeric"}),
    )
    name = forms.CharField(
        label="Name on card", max_length=100, error_messages={"required": "Enter the name on the card"},
        widget=forms.TextInput(attrs={"autocomplete": "cc-name", "spellcheck": "false"}),
    )
    security_code = forms.CharField(
        label="Card security code", help_text="The last 3 digits on the back of the card", max_length=4,
        error_messages={"required": "Enter the card security code"},
        widget=forms.TextInput(attrs={"autocomplete": "cc-csc", "inputmode": "numeric"}),
    )

    def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            Field.text("card_number", field_width=Fluid.TWO_THIRDS),
            Field.text("expiry", field_width=5),
            Field.text("name", field_width=Fluid.TWO_THIRDS),
            Field.text("security_code", field_width=4),
            Button("pay", "Continue"),
        )

    def clean_card_number(self) -> str:
        digits = re.sub(r"[\s-]", "", self.cleaned_data["card_number"])
        if not digits.isdigit() or not 12 <= len(digits) <= 19 or not luhn_ok(digits):
            raise forms.ValidationError("Enter a valid card number")
        return digits

    def clean_expiry(self) -> str:
        value = self.cleaned_data["expiry"].strip()
        if not re.fullmatch(r"(0[1-9]|1[0-2])/\d{2}", value):
            raise forms.ValidationError(
                "Enter the expiry date as 2 numbers for the month and 2 for the year, like 10/29"
            )
        return value

    def clean_security_code(self) -> str:
        value = self.cleaned_data["security_code"].strip()
        if not re.fullmatch(r"\d{3,4}", value):
            raise forms.ValidationError("Enter the 3 or 4 digit card security code")
        return value
