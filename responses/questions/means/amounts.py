"""Amounts by kind and frequency: the pages that ask for income, expenses and priority debts.

Each such page is checkboxes of the kinds of a regular amount (or "none"); each chosen kind
reveals how much and how often (``responses.ocon9.FREQUENCIES``). :func:`_amounts_form`
builds the page's form from its kinds and its wording; the pages themselves are in
``income`` and ``spending``.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from ocmc.govuk_forms import text
from responses.ocon9 import FREQUENCIES, Situation, money
from rules.money import format_money

from ..base import yes_no
from .fields import NONE, MeansForm, _checkboxes, _follow_up, _money


@dataclass(frozen=True)
class AmountKind:
    key: str
    #: The checkbox's label.
    label: str
    #: The thing itself, inside the follow-up questions ("How often do you get {what}?").
    what: str
    #: The row's question on "Check your answers".
    summary: str = ""
    hint: str = ""


@dataclass(frozen=True)
class Wording:
    question: str
    hint: str
    required: str
    none: str
    both: str
    amount: str
    amount_required: str
    amount_invalid: str
    frequency: str
    frequency_required: str
    description: str
    description_required: str
    #: The answer on "Check your answers" when none apply: (question, answer).
    nothing: tuple[str, str]


class AmountsForm(MeansForm):
    """Checkboxes of the kinds of a regular amount; each chosen kind reveals how much and how often."""

    kinds: ClassVar[tuple[AmountKind, ...]] = ()
    wording: ClassVar[Wording]
    #: An amount of £0 is allowed (then no frequency is needed).
    zero_allowed: ClassVar[bool] = False

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        chosen = data.get("types") or []
        if NONE in chosen and len(chosen) > 1:
            self.add_error("types", self.wording.both)
            return data
        for kind in self.kinds:
            if kind.key not in chosen:
                continue
            if kind.key == "other":
                self.require("other_description")
            amount_name, frequency_name = f"{kind.key}_amount", f"{kind.key}_frequency"
            self.require(amount_name)
            amount = data.get(amount_name)
            if amount is not None and amount_name not in self.errors:
                if amount == 0 and not self.zero_allowed:
                    self.add_error(amount_name, f"{self.fields[amount_name].label} must be more than £0")
                elif amount == 0:
                    continue
            self.require(frequency_name)
        return data

    @classmethod
    def summary(cls, saved: dict[str, Any], situation: Situation) -> list[tuple[str, str]]:
        chosen = saved.get("types") or []
        rows = []
        for kind in cls.kinds:
            if kind.key not in chosen:
                continue
            question = kind.summary or kind.label
            description = str(saved.get("other_description") or "") if kind.key == "other" else ""
            if description:
                question = f"{question}: {description}"
            amount = money(saved.get(f"{kind.key}_amount"))
            frequency = FREQUENCIES.get(str(saved.get(f"{kind.key}_frequency") or ""), "")
            if amount is None:
                shown = ""
            elif amount == 0:
                shown = "Nothing at the moment"
            else:
                shown = f"{format_money(amount)} {frequency.lower()}".strip()
            rows.append((question, shown))
        return rows or [cls.wording.nothing]


def _amounts_form(name: str, kinds: tuple[AmountKind, ...], wording: Wording, *, module: str,
                  zero_allowed: bool = False) -> type[AmountsForm]:
    """The form of an amounts page: ``types`` checkboxes, and under each kind its amount and frequency.

    ``module`` is the module the form is defined in (its ``__module__``, as a class statement there
    would give it)."""
    reveal: dict[str, tuple[str, ...]] = {}
    fields: dict[str, Any] = {}
    for kind in kinds:
        names: tuple[str, ...] = (f"{kind.key}_amount", f"{kind.key}_frequency")
        if kind.key == "other":
            names = ("other_description", *names)
            fields["other_description"] = _follow_up(text(wording.description, required=wording.description_required,
                                                          max_length=200))
        reveal[kind.key] = names
        fields[f"{kind.key}_amount"] = _money(
            wording.amount.format(what=kind.what), required=wording.amount_required.format(what=kind.what),
            invalid=wording.amount_invalid.format(what=kind.what), follow_up=True,
        )
        fields[f"{kind.key}_frequency"] = _follow_up(yes_no(
            wording.frequency.format(what=kind.what), required=wording.frequency_required.format(what=kind.what),
            choices=list(FREQUENCIES.items()),
        ))
    checkboxes = _checkboxes(
        wording.question, required=wording.required, help_text=wording.hint, reveal=reveal,
        choices=[*((kind.key, kind.label) for kind in kinds), (NONE, wording.none)],
    )
    hints = {kind.key: kind.hint for kind in kinds if kind.hint}
    attrs: dict[str, Any] = {
        "__module__": module, "__qualname__": name, "kinds": kinds, "wording": wording,
        "zero_allowed": zero_allowed, "types": checkboxes, **fields,
    }
    form_class = type(AmountsForm)(name, (AmountsForm,), attrs)
    form_class.base_fields["types"].choice_hints = hints  # type: ignore[attr-defined]
    return form_class
