"""The forms of the drafting pages (form OCON1, PD 51R 4.1), in GOV.UK style.

The GOV.UK plumbing (bound fields, dates, money, add-another rows) is
``ocmc.govuk_forms``. What is saved is plain strings (``claims.ocon1`` is the reader):
money as ``1234.56``, dates as ``YYYY-MM-DD``, postcodes normalised (``SW1A 1AA``).
"""
from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.forms.formsets import formset_factory

from claims import ocon1
from ocmc.govuk_forms import (  # noqa: F401  (re-exported for the drafting views)
    AMOUNT_ERROR,
    EMAIL_ERROR,
    MAX_ROWS,
    PHONE_ERROR,
    GovukDateField,
    GovukForm,
    MoneyField,
    RowForm,
    RowFormSet,
    check_date_of_birth,
    error_items,
    row_initial,
    rows_formset,
    text,
)
from rules import dates_of_birth, postcodes
from rules.money import format_money

# -- parties: claimant and defendant -------------------------------------------------------

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

    def __init__(self, *args: Any, claimant: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["type"]
        if claimant:
            field.label = "Who is making the claim?"
            field.help_text = "If you are claiming for a business you run on your own, choose sole trader."
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

    def __init__(self, *args: Any, kind: str, claimant: bool, today: date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.kind, self.claimant, self.today = kind, claimant, today
        you = claimant
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
                "Full name", required="Enter your full name" if you else "Enter the defendant's full name",
                attrs={"spellcheck": "false", **auto("name")},
            )
        if kind == "individual" and claimant:
            fields["date_of_birth"] = GovukDateField(
                label="Date of birth", noun="Date of birth", required_message="Enter your date of birth",
                help_text="For example, 27 3 1985", autocomplete_prefix="bday",
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
            too_young="You must be 18 or over to make a claim with this service",
        )

    def clean_postcode(self) -> str:
        typed = self.cleaned_data["postcode"]
        if not postcodes.is_valid(typed):
            raise ValidationError("Enter a real postcode, like SW1A 1AA")
        if self.claimant and not postcodes.is_uk(typed):
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


class ItemForm(RowForm):
    description = text(
        "What you are claiming for", max_length=255, help_text="",
    )
    amount = MoneyField(label="Amount", required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not str(self["description"].value() or "").strip():
            self.add_error("description", "Enter what you are claiming for")
        if "amount" in data and data["amount"] is None:
            self.add_error("amount", "Enter the amount you are claiming for this")
        elif data.get("amount") is not None and data["amount"] <= 0:
            self.add_error("amount", "The amount must be more than £0")
        return data

    def row(self) -> dict[str, str]:
        return {"description": self.cleaned_data["description"], "amount": str(self.cleaned_data["amount"])}


class BaseItemFormSet(RowFormSet):
    """The claim amount: at least one item, and no more than the limit (PD 51R 2.1(3)(a), 2.1(6)(a)).

    ``interest_for(principal)`` (set by the page) gives the interest already claimed, so
    that a bigger amount cannot take the claim over the limit with its interest.
    """

    limit: Decimal = Decimal("10000.00")
    interest_for: Any = None

    def total(self) -> Decimal:
        return sum((form.cleaned_data["amount"] for form in self.forms if not form.is_empty()), Decimal(0))

    def clean(self) -> None:
        if any(form.errors for form in self.forms):
            return
        if not self.rows():
            raise ValidationError("Enter what you are claiming for and the amount")
        total = self.total()
        if total > self.limit:
            raise ValidationError(
                f"The total you are claiming ({format_money(total)}) is more than {format_money(self.limit)}. "
                f"You can only claim up to {format_money(self.limit)}, including interest, with this service"
            )
        interest = self.interest_for(total) if self.interest_for is not None else None
        if interest and total + interest > self.limit:
            raise ValidationError(
                f"With the interest you are claiming ({format_money(interest)}) your claim would be "
                f"{format_money(total + interest)}, more than {format_money(self.limit)}. "
                f"You can only claim up to {format_money(self.limit)}, including interest, with this service: "
                "reduce the amount or change the interest you are claiming"
            )


ItemFormSet = formset_factory(
    ItemForm, formset=BaseItemFormSet, extra=0, max_num=MAX_ROWS, validate_max=True, absolute_max=MAX_ROWS
)


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


# -- interest ---------------------------------------------------------------------------------

INTEREST_CHOICES = {
    "none": "No",
    "standard": "Yes, at 8% a year",
    "different": "Yes, at a different rate",
    "fixed": "Yes, a fixed sum of interest I have calculated",
}
RATE_ERROR = "Enter the rate of interest as a number, like 5 or 5.5"


class InterestForm(GovukForm):
    """Do you want to claim interest? (County Courts Act 1984 s.69; MCOL guide)."""

    choice = forms.ChoiceField(
        label="Do you want to claim interest?",
        choices=list(INTEREST_CHOICES.items()),
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether you want to claim interest",
                        "invalid_choice": "Select whether you want to claim interest"},
    )
    choice.choice_hints = {
        "standard": "The usual rate for money claims (County Courts Act 1984, section 69)",
        "different": "For example, a rate set out in a contract",
        "fixed": "You will need to explain how you calculated it",
    }
    choice.reveal_fields = {
        "different": ("rate", "rate_reason"),
        "fixed": ("fixed_amount", "fixed_breakdown", "fixed_continue"),
    }
    choice.choice_reveals = {
        "different": "claims/drafting/_interest_different.html",
        "fixed": "claims/drafting/_interest_fixed.html",
    }
    rate = forms.CharField(
        label="Rate of interest a year", required=False, max_length=10,
        error_messages={"max_length": RATE_ERROR},
        widget=forms.TextInput(attrs={"class": "govuk-input--width-5", "inputmode": "decimal", "spellcheck": "false"}),
    )
    rate_reason = text(
        "Why are you claiming this rate?", max_length=1000, widget=forms.Textarea, attrs={"rows": 3},
        help_text="For example, the rate is in a contract you both signed, or set by law",
    )
    fixed_amount = MoneyField(label="Amount of interest", required=False)
    fixed_breakdown = text(
        "How you calculated the interest", max_length=2000, widget=forms.Textarea, attrs={"rows": 4},
        help_text="Show the amounts, rates and dates you used",
    )
    fixed_continue = forms.ChoiceField(
        label="Do you want to continue claiming 8% a year after the claim is issued?",
        required=False, choices=[("yes", "Yes"), ("no", "No")], widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Select yes if you want to continue claiming 8% a year"},
    )

    def clean_rate(self) -> Decimal | None:
        typed = self.cleaned_data["rate"].replace("%", "").replace(" ", "")
        if not typed:
            raise ValidationError("Enter the rate of interest you are claiming")
        try:
            rate = Decimal(typed)
        except InvalidOperation as exc:
            raise ValidationError(RATE_ERROR) from exc
        if not rate.is_finite() or rate.as_tuple().exponent < -3:
            raise ValidationError(RATE_ERROR)
        if rate <= 0:
            raise ValidationError("The rate of interest must be more than 0%")
        if rate > 100:
            raise ValidationError("The rate of interest must be 100% a year or less")
        return rate.normalize() if rate == rate.to_integral_value() else rate

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        choice = data.get("choice")
        if choice == "different" and not data.get("rate_reason") and "rate_reason" not in self.errors:
            self.add_error("rate_reason", "Explain why you are claiming this rate")
        if choice == "fixed":
            if data.get("fixed_amount") is None and "fixed_amount" not in self.errors:
                self.add_error("fixed_amount", "Enter the amount of interest you have calculated")
            if not data.get("fixed_breakdown") and "fixed_breakdown" not in self.errors:
                self.add_error("fixed_breakdown", "Explain how you calculated the interest")
            if not data.get("fixed_continue") and "fixed_continue" not in self.errors:
                self.add_error("fixed_continue", "Select yes if you want to continue claiming 8% a year")
        return data

    def section(self, current: dict[str, Any]) -> dict[str, str]:
        """The new interest section; the start date is kept while interest is at a rate."""
        data = self.cleaned_data
        choice = data["choice"]
        section: dict[str, str] = {"choice": choice}
        if choice == "different":
            rate = data["rate"]
            section.update(rate=f"{rate:f}", rate_reason=data["rate_reason"])
        if choice == "fixed":
            section.update(
                fixed_amount=str(data["fixed_amount"]),
                fixed_breakdown=data["fixed_breakdown"],
                fixed_continue=data["fixed_continue"],
            )
        if choice in {"standard", "different"}:
            for key in ("from", "from_date", "from_reason"):
                if current.get(key):
                    section[key] = str(current[key])
        return section


class InterestFromForm(GovukForm):
    """When are you claiming interest from?"""

    start = forms.ChoiceField(
        label="When are you claiming interest from?",
        choices=[("submission", "The date you submit the claim"), ("date", "A particular date")],
        widget=forms.RadioSelect,
        error_messages={"required": "Select when you are claiming interest from",
                        "invalid_choice": "Select when you are claiming interest from"},
    )
    start.reveal_fields = {"date": ("from_date", "from_reason")}
    start.choice_reveals = {"date": "claims/drafting/_interest_date.html"}
    from_date = GovukDateField(
        label="Date", noun="The date you are claiming interest from", required=False,
        required_message="Enter the date you are claiming interest from", help_text="For example, 27 3 2026",
    )
    from_reason = text(
        "Why are you claiming interest from this date?", max_length=1000, widget=forms.Textarea,
        attrs={"rows": 3}, help_text="For example, the date the invoice was due",
    )

    def __init__(self, *args: Any, today: date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.today = today

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("start") == "date":
            if data.get("from_date") is None and "from_date" not in self.errors:
                self.add_error(
                    "from_date",
                    ValidationError("Enter the date you are claiming interest from", params={"parts": [0, 1, 2]}),
                )
            elif data.get("from_date") is not None and data["from_date"] > self.today:
                self.add_error(
                    "from_date",
                    ValidationError(
                        "The date you are claiming interest from must be today or in the past",
                        params={"parts": [0, 1, 2]},
                    ),
                )
            if not data.get("from_reason") and "from_reason" not in self.errors:
                self.add_error("from_reason", "Explain why you are claiming interest from this date")
        return data

    def section(self, current: dict[str, Any]) -> dict[str, str]:
        section = {key: str(value) for key, value in current.items() if key not in {"from", "from_date", "from_reason"}}
        data = self.cleaned_data
        section["from"] = data["start"]
        if data["start"] == "date":
            section["from_date"] = data["from_date"].isoformat()
            section["from_reason"] = data["from_reason"]
        return section


# -- claim details (particulars) ----------------------------------------------------------------

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


# -- check your answers: the statement of truth (PD 51R 13.1) ----------------------------------


class StatementOfTruthForm(GovukForm):
    believe = forms.BooleanField(
        label="I believe that the facts stated in this claim form are true",
        error_messages={"required": "Confirm that you believe the facts stated in this claim form are true"},
    )
    signed_name = text(
        "Full name", required="Enter your full name to sign the statement of truth", max_length=100,
        attrs={"autocomplete": "name", "spellcheck": "false"},
    )
