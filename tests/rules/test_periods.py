"""Every time limit in shared/spec/rules.md, with the PD's own examples."""
from datetime import date, datetime, timedelta, timezone

import pytest

from rules import periods as p
from rules.calendar import LONDON, PLAIN, CourtCalendar


def at4(y: int, m: int, d: int) -> datetime:
    return datetime(y, m, d, 16, 0, tzinfo=LONDON)


# The PD's examples: issued (or sent) 3 March. In 2027 none of the days is closed.
PD_EXAMPLES = [
    ("5.1(1)/(6) respond within 19 days", lambda: p.def_19(PLAIN, date(2027, 3, 3)), at4(2027, 3, 22)),
    ("5.1(7) more time: 33 days", lambda: p.def_33(PLAIN, date(2027, 3, 3)), at4(2027, 4, 5)),
    ("10.1(1) paper contact, claimant in person", lambda: p.def_paper_contact(PLAIN, date(2027, 3, 3), claimant_represented=False), at4(2027, 3, 22)),
    ("10.1(1) paper contact, claimant represented", lambda: p.def_paper_contact(PLAIN, date(2027, 3, 3), claimant_represented=True), at4(2027, 3, 31)),
    ("10.1(7) time extension form", lambda: p.def_paper_response(PLAIN, date(2027, 3, 3), more_time=False, claimant_represented=False), at4(2027, 3, 22)),
    ("10.1(7) time extension form, represented claimant", lambda: p.def_paper_response(PLAIN, date(2027, 3, 3), more_time=False, claimant_represented=True), at4(2027, 3, 31)),
    ("10.1(9) paper response with more time", lambda: p.def_paper_response(PLAIN, date(2027, 3, 3), more_time=True, claimant_represented=False), at4(2027, 4, 5)),
    ("6A.2(1) represented claimant: 4pm on the 28th day", lambda: p.def_rep(PLAIN, date(2027, 3, 3)), at4(2027, 3, 31)),
]


@pytest.mark.parametrize("label, compute, expected", PD_EXAMPLES, ids=[e[0] for e in PD_EXAMPLES])
def test_pd_examples(label, compute, expected):
    assert compute() == expected


# From Thursday 7 January 2027 every period ends mid-week, so a day more or a day less would be
# another working day: the PD's examples end on Mondays, where a day less rolls over the weekend to
# the same Monday and cannot tell 18 days from 19.
THU = date(2027, 1, 7)
MID_WEEK = [
    ("DEF-19 → Tuesday 26 January", lambda: p.def_19(PLAIN, THU), at4(2027, 1, 26)),
    ("DEF-33 → Tuesday 9 February", lambda: p.def_33(PLAIN, THU), at4(2027, 2, 9)),
    ("DEF-PAPER contact, claimant in person: 19 days", lambda: p.def_paper_contact(PLAIN, THU, claimant_represented=False), at4(2027, 1, 26)),
    ("DEF-PAPER response: 19 days", lambda: p.def_paper_response(PLAIN, THU, more_time=False, claimant_represented=False), at4(2027, 1, 26)),
    ("DEF-PAPER response with more time: 33 days", lambda: p.def_paper_response(PLAIN, THU, more_time=True, claimant_represented=False), at4(2027, 2, 9)),
    ("CLM-33 → Tuesday 9 February", lambda: p.clm_33(PLAIN, THU), at4(2027, 2, 9)),
    ("CLM-ADM-33 → Tuesday 9 February", lambda: p.clm_adm_33(PLAIN, THU), at4(2027, 2, 9)),
    ("REDET-19 → Tuesday 26 January", lambda: p.redet_19(PLAIN, THU), at4(2027, 1, 26)),
    ("PAY-19 → Tuesday 26 January", lambda: p.pay_19(PLAIN, THU), at4(2027, 1, 26)),
    ("LA-RECON online: 7 days → Thursday 14 January", lambda: p.la_recon(PLAIN, THU, paper_defence=False), at4(2027, 1, 14)),
    ("LA-RECON paper defence: 12 days → Tuesday 19 January", lambda: p.la_recon(PLAIN, THU, paper_defence=True), at4(2027, 1, 19)),
    ("APP-RESP-5 → Tuesday 12 January", lambda: p.app_resp_5(PLAIN, THU), at4(2027, 1, 12)),
]


@pytest.mark.parametrize("label, compute, expected", MID_WEEK, ids=[e[0] for e in MID_WEEK])
def test_periods_that_end_mid_week(label, compute, expected):
    assert compute() == expected


# The same periods from 3 March 2026, when the last days fall on closed days.
ROLLED = [
    ("19 days → Sunday 22 March 2026 → Monday", lambda: p.def_19(PLAIN, date(2026, 3, 3)), at4(2026, 3, 23)),
    ("33 days → Easter Sunday 5 April 2026 → Tuesday (Monday is Easter Monday)", lambda: p.def_33(PLAIN, date(2026, 3, 3)), at4(2026, 4, 7)),
    ("28 days → Tuesday 31 March 2026 (BST)", lambda: p.def_rep(PLAIN, date(2026, 3, 3)), at4(2026, 3, 31)),
]


