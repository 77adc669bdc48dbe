"""Judgments: how and how much the defendant is ordered to pay (shared/spec/money.md; PD 51R
7.4(4)-(6), 7.7(3)-(5), 11.1(4)-(7))."""
from datetime import date, datetime, timezone
from decimal import Decimal as D
from types import SimpleNamespace

import pytest

from rules import judgments as j
from rules import money as m
from rules.calendar import LONDON, PLAIN, CourtCalendar


def uk(*args: int) -> datetime:
    return datetime(*args, tzinfo=LONDON)


MONTHLY_50 = j.Plan.instalments(D("50"), "monthly", date(2027, 5, 1))


# plan, judgment date, then_monthly, expected (option, pay_by, instalment, frequency, first_payment), moved?
TERMS = [
    ("no plan: immediately (7.4(5), 11.1(6))", None, date(2027, 3, 20), False, ("immediately", None, None, "", None), False),
    ("plan to pay immediately", j.Plan.immediately(date(2027, 3, 8)), date(2027, 3, 20), False, ("immediately", None, None, "", None), False),
    ("set date still to come", j.Plan.by_set_date(date(2027, 6, 30)), date(2027, 3, 20), False, ("by_set_date", date(2027, 6, 30), None, "", None), False),
    ("set date on the day of judgment has not passed", j.Plan.by_set_date(date(2027, 3, 20)), date(2027, 3, 20), False, ("by_set_date", date(2027, 3, 20), None, "", None), False),
    ("set date passed: immediately (7.7(5)(a), 11.1(5)(a))", j.Plan.by_set_date(date(2027, 3, 19)), date(2027, 3, 20), False, ("immediately", None, None, "", None), True),
    ("instalments still to come", MONTHLY_50, date(2027, 3, 20), False, ("instalments", None, D("50.00"), "monthly", date(2027, 5, 1)), False),
    ("first instalment on the day of judgment has not passed", j.Plan.instalments(D("10"), "weekly", date(2027, 3, 20)), date(2027, 3, 20), False, ("instalments", None, D("10.00"), "weekly", date(2027, 3, 20)), False),
    ("first instalment passed: one calendar month after judgment, plan's frequency (11.1(5)(b))", j.Plan.instalments(D("10"), "weekly", date(2027, 3, 1)), date(2027, 3, 20), False, ("instalments", None, D("10.00"), "weekly", date(2027, 4, 20)), True),
    ("first instalment passed, then monthly (7.7(5)(b))", j.Plan.instalments(D("10"), "weekly", date(2027, 3, 1)), date(2027, 3, 20), True, ("instalments", None, D("10.00"), "monthly", date(2027, 4, 20)), True),
    ("then_monthly changes nothing when no date has passed", j.Plan.instalments(D("10"), "weekly", date(2027, 4, 1)), date(2027, 3, 20), True, ("instalments", None, D("10.00"), "weekly", date(2027, 4, 1)), False),
    ("judgment on 31 January: first instalment 28 February", j.Plan.instalments(D("25"), "fortnightly", date(2027, 1, 15)), date(2027, 1, 31), False, ("instalments", None, D("25.00"), "fortnightly", date(2027, 2, 28)), True),
    ("judgment on 31 January of a leap year: 29 February", j.Plan.instalments(D("25"), "four_weekly", date(2028, 1, 15)), date(2028, 1, 31), False, ("instalments", None, D("25.00"), "four_weekly", date(2028, 2, 29)), True),
    ("judgment on 29 February: 29 March", j.Plan.instalments(D("25"), "monthly", date(2028, 2, 1)), date(2028, 2, 29), False, ("instalments", None, D("25.00"), "monthly", date(2028, 3, 29)), True),
]


@pytest.mark.parametrize("label, plan, judged, then_monthly, expected, moved", TERMS, ids=[t[0] for t in TERMS])
def test_judgment_terms(label, plan, judged, then_monthly, expected, moved):
    terms = j.judgment_terms(plan, judged, then_monthly=then_monthly)
    assert (terms.option, terms.pay_by, terms.instalment, terms.frequency, terms.first_payment) == expected
    assert bool(terms.moved) is moved


