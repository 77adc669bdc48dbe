"""The court calendar (PD 51R Section 14): open days, the 4 pm rule, cut-offs and outages."""
import json
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from rules.calendar import LONDON, PLAIN, CourtCalendar, Outage, bank_holidays

FIXTURE = Path(__file__).parent.parent / "fixtures" / "bank_holidays_england_wales.json"
UTC = timezone.utc


def uk(*args: int) -> datetime:
    return datetime(*args, tzinfo=LONDON)


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


@pytest.mark.parametrize("year", range(2018, 2027))
def test_bank_holidays_match_the_official_list(year):
    official = {date.fromisoformat(d) for d in json.loads(FIXTURE.read_text())["dates"][str(year)]}
    assert bank_holidays(year) == official


def test_bank_holidays_are_weekdays_only():
    # 26 December 2026 is a Saturday; the substitute day is Monday 28 December.
    assert date(2026, 12, 26) not in bank_holidays(2026)
    assert date(2026, 12, 28) in bank_holidays(2026)


@pytest.mark.parametrize(
    "day, reason",
    [
        (date(2026, 11, 21), "Saturday"),
        (date(2026, 11, 22), "Sunday"),
        (date(2026, 11, 23), None),
        (date(2026, 12, 25), "bank holiday"),
        (date(2022, 9, 19), "bank holiday"),  # one-off: the State Funeral
        (date(2023, 5, 8), "bank holiday"),  # one-off: the Coronation
        (date(2025, 12, 24), None),  # an announced closure only once staff record it
    ],
)
def test_closed_reason_plain_calendar(day, reason):
    assert PLAIN.closed_reason(day) == reason


def test_announced_closure_days_close_the_office():
    cal = CourtCalendar.build(closures=[date(2025, 12, 24), date(2024, 12, 27)])
    assert cal.closed_reason(date(2025, 12, 24)) == "court closure day"
    assert not cal.is_open(date(2024, 12, 27))
    # 23 Dec 2025 → next open day skips 24 (closure), 25, 26 (bank holidays), 27, 28 (weekend)
    assert cal.next_open_day(date(2025, 12, 23)) == date(2025, 12, 29)


@pytest.mark.parametrize(
    "received, deemed",
    [
        # Winter (GMT): 16:00 UK is 16:00 UTC. Wednesday 18 November 2026.
        (utc(2026, 11, 18, 15, 59, 59), date(2026, 11, 18)),
        (utc(2026, 11, 18, 16, 0, 0), date(2026, 11, 19)),
        (utc(2026, 11, 18, 23, 59, 59), date(2026, 11, 19)),
        (utc(2026, 11, 19, 0, 0, 0), date(2026, 11, 19)),
        # Friday after 16:00 → Monday; Saturday and Sunday → Monday.
        (utc(2026, 11, 20, 16, 30), date(2026, 11, 23)),
        (utc(2026, 11, 21, 10, 0), date(2026, 11, 23)),
        (utc(2026, 11, 22, 15, 0), date(2026, 11, 23)),
        # Summer (BST): 16:00 UK is 15:00 UTC. Tuesday 30 June 2026.
        (utc(2026, 6, 30, 14, 59, 59), date(2026, 6, 30)),
        (utc(2026, 6, 30, 15, 0, 0), date(2026, 7, 1)),
        # 23:30 UTC on 30 June is 00:30 BST on 1 July: a new day, before 16:00.
        (utc(2026, 6, 30, 23, 30), date(2026, 7, 1)),
        # The day the clocks go forward (Sunday 29 March 2026) and the Monday after.
        (uk(2026, 3, 29, 12, 0), date(2026, 3, 30)),
        (uk(2026, 3, 30, 15, 59, 59), date(2026, 3, 30)),
        (uk(2026, 3, 30, 16, 0), date(2026, 3, 31)),
        # The week the clocks go back (Sunday 25 October 2026).
        (uk(2026, 10, 26, 15, 59, 59), date(2026, 10, 26)),
        (utc(2026, 10, 26, 16, 0), date(2026, 10, 27)),
        # Bank holidays: Maundy Thursday 2026 after 16:00 → Tuesday after Easter Monday.
        (uk(2026, 4, 2, 16, 0), date(2026, 4, 7)),
        (uk(2026, 4, 6, 9, 0), date(2026, 4, 7)),
        # Christmas 2026: Thursday 24 after 16:00 → Tuesday 29 (25 Fri, 26-27 weekend, 28 substitute).
        (uk(2026, 12, 24, 16, 0), date(2026, 12, 29)),
    ],
)
def test_deemed_submission_date(received, deemed):
    assert PLAIN.deemed_submission_date(received) == deemed


