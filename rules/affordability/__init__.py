"""The affordability calculation (PD 51R 7.10-7.15, 7.42A-F, Annex A; ``shared/spec/affordability.md``).

When a claimant in person rejects an individual defendant's repayment offer and proposes
their own plan, the court works out from the defendant's statement of means what they can
afford (7.10(3), 7.42A(2)) and decides which plan stands. Pure Python, no Django; amounts
are ``Decimal``, never float, kept at full precision and rounded only where the spec says:
the disposable income to the penny, the court's instalment down to the penny.

One module a stage:

- ``means``: reading the statement of means from the response draft;
- ``disposable``: 1. monthly disposable income = income − expenses − allowances, with the
  allowance table in force (dated data);
- ``frequencies``: 2. every amount made monthly (weekly × 52/12, fortnightly × 26/12,
  four-weekly × 13/12, monthly × 1);
- ``courts_plan``: 3. the court's plan, at the defendant's instalment frequency;
- ``decision``: 4. which plan wins, by the date of the final payment (:func:`decide`); a
  court plan that ends on the claimant's date leaves the claimant's plan standing;
- ``record``: the whole calculation, for the record (:func:`affordability`).

A company or organisation gets no calculation: the claimant's rejection sends the claim
out (7.16, 7.42G), so these functions refuse one with a ValueError.

Callers import from here (``from rules import affordability``); the names below are the
package's public interface.
"""
from __future__ import annotations

from .courts_plan import MINIMUM_INSTALMENT, CourtPlan, court_plan
from .decision import Decision, Outcome, decide
from .disposable import (
    ALLOWANCES_2021,
    SAVINGS_MULTIPLE,
    Allowances,
    Calculation,
    allowances_in_force,
    monthly_disposable_income,
)
from .frequencies import MONTHLY_FACTORS, from_monthly, to_monthly
from .means import HOUSING_LABELS, INCOME_LABELS, INDIVIDUALS, NONE, PRIORITY_DEBT_LABELS, Item, age_on
from .record import IMMEDIATELY_DAYS, Affordability, affordability, plan_end

__all__ = [
    "ALLOWANCES_2021",
    "HOUSING_LABELS",
    "IMMEDIATELY_DAYS",
    "INCOME_LABELS",
    "INDIVIDUALS",
    "MINIMUM_INSTALMENT",
    "MONTHLY_FACTORS",
    "NONE",
    "PRIORITY_DEBT_LABELS",
    "SAVINGS_MULTIPLE",
    "Affordability",
    "Allowances",
    "Calculation",
    "CourtPlan",
    "Decision",
    "Item",
    "Outcome",
    "affordability",
    "age_on",
    "allowances_in_force",
    "court_plan",
    "decide",
    "from_monthly",
    "monthly_disposable_income",
    "plan_end",
    "to_monthly",
]
