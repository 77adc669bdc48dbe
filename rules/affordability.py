"""The affordability calculation (PD 51R 7.10-7.15, 7.42A-F, Annex A; ``shared/spec/affordability.md``).

When a claimant in person rejects an individual defendant's repayment offer and proposes
their own plan, the court works out from the defendant's statement of means what they can
afford (7.10(3), 7.42A(2)) and decides which plan stands. Pure Python, no Django; amounts
are ``Decimal``, never float, kept at full precision and rounded only where the spec says:
the disposable income to the penny, the court's instalment down to the penny.

1. Monthly disposable income = income − expenses − allowances (every amount made monthly
   first): regular income of every kind, plus a self-employed annual turnover ÷ 12 where
   it is given instead of an income from self-employment, plus savings (positive balances
   above 1.5 × the monthly regular income, ÷ 12); less payments on other debts, other court
   orders' instalments, payments towards priority debts in arrears, and rent or mortgage;
   less the allowances for an individual from the table in force (dated data). Zero or
   negative: the defendant cannot pay anything.
2. Frequencies: weekly × 52/12, fortnightly × 26/12, four-weekly × 13/12, monthly × 1.
3. The court's plan: at the defendant's instalment frequency (weekly if they offered a set
   date), instalment = min(disposable at that frequency, amount owed) rounded down to the
   penny; below £1 the defendant cannot afford any plan. First payment one calendar month
   after the calculation; n = ceil(owed ÷ instalment); last = first + (n − 1) periods.
4. Which plan wins, by the date of the final payment (:func:`decide`); a court plan that
   ends on the claimant's date leaves the claimant's plan standing.

A company or organisation gets no calculation: the claimant's rejection sends the claim
out (7.16, 7.42G), so these functions refuse one with a ValueError.

The statement of means is read from the response draft (``responses.questions.means``:
pages ``residence``, ``partner``, ``dependants``, ``other_dependants``, ``employment``,
``income``, ``bank_accounts``, ``expenses``, ``priority_debts``, ``debts``,
``court_orders``, ``disability``), with the date of birth from its ``details`` page.

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
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

from .judgments import Option, Plan, instalment_count, long_date, payment_date
from .money import PENNY, format_money, pounds
from .periods import add_months, days_after

#: Party types that give a statement of means (``responses.ocon9.MEANS_PARTY_TYPES``).
INDIVIDUALS = frozenset({"individual", "sole_trader"})

#: Monthly conversion: amount × numerator ÷ denominator (weekly × 52/12 …).
MONTHLY_FACTORS: dict[str, tuple[int, int]] = {
    "weekly": (52, 12),
    "fortnightly": (26, 12),
    "four_weekly": (13, 12),
    "monthly": (1, 1),
}

#: "Immediately" means within 5 days (7.3, ADM-5).
IMMEDIATELY_DAYS = 5

NONE = "none"
SAVINGS_MULTIPLE = Decimal("1.5")
MINIMUM_INSTALMENT = Decimal("1.00")


def to_monthly(amount: Decimal, frequency: str) -> Decimal:
    """An amount paid at ``frequency`` as a monthly figure, unrounded."""
    numerator, denominator = _factor(frequency)
    return Decimal(amount) * numerator / denominator


def from_monthly(monthly: Decimal, frequency: str) -> Decimal:
    """A monthly amount expressed at ``frequency`` (divided by the monthly factor), unrounded."""
    numerator, denominator = _factor(frequency)
    return Decimal(monthly) * denominator / numerator


def _factor(frequency: str) -> tuple[int, int]:
    try:
        return MONTHLY_FACTORS[frequency]
    except KeyError:
        raise ValueError(f"unknown frequency: {frequency!r}") from None


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


# -- reading the statement of means -------------------------------------------------------------

INCOME_LABELS = {
    "job": "Take-home pay from a job",
    "self_employment": "Earnings from self-employment",
    "universal_credit": "Universal Credit",
    "jobseekers_allowance": "Jobseeker’s Allowance",
    "income_support": "Income Support",
    "working_tax_credit": "Working Tax Credit",
    "child_tax_credit": "Child Tax Credit",
    "child_benefit": "Child Benefit",
    "council_tax_support": "Council Tax Support",
    "pension": "Pension",
    "maintenance": "Maintenance received",
    "other": "Other income",
}
HOUSING_LABELS = {"mortgage": "Mortgage", "rent": "Rent"}
PRIORITY_DEBT_LABELS = {
    "mortgage": "Mortgage arrears",
    "rent": "Rent arrears",
    "council_tax": "Council Tax arrears",
    "gas": "Gas arrears",
    "electricity": "Electricity arrears",
    "water": "Water arrears",
    "maintenance": "Maintenance arrears",
}


def _page(means: dict[str, Any], slug: str) -> dict[str, Any]:
    value = means.get(slug)
    return value if isinstance(value, dict) else {}


def _rows(means: dict[str, Any], slug: str) -> list[dict[str, Any]]:
    value = means.get(slug)
    if isinstance(value, dict):
        value = value.get("rows")
    return [row for row in value if isinstance(row, dict)] if isinstance(value, list) else []


def _yes(page: dict[str, Any], key: str) -> bool:
    return page.get(key) == "yes"


def _amount(value: Any, what: str) -> Decimal | None:
    if value is None or value == "":
        return None
    if isinstance(value, float):
        raise TypeError("money is never a float")
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        raise ValueError(f"{what} is not an amount of money: {value!r}") from None
    if not amount.is_finite():
        raise ValueError(f"{what} is not an amount of money: {value!r}")
    return amount


def _count(value: Any, what: str) -> int:
    if value is None or value == "":
        return 0
    try:
        number = int(str(value))
    except ValueError:
        raise ValueError(f"{what} is not a whole number: {value!r}") from None
    if number < 0:
        raise ValueError(f"{what} cannot be negative")
    return number


def age_on(born: date, on: date) -> int:
    """Age in whole years on ``on`` (someone born on 29 February turns a year older on 1 March)."""
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def _date_of_birth(means: dict[str, Any]) -> date | None:
    value = _page(means, "details").get("date_of_birth")
    if isinstance(value, date):
        return value
    if not value:
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise ValueError(f"the date of birth is not a date: {value!r}") from None


@dataclass(frozen=True)
class Item:
    """One figure of the calculation: as given (``amount`` at ``frequency``) and a month."""

    key: str
    label: str
    monthly: Decimal
    amount: Decimal | None = None
    frequency: str = ""

    def to_record(self) -> dict[str, str | None]:
        return {
            "key": self.key, "label": self.label, "monthly": str(self.monthly),
            "amount": str(self.amount) if self.amount is not None else None, "frequency": self.frequency or None,
        }


def _regular_amounts(means: dict[str, Any], slug: str, labels: dict[str, str],
                     only: Iterable[str] | None = None) -> list[Item]:
    """The kinds chosen on an amounts page (income, expenses, priority debts), made monthly."""
    page = _page(means, slug)
    wanted = set(only) if only is not None else None
    items = []
    for kind in page.get("types") or []:
        if kind == NONE or (wanted is not None and kind not in wanted):
            continue
        label = labels.get(kind, kind.replace("_", " ").capitalize())
        if kind == "other" and page.get("other_description"):
            label = f"{label}: {page['other_description']}"
        amount = _amount(page.get(f"{kind}_amount"), f"{slug} {kind}")
        if amount is None:
            raise ValueError(f"{slug}: no amount given for {kind}")
        if amount < 0:
            raise ValueError(f"{slug}: the amount for {kind} cannot be negative")
        if amount == 0:
            items.append(Item(f"{slug}.{kind}", label, Decimal(0), amount))
            continue
        frequency = str(page.get(f"{kind}_frequency") or "")
        if frequency not in MONTHLY_FACTORS:
            raise ValueError(f"{slug}: no frequency given for {kind}")
        items.append(Item(f"{slug}.{kind}", label, to_monthly(amount, frequency), amount, frequency))
    return items


def _monthly_rows(means: dict[str, Any], slug: str, key: str, label: str) -> list[Item]:
    items = []
    for number, row in enumerate(_rows(means, slug), start=1):
        amount = _amount(row.get(key), f"{slug} {key}") or Decimal(0)
        if amount < 0:
            raise ValueError(f"{slug}: a monthly payment cannot be negative")
        name = row.get("creditor") or (f"claim {row['claim_number']}" if row.get("claim_number") else "")
        items.append(Item(f"{slug}.{number}", f"{label}: {name}" if name else label, amount, amount, "monthly"))
    return items


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


def _not_for_organisations(party_type: str) -> None:
    if party_type not in INDIVIDUALS:
        raise ValueError(
            f"no affordability calculation for a {party_type or 'defendant who is not an individual'}: "
            "the claimant's rejection of its offer sends the claim out (PD 51R 7.16, 7.42G)"
        )


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


# -- 3. the court's plan -------------------------------------------------------------------------


@dataclass(frozen=True)
class CourtPlan:
    """The affordability calculation repayment plan (7.10(3)), or why there is none."""

    frequency: str
    calculated_on: date
    disposable_monthly: Decimal
    #: The monthly disposable income at ``frequency``, unrounded.
    disposable_at_frequency: Decimal
    #: min(disposable at the frequency, owed), rounded down to the penny (even when below £1).
    instalment: Decimal
    owed: Decimal
    instalments: int = 0
    first_payment: date | None = None
    last_payment: date | None = None

    @property
    def affordable(self) -> bool:
        """Can the defendant afford any plan (an instalment of £1 or more)?"""
        return self.instalment >= MINIMUM_INSTALMENT

    def plan(self) -> Plan | None:
        if not self.affordable:
            return None
        assert self.first_payment is not None
        return Plan.instalments(self.instalment, self.frequency, self.first_payment)

    def to_record(self) -> dict[str, Any]:
        return {
            "frequency": self.frequency,
            "calculated_on": self.calculated_on.isoformat(),
            "disposable_monthly": str(self.disposable_monthly),
            "disposable_at_frequency": str(self.disposable_at_frequency),
            "instalment": str(self.instalment),
            "owed": str(self.owed),
            "affordable": self.affordable,
            "instalments": self.instalments,
            "first_payment": self.first_payment.isoformat() if self.first_payment else None,
            "last_payment": self.last_payment.isoformat() if self.last_payment else None,
        }


def court_plan(disposable_monthly: Decimal, owed: Decimal, frequency: str, calculation_date: date) -> CourtPlan:
    """What the defendant can afford (spec §3): instalments at ``frequency`` of min(disposable
    at that frequency, ``owed``) rounded down to the penny, the first one calendar month after
    ``calculation_date``; below £1, no plan (``affordable`` is False)."""
    owed = pounds(owed)
    if owed <= 0:
        raise ValueError("nothing is owed")
    at_frequency = from_monthly(disposable_monthly, frequency)
    instalment = min(at_frequency, owed).quantize(PENNY, rounding=ROUND_DOWN)
    plan = CourtPlan(frequency=frequency, calculated_on=calculation_date,
                     disposable_monthly=Decimal(disposable_monthly), disposable_at_frequency=at_frequency,
                     instalment=instalment, owed=owed)
    if not plan.affordable:
        return plan
    first = add_months(calculation_date, 1)
    count = instalment_count(owed, instalment)
    return replace(plan, instalments=count, first_payment=first, last_payment=payment_date(first, frequency, count - 1))


# -- 4. which plan wins --------------------------------------------------------------------------


class Outcome(StrEnum):
    #: The claimant's plan ends no earlier than the defendant's: the defendant's offer is accepted.
    ACCEPT_DEFENDANT_OFFER = "accept_defendant_offer"
    #: The defendant can afford the claimant's plan: it stands (7.11, 7.42B).
    CLAIMANT_PLAN = "claimant_plan"
    #: The court's plan stands, offered to the claimant to accept or reject (7.10(5), 7.42A(4)).
    COURT_PLAN = "court_plan"
    #: The defendant's plan stands.
    DEFENDANT_PLAN = "defendant_plan"


@dataclass(frozen=True)
class Decision:
    outcome: Outcome
    reason: str


def decide(defendant_plan_end: date, claimant_plan_end: date, court_plan_end: date | None) -> Decision:
    """Which plan stands, by the dates of the final payments (spec §4), in this order:

    - the claimant's plan ends no earlier than the defendant's → accept the defendant's offer;
    - the court's plan ends on or before the claimant's → the claimant's plan stands: the
      defendant can afford it (7.10(5) offers a court plan only where they cannot), and a court
      plan that ends with it amounts to it (7.11, 7.42B); a tie goes to the claimant's plan;
    - the court's plan ends before the defendant's → the court's plan stands;
    - otherwise → the defendant's plan stands.

    ``court_plan_end`` None: the defendant cannot afford any plan.
    """
    defendant, claimant = long_date(defendant_plan_end), long_date(claimant_plan_end)
    if claimant_plan_end >= defendant_plan_end:
        return Decision(Outcome.ACCEPT_DEFENDANT_OFFER, (
            f"The claimant’s plan is paid by {claimant}, no sooner than the defendant’s offer, paid by {defendant}: "
            "the defendant’s offer is at least as good for the claimant, so it is accepted."))
    if court_plan_end is None:
        return Decision(Outcome.DEFENDANT_PLAN, (
            f"On the statement of means the defendant cannot afford any plan, so the claimant’s plan (paid by "
            f"{claimant}) is not affordable and the defendant’s plan (paid by {defendant}) stands."))
    court = long_date(court_plan_end)
    if court_plan_end <= claimant_plan_end:
        return Decision(Outcome.CLAIMANT_PLAN, (
            f"The defendant can afford to pay in full by {court}, no later than the claimant’s plan ends on "
            f"{claimant}: the claimant’s plan is affordable, so it stands."))
    if court_plan_end < defendant_plan_end:
        return Decision(Outcome.COURT_PLAN, (
            f"The defendant cannot afford the claimant’s plan (paid by {claimant}), but can afford to pay in full "
            f"by {court}, before their own offer ends on {defendant}: the court’s plan stands, and the claimant "
            "may accept or reject it."))
    return Decision(Outcome.DEFENDANT_PLAN, (
        f"The defendant cannot afford the claimant’s plan (paid by {claimant}), and what they can afford is paid by "
        f"{court}, no sooner than their own offer (paid by {defendant}): the defendant’s plan stands."))


# -- the whole calculation, for the record -------------------------------------------------------


def plan_end(plan: Plan, owed: Decimal, on: date) -> date:
    """When a plan is paid in full: "immediately" within 5 days of ``on`` (unless the plan gives
    its own last day), a set date that date, instalments the last instalment's date."""
    if plan.option == Option.IMMEDIATELY:
        return plan.pay_by or days_after(on, IMMEDIATELY_DAYS)
    end = plan.last_payment(owed)
    assert end is not None
    return end


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(key): _jsonable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(item) for item in value]
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


