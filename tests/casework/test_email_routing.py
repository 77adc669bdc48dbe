"""Who hears of a step on a represented party's case: the firm's solicitors on the case who chose an email for
every step, a summary line for those who chose a daily summary, the firm's email for service while nobody is
on the case; a party in person is told as before; a step retried tells nobody twice."""
from __future__ import annotations

import pytest

from accounts.models import EmailUpdates, FirmMembership, MemberState
from casework.models import SummaryLine
from claims import assignments
from claims.notices import tell_parties
from court.models import Notification
from court.notifications import notify
from tests.firm_factories import make_firm, make_member

from .email_helpers import DEFENDANT_EMAIL, assign, issued_claim

pytestmark = pytest.mark.django_db


def _steps():
    """The emails about the steps on a claim (not the firm's own emails to a solicitor a case is allocated to)."""
    return Notification.objects.exclude(kind="case_allocated")


@pytest.fixture
def firm():
    return make_firm("Able & Co LLP")


@pytest.fixture
def admin(firm):
    return make_member(firm, name="Alex Admin", admin=True, mfa=False)


@pytest.fixture
def creator(firm):
    """The solicitor who made the claim for the firm: its owner."""
    return make_member(firm, name="Casey Creator", mfa=False)


@pytest.fixture
def claim(creator, firm):
    return issued_claim(owner=creator, claimant_firm=firm)


def step(claim, key="step-1", roles=("claimant",)):
    tell_parties(claim, key=key, headline="The defendant has responded", paragraphs=["Read the response."],
                 roles=roles)


def emails(claim):
    return sorted(_steps().filter(claim_number=claim.claim_number).values_list("to_email", flat=True))


def set_updates(user, choice):
    FirmMembership.objects.filter(user=user).update(email_updates=choice)


def test_the_assigned_solicitor_who_chose_every_step_gets_the_email_and_the_maker_does_not(firm, admin, claim):
    solicitor = make_member(firm, name="Sam Solicitor", mfa=False)
    assign(claim, admin, solicitor)
    step(claim)
    note = _steps().get(claim_number=claim.claim_number)
    assert (note.to_email, note.user, note.firm) == (solicitor.email, solicitor, firm)
    assert note.subject == f"Claim {claim.claim_number}: The defendant has responded"
    assert "Read the response." in note.body
    assert note.key.startswith("step-1:claimant~")
    assert not SummaryLine.objects.exists()


def test_a_user_who_chose_a_daily_summary_gets_a_summary_line_not_an_email(firm, admin, claim):
    solicitor = make_member(firm, mfa=False)
    set_updates(solicitor, EmailUpdates.DAILY)
    assign(claim, admin, solicitor)
    step(claim)
    assert emails(claim) == []
    line = SummaryLine.objects.get()
    assert (line.claim, line.user, line.subject, line.sent_at) == (
        claim, solicitor, f"Claim {claim.claim_number}: The defendant has responded", None)


def test_an_unassigned_case_emails_the_firms_email_for_service(firm, claim):
    step(claim)
    note = _steps().get(claim_number=claim.claim_number)
    assert (note.to_email, note.user, note.firm) == (firm.service_email, None, firm)


def test_a_shared_case_emails_the_assignee_and_the_colleague_it_is_shared_with(firm, admin, claim):
    lead, helper, other = (make_member(firm, mfa=False) for _ in range(3))
    assign(claim, admin, lead, shared=(helper,))
    step(claim)
    assert emails(claim) == sorted([lead.email, helper.email])
    assert other.email not in emails(claim) and firm.service_email not in emails(claim)


def test_a_mix_of_choices_on_one_case(firm, admin, claim):
    lead, helper = make_member(firm, mfa=False), make_member(firm, mfa=False)
    set_updates(helper, EmailUpdates.DAILY)
    assign(claim, admin, lead, shared=(helper,))
    step(claim)
    assert emails(claim) == [lead.email]
    assert list(SummaryLine.objects.values_list("user", flat=True)) == [helper.pk]


@pytest.mark.parametrize("state", [MemberState.SUSPENDED, MemberState.REMOVED])
def test_a_suspended_or_removed_member_gets_nothing(firm, admin, claim, state):
    lead, helper = make_member(firm, mfa=False), make_member(firm, mfa=False)
    assign(claim, admin, lead, shared=(helper,))
    FirmMembership.objects.filter(user=helper).update(state=state)  # even with the allocation still live
    step(claim)
    assert emails(claim) == [lead.email]
    FirmMembership.objects.filter(user=lead).update(state=state)
    step(claim, key="step-2")
    assert Notification.objects.get(key__startswith="step-2:").to_email == firm.service_email


def test_a_case_unassigned_again_goes_back_to_the_email_for_service(firm, admin, claim):
    solicitor = make_member(firm, mfa=False)
    assign(claim, admin, solicitor)
    assignments.unassign(claim, user=solicitor, actor=admin)
    step(claim)
    assert emails(claim) == [firm.service_email]


