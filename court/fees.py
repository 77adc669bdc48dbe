"""The court fee, from the schedules staff keep (``court.models.FeeSchedule``)."""
from __future__ import annotations

from datetime import date

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


def schedule_in_force(on: date, channel: str = "online") -> money.FeeSchedule:
    """The schedule a claim submitted on ``on`` pays by (its fee, and the date it came into force)."""
    return money.schedule_in_force(schedules(channel), on, channel)


def seed_schedules(**_: object) -> None:
    """Give a database with no fee schedules the one in force since 16 September 2021
    (online and paper). Runs after migrations (and after a test database is flushed); staff
    add later schedules in the admin."""
    from .models import FeeBand

    if FeeSchedule.objects.exists():
        return
    for channel in (FeeSchedule.Channel.ONLINE, FeeSchedule.Channel.PAPER):
        schedule = FeeSchedule.objects.create(
            effective_from=date(2021, 9, 16), channel=channel,
            source="The Civil Proceedings Fees (Amendment) Order 2021 "
                   "(gov.uk: Make a court claim for money: court fees)",
        )
        FeeBand.objects.bulk_create(
            FeeBand(schedule=schedule, up_to=b.up_to, fixed=b.fixed, percent=b.percent, cap=b.cap)
            for b in money.FEES_2021_09_16
        )
