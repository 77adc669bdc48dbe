"""Judgments: what the defendant is ordered to pay, and when (``shared/spec/money.md``,
``shared/spec/rules.md`` "Repayment dates inside a judgment").

Pure Python, no Django. Amounts are ``Decimal`` pounds to the penny; never float.

- How the judgment says to pay (PD 51R 7.4(4)-(5), 7.7(4)-(5), 11.1(4)-(6)): as the
  repayment plan says; with no plan, the whole amount immediately. A plan whose date has
  already passed when judgment is entered still governs, but a lump-sum date that has
  passed becomes "immediately", and a first instalment date that has passed becomes one
  calendar month after the date of the judgment (7.7(5), 7.8(6), 7.9(6), 7.12(4A),
  7.14(5A), 7.42C(4A), 7.42D(8), 7.42E(5A), 11.1(5)).
- The amount of the judgment (7.4(6), 7.7(3), 7.42C(3), 11.1(7)): the claim (or the amount
  admitted) + interest claimed and due to the date of judgment + court fees + fixed costs
  (represented claimant only) − what the defendant has already paid.
- The date of the judgment (14.1(A2), 14.1(1)): no earlier than the day its request counts
  as received (at or after 4 pm, or on a day the court office is closed, the next open
  day), nor than the day the response it rests on counts as received (:func:`judgment_date`).
- 15.1(2) (PAY-19): money ordered is paid within 19 days of the judgment unless it sets
  a different date. ``Terms.sets_date`` is True for a set date or instalments; a judgment
  to pay "immediately" names no date, and whether PAY-19 (``rules.periods.pay_19``) then
  governs is for the caller.

Dates: "one calendar month after" keeps the day number, clamped to the month's end
(``rules.periods.add_months``). Monthly instalments are always counted from the first
payment date, not chained (31 January → 28 February → 31 March).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal
from enum import StrEnum
from typing import Any

from .calendar import CourtCalendar
from .money import PENNY, format_money, interest_days, pounds
from .periods import add_months, days_after


class Option(StrEnum):
    """How a repayment plan pays (the same values as ``responses.ocon9.PaymentOption``)."""

    IMMEDIATELY = "immediately"
    BY_SET_DATE = "by_set_date"
    INSTALMENTS = "instalments"


#: Instalment frequencies (the keys of ``responses.ocon9.FREQUENCIES``) in words for a judgment.
FREQUENCY_WORDS = {
    "weekly": "every week",
    "fortnightly": "every 2 weeks",
    "four_weekly": "every 4 weeks",
    "monthly": "every month",
}


class Reader(StrEnum):
    """Who a judgment's terms are worded for: each party is spoken to; the court's record
    (timeline, register, the judgment form) names both parties."""

    CLAIMANT = "claimant"
    DEFENDANT = "defendant"
    COURT = "court"


#: Who pays whom, for each reader.
PAYS = {
    Reader.DEFENDANT: "You must pay the claimant",
    Reader.CLAIMANT: "The defendant must pay you",
    Reader.COURT: "The defendant must pay the claimant",
}


#: Days between instalments; monthly instalments go by calendar months instead.
PERIOD_DAYS = {"weekly": 7, "fortnightly": 14, "four_weekly": 28}


def long_date(day: date) -> str:
    """1 May 2027"""
    return f"{day.day} {day:%B %Y}"


def _check_frequency(frequency: str) -> None:
    if frequency not in FREQUENCY_WORDS:
        raise ValueError(f"unknown instalment frequency: {frequency!r}")


# -- the date of the judgment ------------------------------------------------------------------


def judgment_date(cal: CourtCalendar, requested_at: datetime, *, response_received_on: date | None = None,
                  made_on: date | None = None) -> date:
    """The date of a judgment asked for at ``requested_at``: the latest of

    - the day the request counts as received (14.1(A2), 14.1(1)): that day before 4 pm on an
      open day, else the next day the court office is open;
    - ``response_received_on``, the day the response it rests on counts as received (an
      admission, ``DefendantResponse.received_on``): a judgment never comes before it;
    - ``made_on``, the day a judge made it, for a request the court could not grant itself.

    Interest to the date of judgment, passed plan dates (7.7(5)) and the periods that run from
    the judgment (CCJ-28, REDET-19, PAY-19) all count from this day.
    """
    days = [cal.deemed_submission_date(requested_at)]
    days.extend(day for day in (response_received_on, made_on) if day is not None)
    return max(days)


# -- instalments ----------------------------------------------------------------------------


def payment_date(first: date, frequency: str, index: int) -> date:
    """The date of instalment number ``index`` (0 is the first payment).

    Weekly, fortnightly and four-weekly instalments are 7, 14 and 28 days apart; monthly
    instalments fall on the first payment's day number each calendar month, clamped to the
    month's end, always counted from the first date (31 January → 28 February → 31 March).
    """
    _check_frequency(frequency)
    if index < 0:
        raise ValueError("instalments are numbered from 0")
    if frequency == "monthly":
        return add_months(first, index)
    return days_after(first, PERIOD_DAYS[frequency] * index)


def instalment_count(owed: Decimal, instalment: Decimal) -> int:
    """How many instalments pay ``owed``: ceil(owed ÷ instalment)."""
    owed, instalment = pounds(owed), pounds(instalment)
    if instalment <= 0:
        raise ValueError("an instalment must be more than nothing")
    if owed <= 0:
        return 0
    return int((owed / instalment).to_integral_value(rounding=ROUND_CEILING))


def last_payment_date(owed: Decimal, instalment: Decimal, frequency: str, first: date) -> date:
    """The date of the final instalment: first + (n − 1) periods, n = ceil(owed ÷ instalment)."""
    return payment_date(first, frequency, max(instalment_count(owed, instalment), 1) - 1)


def instalment_schedule(owed: Decimal, instalment: Decimal, frequency: str, first: date) -> list[tuple[date, Decimal]]:
    """Every instalment as (date, amount): the full instalment each time, the remainder last.

    Nothing owed: no instalments.
    """
    owed, instalment = pounds(owed), pounds(instalment)
    count = instalment_count(owed, instalment)
    schedule = [(payment_date(first, frequency, i), instalment) for i in range(count)]
    if schedule:
        schedule[-1] = (schedule[-1][0], owed - instalment * (count - 1))
    return schedule


# -- the plan and the judgment's terms --------------------------------------------------------


@dataclass(frozen=True)
class Plan:
    """A repayment plan: the defendant's offer, the claimant's plan, or the court's.

    ``pay_by``: for "immediately", the last of the 5 days (if known); for a set date, that
    date. Instalments: ``instalment`` every ``frequency``, the first on ``first_payment``.
    """

    option: Option
    pay_by: date | None = None
    instalment: Decimal | None = None
    frequency: str = ""
    first_payment: date | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "option", Option(self.option))
        if self.option == Option.BY_SET_DATE and self.pay_by is None:
            raise ValueError("a plan to pay by a set date needs the date")
        if self.option == Option.INSTALMENTS:
            if self.instalment is None or self.instalment <= 0 or self.first_payment is None:
                raise ValueError("a plan to pay by instalments needs an instalment above £0 and a first date")
            _check_frequency(self.frequency)
            object.__setattr__(self, "instalment", pounds(self.instalment))

    @classmethod
    def immediately(cls, pay_by: date | None = None) -> Plan:
        return cls(Option.IMMEDIATELY, pay_by=pay_by)

    @classmethod
    def by_set_date(cls, pay_by: date) -> Plan:
        return cls(Option.BY_SET_DATE, pay_by=pay_by)

    @classmethod
    def instalments(cls, instalment: Decimal, frequency: str, first_payment: date) -> Plan:
        return cls(Option.INSTALMENTS, instalment=instalment, frequency=frequency, first_payment=first_payment)

    @classmethod
    def of(cls, plan: Any) -> Plan:
        """A plan from anything with the same attributes (e.g. ``responses.ocon9.PaymentPlan``)."""
        if isinstance(plan, Plan):
            return plan
        return cls(
            Option(str(plan.option)), pay_by=plan.pay_by, instalment=plan.instalment,
            frequency=plan.frequency or "", first_payment=plan.first_payment,
        )

    def last_payment(self, owed: Decimal) -> date | None:
        """When the plan is paid in full: the set date, or the last instalment's date
        (None for "immediately" with no date given)."""
        if self.option == Option.INSTALMENTS:
            assert self.instalment is not None and self.first_payment is not None
            return last_payment_date(owed, self.instalment, self.frequency, self.first_payment)
        return self.pay_by

    def to_record(self) -> dict[str, str | None]:
        return {
            "option": str(self.option),
            "pay_by": self.pay_by.isoformat() if self.pay_by else None,
            "instalment": str(self.instalment) if self.instalment is not None else None,
            "frequency": self.frequency or None,
            "first_payment": self.first_payment.isoformat() if self.first_payment else None,
        }


@dataclass(frozen=True)
class Terms:
    """How the judgment says the money is to be paid.

    ``moved`` explains a date of the plan that had passed when judgment was entered ("" if
    none did).
    """

    option: Option
    pay_by: date | None = None
    instalment: Decimal | None = None
    frequency: str = ""
    first_payment: date | None = None
    moved: str = ""

    @property
    def sets_date(self) -> bool:
        """Does the judgment name its own date(s) for payment (15.1(2)(a))? "Immediately" names none."""
        return self.option != Option.IMMEDIATELY

    def describe(self, amount: Decimal | None = None, *, reader: Reader) -> str:
        """The order in plain English, spoken to ``reader``. ``amount`` (the judgment total) is
        needed to pay in one go.

        The defendant reads "You must pay the claimant £1,234.56 immediately" / "… by 30 June
        2027" / "You must pay the claimant £50.00 every month, the first payment by 1 May 2027";
        the claimant reads "The defendant must pay you …"; the court's record "The defendant
        must pay the claimant …".
        """
        who = PAYS[reader]
        if self.option == Option.INSTALMENTS:
            assert self.instalment is not None and self.first_payment is not None
            return (f"{who} {format_money(self.instalment)} {FREQUENCY_WORDS[self.frequency]}, "
                    f"the first payment by {long_date(self.first_payment)}")
        if amount is None:
            raise ValueError("say how much is to be paid")
        if self.option == Option.IMMEDIATELY:
            return f"{who} {format_money(amount)} immediately"
        assert self.pay_by is not None
        return f"{who} {format_money(amount)} by {long_date(self.pay_by)}"

    def schedule(self, owed: Decimal) -> list[tuple[date, Decimal]]:
        """Instalments as (date, amount); empty unless the judgment is for instalments."""
        if self.option != Option.INSTALMENTS:
            return []
        assert self.instalment is not None and self.first_payment is not None
        return instalment_schedule(owed, self.instalment, self.frequency, self.first_payment)


def judgment_terms(plan: Plan | None, judgment_date: date, *, then_monthly: bool = False) -> Terms:
    """How the judgment entered on ``judgment_date`` says to pay, following ``plan``.

    - No plan → the whole amount immediately (7.4(5), 11.1(6)).
    - Immediately → immediately.
    - A set date that has passed (is before ``judgment_date``) → immediately (7.7(5)(a),
      11.1(5)(a)); otherwise that date (7.4(4), 7.7(4), 11.1(4)).
    - Instalments whose first date has passed → the first instalment one calendar month
      after ``judgment_date`` (7.7(5)(b), 11.1(5)(b)), the same amount, then at the plan's
      frequency; with ``then_monthly`` the later instalments are at one calendar month
      intervals instead, as the paragraphs on judgments on admission say (7.7(5)(b),
      7.8(6)(b), 7.9(6)(b), 7.12(4A)(b), 7.14(5A)(b), 7.42C(4A)(b), 7.42D(8)(b),
      7.42E(5A)(b)); 11.1(5)(b) (default judgment) says nothing about the later ones.
      Otherwise as the plan says.
    """
    if plan is None or plan.option == Option.IMMEDIATELY:
        return Terms(Option.IMMEDIATELY)
    if plan.option == Option.BY_SET_DATE:
        assert plan.pay_by is not None
        if plan.pay_by < judgment_date:
            return Terms(Option.IMMEDIATELY, moved=f"The date to pay by, {long_date(plan.pay_by)}, had passed "
                                                   "when judgment was entered, so payment is due immediately")
        return Terms(Option.BY_SET_DATE, pay_by=plan.pay_by)
    assert plan.first_payment is not None
    if plan.first_payment < judgment_date:
        first = add_months(judgment_date, 1)
        frequency = "monthly" if then_monthly else plan.frequency
        return Terms(
            Option.INSTALMENTS, instalment=plan.instalment, frequency=frequency, first_payment=first,
            moved=f"The first instalment date, {long_date(plan.first_payment)}, had passed when judgment was "
                  f"entered, so the first instalment is due one calendar month after the judgment, {long_date(first)}",
        )
    return Terms(Option.INSTALMENTS, instalment=plan.instalment, frequency=plan.frequency,
                 first_payment=plan.first_payment)


# -- the amount ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    """One line of the judgment; a ``deducted`` line is taken off the total."""

    label: str
    amount: Decimal
    deducted: bool = False

    @property
    def signed(self) -> Decimal:
        return -self.amount if self.deducted else self.amount


@dataclass(frozen=True)
class JudgmentAmount:
    """Every line of the judgment, the last being "Total"."""

    lines: tuple[Line, ...]
    total: Decimal

    def to_record(self) -> list[dict[str, str | bool]]:
        return [{"label": line.label, "amount": str(line.amount), "deducted": line.deducted} for line in self.lines]


def scaled(interest: Decimal, principal: Decimal, admitted: Decimal) -> Decimal:
    """``interest`` on ``principal`` pro-rated to ``admitted``, to the penny (half up).

    For a part admission the judgment carries interest on the amount admitted only
    (7.42C(3)(b)): scale the interest claimed to issue with this. For the daily amount after
    issue, prefer ``rules.money.daily_interest_exact(admitted, rate)``, which keeps full
    precision.
    """
    principal = Decimal(principal)
    if principal <= 0:
        raise ValueError("the amount claimed must be more than nothing")
    return (Decimal(interest) * Decimal(admitted) / principal).quantize(PENNY, rounding=ROUND_HALF_UP)


def judgment_amount(
    *,
    principal_or_admitted: Decimal,
    interest_to_issue: Decimal,
    daily_interest: Decimal | None,
    interest_from: date,
    judgment_date: date,
    fee: Decimal,
    fixed_costs: Decimal = Decimal(0),
    paid: Decimal = Decimal(0),
    admitted: bool = False,
    costs: tuple[tuple[str, Decimal], ...] = (),
) -> JudgmentAmount:
    """The amount of the judgment, line by line (7.4(6), 7.7(3), 7.42C(3), 11.1(7), 11.1B(7)).

    The claim (or, with ``admitted``, the amount admitted) + interest claimed to issue +
    interest from the issue date ``interest_from`` to ``judgment_date`` at ``daily_interest``
    (days = judgment date − issue date; daily amount × days, rounded to the penny; no line
    if ``daily_interest`` is None or 0, or judgment is entered on the issue date) + the
    court fee + fixed costs (represented claimant only) − what the defendant has already
    paid. Never below £0. ``costs``: further named cost lines (a represented claimant's fixed costs on issue and
    on entry of judgment, ``rules.default_judgment``), each shown after the court fee.

    The caller passes the interest figures. For a part admission they are the interest on
    the amount admitted: scale the interest to issue with :func:`scaled` and pass the daily
    amount on the admitted sum. Pass ``rules.money.daily_interest_exact`` for the same
    figure as ``rules.money.interest_for_days``, or the daily amount stated on the claim.
    """
    figures = (principal_or_admitted, interest_to_issue, daily_interest or 0, fee, fixed_costs, paid,
               *(amount for _, amount in costs))
    if any(Decimal(figure) < 0 for figure in figures):
        raise ValueError("the figures of a judgment cannot be negative")
    principal = pounds(principal_or_admitted)
    lines = [Line("Amount admitted" if admitted else "Amount claimed", principal)]
    to_issue = pounds(interest_to_issue)
    if to_issue:
        lines.append(Line(f"Interest to {long_date(interest_from)}", to_issue))
    days = interest_days(interest_from, judgment_date)
    if daily_interest and days:
        after = (Decimal(daily_interest) * days).quantize(PENNY, rounding=ROUND_HALF_UP)
        unit = "day" if days == 1 else "days"
        lines.append(Line(
            f"Interest from {long_date(days_after(interest_from, 1))} to the date of judgment "
            f"({days} {unit} at {format_money(daily_interest)} a day)", after,
        ))
    if pounds(fee):
        lines.append(Line("Court fee", pounds(fee)))
    if pounds(fixed_costs):
        lines.append(Line("Fixed costs", pounds(fixed_costs)))
    lines.extend(Line(label, pounds(amount)) for label, amount in costs if pounds(amount))
    if pounds(paid):
        lines.append(Line("Less amount paid", pounds(paid), deducted=True))
    total = max(pounds(0), sum((line.signed for line in lines), Decimal(0)))
    lines.append(Line("Total", total))
    return JudgmentAmount(tuple(lines), total)
