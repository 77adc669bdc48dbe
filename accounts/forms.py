"""django-allauth's forms with GOV.UK wording (labels, hints and error messages).

Wired in through ``ACCOUNT_FORMS`` (settings). The pages render them with the element
templates in ``templates/allauth/elements`` (``fields`` then ``field`` for each field).
"""
from __future__ import annotations

from typing import Any

from allauth.account import forms as allauth_forms
from django import forms
from django.conf import settings

EMAIL_REQUIRED = "Enter your email address"
EMAIL_INVALID = "Enter an email address in the correct format, like name@example.com"


def _min_password_length() -> int:
    for validator in settings.AUTH_PASSWORD_VALIDATORS:
        if validator["NAME"].endswith("MinimumLengthValidator"):
            return int(validator.get("OPTIONS", {}).get("min_length", 8))
    return 8


def new_password_hint() -> str:
    return (
        f"Your password must be at least {_min_password_length()} characters long. "
        "Do not use a password that is easy to guess or only numbers."
    )


def _email(field: forms.Field, label: str = "Email address", hint: str = "") -> None:
    field.label = label
    field.help_text = hint
    field.error_messages.update({"required": EMAIL_REQUIRED, "invalid": EMAIL_INVALID})
    field.widget.attrs.pop("placeholder", None)
    field.widget.attrs.update({"autocomplete": "email", "spellcheck": "false"})


def _password(field: forms.Field, label: str, required: str, hint: str = "") -> None:
    field.label = label
    field.help_text = hint
    field.error_messages["required"] = required
    field.widget.attrs.pop("placeholder", None)


class LoginForm(allauth_forms.LoginForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _email(self.fields["login"])
        # "Forgotten your password?" is a link under the form, not a hint inside it.
        _password(self.fields["password"], "Password", "Enter your password")
        self.fields["password"].widget.attrs["autocomplete"] = "current-password"


class SignupForm(allauth_forms.SignupForm):
    field_order = ["full_name", "email", "password1", "password2"]

    full_name = forms.CharField(
        label="Full name",
        max_length=255,
        error_messages={
            "required": "Enter your full name",
            "max_length": "Full name must be 255 characters or fewer",
        },
        widget=forms.TextInput(attrs={"autocomplete": "name", "spellcheck": "false"}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _email(self.fields["email"], hint="We will send you a link to confirm it.")
        _password(self.fields["password1"], "Create a password", "Enter a password", new_password_hint())
        _password(self.fields["password2"], "Confirm your password", "Enter your password again")

    def clean_full_name(self) -> str:
        name = " ".join(self.cleaned_data["full_name"].split())
        if not name:
            raise forms.ValidationError("Enter your full name", code="required")
        return name


class ResetPasswordForm(allauth_forms.ResetPasswordForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _email(self.fields["email"])


class ResetPasswordKeyForm(allauth_forms.ResetPasswordKeyForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _password(self.fields["password1"], "New password", "Enter a new password", new_password_hint())
        _password(self.fields["password2"], "Confirm your new password", "Enter your new password again")


class ChangePasswordForm(allauth_forms.ChangePasswordForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _password(self.fields["oldpassword"], "Current password", "Enter your current password")
        _password(self.fields["password1"], "New password", "Enter a new password", new_password_hint())
        _password(self.fields["password2"], "Confirm your new password", "Enter your new password again")


class SetPasswordForm(allauth_forms.SetPasswordForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _password(self.fields["password1"], "Create a password", "Enter a password", new_password_hint())
        _password(self.fields["password2"], "Confirm your password", "Enter your password again")
