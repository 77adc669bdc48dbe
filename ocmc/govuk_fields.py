"""GOV.UK Design System fields and widgets shared by every question page.

The fields know the Design System's error messages: a text field (:func:`text`), an amount of
money as a person types it (:class:`MoneyField`, read by ``rules.money.parse_money``), and the
date input (:class:`GovukDateField` on :class:`DateWidget`: day, month and year, each error
saying which parts to highlight), with the check of a date of birth
(:func:`check_date_of_birth`, by ``rules.dates_of_birth``). The form base that draws them,
the error summary and the add-another rows are ``ocmc.govuk_forms``, which re-exports these
names.
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from rules import dates_of_birth
from rules.money import parse_money

AMOUNT_ERROR = "Enter an amount of money, like 1,234.56"
PHONE_ERROR = "Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192"
EMAIL_ERROR = "Enter an email address in the correct format, like name@example.com"
DATE_PARTS = ("day", "month", "year")


def text(
    label: str, *, required: str = "", max_length: int = 100, too_long: str = "", **kwargs: Any
) -> forms.CharField:
    """A text field with GOV.UK error messages."""
    attrs = kwargs.pop("attrs", {})
    widget = kwargs.pop("widget", forms.TextInput)
    return forms.CharField(
        label=label,
        required=bool(required),
        max_length=max_length,
        error_messages={
            "required": required or "Enter a value",
            "max_length": too_long or f"{label.removesuffix(' (optional)')} must be {max_length:,} characters or less",
        },
        widget=widget(attrs=attrs),
        **kwargs,
    )


class MoneyField(forms.CharField):
    """An amount of money as a person types it: 1234.56, 1,234.56 or £1,234.56 (``rules.money.parse_money``)."""

    default_error_messages = {"invalid": AMOUNT_ERROR, "required": AMOUNT_ERROR}
    prefix = "£"

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("widget", forms.TextInput(attrs={"class": "govuk-input--width-10", "spellcheck": "false"}))
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> Decimal | None:  # type: ignore[override]
        value = super().to_python(value)
        if value in self.empty_values:
            return None
        if len(value) > 30:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        try:
            return parse_money(value)
        except ValueError as exc:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from exc

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, Decimal):
            return f"{value:,.2f}"
        return value


class DateWidget(forms.MultiWidget):
    """Day, month and year (rendered by hand as the GOV.UK date input)."""

    def __init__(self) -> None:
        super().__init__(widgets={part: forms.TextInput for part in DATE_PARTS})

    def decompress(self, value: Any) -> list[Any]:
        if isinstance(value, date):
            return [value.day, value.month, value.year]
        return [None, None, None]


class GovukDateField(forms.MultiValueField):
    """A date typed into the GOV.UK date input, with the Design System's error messages.

    ``noun`` starts each message ("Date of birth must include a month"). An error's
    ``params["parts"]`` says which inputs to highlight.
    """

    widget = DateWidget

    def __init__(self, *, noun: str, required_message: str, autocomplete_prefix: str = "", **kwargs: Any) -> None:
        self.noun = noun
        self.autocomplete_prefix = autocomplete_prefix
        fields = tuple(forms.CharField(required=False) for _ in DATE_PARTS)
        super().__init__(fields=fields, require_all_fields=False, **kwargs)
        self.error_messages["required"] = required_message

    def compress(self, data_list: list[Any]) -> Any:  # pragma: no cover - clean() does the work
        return data_list

    def clean(self, value: Any) -> date | None:
        parts = [str(part or "").strip() for part in (list(value or []) + ["", "", ""])[:3]]
        if not any(parts):
            if self.required:
                raise ValidationError(self.error_messages["required"], code="required", params={"parts": [0, 1, 2]})
            return None
        missing = [index for index, part in enumerate(parts) if not part]
        if missing:
            names = " and ".join(DATE_PARTS[index] for index in missing)
            raise ValidationError(
                f"{self.noun} must include a {names}", code="incomplete", params={"parts": missing}
            )
        day, month, year = parts
        if not all(part.isdigit() for part in parts):
            raise ValidationError(f"{self.noun} must be a real date", code="invalid", params={"parts": [0, 1, 2]})
        if len(year) != 4:
            raise ValidationError("Year must include 4 numbers", code="year", params={"parts": [2]})
        try:
            return date(int(year), int(month), int(day))
        except ValueError as exc:
            raise ValidationError(
                f"{self.noun} must be a real date", code="invalid", params={"parts": [0, 1, 2]}
            ) from exc


def check_date_of_birth(born: date, today: date, *, minimum_age: int = 0, too_young: str = "") -> date:
    """``born`` if it is a possible date of birth on ``today`` (``rules.dates_of_birth``), else the
    GOV.UK error; ``too_young`` is the message for someone under ``minimum_age``."""
    problem = dates_of_birth.problem(born, today, minimum_age=minimum_age)
    messages = {
        dates_of_birth.Problem.IN_THE_FUTURE: "Date of birth must be in the past",
        dates_of_birth.Problem.TOO_EARLY: (
            f"Date of birth must be the same as or after {dates_of_birth.EARLIEST.day} "
            f"{dates_of_birth.EARLIEST:%B %Y}"
        ),
        dates_of_birth.Problem.TOO_YOUNG: too_young,
    }
    if problem is not None:
        raise ValidationError(messages[problem], code=problem.value, params={"parts": [0, 1, 2]})
    return born