PLAN_WORDINGS = [
    (j.Terms(j.Option.IMMEDIATELY), D("1234.56"), "£1,234.56 immediately"),
    (j.Terms(j.Option.BY_SET_DATE, pay_by=date(2027, 6, 30)), D("1234.56"), "£1,234.56 by 30 June 2027"),
    (j.Terms(j.Option.INSTALMENTS, instalment=D("50"), frequency="monthly", first_payment=date(2027, 5, 1)),
     D("1234.56"), "£50.00 every month, the first payment by 1 May 2027"),
    (j.Terms(j.Option.INSTALMENTS, instalment=D("12.5"), frequency="weekly", first_payment=date(2027, 5, 3)), None,
     "£12.50 every week, the first payment by 3 May 2027"),
    (j.Terms(j.Option.INSTALMENTS, instalment=D("20"), frequency="fortnightly", first_payment=date(2027, 5, 3)), None,
     "£20.00 every 2 weeks, the first payment by 3 May 2027"),
    (j.Terms(j.Option.INSTALMENTS, instalment=D("40"), frequency="four_weekly", first_payment=date(2027, 5, 3)), None,
     "£40.00 every 4 weeks, the first payment by 3 May 2027"),
]
READERS = [
    (j.Reader.DEFENDANT, "You must pay the claimant"),
    (j.Reader.CLAIMANT, "The defendant must pay you"),
    (j.Reader.COURT, "The defendant must pay the claimant"),
]


@pytest.mark.parametrize("reader, opening", READERS, ids=[str(r[0]) for r in READERS])
@pytest.mark.parametrize("terms, amount, text", PLAN_WORDINGS, ids=[t[2] for t in PLAN_WORDINGS])
def test_terms_in_plain_english_for_each_reader(terms, amount, text, reader, opening):
    """Each party is spoken to; the court's record names both."""
    assert terms.describe(amount, reader=reader) == f"{opening} {text}"


def test_a_lump_sum_needs_the_amount_to_describe():
    with pytest.raises(ValueError):
        j.Terms(j.Option.IMMEDIATELY).describe(reader=j.Reader.DEFENDANT)


@pytest.mark.parametrize(
    "terms, sets_date",
    [(j.Terms(j.Option.IMMEDIATELY), False), (j.Terms(j.Option.BY_SET_DATE, pay_by=date(2027, 6, 30)), True),
     (j.judgment_terms(MONTHLY_50, date(2027, 3, 20)), True)],
)
def test_only_a_judgment_with_dates_sets_its_own_time_for_payment(terms, sets_date):
    """15.1(2)(a): otherwise PAY-19 (19 days) applies."""
    assert terms.sets_date is sets_date


def test_the_terms_give_the_schedule_of_instalments():
    terms = j.judgment_terms(MONTHLY_50, date(2027, 3, 20))
    assert terms.schedule(D("120")) == [(date(2027, 5, 1), D("50.00")), (date(2027, 6, 1), D("50.00")), (date(2027, 7, 1), D("20.00"))]
    assert j.judgment_terms(None, date(2027, 3, 20)).schedule(D("120")) == []


# -- plans -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "make",
    [
        lambda: j.Plan(j.Option.BY_SET_DATE),
        lambda: j.Plan.instalments(D("0"), "monthly", date(2027, 5, 1)),
        lambda: j.Plan.instalments(D("-5"), "monthly", date(2027, 5, 1)),
        lambda: j.Plan.instalments(D("5"), "daily", date(2027, 5, 1)),
        lambda: j.Plan(j.Option.INSTALMENTS, instalment=D("5"), frequency="monthly"),
        lambda: j.Plan("sometime"),
    ],
)
def test_incomplete_plans_are_refused(make):
    with pytest.raises(ValueError):
        make()


