"""Is a table of fee bands one the court can charge by? (``shared/spec/money.md``)

A schedule's bands cover every amount from the first penny up, each amount in exactly one
band: a band runs from just over ``over`` up to ``up_to`` inclusive (no ``up_to``: no upper
limit), so the next band starts over the last one's ``up_to``. Each band is a fixed fee or a
percentage of the amount; only a percentage can have a cap.

``band_problems`` takes the rows as staff typed them (in any order) and says, in words staff
can act on, everything wrong with them: empty means the schedule can be charged by.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from .money import format_money


@dataclass(frozen=True)
class BandRow:
    """One band as entered: amounts over ``over`` up to ``up_to`` pay ``fixed`` or ``percent`` (capped at ``cap``)."""

    over: Decimal | None
    up_to: Decimal | None
    fixed: Decimal | None = None
    percent: Decimal | None = None
    cap: Decimal | None = None


def _range(row: BandRow) -> str:
    low = format_money(row.over) if row.over is not None else "(no lower limit)"
    return f"over {low} up to {format_money(row.up_to)}" if row.up_to is not None else f"over {low}"


def _row_problems(row: BandRow) -> list[str]:
    where = f"The band {_range(row)}"
    problems = []
    if row.over is None:
        problems.append(f"{where} needs the amount it starts over (0.00 for the first band)")
    elif row.over < 0:
        problems.append(f"{where} cannot start below £0.00")
    if row.over is not None and row.up_to is not None and row.up_to <= row.over:
        problems.append(f"{where} must end above the amount it starts over")
    if (row.fixed is None) == (row.percent is None):
        problems.append(f"{where} needs either a fixed fee or a percentage, not both")
    if row.fixed is not None and row.fixed < 0:
        problems.append(f"{where} cannot have a fee below £0.00")
    if row.percent is not None and not Decimal(0) < row.percent <= 100:
        problems.append(f"{where} needs a percentage more than 0 and at most 100")
    if row.cap is not None:
        if row.percent is None:
            problems.append(f"{where} has a cap, but only a percentage fee can be capped")
        elif row.cap <= 0:
            problems.append(f"{where} needs a cap above £0.00")
    return problems


def band_problems(rows: Sequence[BandRow]) -> list[str]:
    """Everything that stops ``rows`` being a schedule: gaps, overlaps, a band with no upper limit
    before the last, amounts left uncovered, and bands that are neither a fixed fee nor a percentage."""
    if not rows:
        return ["Add the schedule's fee bands"]
    problems = [problem for row in rows for problem in _row_problems(row)]
    unbounded = [row for row in rows if row.up_to is None]
    if len(unbounded) > 1:
        problems.append("Only one band can have no upper limit (the last one)")
    if not unbounded:
        problems.append("The last band must have no upper limit, so that every amount has a fee")
    ordered = sorted(rows, key=lambda row: (row.over is None, row.over or 0, row.up_to is None, row.up_to or 0))
    if ordered[0].over not in (None, Decimal(0)):
        problems.append(f"The first band must start over £0.00, not {format_money(ordered[0].over)}")
    for before, after in zip(ordered, ordered[1:], strict=False):
        if before.over is None or after.over is None:
            continue  # already reported: its start is missing
        if before.up_to is None:
            problems.append(f"The band {_range(before)} has no upper limit, but the band {_range(after)} "
                            "comes after it: only the last band can have no upper limit")
        elif after.over < before.up_to:
            problems.append(f"The bands {_range(before)} and {_range(after)} overlap")
        elif after.over > before.up_to:
            problems.append(f"Amounts over {format_money(before.up_to)} up to {format_money(after.over)} have "
                            f"no band: the band after {_range(before)} must start over {format_money(before.up_to)}")
    return list(dict.fromkeys(problems))
