"""The represented claimant's answer to a defence (CLM-REP-28, PD 51R 6A.4(3)-(5)) and the 6C.1 guard.

"Before 4pm on the 28th day after date of notification of the defendant's response": a defence notified on
Wednesday 3 March 2027 must be answered before 4pm on Wednesday 31 March 2027 (the 28th day). The 27th day (Tuesday
30 March) and the 29th (Thursday 1 April) are open days too, so a count one day out fails. Easter 2027: Good Friday
26 March, Easter Monday 29 March.
"""
from datetime import date, datetime
from decimal import Decimal

import pytest

from rules import represented as r
from rules.calendar import LONDON, CourtCalendar
from rules.calendar import in_time as received_in_time

CAL = CourtCalendar.build()


def at(y: int, m: int, d: int, hour: int = 16, minute: int = 0, second: int = 0) -> datetime:
    return datetime(y, m, d, hour, minute, second, tzinfo=LONDON)


# (label, notified on, calendar, deadline)
CASES = [
    ("the 28th day, not the 27th or 29th", date(2027, 3, 3), CAL, at(2027, 3, 31)),
    ("the 28th day is Easter Monday: Tuesday", date(2027, 3, 1), CAL, at(2027, 3, 30)),
    ("the 28th day is Good Friday: over the weekend and Easter Monday to Tuesday", date(2027, 2, 26), CAL,
     at(2027, 3, 30)),
    ("the 28th day is a Saturday: Monday", date(2027, 3, 6), CAL, at(2027, 4, 5)),
    ("the 28th day is Christmas Day: Tuesday 29 December (Boxing Day's substitute is Monday)", date(2026, 11, 27), CAL,
     at(2026, 12, 29)),
    ("a court closure day on the 28th day rolls past Christmas", date(2025, 11, 26),
     CourtCalendar.build(closures=[date(2025, 12, 24)]), at(2025, 12, 29)),
    ("the same without the closure: the 28th day itself", date(2025, 11, 26), CAL, at(2025, 12, 24)),
    ("after the clocks go back: 4pm GMT", date(2026, 10, 1), CAL, at(2026, 10, 29)),
    ("before the clocks go forward, ending in BST", date(2027, 3, 2), CAL, at(2027, 3, 30)),
]


@pytest.mark.parametrize("label, notified, cal, deadline", CASES, ids=[case[0] for case in CASES])
def test_clm_rep_28(label, notified, cal, deadline):
    got = r.claimant_answer_deadline(cal, notified, claimant_represented=True, response_kind="full_defence")
    assert got == deadline
    assert r.claimant_answer_last_day(notified) == date.fromordinal(notified.toordinal() + 28)


def test_one_day_either_side_is_a_different_deadline():
    notified = date(2027, 3, 3)
    deadline = r.claimant_answer_deadline(CAL, notified, claimant_represented=True, response_kind="full_defence")
    assert deadline != at(2027, 3, 30) and deadline != at(2027, 4, 1)
    assert deadline == at(2027, 3, 31)


# (label, received at, in time?) against the deadline of a defence notified on 3 March 2027.
EDGES = [
    ("15:59:59 on the 28th day", at(2027, 3, 31, 15, 59, 59), True),
    ("16:00:00 on the 28th day", at(2027, 3, 31, 16, 0, 0), False),
    ("the morning of the 29th day", at(2027, 4, 1, 9, 0), False),
    ("4pm on the 27th day", at(2027, 3, 30, 16, 0), True),
]


@pytest.mark.parametrize("label, received, in_time", EDGES, ids=[edge[0] for edge in EDGES])
def test_the_4pm_edge(label, received, in_time):
    deadline = r.claimant_answer_deadline(CAL, date(2027, 3, 3), claimant_represented=True,
                                          response_kind="full_defence")
    assert received_in_time(received, deadline) is in_time


def test_rolled_deadline_edge_is_4pm_on_the_next_open_day():
    deadline = r.claimant_answer_deadline(CAL, date(2027, 3, 1), claimant_represented=True,
                                          response_kind="states_paid")
    assert received_in_time(at(2027, 3, 29, 18, 0), deadline)  # Easter Monday evening
    assert received_in_time(at(2027, 3, 30, 15, 59, 59), deadline)
    assert not received_in_time(at(2027, 3, 30, 16, 0), deadline)


# (label, represented, kind, deadline) from 3 March 2027: who gets 28 days and who 33.
WHO = [
    ("represented, a dispute of the whole claim", True, "full_defence", at(2027, 3, 31)),
    ("represented, says the claim was paid", True, "states_paid", at(2027, 3, 31)),
    ("represented, a part admission: Section 7's 33 days", True, "part_admission", at(2027, 4, 5)),
    ("in person, a defence: CLM-33", False, "full_defence", at(2027, 4, 5)),
]


@pytest.mark.parametrize("label, represented, kind, deadline", WHO, ids=[case[0] for case in WHO])
def test_which_period(label, represented, kind, deadline):
    assert r.claimant_answer_deadline(CAL, date(2027, 3, 3), claimant_represented=represented,
                                      response_kind=kind) == deadline
    assert r.answers_within_28_days(claimant_represented=represented, response_kind=kind) is (
        deadline == at(2027, 3, 31))


def test_the_silence_order_names_the_deadline_and_the_court():
    text = r.silence_order(deadline_text="4pm on Wednesday 31 March 2027", court="Leeds County Court")
    assert text.startswith("Order under CPR 26.4(9)")
    assert "before 4pm on Wednesday 31 March 2027" in text and "to Leeds County Court" in text
    assert "CPR 26.4(1)" in text and "19.1" in text
    assert "the preferred hearing centre" in r.silence_order(deadline_text="x", court="")


# (all parties represented?, early adopter court?) → stays online (6C.1(2))
GUARD = [
    (True, True, True, True),
    (True, True, False, False),
    (True, False, True, False),
    (False, True, True, False),
    (False, False, True, False),
]


@pytest.mark.parametrize("claimant, defendant, early, stays", GUARD)
def test_6c1_guard(claimant, defendant, early, stays):
    assert r.stays_online_after_directions(claimant_represented=claimant, defendant_represented=defendant,
                                           early_adopter_court=early) is stays


@pytest.mark.parametrize("amount, referred", [
    ("10000.00", True), ("10000.01", False), ("9999.99", True), ("25000.00", False), ("0.01", True), (None, False),
])
def test_mediation_referral_is_for_small_claims(amount, referred):
    assert r.mediation_referral_appropriate(Decimal(amount) if amount else None) is referred
