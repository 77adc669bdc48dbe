"""The suite's clock: every test runs at a frozen instant unless it says otherwise."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from types import SimpleNamespace

import pytest

from ocmc import clock
from rules.calendar import LONDON
from tests.conftest import DEFAULT_INSTANT, clock_instant


def _config(option: str | None) -> SimpleNamespace:
    return SimpleNamespace(getoption=lambda name: option if name == "--clock-at" else None)


def test_a_test_runs_at_the_suites_instant_and_the_clock_does_not_move(request):
    first = clock.now()
    assert first == clock_instant(request.config)
    assert clock.now() == first
    assert datetime.now(tz=timezone.utc) == first  # the standard library is frozen too


def test_a_test_that_travels_moves_the_clock(travel):
    travel(datetime(2027, 1, 4, 9, 30, tzinfo=LONDON), tick=False)
    assert clock.today().isoformat() == "2027-01-04"


@pytest.mark.real_clock
def test_a_real_clock_test_sees_the_clock_move():
    first = clock.now()
    while clock.now() == first:
        pass
    assert clock.now() > first


def test_the_default_instant_is_an_ordinary_working_day_morning():
    assert DEFAULT_INSTANT.weekday() == 1 and DEFAULT_INSTANT.hour == 11
    assert clock_instant(_config(None)) == DEFAULT_INSTANT


@pytest.mark.parametrize(("option", "expected"), [
    ("2026-12-24T10:00", datetime(2026, 12, 24, 10, 0, tzinfo=LONDON)),
    ("2027-03-28T03:00", datetime(2027, 3, 28, 2, 0, tzinfo=timezone.utc)),  # BST: UK time, an hour ahead
    ("2026-11-10T16:00:00+00:00", datetime(2026, 11, 10, 16, 0, tzinfo=timezone.utc)),
    ("2027-03-28T01:30", datetime(2027, 3, 28, 1, 30, tzinfo=timezone.utc)),  # the hour skipped: read as GMT
    ("2028-02-29T15:59:59+01:00", datetime(2028, 2, 29, 14, 59, 59, tzinfo=timezone.utc)),
])
def test_clock_at_takes_uk_time_unless_given_an_offset(option, expected):
    instant = clock_instant(_config(option))
    assert instant == expected
    assert instant.utcoffset() is not None and instant - expected == timedelta(0)


def test_running_at_sets_the_instant_for_the_block_only():
    before = clock.now()
    then = datetime(2026, 10, 1, 9, 0, tzinfo=LONDON)
    with clock.running_at(then):
        assert clock.now() == then and clock.now().tzinfo == timezone.utc
        assert clock.today().isoformat() == "2026-10-01"
    assert clock.now() == before
    with pytest.raises(ValueError):
        with clock.running_at(datetime(2026, 10, 1, 9, 0)):
            pass
