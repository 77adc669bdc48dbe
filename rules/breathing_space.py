"""A debt-respite breathing space recorded on a claim (PD 51R 11.1(2A), 11.1B(8)(b); the Debt Respite Scheme
(Breathing Space Moratorium and Mental Health Crisis Moratorium) (England and Wales) Regulations 2020).

Pure Python, no Django. A moratorium runs from its first day to the end of its last day (UK time); a standard one
has a known last day, a mental health crisis one may not (it lasts until 30 days after the crisis treatment ends,
and its end is recorded when the court is told).
"""
from __future__ import annotations

from datetime import date, datetime, time

from .calendar import at_local_time
from .periods import days_after

STANDARD = "standard"
MENTAL_HEALTH_CRISIS = "mental_health_crisis"


def ends_at(last_day: date) -> datetime:
    """The moment a moratorium whose last day is ``last_day`` ends: the start of the next day, UK time."""
    return at_local_time(days_after(last_day, 1), time(0, 0))


def recording_problem(kind: str, *, starts_on: date, ends_on: date | None, today: date) -> str | None:
    """Why this breathing space cannot be recorded, or None: a known start no later than today; a last day (only a
    mental health crisis moratorium may leave it unknown) on or after the start and not already past."""
    if kind not in (STANDARD, MENTAL_HEALTH_CRISIS):
        return "Choose the type of breathing space"
    if starts_on > today:
        return "The start date must be today or in the past"
    if ends_on is None:
        if kind == STANDARD:
            return "Enter the date a standard breathing space ends"
        return None
    if ends_on < starts_on:
        return "The end date must be on or after the start date"
    if ends_on < today:
        return "The end date has passed: that breathing space is no longer in force"
    return None


def end_problem(*, starts_on: date, ends_on: date) -> str | None:
    """Why this last day cannot be recorded for a moratorium in force from ``starts_on``, or None (a past day is
    fine: it has ended)."""
    if ends_on < starts_on:
        return "The end date must be on or after the start date"
    return None
