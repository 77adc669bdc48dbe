"""What a claim comes to: the amount, interest to issue, the court fee and the total.

PD 51R 2.1(3)(a), 2.1(6)(a): for a claimant in person the claim, including interest, may
not exceed £10,000. money.md: the fee is charged on the amount claimed including interest
claimed to issue, from the schedule in force on the day of submission.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from court import fees
from rules.money import pounds

from .ocon1 import ClaimForm

#: 2.1(6)(a): the most a claimant in person may claim online, interest included.
LIMIT_IN_PERSON = Decimal("10000.00")


@dataclass(frozen=True)
class Quote:
    principal: Decimal
    interest: Decimal
    interest_to: date
    daily_interest: Decimal | None
    fee: Decimal
    fee_schedule_from: date
    #: The stored schedule (``court.FeeSchedule`` pk) the fee comes from.
    fee_schedule_id: int | None = None

    @property
    def amount_claimed(self) -> Decimal:
        """The claim with interest to issue: what the fee and the £10,000 limit apply to."""
        return pounds(self.principal + self.interest)

    @property
    def total(self) -> Decimal:
        return pounds(self.amount_claimed + self.fee)

    @property
    def over_limit(self) -> bool:
        return self.amount_claimed > LIMIT_IN_PERSON


def quote(form: ClaimForm, *, submitted_on: date, to: date | None = None) -> Quote:
    """The figures of a claim submitted on ``submitted_on`` with interest to ``to`` (default: the same day)."""
    to = to or submitted_on
    interest = form.interest.to_date(form.principal, submitted_on, to)
    amount = pounds(form.principal + interest)
    schedule = fees.schedule_in_force(submitted_on)
    return Quote(
        principal=form.principal,
        interest=interest,
        interest_to=to,
        daily_interest=form.interest.daily_amount(form.principal),
        fee=schedule.fee(amount),
        fee_schedule_from=schedule.effective_from,
        fee_schedule_id=schedule.key,
    )
