"""3. The court's plan: what the defendant can afford (PD 51R 7.10(3), 7.42A(2); spec §3).

At the defendant's instalment frequency (weekly if they offered a set date), instalment =
min(disposable at that frequency, amount owed) rounded down to the penny; below £1 the
defendant cannot afford any plan. First payment one calendar month after the calculation;
n = ceil(owed ÷ instalment); last = first + (n − 1) periods.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import ROUND_DOWN, Decimal
from typing import Any

from ..judgments import Plan, instalment_count, payment_date
from ..money import PENNY, pounds
from ..periods import add_months
from .frequencies import from_monthly

MINIMUM_INSTALMENT = Decimal("1.00")


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
