"""An agreed extension of a represented claimant's claim (DEF-REP-EXT, PD 51R 6A.2(2)-(4)).

Issued Wednesday 3 March 2027: the original last day is Wednesday 31 March (4pm), so 28 days more end on Wednesday
28 April; none of 27, 28 and 29 April 2027 is a closed day. A second claim is issued on Monday 5 April 2027: its 28th
day is the May Day bank holiday (Monday 3 May), so the original deadline is 4pm on Tuesday 4 May, and its latest
agreed day is the Spring bank holiday (Monday 31 May), which rolls to Tuesday 1 June.
"""
from datetime import date, datetime

import pytest

from rules import represented as r
from rules.calendar import LONDON, CourtCalendar

CAL = CourtCalendar.build()
MARCH = date(2027, 3, 3)
APRIL = date(2027, 4, 5)
R = r.ExtensionRefusal


def at(y: int, m: int, d: int, hour: int = 16, minute: int = 0) -> datetime:
    return datetime(y, m, d, hour, minute, tzinfo=LONDON)


# (label, issue date, current deadline, extension recorded, now, new last day, refusal, deadline, days)
CASES = [
    ("28 days more: the most", MARCH, at(2027, 3, 31), False, at(2027, 3, 10, 10), date(2027, 4, 28), None,
     at(2027, 4, 28), 28),
    ("27 days more", MARCH, at(2027, 3, 31), False, at(2027, 3, 10, 10), date(2027, 4, 27), None, at(2027, 4, 27), 27),
    ("29 days more is too long", MARCH, at(2027, 3, 31), False, at(2027, 3, 10, 10), date(2027, 4, 29), R.TOO_LONG,
     None, 29),
    ("one day more", MARCH, at(2027, 3, 31), False, at(2027, 3, 10, 10), date(2027, 4, 1), None, at(2027, 4, 1), 1),
    ("a Saturday rolls to Monday", MARCH, at(2027, 3, 31), False, at(2027, 3, 10, 10), date(2027, 4, 24), None,
     at(2027, 4, 26), 24),
    ("the current last day itself", MARCH, at(2027, 3, 31), False, at(2027, 3, 10, 10), date(2027, 3, 31),
     R.NOT_AFTER_CURRENT, None, 0),
    ("before the current last day", MARCH, at(2027, 3, 31), False, at(2027, 3, 10, 10), date(2027, 3, 24),
     R.NOT_AFTER_CURRENT, None, -7),
    ("today is not in the future", MARCH, at(2027, 3, 31), False, at(2027, 3, 10, 10), date(2027, 3, 10),
     R.NOT_IN_FUTURE, None, -21),
    ("yesterday", MARCH, at(2027, 3, 31), False, at(2027, 3, 10, 10), date(2027, 3, 9), R.NOT_IN_FUTURE, None, -22),
    ("a minute before the original deadline", MARCH, at(2027, 3, 31), False, at(2027, 3, 31, 15, 59),
     date(2027, 4, 14), None, at(2027, 4, 14), 14),
    ("at the original deadline: too late", MARCH, at(2027, 3, 31), False, at(2027, 3, 31, 16, 0), date(2027, 4, 14),
     R.ORIGINAL_EXPIRED, None, 14),
    ("a further increase after 14 days", MARCH, at(2027, 4, 14), True, at(2027, 3, 20, 9), date(2027, 4, 21),
     R.FURTHER_INCREASE, None, 21),
    ("after an extension: beyond 28 days is too long anyway", MARCH, at(2027, 4, 14), True, at(2027, 3, 20, 9),
     date(2027, 4, 29), R.TOO_LONG, None, 29),
    ("after an extension: an earlier day is not after it", MARCH, at(2027, 4, 14), True, at(2027, 3, 20, 9),
     date(2027, 4, 10), R.NOT_AFTER_CURRENT, None, 10),
    ("after an extension, once the original 28 days end", MARCH, at(2027, 4, 14), True, at(2027, 4, 1, 9),
     date(2027, 4, 21), R.ORIGINAL_EXPIRED, None, 21),
    # Issued 5 April: the 28th day is a bank holiday, the original deadline 4pm Tuesday 4 May.
    ("the rolled original deadline is still open the evening before", APRIL, at(2027, 5, 4), False,
     at(2027, 5, 3, 17), date(2027, 5, 5), None, at(2027, 5, 5), 2),
    ("the rolled day itself is not after it", APRIL, at(2027, 5, 4), False, at(2027, 4, 20, 9), date(2027, 5, 4),
     R.NOT_AFTER_CURRENT, None, 1),
    ("28 days after the 28th day, a bank holiday, rolls", APRIL, at(2027, 5, 4), False, at(2027, 4, 20, 9),
     date(2027, 5, 31), None, at(2027, 6, 1), 28),
    ("the day it rolls to is 29 days after", APRIL, at(2027, 5, 4), False, at(2027, 4, 20, 9), date(2027, 6, 1),
     R.TOO_LONG, None, 29),
    ("expired at 4pm on the rolled day", APRIL, at(2027, 5, 4), False, at(2027, 5, 4, 16), date(2027, 5, 20),
     R.ORIGINAL_EXPIRED, None, 17),
]


@pytest.mark.parametrize("label, issued, current, recorded, now, new_day, refusal, deadline, days", CASES,
                         ids=[c[0] for c in CASES])
def test_agreed_extension(label, issued, current, recorded, now, new_day, refusal, deadline, days):
    decision = r.agreed_extension(CAL, issued, current_deadline=current, new_last_day=new_day, now=now,
                                  extension_recorded=recorded)
    assert decision.refusal == refusal
    assert decision.allowed is (refusal is None)
    assert decision.deadline == deadline
    assert decision.extension_days == days


def test_the_latest_day_and_the_reasons():
    assert r.original_last_day(MARCH) == date(2027, 3, 31)
    assert r.latest_agreed_day(MARCH) == date(2027, 4, 28)
    decision = r.agreed_extension(CAL, MARCH, current_deadline=at(2027, 3, 31), new_last_day=date(2027, 5, 1),
                                  now=at(2027, 3, 10, 10), extension_recorded=False)
    assert r.extension_reason(decision, latest_text="28 April 2027").endswith("no later than 28 April 2027")
    assert not decision.needs_ctsc_application
    late = r.agreed_extension(CAL, MARCH, current_deadline=at(2027, 3, 31), new_last_day=date(2027, 4, 5),
                              now=at(2027, 4, 1, 9), extension_recorded=False)
    assert late.needs_ctsc_application and "6A.2(2)" in r.extension_reason(late)


@pytest.mark.parametrize("now, recorded, expected", [
    (at(2027, 3, 31, 15, 59), False, None),
    (at(2027, 3, 31, 16, 0), False, R.ORIGINAL_EXPIRED),
    (at(2027, 3, 20, 9), True, R.FURTHER_INCREASE),
])
def test_whether_an_extension_can_still_be_recorded(now, recorded, expected):
    assert r.extension_recordable(CAL, MARCH, now=now, extension_recorded=recorded) == expected
