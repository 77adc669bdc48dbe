"""A response in Welsh (PD 51R 2.1(3)(l), 6B.1): who may respond in Welsh, and the claimant's time counted from the
day the court provides the English translation (6B.1(3)), at the 4pm edge and over closed days."""
from datetime import date, datetime

import pytest

from rules import periods as p
from rules import welsh
from rules.calendar import LONDON, PLAIN


def at(y: int, m: int, d: int, hh: int = 16, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=LONDON)


@pytest.mark.parametrize("claimant_represented, defendant_represented, allowed", [
    (True, False, True),    # 2.1(3)(d)(iii): the only case where the defendant may respond in Welsh
    (False, False, False),  # both in person: the claim is conducted in English (2.1(3)(l))
    (True, True, False),    # both represented ((d)(ii))
    (False, True, False),
])
def test_who_may_respond_in_welsh(claimant_represented, defendant_represented, allowed):
    assert welsh.may_respond_in_welsh(claimant_represented=claimant_represented,
                                      defendant_represented=defendant_represented) is allowed


def test_only_a_welsh_response_waits_for_translation():
    assert welsh.held_for_translation(welsh.WELSH) and not welsh.held_for_translation(welsh.ENGLISH)


# The translation is the court's act: its day is the calendar day it is provided, whatever the hour (the 4pm rule
# of 14.1 is for what a party submits). From Friday 5 March 2027 CLM-33 ends on Wednesday 7 April; a day later
# (the Monday a party's submission after 4pm would count from) gives Monday 12 April, so an off-by-one
# start fails here.
TRANSLATED = [
    ("Friday 15:59", at(2027, 3, 5, 15, 59), date(2027, 3, 5), p.clm_33, at(2027, 4, 7)),
    ("Friday 16:00", at(2027, 3, 5, 16, 0), date(2027, 3, 5), p.clm_33, at(2027, 4, 7)),
    ("Friday after 4pm", at(2027, 3, 5, 17, 30), date(2027, 3, 5), p.clm_33, at(2027, 4, 7)),
    ("Saturday", at(2027, 3, 6, 10, 0), date(2027, 3, 6), p.clm_33, at(2027, 4, 8)),
    ("Good Friday after 4pm", at(2027, 3, 26, 16, 30), date(2027, 3, 26), p.clm_33, at(2027, 4, 28)),
    # 00:30 BST on Wednesday 31 March is still Tuesday 30 March in UTC: the day is the one in England and Wales.
    # 33 days later is the early May bank holiday, Monday 3 May: the limit moves to Tuesday 4 May (14.1(3)).
    ("just after midnight, summer time", at(2027, 3, 31, 0, 30), date(2027, 3, 31), p.clm_33, at(2027, 5, 4)),
    ("represented claimant, 28 days, Friday after 4pm", at(2027, 3, 5, 17, 30), date(2027, 3, 5), p.clm_rep_28,
     at(2027, 4, 2)),
    ("represented claimant, 28 days, Thursday before Easter", at(2027, 2, 25, 12, 0), date(2027, 2, 25),
     p.clm_rep_28, at(2027, 3, 25)),
    ("represented claimant, 28 days, the last day is Good Friday", at(2027, 2, 26, 12, 0), date(2027, 2, 26),
     p.clm_rep_28, at(2027, 3, 30)),
]


@pytest.mark.parametrize("label, provided_at, start, period, deadline", TRANSLATED, ids=[t[0] for t in TRANSLATED])
def test_the_claimants_time_starts_on_the_day_the_translation_is_provided(label, provided_at, start, period,
                                                                           deadline):
    assert welsh.period_start(provided_at) == start
    assert welsh.claimant_deadline(PLAIN, provided_at, period) == deadline


def test_the_translation_day_is_not_the_day_a_party_submission_would_count_from():
    friday_evening = at(2027, 3, 5, 17, 30)
    assert PLAIN.deemed_submission_date(friday_evening) == date(2027, 3, 8)  # a party's form: Monday (14.1)
    assert welsh.claimant_deadline(PLAIN, friday_evening, p.clm_33) != p.clm_33(PLAIN, date(2027, 3, 8))
