"""Every time limit of PD 51R (``shared/spec/rules.md``) as a pure function.

Each function returns the exact instant the period runs out (an aware datetime), given
the court calendar and the date the period counts from. Conventions:

- "Within N days after D" ends on day ``D + N`` (calendar days); 5.1: issued 3 March,
  respond on or before 22 March (19 days) or 5 April (33 days).
- "By 4pm on the Nth day after D" (represented parties, Section 6A) is the same instant.
- The cut-off instant is 16:00 UK time on that last day, rolled to 16:00 on the next
  open day if the last day is closed or the website was down (``CourtCalendar.cutoff``):
  a form received at or after 16:00 counts as submitted the next open day (14.1(1)).
- "One calendar month after" a date keeps the day number, clamped to the month's end.
- A stay "of 28 days calculated from and including" day D covers D … D + 27, so it ends
  at the first instant of D + 28 (00:00 UK time); a stay is not a time limit for a
  submission, so its end is not moved off closed days.
- Draft claims (DRAFT-28, MCOL guide) are housekeeping, not a court time limit: a draft
  expires 28 days after it was last saved, to the second.
"""
from __future__ import annotations

import calendar as _gregorian
from datetime import date, datetime, time, timedelta

from .calendar import CourtCalendar, at_local_time, local

# -- arithmetic ----------------------------------------------------------------------


def days_after(start: date, days: int) -> date:
    return start + timedelta(days=days)


def add_months(start: date, months: int) -> date:
    """The same day number ``months`` calendar months later, clamped to the month's end."""
    month_index = start.month - 1 + months
    year = start.year + month_index // 12
    month = month_index % 12 + 1
    last = _gregorian.monthrange(year, month)[1]
    return date(year, month, min(start.day, last))


def within_days(cal: CourtCalendar, start: date, days: int) -> datetime:
    """Cut-off of a limit "within ``days`` days after ``start``"."""
    return cal.cutoff(days_after(start, days))


def within_months(cal: CourtCalendar, start: date, months: int) -> datetime:
    return cal.cutoff(add_months(start, months))


# -- the defendant's response ------------------------------------------------------------


def def_19(cal: CourtCalendar, issue_date: date) -> datetime:
    """DEF-19: a defendant in person confirms and responds within 19 days after issue (5.1(1), (6))."""
    return within_days(cal, issue_date, 19)


def def_33(cal: CourtCalendar, issue_date: date) -> datetime:
    """DEF-33: a defendant who asked for more time responds within 33 days after issue (5.1(7))."""
    return within_days(cal, issue_date, 33)


def def_paper_contact(cal: CourtCalendar, issue_date: date, *, claimant_represented: bool) -> datetime:
    """DEF-PAPER: contact the court within 19 days after issue, 28 if the claimant is represented (10.1(1))."""
    return within_days(cal, issue_date, 28 if claimant_represented else 19)


def def_paper_response(
    cal: CourtCalendar, sent_date: date, *, more_time: bool, claimant_represented: bool
) -> datetime:
    """DEF-PAPER: the paper response within 19 (28) days of the forms being sent, 33 with more time (10.1(7)-(9))."""
    if more_time:
        return within_days(cal, sent_date, 33)
    return within_days(cal, sent_date, 28 if claimant_represented else 19)


def def_rep(cal: CourtCalendar, issue_date: date) -> datetime:
    """DEF-REP: 4pm on the 28th day after issue where the claimant is represented (6A.2(1))."""
    return within_days(cal, issue_date, 28)


MAX_AGREED_EXTENSION_DAYS = 28


def def_rep_extended(cal: CourtCalendar, issue_date: date, *, extension_days: int) -> datetime:
    """DEF-REP-EXT: an agreed extension of up to 28 days in total (6A.2(2)-(3))."""
    if not 0 < extension_days <= MAX_AGREED_EXTENSION_DAYS:
        raise ValueError("an agreed extension is between 1 and 28 days in total")
    return within_days(cal, issue_date, 28 + extension_days)


#: Reminders to the defendant before the response deadline (as the court service's own system sends).
RESPONSE_REMINDERS = (timedelta(days=5), timedelta(days=1))


def response_reminders(deadline: datetime) -> list[datetime]:
    """When to remind the defendant of a response deadline: 5 days, then 1 day, before it."""
    return [deadline - before for before in RESPONSE_REMINDERS]


def next_response_reminder(deadline: datetime, *, after: datetime) -> datetime | None:
    """The first reminder of ``deadline`` still to come after ``after`` (None if none is left)."""
    return next((at for at in response_reminders(deadline) if at > after), None)