def test_a_defendant_in_person_and_a_claimant_in_person_are_told_as_before(firm, admin, claim, make_user):
    solicitor = make_member(firm, mfa=False)
    assign(claim, admin, solicitor)
    step(claim, roles=("defendant",))
    note = _steps().get(claim_number=claim.claim_number)
    assert (note.to_email, note.user, note.firm) == (DEFENDANT_EMAIL, None, None)
    assert note.key == "step-1:defendant", "an email sent as addressed keeps the step's own key"

    citizen = make_user()
    own = issued_claim(owner=citizen)
    step(own, key="own", roles=("claimant", "defendant"))
    assert sorted((n.to_email, n.user, n.firm) for n in _steps().filter(claim_number=own.claim_number)
            ) == [(DEFENDANT_EMAIL, None, None), (citizen.email, citizen, None)]


def test_the_defendants_registered_firm_hears_through_its_solicitors_or_its_email_for_service(make_user):
    defence = make_firm("Baker Solicitors")
    defence_admin = make_member(defence, admin=True, mfa=False)
    citizen = make_user()
    claim = issued_claim(owner=citizen, defendant_firm=defence)
    step(claim, roles=("claimant", "defendant"))
    assert sorted((n.to_email, n.firm_id) for n in _steps().filter(claim_number=claim.claim_number)) == \
        sorted([(citizen.email, None), (defence.service_email, defence.pk)])

    solicitor = make_member(defence, mfa=False)
    assign(claim, defence_admin, solicitor)
    step(claim, key="step-2", roles=("defendant",))
    note = Notification.objects.get(key__startswith="step-2:")
    assert (note.to_email, note.firm) == (solicitor.email, defence)


def test_both_sides_represented_each_firm_hears_only_through_its_own_people(firm, admin, claim):
    defence = make_firm("Baker Solicitors")
    claim.defendant_representation, claim.defendant_firm = "registered", defence
    claim.save()
    ours = make_member(firm, mfa=False)
    theirs_admin, theirs = make_member(defence, admin=True, mfa=False), make_member(defence, mfa=False)
    assign(claim, admin, ours)
    assign(claim, theirs_admin, theirs)
    step(claim, roles=("claimant", "defendant"))
    assert sorted((n.to_email, n.firm_id) for n in _steps().filter(claim_number=claim.claim_number)) == \
        sorted([(ours.email, firm.pk), (theirs.email, defence.pk)])


def test_a_direct_email_to_the_claim_owner_goes_to_the_firms_solicitors_and_says_which_it_queued(
        firm, admin, claim, creator):
    lead, helper = make_member(firm, mfa=False), make_member(firm, mfa=False)
    assign(claim, admin, lead, shared=(helper,))
    first = notify(kind="claim_issued", to_email=creator.email, user=creator, claim_number=claim.claim_number,
                   context={"claim": claim, "owner": creator})
    assert first is not None and first.to_email == lead.email, "the assignee's email comes back to the caller"
    assert emails(claim) == sorted([lead.email, helper.email])
    set_updates(lead, EmailUpdates.DAILY)
    set_updates(helper, EmailUpdates.DAILY)
    assert notify(kind="claim_issued", to_email=creator.email, user=creator, claim_number=claim.claim_number,
                  context={"claim": claim, "owner": creator}, key="issued-again") is None, "nobody emailed now"
    assert SummaryLine.objects.count() == 2


def test_an_email_without_a_claim_number_is_sent_as_addressed(firm, admin, claim, creator):
    assign(claim, admin, make_member(firm, mfa=False))
    note = notify(kind="claim_submitted", to_email=creator.email, user=creator,
                  context={"claim": claim, "owner": creator})
    assert (note.to_email, note.firm) == (creator.email, None)


def test_a_step_retried_tells_nobody_twice(firm, admin, claim):
    lead, helper = make_member(firm, mfa=False), make_member(firm, mfa=False)
    set_updates(helper, EmailUpdates.DAILY)
    assign(claim, admin, lead, shared=(helper,))
    step(claim)
    step(claim)
    assert emails(claim) == [lead.email]
    assert SummaryLine.objects.count() == 1
    again = notify(kind="claim_update", to_email=claim.owner.email, user=claim.owner,
                   claim_number=claim.claim_number, key="step-1:claimant",
                   context={"claim": claim, "role": "claimant", "headline": "x", "paragraphs": []})
    assert again == _steps().get(claim_number=claim.claim_number), "the first email comes back"

    summary_only = issued_claim(owner=claim.owner, claimant_firm=firm)
    assign(summary_only, admin, helper)
    step(summary_only, key="daily")
    assignments.assign(summary_only, to=lead, actor=admin)  # reallocated before the step is retried
    step(summary_only, key="daily")
    assert emails(summary_only) == [], "a step that went into a summary is not emailed when retried"
    assert SummaryLine.objects.filter(claim=summary_only).count() == 1


def test_a_step_retried_after_the_case_was_allocated_is_not_sent_again(firm, admin, claim):
    step(claim)
    assign(claim, admin, make_member(firm, mfa=False))
    step(claim)
    assert emails(claim) == [firm.service_email]
