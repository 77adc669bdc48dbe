"""The statement of means' own fields and the ground its pages share (PD 51R 7.10-7.15, 7.42A-F).

An amount of money that may be negative (a bank balance when overdrawn, a loss), a whole
number typed into a text input, the helpers that build a page's money, checkbox and
follow-up fields, and ``MeansForm``, the base of every means page (its answers are saved in
the order of its fields). The helpers with a leading underscore are this package's own,
shared by its pages.
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from ocmc.govuk_forms import MoneyField
from rules.money import format_money

from ..base import QuestionForm

NONE = "none"

_MINUS_SIGNS = ("-", "\u2212", "\u2013")  # hyphen, minus sign, en dash (what people type or paste)


class SignedMoneyField(MoneyField):
    """An amount of money that may be negative ("-250.00", "£-250", "-£250"): a bank
    balance when overdrawn, or a loss. ``rules.money.parse_money`` refuses negatives, so the
    sign is taken off first."""

    def to_python(self, value: Any) -> Decimal | None:  # type: ignore[override]
        typed = re.sub(r"\s+", "", str(value or ""))
        body = typed.removeprefix("£")
        if body[:1] not in _MINUS_SIGNS:
            return super().to_python(typed)
        body = body[1:]
        if typed.startswith("£") and body.startswith("£"):  # "£-£250"
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        amount = super().to_python(body)
        if amount is None:  # a minus sign alone
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return -amount if amount else amount


class CountField(forms.CharField):
    """A whole number typed into a text input (GOV.UK: not ``type=number``)."""

    def __init__(self, *, label: str, required: str = "", maximum: int = 99, **kwargs: Any) -> None:
        self.maximum = maximum
        attrs = {"class": "govuk-input--width-2", "inputmode": "numeric", "spellcheck": "false"}
        super().__init__(label=label, required=False, widget=forms.TextInput(attrs=attrs),
                         error_messages={"required": required or f"Enter the {label[0].lower()}{label[1:]}"},
                         **kwargs)

    def to_python(self, value: Any) -> int | None:  # type: ignore[override]
        value = super().to_python(value)
        if value in self.empty_values:
            return None
        noun = str(self.label)
        if re.fullmatch(r"[-\u2212]\d+", value, flags=re.ASCII):
            raise ValidationError(f"{noun} must be 0 or more", code="min")
        if not re.fullmatch(r"\d+", value, flags=re.ASCII):
            raise ValidationError(f"{noun} must be a whole number, like 2", code="invalid")
        number = int(value)
        if number > self.maximum:
            raise ValidationError(f"{noun} must be {self.maximum} or fewer", code="max")
        return number


def _follow_up(field: forms.Field) -> forms.Field:
    """A revealed field: only required when its choice is made (checked in ``clean``)."""
    field.required = False
    return field


def _money(label: str, *, required: str, invalid: str, help_text: str = "", signed: bool = False,
           follow_up: bool = False) -> MoneyField:
    kind = SignedMoneyField if signed else MoneyField
    return kind(label=label, help_text=help_text, required=not follow_up,
                error_messages={"required": required, "invalid": invalid})


def _checkboxes(label: str, *, required: str, choices: list[tuple[str, str]], help_text: str = "",
                reveal: dict[str, tuple[str, ...]] | None = None) -> forms.MultipleChoiceField:
    field = forms.MultipleChoiceField(
        label=label, choices=choices, widget=forms.CheckboxSelectMultiple, help_text=help_text,
        error_messages={"required": required, "invalid_choice": required},
    )
    field.reveal_fields = reveal or {}  # type: ignore[attr-defined]
    return field


def _signed(amount: Decimal) -> str:
    """-250 as "-£250.00"."""
    return f"-{format_money(-amount)}" if amount < 0 else format_money(amount)


class MeansForm(QuestionForm):
    """A means page: its answers are saved in the order of its fields."""

    def saved(self) -> dict[str, Any]:
        answers = super().saved()
        return {name: answers[name] for name in self.fields if name in answers}
