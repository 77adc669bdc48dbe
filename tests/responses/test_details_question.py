"""The defendant's details page: the date of birth an individual or sole trader gives (the
statement of means reads it for the living allowance)."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from responses.ocon9 import Situation
from responses.questions.core import DetailsForm

TODAY = date(2026, 11, 10)


def details(day: str, month: str, year: str, party_type: str = "individual") -> DetailsForm:
    situation = Situation(data={}, total=Decimal("1080.00"), party_type=party_type)
    return DetailsForm({"phone": "", "date_of_birth_day": day, "date_of_birth_month": month,
                        "date_of_birth_year": year}, situation=situation, today=TODAY)


@pytest.mark.parametrize(("day", "month", "year", "message"), [
    ("1", "1", "0001", "Date of birth must be the same as or after 1 January 1900"),
    ("31", "12", "1899", "Date of birth must be the same as or after 1 January 1900"),
    ("10", "11", "2026", "Date of birth must be in the past"),
    ("1", "1", "2100", "Date of birth must be in the past"),
    ("", "", "", "Enter your date of birth"),
])
def test_impossible_dates_of_birth_are_refused(day: str, month: str, year: str, message: str) -> None:
    form = details(day, month, year)
    assert not form.is_valid()
    assert form.errors["date_of_birth"] == [message]


@pytest.mark.parametrize(("day", "month", "year"), [("1", "1", "1900"), ("9", "11", "2026"), ("3", "6", "1978")])
def test_possible_dates_of_birth_are_saved(day: str, month: str, year: str) -> None:
    # A defendant under 18 still responds: 2.1(3)(n)(iii) is what the claimant believes, not a bar.
    form = details(day, month, year, party_type="sole_trader")
    assert form.is_valid(), form.errors
    assert form.cleaned_data["date_of_birth"] == date(int(year), int(month), int(day))
