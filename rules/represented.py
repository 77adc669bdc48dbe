"""Claims where a party has a legal representative (PD 51R 2.1(3)(d)(ii)-(iii), 2.1(7), 4.3(6), Section 6A).

Pure Python: given the facts, no database.
"""
from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from . import periods
from .calendar import CourtCalendar

# -- issue and service of the claim, and the defendant's time to respond (2.1(7), 4.3, 5.1, 6A.2(1)) --------------
#
# How the court serves an issued claim depends on the defendant's representation as the claim form gives it
# (the values of ``claims.constants.DefendantRepresentation``):
#
# - "none": a defendant in person (2.1(3)(d)(i) or (iii)): the court posts the paper claim form (4.3(3)-(5));
# - "registered": all parties are represented and the defendant's legal representative is registered: the court
#   serves the claim form through the website (4.3(6)(a)(i)), which is service under CPR 7.5(1) (4.3(6)(c));
# - "unregistered": the defendant's legal representative is not registered: the claim is issued, then sent out of
#   Online Civil Money Claims at once (2.1(7)).
#
# The defendant responds within 19 days after issue (5.1(1), 33 with more time, 5.1(7)) only where the parties act
# in person (5.A1); where the claimant is represented, by 4pm on the 28th day after issue (6A.1, 6A.2(1), DEF-REP),
# and the court does not give the 14 more days of 5.1(7) (the parties may agree an extension instead, 6A.2(2)).


class ServiceRoute(StrEnum):
    """How the court serves an issued claim on the defendant."""

    POST = "post"
    WEBSITE = "website"
    SEND_OUT = "send_out"


_ROUTES = {
    "none": ServiceRoute.POST,
    "registered": ServiceRoute.WEBSITE,
    "unregistered": ServiceRoute.SEND_OUT,
}

#: Why a claim against a defendant whose representative is not registered leaves the online process (2.1(7)).
SEND_OUT_UNREGISTERED_REASON = (
    "The defendant's legal representative is not registered for the service (PD 51R 2.1(7))"
)


def service_route(defendant_representation: str) -> ServiceRoute:
    """How an issued claim is served, from the defendant's representation ("none", "registered", "unregistered")."""
    try:
        return _ROUTES[defendant_representation]
    except KeyError:
        raise ValueError(f"unknown defendant representation {defendant_representation!r}") from None


def response_days(*, claimant_represented: bool) -> int:
    """The days after issue the defendant has to respond: 28 if the claimant is represented (6A.2(1)), else 19
    (5.1(1), (6))."""
    return 28 if claimant_represented else 19


def response_deadline_day(issue_date: date, *, claimant_represented: bool) -> date:
    """The nominal last day of the defendant's time to respond (before any roll to an open day)."""
    return periods.days_after(issue_date, response_days(claimant_represented=claimant_represented))


def response_deadline(cal: CourtCalendar, issue_date: date, *, claimant_represented: bool) -> datetime:
    """The defendant's response deadline at issue: DEF-REP (4pm on the 28th day after issue, 6A.2(1)) where the
    claimant is represented, DEF-19 (5.1(1), (6)) where the parties act in person."""
    if claimant_represented:
        return periods.def_rep(cal, issue_date)
    return periods.def_19(cal, issue_date)


def court_gives_more_time(*, claimant_represented: bool) -> bool:
    """May the defendant ask the court online for 14 more days (33 days after issue, 5.1(7))? Only where the parties
    act in person (5.A1); where the claimant is represented, more time is agreed between the parties (6A.2(2))."""
    return not claimant_represented
