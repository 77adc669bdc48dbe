"""A claim's legal representatives: who in a firm sees and acts on it, allocation within the firm, and the
dashboard columns the claim keeps (its next party deadline and latest activity)."""
from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from accounts.models import Firm, FirmMembership, FirmState, MemberState
from claims import assignments, services, timeline
from claims.constants import ClaimState
from claims.errors import NotAllowed
from claims.models import CaseAssignment, Claim
from claims.policy import Action, allowed_actions, can
from claims.representation import may_allocate
from court.models import Notification
from tests.conftest import uk
from tests.documents.conftest import submitted_data

pytestmark = pytest.mark.django_db


def _firm(name: str, sra: str, state: str = FirmState.APPROVED) -> Firm:
    return Firm.objects.create(name=name, sra_number=sra, state=state, service_email=f"{sra}@firm.example")


@pytest.fixture
def firm() -> Firm:
    return _firm("Able & Co", "100001")


@pytest.fixture
def member(make_user: Any, firm: Firm):
    def make(*, firm: Firm = firm, admin: bool = False, solicitor: bool = True, sees_all: bool = False,
             state: str = MemberState.ACTIVE) -> Any:
        user = make_user()
        FirmMembership.objects.create(user=user, firm=firm, is_firm_admin=admin, is_solicitor=solicitor,
                                      sees_all_cases=sees_all, state=state)
        return user
    return make


@pytest.fixture
def represented_claim(make_user: Any, firm: Firm):
    def make(**fields: Any) -> Claim:
        values: dict[str, Any] = {
            "owner": make_user(), "state": ClaimState.AWAITING_FEE, "created_at": uk(2027, 3, 1, 9),
            "last_saved_at": uk(2027, 3, 1, 9), "submitted_data": submitted_data(), "claimant_name": "Jane Claimant",
            "defendant_name": "Acme Kitchens Ltd", "submitted_at": uk(2027, 3, 1, 11), "submitted_on": date(2027, 3, 1),
            "claimant_firm": firm, "claimant_reference": "ABL/123", "fee": 80,
        }
        values.update(fields)
        return Claim.objects.create(**values)
    return make


def test_the_assigned_solicitor_acts_and_a_colleague_not_assigned_sees_nothing(member, represented_claim):
    admin, assigned, colleague = member(admin=True), member(), member()
    claim = represented_claim()
    assignments.assign(claim, to=assigned, actor=admin)
    assert Action.PAY_FEE in allowed_actions(assigned, claim)
    assert allowed_actions(colleague, claim) == set()
    assert allowed_actions(claim.owner, claim) == set(), "the account that made it counts only through the firm"


def test_help_with_fees_is_never_offered_to_a_represented_claimant(member, represented_claim):
    sees_all = member(sees_all=True)
    claim = represented_claim()
    actions = allowed_actions(sees_all, claim)
    assert Action.PAY_FEE in actions and Action.RETURN_TO_DRAFT in actions
    assert Action.APPLY_HWF not in actions


def test_a_member_without_the_solicitor_role_only_reads(member, represented_claim):
    supervisor = member(solicitor=False, sees_all=True)
    claim = represented_claim(state=ClaimState.ISSUED, issue_date=date(2027, 3, 3), claim_number="000MC100")
    assert allowed_actions(supervisor, claim) == {Action.VIEW, Action.CLAIMANT_DOCUMENTS, Action.READ_RESPONSE,
                                                  Action.READ_JUDGMENT}


@pytest.mark.parametrize("state", [MemberState.SUSPENDED, MemberState.REMOVED])
def test_a_suspended_or_removed_member_sees_nothing_even_when_assigned(member, represented_claim, state):
    admin, solicitor = member(admin=True), member()
    claim = represented_claim()
    assignments.assign(claim, to=solicitor, actor=admin)
    FirmMembership.objects.filter(user=solicitor).update(state=state)
    solicitor.refresh_from_db()
    assert not can(solicitor, claim, Action.VIEW)


@pytest.mark.parametrize("state", [FirmState.PENDING, FirmState.REJECTED, FirmState.SUSPENDED])
def test_a_firm_that_is_not_approved_acts_on_nothing(member, represented_claim, firm, state):
    everyone = member(admin=True, sees_all=True)
    claim = represented_claim()
    Firm.objects.filter(pk=firm.pk).update(state=state)
    everyone.refresh_from_db()
    assert allowed_actions(everyone, claim) == set()


