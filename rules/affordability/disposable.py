"""1. The defendant's monthly disposable income, with the allowance table (PD 51R Annex A; spec §1).

Monthly disposable income = income − expenses − allowances (every amount made monthly
first): regular income of every kind, plus a self-employed annual turnover ÷ 12 where it is
given instead of an income from self-employment, plus savings (positive balances above
1.5 × the monthly regular income, ÷ 12); less payments on other debts, other court orders'
instalments, payments towards priority debts in arrears, and rent or mortgage; less the
allowances for an individual from the table in force (dated data). Zero or negative: the
defendant cannot pay anything. The disposable income is rounded to the penny; every other
figure is kept at full precision.

Reading of the allowance table where the spec leaves room (noted in the record's labels):

- Living: "with a partner over 18" if the defendant lives with a partner aged 18 or over;
  otherwise the single rate for the defendant's age on the day of the calculation (none
  under 18: the table has no row for it).
- Dependant children: every child the defendant said lives with them (the 16 to 19 count
  is, by the question, only those in full-time education or training). Other adults the
  defendant supports get no dependant allowance (the table's row is for children).
- Pensioner: the defendant is a pensioner; the "with a pensioner partner" rate if they
  live with a partner who is one too.
- Disability: the defendant is disabled; "with partner" if the partner is disabled too.
  Severe disability: the defendant is severely disabled; "with partner" if the partner is
  severely disabled too (otherwise the "alone" rate).
- Disabled dependant or carer (a disabled child, or a disabled person the defendant
  supports; or the defendant is a carer): the larger of the two that apply, and only if
  the defendant gets no disability allowance of their own.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from ..money import PENNY, format_money
from .means import (
    HOUSING_LABELS,
    INCOME_LABELS,
    PRIORITY_DEBT_LABELS,
    Item,
    _amount,
    _count,
    _date_of_birth,
    _monthly_rows,
    _not_for_organisations,
    _page,
    _regular_amounts,
    _rows,
    _yes,
    age_on,
)

SAVINGS_MULTIPLE = Decimal("1.5")


# -- the allowance table (dated data) ------------------------------------------------------------


@dataclass(frozen=True)
class Allowances:
    """The monthly allowances in force from ``effective_from``."""

    effective_from: date
    single_18_to_24: Decimal
    single_25_and_over: Decimal
    with_partner: Decimal
    dependant_child: Decimal
    pensioner_alone: Decimal
    pensioner_with_partner: Decimal
    disability_alone: Decimal
    disability_with_partner: Decimal
    severe_disability_alone: Decimal
    severe_disability_with_partner: Decimal
    disabled_dependant: Decimal
    carer: Decimal


#: The table in force from 5 May 2021.
ALLOWANCES_2021 = Allowances(
    effective_from=date(2021, 5, 5),
    single_18_to_24=Decimal("256.53"),
    single_25_and_over=Decimal("323.70"),
    with_partner=Decimal("508.73"),
    dependant_child=Decimal("297.26"),
    pensioner_alone=Decimal("443.73"),
    pensioner_with_partner=Decimal("662.56"),
    disability_alone=Decimal("152.90"),
    disability_with_partner=Decimal("216.88"),
    severe_disability_alone=Decimal("291.63"),
    severe_disability_with_partner=Decimal("583.26"),
    disabled_dependant=Decimal("285.74"),
    carer=Decimal("163.37"),
)


def allowances_in_force(tables: Iterable[Allowances], on: date) -> Allowances:
    """The table with the latest effective date on or before ``on``."""
    candidates = [table for table in tables if table.effective_from <= on]
    if not candidates:
        raise LookupError(f"no allowance table in force on {on}")
    return max(candidates, key=lambda table: table.effective_from)


# -- 1. monthly disposable income ------------------------------------------------------------------


@dataclass(frozen=True)
class Calculation:
    """Every figure of the monthly disposable income calculation, for the record (monthly,
    unrounded except ``disposable``, which is to the penny)."""

    calculated_on: date
    allowances_from: date
    age: int | None
    income_items: tuple[Item, ...]
    regular_income: Decimal
    turnover: Decimal
    savings_balances: Decimal
    savings_threshold: Decimal
    savings: Decimal
    income: Decimal
    expense_items: tuple[Item, ...]
    expenses: Decimal
    allowance_items: tuple[Item, ...]
    allowances: Decimal
    disposable: Decimal
    notes: tuple[str, ...] = field(default=())

    @property
    def can_pay(self) -> bool:
        """False when the disposable income is zero or negative: the defendant cannot pay anything."""
        return self.disposable > 0

    @property
    def allowances_by_name(self) -> dict[str, Decimal]:
        return {item.key.removeprefix("allowance."): item.monthly for item in self.allowance_items}

    def to_record(self) -> dict[str, Any]:
        return {
            "calculated_on": self.calculated_on.isoformat(),
            "allowances_from": self.allowances_from.isoformat(),
            "age": self.age,
            "income_items": [item.to_record() for item in self.income_items],
            "regular_income": str(self.regular_income),
            "turnover": str(self.turnover),
            "savings_balances": str(self.savings_balances),
            "savings_threshold": str(self.savings_threshold),
            "savings": str(self.savings),
            "income": str(self.income),
            "expense_items": [item.to_record() for item in self.expense_items],
            "expenses": str(self.expenses),
            "allowance_items": [item.to_record() for item in self.allowance_items],
            "allowances": str(self.allowances),
            "disposable": str(self.disposable),
            "can_pay": self.can_pay,
            "notes": list(self.notes),
        }


def _allowances(means: dict[str, Any], table: Allowances, today: date) -> tuple[list[Item], int | None]:
    partner = _page(means, "partner")
    has_partner = _yes(partner, "partner")
    born = _date_of_birth(means)
    age = age_on(born, today) if born else None
    items: list[Item] = []

    def add(key: str, label: str, monthly: Decimal) -> None:
        items.append(Item(f"allowance.{key}", label, monthly))

    if has_partner and _yes(partner, "partner_adult"):
        add("living", "Living, with a partner over 18", table.with_partner)
    elif age is None:
        raise ValueError("the defendant's date of birth is needed for the living allowance")
    elif age >= 25:
        add("living", "Living, single, aged 25 or over", table.single_25_and_over)
    elif age >= 18:
        add("living", "Living, single, aged 18 to 24", table.single_18_to_24)

    dependants = _page(means, "dependants")
    children = 0
    if _yes(dependants, "children"):
        children = sum(_count(dependants.get(key), key) for key in ("under_11", "age_11_to_15", "age_16_to_19"))
    if children:
        add("dependants", f"Dependant children ({children} × {format_money(table.dependant_child)})",
            table.dependant_child * children)

    if _yes(partner, "pensioner"):
        if has_partner and _yes(partner, "partner_pensioner"):
            add("pensioner", "Pensioner, with a pensioner partner", table.pensioner_with_partner)
        else:
            add("pensioner", "Pensioner", table.pensioner_alone)

    disability = _page(means, "disability")
    own = disability.get("disabled")
    partners = partner.get("partner_disability") if has_partner else "no"
    if own == "severe":
        if partners == "severe":
            add("disability", "Severe disability, with a severely disabled partner",
                table.severe_disability_with_partner)
        else:
            add("disability", "Severe disability", table.severe_disability_alone)
    elif own == "yes":
        if partners in ("yes", "severe"):
            add("disability", "Disability, with a disabled partner", table.disability_with_partner)
        else:
            add("disability", "Disability", table.disability_alone)
    else:
        others = _page(means, "other_dependants")
        disabled_dependant = (children > 0 and _yes(dependants, "disabled")) or (
            _yes(others, "supports") and _yes(others, "disabled"))
        choices = []
        if disabled_dependant:
            choices.append(("Disabled dependant", table.disabled_dependant))
        if _yes(disability, "carer"):
            choices.append(("Carer", table.carer))
        if choices:
            label, monthly = max(choices, key=lambda choice: choice[1])
            add("disabled_dependant_or_carer", label, monthly)
    return items, age


def monthly_disposable_income(
    means: dict[str, Any], *, today: date, allowances: Allowances, party_type: str = "individual"
) -> Calculation:
    """The defendant's monthly disposable income from their statement of means (Annex A; spec §1).

    ``means`` is the response draft (the statement of means pages and ``details``);
    ``allowances`` the table in force on ``today`` (see :func:`allowances_in_force`).
    """
    _not_for_organisations(party_type)
    notes: list[str] = []
    income_items = _regular_amounts(means, "income", INCOME_LABELS)
    regular_income = sum((item.monthly for item in income_items), Decimal(0))

    employment = _page(means, "employment")
    turnover = Decimal(0)
    annual = _amount(employment.get("turnover"), "turnover")
    if "self_employed" in (employment.get("status") or []) and annual:
        if any(item.key == "income.self_employment" for item in income_items):
            notes.append("Annual turnover not counted: an income from self-employment is given")
        else:
            turnover = annual / 12

    balances = [_amount(row.get("balance"), "balance") for row in _rows(means, "bank_accounts")]
    savings_balances = sum((balance for balance in balances if balance and balance > 0), Decimal(0))
    savings_threshold = SAVINGS_MULTIPLE * regular_income
    savings = max(Decimal(0), savings_balances - savings_threshold) / 12
    income = regular_income + turnover + savings

    expense_items = [
        *_monthly_rows(means, "debts", "monthly_payment", "Debt"),
        *_monthly_rows(means, "court_orders", "monthly_instalment", "Court order"),
        *_regular_amounts(means, "priority_debts", PRIORITY_DEBT_LABELS),
        *_regular_amounts(means, "expenses", HOUSING_LABELS, only=HOUSING_LABELS),
    ]
    expenses = sum((item.monthly for item in expense_items), Decimal(0))

    allowance_items, age = _allowances(means, allowances, today)
    total_allowances = sum((item.monthly for item in allowance_items), Decimal(0))

    disposable = (income - expenses - total_allowances).quantize(PENNY, rounding=ROUND_HALF_UP)
    if disposable <= 0:
        notes.append("The defendant cannot pay anything: their disposable income is not above £0")
    return Calculation(
        calculated_on=today, allowances_from=allowances.effective_from, age=age,
        income_items=tuple(income_items), regular_income=regular_income, turnover=turnover,
        savings_balances=savings_balances, savings_threshold=savings_threshold, savings=savings, income=income,
        expense_items=tuple(expense_items), expenses=expenses,
        allowance_items=tuple(allowance_items), allowances=total_allowances,
        disposable=disposable, notes=tuple(notes),
    )
