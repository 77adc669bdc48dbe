"""After directions, where every party is represented and the claim proceeds in an early adopter court (PD 51R
6C.1(2)): the trial readiness certificates of the fast track (6C.3, TRC-14).

- **Which claims.** 6C.1(2): after a judge's or legal adviser's directions the claim stays in Online Civil Money
  Claims only where every party is legally represented and the claim proceeds in an early adopter court.
  ``online_after_directions`` says so from the facts the claim stores; 6C.3 applies to such a claim once it is
  allocated to the fast track (6C.3(1)).
- **The period.** "Within 2 weeks of notice from the court" (6C.3(3), TRC-14): counted from the day the court
  sends the notice (a UK calendar day), as "within 14 days after" that day (``periods.trc_14``). 6C.3 says
  nothing of the time of day; a certificate is a form submitted on the website, so Section 14 applies: it must be
  received before 4pm on the last day, or on the next open day if that day is closed (14.1(1), (3)).
- **What then.** 6C.3(4): once every certificate is in, the court fixes the trial date (unless already fixed),
  gives directions for the trial and specifies any further steps: a judge's work. 6C.3 does not say what happens
  if a party does not file in time; CPR 28.5 is disapplied (6C.3(2)), so the court refers the matter to a judge
  for directions (16A.1) either way, naming who did not file.
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from enum import StrEnum

from . import periods
from .calendar import CourtCalendar, local

#: The parties each of whom files a certificate (6C.3(3): "the parties").
PARTIES = ("claimant", "defendant")


def online_after_directions(*, directions_made: bool, awaiting_reconsideration: bool, claimant_represented: bool,
                            defendant_represented: bool, early_adopter_court: bool) -> bool:
    """Is this a claim that stays online after directions in an early adopter court (6C.1(2))? Directions have
    been made and have taken effect (a legal adviser's take effect only once the time to ask a judge to reconsider
    them has passed, 20.2(3)(e)), every party is represented, and the court it proceeds in is an early adopter
    court."""
    return (directions_made and not awaiting_reconsideration and claimant_represented and defendant_represented
            and early_adopter_court)


def notice_day(sent_at: datetime) -> date:
    """The day of the court's notice: the UK calendar day it was sent."""
    return local(sent_at).date()


def certificate_deadline(cal: CourtCalendar, sent_at: datetime) -> datetime:
    """TRC-14: the instant by which each party's certificate must be received: 4pm on the 14th day after the day
    of the notice, rolled to the next open day if that day is closed (6C.3(3), 14.1)."""
    return periods.trc_14(cal, notice_day(sent_at))


class Outcome(StrEnum):
    #: Still waiting for a certificate, and the 2 weeks have not passed.
    WAITING = "waiting"
    #: Every party's certificate is in: to a judge to fix the trial and give directions (6C.3(4)).
    ALL_FILED = "all_filed"
    #: The 2 weeks passed without every certificate: to a judge for directions (16A.1; 6C.3 is silent).
    TIME_PASSED = "time_passed"


def outcome(filed: Iterable[str], *, deadline: datetime, now: datetime) -> Outcome:
    """Where the certificates stand, given the parties who have filed one."""
    if set(PARTIES) <= set(filed):
        return Outcome.ALL_FILED
    if now >= deadline:
        return Outcome.TIME_PASSED
    return Outcome.WAITING


def missing(filed: Iterable[str]) -> tuple[str, ...]:
    """The parties, in order, who have not filed a certificate."""
    done = set(filed)
    return tuple(party for party in PARTIES if party not in done)
