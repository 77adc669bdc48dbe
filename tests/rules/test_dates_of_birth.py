from datetime import date

import pytest

from rules.dates_of_birth import Problem, age_on, problem

TODAY = date(2026, 11, 10)


@pytest.mark.parametrize(
    "born, minimum_age, expected",
    [
        (date(1980, 5, 17), 0, None),
        (date(1, 1, 1), 0, Problem.TOO_EARLY),               # year 0001
        (date(1899, 12, 31), 0, Problem.TOO_EARLY),
        (date(1900, 1, 1), 0, None),                         # the earliest accepted
        (date(2026, 11, 10), 0, Problem.IN_THE_FUTURE),      # today
        (date(2026, 11, 11), 0, Problem.IN_THE_FUTURE),
        (date(9999, 12, 31), 0, Problem.IN_THE_FUTURE),
        (date(2026, 11, 9), 0, None),                        # born yesterday: a possible defendant
        (date(2008, 11, 10), 18, None),                      # 18 today
        (date(2008, 11, 11), 18, Problem.TOO_YOUNG),         # 18 tomorrow
        (date(2026, 11, 11), 18, Problem.IN_THE_FUTURE),     # the future comes before the age
        (date(1899, 1, 1), 18, Problem.TOO_EARLY),
    ],
)
def test_problem(born, minimum_age, expected):
    assert problem(born, TODAY, minimum_age=minimum_age) is expected


@pytest.mark.parametrize(
    "born, day, age",
    [
        (date(1980, 5, 17), date(2026, 5, 16), 45),
        (date(1980, 5, 17), date(2026, 5, 17), 46),
        (date(2008, 2, 29), date(2026, 2, 28), 17),          # a leap-day birthday: 18 on 1 March
        (date(2008, 2, 29), date(2026, 3, 1), 18),
        (date(2008, 2, 29), date(2028, 2, 29), 20),
    ],
)
def test_age_on(born, day, age):
    assert age_on(born, day) == age
