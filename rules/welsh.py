"""A defendant's response in Welsh (PD 51R 2.1(3)(l), 6B.1).

- Who may respond in Welsh (2.1(3)(l)): the claim is conducted in English, save that where the claimant is
  represented and the defendant is not (2.1(3)(d)(iii)) the defendant may respond in Welsh.
- What follows (6B.1(2)): the response is sent for translation into English, and the court gives the translation
  to the claimant. Until then the claimant has nothing to answer.
- When the claimant's time starts (6B.1(3)): on the date on which the court provides the translation. That is
  the court's own act, so the day is the calendar day (in England and Wales) on which it is provided: the 4pm rule
  of 14.1 is about documents a party submits, and does not move it. The claimant's period then runs from that day
  exactly as it would have run from the day the response was received.

No Django import.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from .calendar import CourtCalendar, local

ENGLISH = "en"
WELSH = "cy"
LANGUAGES = (ENGLISH, WELSH)


def may_respond_in_welsh(*, claimant_represented: bool, defendant_represented: bool) -> bool:
    """2.1(3)(l) with (d)(iii): only a defendant in person facing a represented claimant."""
    return claimant_represented and not defendant_represented


def held_for_translation(language: str) -> bool:
    """A response in Welsh waits for its English translation before the claimant is given it (6B.1(2))."""
    return language == WELSH


def period_start(provided_at: datetime) -> date:
    """The day the claimant's time starts: the date the court provides the translation (6B.1(3))."""
    return local(provided_at).date()


def claimant_deadline(cal: CourtCalendar, provided_at: datetime,
                      period: Callable[[CourtCalendar, date], datetime]) -> datetime:
    """The claimant's deadline for the step ``period`` counts (CLM-33, say), started on the translation day."""
    return period(cal, period_start(provided_at))