@dataclass(frozen=True)
class Affordability:
    """The affordability calculation as a judge on redetermination needs to see it (7.12(5))."""

    calculated_on: date
    owed: Decimal
    means: dict[str, Any]
    calculation: Calculation
    defendant_plan: Plan
    defendant_end: date
    claimant_plan: Plan
    claimant_end: date
    court_plan: CourtPlan
    decision: Decision

    @property
    def outcome(self) -> Outcome:
        return self.decision.outcome

    def plan_that_stands(self) -> Plan:
        """The plan the decision leaves standing (the court's plan to offer, for COURT_PLAN)."""
        if self.outcome == Outcome.CLAIMANT_PLAN:
            return self.claimant_plan
        if self.outcome == Outcome.COURT_PLAN:
            court = self.court_plan.plan()
            assert court is not None
            return court
        return self.defendant_plan

    def to_record(self) -> dict[str, Any]:
        """JSON-serialisable (Decimals as strings, dates as ISO strings)."""
        return {
            "calculated_on": self.calculated_on.isoformat(),
            "inputs": {
                "owed": str(self.owed),
                "means": _jsonable(self.means),
                "defendant_plan": self.defendant_plan.to_record(),
                "claimant_plan": self.claimant_plan.to_record(),
            },
            "calculation": self.calculation.to_record(),
            "disposable_monthly": str(self.calculation.disposable),
            "plans": {
                "defendant": {**self.defendant_plan.to_record(), "ends": self.defendant_end.isoformat()},
                "claimant": {**self.claimant_plan.to_record(), "ends": self.claimant_end.isoformat()},
                "court": {**self.court_plan.to_record(),
                          "ends": self.court_plan.last_payment.isoformat() if self.court_plan.last_payment else None},
            },
            "decision": str(self.decision.outcome),
            "reason": self.decision.reason,
        }


