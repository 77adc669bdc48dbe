"""APP-RESP-5 and who may apply online (PD 51R 16B.1): the respondent's information before 4pm on the 5th day
after notification, counted from the day the application counts as made (14.1); the paper-only kinds (16B.1(10))."""
from datetime import date, datetime, timedelta

import pytest

from rules import applications as a
from rules.calendar import LONDON, PLAIN, CourtCalendar
from rules.calendar import in_time as received_in_time


def uk(y: int, m: int, d: int, hh: int = 16, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=LONDON)


# Thursday 11 February 2027: the 4th, 5th and 6th days after it (Monday 15, Tuesday 16, Wednesday 17) are each an
# open day of their own, so a day more or less fails.
CASES = [
    ("made Thursday morning → Tuesday 16 February, 4pm", PLAIN, uk(2027, 2, 11, 10), uk(2027, 2, 16)),
    ("made Thursday 15:59 → still notified Thursday", PLAIN, uk(2027, 2, 11, 15, 59), uk(2027, 2, 16)),
    ("made Thursday 16:00 → made Friday → Wednesday 17 February", PLAIN, uk(2027, 2, 11, 16), uk(2027, 2, 17)),
    ("made Friday 12 February morning → Wednesday 17 February", PLAIN, uk(2027, 2, 12, 9), uk(2027, 2, 17)),
    ("made Friday after 4pm → made Monday 15 → 5th day Saturday → Monday 22 February", PLAIN,
     uk(2027, 2, 12, 17), uk(2027, 2, 22)),
    ("made on Saturday → made Monday 15 → Monday 22 February", PLAIN, uk(2027, 2, 13, 11), uk(2027, 2, 22)),
    ("5th day a court closure day → the next open day", CourtCalendar.build(closures=[date(2027, 2, 16)]),
     uk(2027, 2, 11, 10), uk(2027, 2, 17)),
    ("5th day Easter Monday 29 March 2027 → Tuesday 30 March", PLAIN, uk(2027, 3, 24, 10), uk(2027, 3, 30)),
    ("made Maundy Thursday after 4pm → made Tuesday 30 March (Good Friday, Easter Monday) → Monday 5 April",
     PLAIN, uk(2027, 3, 25, 16, 30), uk(2027, 4, 5)),
    ("5th day Boxing Day (Saturday) → Sunday → substitute bank holiday Monday 28 → Tuesday 29 December 2026", PLAIN,
     uk(2026, 12, 21, 10), uk(2026, 12, 29)),
    ("summer time: Thursday 10 June 2027 → Tuesday 15 June, 4pm BST", PLAIN, uk(2027, 6, 10, 10), uk(2027, 6, 15)),
]


@pytest.mark.parametrize("label, cal, made_at, expected", CASES, ids=[c[0] for c in CASES])
def test_respondent_deadline(label, cal, made_at, expected):
    assert a.respondent_deadline(cal, made_at) == expected


def test_the_5th_day_is_5_days_after_notification_not_4_or_6():
    assert a.respondent_last_day(date(2027, 2, 11)) == date(2027, 2, 16)
    assert a.notification_date(PLAIN, uk(2027, 2, 11, 16)) == date(2027, 2, 12)


def test_summer_deadline_is_3pm_utc():
    assert a.respondent_deadline(PLAIN, uk(2027, 6, 10, 10)).utcoffset() == timedelta(hours=1)


@pytest.mark.parametrize("received, in_time", [
    (uk(2027, 2, 16, 15, 59), True),
    (uk(2027, 2, 16, 15, 59) + timedelta(seconds=59, microseconds=999999), True),
    (uk(2027, 2, 16, 16, 0), False),
    (uk(2027, 2, 16, 16, 1), False),
    (uk(2027, 2, 17, 9), False),
])
def test_before_4pm_only(received, in_time):
    assert received_in_time(received, uk(2027, 2, 16)) is in_time


@pytest.mark.parametrize("subject, paragraph", [("appeal", "16B.1(10)(a)"), ("enforcement", "16B.1(10)(b)"),
                                                ("insolvency", "16B.1(10)(c)")])
def test_appeals_enforcement_and_insolvency_are_on_paper(subject, paragraph):
    refusal = a.paper_only(subject)
    assert refusal is not None and paragraph in refusal.reason and "on paper" in refusal.reason and refusal.where


def test_an_application_in_the_claim_itself_may_be_made_online():
    assert a.paper_only(a.ONLINE_SUBJECT) is None
    assert a.where_paper_applications_go("") == "the Civil National Business Centre (CNBC)"
    assert a.where_paper_applications_go("Leeds County Court") == "Leeds County Court"
