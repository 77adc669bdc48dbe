"""Claims made by a legal representative: the amount limit, the party limits and fixed costs.

- The limit (PD 51R 2.1(3)(a) with 2.1(6)(b)): where the claimant is represented
  (2.1(3)(d)(ii) or (iii)) the claim may not exceed £25,000 **including interest**.
- The parties (2.1(3)(f)): against a defendant without a legal representative ((d)(iii)), one
  claimant against one defendant; where both sides are represented ((d)(ii), and the claim of
  2.1(7) against a defendant whose representative is not registered), one claimant against one
  or two defendants, or two claimants against one defendant — never two of each.
- Fixed costs on issue (CPR 45, as money.md gives them): a represented claimant's costs of
  issuing, by the amount claimed; dated data, like the court fee. A claim of £25 or less has
  none. The schedule's bands also give the costs added on judgment in default.
- Issue and service (2.1(7), 4.3(6), 6A.2(1)): how the court serves the issued claim, by the
  defendant's representation, and the defendant's time to respond.

No Django import: the stored schedules (``court.FixedCostsSchedule``) are read into
:class:`FixedCostsSchedule` by ``court.fixed_costs``.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from rules.money import pounds

from . import periods
from .calendar import CourtCalendar, local

#: 2.1(6)(b): the most a represented claimant may claim online, interest included.
REPRESENTED_LIMIT = Decimal("25000.00")


def within_limit(amount_claimed: Decimal) -> bool:
    """Is the amount claimed (interest to issue included) within the £25,000 of 2.1(6)(b)?"""
    return pounds(amount_claimed) <= REPRESENTED_LIMIT


# -- the parties (2.1(3)(f)) ----------------------------------------------------------------------------


def party_limit_problem(claimants: int, defendants: int, *, defendant_represented: bool) -> str | None:
    """Why these numbers of parties cannot use the online service, or None if they can (2.1(3)(f))."""
    if claimants < 1 or defendants < 1:
        return "A claim needs a claimant and a defendant."
    if not defendant_represented:
        if claimants == 1 and defendants == 1:
            return None
        return ("Against a defendant without a legal representative, one claimant can claim against one "
                "defendant only.")
    if (claimants, defendants) in {(1, 1), (1, 2), (2, 1)}:
        return None
    return ("When the defendant has a legal representative, one claimant can claim against one or two "
            "defendants, or two claimants against one defendant.")


# -- fixed costs ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FixedCostsBand:
    """Amounts claimed over ``over`` up to ``up_to`` (inclusive; None: no upper limit)."""

    over: Decimal
    up_to: Decimal | None
    on_issue: Decimal
    on_default_judgment: Decimal

    def covers(self, amount: Decimal) -> bool:
        return amount > self.over and (self.up_to is None or amount <= self.up_to)


@dataclass(frozen=True)
class FixedCostsSchedule:
    effective_from: date
    bands: tuple[FixedCostsBand, ...]
    #: The stored schedule's key (``court.FixedCostsSchedule`` pk), so a claim records which it used.
    key: int | None = None

    def band(self, amount: Decimal) -> FixedCostsBand | None:
        amount = pounds(amount)
        for band in self.bands:
            if band.covers(amount):
                return band
        return None

    def on_issue(self, amount: Decimal) -> Decimal:
        """The fixed costs on issue of a claim for ``amount`` (interest to issue included); £0 below the table."""
        band = self.band(amount)
        return pounds(band.on_issue) if band is not None else pounds(0)

    def on_default_judgment(self, amount: Decimal) -> Decimal:
        band = self.band(amount)
        return pounds(band.on_default_judgment) if band is not None else pounds(0)


def schedule_in_force(schedules: Iterable[FixedCostsSchedule], on: date) -> FixedCostsSchedule:
    """The latest schedule dated on or before ``on``; LookupError if none is in force yet."""
    candidates = [s for s in schedules if s.effective_from <= on]
    if not candidates:
        raise LookupError(f"no fixed costs schedule in force on {on.isoformat()}")
    return max(candidates, key=lambda s: s.effective_from)


def _bands(rows: tuple[tuple[str, str | None, str, str], ...]) -> tuple[FixedCostsBand, ...]:
    return tuple(
        FixedCostsBand(Decimal(over), Decimal(up_to) if up_to is not None else None, Decimal(issue), Decimal(dj))
        for over, up_to, issue, dj in rows
    )


#: money.md: the older table (£50 / £70 / £80 / £100 on issue).
FIXED_COSTS_OLDER = _bands((
    ("25.00", "500.00", "50.00", "22.00"),
    ("500.00", "1000.00", "70.00", "22.00"),
    ("1000.00", "5000.00", "80.00", "22.00"),
    ("5000.00", None, "100.00", "30.00"),
))
#: money.md: the figures the court service uses now (£60 / £80 / £90 / £110 on issue); on judgment in
#: default £22 for claims to £5,000, £30 above.
FIXED_COSTS_CURRENT = _bands((
    ("25.00", "500.00", "60.00", "22.00"),
    ("500.00", "1000.00", "80.00", "22.00"),
    ("1000.00", "5000.00", "90.00", "22.00"),
    ("5000.00", None, "110.00", "30.00"),
))
#: The dates the tables are seeded with (``court/migrations/0009_fixed_costs_schedules.py``): the older
#: table from the pilot's start (PD 51R 2.1(1)), the current one from 1 October 2023 (CPR 45 as amended
#: when fixed recoverable costs were extended). Staff correct or add schedules in the admin.
OLDER_FROM = date(2017, 8, 7)
CURRENT_FROM = date(2023, 10, 1)


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


# -- an agreed extension of the defendant's time to respond (DEF-REP-EXT, 6A.2(2)-(5)) ------------------------------
#
# Where the claimant is represented the parties may agree an extension of up to 28 days in total, counted from the
# original last day (the 28th day after issue); the defendant records it online before the original 28 days expire
# (6A.2(2)) and must then respond by 4pm on the last day agreed (6A.2(3)), rolled to an open day like every cut-off.
# An extension of less than 28 days, once recorded, cannot be increased online: the defendant applies at the CTSC
# (6A.2(4)), and the court then sends the claim out (6A.2(5)).


class ExtensionRefusal(StrEnum):
    """Why an agreed extension cannot be recorded online."""

    ORIGINAL_EXPIRED = "original_expired"
    NOT_IN_FUTURE = "not_in_future"
    NOT_AFTER_CURRENT = "not_after_current"
    TOO_LONG = "too_long"
    FURTHER_INCREASE = "further_increase"


#: Where a further increase goes (6A.2(4)).
CTSC_APPLICATION = ("To increase the time further the defendant must make an application at the CTSC (the "
                    "Courts and Tribunals Service Centre, PD 51R 6A.2(4)); the claim will then be sent out of "
                    "Online Civil Money Claims (6A.2(5)).")



def ctsc_where(*, address: str, helpline: str) -> str:
    """Where and how to make the application for a further extension (6A.2(4)): a CPR Part 23 application (form
    N244, application notice) sent to the court's CTSC, whose address and helpline the caller gives."""
    return (f"Send the application (form N244, application notice) to the CTSC at {address}, or call {helpline} "
            "to ask how to apply.")