def test_a_plan_from_the_response():
    """``responses.ocon9.PaymentPlan`` has the same attributes; its option is a StrEnum of the same values."""
    response_plan = SimpleNamespace(option="instalments", pay_by=None, instalment=D("50"), frequency="monthly",
                                    first_payment=date(2027, 5, 1))
    assert j.Plan.of(response_plan) == MONTHLY_50
    assert j.Plan.of(MONTHLY_50) is MONTHLY_50


@pytest.mark.parametrize(
    "plan, owed, last",
    [
        (j.Plan.by_set_date(date(2027, 6, 30)), D("1000"), date(2027, 6, 30)),
        (j.Plan.immediately(date(2027, 3, 6)), D("1000"), date(2027, 3, 6)),
        (j.Plan.immediately(), D("1000"), None),
        (MONTHLY_50, D("1000"), date(2028, 12, 1)),  # 20 instalments
        (MONTHLY_50, D("1000.01"), date(2029, 1, 1)),  # 21
        (MONTHLY_50, D("20"), date(2027, 5, 1)),  # 1
        (j.Plan.instalments(D("10"), "weekly", date(2027, 5, 3)), D("100"), date(2027, 7, 5)),  # 10 → + 63 days
    ],
)
def test_when_a_plan_is_paid_in_full(plan, owed, last):
    assert plan.last_payment(owed) == last


# -- instalments -------------------------------------------------------------------------------------

SCHEDULES = [
    ("monthly from 31 January: clamped, never chained", D("100"), D("30"), "monthly", date(2027, 1, 31),
     [(date(2027, 1, 31), "30"), (date(2027, 2, 28), "30"), (date(2027, 3, 31), "30"), (date(2027, 4, 30), "10")]),
    ("monthly from 31 January of a leap year", D("60"), D("20"), "monthly", date(2028, 1, 31),
     [(date(2028, 1, 31), "20"), (date(2028, 2, 29), "20"), (date(2028, 3, 31), "20")]),
    ("monthly from 29 February", D("60"), D("20"), "monthly", date(2028, 2, 29),
     [(date(2028, 2, 29), "20"), (date(2028, 3, 29), "20"), (date(2028, 4, 29), "20")]),
    ("monthly across the year end", D("45"), D("20"), "monthly", date(2027, 11, 30),
     [(date(2027, 11, 30), "20"), (date(2027, 12, 30), "20"), (date(2028, 1, 30), "5")]),
    ("weekly", D("25"), D("10"), "weekly", date(2027, 5, 3),
     [(date(2027, 5, 3), "10"), (date(2027, 5, 10), "10"), (date(2027, 5, 17), "5")]),
    ("fortnightly", D("25"), D("10"), "fortnightly", date(2027, 5, 3),
     [(date(2027, 5, 3), "10"), (date(2027, 5, 17), "10"), (date(2027, 5, 31), "5")]),
    ("four-weekly", D("25"), D("10"), "four_weekly", date(2027, 5, 3),
     [(date(2027, 5, 3), "10"), (date(2027, 5, 31), "10"), (date(2027, 6, 28), "5")]),
    ("exact division: the last is a full instalment", D("30"), D("10"), "weekly", date(2027, 5, 3),
     [(date(2027, 5, 3), "10"), (date(2027, 5, 10), "10"), (date(2027, 5, 17), "10")]),
    ("less than one instalment owed", D("7.50"), D("10"), "monthly", date(2027, 5, 3), [(date(2027, 5, 3), "7.50")]),
    ("pennies", D("1.00"), D("0.30"), "weekly", date(2027, 5, 3),
     [(date(2027, 5, 3), "0.30"), (date(2027, 5, 10), "0.30"), (date(2027, 5, 17), "0.30"), (date(2027, 5, 24), "0.10")]),
    ("nothing owed", D("0"), D("10"), "weekly", date(2027, 5, 3), []),
]


@pytest.mark.parametrize("label, owed, instalment, frequency, first, expected", SCHEDULES, ids=[s[0] for s in SCHEDULES])
def test_instalment_schedule(label, owed, instalment, frequency, first, expected):
    schedule = j.instalment_schedule(owed, instalment, frequency, first)
    assert schedule == [(day, D(amount)) for day, amount in expected]
    assert sum((amount for _, amount in schedule), D(0)) == owed


