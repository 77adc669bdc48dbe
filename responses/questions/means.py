"""The statement of means (with an admission asking for time to pay, PD 51R 7.10-7.15, 7.42A-F).

An individual or sole trader asking for time to pay tells us about their home, household,
work, income, accounts, spending and debts: everything the court's affordability
calculation (``shared/spec/affordability.md``) reads. A company or organisation gives its
accounts' key figures instead (one page, ``accounts``).

Every page saves plain strings (money ``"1234.56"``, which may be negative only for a bank
balance and a profit or loss; whole numbers ``"2"``; checkboxes a list of strings). A
follow-up question whose choice was not made is saved as ``""``. The keys each page saves:

- ``residence``: ``type`` (``RESIDENCE_TYPES``), ``other_details``.
- ``partner``: ``partner`` yes/no, ``partner_adult`` yes/no, ``partner_pensioner`` yes/no,
  ``partner_disability`` (no/yes/severe), ``pensioner`` yes/no.
- ``dependants``: ``children`` yes/no, ``under_11``, ``age_11_to_15``, ``age_16_to_19``
  (whole numbers; 16 to 19 only in full-time education or training), ``disabled`` yes/no.
- ``other_dependants``: ``supports`` yes/no, ``number``, ``details``, ``disabled`` yes/no.
- ``employment``: ``status`` (a list of ``EMPLOYMENT``: employed, self_employed, neither),
  ``employer``, ``job_title``, ``self_employed_job``, ``turnover`` (a year),
  ``tax_arrears`` yes/no, ``tax_arrears_amount``, ``tax_arrears_reason``.
- ``income``, ``expenses``, ``priority_debts``: ``types`` (a list of the page's kinds, or
  ``["none"]``), and for each kind ``<kind>_amount`` and ``<kind>_frequency``
  (``responses.ocon9.FREQUENCIES``), plus ``other_description`` where there is an "other".
  Kinds: ``INCOME``, ``EXPENSES``, ``PRIORITY_DEBTS`` (for a priority debt, the amount paid
  towards the arrears; it may be 0, and then needs no frequency).
- ``bank_accounts`` (rows): ``type`` (``ACCOUNT_TYPES``), ``joint`` yes/no, ``balance``.
- ``debts`` (rows): ``creditor``, ``total_owed``, ``monthly_payment``.
- ``court_orders`` (rows): ``claim_number``, ``amount_owed``, ``monthly_instalment``.
- ``disability``: ``disabled`` (no/yes/severe), ``carer`` yes/no.
- ``accounts``: ``turnover``, ``assets``, ``liabilities``, ``profit`` (negative: a loss),
  ``explanation``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, ClassVar

from django import forms
from django.core.exceptions import ValidationError

from ocmc.govuk_forms import MoneyField, text
from responses.ocon9 import FREQUENCIES, Situation, money
from rules.money import format_money

from .base import Page, QuestionForm, QuestionRow, Section, display, yes_no

NONE = "none"

RESIDENCE_TYPES = {
    "own_home": "A home you own yourself (or pay a mortgage on)",
    "joint_home": "A home you own jointly with someone else (or pay a joint mortgage on)",
    "private_rent": "A home you rent privately",
    "council": "A council or housing association home",
    "other": "Other",
}

EMPLOYMENT = {"employed": "Employed", "self_employed": "Self-employed", "neither": "Neither"}

ACCOUNT_TYPES = {
    "current": "Current account",
    "savings": "Savings account",
    "isa": "ISA",
    "other": "Other",
}

_MINUS_SIGNS = ("-", "\u2212", "\u2013")  # hyphen, minus sign, en dash (what people type or paste)


# -- fields ---------------------------------------------------------------------------------------


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


# -- the pages' common ground ------------------------------------------------------------------------


class MeansForm(QuestionForm):
    """A means page: its answers are saved in the order of its fields."""

    def saved(self) -> dict[str, Any]:
        answers = super().saved()
        return {name: answers[name] for name in self.fields if name in answers}


# -- where you live, and who with ----------------------------------------------------------------------


class ResidenceForm(MeansForm):
    type = yes_no("What type of home do you live in?", required="Select the type of home you live in",
                  choices=list(RESIDENCE_TYPES.items()), reveal={"other": ("other_details",)})
    other_details = _follow_up(text("Describe your home", required="Describe your home", max_length=200,
                                    help_text="For example, you live with your parents, or in supported housing"))

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("type") == "other":
            self.require("other_details")
        return data


class PartnerForm(MeansForm):
    partner = yes_no("Do you live with a partner?", required="Select yes if you live with a partner",
                     help_text="A husband, wife, civil partner, or someone you live with as a couple",
                     reveal={"yes": ("partner_adult", "partner_pensioner", "partner_disability")})
    partner_adult = _follow_up(yes_no("Is your partner aged 18 or over?",
                                      required="Select yes if your partner is aged 18 or over"))
    partner_pensioner = _follow_up(yes_no("Is your partner a pensioner?",
                                          required="Select yes if your partner is a pensioner",
                                          help_text="They have reached State Pension age"))
    partner_disability = _follow_up(yes_no(
        "Is your partner disabled?", required="Select whether your partner is disabled",
        choices=[("yes", "Yes"), ("severe", "Yes, my partner is severely disabled"), ("no", "No")],
    ))
    pensioner = yes_no("Are you a pensioner?", required="Select yes if you are a pensioner",
                       help_text="You have reached State Pension age")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["partner_disability"].choice_hints = {  # type: ignore[attr-defined]
            "severe": "For example, they get the Severe Disability Premium",
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("partner") == "yes":
            self.require("partner_adult", "partner_pensioner", "partner_disability")
        return data


CHILD_COUNTS = ("under_11", "age_11_to_15", "age_16_to_19")


class DependantsForm(MeansForm):
    children = yes_no(
        "Do any children live with you?", required="Select yes if any children live with you",
        help_text="Only include children you support financially. Include children aged 16 to 19 only if they are "
                  "in full-time education or training.",
        reveal={"yes": (*CHILD_COUNTS, "disabled")},
    )
    under_11 = CountField(label="Number of children under 11")
    age_11_to_15 = CountField(label="Number of children aged 11 to 15")
    age_16_to_19 = CountField(label="Number of children aged 16 to 19 in full-time education or training")
    disabled = _follow_up(yes_no("Are any of these children disabled?",
                                 required="Select yes if any of these children are disabled"))

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("children") == "yes":
            if not any(name in self.errors for name in CHILD_COUNTS):
                for name in CHILD_COUNTS:
                    data[name] = data.get(name) or 0
                if not any(data[name] for name in CHILD_COUNTS):
                    self.add_error("under_11", "Enter how many children live with you in at least one age group")
            self.require("disabled")
        return data


class OtherDependantsForm(MeansForm):
    supports = yes_no(
        "Do you support anyone else financially?", required="Select yes if you support anyone else financially",
        help_text="For example, a relative who lives with you, or someone you send money to. Do not include your "
                  "partner or the children you have told us about.",
        reveal={"yes": ("number", "details", "disabled")},
    )
    number = CountField(label="Number of people you support", required="Enter the number of people you support")
    details = _follow_up(text("Who are they, and how do you support them?", required="Enter who you support and how",
                              max_length=1000, widget=forms.Textarea, attrs={"rows": 3}))
    disabled = _follow_up(yes_no("Are any of them disabled?", required="Select yes if any of them are disabled"))

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("supports") == "yes":
            self.require("number", "details", "disabled")
            if data.get("number") == 0 and "number" not in self.errors:
                self.add_error("number", "Number of people you support must be 1 or more")
        return data


# -- work -------------------------------------------------------------------------------------------------------


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


# -- amounts by kind and frequency: income, expenses, priority debts ------------------------------------------------


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


def _amounts_form(name: str, kinds: tuple[AmountKind, ...], wording: Wording, *,
                  zero_allowed: bool = False) -> type[AmountsForm]:
    """The form of an amounts page: ``types`` checkboxes, and under each kind its amount and frequency."""
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
        "__module__": __name__, "__qualname__": name, "kinds": kinds, "wording": wording,
        "zero_allowed": zero_allowed, "types": checkboxes, **fields,
    }
    form_class = type(AmountsForm)(name, (AmountsForm,), attrs)
    form_class.base_fields["types"].choice_hints = hints  # type: ignore[attr-defined]
    return form_class


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
))

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
))

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
), zero_allowed=True)


# -- accounts and debts (add-another rows) ----------------------------------------------------------------------------


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


# -- disability, and a company's accounts --------------------------------------------------------------------------


class DisabilityForm(MeansForm):
    disabled = yes_no("Are you disabled?", required="Select whether you are disabled",
                      choices=[("yes", "Yes"), ("severe", "Yes, I am severely disabled"), ("no", "No")])
    carer = yes_no("Are you a carer?", required="Select yes if you are a carer",
                   help_text="For example, you get Carer’s Allowance or Carer Premium")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["disabled"].choice_hints = {  # type: ignore[attr-defined]
            "severe": "For example, you get the Severe Disability Premium",
        }


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


# -- the section ------------------------------------------------------------------------------------------------------


def _means(situation: Situation) -> bool:
    return situation.gives_means


def _accounts(situation: Situation) -> bool:
    return situation.gives_accounts


SECTION = Section("means", "Give us details of your finances", [
    Page("residence", "What type of home do you live in?", ResidenceForm, applies=_means),
    Page("partner", "You and your partner", PartnerForm, applies=_means),
    Page("dependants", "Do any children live with you?", DependantsForm, applies=_means),
    Page("other_dependants", "Do you support anyone else financially?", OtherDependantsForm, applies=_means),
    Page("employment", "Are you employed, self-employed or neither?", EmploymentForm, applies=_means),
    Page("income", "What regular income do you get?", IncomeForm, applies=_means),
    Page("bank_accounts", "What bank and savings accounts do you have?", row_form=BankAccountRow, applies=_means,
         row_noun="Account"),
    Page("expenses", "What are your regular expenses?", ExpensesForm, applies=_means),
    Page("priority_debts", "Are you behind on any of these payments?", PriorityDebtsForm, applies=_means),
    Page("debts", "What loans and credit card debts do you have?", row_form=DebtRow, applies=_means,
         row_noun="Debt"),
    Page("court_orders", "What other court orders are you paying?", row_form=CourtOrderRow, applies=_means,
         row_noun="Court order"),
    Page("disability", "Are you disabled or a carer?", DisabilityForm, applies=_means),
    Page("accounts", "Your organisation’s finances", AccountsForm, applies=_accounts),
])
