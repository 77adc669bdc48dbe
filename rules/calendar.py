"""The court calendar: open days, the 4 pm rule, and deadline cut-offs (PD 51R Section 14).

Definitions used throughout:

- The **court office is closed** on Saturdays, Sundays, bank holidays in England and
  Wales (including substitute and one-off days) and on closure days that HMCTS announces
  (CPR PD 2A 3.2; staff record them, see ``court.models.ClosureDay``).
- **Deemed submission** (14.1(A2), 14.1(1)): a form received before 16:00 UK time on a
  day the office is open counts as submitted that day; one received at or after 16:00, or
  on a day the office is closed, counts as submitted on the next open day.
- **Cut-off instant** of a time limit whose last day is ``D``: 16:00 UK time on ``D``,
  or, if ``D`` is a closed day, 16:00 on the next open day (14.1(3)). A submission is in
  time if and only if it is received strictly before the cut-off instant; this is the
  same as saying its deemed submission date is no later than the (rolled) last day.
- **Website malfunction** (14.1(2)): if the OCMC website malfunctions from before 16:00
  until 16:00 or later on the day a time limit expires, the limit moves to 16:00 on the
  next open day; if the website is again down over that cut-off, it moves again.
  (The consequence clause of 14.1(2) is missing from the reference copy of the PD; this
  follows ``shared/spec/rules.md``: "deadlines that fall inside them move".)

Instants are aware datetimes (stored in UTC); days are decided in Europe/London, so the
rules hold across GMT/BST changes.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

LONDON = ZoneInfo("Europe/London")
CUTOFF_TIME = time(16, 0)
ONE_DAY = timedelta(days=1)
# Far more than any real run of closed days; guards against a bad calendar looping forever.
_MAX_SEARCH_DAYS = 366


def _require_aware(instant: datetime) -> None:
    if instant.tzinfo is None or instant.utcoffset() is None:
        raise ValueError("instants must be timezone-aware")


def local(instant: datetime) -> datetime:
    """The instant as UK civil time."""
    _require_aware(instant)
    return instant.astimezone(LONDON)


def at_local_time(day: date, clock_time: time) -> datetime:
    """The instant at which UK clocks show ``clock_time`` on ``day``."""
    return datetime.combine(day, clock_time, tzinfo=LONDON)


@lru_cache(maxsize=64)
def bank_holidays(year: int) -> frozenset[date]:
    """Bank holidays in England and Wales in ``year`` that fall on weekdays.

    From the ``holidays`` package (subdivision England, which England and Wales share).
    The package also lists the weekend date of a holiday that has a weekday substitute;
    only weekday dates close the court office that would otherwise be open, so only
    those are kept.
    """
    listed = holidays.country_holidays("GB", subdiv="ENG", years=year)
    return frozenset(day for day in listed if day.weekday() < 5)


@dataclass(frozen=True)
class Outage:
    """A window in which the OCMC website could not receive forms (14.1(2))."""

    start: datetime
    end: datetime

    def __post_init__(self) -> None:
        _require_aware(self.start)
        _require_aware(self.end)
        if self.end <= self.start:
            raise ValueError("an outage must end after it starts")

    def spans(self, instant: datetime) -> bool:
        """True if the website was down from before ``instant`` until it or later."""
        return self.start < instant <= self.end


@dataclass(frozen=True)
class CourtCalendar:
    """Which days the court office is open, and which outages the website had.

    ``closures`` are the announced closure days (data kept by court staff);
    ``outages`` are recorded website malfunctions. Bank holidays and weekends are built in.
    """

    closures: frozenset[date] = field(default_factory=frozenset)
    outages: tuple[Outage, ...] = ()

    @classmethod
    def build(cls, closures: Iterable[date] = (), outages: Iterable[Outage] = ()) -> CourtCalendar:
        return cls(closures=frozenset(closures), outages=tuple(sorted(outages, key=lambda o: o.start)))

    # --- days -----------------------------------------------------------------------
    def closed_reason(self, day: date) -> str | None:
        """Why the court office is closed on ``day``, or None if it is open."""
        if day.weekday() == 5:
            return "Saturday"
        if day.weekday() == 6:
            return "Sunday"
        if day in bank_holidays(day.year):
            return "bank holiday"
        if day in self.closures:
            return "court closure day"
        return None

    def is_open(self, day: date) -> bool:
        return self.closed_reason(day) is None

    def next_open_day(self, day: date) -> date:
        """The first open day strictly after ``day``."""
        candidate = day + ONE_DAY
        for _ in range(_MAX_SEARCH_DAYS):
            if self.is_open(candidate):
                return candidate
            candidate += ONE_DAY
        raise RuntimeError(f"no open court day within a year after {day}")

    def open_on_or_after(self, day: date) -> date:
        return day if self.is_open(day) else self.next_open_day(day)

    def closed_days_between(self, first: date, last: date) -> list[tuple[date, str]]:
        """Every closed day from ``first`` to ``last`` inclusive, with its reason."""
        days: list[tuple[date, str]] = []
        day = first
        while day <= last:
            reason = self.closed_reason(day)
            if reason:
                days.append((day, reason))
            day += ONE_DAY
        return days

    # --- instants -------------------------------------------------------------------
    def deemed_submission_date(self, received_at: datetime) -> date:
        """The day a form received at ``received_at`` counts as submitted (14.1)."""
        when = local(received_at)
        if when.time() < CUTOFF_TIME and self.is_open(when.date()):
            return when.date()
        return self.next_open_day(when.date())

    def website_down_at(self, instant: datetime) -> bool:
        return any(outage.spans(instant) for outage in self.outages)

    def cutoff(self, last_day: date) -> datetime:
        """The exact instant a time limit whose last day is ``last_day`` runs out.

        16:00 UK time on the last day, moved to 16:00 on the next open day when the
        last day is closed (14.1(3)) or when a website outage runs from before until
        16:00 or later that day (14.1(2)).
        """
        day = self.open_on_or_after(last_day)
        for _ in range(_MAX_SEARCH_DAYS):
            instant = at_local_time(day, CUTOFF_TIME)
            if not self.website_down_at(instant):
                return instant
            day = self.next_open_day(day)
        raise RuntimeError(f"website recorded as down at every cut-off for a year after {last_day}")

    def is_in_time(self, received_at: datetime, deadline: datetime) -> bool:
        """Whether a form received at ``received_at`` meets a limit with cut-off ``deadline``."""
        return in_time(received_at, deadline)


def in_time(received_at: datetime, deadline: datetime) -> bool:
    """Whether what is received at ``received_at`` meets a limit with cut-off ``deadline``: strictly before it
    ("before 4pm", 14.1(1)); at the cut-off itself it is late."""
    _require_aware(received_at)
    return received_at < deadline


#: The calendar with no announced closures and no outages: weekends and bank holidays only.
PLAIN = CourtCalendar()
