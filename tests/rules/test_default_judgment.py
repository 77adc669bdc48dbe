"""Judgment in default against a represented defendant: the refusals (PD 51R 11.1B(4), (8), 11.1(2A)), the fixed
costs (CPR 45 as money.md gives them) and the amount, line by line (11.1B(7)); and the breathing space's dates."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from rules import breathing_space
from rules import default_judgment as dj
from rules.represented import (
    CURRENT_FROM,
    FIXED_COSTS_CURRENT,
    FIXED_COSTS_OLDER,
    OLDER_FROM,
    FixedCostsSchedule,
    schedule_in_force,
)
from tests.conftest import uk

D = Decimal
CURRENT = FixedCostsSchedule(CURRENT_FROM, FIXED_COSTS_CURRENT)
OLDER = FixedCostsSchedule(OLDER_FROM, FIXED_COSTS_OLDER)


# -- the refusals, in the order the court checks them ------------------------------------------------------------

R = dj.Refusal


@pytest.mark.parametrize(("represented", "moratorium", "r1211", "strike", "summary", "total", "expected"), [
    (True, False, False, False, False, "0.01", None),
    (True, True, True, True, True, "0.00", R.MORATORIUM),  # 11.1B(8)(b) first: paper only
    (True, False, True, True, True, "0.00", R.RULE_12_11),  # 11.1B(8)(a)
    (True, False, False, True, True, "0.00", R.STRIKE_OUT_PENDING),  # 11.1B(4)(b)
    (True, False, False, False, True, "0.00", R.SUMMARY_JUDGMENT_PENDING),  # 11.1B(4)(c)
    (True, False, False, False, False, "0.00", R.SATISFIED),  # 11.1B(4)(d): nothing left owed
    (True, False, False, False, False, None, None),  # what was paid is not known yet
    # A defendant in person: only the moratorium is decided here (11.1(2A)); the rest is 11.1A.
    (False, True, False, False, False, "10.00", R.MORATORIUM),
    (False, False, True, True, True, "0.00", None),
])
def test_refusal(represented, moratorium, r1211, strike, summary, total, expected):
    assert dj.refusal(defendant_represented=represented, moratorium=moratorium, rule_12_11=r1211,
                      strike_out_pending=strike, summary_judgment_pending=summary,
                      total=D(total) if total is not None else None) == expected


def test_paper_only_refusals_point_to_part_23():
    assert dj.PAPER_ONLY == {R.MORATORIUM, R.RULE_12_11}
    assert "Part 23" in dj.reason(R.RULE_12_11) and "CTSC" in dj.reason(R.RULE_12_11)
    assert "11.1B(8)" in dj.reason(R.MORATORIUM) and "CTSC" in dj.reason(R.MORATORIUM)
    assert "11.1(2A)" in dj.reason(R.MORATORIUM, defendant_represented=False)
    assert "sent out" in dj.reason(R.MORATORIUM, defendant_represented=False)
    assert "11.1B(4)(b)" in dj.reason(R.STRIKE_OUT_PENDING)


# -- fixed costs ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("schedule", "amount", "on_issue", "in_default", "expected"), [
    (CURRENT, "25.00", None, True, []),  # £25 or less: no costs
    (CURRENT, "25.01", None, True, [("on", "60.00"), ("entry", "22.00")]),
    (CURRENT, "500.00", None, True, [("on", "60.00"), ("entry", "22.00")]),
    (CURRENT, "500.01", None, True, [("on", "80.00"), ("entry", "22.00")]),
    (CURRENT, "1000.00", None, True, [("on", "80.00"), ("entry", "22.00")]),
    (CURRENT, "1000.01", None, True, [("on", "90.00"), ("entry", "22.00")]),
    (CURRENT, "5000.00", None, True, [("on", "90.00"), ("entry", "22.00")]),
    (CURRENT, "5000.01", None, True, [("on", "110.00"), ("entry", "30.00")]),  # over £5,000: £30 on judgment
    (OLDER, "600.00", None, True, [("on", "70.00"), ("entry", "22.00")]),
    (OLDER, "25000.00", None, True, [("on", "100.00"), ("entry", "30.00")]),
    # The costs on issue the claim recorded when it was submitted stand, whatever the schedule now says.
    (CURRENT, "1250.80", "80.00", True, [("on", "80.00"), ("entry", "22.00")]),
    # On admission: the costs on issue only.
    (CURRENT, "1250.80", "90.00", False, [("on", "90.00")]),
    (CURRENT, "400.00", None, False, [("on", "60.00")]),
    (None, "1250.80", "90.00", True, [("on", "90.00")]),
    (None, "1250.80", "0", True, []),
])
def test_fixed_costs_lines(schedule, amount, on_issue, in_default, expected):
    labels = {"on": dj.ON_ISSUE, "entry": dj.ON_JUDGMENT}
    lines = dj.fixed_costs_lines(schedule, D(amount), on_issue=D(on_issue) if on_issue is not None else None,
                                 in_default=in_default)
    assert [(line.label, line.amount) for line in lines] == [(labels[k], D(v)) for k, v in expected]


@pytest.mark.parametrize(("on", "expected"), [
    (date(2023, 9, 30), OLDER_FROM), (date(2023, 10, 1), CURRENT_FROM), (date(2027, 4, 1), CURRENT_FROM),
])
def test_the_schedule_in_force_on_the_date_of_judgment(on, expected):
    assert schedule_in_force([OLDER, CURRENT], on).effective_from == expected


# -- the amount (11.1B(7)) --------------------------------------------------------------------------------------

ISSUED = date(2027, 3, 3)


@pytest.mark.parametrize(("judged", "paid", "costs", "expected_lines", "total"), [
    # £1,234.56 + £16.24 interest to issue, then 29 days at £0.27 = £7.83, the £80 fee, £90 + £22 fixed costs.
    (date(2027, 4, 1), "0", [("on", "90.00"), ("entry", "22.00")], [
        ("Amount claimed", "1234.56"), ("Interest to 3 March 2027", "16.24"),
        ("Interest from 4 March 2027 to the date of judgment (29 days at £0.27 a day)", "7.83"),
        ("Court fee", "80.00"), (dj.ON_ISSUE, "90.00"), (dj.ON_JUDGMENT, "22.00")], "1450.63"),
    # Less what the defendant has paid.
    (date(2027, 4, 1), "100.00", [("on", "90.00"), ("entry", "22.00")], [
        ("Amount claimed", "1234.56"), ("Interest to 3 March 2027", "16.24"),
        ("Interest from 4 March 2027 to the date of judgment (29 days at £0.27 a day)", "7.83"),
        ("Court fee", "80.00"), (dj.ON_ISSUE, "90.00"), (dj.ON_JUDGMENT, "22.00"),
        ("Less amount paid", "-100.00")], "1350.63"),
    # A day later (a request at 4 pm counts the next open day): one more day of interest.
    (date(2027, 4, 2), "0", [("on", "90.00"), ("entry", "22.00")], [
        ("Amount claimed", "1234.56"), ("Interest to 3 March 2027", "16.24"),
        ("Interest from 4 March 2027 to the date of judgment (30 days at £0.27 a day)", "8.10"),
        ("Court fee", "80.00"), (dj.ON_ISSUE, "90.00"), (dj.ON_JUDGMENT, "22.00")], "1450.90"),
    # Paid more than everything: never below nothing.
    (date(2027, 4, 1), "2000.00", [], [
        ("Amount claimed", "1234.56"), ("Interest to 3 March 2027", "16.24"),
        ("Interest from 4 March 2027 to the date of judgment (29 days at £0.27 a day)", "7.83"),
        ("Court fee", "80.00"), ("Less amount paid", "-2000.00")], "0.00"),
])
def test_amount_in_default(judged, paid, costs, expected_lines, total):
    labels = {"on": dj.ON_ISSUE, "entry": dj.ON_JUDGMENT}
    amount = dj.amount_in_default(
        principal=D("1234.56"), interest_to_issue=D("16.24"), daily_interest=D("0.27"), issue_date=ISSUED,
        judgment_date=judged, fee=D("80.00"), paid=D(paid),
        costs=tuple(dj.CostsLine(labels[k], D(v)) for k, v in costs))
    assert [(line.label, line.signed) for line in amount.lines[:-1]] == [(k, D(v)) for k, v in expected_lines]
    assert amount.total == D(total) and amount.lines[-1].label == "Total"


def test_negative_costs_are_refused():
    with pytest.raises(ValueError):
        dj.amount_in_default(principal=D("10"), interest_to_issue=D(0), daily_interest=None, issue_date=ISSUED,
                             judgment_date=ISSUED, fee=D(0), paid=D(0), costs=(dj.CostsLine("x", D("-1")),))


# -- the breathing space's dates --------------------------------------------------------------------------------


@pytest.mark.parametrize(("last_day", "ends"), [
    (date(2027, 3, 27), uk(2027, 3, 28, 0, 0)),  # GMT: the clocks go forward on 28 March 2027 at 1am
    (date(2027, 3, 28), uk(2027, 3, 29, 0, 0)),  # BST
    (date(2027, 12, 31), uk(2028, 1, 1, 0, 0)),
])
def test_a_breathing_space_ends_at_the_start_of_the_day_after_its_last_day(last_day, ends):
    assert breathing_space.ends_at(last_day) == ends


TODAY = date(2027, 4, 1)


@pytest.mark.parametrize(("kind", "starts", "ends", "problem"), [
    ("standard", date(2027, 3, 20), date(2027, 5, 18), None),
    ("standard", TODAY, TODAY, None),
    ("standard", date(2027, 4, 2), date(2027, 5, 18), "today or in the past"),
    ("standard", date(2027, 3, 20), None, "Enter the date"),
    ("mental_health_crisis", date(2027, 3, 20), None, None),
    ("mental_health_crisis", date(2027, 3, 20), date(2027, 3, 19), "on or after the start"),
    ("standard", date(2027, 3, 1), date(2027, 3, 31), "has passed"),
    ("other", date(2027, 3, 1), None, "Choose the type"),
])
def test_what_can_be_recorded(kind, starts, ends, problem):
    found = breathing_space.recording_problem(kind, starts_on=starts, ends_on=ends, today=TODAY)
    assert (found is None) if problem is None else (problem in found)


@pytest.mark.parametrize(("starts", "ends", "problem"), [
    (date(2027, 3, 20), date(2027, 3, 20), None),  # a moratorium may end on the day it started
    (date(2027, 3, 20), date(2027, 3, 19), "on or after the start"),
    (date(2027, 3, 20), date(2027, 3, 21), None),
    (date(2027, 3, 20), date(2027, 3, 1), "on or after the start"),
])
def test_the_end_recorded_later(starts, ends, problem):
    found = breathing_space.end_problem(starts_on=starts, ends_on=ends)
    assert (found is None) if problem is None else (problem in found)
