"""The firm emails' daily sweeps: the daily summary and the administrators' list of unassigned cases go at or
after 7 am UK time, once a day, the same whether the sweep runs on time, twice or late.

The suite's clock starts on Tuesday 10 November 2026 at 11:00; the claims' defendant responds by 4pm on Monday
23 November 2026 (tests/casework/email_helpers.py)."""
from __future__ import annotations

import pytest

from accounts.models import EmailUpdates, FirmMembership, FirmState, MemberState
from casework.models import SummaryLine, UnassignedCasesEmail
from claims import assignments
from claims.constants import ClaimState
from claims.notices import tell_parties
from court.models import Notification
from court.sweeps import run_sweep
from tests.conftest import uk
from tests.firm_factories import make_firm, make_member

from .email_helpers import assign, issued_claim

pytestmark = pytest.mark.django_db

SUMMARIES = "casework.send_daily_summaries"
UNASSIGNED = "casework.send_unassigned_cases"


@pytest.fixture
def firm():
    return make_firm("Able & Co LLP")


@pytest.fixture
def admin(firm):
    return make_member(firm, name="Alex Admin", admin=True, mfa=False)


@pytest.fixture
def daily(firm):
    """A solicitor who chose a daily summary."""
    user = make_member(firm, name="Dana Daily", mfa=False)
    FirmMembership.objects.filter(user=user).update(email_updates=EmailUpdates.DAILY)
    return user


def step(claim, key, headline):
    tell_parties(claim, key=key, headline=headline, paragraphs=[], roles=("claimant",))


def summaries(user):
    return list(Notification.objects.filter(kind="casework_daily_summary", user=user).order_by("pk"))


def lists():
    return list(Notification.objects.filter(kind="casework_unassigned_cases").order_by("pk"))


# -- the daily summary ------------------------------------------------------------------------------------


def test_the_summary_goes_at_7am_and_lists_each_step_since_the_last(firm, admin, daily, travel):
    first = issued_claim(owner=admin, claimant_firm=firm)
    second = issued_claim(owner=admin, claimant_firm=firm, claimant_name="Bob Builder")
    assign(first, admin, daily)
    assign(second, admin, daily)
    step(first, "a", "The defendant has responded")
    travel(uk(2026, 11, 10, 15, 30), tick=False)
    step(second, "b", "The claim has been issued")
    step(first, "c", "The claimant has answered")

    travel(uk(2026, 11, 11, 6, 59), tick=False)
    assert run_sweep(SUMMARIES).changed == 0
    assert summaries(daily) == []

    travel(uk(2026, 11, 11, 7, 0), tick=False)
    assert run_sweep(SUMMARIES).changed == 1
    [summary] = summaries(daily)
    assert summary.to_email == daily.email
    assert summary.subject == "Your daily summary of steps on your cases: 11 November 2026"
    body = summary.body
    assert f"Claim {first.claim_number}: Jane Claimant v Acme Kitchens Ltd" in body
    assert f"Claim {second.claim_number}: Bob Builder v Acme Kitchens Ltd" in body
    assert f"- 11am on Tuesday 10 November 2026: Claim {first.claim_number}: The defendant has responded" in body
    assert f"- 3:30pm on Tuesday 10 November 2026: Claim {first.claim_number}: The claimant has answered" in body
    assert body.index("The defendant has responded") < body.index("The claimant has answered")
    assert f"/claims/{first.public_id}/" in body
    assert not SummaryLine.objects.filter(sent_at__isnull=True).exists()


def test_running_twice_or_late_sends_one_summary_and_later_steps_wait_for_the_next_day(
        firm, admin, daily, travel):
    claim = issued_claim(owner=admin, claimant_firm=firm)
    assign(claim, admin, daily)
    step(claim, "a", "First step")

    travel(uk(2026, 11, 11, 16, 45), tick=False)  # no run all morning: the sweep runs late
    step(claim, "b", "Second step")  # after this morning's 7 am: tomorrow's summary
    assert run_sweep(SUMMARIES).changed == 1
    assert run_sweep(SUMMARIES).changed == 0
    [wednesday] = summaries(daily)
    assert "First step" in wednesday.body and "Second step" not in wednesday.body

    travel(uk(2026, 11, 12, 7, 5), tick=False)
    run_sweep(SUMMARIES)
    assert [s.subject for s in summaries(daily)] == [
        "Your daily summary of steps on your cases: 11 November 2026",
        "Your daily summary of steps on your cases: 12 November 2026",
    ]
    assert "Second step" in summaries(daily)[1].body and "First step" not in summaries(daily)[1].body