def test_the_defendants_firm_reads_and_responds_to_an_issued_claim_and_sees_nothing_of_a_draft(member,
                                                                                                represented_claim):
    other = _firm("Baker LLP", "200002")
    defence = member(firm=other, sees_all=True)
    claim = represented_claim(defendant_representation="registered", defendant_firm=other)
    assert allowed_actions(defence, claim) == set()
    claim = represented_claim(state=ClaimState.ISSUED, issue_date=date(2027, 3, 3), claim_number="000MC101",
                              defendant_representation="registered", defendant_firm=other)
    # As the defendant in person: respond, or make an application or request meanwhile (17.1, 18.1).
    assert allowed_actions(defence, claim) == {Action.VIEW, Action.DEFENDANT_DOCUMENTS, Action.READ_RESPONSE,
                                               Action.READ_JUDGMENT, Action.RESPOND, Action.MAKE_APPLICATION}


def test_the_defendants_firm_allocates_a_claim_only_once_it_is_issued(member, represented_claim):
    other = _firm("Baker LLP", "200002")
    admin, solicitor = member(firm=other, admin=True), member(firm=other)
    draft = represented_claim(defendant_representation="registered", defendant_firm=other)
    assert not may_allocate(admin, draft)
    with pytest.raises(NotAllowed):
        assignments.assign(draft, to=solicitor, actor=admin)
    issued = represented_claim(state=ClaimState.ISSUED, issue_date=date(2027, 3, 3), claim_number="000MC102",
                               defendant_representation="registered", defendant_firm=other)
    assert may_allocate(admin, issued)
    assert assignments.assign(issued, to=solicitor, actor=admin).user == solicitor


def test_allocation_reallocates_shares_and_keeps_the_record(member, represented_claim, firm):
    admin, first, second, helper = member(admin=True), member(), member(), member()
    claim = represented_claim()
    assignments.assign(claim, to=first, actor=admin)
    assignments.share(claim, to=helper, actor=admin)
    assignments.assign(claim, to=second, actor=admin)
    assert assignments.assign(claim, to=second, actor=admin).user == second, "the same assignee again: no change"
    assert assignments.current_assignee(claim, firm).user == second
    assert not can(first, claim, Action.VIEW) and can(helper, claim, Action.VIEW)
    record = assignments.allocation_record(claim, firm)
    assert [(row.user, row.kind, row.ended_at is None) for row in record] == [
        (second, "assigned", True), (helper, "shared", True), (first, "assigned", False)]
    assert record[2].end_reason.startswith("Reallocated to")


def test_a_case_is_allocated_only_within_the_firm_and_only_by_its_administrator(member, represented_claim):
    admin, solicitor = member(admin=True), member()
    outsider = member(firm=_firm("Carter & Sons", "300003"))
    claim = represented_claim()
    with pytest.raises(NotAllowed):
        assignments.assign(claim, to=outsider, actor=admin)
    with pytest.raises(NotAllowed):
        assignments.assign(claim, to=solicitor, actor=solicitor)
    with pytest.raises(NotAllowed):
        assignments.assign(claim, to=member(solicitor=False), actor=admin)
    assert not CaseAssignment.objects.exists()


def test_releasing_a_member_ends_their_allocations(member, represented_claim):
    admin, leaver, helper = member(admin=True), member(), member()
    assigned, shared = represented_claim(), represented_claim()
    assignments.assign(assigned, to=leaver, actor=admin)
    assignments.assign(shared, to=helper, actor=admin)
    assignments.share(shared, to=leaver, actor=admin)
    now_unassigned = assignments.release_member(leaver.firm_membership, actor=admin)
    assert now_unassigned == [assigned]
    assert not CaseAssignment.objects.filter(user=leaver, ended_at__isnull=True).exists()


def test_the_claim_keeps_its_next_party_deadline_whatever_saves_it(represented_claim):
    claim = represented_claim(state=ClaimState.ISSUED, issue_date=date(2027, 3, 3), claim_number="000MC102",
                              response_deadline=uk(2027, 3, 31, 16), response_reminder_at=uk(2027, 3, 26, 9))
    assert claim.next_deadline_at == uk(2027, 3, 31, 16), "a reminder is not a party's deadline"
    claim.settlement_deadline = uk(2027, 3, 20, 16)
    claim.save(update_fields=["settlement_deadline"])
    assert Claim.objects.get(pk=claim.pk).next_deadline_at == uk(2027, 3, 20, 16)
    Claim.objects.filter(pk=claim.pk).update(settlement_deadline=None)
    claim.refresh_from_db()
    claim.save()
    assert claim.next_deadline_at == uk(2027, 3, 31, 16)