EXTENSION_REASONS = {
    ExtensionRefusal.ORIGINAL_EXPIRED: (
        "An agreed extension must be recorded before the original 28 days to respond end (PD 51R 6A.2(2)), and "
        "they have ended."),
    ExtensionRefusal.NOT_IN_FUTURE: "The last day you agreed must be in the future",
    ExtensionRefusal.NOT_AFTER_CURRENT: "The last day you agreed must be after the day you must respond by now",
    ExtensionRefusal.TOO_LONG: (
        "The parties can agree up to 28 days more in total: the last day can be no later than {latest}"),
    ExtensionRefusal.FURTHER_INCREASE: (
        "An extension has already been recorded, so it cannot be increased online (PD 51R 6A.2(4))."),
}


@dataclass(frozen=True)
class ExtensionDecision:
    """Whether an agreed extension may be recorded, and if so the new deadline (4pm on the last day agreed)."""

    refusal: ExtensionRefusal | None
    last_day: date
    extension_days: int
    deadline: datetime | None = None
    #: The latest last day the parties could agree (28 days after the original last day).
    latest_day: date | None = None

    @property
    def allowed(self) -> bool:
        return self.refusal is None

    @property
    def needs_ctsc_application(self) -> bool:
        """Refused because more time now needs an application at the CTSC (6A.2(2), (4))."""
        return self.refusal in (ExtensionRefusal.ORIGINAL_EXPIRED, ExtensionRefusal.FURTHER_INCREASE)


