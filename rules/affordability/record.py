"""The whole affordability calculation, for the record (PD 51R 7.10(3)-(5), 7.12(5), 7.42A(2)-(4)).

Runs the stages in turn on the day of the calculation: the defendant's monthly disposable
income (``disposable``), the court's plan at the defendant's frequency (``courts_plan``),
each plan's final date, and which plan stands (``decision``), and keeps every figure as a
judge on redetermination needs to see it (7.12(5)): ``Affordability.to_record()`` is
JSON-serialisable.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from ..judgments import Option, Plan
from ..money import pounds
from ..periods import days_after
from .courts_plan import CourtPlan, court_plan
from .decision import Decision, Outcome, decide
from .disposable import Allowances, Calculation, monthly_disposable_income
from .means import _not_for_organisations

#: "Immediately" means within 5 days (7.3, ADM-5).
IMMEDIATELY_DAYS = 5


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