@pytest.mark.parametrize("instalment, frequency", [(D("0"), "weekly"), (D("-1"), "weekly"), (D("10"), "yearly")])
def test_instalment_schedule_refuses_nonsense(instalment, frequency):
    with pytest.raises(ValueError):
        j.instalment_schedule(D("100"), instalment, frequency, date(2027, 5, 3))


# -- the amount of the judgment ---------------------------------------------------------------------

ISSUED = date(2027, 3, 1)
JUDGED = date(2027, 3, 20)  # 19 days after issue


def lines(amount: j.JudgmentAmount) -> list[tuple[str, str]]:
    return [(line.label, f"-{line.amount}" if line.deducted else str(line.amount)) for line in amount.lines]


AMOUNTS = [
    (
        "claim + interest to issue + daily interest to judgment + fee",
        dict(principal_or_admitted=D("1000"), interest_to_issue=D("13.15"), daily_interest=D("0.22"), fee=D("80")),
        [("Amount claimed", "1000.00"), ("Interest to 1 March 2027", "13.15"),
         ("Interest from 2 March 2027 to the date of judgment (19 days at £0.22 a day)", "4.18"),
         ("Court fee", "80.00"), ("Total", "1097.33")],
    ),
    (
        "less an amount paid",
        dict(principal_or_admitted=D("1000"), interest_to_issue=D("13.15"), daily_interest=D("0.22"), fee=D("80"), paid=D("100")),
        [("Amount claimed", "1000.00"), ("Interest to 1 March 2027", "13.15"),
         ("Interest from 2 March 2027 to the date of judgment (19 days at £0.22 a day)", "4.18"),
         ("Court fee", "80.00"), ("Less amount paid", "-100.00"), ("Total", "997.33")],
    ),
    (
        "the exact daily amount gives rules.money's figure (19 × 0.2191… = 4.16)",
        dict(principal_or_admitted=D("1000"), interest_to_issue=D("0"), daily_interest=m.daily_interest_exact(D("1000"), D("8")), fee=D("70")),
        [("Amount claimed", "1000.00"),
         ("Interest from 2 March 2027 to the date of judgment (19 days at £0.22 a day)", "4.16"),
         ("Court fee", "70.00"), ("Total", "1074.16")],
    ),
    (
        "represented claimant: fixed costs",
        dict(principal_or_admitted=D("6000"), interest_to_issue=D("0"), daily_interest=None, fee=D("455"), fixed_costs=D("140")),
        [("Amount claimed", "6000.00"), ("Court fee", "455.00"), ("Fixed costs", "140.00"), ("Total", "6595.00")],
    ),
    (
        "a fixed sum of interest with no daily amount after",
        dict(principal_or_admitted=D("500"), interest_to_issue=D("25.50"), daily_interest=None, fee=D("50")),
        [("Amount claimed", "500.00"), ("Interest to 1 March 2027", "25.50"), ("Court fee", "50.00"), ("Total", "575.50")],
    ),
    (
        "part admission: the amount admitted, interest scaled to it",
        dict(principal_or_admitted=D("500"), interest_to_issue=j.scaled(D("13.15"), D("1000"), D("500")),
             daily_interest=m.daily_interest_exact(D("500"), D("8")), fee=D("80"), admitted=True),
        [("Amount admitted", "500.00"), ("Interest to 1 March 2027", "6.58"),
         ("Interest from 2 March 2027 to the date of judgment (19 days at £0.11 a day)", "2.08"),
         ("Court fee", "80.00"), ("Total", "588.66")],
    ),
    (
        "paid more than is owed: never below nothing",
        dict(principal_or_admitted=D("100"), interest_to_issue=D("0"), daily_interest=None, fee=D("35"), paid=D("200")),
        [("Amount claimed", "100.00"), ("Court fee", "35.00"), ("Less amount paid", "-200.00"), ("Total", "0.00")],
    ),
    (
        "fee remitted in full (Help with Fees): no fee line",
        dict(principal_or_admitted=D("100"), interest_to_issue=D("0"), daily_interest=None, fee=D("0")),
        [("Amount claimed", "100.00"), ("Total", "100.00")],
    ),
]


