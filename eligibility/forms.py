"""One question of the eligibility checker as a GOV.UK radios form."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from crispy_forms_gds.helper import FormHelper
from django import forms

from rules.eligibility import Question


@dataclass(frozen=True)
class RadioItem:
    id: str
    value: str
    label: str
    hint: str
    checked: bool
    divider_before: bool

    @property
    def hint_id(self) -> str:
        return f"{self.id}-item-hint"


class AnswerForm(forms.Form):
    """The answer to ``question``: one of its options.

    The first radio's id is the field's id (``id_answer``), the others ``id_answer-2`` …,
    as the GOV.UK radios component does, so the error summary (crispy-forms-gds'
    ``{% error_summary form %}`` links to the field's id) goes to the first radio.
    """

    answer = forms.ChoiceField(widget=forms.RadioSelect)

    def __init__(self, question: Question, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.question = question
        field = self.fields["answer"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [(option.value, option.label) for option in question.options]
        field.label = question.text
        field.help_text = question.hint
        field.error_messages["required"] = question.error
        field.error_messages["invalid_choice"] = question.error
        self.helper = FormHelper()
        self.helper.form_tag = False

    def radio_items(self) -> list[RadioItem]:
        bound = self["answer"]
        chosen = bound.value()
        first_id = bound.auto_id
        return [
            RadioItem(
                id=first_id if position == 1 else f"{first_id}-{position}",
                value=option.value,
                label=option.label,
                hint=option.hint,
                checked=chosen == option.value,
                divider_before=option.divider_before,
            )
            for position, option in enumerate(self.question.options, start=1)
        ]
