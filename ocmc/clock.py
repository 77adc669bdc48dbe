"""The one clock.

Every piece of Money Claims that needs the current time asks this module, so that
tests can travel in time (``time_machine``) and so that there is one place to reason
about time zones: instants are aware datetimes in UTC; "days" are decided in
Europe/London (see ``rules.calendar``).

No Django import: the pure rule modules may use it too, although they prefer to be
given ``now`` as an argument.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime, timezone

from rules.calendar import LONDON


def now() -> datetime:
    """The current instant, timezone-aware, in UTC (``running_at``'s instant inside that block)."""
    at = _at.get()
    return at if at is not None else datetime.now(tz=timezone.utc)


def today() -> date:
    """Today's date in the UK (Europe/London)."""
    return now().astimezone(LONDON).date()


_at: ContextVar[datetime | None] = ContextVar("clock_at", default=None)


@contextmanager
def running_at(instant: datetime) -> Iterator[None]:
    """Run the block as though it were ``instant`` (aware): ``now()`` returns it unchanged while the block runs.

    For building history, as the demo data does (a claim issued 25 days ago, so its deadline is close): the
    steps are taken through the same services, recorded at the instant they would have been taken. Nothing
    that serves a request or runs a sweep uses it.
    """
    if instant.tzinfo is None:
        raise ValueError("running_at needs an aware instant")
    token = _at.set(instant.astimezone(timezone.utc))
    try:
        yield
    finally:
        _at.reset(token)