def due_response_reminder(deadline: datetime, *, now: datetime) -> timedelta | None:
    """Which reminder is due at ``now`` (the latest one whose time has come), or None once the
    deadline has passed or before the first. A late run sends only the latest reminder: a
    "5 days left" email the day before the deadline would mislead."""
    if now >= deadline:
        return None
    due = [before for before in RESPONSE_REMINDERS if deadline - before <= now]
    return min(due) if due else None


# -- the claimant's answer ----------------------------------------------------------------


def clm_33(cal: CourtCalendar, asked_date: date) -> datetime:
    """CLM-33: a claimant in person answers a defence within 33 days of being asked (6.2(3), 6.3(3))."""
    return within_days(cal, asked_date, 33)


def clm_rep_28(cal: CourtCalendar, notified_date: date) -> datetime:
    """CLM-REP-28: a represented claimant answers by 4pm on the 28th day after notification (6A.4(3))."""
    return within_days(cal, notified_date, 28)


def clm_adm_33(cal: CourtCalendar, asked_date: date) -> datetime:
    """CLM-ADM-33: accept or reject an admission or plan within 33 days of being asked (7.17, 7.44)."""
    return within_days(cal, asked_date, 33)


# -- mediation, admissions, agreements, judgments ----------------------------------------

MEDIATION_STAY_DAYS = 28


def med_28_last_day(received_date: date) -> date:
    """MED-28: the last day of the 28-day mediation stay, counted from and including ``received_date`` (6.2(5A))."""
    return days_after(received_date, MEDIATION_STAY_DAYS - 1)


def med_28(received_date: date) -> datetime:
    """MED-28: the instant the mediation stay ends: 00:00 UK time on the day after its last day."""
    return at_local_time(days_after(received_date, MEDIATION_STAY_DAYS), time(0, 0))


def adm_5(cal: CourtCalendar, admission_date: date) -> datetime:
    """ADM-5: an admitted amount offered "immediately" is paid within 5 days after the admission (7.4, 7.40)."""
    return within_days(cal, admission_date, 5)


def sa_7(cal: CourtCalendar, proposal_date: date) -> datetime:
    """SA-7: the defendant signs or rejects a settlement agreement within 7 days (7.8, 7.9, 7.13)."""
    return within_days(cal, proposal_date, 7)


def redet_19(cal: CourtCalendar, judgment_date: date) -> datetime:
    """REDET-19: either party may ask for redetermination within 19 days after the judgment (7.12(6))."""
    return within_days(cal, judgment_date, 19)


def pay_19(cal: CourtCalendar, judgment_date: date) -> datetime:
    """PAY-19: money ordered is paid within 19 days unless the judgment sets a date (15.1(2))."""
    return within_days(cal, judgment_date, 19)


def ccj_28(cal: CourtCalendar, judgment_date: date) -> datetime:
    """CCJ-28: paid in full within 28 days of the judgment, it is removed from the register (guide 004)."""
    return within_days(cal, judgment_date, 28)


# -- stays, advisers, applications --------------------------------------------------------


def stay_6m_no_response(cal: CourtCalendar, issue_date: date) -> datetime:
    """STAY-6M-NR: no response and no judgment request within 6 months after issue → stay (11.2)."""
    return within_months(cal, issue_date, 6)


def stay_6m_no_step(cal: CourtCalendar, last_step_date: date) -> datetime:
    """STAY-6M-LIP: parties in person take no step for 6 months → stay (12.1)."""
    return within_months(cal, last_step_date, 6)


def la_recon(cal: CourtCalendar, decision_date: date, *, paper_defence: bool) -> datetime:
    """LA-RECON: ask a judge to reconsider a legal adviser's decision within 7 days, 12 for a paper defence (20.3)."""
    return within_days(cal, decision_date, 12 if paper_defence else 7)


def app_resp_5(cal: CourtCalendar, notified_date: date) -> datetime:
    """APP-RESP-5: respond to an online application by 4pm on the 5th day after notification (16B.1(9))."""
    return within_days(cal, notified_date, 5)


def trc_14(cal: CourtCalendar, notice_date: date) -> datetime:
    """TRC-14: fast-track parties act within 2 weeks after notice (6C.3(3))."""
    return within_days(cal, notice_date, 14)


# -- housekeeping -------------------------------------------------------------------------

DRAFT_LIFETIME = timedelta(days=28)


def draft_28(last_saved: datetime) -> datetime:
    """DRAFT-28: an unsubmitted draft is deleted 28 days after it was last saved (MCOL guide).

    Counted in UK civil time so that "28 days" keeps the wall-clock time across a
    GMT/BST change.
    """
    # Adding a timedelta to a datetime in the Europe/London zone is wall-clock arithmetic.
    return local(last_saved) + DRAFT_LIFETIME


def draft_reminder(expires_at: datetime, *, days_before: int = 7) -> datetime:
    """When to remind the owner of a draft that it will be deleted."""
    return expires_at - timedelta(days=days_before)
