"""GOV.UK Design System form plumbing shared by every question page.

Every form validates on the server (pages work without JavaScript) and knows how the
GOV.UK components want it rendered: :class:`GovukBoundField` gives the ids of a field's
hint and error message, the CSS classes of its control, and where the error summary
must link to (for a date input: the part with the problem, the day when it is the whole
date). The partials in ``templates/govuk/`` draw labels, fieldsets and error messages;
widgets keep their own attributes (``autocomplete``, widths, ``inputmode``).

Follow-up questions ("if you choose this, tell us more") are the GOV.UK conditional reveal.
A radios or checkboxes field names them in ``reveal_fields`` (``{choice: (field names)}``);
the partials draw them under that choice (or the template in ``choice_reveals`` does), and
GOV.UK Frontend shows only the chosen answer's panel (every panel without JavaScript).
:meth:`GovukForm.clean` then drops whatever was typed under an answer not chosen, however
deep the reveal: it is neither checked nor kept.

Add-another pages use :class:`RowForm` rows in a :class:`RowFormSet`: an empty row is
ignored, and rows can be added without losing what was typed.

The fields and widgets themselves (text, money, the date input, the date of birth check) are
``ocmc.govuk_fields``; this module re-exports them, so pages import everything GOV.UK from
here.
"""
from __future__ import annotations

import copy
from datetime import date
from typing import Any

from django import forms
from django.forms.boundfield import BoundField
from django.forms.formsets import BaseFormSet, formset_factory

from ocmc.govuk_fields import (
    AMOUNT_ERROR,
    DATE_PARTS,
    EMAIL_ERROR,
    PHONE_ERROR,
    DateWidget,
    GovukDateField,
    MoneyField,
    check_date_of_birth,
    text,
)

__all__ = [
    "AMOUNT_ERROR",
    "DATE_PARTS",
    "EMAIL_ERROR",
    "MAX_ROWS",
    "PHONE_ERROR",
    "DateWidget",
    "GovukBoundField",
    "GovukDateField",
    "GovukForm",
    "MoneyField",
    "RowForm",
    "RowFormSet",
    "check_date_of_birth",
    "error_items",
    "row_initial",
    "rows_formset",
    "text",
]

#: The most rows an add-another page accepts (a sanity limit, far above any real claim).
MAX_ROWS = 50

_CONTROL_CLASSES = {
    forms.Textarea: ("govuk-textarea", "govuk-textarea--error"),
    forms.Select: ("govuk-select", "govuk-select--error"),
    forms.TextInput: ("govuk-input", "govuk-input--error"),  # also EmailInput, NumberInput…
}


# -- the bound field and the form ---------------------------------------------------------


