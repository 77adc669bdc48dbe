"""The forms of a claim made by a legal representative (PD 51R 1.1 "online claim form", 2.1(3)(d)(ii)-(iii)).

The firm's reference, the claimant's address for service (2.1(3)(i)(ii): in England and Wales,
normally the firm's), the defendant's legal representative (registered with the service, chosen
from the approved firms; or not registered, 2.1(7)), a second claimant or defendant where both
sides are represented (2.1(3)(f)(ii)), and the statement of truth a legal representative signs
(13.1(1), (3), (5)).
"""
from __future__ import annotations

from typing import Any

from django import forms

from claims import ocon1
from ocmc.govuk_forms import GovukForm, text
from rules import postcodes


class ReferenceForm(GovukForm):
    claimant_reference = text(
        "Your reference", required="Enter your reference for this claim", max_length=ocon1.REFERENCE_MAX,
        too_long=f"Your reference must be {ocon1.REFERENCE_MAX} characters or fewer",
        help_text=f"Your firm’s own reference for the case, up to {ocon1.REFERENCE_MAX} characters. It goes on the "
                  "claim form.",
        attrs={"class": "govuk-input--width-20", "spellcheck": "false", "autocomplete": "off"},
    )


def _choice(label: str, choices: list[tuple[str, str]], message: str, hint: str = "") -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label, choices=choices, widget=forms.RadioSelect, help_text=hint,
        error_messages={"required": message, "invalid_choice": message},
    )


class ServiceAddressChoiceForm(GovukForm):
    def __init__(self, *args: Any, firm_address: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["service_address"] = _choice(
            "What is the claimant’s address for service?",
            [("firm", f"Your firm’s address: {firm_address}"), ("other", "Another address in England or Wales")],
            "Select the claimant’s address for service",
            hint="The court and the other parties send documents about the claim to this address. It must be in "
                 "England or Wales.",
        )


class AddressForm(GovukForm):
    """A postal address in England and Wales (2.1(3)(i)(ii), 2.1(3)(n)(ii))."""

    address_line1 = text("Address line 1", required="Enter the first line of the address",
                         attrs={"autocomplete": "off"})
    address_line2 = text("Address line 2 (optional)", attrs={"autocomplete": "off"})
    town = text("Town or city", required="Enter the town or city", max_length=60,
                attrs={"class": "govuk-!-width-two-thirds", "autocomplete": "off"})
    postcode = text("Postcode", required="Enter the postcode", max_length=10,
                    too_long="Enter a real postcode, like SW1A 1AA",
                    attrs={"class": "govuk-input--width-10", "autocomplete": "off"})

    def clean_postcode(self) -> str:
        typed = self.cleaned_data["postcode"]
        if not postcodes.is_valid(typed):
            raise forms.ValidationError("Enter a real postcode, like SW1A 1AA")
        if not postcodes.is_england_or_wales(typed):
            raise forms.ValidationError("Enter a postcode in England or Wales")
        return postcodes.normalise(typed)

    def address(self) -> dict[str, str]:
        return {name: self.cleaned_data.get(name) or "" for name in ("address_line1", "address_line2", "town",
                                                                      "postcode")}


class DefendantRepresentationForm(GovukForm):
    defendant = _choice(
        "Will a legal representative act for the defendant?",
        [(value, label) for value, label in ocon1.REPRESENTATION_LABELS.items()],
        "Select whether a legal representative will act for the defendant",
    )


class DefendantRepForm(AddressForm):
    """A legal representative of the defendant who is not registered with the service (2.1(7))."""

    name = text("Name of the legal representative’s firm", required="Enter the name of the legal representative’s firm",
                max_length=160, attrs={"autocomplete": "off"})
    field_order = ["name", "address_line1", "address_line2", "town", "postcode"]


class FirmSearchForm(GovukForm):
    q = text("Firm name or SRA number", required="Enter the firm’s name or SRA number", max_length=100,
             attrs={"spellcheck": "false", "autocomplete": "off"})


class FirmChoiceForm(GovukForm):
    """The defendant's registered firm, from the search results, and their reference (optional)."""

    defendant_reference = text(
        "The defendant’s legal representative’s reference (optional)", max_length=ocon1.REFERENCE_MAX,
        too_long=f"Their reference must be {ocon1.REFERENCE_MAX} characters or fewer",
        attrs={"class": "govuk-input--width-20", "spellcheck": "false", "autocomplete": "off"},
    )

    def __init__(self, *args: Any, firms: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields = {
            "firm": _choice("Choose the defendant’s legal representative", firms,
                            "Select the defendant’s legal representative"),
            **self.fields,
        }


class AdditionalPartyForm(GovukForm):
    additional_party = _choice(
        "Is there another party?",
        [("none", "No, one claimant against one defendant"), ("claimant", "Yes, a second claimant"),
         ("defendant", "Yes, a second defendant")],
        "Select whether there is another party",
        hint="When the defendant has a legal representative, a claim can be made by one claimant against two "
             "defendants, or by two claimants against one defendant.",
    )


class RepresentativeStatementOfTruthForm(GovukForm):
    """13.1(1): the claimant's legal representative signs for the claimant, with their position (CPR 22)."""

    believe = forms.BooleanField(
        label="The claimant believes that the facts stated in this claim form are true",
        error_messages={"required": "Confirm that the claimant believes the facts stated in this claim form are true"},
    )
    signed_name = text(
        "Full name", required="Enter your full name to sign the statement of truth", max_length=100,
        attrs={"autocomplete": "name", "spellcheck": "false"},
    )
    signed_position = text(
        "Position or office held", required="Enter your position or office held", max_length=100,
        help_text="For example, solicitor or partner", attrs={"autocomplete": "organization-title"},
    )
