"""The court fee, from the schedules staff keep (``court.models.FeeSchedule``)."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from rules import money

from .models import FeeSchedule


def schedules(channel: str = "online") -> list[money.FeeSchedule]:
    result = []
    for schedule in FeeSchedule.objects.filter(channel=channel).prefetch_related("bands"):
        bands = tuple(
            money.FeeBand(up_to=band.up_to, fixed=band.fixed, percent=band.percent, cap=band.cap)
            for band in schedule.bands.all()
        )
        result.append(money.FeeSchedule(schedule.effective_from, schedule.channel, bands))
    return result


def issue_fee(amount_with_interest: Decimal, on: date, channel: str = "online") -> Decimal:
    """The fee to issue a claim for this amount (interest to issue included) submitted on ``on``."""
    return money.issue_fee(schedules(channel), amount_with_interest, on, channel)


def schedule_date(on: date, channel: str = "online") -> date:
    """The effective date of the schedule in force on ``on`` (recorded with the fee)."""
    return money.schedule_in_force(schedules(channel), on, channel).effective_from