@pytest.mark.parametrize("label, figures, expected", AMOUNTS, ids=[a[0] for a in AMOUNTS])
def test_judgment_amount(label, figures, expected):
    amount = j.judgment_amount(interest_from=ISSUED, judgment_date=JUDGED, **figures)
    assert lines(amount) == expected
    assert amount.total == D(expected[-1][1])


@pytest.mark.parametrize(
    "judged, line",
    [
        (date(2027, 3, 1), None),  # judgment on the issue date: no interest after issue
        (date(2027, 2, 20), None),  # (a date before issue is nonsense, but gives no negative interest)
        (date(2027, 3, 2), ("Interest from 2 March 2027 to the date of judgment (1 day at £0.22 a day)", D("0.22"))),
        (date(2028, 3, 1), ("Interest from 2 March 2027 to the date of judgment (366 days at £0.22 a day)", D("80.52"))),
    ],
)
def test_daily_interest_runs_from_the_day_after_issue(judged, line):
    amount = j.judgment_amount(principal_or_admitted=D("1000"), interest_to_issue=D("0"), daily_interest=D("0.22"),
                               interest_from=ISSUED, judgment_date=judged, fee=D("70"))
    interest = [(item.label, item.amount) for item in amount.lines if item.label.startswith("Interest from")]
    assert interest == ([line] if line else [])


@pytest.mark.parametrize("field", ["principal_or_admitted", "interest_to_issue", "daily_interest", "fee", "fixed_costs", "paid"])
def test_negative_figures_are_refused(field):
    figures = dict(principal_or_admitted=D("100"), interest_to_issue=D("0"), daily_interest=None, fee=D("35"))
    figures[field] = D("-1")
    with pytest.raises(ValueError):
        j.judgment_amount(interest_from=ISSUED, judgment_date=JUDGED, **figures)


def test_judgment_amount_refuses_floats():
    with pytest.raises(TypeError):
        j.judgment_amount(principal_or_admitted=100.5, interest_to_issue=D("0"), daily_interest=None,
                          interest_from=ISSUED, judgment_date=JUDGED, fee=D("35"))


def test_judgment_amount_as_a_record():
    amount = j.judgment_amount(principal_or_admitted=D("100"), interest_to_issue=D("0"), daily_interest=None,
                               interest_from=ISSUED, judgment_date=JUDGED, fee=D("35"), paid=D("10"))
    assert amount.to_record() == [
        {"label": "Amount claimed", "amount": "100.00", "deducted": False},
        {"label": "Court fee", "amount": "35.00", "deducted": False},
        {"label": "Less amount paid", "amount": "10.00", "deducted": True},
        {"label": "Total", "amount": "125.00", "deducted": False},
    ]


@pytest.mark.parametrize(
    "interest, principal, admitted, expected",
    [
        ("13.15", "1000", "500", "6.58"),  # 6.575 → half up
        ("10.00", "3", "1", "3.33"),
        ("20.00", "3", "2", "13.33"),
        ("0.01", "2", "1", "0.01"),  # 0.005 → half up
        ("0", "1000", "500", "0.00"),
        ("13.15", "1000", "1000", "13.15"),
    ],
)
def test_interest_scaled_to_the_amount_admitted(interest, principal, admitted, expected):
    assert j.scaled(D(interest), D(principal), D(admitted)) == D(expected)


def test_scaling_needs_a_claim():
    with pytest.raises(ValueError):
        j.scaled(D("10"), D("0"), D("5"))


# -- the date of the judgment (14.1(A2), 14.1(1)) ---------------------------------------------------------

#: 3 December 2026 is a court closure day in this calendar (a staff-recorded closure, not a weekend).
CLOSED_3_DECEMBER = CourtCalendar.build(closures=[date(2026, 12, 3)])

