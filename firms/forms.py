"""The firm pages' forms (GOV.UK components, ``ocmc.govuk_forms``)."""
from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from claims.numbers import normalise_claim_number
from ocmc.govuk_forms import EMAIL_ERROR, GovukForm, text

from .postcodes import england_and_wales_postcode
from .services import Roles, sra_number_taken

ROLE_CHOICES = [
    ("admin", "Firm administrator"),
    ("solicitor", "Solicitor"),
    ("sees_all", "Sees all the firm's cases"),
]
ROLE_HINTS = {
    "admin": "Manages the firm's users and fee accounts, and allocates its cases",
    "solicitor": "Makes and manages claims for the firm's clients",
    "sees_all": "Sees every case of the firm, not only the cases assigned or shared to them",
}


def _email_field(label: str, required: str, help_text: str = "") -> forms.CharField:
    return text(label, required=required, max_length=254, too_long=EMAIL_ERROR, help_text=help_text,
                attrs={"autocomplete": "email", "spellcheck": "false", "type": "email"})


def _clean_email(value: str) -> str:
    value = (value or "").strip()
    try:
        validate_email(value)
    except ValidationError as exc:
        raise ValidationError(EMAIL_ERROR) from exc
    return value.lower()


class RegisterFirmForm(GovukForm):
    name = text("Firm name", required="Enter the firm's name", max_length=200,
                attrs={"autocomplete": "organization"})
    sra_number = text("SRA number", required="Enter the firm's SRA number", max_length=20,
                      help_text="The firm's Solicitors Regulation Authority number, for example 612345",
                      attrs={"class": "govuk-input--width-10", "spellcheck": "false"})
    address_line_1 = text("Address line 1", required="Enter the first line of the firm's address", max_length=200,
                          attrs={"autocomplete": "address-line1"})
    address_line_2 = text("Address line 2 (optional)", max_length=200, attrs={"autocomplete": "address-line2"})
    town = text("Town or city", required="Enter the town or city", max_length=100,
                attrs={"autocomplete": "address-level2", "class": "govuk-!-width-two-thirds"})
    postcode = text("Postcode", required="Enter the postcode", max_length=10,
                    help_text="The address for service must be in England or Wales",
                    attrs={"autocomplete": "postal-code", "class": "govuk-input--width-10"})
    dx = text("DX address (optional)", max_length=60, help_text="For example, DX 12345 Leeds",
              attrs={"spellcheck": "false"})
    service_email = _email_field(
        "Email address for service", "Enter the firm's email address for service",
        help_text="Documents are served on the firm at this address, and emails about cases not yet allocated "
                  "to a solicitor go to it",
    )

    def clean_sra_number(self) -> str:
        value = self.cleaned_data["sra_number"].strip().upper()
        if sra_number_taken(value):
            raise ValidationError("A firm with this SRA number is already registered")
        return value

    def clean_postcode(self) -> str:
        try:
            return england_and_wales_postcode(self.cleaned_data["postcode"])
        except ValueError as exc:
            raise ValidationError(str(exc)) from exc

    def clean_service_email(self) -> str:
        return _clean_email(self.cleaned_data["service_email"])


class RolesField(forms.MultipleChoiceField):
    widget = forms.CheckboxSelectMultiple
    choice_hints = ROLE_HINTS

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("label", "Roles")
        kwargs.setdefault("help_text", "Select all that apply")
        super().__init__(choices=ROLE_CHOICES, required=False, **kwargs)


def roles_from(values: list[str]) -> Roles:
    chosen = set(values or [])
    return Roles(admin="admin" in chosen, solicitor="solicitor" in chosen, sees_all="sees_all" in chosen)


def roles_initial(roles: Roles) -> list[str]:
    return [name for name, on in (("admin", roles.admin), ("solicitor", roles.solicitor),
                                  ("sees_all", roles.sees_all)) if on]


class _RolesForm(GovukForm):
    def clean_roles(self) -> Roles:
        roles = roles_from(self.cleaned_data.get("roles") or [])
        if not (roles.admin or roles.solicitor):
            raise ValidationError("Select firm administrator, solicitor or both")
        return roles


class InviteForm(_RolesForm):
    email = _email_field("Email address", "Enter the email address of the person to invite",
                         help_text="We will email them a link to join the firm")
    roles = RolesField()

    def clean_email(self) -> str:
        return _clean_email(self.cleaned_data["email"])


class RolesForm(_RolesForm):
    roles = RolesField()


class ConfirmForm(GovukForm):
    """A confirmation page's form: nothing to fill in."""


class NoticeOfChangeForm(GovukForm):
    """A notice of change (PD 51R 21): the claim number, and the client's name as it is on the claim."""

    claim_number = text("Claim number", required="Enter the claim number", max_length=20,
                        help_text="For example, 000MC001",
                        attrs={"class": "govuk-input--width-10", "spellcheck": "false", "autocomplete": "off"})
    client_name = text("Your client's name", required="Enter your client's name as it is on the claim",
                       max_length=300,
                       help_text="Exactly as it is on the claim: for a company, its full name. Capital letters, "
                                 "spaces, hyphens and apostrophes do not matter",
                       attrs={"spellcheck": "false", "autocomplete": "off"})
    reference = text("Your reference (optional)", max_length=25,
                     help_text="Your firm's own reference for the case, up to 25 characters",
                     attrs={"class": "govuk-input--width-20", "spellcheck": "false"})

    def clean_claim_number(self) -> str:
        number = normalise_claim_number(self.cleaned_data["claim_number"])
        if not number:
            raise ValidationError("Enter the claim number as it is on the claim, like 000MC001")
        return number
