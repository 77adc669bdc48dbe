"""Reading the defendant's statement of means for the affordability calculation (PD 51R 7.10(3), Annex A).

The statement of means is read from the response draft (``responses.questions.means``:
pages ``residence``, ``partner``, ``dependants``, ``other_dependants``, ``employment``,
``income``, ``bank_accounts``, ``expenses``, ``priority_debts``, ``debts``,
``court_orders``, ``disability``), with the date of birth from its ``details`` page.
Every figure read becomes an ``Item``: as given (amount and frequency) and made monthly.

A company or organisation gives no statement of means and gets no calculation: the
claimant's rejection sends the claim out (7.16, 7.42G), so ``_not_for_organisations``
refuses one with a ValueError.

The helpers with a leading underscore are this package's own, shared by its stages; callers
outside ``rules.affordability`` use the names the package exports.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from .frequencies import MONTHLY_FACTORS, to_monthly

#: Party types that give a statement of means (``responses.ocon9.MEANS_PARTY_TYPES``).
INDIVIDUALS = frozenset({"individual", "sole_trader"})

NONE = "none"

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


def _not_for_organisations(party_type: str) -> None:
    if party_type not in INDIVIDUALS:
        raise ValueError(
            f"no affordability calculation for a {party_type or 'defendant who is not an individual'}: "
            "the claimant's rejection of its offer sends the claim out (PD 51R 7.16, 7.42G)"
        )
