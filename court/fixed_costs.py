"""A represented claimant's fixed costs, from the schedules staff keep (``court.models.FixedCostsSchedule``).

The calculation is ``rules.represented``; this module reads the stored schedules into it and gives a
database without any the two tables of money.md (``seed_schedules``, run after migrations, as the fee
schedules are, so a flushed test database has them too).
"""
from __future__ import annotations

from datetime import date

from rules import represented

from .models import FixedCostsBand, FixedCostsSchedule

SEEDED = (
    (represented.OLDER_FROM, represented.FIXED_COSTS_OLDER,
     "CPR 45 Table 1 fixed costs on issue, the older table (money.md)"),
    (represented.CURRENT_FROM, represented.FIXED_COSTS_CURRENT,
     "CPR 45 Table 1 fixed costs on issue, as the court service uses them now (money.md)"),
)


def as_rule(schedule: FixedCostsSchedule) -> represented.FixedCostsSchedule:
    bands = tuple(
        represented.FixedCostsBand(over=b.over, up_to=b.up_to, on_issue=b.on_issue,
                                   on_default_judgment=b.on_default_judgment)
        for b in schedule.bands.all()
    )
    return represented.FixedCostsSchedule(schedule.effective_from, bands, key=schedule.pk)


def schedule_in_force(on: date) -> represented.FixedCostsSchedule:
    """The schedule a represented claim submitted on ``on`` records its fixed costs by."""
    stored = [as_rule(s) for s in FixedCostsSchedule.objects.prefetch_related("bands")]
    return represented.schedule_in_force(stored, on)


def seed_schedules(**_: object) -> None:
    """Give a database with no fixed costs schedules the two tables of money.md."""
    if FixedCostsSchedule.objects.exists():
        return
    for effective_from, bands, source in SEEDED:
        schedule = FixedCostsSchedule.objects.create(effective_from=effective_from, source=source)
        FixedCostsBand.objects.bulk_create(
            FixedCostsBand(schedule=schedule, over=b.over, up_to=b.up_to, on_issue=b.on_issue,
                           on_default_judgment=b.on_default_judgment)
            for b in bands
        )