class GovukBoundField(BoundField):
    """A bound field that knows the GOV.UK ids and classes of its parts."""

    @property
    def hint_id(self) -> str:
        return f"{self.auto_id}-hint"

    @property
    def error_id(self) -> str:
        return f"{self.auto_id}-error"

    @property
    def info_id(self) -> str:
        """The character count's message (``govuk-character-count``)."""
        return f"{self.auto_id}-info"

    @property
    def is_date(self) -> bool:
        return isinstance(self.field, GovukDateField)

    @property
    def error_parts(self) -> set[int]:
        """Which parts of a date input have the problem (all three unless the error says)."""
        parts: set[int] = set()
        for error in self.errors.as_data():
            named = (error.params or {}).get("parts") if isinstance(error.params, dict) else None
            parts |= set(named) if named is not None else {0, 1, 2}
        return parts

    @property
    def anchor(self) -> str:
        """The id the error summary links to: the control, or a date's first part in error."""
        if self.is_date:
            parts = self.error_parts or {0}
            return f"{self.auto_id}_{DATE_PARTS[min(parts)]}"
        return self.auto_id

    @property
    def date_inputs(self) -> list[dict[str, Any]]:
        """The day, month and year inputs of a date field, with their values as typed."""
        value = self.value()
        if isinstance(value, date):
            values = [str(value.day), str(value.month), str(value.year)]
        elif isinstance(value, (list, tuple)):
            values = [str(part or "") for part in value] + ["", "", ""]
        else:
            values = ["", "", ""]
        errors = self.error_parts if self.errors else set()
        autocomplete = getattr(self.field, "autocomplete_prefix", "")
        inputs = []
        for index, part in enumerate(DATE_PARTS):
            inputs.append(
                {
                    "label": part.capitalize(),
                    "id": f"{self.auto_id}_{part}",
                    "name": f"{self.html_name}_{part}",
                    "value": values[index],
                    "width": "govuk-input--width-4" if part == "year" else "govuk-input--width-2",
                    "error": index in errors,
                    "autocomplete": f"{autocomplete}-{part}" if autocomplete else "",
                }
            )
        return inputs

    @property
    def kind(self) -> str:
        """Which GOV.UK component draws the field: date, radios, checkboxes, checkbox or input."""
        if self.is_date:
            return "date"
        widget = self.field.widget
        if isinstance(widget, forms.CheckboxSelectMultiple):  # (a RadioSelect subclass: test it first)
            return "checkboxes"
        if isinstance(widget, forms.RadioSelect):
            return "radios"
        if isinstance(widget, forms.CheckboxInput):
            return "checkbox"
        return "input"

    @property
    def prefix(self) -> str:
        """Text before the input ("£" for money)."""
        return getattr(self.field, "prefix", "")

    @property
    def choice_items(self) -> list[dict[str, Any]]:
        """Radios or checkboxes: value, label, id (the first has the field's id), checked, and the
        follow-up shown under a choice: a template (``choice_reveals``), or else the other fields of
        the form it reveals (``reveal_fields``); ``conditional_id`` is its panel's id ("" for none)."""
        current = self.value()
        if isinstance(current, (list, tuple)):
            chosen = {str(value) for value in current}
        else:
            chosen = {"" if current is None else str(current)}
        reveal_fields = getattr(self.field, "reveal_fields", {})
        items = []
        for index, (value, label) in enumerate(self.field.choices):
            if value in ("", None):
                continue
            item_id = self.auto_id if not items else f"{self.auto_id}-{index + 1}"
            reveal = getattr(self.field, "choice_reveals", {}).get(value, "")
            fields = [] if reveal else [self.form[name] for name in reveal_fields.get(value, ())]
            items.append(
                {
                    "value": value,
                    "label": label,
                    "id": item_id,
                    "checked": str(value) in chosen,
                    "hint": getattr(self.field, "choice_hints", {}).get(value, ""),
                    "reveal": reveal,
                    "reveal_fields": fields,
                    "conditional_id": f"conditional-{item_id}" if reveal or fields else "",
                }
            )
        return items

    @property
    def checked(self) -> bool:
        return bool(self.value())

    def as_widget(self, widget: forms.Widget | None = None, attrs: Any = None, only_initial: bool = False) -> Any:
        # GOV.UK: never the maxlength attribute (it cuts off what people type without telling them);
        # the server checks the length and says so.
        widget = copy.copy(widget or self.field.widget)
        widget.attrs = {key: value for key, value in widget.attrs.items() if key != "maxlength"}
        return super().as_widget(widget, attrs, only_initial)

    def build_widget_attrs(self, attrs: dict[str, Any], widget: forms.Widget | None = None) -> dict[str, Any]:
        attrs = super().build_widget_attrs(attrs, widget)
        widget = widget or self.field.widget
        own_classes = str(widget.attrs.get("class", ""))
        described = []
        if "govuk-js-character-count" in own_classes:
            described.append(self.info_id)
        if self.help_text:
            described.append(self.hint_id)
        if self.errors:
            described.append(self.error_id)
        if described:
            attrs["aria-describedby"] = " ".join(described)
        else:
            attrs.pop("aria-describedby", None)
        for kind, (base, error) in _CONTROL_CLASSES.items():
            if isinstance(widget, kind) and not isinstance(widget, (forms.RadioSelect, forms.CheckboxInput)):
                classes = [base, *own_classes.split()]
                if self.errors:
                    classes.append(error)
                attrs["class"] = " ".join(dict.fromkeys(classes))
                break
        return attrs


