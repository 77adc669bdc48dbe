"""The forms of the parties' pages: who the claimant and the defendant are, their names and addresses.

A party is an individual, a sole trader, a company or an organisation (``claims.ocon1.PARTY_TYPES``);
each type has its own fields (``PARTY_FIELDS``), and changing type drops the others. The
claimant must be 18 or over (PD 51R 2.1(3)(g)) with an address in the UK (2.1(3)(i)(i)); the
defendant's address must be in England or Wales (2.1(3)(n)(ii)).
"""
from __future__ import annotations

import re
from datetime import date
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from claims import ocon1
from ocmc.govuk_forms import EMAIL_ERROR, PHONE_ERROR, GovukDateField, GovukForm, check_date_of_birth, text
from rules import dates_of_birth, postcodes

#: The fields of a party's details page by party type (the address, phone and email come with every type).
PARTY_FIELDS = {
    "individual": ("title", "full_name", "date_of_birth"),
    "sole_trader": ("full_name", "trading_name"),
    "company": ("name", "contact_name"),
    "organisation": ("name", "contact_name"),
}
ADDRESS_FIELDS = ("address_line1", "address_line2", "town", "postcode")
COMMON_FIELDS = (*ADDRESS_FIELDS, "phone", "email")


def party_fields(kind: str, *, claimant: bool) -> tuple[str, ...]:
    """Every key a party section of this type keeps (changing type drops the others)."""
    own = tuple(name for name in PARTY_FIELDS.get(kind, ()) if claimant or name != "date_of_birth")
    return ("type", *own, *COMMON_FIELDS)