def original_last_day(issue_date: date) -> date:
    """The original last day to respond where the claimant is represented: the 28th day after issue (6A.2(1))."""
    return periods.days_after(issue_date, 28)


def latest_agreed_day(issue_date: date) -> date:
    """The latest last day an agreed extension can give: 28 days after the original last day (6A.2(2))."""
    return periods.days_after(original_last_day(issue_date), periods.MAX_AGREED_EXTENSION_DAYS)


def extension_recordable(cal: CourtCalendar, issue_date: date, *, now: datetime,
                         extension_recorded: bool) -> ExtensionRefusal | None:
    """Can an agreed extension still be recorded online at all? None if so, else why not (6A.2(2), (4))."""
    if now >= periods.def_rep(cal, issue_date):
        return ExtensionRefusal.ORIGINAL_EXPIRED
    if extension_recorded:
        return ExtensionRefusal.FURTHER_INCREASE
    return None


def agreed_extension(cal: CourtCalendar, issue_date: date, *, current_deadline: datetime, new_last_day: date,
                     now: datetime, extension_recorded: bool) -> ExtensionDecision:
    """Decide whether the defendant may record an agreed extension to ``new_last_day`` (6A.2(2)-(4)).

    Refused, in this order: the original 28 days have expired (it must be recorded before); the day is not in the
    future; it is not after the current deadline; it is more than 28 days after the original last day; an
    extension was already recorded (a further increase needs an application at the CTSC). Allowed: the new
    deadline is 4pm on the last day agreed, rolled to an open day (DEF-REP-EXT).
    """
    original = original_last_day(issue_date)
    latest = latest_agreed_day(issue_date)
    days = (new_last_day - original).days

    def refused(reason: ExtensionRefusal) -> ExtensionDecision:
        return ExtensionDecision(refusal=reason, last_day=new_last_day, extension_days=days, latest_day=latest)

    if now >= periods.def_rep(cal, issue_date):
        return refused(ExtensionRefusal.ORIGINAL_EXPIRED)
    if new_last_day <= local(now).date():
        return refused(ExtensionRefusal.NOT_IN_FUTURE)
    if new_last_day <= local(current_deadline).date():
        return refused(ExtensionRefusal.NOT_AFTER_CURRENT)
    if new_last_day > latest:
        return refused(ExtensionRefusal.TOO_LONG)
    if extension_recorded:
        return refused(ExtensionRefusal.FURTHER_INCREASE)
    deadline = periods.def_rep_extended(cal, issue_date, extension_days=days)
    return ExtensionDecision(refusal=None, last_day=new_last_day, extension_days=days, deadline=deadline,
                             latest_day=latest)


def extension_reason(decision: ExtensionDecision, *, latest_text: str = "") -> str:
    """The refusal in words (``latest_text``: the latest day as the page writes it)."""
    if decision.refusal is None:
        return ""
    return EXTENSION_REASONS[decision.refusal].format(latest=latest_text or decision.latest_day)


