"""Money rules: amounts, interest and the court fee (``shared/spec/money.md``).

All amounts are ``Decimal`` pounds to 2 places; never float.

- Interest (County Courts Act 1984 s.69; MCOL guide): simple interest, 8% a year unless
  the claimant gives another rate and the reason. Daily amount = principal × rate ÷ 100
  ÷ 365; interest for N days = daily amount × N, rounded to the penny; the daily amount
  is shown rounded to the penny. Days are counted from the start date to the end date
  (the end date minus the start date).
- Court fee for issuing a specified money claim: charged on the amount claimed **including
  interest claimed to issue**, from the dated schedule in force on the day of submission.
  Schedules are data (a channel, an effective-from date and bands); staff keep them.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation

PENNY = Decimal("0.01")
STATUTORY_RATE = Decimal("8")
DAYS_IN_YEAR = Decimal("365")


def pounds(value: Decimal | int | str) -> Decimal:
    """An exact amount in pounds, to the penny. Refuses floats."""
    if isinstance(value, float):
        raise TypeError("money is never a float")
    return Decimal(value).quantize(PENNY, rounding=ROUND_HALF_UP)


_MONEY = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d{1,2})?$")


def parse_money(text: str) -> Decimal:
    """An amount typed by a person: ``1234.56``, ``1,234.56`` or ``£1,234.56`` (spaces allowed).

    Raises ValueError for anything else: more than 2 decimal places, misplaced commas,
    letters, negative amounts.
    """
    cleaned = re.sub(r"\s+", "", str(text or ""))
    if cleaned.startswith("£"):
        cleaned = cleaned[1:]
    if not cleaned or not _MONEY.match(cleaned):
        raise ValueError(f"not an amount of money: {text!r}")
    try:
        return pounds(Decimal(cleaned.replace(",", "")))
    except InvalidOperation as exc:  # pragma: no cover - the pattern already refuses these
        raise ValueError(f"not an amount of money: {text!r}") from exc


def format_money(value: Decimal) -> str:
    """£1,234.56; a negative amount as -£100.00."""
    amount = pounds(value)
    return f"-£{-amount:,.2f}" if amount < 0 else f"£{amount:,.2f}"


def to_pence(value: Decimal) -> int:
    return int((pounds(value) * 100).to_integral_value())


def from_pence(pence: int) -> Decimal:
    return (Decimal(pence) / 100).quantize(PENNY)


# -- interest ---------------------------------------------------------------------------


def daily_interest_exact(principal: Decimal, rate_percent: Decimal) -> Decimal:
    """The unrounded daily amount: principal × rate ÷ 100 ÷ 365."""
    return Decimal(principal) * Decimal(rate_percent) / Decimal(100) / DAYS_IN_YEAR


def daily_interest(principal: Decimal, rate_percent: Decimal = STATUTORY_RATE) -> Decimal:
    """The daily amount shown on the claim, to the penny."""
    return daily_interest_exact(principal, rate_percent).quantize(PENNY, rounding=ROUND_HALF_UP)


def interest_days(start: date, end: date) -> int:
    """Days of interest from ``start`` to ``end``; none if ``end`` is not after ``start``."""
    return max(0, (end - start).days)


def interest_for_days(principal: Decimal, rate_percent: Decimal, days: int) -> Decimal:
    """Simple interest for ``days`` days, rounded to the penny."""
    if days < 0:
        raise ValueError("days of interest cannot be negative")
    return (daily_interest_exact(principal, rate_percent) * days).quantize(PENNY, rounding=ROUND_HALF_UP)


def interest_between(principal: Decimal, rate_percent: Decimal, start: date, end: date) -> Decimal:
    return interest_for_days(principal, rate_percent, interest_days(start, end))


@dataclass(frozen=True)
class InterestClaim:
    """The interest a claim asks for (MCOL guide; County Courts Act 1984 s.69).

    ``kind``: ``"none"``; ``"rate"`` (simple interest at ``rate`` % a year — 8 unless the
    claimant gives another rate and ``rate_reason`` — from ``start``, or from the date of
    submission when ``start`` is None); or ``"fixed"`` (a total the claimant calculated to
    the date of submission, ``fixed_amount``, then optionally ``rate`` % a year after).
    """

    kind: str = "none"
    rate: Decimal | None = None
    rate_reason: str = ""
    start: date | None = None
    start_reason: str = ""
    fixed_amount: Decimal | None = None

    def __post_init__(self) -> None:
        if self.kind not in {"none", "rate", "fixed"}:
            raise ValueError(f"unknown kind of interest: {self.kind}")
        if self.kind == "rate" and (self.rate is None or self.rate <= 0):
            raise ValueError("interest at a rate needs a rate above 0")
        if self.kind == "fixed" and (self.fixed_amount is None or self.fixed_amount < 0):
            raise ValueError("a fixed sum of interest needs an amount")

    @property
    def continues(self) -> bool:
        """Does interest keep running after issue (at a daily amount until judgment)?"""
        return self.kind == "rate" or (self.kind == "fixed" and self.rate is not None)

    def daily_amount(self, principal: Decimal) -> Decimal | None:
        """The daily amount after issue, to the penny, or None if interest does not continue."""
        if not self.continues:
            return None
        assert self.rate is not None
        return daily_interest(principal, self.rate)

    def to_date(self, principal: Decimal, submitted_on: date, to: date) -> Decimal:
        """Interest claimed from its start up to ``to`` (the issue date for the claim form).

        Interest "from the date of submission" starts on ``submitted_on``. A fixed sum is the
        claimant's figure to submission; any days from submission to ``to`` are added at the
        continuing rate, if there is one.
        """
        if self.kind == "none":
            return pounds(0)
        if self.kind == "fixed":
            assert self.fixed_amount is not None
            extra = interest_between(principal, self.rate, submitted_on, to) if self.rate is not None else Decimal(0)
            return pounds(self.fixed_amount + extra)
        assert self.rate is not None
        return interest_between(principal, self.rate, self.start or submitted_on, to)


# -- the court fee ----------------------------------------------------------------------


@dataclass(frozen=True)
class FeeBand:
    """Amounts over ``over`` up to ``up_to`` (inclusive; None: no upper limit) pay ``fixed``, or
    ``percent`` of the amount rounded down to the penny (capped at ``cap`` if given). The bands of
    a schedule follow each other (``rules.fee_bands`` checks that), so the fee depends on ``up_to``."""

    up_to: Decimal | None
    fixed: Decimal | None = None
    percent: Decimal | None = None
    cap: Decimal | None = None
    over: Decimal = Decimal(0)

    def __post_init__(self) -> None:
        if (self.fixed is None) == (self.percent is None):
            raise ValueError("a fee band has either a fixed fee or a percentage")

    def fee(self, amount: Decimal) -> Decimal:
        if self.fixed is not None:
            return pounds(self.fixed)
        assert self.percent is not None
        fee = (Decimal(amount) * self.percent / 100).quantize(PENNY, rounding=ROUND_DOWN)
        return min(fee, self.cap) if self.cap is not None else fee


@dataclass(frozen=True)
class FeeSchedule:
    effective_from: date
    channel: str  # "online" or "paper"
    bands: tuple[FeeBand, ...]
    #: The stored schedule this was read from (``court.FeeSchedule``), so a claim can record which it paid by.
    key: int | None = None

    def fee(self, amount: Decimal) -> Decimal:
        amount = pounds(amount)
        if amount <= 0:
            raise ValueError("the amount claimed must be more than nothing")
        for band in sorted(self.bands, key=lambda b: (b.up_to is None, b.up_to or 0)):
            if band.up_to is None or amount <= band.up_to:
                return band.fee(amount)
        raise ValueError(f"no fee band covers £{amount}")


def schedule_in_force(schedules: Iterable[FeeSchedule], on: date, channel: str = "online") -> FeeSchedule:
    """The schedule for ``channel`` with the latest effective date on or before ``on``."""
    candidates = [s for s in schedules if s.channel == channel and s.effective_from <= on]
    if not candidates:
        raise LookupError(f"no {channel} fee schedule in force on {on}")
    return max(candidates, key=lambda s: s.effective_from)


def issue_fee(
    schedules: Iterable[FeeSchedule], amount_with_interest: Decimal, on: date, channel: str = "online"
) -> Decimal:
    """The fee to issue a claim for ``amount_with_interest`` submitted on ``on``."""
    return schedule_in_force(schedules, on, channel).fee(amount_with_interest)


def _bands(rows: Sequence[tuple[str | None, str | None, str | None, str | None]]) -> tuple[FeeBand, ...]:
    def dec(text: str | None) -> Decimal | None:
        return Decimal(text) if text is not None else None

    starts = [Decimal(0), *(dec(u) for u, _, _, _ in rows[:-1])]
    return tuple(FeeBand(up_to=dec(u), fixed=dec(f), percent=dec(p), cap=dec(c), over=start or Decimal(0))
                 for start, (u, f, p, c) in zip(starts, rows, strict=True))


#: The schedule in force from 16 September 2021 (gov.uk "Make a court claim for money: court fees"),
#: the same online and on paper. Staff keep schedules as data; this seeds them.
FEES_2021_09_16 = _bands(
    [
        ("300", "35", None, None),
        ("500", "50", None, None),
        ("1000", "70", None, None),
        ("1500", "80", None, None),
        ("3000", "115", None, None),
        ("5000", "205", None, None),
        ("10000", "455", None, None),
        ("200000", None, "5", None),
        (None, "10000", None, None),
    ]
)
