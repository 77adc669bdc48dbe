"""The figures the drafting pages show and check: the amount, interest to date, the limit.

Interest runs to the day the claim would count as submitted if it were sent now (PD 51R
14.1: before 4pm on an open day, that day; otherwise the next open day), the same day
the check-your-answers page and the fee use (``claims.pricing.quote``).
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from claims import ocon1
from claims.pricing import LIMIT_IN_PERSON
from court.calendar import court_calendar
from ocmc import clock
from rules.money import InterestClaim, format_money, pounds


def submission_day() -> date:
    """The day a claim sent now would count as submitted (14.1)."""
    return court_calendar().deemed_submission_date(clock.now())


def principal(data: dict[str, Any]) -> Decimal | None:
    """The total of the items claimed, or None while there are none."""
    items = ocon1.items_of(data)
    if not items:
        return None
    return pounds(sum((item.amount for item in items), Decimal(0)))


def interest_to(claim: InterestClaim, amount: Decimal, day: date) -> Decimal:
    """Interest claimed up to ``day`` if the claim were submitted on ``day``."""
    return claim.to_date(amount, day, day)


def over_limit_message(amount: Decimal, interest: Decimal, day: date,
                       limit: Decimal = LIMIT_IN_PERSON) -> str | None:
    """The error when the claim with interest to ``day`` is over the limit (2.1(3)(a), 2.1(6)(a) or (b))."""
    total = pounds(amount + interest)
    if total <= limit:
        return None
    return (
        f"With interest of {format_money(interest)} to {day.day} {day:%B %Y} your claim would be "
        f"{format_money(total)}, more than {format_money(limit)}. You can only claim up to "
        f"{format_money(limit)}, including interest, with this service"
    )


def interest_summary(data: dict[str, Any]) -> str:
    """A short description of the interest claimed, for the task list ("" while incomplete)."""
    claim = ocon1.interest_of(data)
    section = data.get("interest") if isinstance(data.get("interest"), dict) else {}
    if claim is None:
        return ""
    if claim.kind == "none":
        return "No interest claimed"
    if claim.kind == "fixed":
        assert claim.fixed_amount is not None
        after = ", then 8% a year" if claim.rate is not None else ""
        return f"{format_money(claim.fixed_amount)} calculated by you{after}"
    assert claim.rate is not None
    rate = f"{claim.rate.normalize():f}% a year"
    start = (
        f"from {claim.start.day} {claim.start:%B %Y}" if claim.start else "from the date you submit the claim"
    )
    amount = principal(data)
    text = f"{rate} {start}"
    if amount is not None and section.get("from") == "date":
        day = submission_day()
        text += f" ({format_money(interest_to(claim, amount, day))} to {day.day} {day:%B %Y})"
    return text
