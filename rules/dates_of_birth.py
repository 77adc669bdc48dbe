"""Is this a possible date of birth, and how old is the person on a given day?

A date of birth is refused when it is in the future (or today), or before 1 January 1900:
nobody living was born before then, so an earlier year is a typing mistake ("0001",
"1198"). PD 51R 2.1(3)(g): a claimant who is an individual must be aged 18 or older, which
the claimant's details page asks with ``minimum_age=18``. A defendant's age is not a
condition the defendant must meet to respond: 2.1(3)(n)(iii) is what the claimant believes.

Ages are counted in whole years; someone born on 29 February turns a year older on
1 March in a year that is not a leap year (as the law counts it in England and Wales).
"""
from __future__ import annotations

import enum
from datetime import date

#: The earliest date of birth accepted.
EARLIEST = date(1900, 1, 1)
#: PD 51R 2.1(3)(g): the claimant's minimum age.
ADULT = 18


class Problem(enum.Enum):
    IN_THE_FUTURE = "in_the_future"
    TOO_EARLY = "too_early"
    TOO_YOUNG = "too_young"


def birthday(born: date, year: int) -> date:
    """The day in ``year`` on which someone born on ``born`` has their birthday (29 February → 1 March)."""
    try:
        return born.replace(year=year)
    except ValueError:
        return date(year, 3, 1)


def age_on(born: date, day: date) -> int:
    """Whole years of age on ``day``."""
    years = day.year - born.year
    return years if birthday(born, day.year) <= day else years - 1


def problem(born: date, today: date, *, minimum_age: int = 0) -> Problem | None:
    """What is wrong with ``born`` as a date of birth on ``today`` (None: nothing)."""
    if born >= today:
        return Problem.IN_THE_FUTURE
    if born < EARLIEST:
        return Problem.TOO_EARLY
    if age_on(born, today) < minimum_age:
        return Problem.TOO_YOUNG
    return None