def test_the_response_deadline_counts_only_while_the_claim_waits_for_the_response(represented_claim):
    claim = represented_claim(state=ClaimState.AWAITING_CLAIMANT_RESPONSE, issue_date=date(2027, 3, 3),
                              claim_number="000MC103", response_deadline=uk(2027, 3, 31, 16),
                              claimant_response_deadline=uk(2027, 4, 20, 16))
    assert claim.next_deadline_at == uk(2027, 4, 20, 16)
    assert claim.party_deadline() == ("claimant_response_deadline", uk(2027, 4, 20, 16))


def test_each_recorded_step_is_the_claims_latest_activity(represented_claim, travel):
    claim = represented_claim()
    travel(uk(2027, 3, 2, 14, 5), tick=False)
    timeline.record(claim, kind="note", summary="A step", actor=None)
    assert Claim.objects.get(pk=claim.pk).last_activity_at == uk(2027, 3, 2, 14, 5)


def test_a_firm_members_step_is_a_party_step(member, represented_claim, travel):
    solicitor = member(sees_all=True)
    claim = represented_claim(state=ClaimState.ISSUED, issue_date=date(2027, 3, 3), claim_number="000MC104")
    travel(uk(2027, 3, 10, 10), tick=False)
    timeline.record(claim, kind="note", summary="The claimant's solicitor wrote", actor=solicitor)
    assert Claim.objects.get(pk=claim.pk).last_party_step_at == uk(2027, 3, 10, 10)


def test_the_solicitor_a_case_is_allocated_or_shared_to_is_emailed_once_and_the_firm_lists_it(
        member, represented_claim, firm):
    admin, first, second, helper = member(admin=True), member(), member(), member()
    claim = represented_claim(state=ClaimState.ISSUED, issue_date=date(2027, 3, 3), claim_number="000MC103")
    assignments.assign(claim, to=first, actor=admin)
    assignments.assign(claim, to=first, actor=admin)  # the same again: no second email
    assignments.share(claim, to=helper, actor=admin)
    assignments.assign(claim, to=second, actor=admin)
    told = list(Notification.objects.filter(kind="case_allocated").order_by("pk"))
    assert [(n.to_email, n.firm, n.claim_number) for n in told] == [
        (first.email, firm, "000MC103"), (helper.email, firm, "000MC103"), (second.email, firm, "000MC103")]
    assert "assigned a case" in told[0].body and "shared a case" in told[1].body
    assert "reallocated a case" in told[2].body and f"/claims/{claim.public_id}/" in told[2].body


def test_a_firms_claims_are_never_on_a_members_own_dashboard(client, member, represented_claim, firm):
    """A claim made for a client is the firm's: a solicitor who has left (or is suspended) does not see it on
    /claims/ either, though they made it."""
    maker = member()
    claim = represented_claim(owner=maker, claim_number="000MC120", state=ClaimState.ISSUED,
                              issue_date=date(2027, 3, 3))
    FirmMembership.objects.filter(user=maker).update(state=MemberState.REMOVED)
    client.force_login(maker)
    page = client.get("/claims/")
    assert page.status_code == 200 and "000MC120" not in page.content.decode()
    assert client.get(f"/claims/{claim.public_id}/").status_code == 404


def test_a_firms_draft_is_news_for_its_solicitors_on_it_not_for_a_maker_who_left(member, represented_claim, firm):
    maker, colleague = member(), member()
    admin = member(admin=True)
    kept = represented_claim(owner=maker, state=ClaimState.DRAFT, submitted_data=None,
                             draft_reminder_at=uk(2026, 11, 1, 9), draft_expires_at=uk(2026, 11, 20, 9))
    orphan = represented_claim(owner=maker, state=ClaimState.DRAFT, submitted_data=None,
                               draft_reminder_at=uk(2026, 11, 1, 9), draft_expires_at=uk(2026, 11, 20, 9))
    assignments.assign(kept, to=maker, actor=admin)
    assignments.assign(orphan, to=maker, actor=admin)
    assignments.assign(kept, to=colleague, actor=admin)  # reallocated to a colleague
    FirmMembership.objects.filter(user=maker).update(state=MemberState.REMOVED)
    assignments.release_member(FirmMembership.objects.get(user=maker), actor=admin)
    assert services.claim_draft_remind(claim_id=kept.pk) and services.claim_draft_remind(claim_id=orphan.pk)
    told = sorted(Notification.objects.filter(kind="draft_expiring").values_list("to_email", flat=True))
    assert told == sorted([colleague.email, firm.service_email]), "never the solicitor who left"
