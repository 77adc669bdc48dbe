"""The statement of means: spending and debts (PD 51R 7.10(3), Annex A).

Regular expenses by kind and frequency (``expenses``), priority debts in arrears and what is
paid towards them (``priority_debts``), loans and credit card debts (``debts``) and other
court orders being paid (``court_orders``), both add-another rows: what the affordability
calculation takes off the income.
"""
from __future__ import annotations

from typing import Any

from ocmc.govuk_forms import text
from responses.ocon9 import money
from rules.money import format_money

from ..base import QuestionRow
from .amounts import AmountKind, Wording, _amounts_form
from .fields import _money

EXPENSES = (
    AmountKind("mortgage", "Mortgage", "your mortgage"),
    AmountKind("rent", "Rent", "rent"),
    AmountKind("council_tax", "Council Tax", "Council Tax"),
    AmountKind("gas", "Gas", "gas"),
    AmountKind("electricity", "Electricity", "electricity"),
    AmountKind("water", "Water", "water"),
    AmountKind("travel", "Travel", "travel", hint="For example, fuel, car insurance, or bus and train fares"),
    AmountKind("school", "School costs", "school costs", hint="For example, school meals, uniforms and trips"),
    AmountKind("food", "Food and housekeeping", "food and housekeeping"),
    AmountKind("tv_broadband", "TV and broadband", "TV and broadband"),
    AmountKind("hire_purchase", "Hire purchase", "hire purchase"),
    AmountKind("mobile_phone", "Mobile phone", "your mobile phone"),
    AmountKind("maintenance", "Maintenance payments", "maintenance payments", summary="Maintenance paid",
         hint="For example, child maintenance you pay to a former partner"),
    AmountKind("other", "Other expenses", "the other expenses"),
)

ExpensesForm = _amounts_form("ExpensesForm", EXPENSES, Wording(
    question="What are your regular expenses?",
    hint="Select all that apply. Only include what you pay yourself: if you share a cost, include your share.",
    required="Select your regular expenses, or select that you have none",
    none="I do not have any of these expenses",
    both="Select your regular expenses, or select that you have none, not both",
    amount="Amount you pay for {what}",
    amount_required="Enter the amount you pay for {what}",
    amount_invalid="Amount you pay for {what} must be an amount of money, like 250.00",
    frequency="How often do you pay for {what}?",
    frequency_required="Select how often you pay for {what}",
    description="What are the other expenses?",
    description_required="Enter what the other expenses are",
    nothing=("Regular expenses", "None"),
), module=__name__)

PRIORITY_DEBTS = (
    AmountKind("mortgage", "Mortgage", "your mortgage arrears", summary="Mortgage arrears"),
    AmountKind("rent", "Rent", "your rent arrears", summary="Rent arrears"),
    AmountKind("council_tax", "Council Tax", "your Council Tax arrears", summary="Council Tax arrears"),
    AmountKind("gas", "Gas", "your gas arrears", summary="Gas arrears"),
    AmountKind("electricity", "Electricity", "your electricity arrears", summary="Electricity arrears"),
    AmountKind("water", "Water", "your water arrears", summary="Water arrears"),
    AmountKind("maintenance", "Maintenance payments", "your maintenance arrears", summary="Maintenance arrears"),
)

PriorityDebtsForm = _amounts_form("PriorityDebtsForm", PRIORITY_DEBTS, Wording(
    question="Are you behind on any of these payments?",
    hint="Select all that apply. For each, tell us how much you are paying towards what you are behind on "
         "(enter 0 if you are not paying anything towards it).",
    required="Select the payments you are behind on, or select that you are not behind on any",
    none="I am not behind on any of these payments",
    both="Select the payments you are behind on, or select that you are not behind on any, not both",
    amount="Amount you pay towards {what}",
    amount_required="Enter the amount you pay towards {what}",
    amount_invalid="Amount you pay towards {what} must be an amount of money, like 50.00",
    frequency="How often do you pay towards {what}?",
    frequency_required="Select how often you pay towards {what}",
    description="",
    description_required="",
    nothing=("Payments you are behind on", "None"),
), module=__name__, zero_allowed=True)


class DebtRow(QuestionRow):
    creditor = text("Who do you owe money to?", required="Enter who you owe money to", max_length=200,
                    help_text="For example, the name of a bank or credit card company")
    total_owed = _money("Total amount owed", required="Enter the total amount you owe",
                        invalid="Total amount owed must be an amount of money, like 1,234.56")
    monthly_payment = _money("Monthly payment", required="Enter how much you pay each month",
                             invalid="Monthly payment must be an amount of money, like 50.00",
                             help_text="Enter 0 if you are not paying anything")

    @classmethod
    def describe(cls, row: dict[str, Any]) -> str:
        owed, monthly = money(row.get("total_owed")), money(row.get("monthly_payment"))
        parts = [str(row.get("creditor") or "")]
        if owed is not None:
            parts.append(f"{format_money(owed)} owed")
        if monthly is not None:
            parts.append(f"paying {format_money(monthly)} a month")
        return ", ".join(part for part in parts if part)


class CourtOrderRow(QuestionRow):
    claim_number = text("Claim number", required="Enter the claim number", max_length=30,
                        help_text="It is on the court order", attrs={"class": "govuk-input--width-10",
                                                                    "spellcheck": "false"})
    amount_owed = _money("Amount you still owe", required="Enter the amount you still owe",
                         invalid="Amount you still owe must be an amount of money, like 1,234.56")
    monthly_instalment = _money("Monthly instalment", required="Enter how much you pay each month",
                                invalid="Monthly instalment must be an amount of money, like 50.00")

    @classmethod
    def describe(cls, row: dict[str, Any]) -> str:
        owed, monthly = money(row.get("amount_owed")), money(row.get("monthly_instalment"))
        parts = [f"Claim {row.get('claim_number')}" if row.get("claim_number") else ""]
        if owed is not None:
            parts.append(f"{format_money(owed)} still owed")
        if monthly is not None:
            parts.append(f"paying {format_money(monthly)} a month")
        return ", ".join(part for part in parts if part)
