"""What a question page of the response is: its slug, title, form and when it applies.

One view (``responses.views.question``) draws every page: it shows the page's form with
the answers saved so far, saves the page's answers as one dict (``QuestionForm.saved``,
or ``{"rows": [...]}`` for an add-another page) under the page's slug, and goes on to the
next page of the section that applies. "Check your answers" and the response PDF list
every answer with ``QuestionForm.summary``. A page whose ``applies`` is false for the
answers so far is skipped, and whatever it held is ignored.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ocmc.govuk_forms import GovukForm, RowForm, RowFormSet, rows_formset
from responses.ocon9 import Situation, always, day
from rules.money import format_money

Applies = Callable[[Situation], bool]


class QuestionForm(GovukForm):
    """A question page's form: knows the situation, saves plain strings, and summarises itself.

    Subclasses declare fields; a field's ``reveal_fields`` (``{choice: (field names)}``)
    shows those fields under that radio or checkbox choice, and they are then only
    required when it is chosen (checked in the subclass's ``clean``; ``GovukForm.clean``
    drops them when it is not).
    """

    def __init__(self, *args: Any, situation: Situation, today: date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.situation = situation
        self.today = today

    # -- saving and showing again ---------------------------------------------------------

    @classmethod
    def initial_from(cls, saved: dict[str, Any]) -> dict[str, Any]:
        """The form's initial values from what the page saved (dates back to dates)."""
        initial: dict[str, Any] = {}
        for name, value in saved.items():
            base = cls.base_fields.get(name)
            if base is None:
                continue
            if isinstance(base, forms.MultiValueField) and value:
                initial[name] = day(value)
            elif isinstance(base, forms.BooleanField):
                initial[name] = value == "yes"
            else:
                initial[name] = value
        return initial

    def saved(self) -> dict[str, Any]:
        """The page's answers as plain strings (after ``is_valid``). Fields revealed under a
        choice that was not made are cleaned to nothing, so a changed answer leaves nothing stale."""
        return {name: plain(value) for name, value in self.cleaned_data.items()}

    def require(self, *names: str, message: dict[str, str] | None = None) -> None:
        """Add "required" errors to revealed fields left empty (call from ``clean``)."""
        for name in names:
            if name in self.errors:
                continue
            value = self.cleaned_data.get(name)
            if value in (None, "", [], ()):
                text = (message or {}).get(name) or self.fields[name].error_messages.get("required", "Enter a value")
                self.add_error(name, text)

    @classmethod
    def summary(cls, saved: dict[str, Any], situation: Situation) -> list[tuple[str, str]]:
        """(question, answer) rows for "Check your answers" and the PDF."""
        rows = []
        for name, base in cls.base_fields.items():
            shown = display(base, saved.get(name))
            if shown:
                rows.append((str(base.label).removesuffix(" (optional)"), shown))
        return rows


class QuestionRow(RowForm):
    """One row of an add-another question page (its ``row()`` is what is saved)."""

    def row(self) -> dict[str, str]:
        return {name: plain(value) for name, value in self.cleaned_data.items()}

    @classmethod
    def describe(cls, row: dict[str, Any]) -> str:
        """One row as one line of "Check your answers"."""
        parts = [display(base, row.get(name)) for name, base in cls.base_fields.items()]
        return ", ".join(part for part in parts if part)


@dataclass(frozen=True)
class Page:
    slug: str
    #: The page's heading (the h1, unless a one-question page makes its question the h1).
    title: str
    form: type[QuestionForm] | None = None
    #: An add-another page: rows of this form (saved as ``{"rows": [...]}``).
    row_form: type[QuestionRow] | None = None
    applies: Applies = always
    #: A template drawn above the form (guidance), with the view's context.
    intro: str = ""
    #: Rows shown at first on an add-another page.
    rows_at_first: int = 1
    #: An add-another page may be left with no rows (the page is still answered).
    rows_optional: bool = True
    #: The label of a row's fieldset ("Debt 1", "Account 2").
    row_noun: str = "Item"

    def formset_class(self) -> type[RowFormSet]:
        assert self.row_form is not None
        return rows_formset(self.row_form)

    def summary(self, saved: Any, situation: Situation) -> list[tuple[str, str]]:
        if self.row_form is not None:
            rows = saved.get("rows", []) if isinstance(saved, dict) else []
            lines = [self.row_form.describe(row) for row in rows if isinstance(row, dict)]
            return [(self.title, "\n".join(lines) or "None")]
        assert self.form is not None
        return self.form.summary(saved if isinstance(saved, dict) else {}, situation)


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    pages: list[Page] = field(default_factory=list)

    def applicable(self, situation: Situation) -> list[Page]:
        return [page for page in self.pages if page.applies(situation)]


# -- values as saved and as shown -----------------------------------------------------------------


def plain(value: Any) -> Any:
    """A cleaned value as saved: strings, or a list of strings."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    return str(value).strip()


def display(base: forms.Field, value: Any) -> str:
    """A saved value as "Check your answers" shows it."""
    if value in (None, "", []):
        return ""
    choices = dict(getattr(base, "choices", []) or [])
    if isinstance(value, list):
        return ", ".join(str(choices.get(item, item)) for item in value)
    if choices:
        return str(choices.get(value, value))
    if isinstance(base, forms.MultiValueField):
        parsed = day(value)
        return f"{parsed.day} {parsed:%B %Y}" if parsed else str(value)
    if getattr(base, "prefix", "") == "£":
        try:
            return format_money(Decimal(str(value)))
        except ArithmeticError:
            return str(value)
    if isinstance(base, forms.BooleanField):
        return "Yes" if value == "yes" else "No"
    return str(value)


YES_NO = [("yes", _("Yes")), ("no", _("No"))]


def yes_no(label: str, *, required: str, help_text: str = "", reveal: dict[str, tuple[str, ...]] | None = None,
           choices: list[tuple[str, str]] | None = None) -> forms.ChoiceField:
    """A radios question (yes/no unless ``choices``), with the GOV.UK "Select …" error."""
    field = forms.ChoiceField(
        label=label, choices=choices or YES_NO, widget=forms.RadioSelect, help_text=help_text,
        error_messages={"required": required, "invalid_choice": required},
    )
    field.reveal_fields = reveal or {}  # type: ignore[attr-defined]
    return field