class GovukForm(forms.Form):
    """A form whose fields render as GOV.UK components; the browser never validates.

    A follow-up field (named in another field's ``reveal_fields``) under an answer that was not
    chosen is cleaned to ``None`` and its errors dropped, before a subclass's ``clean`` (which
    calls this one first) checks the follow-ups of the answer that was. The browser sends such
    fields even when GOV.UK Frontend hides them, and without JavaScript they are all shown.
    """

    bound_field_class = GovukBoundField
    use_required_attribute = False

    @property
    def revealed_names(self) -> set[str]:
        """Fields shown under a choice of another field (drawn there, not on their own)."""
        return {name for field in self.fields.values() for group in getattr(field, "reveal_fields", {}).values()
                for name in group}

    def unchosen_reveals(self) -> set[str]:
        """Follow-up fields whose answer was not chosen, or sit under a follow-up that is not shown."""
        hidden: set[str] = set()
        grown = True
        while grown:
            grown = False
            for name, field in self.fields.items():
                reveals = getattr(field, "reveal_fields", {})
                if not reveals:
                    continue
                value = None if name in hidden else self.cleaned_data.get(name)
                if isinstance(value, (list, tuple)):
                    chosen = {str(v) for v in value}
                else:
                    chosen = set() if value in (None, "") else {str(value)}
                for choice, group in reveals.items():
                    if str(choice) not in chosen and not set(group) <= hidden:
                        hidden.update(group)
                        grown = True
        return hidden

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        for name in self.unchosen_reveals():
            self._errors.pop(name, None)
            data[name] = None
        return data

    def error_items(self) -> list[tuple[str, str]]:
        """(link, message) for the error summary, in the order of the page."""
        items: list[tuple[str, str]] = []
        for message in self.non_field_errors():
            items.append((f"#{self[self.summary_field].anchor}" if self.summary_field else "", message))
        for name in self.fields:
            for message in self.errors.get(name, []):
                items.append((f"#{self[name].anchor}", message))
        return items

    #: The field a form-wide error links to ("" for none).
    summary_field = ""


# -- add-another rows -----------------------------------------------------------------------


class RowForm(GovukForm):
    """One row of an add-another page; an empty row is ignored."""

    def is_empty(self) -> bool:
        return not any(str(self[name].value() or "").strip() for name in self.fields)

    def full_clean(self) -> None:
        if self.is_bound and self.is_empty():
            self._errors = forms.utils.ErrorDict()
            self.cleaned_data = {}
            return
        super().full_clean()

    def raw(self) -> dict[str, str]:
        """What was typed (to re-render the rows when one is added or removed)."""
        return {name: str(self[name].value() or "") for name in self.fields}


class RowFormSet(BaseFormSet):
    """The rows of an add-another page (rows can be added without losing what was typed)."""

    default_error_messages = {
        **BaseFormSet.default_error_messages,
        "missing_management_form": "Something went wrong with this page. Enter your answers again",
        "too_many_forms": f"You can enter up to {MAX_ROWS} rows",
    }

    def rows(self) -> list[dict[str, Any]]:
        """The cleaned non-empty rows (after is_valid())."""
        return [form.row() for form in self.forms if not form.is_empty()]

    def raw_rows(self) -> list[dict[str, str]]:
        return [form.raw() for form in self.forms]

    #: The field of the first row that a page-wide error links to.
    anchor_field = ""

    def error_items(self) -> list[tuple[str, str]]:
        items: list[tuple[str, str]] = []
        first = self.forms[0] if self.forms else None
        for message in self.non_form_errors():
            anchor = ""
            if first is not None:
                anchor = f"#{first[self.anchor_field or next(iter(first.fields))].anchor}"
            items.append((anchor, message))
        for form in self.forms:
            items.extend(form.error_items())
        return items


def rows_formset(form_class: type[RowForm]) -> type[RowFormSet]:
    return formset_factory(
        form_class, formset=RowFormSet, extra=0, max_num=MAX_ROWS, validate_max=True, absolute_max=MAX_ROWS,
    )


def row_initial(rows: Any, keys: tuple[str, ...], *, at_least: int) -> list[dict[str, str]]:
    """Saved rows as the initial values of a row page, padded with empty rows."""
    initial = []
    for row in rows if isinstance(rows, list) else []:
        if isinstance(row, dict):
            initial.append({key: str(row.get(key) or "") for key in keys})
    while len(initial) < at_least:
        initial.append({key: "" for key in keys})
    return initial


def error_items(*forms_: GovukForm | RowFormSet | None) -> list[tuple[str, str]]:
    """The error summary of a page: every error of its forms, in page order."""
    items: list[tuple[str, str]] = []
    for form in forms_:
        if form is not None and (form.is_bound):
            items.extend(form.error_items())
    return items