@pytest.mark.parametrize("label, compute, expected", ROLLED, ids=[e[0] for e in ROLLED])
def test_limits_ending_on_closed_days_roll_to_4pm_next_open_day(label, compute, expected):
    assert compute() == expected


@pytest.mark.parametrize(
    "func, days",
    [
        (p.clm_33, 33), (p.clm_rep_28, 28), (p.clm_adm_33, 33), (p.adm_5, 5), (p.sa_7, 7),
        (p.redet_19, 19), (p.pay_19, 19), (p.ccj_28, 28), (p.app_resp_5, 5), (p.trc_14, 14),
    ],
)
def test_day_count_periods(func, days):
    # From Wednesday 6 January 2027, every last day up to 33 days later is a weekday
    # except where the table says: check against the calendar rather than a literal.
    start = date(2027, 1, 6)
    last = start + timedelta(days=days)
    expected = at4(*PLAIN.open_on_or_after(last).timetuple()[:3])
    assert func(PLAIN, start) == expected


def test_day_count_periods_fixed_examples():
    assert p.sa_7(PLAIN, date(2027, 1, 6)) == at4(2027, 1, 13)
    assert p.adm_5(PLAIN, date(2027, 1, 6)) == at4(2027, 1, 11)  # 11 January is a Monday
    assert p.adm_5(PLAIN, date(2027, 1, 7)) == at4(2027, 1, 12)
    assert p.adm_5(PLAIN, date(2027, 1, 5)) == at4(2027, 1, 11)  # Sunday 10 → Monday 11
    assert p.clm_33(PLAIN, date(2027, 1, 6)) == at4(2027, 2, 8)


def test_agreed_extension_for_represented_parties():
    assert p.def_rep_extended(PLAIN, date(2027, 3, 3), extension_days=14) == at4(2027, 4, 14)
    assert p.def_rep_extended(PLAIN, date(2027, 3, 3), extension_days=28) == at4(2027, 4, 28)
    assert p.def_rep_extended(PLAIN, date(2027, 3, 3), extension_days=1) == at4(2027, 4, 1)  # the shortest
    with pytest.raises(ValueError):
        p.def_rep_extended(PLAIN, date(2027, 3, 3), extension_days=29)
    with pytest.raises(ValueError):
        p.def_rep_extended(PLAIN, date(2027, 3, 3), extension_days=0)


def test_legal_adviser_reconsideration_7_or_12_days():
    assert p.la_recon(PLAIN, date(2027, 1, 6), paper_defence=False) == at4(2027, 1, 13)
    assert p.la_recon(PLAIN, date(2027, 1, 6), paper_defence=True) == at4(2027, 1, 18)


@pytest.mark.parametrize(
    "start, months, expected",
    [
        (date(2027, 1, 31), 1, date(2027, 2, 28)),
        (date(2028, 1, 31), 1, date(2028, 2, 29)),
        (date(2027, 3, 31), 1, date(2027, 4, 30)),
        (date(2027, 8, 31), 6, date(2028, 2, 29)),
        (date(2027, 12, 15), 1, date(2028, 1, 15)),
        (date(2027, 5, 20), 6, date(2027, 11, 20)),
        (date(2027, 1, 30), 13, date(2028, 2, 29)),
    ],
)
def test_calendar_months_clamp_to_month_end(start, months, expected):
    assert p.add_months(start, months) == expected


def test_six_month_stays():
    # Issued 31 August 2027 → 29 February 2028 (a Tuesday).
    assert p.stay_6m_no_response(PLAIN, date(2027, 8, 31)) == at4(2028, 2, 29)
    # Last step 20 May 2027 → Saturday 20 November 2027 → Monday 22 November.
    assert p.stay_6m_no_step(PLAIN, date(2027, 5, 20)) == at4(2027, 11, 22)


def test_mediation_stay_is_28_days_from_and_including_the_day_received():
    assert p.med_28_last_day(date(2027, 3, 3)) == date(2027, 3, 30)
    assert p.med_28(date(2027, 3, 3)) == datetime(2027, 3, 31, 0, 0, tzinfo=LONDON)


def test_draft_expires_28_days_after_last_save_keeping_wall_clock_across_bst():
    saved = datetime(2026, 3, 10, 9, 30, tzinfo=LONDON)  # GMT
    expires = p.draft_28(saved)
    assert expires == datetime(2026, 4, 7, 9, 30, tzinfo=LONDON)  # BST
    elapsed = expires.astimezone(timezone.utc) - saved.astimezone(timezone.utc)
    assert elapsed == timedelta(days=28) - timedelta(hours=1)
    assert p.draft_reminder(expires) == expires - timedelta(days=7)


def test_announced_closure_moves_a_limit():
    cal = CourtCalendar.build(closures=[date(2027, 3, 22)])
    assert p.def_19(cal, date(2027, 3, 3)) == at4(2027, 3, 23)


def test_response_reminders_come_5_days_and_1_day_before_the_deadline():
    deadline = at4(2027, 1, 26)
    assert p.response_reminders(deadline) == [at4(2027, 1, 21), at4(2027, 1, 25)]
    assert p.next_response_reminder(deadline, after=at4(2027, 1, 21)) == at4(2027, 1, 25)
