"""Judgment in default when the defendant is represented (PD 51R 11.1B), fixed costs on judgments for a represented
claimant (7.4(6)(c), 7.7(3)(c), 7.40(8)(c), 7.41B(3)(c)), and breathing spaces (11.1(2A), 11.1B(8)(b)).

Able & Co's claim for Jane Claimant against Acme Kitchens Ltd (represented by Baker Defence LLP) is issued on
Wednesday 3 March 2027 for £1,234.56 with £16.51 interest to issue and £0.27 a day after, an £80 fee and £90 fixed
costs on issue. The defendant must respond by 4pm on Wednesday 31 March (DEF-REP).
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from django.contrib.auth.models import Group

from claims import breathing_space as bs
from claims.constants import ClaimState, DefendantRepresentation
from claims.errors import ClaimError, NotAllowed
from claims.models import BreathingSpace, BreathingSpaceState
from claims.policy import Action, can
from court import fixed_costs
from court.models import Notification
from court.sweeps import run_sweep
from defended.services import applications
from judgments import services
from responses import services as responses
from rules import default_judgment as dj
from rules.judgments import Plan
from tests.conftest import uk
from tests.firm_factories import make_member
from tests.responses.test_agreed_extension import claimant_firm, defendant_firm, issued  # noqa: F401
from tests.responses.test_services import DEFENCE_PAGES, respond

pytestmark = pytest.mark.django_db

AFTER_DEADLINE = uk(2027, 4, 1, 10, 0)  # Thursday: judgment dated today
FULL_LINES = [
    ("Amount claimed", Decimal("1234.56")), ("Interest to 3 March 2027", Decimal("16.51")),
    ("Interest from 4 March 2027 to the date of judgment (29 days at £0.27 a day)", Decimal("7.83")),
    ("Court fee", Decimal("80.00")), (dj.ON_ISSUE, Decimal("90.00")), (dj.ON_JUDGMENT, Decimal("22.00")),
]


@pytest.fixture
def solicitor(claimant_firm):  # noqa: F811
    return make_member(claimant_firm, sees_all=True, mfa=False)


def _costed(**fields: Any) -> dict[str, Any]:
    schedule = fixed_costs.schedule_in_force(date(2027, 3, 1))
    return {"fixed_costs": Decimal("90.00"), "fixed_costs_schedule_id": schedule.key, **fields}


@pytest.fixture
def against_firm(issued, defendant_firm, solicitor):  # noqa: F811
    """The represented defendant's claim; the claimant firm's solicitor who sees all its cases."""
    return issued(**_costed(owner=solicitor, defendant_representation=DefendantRepresentation.REGISTERED,
                            defendant_firm=defendant_firm, defendant_reference="BAK/9"))


@pytest.fixture
def caseworker(make_user):
    user = make_user(is_staff=True)
    user.groups.set([Group.objects.get(name="caseworker")])
    return user


@pytest.fixture
def judge(make_user):
    user = make_user(is_staff=True)
    user.groups.set([Group.objects.get(name="judge")])
    return user


def ask(claim: Any, actor: Any, **kwargs: Any):
    return services.judgment_default_request(claim_id=claim.pk, actor=actor, **kwargs)


# -- the request (11.1B(2)-(3), (7)) ----------------------------------------------------------------------------


def test_the_claimants_solicitor_gets_judgment_with_fixed_costs_once_def_rep_passes(against_firm, solicitor, travel):
    claim = against_firm
    travel(uk(2027, 3, 31, 15, 59), tick=False)
    assert not can(solicitor, claim, Action.REQUEST_DEFAULT_JUDGMENT)
    with pytest.raises(NotAllowed):
        ask(claim, solicitor)
    travel(AFTER_DEADLINE, tick=False)
    judgment = ask(claim, solicitor, paid=Decimal("100.00"))
    claim.refresh_from_db()
    assert claim.state == ClaimState.JUDGMENT_ENTERED
    assert judgment.judgment_date == date(2027, 4, 1)
    assert judgment.line_items == [*FULL_LINES, ("Less amount paid", Decimal("-100.00"))]
    assert judgment.total == Decimal("1350.90")
    assert judgment.request["form"] == "" and judgment.request["rule_12_11"] is False
    assert judgment.request["fixed_costs_schedule"] == fixed_costs.schedule_in_force(date(2027, 4, 1)).key
    assert claim.events.filter(kind="judgment_requested", summary__contains="11.1B(3)").exists()
    assert ask(claim, solicitor).pk == judgment.pk  # asking twice: the same judgment


def test_after_an_agreed_extension_only_once_the_extended_limit_passes(against_firm, solicitor, travel,
                                                                       defendant_firm):  # noqa: F811
    claim = against_firm
    defence = make_member(defendant_firm, sees_all=True, mfa=False)
    responses.response_extension_record(claim_id=claim.pk, actor=defence, new_last_day=date(2027, 4, 21))
    travel(uk(2027, 4, 21, 15, 59), tick=False)
    with pytest.raises(NotAllowed):
        ask(claim, solicitor)
    travel(uk(2027, 4, 21, 16, 0), tick=False)
    assert ask(claim, solicitor).judgment_date == date(2027, 4, 22)  # at 4pm: counts the next day (14.1)


def test_the_other_firm_and_a_non_solicitor_cannot_ask(against_firm, claimant_firm, defendant_firm, travel):  # noqa: F811
    travel(AFTER_DEADLINE, tick=False)
    for user in (make_member(defendant_firm, sees_all=True, mfa=False),
                 make_member(claimant_firm, sees_all=True, solicitor=False, mfa=False)):
        with pytest.raises(NotAllowed):
            ask(against_firm, user)


# -- refusals (11.1B(4), (8)) -----------------------------------------------------------------------------------


def test_refused_online_where_cpr_12_11_would_apply(against_firm, solicitor, travel):
    travel(AFTER_DEADLINE, tick=False)
    with pytest.raises(services.DefaultJudgmentRefused, match="Part 23") as refused:
        ask(against_firm, solicitor, rule_12_11=True)
    assert refused.value.refusal == dj.Refusal.RULE_12_11 and refused.value.paper_only
    against_firm.refresh_from_db()
    assert against_firm.state == ClaimState.ISSUED and not hasattr(against_firm, "judgment")


@pytest.mark.parametrize(("kind", "refusal"), [
    ("strike_out", dj.Refusal.STRIKE_OUT_PENDING), ("summary_judgment", dj.Refusal.SUMMARY_JUDGMENT_PENDING)])
def test_refused_while_a_strike_out_or_summary_judgment_application_is_undecided(
        against_firm, solicitor, caseworker, judge, travel, kind, refusal):
    claim = against_firm
    travel(AFTER_DEADLINE, tick=False)
    application = applications.application_record_paper(
        claim_id=claim.pk, actor=caseworker, applicant_role="defendant", kind=kind, details="See the notice.",
        received_at=uk(2027, 3, 31, 10, 0))
    with pytest.raises(services.DefaultJudgmentRefused, match="11.1B\\(4\\)") as refused:
        ask(claim, solicitor)
    assert refused.value.refusal == refusal and not refused.value.paper_only
    assert not claim.referrals.filter(kind="default_judgment").exists()
    # Once disposed of, judgment can be entered.
    applications.application_decide(application_id=application.pk, actor=judge, ruling=applications.Ruling.REFUSE,
                                    reasons="No real prospect.")
    assert ask(claim, solicitor).total == Decimal("1450.90")


def test_refused_when_the_whole_claim_with_costs_is_satisfied(against_firm, solicitor, travel):
    travel(AFTER_DEADLINE, tick=False)
    with pytest.raises(services.DefaultJudgmentRefused, match="11.1B\\(4\\)\\(d\\)"):
        ask(against_firm, solicitor, paid=Decimal("1450.90"))
    # A penny short: judgment for the penny.
    assert ask(against_firm, solicitor, paid=Decimal("1450.89")).total == Decimal("0.01")


# -- breathing spaces (11.1(2A), 11.1B(8)(b)) -------------------------------------------------------------------


def test_a_breathing_space_bars_judgment_and_its_end_releases_it(against_firm, solicitor, caseworker, travel):
    claim = against_firm
    travel(uk(2027, 3, 25, 10, 0), tick=False)
    space = bs.breathing_space_record(claim_id=claim.pk, actor=caseworker, kind="standard",
                                      starts_on=date(2027, 3, 24), ends_on=date(2027, 5, 22))
    assert space.ends_at == uk(2027, 5, 23, 0, 0) and space.state == BreathingSpaceState.IN_FORCE
    assert claim.events.filter(kind="breathing_space_recorded").count() == 1
    assert Notification.objects.filter(key__startswith=f"breathing-space:{space.pk}:recorded").exists()
    # Recording the same one again changes nothing; another while it is in force is refused.
    assert bs.breathing_space_record(claim_id=claim.pk, actor=caseworker, kind="standard",
                                     starts_on=date(2027, 3, 24), ends_on=date(2027, 5, 22)).pk == space.pk
    with pytest.raises(ClaimError, match="already recorded"):
        bs.breathing_space_record(claim_id=claim.pk, actor=solicitor, kind="mental_health_crisis",
                                  starts_on=date(2027, 3, 24))
    travel(AFTER_DEADLINE, tick=False)
    with pytest.raises(services.DefaultJudgmentRefused, match="breathing space") as refused:
        ask(claim, solicitor)
    assert refused.value.refusal == dj.Refusal.MORATORIUM and refused.value.paper_only
    travel(uk(2027, 5, 22, 23, 59), tick=False)
    assert run_sweep("claims.breathing_space_ended").changed == 0
    with pytest.raises(services.DefaultJudgmentRefused):
        ask(claim, solicitor)
    travel(uk(2027, 5, 24, 9, 0), tick=False)  # the sweep runs late: the same end
    assert run_sweep("claims.breathing_space_ended").changed == 1
    assert run_sweep("claims.breathing_space_ended").changed == 0
    space.refresh_from_db()
    assert space.state == BreathingSpaceState.ENDED and space.ended_at == uk(2027, 5, 24, 9, 0)
    assert claim.events.filter(kind="breathing_space_ended").count() == 1
    assert Notification.objects.filter(key__startswith=f"breathing-space:{space.pk}:ended").count() == 2
    assert ask(claim, solicitor).total > 0


def test_a_mental_health_crisis_breathing_space_without_an_end_until_its_end_is_recorded(against_firm, solicitor,
                                                                                          travel):
    claim = against_firm
    travel(AFTER_DEADLINE, tick=False)
    space = bs.breathing_space_record(claim_id=claim.pk, actor=solicitor, kind="mental_health_crisis",
                                      starts_on=date(2027, 3, 30))
    assert space.ends_at is None
    assert can(solicitor, claim, Action.END_BREATHING_SPACE)
    assert not can(solicitor, claim, Action.RECORD_BREATHING_SPACE)
    with pytest.raises(services.DefaultJudgmentRefused):
        ask(claim, solicitor)
    travel(uk(2027, 9, 1, 10, 0), tick=False)
    assert run_sweep("claims.breathing_space_ended").changed == 0  # no end known: still in force
    with pytest.raises(services.DefaultJudgmentRefused):
        ask(claim, solicitor)
    bs.breathing_space_end_record(claim_id=claim.pk, actor=solicitor, ends_on=date(2027, 8, 31))  # already past
    space.refresh_from_db()
    assert space.state == BreathingSpaceState.ENDED
    assert ask(claim, solicitor).total > 0


def test_a_breathing_space_bars_judgment_against_a_defendant_in_person_too(issued, solicitor, travel):  # noqa: F811
    claim = issued(**_costed(owner=solicitor))
    travel(AFTER_DEADLINE, tick=False)
    bs.breathing_space_record(claim_id=claim.pk, actor=solicitor, kind="standard", starts_on=date(2027, 4, 1),
                              ends_on=date(2027, 5, 30))
    with pytest.raises(services.DefaultJudgmentRefused, match="11.1\\(2A\\)"):
        ask(claim, solicitor)


def test_a_breathing_space_bars_judgment_on_admission(issued, solicitor, make_user, caseworker, travel):  # noqa: F811
    claim = issued(**_costed(owner=solicitor))
    dan = make_user("acme@example.com", full_name="Alan Acme")
    responses.response_link(user=dan, claim_number=claim.claim_number, security_code=claim.security_code)
    respond(claim, dan, details=DEFENCE_PAGES["details"], response_type={"type": "full_admission"},
            payment_option={"option": "instalments"},
            instalments={"amount": "100.00", "frequency": "monthly", "first_date": "2027-05-01"})
    bs.breathing_space_record(claim_id=claim.pk, actor=caseworker, kind="standard", starts_on=date(2027, 3, 10),
                              ends_on=date(2027, 5, 8))
    with pytest.raises(bs.BreathingSpaceInForce):
        services.judgment_admission_request(claim_id=claim.pk, actor=solicitor)
    claim.refresh_from_db()
    assert claim.state == ClaimState.AWAITING_CLAIMANT_RESPONSE


def test_who_records_a_breathing_space(against_firm, claimant_firm, defendant_firm, make_user, caseworker):  # noqa: F811
    claim = against_firm
    assert can(caseworker, claim, Action.RECORD_BREATHING_SPACE)
    assert can(make_member(claimant_firm, sees_all=True, mfa=False), claim, Action.RECORD_BREATHING_SPACE)
    for user in (make_member(defendant_firm, sees_all=True, mfa=False),
                 make_member(claimant_firm, sees_all=True, solicitor=False, mfa=False), make_user("x@example.com")):
        assert not can(user, claim, Action.RECORD_BREATHING_SPACE)
        with pytest.raises(NotAllowed):
            bs.breathing_space_record(claim_id=claim.pk, actor=user, kind="standard", starts_on=date(2027, 3, 9),
                                      ends_on=date(2027, 5, 7))
    assert not BreathingSpace.objects.exists()


# -- fixed costs on judgments on admission (7.4(6)(c), 7.7(3)(c), 7.40(8)(c), 7.41B(3)(c)) -----------------------


@pytest.fixture
def linked_in_person(issued, solicitor, make_user):  # noqa: F811
    claim = issued(**_costed(owner=solicitor))
    dan = make_user("acme@example.com", full_name="Alan Acme")
    return responses.response_link(user=dan, claim_number=claim.claim_number, security_code=claim.security_code), dan


def test_a_full_admission_judgment_carries_the_fixed_costs_on_issue(linked_in_person, solicitor, travel):
    claim, dan = linked_in_person
    respond(claim, dan, details=DEFENCE_PAGES["details"], response_type={"type": "full_admission"},
            payment_option={"option": "immediately"})
    travel(uk(2027, 3, 16, 10, 0), tick=False)  # the 5 days have passed (7.4(1))
    judgment = services.judgment_admission_request(claim_id=claim.pk, actor=solicitor, paid=Decimal("50.00"),
                                                   plan=Plan(option="by_set_date", pay_by=date(2027, 4, 30)))
    assert judgment.line_items == [
        ("Amount claimed", Decimal("1234.56")), ("Interest to 3 March 2027", Decimal("16.51")),
        ("Interest from 4 March 2027 to the date of judgment (13 days at £0.27 a day)", Decimal("3.51")),
        ("Court fee", Decimal("80.00")), (dj.ON_ISSUE, Decimal("90.00")), ("Less amount paid", Decimal("-50.00")),
    ]
    assert judgment.total == Decimal("1374.58")


def test_a_part_admission_judgment_carries_the_fixed_costs_of_the_amount_admitted(linked_in_person, solicitor):
    claim, dan = linked_in_person
    responses.response_draft_save(claim_id=claim.pk, actor=dan, values={
        "response_type": {"type": "part_admission"}, "part_paid": {"paid": "no"},
        "admitted": {"amount": "400.00"}, "payment_option": {"option": "by_set_date"},
        "payment_date": {"date": "2027-06-30"},
    })
    respond(claim, dan, **DEFENCE_PAGES)
    judgment = services.judgment_admission_request(claim_id=claim.pk, actor=solicitor)
    lines = dict(judgment.line_items)
    # £400 admitted: the band over £25 to £500 of the schedule the claim was costed by (£60).
    assert lines["Amount admitted"] == Decimal("400.00") and lines[dj.ON_ISSUE] == Decimal("60.00")
    assert dj.ON_JUDGMENT not in lines


def test_a_claimant_in_person_has_no_fixed_costs_on_judgment(issued, make_user, travel):  # noqa: F811
    claim = issued(claimant_firm=None, owner=make_user("jane@example.com"))
    dan = make_user("acme@example.com", full_name="Alan Acme")
    responses.response_link(user=dan, claim_number=claim.claim_number, security_code=claim.security_code)
    travel(uk(2027, 3, 23, 10, 0), tick=False)  # 19 days for parties in person (5.1(1))
    judgment = ask(claim, claim.owner)
    assert not [label for label, _ in judgment.line_items if "Fixed costs" in label]


def test_default_judgment_against_a_defendant_in_person_has_court_fees_only(linked_in_person, solicitor, travel):
    """11.1(7) (the defendant acts in person) gives "court fees" only, unlike 11.1B(7) and the admission paragraphs:
    we follow the PD (README, "Where the PD and our spec differ")."""
    claim, _ = linked_in_person
    travel(AFTER_DEADLINE, tick=False)
    judgment = ask(claim, solicitor)
    assert judgment.request["form"] == "OCON205A"
    assert not [label for label, _ in judgment.line_items if "Fixed costs" in label]
