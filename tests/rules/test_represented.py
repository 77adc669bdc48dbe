"""rules.represented: fixed costs on issue (each band edge, both sides), the £25,000 limit, the party limits;
and the representatives' eligibility checker (rules.eligibility_represented)."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from rules import eligibility as citizen
from rules import represented as r
from rules.eligibility_represented import REPRESENTED, sent_out_once_issued

CURRENT = r.FixedCostsSchedule(r.CURRENT_FROM, r.FIXED_COSTS_CURRENT, key=2)
OLDER = r.FixedCostsSchedule(r.OLDER_FROM, r.FIXED_COSTS_OLDER, key=1)


@pytest.mark.parametrize("amount, current, older, default_judgment", [
    ("0.01", "0.00", "0.00", "0.00"),
    ("25.00", "0.00", "0.00", "0.00"),      # "over £25": £25 itself has none
    ("25.01", "60.00", "50.00", "22.00"),
    ("499.99", "60.00", "50.00", "22.00"),
    ("500.00", "60.00", "50.00", "22.00"),
    ("500.01", "80.00", "70.00", "22.00"),
    ("1000.00", "80.00", "70.00", "22.00"),
    ("1000.01", "90.00", "80.00", "22.00"),
    ("5000.00", "90.00", "80.00", "22.00"),
    ("5000.01", "110.00", "100.00", "30.00"),
    ("25000.00", "110.00", "100.00", "30.00"),
])
def test_fixed_costs_on_issue_by_band(amount, current, older, default_judgment):
    assert CURRENT.on_issue(Decimal(amount)) == Decimal(current)
    assert OLDER.on_issue(Decimal(amount)) == Decimal(older)
    assert CURRENT.on_default_judgment(Decimal(amount)) == Decimal(default_judgment)


def test_fixed_costs_are_exact_pounds():
    costs = CURRENT.on_issue(Decimal("750"))
    assert isinstance(costs, Decimal) and costs.as_tuple().exponent == -2


@pytest.mark.parametrize("on, expected", [
    (date(2017, 8, 6), None),
    (date(2017, 8, 7), r.OLDER_FROM),
    (date(2023, 9, 30), r.OLDER_FROM),
    (date(2023, 10, 1), r.CURRENT_FROM),
    (date(2026, 11, 10), r.CURRENT_FROM),
])
def test_the_schedule_in_force_is_the_latest_dated_on_or_before_the_day(on, expected):
    schedules = [CURRENT, OLDER]
    if expected is None:
        with pytest.raises(LookupError):
            r.schedule_in_force(schedules, on)
    else:
        assert r.schedule_in_force(schedules, on).effective_from == expected


@pytest.mark.parametrize("amount, within", [
    ("24999.99", True), ("25000.00", True), ("25000.01", False), ("10000.01", True),
])
def test_the_represented_limit_includes_interest_exactly(amount, within):
    assert r.within_limit(Decimal(amount)) is within


@pytest.mark.parametrize("claimants, defendants, represented, allowed", [
    (1, 1, False, True),
    (1, 2, False, False),   # 2.1(3)(f)(i): against a defendant in person, one defendant only
    (2, 1, False, False),
    (1, 1, True, True),     # 2.1(3)(f)(ii)
    (1, 2, True, True),
    (2, 1, True, True),
    (2, 2, True, False),    # never two of each
    (1, 3, True, False),
    (3, 1, True, False),
    (0, 1, True, False),
])
def test_party_limits(claimants, defendants, represented, allowed):
    problem = r.party_limit_problem(claimants, defendants, defendant_represented=represented)
    assert (problem is None) is allowed


# -- the representatives' eligibility checker (rules.eligibility_represented) -------------------------------

PASSING = {
    "claim-amount": "up-to-25000", "personal-injury": "no", "consumer-credit": "section-141", "help-with-fees": "no",
    "claimant-age": "yes", "claimant-protected-party": "no", "claimant-address": "yes", "email-address": "yes",
    "restraint-order": "no", "crown": "no", "defendant-address": "yes", "defendant-age": "yes",
    "defendant-protected-party": "no", "defendant-legal-representative": "none",
    "parties-defendant-in-person": "yes",
}


def test_every_citizen_condition_is_asked_of_the_representative_except_the_in_person_ones():
    """2.1(3): the same conditions, except (d)(i) (no representative), (f)(i) asked as one question, and (i)(i)."""
    citizen_pds = {q.pd for q in citizen.QUESTIONS} - {"2.1(3)(d)(i)", "2.1(3)(f)(i)", "2.1(3)(i)(i)",
                                                         "2.1(3)(a), 2.1(6)(a)"}
    represented_pds = {q.pd for q in REPRESENTED.questions}
    assert citizen_pds <= represented_pds
    assert {"2.1(3)(a), 2.1(6)(b)", "2.1(3)(d)(ii), (iii)", "2.1(3)(i)(ii)", "2.1(3)(f)(i)",
            "2.1(3)(f)(ii)"} <= represented_pds


def test_the_reused_questions_are_asked_about_the_client():
    for question in REPRESENTED.questions:
        assert "you are claiming" not in question.text + question.hint + question.error, question.slug
        assert "Are you 18" not in question.text


def test_passing_answers_are_eligible():
    assert REPRESENTED.is_eligible(PASSING)
    assert REPRESENTED.next_question(PASSING) is None


@pytest.mark.parametrize("changes, stop", [
    ({"claim-amount": "over-25000"}, "amount-over-25000"),
    ({"help-with-fees": "yes"}, "help-with-fees"),
    ({"claimant-address": "no"}, "claimant-address-outside-england-wales"),
    ({"parties-defendant-in-person": "no"}, "parties-defendant-in-person"),
    ({"defendant-legal-representative": "registered", "parties-both-represented": "more"}, "too-many-parties"),
])
def test_each_failing_answer_stops_with_its_reason(changes, stop):
    result = REPRESENTED.first_stop({**PASSING, **changes})
    assert isinstance(result, citizen.Failure) and result.reason.slug == stop


@pytest.mark.parametrize("representation, asked, not_asked", [
    ("none", "parties-defendant-in-person", "parties-both-represented"),
    ("registered", "parties-both-represented", "parties-defendant-in-person"),
    ("unregistered", "parties-both-represented", "parties-defendant-in-person"),
])
def test_the_parties_question_follows_the_defendants_side(representation, asked, not_asked):
    answers = {k: v for k, v in PASSING.items() if not k.startswith("parties-")}
    answers["defendant-legal-representative"] = representation
    assert REPRESENTED.next_question(answers).slug == asked
    assert REPRESENTED.following_question("defendant-legal-representative", answers).slug == asked
    answers[not_asked] = "yes"  # an answer to the question passed over does not count
    assert not REPRESENTED.is_eligible(answers)
    answers[asked] = "yes" if asked == "parties-defendant-in-person" else "two-v-one"
    assert REPRESENTED.is_eligible(answers)
    assert sent_out_once_issued(answers) is (representation == "unregistered")
