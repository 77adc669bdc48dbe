"""How an issued claim is served (4.3, 2.1(7)) and the defendant's time to respond where the claimant is
represented (DEF-REP, 6A.2(1)) or not (DEF-19, 5.1)."""
from datetime import date, datetime

import pytest

from rules import represented as r
from rules.calendar import LONDON, PLAIN, CourtCalendar, Outage


def at4(y: int, m: int, d: int) -> datetime:
    return datetime(y, m, d, 16, 0, tzinfo=LONDON)


@pytest.mark.parametrize("representation, route", [
    ("none", r.ServiceRoute.POST),             # 4.3(3)-(5): the paper claim form by post
    ("registered", r.ServiceRoute.WEBSITE),    # 4.3(6)(a)(i): through the website
    ("unregistered", r.ServiceRoute.SEND_OUT),  # 2.1(7): sent out as soon as it is issued
])
def test_the_service_route_follows_the_defendants_representation(representation, route):
    assert r.service_route(representation) == route


@pytest.mark.parametrize("representation", ["", "Registered", "solicitor", "NONE"])
def test_an_unknown_representation_is_refused(representation):
    with pytest.raises(ValueError):
        r.service_route(representation)


# Issue dates whose 27th, 28th and 29th days after are all open weekdays, away from bank holidays, so a period of
# 27 or 29 days would give another answer: each row is the 28th day, at 4pm, whatever the day of the week.
MID_WEEK = [
    ("PD example: 3 March 2027 → Wednesday 31 March", date(2027, 3, 3), at4(2027, 3, 31)),
    ("Thursday 7 January 2027 → Thursday 4 February (GMT)", date(2027, 1, 7), at4(2027, 2, 4)),
    ("Tuesday 13 April 2027 → Tuesday 11 May (BST)", date(2027, 4, 13), at4(2027, 5, 11)),
    ("Wednesday 16 June 2027 → Wednesday 14 July", date(2027, 6, 16), at4(2027, 7, 14)),
    ("Thursday 23 September 2027 → Thursday 21 October", date(2027, 9, 23), at4(2027, 10, 21)),
    ("Tuesday 5 October 2027 → Tuesday 2 November (after the clocks go back)", date(2027, 10, 5), at4(2027, 11, 2)),
]


@pytest.mark.parametrize("label, issued, expected", MID_WEEK, ids=[row[0] for row in MID_WEEK])
def test_def_rep_is_4pm_on_the_28th_day_after_issue(label, issued, expected):
    assert r.response_deadline(PLAIN, issued, claimant_represented=True) == expected
    assert r.response_deadline_day(issued, claimant_represented=True) == expected.date()
    # Neither a day less nor a day more: the neighbouring days are open too, so they would give other instants.
    for neighbour in (-1, 1):
        other = date.fromordinal(expected.date().toordinal() + neighbour)
        assert PLAIN.is_open(other), f"{other} must be an open day for the row to tell the periods apart"
        assert r.response_deadline(PLAIN, issued, claimant_represented=True) != at4(other.year, other.month,
                                                                                     other.day)


@pytest.mark.parametrize("label, issued, expected", [
    ("Thursday 7 January 2027 → Tuesday 26 January", date(2027, 1, 7), at4(2027, 1, 26)),
    ("Tuesday 13 April 2027 → Sunday 2 May → Tuesday 4 May (Monday 3 May is a bank holiday)", date(2027, 4, 13),
     at4(2027, 5, 4)),
    ("Wednesday 16 June 2027 → Monday 5 July", date(2027, 6, 16), at4(2027, 7, 5)),
], ids=lambda value: value if isinstance(value, str) else "")
def test_parties_in_person_have_19_days(label, issued, expected):
    assert r.response_deadline(PLAIN, issued, claimant_represented=False) == expected
    assert r.response_deadline_day(issued, claimant_represented=False) == date.fromordinal(issued.toordinal() + 19)


# 28 days is four weeks: the 28th day is the weekday the claim was issued on, so it is closed only on a bank holiday
# or an announced closure; then the limit rolls to 4pm on the next open day (14.1(3)). A website outage over 4pm
# moves it too (14.1(2)).
ROLLED = [
    ("issued Monday 5 April 2027: 28th day the early May bank holiday, Monday 3 May → Tuesday 4 May",
     date(2027, 4, 5), CourtCalendar(), at4(2027, 5, 4)),
    ("issued Monday 29 November 2027: 28th day Monday 27 December, the Christmas substitute, and Tuesday 28th the "
     "Boxing Day substitute → Wednesday 29 December", date(2027, 11, 29), CourtCalendar(), at4(2027, 12, 29)),
    ("28th day an announced closure, Wednesday 31 March 2027 → Thursday 1 April", date(2027, 3, 3),
     CourtCalendar.build(closures=[date(2027, 3, 31)]), at4(2027, 4, 1)),
    ("website down over 4pm on the 28th day, Thursday 4 February 2027 → Friday 5 February", date(2027, 1, 7),
     CourtCalendar.build(outages=[Outage(datetime(2027, 2, 4, 15, 0, tzinfo=LONDON),
                                         datetime(2027, 2, 4, 17, 0, tzinfo=LONDON))]), at4(2027, 2, 5)),
    ("website down only until 3:59pm on the 28th day: no move", date(2027, 1, 7),
     CourtCalendar.build(outages=[Outage(datetime(2027, 2, 4, 9, 0, tzinfo=LONDON),
                                         datetime(2027, 2, 4, 15, 59, tzinfo=LONDON))]), at4(2027, 2, 4)),
]


@pytest.mark.parametrize("label, issued, cal, expected", ROLLED, ids=[row[0] for row in ROLLED])
def test_def_rep_rolls_off_closed_days_and_outages(label, issued, cal, expected):
    assert r.response_deadline(cal, issued, claimant_represented=True) == expected


@pytest.mark.parametrize("claimant_represented, more_time", [(False, True), (True, False)])
def test_the_court_gives_14_more_days_only_to_parties_in_person(claimant_represented, more_time):
    assert r.court_gives_more_time(claimant_represented=claimant_represented) is more_time


def test_the_days_to_respond():
    assert r.response_days(claimant_represented=True) == 28
    assert r.response_days(claimant_represented=False) == 19