# calendar, requested at (UK time), response received on, made on → judgment date
JUDGMENT_DATES = [
    ("before 4 pm on an open day: that day (14.1(A2))", PLAIN, uk(2026, 12, 2, 15, 59), None, None, date(2026, 12, 2)),
    ("at 4 pm: the next open day (14.1(1))", PLAIN, uk(2026, 12, 2, 16, 0), None, None, date(2026, 12, 3)),
    ("at 11.59 pm: the next open day (14.1(1))", PLAIN, uk(2026, 12, 2, 23, 59), None, None, date(2026, 12, 3)),
    ("just after midnight, an open day: that day", PLAIN, uk(2026, 12, 3, 0, 1), None, None, date(2026, 12, 3)),
    ("Friday after 4 pm: Monday", PLAIN, uk(2026, 11, 13, 16, 30), None, None, date(2026, 11, 16)),
    ("on a Saturday morning: Monday", PLAIN, uk(2026, 11, 14, 10, 0), None, None, date(2026, 11, 16)),
    ("Friday after 4 pm before a bank holiday Monday (31 August 2026): Tuesday", PLAIN, uk(2026, 8, 28, 16, 5), None, None, date(2026, 9, 1)),
    ("on the bank holiday itself, before 4 pm: the next day", PLAIN, uk(2026, 8, 31, 11, 0), None, None, date(2026, 9, 1)),
    ("Christmas Eve 2026 after 4 pm: Tuesday 29 December (Christmas, the weekend, Boxing Day's Monday)", PLAIN, uk(2026, 12, 24, 16, 0), None, None, date(2026, 12, 29)),
    ("Thursday before Easter 2027 after 4 pm: Easter Tuesday", PLAIN, uk(2027, 3, 25, 17, 0), None, None, date(2027, 3, 30)),
    ("after 4 pm before a closure day: the day after it", CLOSED_3_DECEMBER, uk(2026, 12, 2, 16, 0), None, None, date(2026, 12, 4)),
    ("in summer 4 pm UK time is 15:00 UTC: the next open day", PLAIN, datetime(2026, 8, 27, 15, 0, tzinfo=timezone.utc), None, None, date(2026, 8, 28)),
    ("in summer 14:59 UTC is before 4 pm: that day", PLAIN, datetime(2026, 8, 27, 14, 59, tzinfo=timezone.utc), None, None, date(2026, 8, 27)),
    # The admission submitted after 4 pm on 2 December counts as received on 3 December: the
    # judgment asked for that evening is dated 3 December, never 2 December.
    ("the admission and the request both after 4 pm on 2 December", PLAIN, uk(2026, 12, 2, 17, 30), date(2026, 12, 3), None, date(2026, 12, 3)),
    ("a request before 4 pm on a response that counts from the next day: the response's day", PLAIN, uk(2026, 12, 2, 10, 0), date(2026, 12, 3), None, date(2026, 12, 3)),
    ("a response received days earlier changes nothing", PLAIN, uk(2026, 12, 9, 10, 0), date(2026, 12, 3), None, date(2026, 12, 9)),
    ("a judge deciding later: the day the judge makes it", PLAIN, uk(2026, 12, 2, 10, 0), None, date(2026, 12, 10), date(2026, 12, 10)),
    ("a judge deciding the same evening: still the day the request counts from", PLAIN, uk(2026, 12, 2, 16, 30), None, date(2026, 12, 2), date(2026, 12, 3)),
]


@pytest.mark.parametrize("label, cal, requested_at, received_on, made_on, expected", JUDGMENT_DATES,
                         ids=[row[0] for row in JUDGMENT_DATES])
def test_judgment_date(label, cal, requested_at, received_on, made_on, expected):
    assert j.judgment_date(cal, requested_at, response_received_on=received_on, made_on=made_on) == expected


def test_judgment_date_needs_an_aware_instant():
    with pytest.raises(ValueError):
        j.judgment_date(PLAIN, datetime(2026, 12, 2, 10, 0))
