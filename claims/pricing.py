"""What a claim comes to: the amount, interest to issue, the court fee and the total.

PD 51R 2.1(3)(a), 2.1(6)(a): for a claimant in person the claim, including interest, may
not exceed £10,000; 2.1(6)(b): for a represented claimant, £25,000. money.md: the fee is
charged on the amount claimed including interest claimed to issue, from the schedule in force
on the day of submission; a represented claimant adds fixed costs on issue (CPR 45), from the
fixed costs schedule in force that day (``rules.represented``).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from court import fees, fixed_costs
from rules import represented
from rules.money import pounds

from .ocon1 import ClaimForm

#: 2.1(6)(a): the most a claimant in person may claim online, interest included.
LIMIT_IN_PERSON = Decimal("10000.00")
#: 2.1(6)(b): the most a represented claimant may claim online, interest included.
LIMIT_REPRESENTED = represented.REPRESENTED_LIMIT


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
    #: The limit that applies (2.1(6)(a) or (b)).
    limit: Decimal = LIMIT_IN_PERSON
    #: A represented claimant's fixed costs on issue, and the schedule they come from (None in person).
    fixed_costs: Decimal | None = None
    fixed_costs_schedule_id: int | None = None

    @property
    def amount_claimed(self) -> Decimal:
        """The claim with interest to issue: what the fee and the limit apply to."""
        return pounds(self.principal + self.interest)

    @property
    def total(self) -> Decimal:
        return pounds(self.amount_claimed + self.fee + (self.fixed_costs or 0))

    @property
    def over_limit(self) -> bool:
        return self.amount_claimed > self.limit


def quote(form: ClaimForm, *, submitted_on: date, to: date | None = None) -> Quote:
    """The figures of a claim submitted on ``submitted_on`` with interest to ``to`` (default: the same day)."""
    to = to or submitted_on
    interest = form.interest.to_date(form.principal, submitted_on, to)
    amount = pounds(form.principal + interest)
    schedule = fees.schedule_in_force(submitted_on)
    extra: dict[str, object] = {}
    if form.is_represented:
        costs = fixed_costs.schedule_in_force(submitted_on)
        extra = {"limit": LIMIT_REPRESENTED, "fixed_costs": costs.on_issue(amount),
                 "fixed_costs_schedule_id": costs.key}
    return Quote(
        principal=form.principal,
        interest=interest,
        interest_to=to,
        daily_interest=form.interest.daily_amount(form.principal),
        fee=schedule.fee(amount),
        fee_schedule_from=schedule.effective_from,
        fee_schedule_id=schedule.key,
        **extra,  # type: ignore[arg-type]
    )


def limit_for(data: dict[str, object]) -> Decimal:
    """The limit of a draft: £25,000 when a legal representative makes the claim (2.1(6)(b)), else £10,000."""
    return LIMIT_REPRESENTED if isinstance(data.get("representation"), dict) else LIMIT_IN_PERSON
