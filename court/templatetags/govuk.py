"""Dates, times and money as GOV.UK style writes them: "4pm on Monday 22 March 2027", "9:30am", "£1,234.56"."""
from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal

from django import template

from rules.calendar import local
from rules.money import format_money

register = template.Library()


def _as_local(value: datetime) -> datetime:
    return local(value) if value.tzinfo is not None else value


@register.filter
def govuk_time(value: datetime | time | None) -> str:
    if value is None or value == "":
        return ""
    clock = _as_local(value).time() if isinstance(value, datetime) else value
    if clock.hour == 12 and clock.minute == 0:
        return "midday"
    if clock.hour == 0 and clock.minute == 0:
        return "midnight"
    hour = clock.hour % 12 or 12
    suffix = "am" if clock.hour < 12 else "pm"
    return f"{hour}{suffix}" if clock.minute == 0 else f"{hour}:{clock.minute:02d}{suffix}"


@register.filter
def govuk_date(value: datetime | date | None, with_weekday: bool = False) -> str:
    if value is None or value == "":
        return ""
    day = _as_local(value).date() if isinstance(value, datetime) else value
    text = f"{day.day} {day:%B %Y}"
    return f"{day:%A} {text}" if with_weekday else text


@register.filter
def govuk_datetime(value: datetime | None) -> str:
    """ "4pm on Monday 22 March 2027" (UK time)."""
    if value is None or value == "":
        return ""
    return f"{govuk_time(value)} on {govuk_date(value, True)}"


@register.filter
def money(value: object) -> str:
    """£1,234.56 (exact: Decimal in, never float)."""
    if value is None or value == "":
        return ""
    return format_money(Decimal(str(value)))
