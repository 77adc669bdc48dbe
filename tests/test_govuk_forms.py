"""The GOV.UK follow-up questions (conditional reveals) of ``ocmc.govuk_forms``: what the server keeps
and how the partials draw them for GOV.UK Frontend."""
from __future__ import annotations

from typing import Any

from django import forms
from django.template.loader import render_to_string

from ocmc.govuk_forms import GovukForm, MoneyField, text


def _radios(reveal: dict[str, tuple[str, ...]]) -> forms.ChoiceField:
    field = forms.ChoiceField(label="Have they paid?", choices=[("no", "No"), ("yes", "Yes"), ("part", "Part")],
                              widget=forms.RadioSelect)
    field.reveal_fields = reveal  # type: ignore[attr-defined]
    return field


class PaidForm(GovukForm):
    """Two answers with follow-ups, one follow-up with its own follow-up (a nested reveal)."""

    paid = _radios({"yes": ("amount",), "part": ("part_amount", "receipt")})
    amount = MoneyField(label="How much?", required=False)
    part_amount = MoneyField(label="How much of it?")  # required: only when "part" is chosen
    receipt = _radios({"yes": ("receipt_number",)})
    receipt_number = text("Receipt number", required="Enter the receipt number", max_length=10)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        self.seen_by_clean = dict(data)
        return data


class KindsForm(GovukForm):
    kinds = forms.MultipleChoiceField(label="Which?", choices=[("job", "Job"), ("pension", "Pension")],
                                      widget=forms.CheckboxSelectMultiple)
    kinds.reveal_fields = {"job": ("job_amount",), "pension": ("pension_amount",)}  # type: ignore[attr-defined]
    job_amount = MoneyField(label="Job", required=False)
    pension_amount = MoneyField(label="Pension", required=False)


def _cleaned(form: GovukForm) -> dict[str, Any]:
    assert form.is_valid(), form.errors
    return form.cleaned_data


def test_what_is_typed_under_an_answer_not_chosen_is_neither_checked_nor_kept():
    form = PaidForm({"paid": "no", "amount": "250", "part_amount": "not money", "receipt": "yes",
                     "receipt_number": "far too long for it"})
    data = _cleaned(form)
    assert data == {"paid": "no", "amount": None, "part_amount": None, "receipt": None, "receipt_number": None}
    assert form.seen_by_clean == data  # a subclass's clean already sees them dropped


def test_the_chosen_answers_follow_ups_are_kept_and_checked():
    assert _cleaned(PaidForm({"paid": "yes", "amount": "£1,250", "part_amount": "1"}))["amount"] == 1250
    form = PaidForm({"paid": "part", "amount": "ignored", "part_amount": "", "receipt": "yes", "receipt_number": ""})
    assert not form.is_valid()
    assert set(form.errors) == {"part_amount", "receipt_number"}
    assert form.cleaned_data["amount"] is None


def test_a_follow_up_under_a_follow_up_goes_with_its_parent():
    # "receipt: yes" is sent (the browser sends hidden inputs), but "receipt" is itself under "part".
    form = PaidForm({"paid": "yes", "amount": "5", "receipt": "yes", "receipt_number": "R1"})
    assert _cleaned(form)["receipt_number"] is None
    kept = _cleaned(PaidForm({"paid": "part", "part_amount": "5", "receipt": "yes", "receipt_number": "R1"}))
    assert kept["receipt"] == "yes" and kept["receipt_number"] == "R1"


def test_no_answer_keeps_no_follow_up():
    form = PaidForm({"amount": "5", "part_amount": "5"})
    assert not form.is_valid()
    assert list(form.errors) == ["paid"]
    assert form.cleaned_data["amount"] is None and form.cleaned_data["part_amount"] is None


def test_checkboxes_keep_the_follow_ups_of_every_box_checked_and_only_those():
    data = _cleaned(KindsForm({"kinds": ["pension"], "job_amount": "lots", "pension_amount": "300"}))
    assert data["job_amount"] is None and data["pension_amount"] == 300
    both = _cleaned(KindsForm({"kinds": ["job", "pension"], "job_amount": "10", "pension_amount": "20"}))
    assert (both["job_amount"], both["pension_amount"]) == (10, 20)


def test_revealed_names_are_every_follow_up():
    assert PaidForm().revealed_names == {"amount", "part_amount", "receipt", "receipt_number"}


def test_radios_draw_a_conditional_reveal_for_govuk_frontend():
    form = PaidForm({"paid": "part"})
    form.is_valid()
    html = render_to_string("govuk/_radios.html", {"field": form["paid"], "form": form})
    assert '<div class="govuk-radios" data-module="govuk-radios">' in html
    assert 'value="no">' in html  # no follow-up, no panel
    assert 'value="yes" data-aria-controls="conditional-id_paid-2"' in html
    assert 'value="part" checked data-aria-controls="conditional-id_paid-3"' in html
    # Hidden by GOV.UK Frontend's stylesheet only once its JavaScript runs (.govuk-frontend-supported).
    assert 'class="govuk-radios__conditional govuk-radios__conditional--hidden" id="conditional-id_paid-2"' in html
    assert 'class="govuk-radios__conditional" id="conditional-id_paid-3"' in html
    assert 'name="part_amount"' in html and 'name="receipt"' in html and 'id="conditional-id_receipt-2"' in html
    assert html.count('data-aria-controls=') == 3


def test_checkboxes_draw_a_conditional_reveal_for_govuk_frontend():
    form = KindsForm({"kinds": ["job"]})
    html = render_to_string("govuk/_checkboxes.html", {"field": form["kinds"], "form": form})
    assert 'data-module="govuk-checkboxes"' in html
    assert 'value="job" checked data-aria-controls="conditional-id_kinds"' in html
    assert 'value="pension" data-aria-controls="conditional-id_kinds-2"' in html
    assert 'class="govuk-checkboxes__conditional" id="conditional-id_kinds"' in html
    assert ('class="govuk-checkboxes__conditional govuk-checkboxes__conditional--hidden" id="conditional-id_kinds-2"'
            in html)
