"""The statement of means: the person, their home and household (PD 51R 7.10(3), Annex A).

Where the defendant lives (``residence``), with a partner or not (``partner``, with whether
the defendant is a pensioner), the children who live with them (``dependants``), anyone else
they support (``other_dependants``), and whether they are disabled or a carer
(``disability``): what the affordability calculation reads for its allowances.
"""
from __future__ import annotations

from typing import Any

from django import forms

from ocmc.govuk_forms import text

from ..base import yes_no
from .fields import CountField, MeansForm, _follow_up

RESIDENCE_TYPES = {
    "own_home": "A home you own yourself (or pay a mortgage on)",
    "joint_home": "A home you own jointly with someone else (or pay a joint mortgage on)",
    "private_rent": "A home you rent privately",
    "council": "A council or housing association home",
    "other": "Other",
}


class ResidenceForm(MeansForm):
    type = yes_no("What type of home do you live in?", required="Select the type of home you live in",
                  choices=list(RESIDENCE_TYPES.items()), reveal={"other": ("other_details",)})
    other_details = _follow_up(text("Describe your home", required="Describe your home", max_length=200,
                                    help_text="For example, you live with your parents, or in supported housing"))

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("type") == "other":
            self.require("other_details")
        return data


class PartnerForm(MeansForm):
    partner = yes_no("Do you live with a partner?", required="Select yes if you live with a partner",
                     help_text="A husband, wife, civil partner, or someone you live with as a couple",
                     reveal={"yes": ("partner_adult", "partner_pensioner", "partner_disability")})
    partner_adult = _follow_up(yes_no("Is your partner aged 18 or over?",
                                      required="Select yes if your partner is aged 18 or over"))
    partner_pensioner = _follow_up(yes_no("Is your partner a pensioner?",
                                          required="Select yes if your partner is a pensioner",
                                          help_text="They have reached State Pension age"))
    partner_disability = _follow_up(yes_no(
        "Is your partner disabled?", required="Select whether your partner is disabled",
        choices=[("yes", "Yes"), ("severe", "Yes, my partner is severely disabled"), ("no", "No")],
    ))
    pensioner = yes_no("Are you a pensioner?", required="Select yes if you are a pensioner",
                       help_text="You have reached State Pension age")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["partner_disability"].choice_hints = {  # type: ignore[attr-defined]
            "severe": "For example, they get the Severe Disability Premium",
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("partner") == "yes":
            self.require("partner_adult", "partner_pensioner", "partner_disability")
        return data


CHILD_COUNTS = ("under_11", "age_11_to_15", "age_16_to_19")


class DependantsForm(MeansForm):
    children = yes_no(
        "Do any children live with you?", required="Select yes if any children live with you",
        help_text="Only include children you support financially. Include children aged 16 to 19 only if they are "
                  "in full-time education or training.",
        reveal={"yes": (*CHILD_COUNTS, "disabled")},
    )
    under_11 = CountField(label="Number of children under 11")
    age_11_to_15 = CountField(label="Number of children aged 11 to 15")
    age_16_to_19 = CountField(label="Number of children aged 16 to 19 in full-time education or training")
    disabled = _follow_up(yes_no("Are any of these children disabled?",
                                 required="Select yes if any of these children are disabled"))

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("children") == "yes":
            if not any(name in self.errors for name in CHILD_COUNTS):
                for name in CHILD_COUNTS:
                    data[name] = data.get(name) or 0
                if not any(data[name] for name in CHILD_COUNTS):
                    self.add_error("under_11", "Enter how many children live with you in at least one age group")
            self.require("disabled")
        return data


class OtherDependantsForm(MeansForm):
    supports = yes_no(
        "Do you support anyone else financially?", required="Select yes if you support anyone else financially",
        help_text="For example, a relative who lives with you, or someone you send money to. Do not include your "
                  "partner or the children you have told us about.",
        reveal={"yes": ("number", "details", "disabled")},
    )
    number = CountField(label="Number of people you support", required="Enter the number of people you support")
    details = _follow_up(text("Who are they, and how do you support them?", required="Enter who you support and how",
                              max_length=1000, widget=forms.Textarea, attrs={"rows": 3}))
    disabled = _follow_up(yes_no("Are any of them disabled?", required="Select yes if any of them are disabled"))

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("supports") == "yes":
            self.require("number", "details", "disabled")
            if data.get("number") == 0 and "number" not in self.errors:
                self.add_error("number", "Number of people you support must be 1 or more")
        return data


class DisabilityForm(MeansForm):
    disabled = yes_no("Are you disabled?", required="Select whether you are disabled",
                      choices=[("yes", "Yes"), ("severe", "Yes, I am severely disabled"), ("no", "No")])
    carer = yes_no("Are you a carer?", required="Select yes if you are a carer",
                   help_text="For example, you get Carer’s Allowance or Carer Premium")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["disabled"].choice_hints = {  # type: ignore[attr-defined]
            "severe": "For example, you get the Severe Disability Premium",
        }