class PartyTypeForm(GovukForm):
    type = forms.ChoiceField(choices=list(ocon1.PARTY_TYPES.items()), widget=forms.RadioSelect)

    def __init__(self, *args: Any, claimant: bool, for_client: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["type"]
        if claimant:
            field.label = "Who is making the claim?"
            field.help_text = ("If the claimant is a business run by one person, choose sole trader." if for_client
                               else "If you are claiming for a business you run on your own, choose sole trader.")
            message = "Select who is making the claim"
        else:
            field.label = "Who are you claiming against?"
            field.help_text = "If you are claiming against a business run by one person, choose sole trader."
            message = "Select who you are claiming against"
        field.error_messages["required"] = message
        field.error_messages["invalid_choice"] = message


_PHONE = re.compile(r"^\+?[\d\s()\-]+$")


class PartyDetailsForm(GovukForm):
    """The claimant's or the defendant's name, address and contact details, for one party type.

    ``today`` decides the claimant's age (PD 51R 2.1(3)(g)); the postcode must be in the UK
    for the claimant (2.1(3)(i)(i)) and in England or Wales for the defendant (2.1(3)(n)(ii)).
    """

    def __init__(self, *args: Any, kind: str, claimant: bool, today: date, for_client: bool = False,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.kind, self.claimant, self.today, self.for_client = kind, claimant, today, for_client
        #: The user's own details (a claimant in person), not a client's a legal representative gives.
        you = claimant and not for_client
        # autocomplete describes the user's own details (WCAG 1.3.5); the defendant's fields
        # must not be filled with the user's own name and address.
        auto = (lambda token: {"autocomplete": token}) if you else (lambda token: {"autocomplete": "off"})
        fields: dict[str, forms.Field] = {}
        if kind == "individual":
            fields["title"] = text(
                "Title (optional)", max_length=35, attrs={"class": "govuk-input--width-10", **auto("honorific-prefix")},
                help_text="For example, Mr, Mrs, Ms, Dr" if you else "",
            )
        if kind in {"individual", "sole_trader"}:
            fields["full_name"] = text(
                "Full name", required="Enter your full name" if you else (
                    "Enter the claimant's full name" if claimant else "Enter the defendant's full name"),
                attrs={"spellcheck": "false", **auto("name")},
            )
        if kind == "individual" and claimant:
            fields["date_of_birth"] = GovukDateField(
                label="Date of birth", noun="Date of birth",
                required_message="Enter your date of birth" if you else "Enter the claimant's date of birth",
                help_text="For example, 27 3 1985", autocomplete_prefix="bday" if you else "",
            )
        if kind == "sole_trader":
            fields["trading_name"] = text(
                "Trading name (optional)", attrs=auto("organization"),
                help_text="The name the business trades under, if it has one",
            )
        if kind == "company":
            fields["name"] = text(
                "Company name", required="Enter the company name", max_length=160, attrs=auto("organization")
            )
        if kind == "organisation":
            fields["name"] = text(
                "Organisation name", required="Enter the organisation name", max_length=160,
                attrs=auto("organization"),
            )
        if kind in {"company", "organisation"}:
            fields["contact_name"] = text(
                "Contact name (optional)", attrs={"spellcheck": "false", **auto("name")},
                help_text="The person the court should contact about the claim" if you
                else "Someone at the company or organisation who deals with this, if you know",
            )
        fields["address_line1"] = text(
            "Address line 1", required="Enter the first line of the address", attrs=auto("address-line1")
        )
        fields["address_line2"] = text("Address line 2 (optional)", attrs=auto("address-line2"))
        fields["town"] = text(
            "Town or city", required="Enter the town or city", max_length=60,
            attrs={"class": "govuk-!-width-two-thirds", **auto("address-level2")},
        )
        fields["postcode"] = text(
            "Postcode", required="Enter the postcode", max_length=10, too_long="Enter a real postcode, like SW1A 1AA",
            attrs={"class": "govuk-input--width-10", **auto("postal-code")},
        )
        fields["phone"] = text(
            "Telephone number (optional)", max_length=30, too_long=PHONE_ERROR,
            widget=forms.TextInput, attrs={"class": "govuk-input--width-20", "type": "tel", **auto("tel")},
            help_text="For international numbers include the country code",
        )
        if not claimant:
            fields["email"] = forms.CharField(
                label="Email address (optional)", required=False, max_length=254,
                error_messages={"max_length": EMAIL_ERROR},
                help_text="The court will use this to tell the defendant about the claim",
                widget=forms.TextInput(attrs={"type": "email", "spellcheck": "false", "autocomplete": "off"}),
            )
        self.fields.update(fields)

    # -- validation -------------------------------------------------------------------
    def clean_date_of_birth(self) -> date:
        return check_date_of_birth(
            self.cleaned_data["date_of_birth"], self.today, minimum_age=dates_of_birth.ADULT,
            too_young=("The claimant must be 18 or over to make a claim with this service" if self.for_client
                       else "You must be 18 or over to make a claim with this service"),
        )

    def clean_postcode(self) -> str:
        typed = self.cleaned_data["postcode"]
        if not postcodes.is_valid(typed):
            raise ValidationError("Enter a real postcode, like SW1A 1AA")
        if self.claimant and not postcodes.is_uk(typed):
            if self.for_client:
                raise ValidationError("The claimant's address must be in the UK")
            raise ValidationError(
                "Your address must be in the UK. You cannot use this service if your address is outside the UK"
            )
        if not self.claimant and not postcodes.is_england_or_wales(typed):
            raise ValidationError(
                "The defendant's address must be in England or Wales. You cannot use this service to claim "
                "against someone in Scotland, Northern Ireland or outside the UK"
            )
        return postcodes.normalise(typed)

    def clean_phone(self) -> str:
        phone = self.cleaned_data["phone"]
        digits = re.sub(r"\D", "", phone)
        if phone and (not _PHONE.match(phone) or not 10 <= len(digits) <= 15):
            raise ValidationError(PHONE_ERROR)
        return phone

    def clean_email(self) -> str:
        email = self.cleaned_data.get("email", "")
        if email:
            try:
                validate_email(email)
            except ValidationError as exc:
                raise ValidationError(EMAIL_ERROR) from exc
        return email

    def section(self, *, email: str = "") -> dict[str, str]:
        """The party's section of ``draft_data`` (only the fields of this type)."""
        data = self.cleaned_data
        section: dict[str, str] = {"type": self.kind}
        for name in party_fields(self.kind, claimant=self.claimant)[1:]:
            if name == "email" and self.claimant:
                section["email"] = email
            elif name == "date_of_birth":
                section[name] = data[name].isoformat()
            else:
                section[name] = str(data.get(name) or "")
        return section

    @staticmethod
    def initial_from(section: dict[str, Any]) -> dict[str, Any]:
        initial = {key: value for key, value in section.items() if isinstance(value, str)}
        if section.get("date_of_birth"):
            try:
                initial["date_of_birth"] = date.fromisoformat(str(section["date_of_birth"]))
            except ValueError:
                initial.pop("date_of_birth")
        return initial
