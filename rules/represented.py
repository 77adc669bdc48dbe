"""Claims made by a legal representative: the amount limit, the party limits and fixed costs.

- The limit (PD 51R 2.1(3)(a) with 2.1(6)(b)): where the claimant is represented
  (2.1(3)(d)(ii) or (iii)) the claim may not exceed £25,000 **including interest**.
- The parties (2.1(3)(f)): against a defendant without a legal representative ((d)(iii)), one
  claimant against one defendant; where both sides are represented ((d)(ii), and the claim of
  2.1(7) against a defendant whose representative is not registered), one claimant against one
  or two defendants, or two claimants against one defendant — never two of each.
- Fixed costs on issue (CPR 45, as money.md gives them): a represented claimant's costs of
  issuing, by the amount claimed; dated data, like the court fee. A claim of £25 or less has
  none. The schedule's bands also give the costs added on judgment in default.

No Django import: the stored schedules (``court.FixedCostsSchedule``) are read into
:class:`FixedCostsSchedule` by ``court.fixed_costs``.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from rules.money import pounds

#: 2.1(6)(b): the most a represented claimant may claim online, interest included.
REPRESENTED_LIMIT = Decimal("25000.00")


def within_limit(amount_claimed: Decimal) -> bool:
    """Is the amount claimed (interest to issue included) within the £25,000 of 2.1(6)(b)?"""
    return pounds(amount_claimed) <= REPRESENTED_LIMIT


# -- the parties (2.1(3)(f)) ----------------------------------------------------------------------------


def party_limit_problem(claimants: int, defendants: int, *, defendant_represented: bool) -> str | None:
    """Why these numbers of parties cannot use the online service, or None if they can (2.1(3)(f))."""
    if claimants < 1 or defendants < 1:
        return "A claim needs a claimant and a defendant."
    if not defendant_represented:
        if claimants == 1 and defendants == 1:
            return None
        return ("Against a defendant without a legal representative, one claimant can claim against one "
                "defendant only.")
    if (claimants, defendants) in {(1, 1), (1, 2), (2, 1)}:
        return None
    return ("When the defendant has a legal representative, one claimant can claim against one or two "
            "defendants, or two claimants against one defendant.")


# -- fixed costs ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FixedCostsBand:
    """Amounts claimed over ``over`` up to ``up_to`` (inclusive; None: no upper limit)."""

    over: Decimal
    up_to: Decimal | None
    on_issue: Decimal
    on_default_judgment: Decimal

    def covers(self, amount: Decimal) -> bool:
        return amount > self.over and (self.up_to is None or amount <= self.up_to)


@dataclass(frozen=True)
class FixedCostsSchedule:
    effective_from: date
    bands: tuple[FixedCostsBand, ...]
    #: The stored schedule's key (``court.FixedCostsSchedule`` pk), so a claim records which it used.
    key: int | None = None

    def band(self, amount: Decimal) -> FixedCostsBand | None:
        amount = pounds(amount)
        for band in self.bands:
            if band.covers(amount):
                return band
        return None

    def on_issue(self, amount: Decimal) -> Decimal:
        """The fixed costs on issue of a claim for ``amount`` (interest to issue included); £0 below the table."""
        band = self.band(amount)
        return pounds(band.on_issue) if band is not None else pounds(0)

    def on_default_judgment(self, amount: Decimal) -> Decimal:
        band = self.band(amount)
        return pounds(band.on_default_judgment) if band is not None else pounds(0)


def schedule_in_force(schedules: Iterable[FixedCostsSchedule], on: date) -> FixedCostsSchedule:
    """The latest schedule dated on or before ``on``; LookupError if none is in force yet."""
    candidates = [s for s in schedules if s.effective_from <= on]
    if not candidates:
        raise LookupError(f"no fixed costs schedule in force on {on.isoformat()}")
    return max(candidates, key=lambda s: s.effective_from)


def _bands(rows: tuple[tuple[str, str | None, str, str], ...]) -> tuple[FixedCostsBand, ...]:
    return tuple(
        FixedCostsBand(Decimal(over), Decimal(up_to) if up_to is not None else None, Decimal(issue), Decimal(dj))
        for over, up_to, issue, dj in rows
    )


#: money.md: the older table (£50 / £70 / £80 / £100 on issue).
FIXED_COSTS_OLDER = _bands((
    ("25.00", "500.00", "50.00", "22.00"),
    ("500.00", "1000.00", "70.00", "22.00"),
    ("1000.00", "5000.00", "80.00", "22.00"),
    ("5000.00", None, "100.00", "30.00"),
))
#: money.md: the figures the court service uses now (£60 / £80 / £90 / £110 on issue); on judgment in
#: default £22 for claims to £5,000, £30 above.
FIXED_COSTS_CURRENT = _bands((
    ("25.00", "500.00", "60.00", "22.00"),
    ("500.00", "1000.00", "80.00", "22.00"),
    ("1000.00", "5000.00", "90.00", "22.00"),
    ("5000.00", None, "110.00", "30.00"),
))
#: The dates the tables are seeded with (``court/migrations/0009_fixed_costs_schedules.py``): the older
#: table from the pilot's start (PD 51R 2.1(1)), the current one from 1 October 2023 (CPR 45 as amended
#: when fixed recoverable costs were extended). Staff correct or add schedules in the admin.
OLDER_FROM = date(2017, 8, 7)
CURRENT_FROM = date(2023, 10, 1)
