"""Interest and court fees (shared/spec/money.md)."""
from datetime import date
from decimal import Decimal as D

import pytest

from rules import money as m

SCHEDULES = [
    m.FeeSchedule(date(2021, 9, 16), "online", m.FEES_2021_09_16),
    m.FeeSchedule(date(2021, 9, 16), "paper", m.FEES_2021_09_16),
    # An earlier online schedule with lower online fees (only its first bands matter here).
    m.FeeSchedule(date(2014, 4, 22), "online", (
        m.FeeBand(D("300"), fixed=D("25")), m.FeeBand(D("500"), fixed=D("35")), m.FeeBand(None, percent=D("4.5")),
    )),
]


@pytest.mark.parametrize(
    "amount, fee",
    [
        ("0.01", "35"), ("300", "35"), ("300.01", "50"), ("500", "50"), ("500.01", "70"), ("1000", "70"),
        ("1000.01", "80"), ("1500", "80"), ("1500.01", "115"), ("3000", "115"), ("3000.01", "205"),
        ("5000", "205"), ("5000.01", "455"), ("10000", "455"),
        ("10000.01", "500.00"),  # 5% = 500.0005 → rounded down
        ("12345.67", "617.28"),  # 617.2835 → 617.28
        ("200000", "10000.00"), ("200000.01", "10000"), ("1000000", "10000"),
    ],
)
def test_fee_bands_from_16_september_2021(amount, fee):
    assert m.issue_fee(SCHEDULES, D(amount), date(2026, 11, 21)) == D(fee)


def test_the_fee_in_force_on_the_day_of_submission_applies():
    assert m.issue_fee(SCHEDULES, D("250"), date(2021, 9, 15)) == D("25")
    assert m.issue_fee(SCHEDULES, D("250"), date(2021, 9, 16)) == D("35")
    assert m.issue_fee(SCHEDULES, D("250"), date(2021, 9, 16), channel="paper") == D("35")
    with pytest.raises(LookupError):
        m.issue_fee(SCHEDULES, D("250"), date(2021, 9, 15), channel="paper")


def test_fees_never_take_floats_or_nothing():
    with pytest.raises(TypeError):
        m.pounds(10.5)
    with pytest.raises(ValueError):
        m.issue_fee(SCHEDULES, D("0"), date(2026, 1, 1))


@pytest.mark.parametrize(
    "principal, rate, daily",
    [("1000", "8", "0.22"), ("10000", "8", "2.19"), ("500", "8", "0.11"), ("2500", "5.5", "0.38"), ("1234.56", "8", "0.27")],
)
def test_daily_interest_to_the_penny(principal, rate, daily):
    assert m.daily_interest(D(principal), D(rate)) == D(daily)


@pytest.mark.parametrize(
    "principal, rate, start, end, interest",
    [
        ("1000", "8", date(2026, 1, 1), date(2026, 1, 31), "6.58"),  # 30 × 0.2191780… = 6.575 → 6.58
        ("1000", "8", date(2025, 11, 21), date(2026, 11, 21), "80.00"),  # a whole (non-leap) year
        ("10000", "8", date(2026, 11, 1), date(2026, 11, 21), "43.84"),  # 20 × 2.1917808… = 43.8356
        ("1000", "8", date(2026, 11, 21), date(2026, 11, 21), "0.00"),
        ("1000", "8", date(2026, 11, 22), date(2026, 11, 21), "0.00"),  # a start after the end: none
    ],
)
def test_interest_between_dates(principal, rate, start, end, interest):
    assert m.interest_between(D(principal), D(rate), start, end) == D(interest)


def test_pence_round_trip():
    assert m.to_pence(D("12.34")) == 1234
    assert m.from_pence(1234) == D("12.34")


# -- amounts typed by people -------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("1234.56", "1234.56"), ("1,234.56", "1234.56"), ("£1,234.56", "1234.56"), ("£ 1,234.56", "1234.56"),
    ("100", "100.00"), ("0.5", "0.50"), ("1,000,000", "1000000.00"), (" 12.3 ", "12.30"),
])
def test_parse_money_accepts_the_usual_ways_of_writing_an_amount(text, expected):
    assert m.parse_money(text) == D(expected)


@pytest.mark.parametrize("text", ["", "abc", "12.345", "1,23.45", "-5", "12,34", "£", "1.2.3", "1e3", "NaN", "12.5.0"])
def test_parse_money_refuses_anything_else(text):
    with pytest.raises(ValueError):
        m.parse_money(text)


def test_format_money():
    assert m.format_money(D("1234.5")) == "£1,234.50"


# -- interest claimed ------------------------------------------------------------------------

def test_no_interest():
    claim = m.InterestClaim()
    assert claim.to_date(D("1000"), date(2026, 1, 1), date(2026, 3, 1)) == D("0.00")
    assert claim.daily_amount(D("1000")) is None


def test_interest_at_8_percent_from_a_date_to_issue():
    # MCOL guide: £1,000 at 8% is £80 a year, about 22p a day; 100 days → £21.92.
    claim = m.InterestClaim(kind="rate", rate=D("8"), start=date(2026, 1, 1))
    assert claim.daily_amount(D("1000")) == D("0.22")
    assert claim.to_date(D("1000"), date(2026, 4, 11), date(2026, 4, 11)) == D("21.92")


def test_interest_from_submission_is_nothing_if_issued_the_same_day_and_runs_after():
    claim = m.InterestClaim(kind="rate", rate=D("8"))
    assert claim.to_date(D("1000"), date(2026, 4, 11), date(2026, 4, 11)) == D("0.00")
    assert claim.to_date(D("1000"), date(2026, 4, 10), date(2026, 4, 11)) == D("0.22")


def test_fixed_interest_with_and_without_a_continuing_rate():
    fixed = m.InterestClaim(kind="fixed", fixed_amount=D("45.10"))
    assert fixed.to_date(D("1000"), date(2026, 4, 10), date(2026, 4, 11)) == D("45.10")
    assert fixed.daily_amount(D("1000")) is None
    running = m.InterestClaim(kind="fixed", fixed_amount=D("45.10"), rate=D("8"))
    assert running.to_date(D("1000"), date(2026, 4, 10), date(2026, 4, 11)) == D("45.32")


def test_interest_claim_refuses_nonsense():
    with pytest.raises(ValueError):
        m.InterestClaim(kind="rate", rate=D("0"))
    with pytest.raises(ValueError):
        m.InterestClaim(kind="fixed")
    with pytest.raises(ValueError):
        m.InterestClaim(kind="compound")
