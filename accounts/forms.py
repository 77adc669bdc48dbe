from __future__ import annotations

from typing import Any

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Field, Fluid, Layout
from django.contrib.auth.forms import AuthenticationForm


class SignInForm(AuthenticationForm):
    error_messages = {
        "invalid_login": "Enter a correct email address and password. Both may be case sensitive.",
        "inactive": "This account is inactive.",
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].label = "Email address"
        self.fields["username"].error_messages["required"] = "Enter your email address"
        self.fields["password"].error_messages["required"] = "Enter your password"
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Field.text("username", field_width=Fluid.TWO_THIRDS),
            Field.text("password", field_width=Fluid.TWO_THIRDS),
            Button("submit", "Sign in"),
        )
