"""The court fee, from the schedules staff keep (``court.models.FeeSchedule``), and the record of
every change staff make to them (``FeeScheduleChange``)."""
from __future__ import annotations

from datetime import date
from typing import Any

from accounts.roles import staff_title
from ocmc import clock
from rules import money

from .models import FeeBand, FeeSchedule, FeeScheduleChange


def as_rule(schedule: FeeSchedule) -> money.FeeSchedule:
    """A stored schedule as the rules read it, keeping its key so a claim can record which it paid by."""
    bands = tuple(
        money.FeeBand(up_to=band.up_to, fixed=band.fixed, percent=band.percent, cap=band.cap, over=band.over)
        for band in schedule.bands.all()
    )
    return money.FeeSchedule(schedule.effective_from, schedule.channel, bands, key=schedule.pk)


def schedules(channel: str = "online") -> list[money.FeeSchedule]:
    return [as_rule(s) for s in FeeSchedule.objects.filter(channel=channel).prefetch_related("bands")]


def schedule_in_force(on: date, channel: str = "online") -> money.FeeSchedule:
    """The schedule a claim submitted on ``on`` pays by: the latest dated on or before ``on``, so a
    schedule staff enter ahead of its day takes effect on that day."""
    return money.schedule_in_force(schedules(channel), on, channel)


def seed_schedules(**_: object) -> None:
    """Give a database with no fee schedules the one in force since 16 September 2021
    (online and paper). Runs after migrations (and after a test database is flushed); staff
    add later schedules in the admin."""
    if FeeSchedule.objects.exists():
        return
    for channel in (FeeSchedule.Channel.ONLINE, FeeSchedule.Channel.PAPER):
        schedule = FeeSchedule.objects.create(
            effective_from=date(2021, 9, 16), channel=channel,
            source="The Civil Proceedings Fees (Amendment) Order 2021 "
                   "(gov.uk: Make a court claim for money: court fees)",
        )
        FeeBand.objects.bulk_create(
            FeeBand(schedule=schedule, over=b.over, up_to=b.up_to, fixed=b.fixed, percent=b.percent, cap=b.cap)
            for b in money.FEES_2021_09_16
        )


# -- the record of changes ------------------------------------------------------------------------------------


def _amount(value: Any) -> str | None:
    return None if value is None else f"{value:.2f}"


def snapshot(schedule: FeeSchedule) -> dict[str, Any]:
    """What a schedule says, as stored in its change record (amounts as exact strings)."""
    bands = FeeBand.objects.filter(schedule_id=schedule.pk).order_by("over", "pk")
    return {
        "effective_from": schedule.effective_from.isoformat(),
        "channel": schedule.channel,
        "source": schedule.source,
        "bands": [{"over": _amount(b.over), "up_to": _amount(b.up_to), "fixed": _amount(b.fixed),
                   "percent": _amount(b.percent), "cap": _amount(b.cap)} for b in bands],
    }


def _band_words(band: dict[str, Any]) -> str:
    limit = f"over £{band['over']}" + (f" up to £{band['up_to']}" if band["up_to"] is not None else "")
    fee = f"£{band['fixed']}" if band["fixed"] is not None else f"{band['percent']}%"
    if band["cap"] is not None:
        fee += f" (capped at £{band['cap']})"
    return f"{limit}: {fee}"


def describe(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    """What changed between two snapshots, one line a change, in words."""
    lines = []
    for key, label in (("effective_from", "Effective from"), ("channel", "Channel"), ("source", "Source")):
        if before.get(key) != after.get(key):
            lines.append(f"{label}: {before.get(key) or '(none)'} → {after.get(key) or '(none)'}")
    old = [_band_words(b) for b in before.get("bands", [])]
    new = [_band_words(b) for b in after.get("bands", [])]
    lines += [f"Band removed: {words}" for words in old if words not in new]
    lines += [f"Band added: {words}" for words in new if words not in old]
    return lines


def record_change(*, schedule: FeeSchedule, actor: Any, action: str, before: dict[str, Any],
                  after: dict[str, Any]) -> FeeScheduleChange | None:
    """Record a change to a schedule (in the caller's transaction). Nothing is recorded when saving
    changed nothing."""
    lines = describe(before, after)
    if action == FeeScheduleChange.Action.CHANGED and not lines:
        return None
    return FeeScheduleChange.objects.create(
        schedule=schedule if action != FeeScheduleChange.Action.DELETED else None,
        schedule_label=str(schedule), action=action, changed_at=clock.now(), changed_by=actor,
        changed_by_label=staff_title(actor), before=before, after=after,
        summary="\n".join(lines),
    )
