from __future__ import annotations

import re

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Field, Fluid, Layout, Size
from django import forms

from .fake import luhn_ok
from .fee_accounts import is_pba_number, normalise_pba


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


class FeeAccountForm(forms.Form):
    """The firm's administrator records a fee account."""

    pba_number = forms.CharField(
        label="PBA number", help_text="The letters PBA and 7 numbers, for example PBA0012345", max_length=20,
        error_messages={"required": "Enter the PBA number"},
        widget=forms.TextInput(attrs={"spellcheck": "false", "autocomplete": "off"}),
    )
    name = forms.CharField(
        label="Name for the account (optional)", help_text="What your firm calls it, for example Litigation",
        max_length=100, required=False,
    )

    def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            Field.text("pba_number", field_width=10),
            Field.text("name", field_width=Fluid.TWO_THIRDS),
            Button("record", "Record the fee account"),
        )

    def clean_pba_number(self) -> str:
        value = normalise_pba(self.cleaned_data["pba_number"])
        if not is_pba_number(value):
            raise forms.ValidationError("Enter a PBA number in the correct format, like PBA0012345")
        return value


class FeeAccountChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):  # type: ignore[no-untyped-def]
        return f"{obj.pba_number} ({obj.name})" if obj.name else obj.pba_number


class PayByAccountForm(forms.Form):
    """Which of the firm's approved fee accounts pays the fee."""

    fee_account = FeeAccountChoiceField(
        label="Which fee account should the fee be paid from?", queryset=None, empty_label=None,
        widget=forms.RadioSelect, error_messages={"required": "Choose the fee account to pay from",
                                                  "invalid_choice": "Choose one of your firm's approved fee accounts"},
    )

    def __init__(self, *args, accounts, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.fields["fee_account"].queryset = accounts
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(Field.radios("fee_account", legend_size=Size.MEDIUM))