# -- the represented claimant's answer to a defence (CLM-REP-28, 6A.4(3)-(5), 6A.5, 6C.1) ------------------------
#
# Where the claimant is represented and the defendant defends the whole claim (disputes it, or says it has been paid),
# the claimant must say whether they want to continue and, if they do, file their directions questionnaire at the
# same time, before 4pm on the 28th day after the date of notification of the defence (6A.4(3)). Not continuing stays
# the claim (6A.4(4)); silence sends it out to a County Court hearing centre with an order under CPR 26.4(9)
# (6A.4(5)). A part admission is answered under Section 7 (accept it, or reject it as a defence of the whole, 7.43),
# within the 33 days of 7.44, as for parties in person.

#: The responses that defend the whole claim (6A.4): a dispute of all of it, or that it has been paid.
DEFENCES_OF_THE_WHOLE = frozenset({"full_defence", "states_paid"})

#: The days a represented claimant has to answer a defence (6A.4(3)).
CLAIMANT_ANSWER_DAYS = 28


def answers_within_28_days(*, claimant_represented: bool, response_kind: str) -> bool:
    """Does CLM-REP-28 govern the claimant's answer (6A.1, 6A.4(3))? Only a represented claimant's answer to a
    defence of the whole claim."""
    return claimant_represented and response_kind in DEFENCES_OF_THE_WHOLE


def claimant_answer_last_day(notified_on: date) -> date:
    """CLM-REP-28: the nominal last day, the 28th day after the date of notification of the defence (6A.4(3))."""
    return periods.days_after(notified_on, CLAIMANT_ANSWER_DAYS)


def claimant_answer_deadline(cal: CourtCalendar, notified_on: date, *, claimant_represented: bool,
                             response_kind: str) -> datetime:
    """When the claimant's answer to the response must be in: CLM-REP-28 (4pm on the 28th day after notification,
    rolled to an open day) for a represented claimant's answer to a defence (6A.4(3)); otherwise CLM-33 (6.2(3),
    6.3(3), 7.44)."""
    if answers_within_28_days(claimant_represented=claimant_represented, response_kind=response_kind):
        return periods.clm_rep_28(cal, notified_on)
    return periods.clm_33(cal, notified_on)


#: The order the court makes when the represented claimant lets CLM-REP-28 pass (6A.4(5)(c)).
SILENCE_ORDER = (
    "Order under CPR 26.4(9) (PD 51R 6A.4(5)). The claimant's legal representative did not tell the court, before "
    "{deadline}, whether the claimant wants to continue with the claim, and did not file the claimant's directions "
    "questionnaire (PD 51R 6A.4(3)). The claim is treated as if the claimant had failed to comply with a notice "
    "served under CPR 26.4(1) (6A.4(5)(b)), and is sent out of Online Civil Money Claims to {court}, a County Court "
    "hearing centre, under paragraph 19.1 (6A.4(5)(a)), where the court will deal with it under the Civil Procedure "
    "Rules."
)


def silence_order(*, deadline_text: str, court: str) -> str:
    """The 26.4(9) order in words, with the deadline missed and the hearing centre as the page writes them."""
    return SILENCE_ORDER.format(deadline=deadline_text, court=court or "the preferred hearing centre")


def stays_online_after_directions(*, claimant_represented: bool, defendant_represented: bool,
                                  early_adopter_court: bool) -> bool:
    """After a judge or legal adviser has given directions, does the claim stay in Online Civil Money Claims
    (6C.1(2))? Only where every party is represented and the claim proceeds in an early adopter court; otherwise it
    is sent out (6C.1(1))."""
    return claimant_represented and defendant_represented and early_adopter_court


#: The small claims track's financial limit (CPR 26.9): the Small Claims Mediation Service mediates claims within it.
SMALL_CLAIMS_LIMIT = Decimal("10000.00")


def mediation_referral_appropriate(amount: Decimal | None) -> bool:
    """Where both parties of a represented claimant's claim are willing to mediate, the court stays the claim for 28
    days and refers it to the Small Claims Mediation Service "if appropriate" (6A.5(3)(b)): the service mediates
    small claims, so a claim (the amount claimed, without interest or costs, CPR 26.13) over £10,000 is stayed for
    the parties to mediate without a referral."""
    return amount is not None and amount <= SMALL_CLAIMS_LIMIT
