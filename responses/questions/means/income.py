"""The statement of means: work, income and savings (PD 51R 7.10(3), Annex A).

Employment and self-employment (``employment``, with a self-employed turnover and tax
arrears), regular income by kind and frequency (``income``), and bank and savings accounts
(``bank_accounts``, add-another rows; a balance may be negative when overdrawn): what the
affordability calculation counts as income.
"""
from __future__ import annotations

from typing import Any

from django import forms

from ocmc.govuk_forms import text
from responses.ocon9 import money
from rules.money import format_money

from ..base import QuestionRow, display, yes_no
from .amounts import AmountKind, Wording, _amounts_form
from .fields import MeansForm, _checkboxes, _follow_up, _money, _signed

EMPLOYMENT = {"employed": "Employed", "self_employed": "Self-employed", "neither": "Neither"}


class EmploymentForm(MeansForm):
    status = _checkboxes(
        "Are you employed, self-employed or neither?", required="Select if you are employed, self-employed or "
        "neither", help_text="Select all that apply.", choices=list(EMPLOYMENT.items()),
        reveal={"employed": ("employer", "job_title"),
                "self_employed": ("self_employed_job", "turnover", "tax_arrears")},
    )
    employer = _follow_up(text("Who do you work for?", required="Enter who you work for", max_length=500,
                               help_text="If you have more than one job, give the name of each employer"))
    job_title = _follow_up(text("What is your job title?", required="Enter your job title", max_length=200,
                                help_text="If you have more than one job, give each job title"))
    self_employed_job = _follow_up(text("What is your job title in your self-employed work?",
                                        required="Enter your job title in your self-employed work", max_length=200,
                                        help_text="For example, plumber or hairdresser"))
    turnover = _money("What is your annual turnover?", required="Enter your annual turnover",
                      invalid="Annual turnover must be an amount of money, like 12,500.00",
                      help_text="The total your business takes in a year, before expenses and tax", follow_up=True)
    tax_arrears = _follow_up(yes_no("Are you behind on your tax payments?",
                                    required="Select yes if you are behind on your tax payments",
                                    help_text="Income Tax or National Insurance for your self-employed work",
                                    reveal={"yes": ("tax_arrears_amount", "tax_arrears_reason")}))
    tax_arrears_amount = _money("How much tax do you owe?", required="Enter how much tax you owe",
                                invalid="The tax you owe must be an amount of money, like 1,234.56", follow_up=True)
    tax_arrears_reason = _follow_up(text("Why are you behind on your tax payments?",
                                         required="Enter why you are behind on your tax payments", max_length=1000,
                                         widget=forms.Textarea, attrs={"rows": 3}))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["status"].choice_hints = {  # type: ignore[attr-defined]
            "neither": "For example, you are unemployed, retired or unable to work",
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        status = data.get("status") or []
        if "neither" in status and len(status) > 1:
            self.add_error("status", "Select ‘Neither’ on its own, or select employed or self-employed")
            return data
        if "employed" in status:
            self.require("employer", "job_title")
        if "self_employed" in status:
            self.require("self_employed_job", "turnover", "tax_arrears")
            if data.get("tax_arrears") == "yes":
                self.require("tax_arrears_amount", "tax_arrears_reason")
        return data


INCOME = (
    AmountKind("job", "Income from your job", "your take-home pay", summary="Take-home pay from your job",
         hint="What you get after tax, National Insurance and any other deductions"),
    AmountKind("self_employment", "Income from self-employment", "your earnings from self-employment",
         summary="Earnings from self-employment", hint="What you earn after expenses and tax"),
    AmountKind("universal_credit", "Universal Credit", "Universal Credit"),
    AmountKind("jobseekers_allowance", "Jobseeker’s Allowance", "Jobseeker’s Allowance"),
    AmountKind("income_support", "Income Support", "Income Support"),
    AmountKind("working_tax_credit", "Working Tax Credit", "Working Tax Credit"),
    AmountKind("child_tax_credit", "Child Tax Credit", "Child Tax Credit"),
    AmountKind("child_benefit", "Child Benefit", "Child Benefit"),
    AmountKind("council_tax_support", "Council Tax Support", "Council Tax Support"),
    AmountKind("pension", "Pension", "your pension", summary="Pension"),
    AmountKind("maintenance", "Maintenance payments you get", "maintenance payments", summary="Maintenance received",
         hint="For example, child maintenance from a former partner"),
    AmountKind("other", "Other income", "the other income", summary="Other income"),
)

IncomeForm = _amounts_form("IncomeForm", INCOME, Wording(
    question="What regular income do you get?",
    hint="Select all that apply. For each, tell us how much you get and how often.",
    required="Select the regular income you get, or select that you have none",
    none="I do not have any regular income",
    both="Select the regular income you get, or select that you have none, not both",
    amount="Amount of {what}",
    amount_required="Enter the amount of {what}",
    amount_invalid="Amount of {what} must be an amount of money, like 250.00",
    frequency="How often do you get {what}?",
    frequency_required="Select how often you get {what}",
    description="What is the other income?",
    description_required="Enter what the other income is",
    nothing=("Regular income", "None"),
), module=__name__)

ACCOUNT_TYPES = {
    "current": "Current account",
    "savings": "Savings account",
    "isa": "ISA",
    "other": "Other",
}


class BankAccountRow(QuestionRow):
    type = yes_no("Type of account", required="Select the type of account", choices=list(ACCOUNT_TYPES.items()))
    joint = yes_no("Is it a joint account?", required="Select yes if it is a joint account")
    balance = _money("Balance", required="Enter the balance of the account",
                     invalid="Balance must be an amount of money, like 1,234.56, or -250.00 if overdrawn",
                     help_text="If the account is overdrawn, enter a minus sign before the amount, like -250.00",
                     signed=True)

    @classmethod
    def describe(cls, row: dict[str, Any]) -> str:
        parts = [display(cls.base_fields["type"], row.get("type"))]
        if row.get("joint") == "yes":
            parts.append("joint account")
        balance = money(row.get("balance"))
        if balance is not None:
            parts.append(f"{_signed(balance)} (overdrawn)" if balance < 0 else format_money(balance))
        return ", ".join(part for part in parts if part)