def test_one_summary_a_day_even_when_a_step_from_before_7am_arrives_after_it_went(firm, admin, daily, travel):
    claim = issued_claim(owner=admin, claimant_firm=firm)
    assign(claim, admin, daily)
    step(claim, "a", "First step")
    travel(uk(2026, 11, 11, 7, 1), tick=False)
    run_sweep(SUMMARIES)
    # A step whose transaction began before 7 am and committed after the sweep took its lines.
    SummaryLine.objects.create(claim=claim, user=daily, subject="Late step", created_at=uk(2026, 11, 11, 6, 59))
    run = run_sweep(SUMMARIES)
    assert (run.examined, run.changed) == (0, 0)
    assert len(summaries(daily)) == 1
    travel(uk(2026, 11, 12, 7, 0), tick=False)
    run_sweep(SUMMARIES)
    assert len(summaries(daily)) == 2 and "Late step" in summaries(daily)[1].body


def test_the_7am_is_uk_time_in_summer(firm, admin, daily, travel):
    travel(uk(2027, 6, 14, 12, 0), tick=False)
    claim = issued_claim(owner=admin, claimant_firm=firm, response_deadline=uk(2027, 6, 30, 16, 0))
    assign(claim, admin, daily)
    step(claim, "a", "A step in June")
    travel(uk(2027, 6, 15, 6, 59), tick=False)  # 05:59 UTC
    assert run_sweep(SUMMARIES).changed == 0
    travel(uk(2027, 6, 15, 7, 0), tick=False)  # 06:00 UTC
    assert run_sweep(SUMMARIES).changed == 1


@pytest.mark.parametrize("state", [MemberState.SUSPENDED, MemberState.REMOVED])
def test_a_member_who_left_or_is_suspended_gets_no_summary(firm, admin, daily, travel, state):
    claim = issued_claim(owner=admin, claimant_firm=firm)
    assign(claim, admin, daily)
    step(claim, "a", "First step")
    FirmMembership.objects.filter(user=daily).update(state=state)
    travel(uk(2026, 11, 11, 8, 0), tick=False)
    assert run_sweep(SUMMARIES).examined == 0
    assert summaries(daily) == []


def test_nobody_with_nothing_to_summarise_gets_a_summary(firm, admin, daily, travel):
    travel(uk(2026, 11, 11, 8, 0), tick=False)
    assert run_sweep(SUMMARIES).examined == 0
    assert not Notification.objects.exists()


# -- the unassigned cases ---------------------------------------------------------------------------------