def test_deemed_submission_refuses_naive_datetimes():
    with pytest.raises(ValueError):
        PLAIN.deemed_submission_date(datetime(2026, 11, 18, 12, 0))


@pytest.mark.parametrize(
    "last_day, cutoff",
    [
        (date(2027, 3, 22), uk(2027, 3, 22, 16, 0)),  # an open Monday
        (date(2026, 3, 22), uk(2026, 3, 23, 16, 0)),  # Sunday → Monday
        (date(2026, 4, 5), uk(2026, 4, 7, 16, 0)),  # Easter Sunday → Tuesday
        (date(2026, 12, 25), uk(2026, 12, 29, 16, 0)),
        (date(2026, 6, 30), utc(2026, 6, 30, 15, 0)),  # BST: 16:00 UK is 15:00 UTC
        (date(2026, 11, 30), utc(2026, 11, 30, 16, 0)),  # GMT
    ],
)
def test_cutoff_is_4pm_on_the_last_day_or_next_open_day(last_day, cutoff):
    assert PLAIN.cutoff(last_day) == cutoff


def test_in_time_means_before_the_cutoff_instant():
    deadline = PLAIN.cutoff(date(2027, 3, 22))
    assert PLAIN.is_in_time(uk(2027, 3, 22, 15, 59, 59), deadline)
    assert not PLAIN.is_in_time(uk(2027, 3, 22, 16, 0, 0), deadline)
    # Consistent with the deemed submission date.
    assert PLAIN.deemed_submission_date(uk(2027, 3, 22, 15, 59, 59)) == date(2027, 3, 22)
    assert PLAIN.deemed_submission_date(uk(2027, 3, 22, 16, 0, 0)) == date(2027, 3, 23)


class TestWebsiteOutage:
    """14.1(2): an outage from before 16:00 until 16:00 or later on the last day moves the limit."""

    def test_outage_spanning_the_cutoff_moves_it_to_the_next_open_day(self):
        cal = CourtCalendar.build(outages=[Outage(uk(2027, 3, 22, 14, 0), uk(2027, 3, 22, 18, 0))])
        assert cal.cutoff(date(2027, 3, 22)) == uk(2027, 3, 23, 16, 0)

    def test_outage_ending_exactly_at_4pm_still_counts(self):
        cal = CourtCalendar.build(outages=[Outage(uk(2027, 3, 22, 15, 0), uk(2027, 3, 22, 16, 0))])
        assert cal.cutoff(date(2027, 3, 22)) == uk(2027, 3, 23, 16, 0)

    def test_outage_ending_before_4pm_changes_nothing(self):
        cal = CourtCalendar.build(outages=[Outage(uk(2027, 3, 22, 9, 0), uk(2027, 3, 22, 15, 59))])
        assert cal.cutoff(date(2027, 3, 22)) == uk(2027, 3, 22, 16, 0)

    def test_outage_starting_at_or_after_4pm_changes_nothing(self):
        cal = CourtCalendar.build(outages=[Outage(uk(2027, 3, 22, 16, 0), uk(2027, 3, 22, 20, 0))])
        assert cal.cutoff(date(2027, 3, 22)) == uk(2027, 3, 22, 16, 0)

    def test_outage_over_a_weekend_moves_past_it_and_again_if_still_down(self):
        # Down from Friday 13:00 to Monday 17:00: a Friday limit moves to Tuesday 16:00.
        cal = CourtCalendar.build(outages=[Outage(uk(2027, 3, 19, 13, 0), uk(2027, 3, 22, 17, 0))])
        assert cal.cutoff(date(2027, 3, 19)) == uk(2027, 3, 23, 16, 0)

    def test_outage_must_end_after_it_starts(self):
        with pytest.raises(ValueError):
            Outage(uk(2027, 3, 22, 16, 0), uk(2027, 3, 22, 16, 0))
