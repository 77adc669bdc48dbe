"""The statement of means of a company or organisation: its accounts' key figures (one page, ``accounts``).

A company or organisation gives no household, income or spending (the affordability
calculation is for individuals only: PD 51R 7.16, 7.42G); it gives its turnover, assets,
liabilities and profit or loss instead.
"""
from __future__ import annotations

from typing import Any

from django import forms

from ocmc.govuk_forms import text
from responses.ocon9 import Situation, money
from rules.money import format_money

from .fields import MeansForm, _money


class AccountsForm(MeansForm):
    turnover = _money("Turnover in your last financial year", required="Enter your turnover",
                      invalid="Turnover must be an amount of money, like 125,000.00",
                      help_text="The total your organisation took in the year, before expenses and tax")
    assets = _money("Total assets", required="Enter your total assets",
                    invalid="Total assets must be an amount of money, like 50,000.00",
                    help_text="What everything your organisation owns is worth, including money it is owed")
    liabilities = _money("Total liabilities", required="Enter your total liabilities",
                         invalid="Total liabilities must be an amount of money, like 40,000.00",
                         help_text="Everything your organisation owes, including loans and unpaid bills")
    profit = _money("Profit or loss in your last financial year", required="Enter your profit or loss",
                    invalid="Profit or loss must be an amount of money, like 10,000.00, or -10,000.00 for a loss",
                    help_text="For a loss, enter a minus sign before the amount, like -10,000.00", signed=True)
    explanation = text("Is there anything else the court should know about your organisation’s finances? "
                       "(optional)", max_length=2000, widget=forms.Textarea, attrs={"rows": 4},
                       help_text="For example, if your finances have changed since your last financial year")

    @classmethod
    def summary(cls, saved: dict[str, Any], situation: Situation) -> list[tuple[str, str]]:
        rows = super().summary(saved, situation)
        profit = money(saved.get("profit"))
        label = str(cls.base_fields["profit"].label)
        if profit is not None:
            shown = f"Loss of {format_money(-profit)}" if profit < 0 else f"Profit of {format_money(profit)}"
            rows = [(question, shown if question == label else answer) for question, answer in rows]
        return rows