def test_each_administrator_gets_the_list_of_unassigned_cases_at_7am(firm, admin, travel, make_user):
    second_admin = make_member(firm, name="Blair Admin", admin=True, mfa=False)
    solicitor = make_member(firm, mfa=False)
    make_member(firm, admin=True, state=MemberState.REMOVED, mfa=False)
    waiting = issued_claim(owner=admin, claimant_firm=firm)
    soon = issued_claim(owner=admin, claimant_firm=firm, claimant_name="Bob Builder",
                        response_deadline=uk(2026, 11, 12, 16, 0))
    unfunded = issued_claim(owner=admin, claimant_firm=firm, state=ClaimState.AWAITING_FEE, claim_number=None,
                            claimant_name="Carol Client", claimant_reference="ABL/777")
    allocated = issued_claim(owner=admin, claimant_firm=firm, claimant_name="Dee Allocated")
    assign(allocated, admin, solicitor)
    draft = issued_claim(owner=admin, claimant_firm=firm, state=ClaimState.DRAFT, claim_number=None,
                         claimant_name="Ed Draft", response_deadline=None)
    shared_only = issued_claim(owner=admin, claimant_firm=firm, claimant_name="Hal Shared", response_deadline=None)
    assignments.share(shared_only, to=solicitor, actor=admin)
    issued_claim(owner=admin, claimant_firm=firm, state=ClaimState.SETTLED, claimant_name="Fay Settled",
                 response_deadline=None)
    defence = make_firm("Baker Solicitors")
    defended = issued_claim(owner=make_user(), defendant_firm=defence, claimant_name="Gus Against")

    travel(uk(2026, 11, 11, 6, 59), tick=False)
    assert run_sweep(UNASSIGNED).changed == 0

    travel(uk(2026, 11, 11, 7, 0), tick=False)
    assert run_sweep(UNASSIGNED).changed == 2, "Able & Co's list, and Baker's (which has no administrator to tell)"
    notes = lists()
    assert sorted(n.to_email for n in notes) == sorted([admin.email, second_admin.email])
    body = notes[0].body
    # The dashboard's "Unassigned" (casework.selectors.unassigned_cases): a draft nobody is assigned to, and a
    # case only shared, count too.
    assert notes[0].subject == "Able & Co LLP: 5 unassigned cases on 11 November 2026"
    assert "Ed Draft" in body and "Hal Shared" in body and f"/claims/{draft.public_id}/" in body
    assert f"Claim {waiting.claim_number}: Jane Claimant v Acme Kitchens Ltd" in body
    assert "Next deadline: 4pm on Monday 23 November 2026 (12 days left)" in body
    assert "Next deadline: 4pm on Thursday 12 November 2026 (1 day left)" in body
    assert body.index(soon.claim_number) < body.index(waiting.claim_number), "soonest deadline first"
    assert "Claim not yet issued: Carol Client v Acme Kitchens Ltd (you act for the claimant, your reference " \
        "ABL/777)" in body
    assert "No party has a deadline at the moment" in body  # the claim waiting for its fee
    assert f"/claims/{unfunded.public_id}/" in body
    for name in ("Dee Allocated", "Fay Settled", "Gus Against"):
        assert name not in body
    assert sorted((row.firm.name, row.cases) for row in UnassignedCasesEmail.objects.all()) == [
        ("Able & Co LLP", 5), ("Baker Solicitors", 1)]
    assert defended.defendant_firm == defence


def test_the_list_goes_once_a_day_whether_the_sweep_runs_twice_or_late(firm, admin, travel):
    claim = issued_claim(owner=admin, claimant_firm=firm)
    travel(uk(2026, 11, 11, 18, 0), tick=False)  # late
    assert run_sweep(UNASSIGNED).changed == 1
    assert run_sweep(UNASSIGNED).changed == 0
    assert len(lists()) == 1

    travel(uk(2026, 11, 12, 0, 30), tick=False)  # after midnight, before 7 am
    assert run_sweep(UNASSIGNED).examined == 0
    travel(uk(2026, 11, 12, 7, 30), tick=False)
    assert run_sweep(UNASSIGNED).changed == 1
    assert [n.subject for n in lists()] == [
        "Able & Co LLP: 1 unassigned case on 11 November 2026",
        "Able & Co LLP: 1 unassigned case on 12 November 2026",
    ]
    assert "(11 days left)" in lists()[1].body
    assert claim.claim_number in lists()[1].body


def test_the_defendants_firm_lists_an_issued_claim_it_has_not_assigned(admin, travel, make_user):
    defence = make_firm("Baker Solicitors")
    defence_admin = make_member(defence, admin=True, mfa=False)
    claim = issued_claim(owner=make_user(), defendant_firm=defence)
    issued_claim(owner=make_user(), defendant_firm=defence, state=ClaimState.AWAITING_FEE, claim_number=None,
                 claimant_name="Not Served Yet")
    travel(uk(2026, 11, 11, 7, 0), tick=False)
    run_sweep(UNASSIGNED)
    [note] = lists()
    assert note.to_email == defence_admin.email
    assert f"Claim {claim.claim_number}: Jane Claimant v Acme Kitchens Ltd (you act for the defendant, your " \
        "reference BAK/9)" in note.body
    assert "Not Served Yet" not in note.body


def test_no_list_for_a_firm_with_every_case_assigned_or_a_firm_not_approved(firm, admin, travel):
    solicitor = make_member(firm, mfa=False)
    claim = issued_claim(owner=admin, claimant_firm=firm)
    assign(claim, admin, solicitor)
    suspended = make_firm("Closed Firm", state=FirmState.SUSPENDED)
    make_member(suspended, admin=True, mfa=False)
    issued_claim(owner=admin, claimant_firm=suspended)
    travel(uk(2026, 11, 11, 7, 0), tick=False)
    assert run_sweep(UNASSIGNED).examined == 0
    assert lists() == []
