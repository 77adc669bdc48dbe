"""TRC-14 and the trial readiness certificates (PD 51R 6C.1(2), 6C.3), as tables.

The notice counts from the UK day it is sent; each certificate must be received before 4pm on the 14th day after
it, or on the next open day if that day is closed (6C.3(3), 14.1). Each table row tells 13, 14 and 15 days apart:
the days around the last day are open days, or the row says why they roll to the same day.
"""
from datetime import date, datetime, timedelta, timezone

import pytest

from rules import trial
from rules.calendar import LONDON, PLAIN, CourtCalendar
from rules.calendar import in_time as received_in_time


def at(y: int, m: int, d: int, hh: int = 16, mm: int = 0, ss: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, ss, tzinfo=LONDON)


DEADLINES = [
    # (why, notice sent at, deadline)
    ("Wednesday 6 January 2027 at 10:00 → Wednesday 20 January (13 days: Tuesday 19, 15 days: Thursday 21)",
     at(2027, 1, 6, 10), at(2027, 1, 20)),
    ("sent after 4pm: the notice still counts from its own day", at(2027, 1, 6, 17, 30), at(2027, 1, 20)),
    ("sent at 23:59 UK time", at(2027, 1, 6, 23, 59), at(2027, 1, 20)),
    ("sent at 00:30 BST on Thursday 10 June 2027 (23:30 UTC the day before) counts from 10 June → Thursday 24",
     datetime(2027, 6, 9, 23, 30, tzinfo=timezone.utc), at(2027, 6, 24)),
    ("from a Saturday: the 14th day is a Saturday → Monday 25 January 2027", at(2027, 1, 9, 9), at(2027, 1, 25)),
    ("Friday 11 December 2026 → Christmas Day (Friday), the weekend and the substitute Boxing Day → Tuesday 29",
     at(2026, 12, 11, 10), at(2026, 12, 29)),
    ("Friday 12 March 2027 → Good Friday 26 March, the weekend and Easter Monday → Tuesday 30 March",
     at(2027, 3, 12, 10), at(2027, 3, 30)),
]


@pytest.mark.parametrize("why, sent_at, expected", DEADLINES, ids=[row[0] for row in DEADLINES])
def test_the_certificate_deadline(why, sent_at, expected):
    assert trial.certificate_deadline(PLAIN, sent_at) == expected


def test_13_14_and_15_days_are_told_apart():
    sent = at(2027, 1, 6, 10)  # every weekday from 18 to 22 January 2027 is open
    deadline = trial.certificate_deadline(PLAIN, sent)
    assert deadline != at(2027, 1, 19) and deadline != at(2027, 1, 21)
    assert deadline - timedelta(days=14) == at(2027, 1, 6)


def test_a_closure_staff_record_on_the_last_day_rolls_it_to_the_next_open_day():
    cal = CourtCalendar.build(closures=[date(2027, 1, 20)], outages=[])
    assert trial.certificate_deadline(cal, at(2027, 1, 6, 10)) == at(2027, 1, 21)


@pytest.mark.parametrize("received_at, in_time", [
    (at(2027, 1, 20, 15, 59, 59), True),
    (at(2027, 1, 20, 16, 0, 0), False),
    (at(2027, 1, 19, 16, 0, 0), True),  # a day early, after 4pm: still before the cut-off
    (at(2027, 1, 21, 9, 0, 0), False),
])
def test_received_strictly_before_4pm_on_the_last_day(received_at, in_time):
    deadline = trial.certificate_deadline(PLAIN, at(2027, 1, 6, 10))
    assert received_in_time(received_at, deadline) is in_time


DEADLINE = at(2027, 1, 20)
OUTCOMES = [
    ((), at(2027, 1, 20, 15, 59, 59), trial.Outcome.WAITING),
    (("claimant",), at(2027, 1, 20, 15, 59, 59), trial.Outcome.WAITING),
    (("claimant",), at(2027, 1, 20, 16), trial.Outcome.TIME_PASSED),
    ((), at(2027, 1, 25, 9), trial.Outcome.TIME_PASSED),
    (("defendant", "claimant"), at(2027, 1, 20, 15), trial.Outcome.ALL_FILED),
    (("defendant", "claimant"), at(2027, 1, 25, 9), trial.Outcome.ALL_FILED),
]


@pytest.mark.parametrize("filed, now, expected", OUTCOMES)
def test_where_the_certificates_stand(filed, now, expected):
    assert trial.outcome(filed, deadline=DEADLINE, now=now) == expected


def test_who_has_not_filed():
    assert trial.missing(()) == ("claimant", "defendant")
    assert trial.missing(("defendant",)) == ("claimant",)
    assert trial.missing(("claimant", "defendant")) == ()


ONLINE = [
    # directions made, awaiting reconsideration, claimant represented, defendant represented, early adopter → online
    (True, False, True, True, True, True),
    (True, True, True, True, True, False),  # a legal adviser's directions not yet in effect (20.2(3)(e))
    (False, False, True, True, True, False),
    (True, False, False, True, True, False),
    (True, False, True, False, True, False),
    (True, False, True, True, False, False),
]


@pytest.mark.parametrize("made, waiting, claimant, defendant, early, expected", ONLINE)
def test_which_claims_stay_online_after_directions(made, waiting, claimant, defendant, early, expected):
    assert trial.online_after_directions(directions_made=made, awaiting_reconsideration=waiting,
                                         claimant_represented=claimant, defendant_represented=defendant,
                                         early_adopter_court=early) is expected
