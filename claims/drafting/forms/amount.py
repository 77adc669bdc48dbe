"""The forms of the claim amount and interest pages (PD 51R 2.1(3)(a), 2.1(6)(a); County Courts Act 1984 s.69).

The amount is one or more items (add-another rows), whose total, with the interest claimed,
may not take the claim over the limit. Interest is none, 8% a year, a different rate (with a
reason), or a fixed sum the claimant calculated; at a rate, from the date of submission or
from a particular date (with a reason).
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.forms.formsets import formset_factory

from ocmc.govuk_forms import MAX_ROWS, GovukDateField, GovukForm, MoneyField, RowForm, RowFormSet, text
from rules.money import format_money


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