def affordability(
    means: dict[str, Any],
    owed: Decimal,
    defendant_plan: Plan,
    claimant_plan: Plan,
    on: date,
    *,
    allowances: Allowances,
    party_type: str = "individual",
) -> Affordability:
    """The affordability calculation on ``on``: the defendant's disposable income, the court's
    plan for ``owed`` at the defendant's frequency (weekly if they offered a set date), each
    plan's final date, and which plan stands (7.10(3)-(5), 7.42A(2)-(4))."""
    _not_for_organisations(party_type)
    owed = pounds(owed)
    defendant_plan, claimant_plan = Plan.of(defendant_plan), Plan.of(claimant_plan)
    calculation = monthly_disposable_income(means, today=on, allowances=allowances, party_type=party_type)
    frequency = defendant_plan.frequency if defendant_plan.option == Option.INSTALMENTS else "weekly"
    court = court_plan(calculation.disposable, owed, frequency, on)
    defendant_end = plan_end(defendant_plan, owed, on)
    # The claimant asking for payment "immediately" means within 5 days of the calculation.
    if claimant_plan.option == Option.IMMEDIATELY:
        claimant_end = days_after(on, IMMEDIATELY_DAYS)
    else:
        claimant_end = plan_end(claimant_plan, owed, on)
    decision = decide(defendant_end, claimant_end, court.last_payment)
    return Affordability(
        calculated_on=on, owed=owed, means=means, calculation=calculation,
        defendant_plan=defendant_plan, defendant_end=defendant_end,
        claimant_plan=claimant_plan, claimant_end=claimant_end, court_plan=court, decision=decision,
    )
