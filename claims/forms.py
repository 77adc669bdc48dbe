from __future__ import annotations

import re

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Field, Layout, Size
from django import forms

#: Help with Fees references look like HWF-A1B-23C.
HWF_REFERENCE = re.compile(r"^HWF-?[A-Z0-9]{3}-?[A-Z0-9]{3}$")


class HelpWithFeesForm(forms.Form):
    reference = forms.CharField(
        label="Enter your Help with Fees reference number",
        help_text="For example, HWF-A1B-23C. You get it when you apply for Help with Fees on GOV.UK.",
        max_length=20, error_messages={"required": "Enter your Help with Fees reference number"},
        widget=forms.TextInput(attrs={"spellcheck": "false", "autocomplete": "off"}),
    )

    def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            Field.text("reference", field_width=10, label_size=Size.LARGE, label_tag="h1"),
            Button("submit", "Continue"),
        )

    def clean_reference(self) -> str:
        value = re.sub(r"\s+", "", self.cleaned_data["reference"]).upper()
        if not HWF_REFERENCE.match(value):
            raise forms.ValidationError("Enter a Help with Fees reference number in the right format, like HWF-A1B-23C")
        compact = value.replace("-", "")
        return f"{compact[:3]}-{compact[3:6]}-{compact[6:]}"
