"""The one clock.

Every piece of Money Claims that needs the current time asks this module, so that
tests can travel in time (``time_machine``) and so that there is one place to reason
about time zones: instants are aware datetimes in UTC; "days" are decided in
Europe/London (see ``rules.calendar``).

No Django import: the pure rule modules may use it too, although they prefer to be
given ``now`` as an argument.
"""
from __future__ import annotations

from datetime import date, datetime, timezone

from rules.calendar import LONDON


def now() -> datetime:
    """The current instant, timezone-aware, in UTC."""
    return datetime.now(tz=timezone.utc)


def today() -> date:
    """Today's date in the UK (Europe/London)."""
    return now().astimezone(LONDON).date()
