"""The court calendar as the database knows it: ``rules.calendar`` plus the staff's data."""
from __future__ import annotations

from datetime import date, timedelta

from rules.calendar import CourtCalendar
from rules.calendar import Outage as OutageWindow

from .models import ClosureDay, Outage


def court_calendar() -> CourtCalendar:
    """The calendar in force now, with every announced closure and recorded outage."""
    return CourtCalendar.build(
        closures=ClosureDay.objects.values_list("day", flat=True),
        outages=(OutageWindow(start, end) for start, end in Outage.objects.values_list("start", "end")),
    )


def upcoming_closed_days(start: date, days: int = 120) -> list[tuple[date, str]]:
    """Closed weekdays (bank holidays and closures) in the next ``days`` days, for the public page."""
    cal = court_calendar()
    closed = cal.closed_days_between(start, start + timedelta(days=days))
    return [(day, reason) for day, reason in closed if day.weekday() < 5]
