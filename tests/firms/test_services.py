"""The firm's steps (firms.services): registering, the court's decisions, invitations, roles, suspending and
removing users, and the rule that a firm always keeps an active administrator."""
from __future__ import annotations

import threading
from datetime import timedelta
from typing import Any
from unittest import mock

import pytest
from django.db import connection

from accounts.models import (
    Firm,
    FirmInvitation,
    FirmMembership,
    FirmState,
    InvitationState,
    MemberState,
)
from claims import assignments
from claims.models import CaseAssignment
from court.models import Notification
from firms import services
from firms.services import FirmError, NotAllowed, Roles
from ocmc import clock
from tests.firm_factories import make_firm, make_member

pytestmark = pytest.mark.django_db

ADDRESS = {"address_line_1": "1 Park Row", "town": "Leeds", "postcode": "ls1 5hd",
           "service_email": "Service@Reg.example"}


def register(user: Any, **extra: Any) -> Firm:
    values = {"name": "Barr & Partners", "sra_number": "654321", **ADDRESS, **extra}
    return services.register_firm(user, **values)


def emails_to(address: str, kind: str = "") -> list[Notification]:
    found = Notification.objects.filter(to_email__iexact=address)
    return list(found.filter(kind=kind) if kind else found)


# -- registering -------------------------------------------------------------------------------------------


def test_the_registering_solicitor_is_the_first_administrator_of_a_pending_firm(make_user):
    user = make_user("reg@barr.example")
    firm = register(user)
    assert firm.state == FirmState.PENDING
    assert firm.postcode == "LS1 5HD" and firm.service_email == "service@reg.example"
    membership = FirmMembership.objects.get(user=user)
    assert membership.firm == firm and membership.state == MemberState.ACTIVE
    assert membership.is_firm_admin and membership.is_solicitor and membership.sees_all_cases
    assert {n.to_email for n in Notification.objects.filter(kind="firm_registered")} == {
        "reg@barr.example", "service@reg.example"}


def test_two_registrations_of_one_sra_number_at_once_give_one_firm_and_a_clear_error(make_user):
    register(make_user())
    # The second request checked before the first committed: the database's constraint decides.
    with mock.patch.object(services, "sra_number_taken", return_value=False):
        with pytest.raises(FirmError, match="already registered"):
            register(make_user())
    assert Firm.objects.filter(sra_number="654321").count() == 1


@pytest.mark.parametrize("postcode", ["EH1 1YZ", "G2 1DY", "BT1 5GS", "AB10 1AB", "KA1 1AA", "JE2 3AB", "nonsense"])
def test_an_address_outside_england_and_wales_is_refused(make_user, postcode):
    with pytest.raises(FirmError):
        register(make_user(), postcode=postcode)
    assert not Firm.objects.exists()


def test_a_member_of_a_firm_or_staff_cannot_register(make_user, admin_user):
    with pytest.raises(NotAllowed):
        register(admin_user)
    with pytest.raises(NotAllowed):
        register(make_user(is_staff=True))


def test_an_sra_number_is_unique_among_firms_not_rejected(make_user, caseworker):
    first = register(make_user())
    with pytest.raises(FirmError, match="SRA number"):
        register(make_user(), sra_number="654321")
    services.reject_firm(caseworker, first, reason="Not on the SRA register")
    again = register(make_user(), sra_number="654321")
    assert again.state == FirmState.PENDING


# -- the court's decisions ---------------------------------------------------------------------------------


def test_a_caseworker_approves_and_the_firm_is_told(make_user, caseworker):
    firm = register(make_user("reg@barr.example"))
    Notification.objects.all().delete()
    services.approve_firm(caseworker, firm)
    firm.refresh_from_db()
    assert firm.state == FirmState.APPROVED and firm.decided_at == clock.now()
    assert {n.to_email for n in Notification.objects.filter(kind="firm_approved")} == {
        "reg@barr.example", "service@reg.example"}


def test_reject_and_suspend_need_a_reason_which_the_firm_is_told(make_user, caseworker, firm, admin_user):
    pending = register(make_user())
    with pytest.raises(FirmError, match="reason"):
        services.reject_firm(caseworker, pending, reason="  ")
    services.reject_firm(caseworker, pending, reason="The SRA number is not the firm's")
    pending.refresh_from_db()
    assert pending.state == FirmState.REJECTED and pending.decision_reason == "The SRA number is not the firm's"
    assert "The SRA number is not the firm's" in emails_to("service@reg.example", "firm_rejected")[0].body

    services.suspend_firm(caseworker, firm, reason="Intervention by the SRA")
    firm.refresh_from_db()
    assert firm.state == FirmState.SUSPENDED
    assert "Intervention by the SRA" in emails_to(admin_user.email, "firm_suspended")[0].body
    services.reinstate_firm(caseworker, firm)
    firm.refresh_from_db()
    assert firm.state == FirmState.APPROVED and firm.decision_reason == ""
    assert emails_to(admin_user.email, "firm_reinstated")


def test_a_decision_the_state_does_not_allow_is_refused(caseworker, firm):
    with pytest.raises(FirmError):
        services.approve_firm(caseworker, firm)  # already approved
    with pytest.raises(FirmError):
        services.reinstate_firm(caseworker, firm)  # not suspended


def test_only_staff_who_may_change_firms_decide(make_user, firm, admin_user):
    pending = register(make_user())
    with pytest.raises(NotAllowed):
        services.approve_firm(admin_user, pending)
    with pytest.raises(NotAllowed):
        services.approve_firm(make_user(is_staff=True), pending)  # staff, but in no group
    pending.refresh_from_db()
    assert pending.state == FirmState.PENDING


# -- invitations -------------------------------------------------------------------------------------------


def test_an_invitation_is_emailed_with_a_link_whose_token_is_kept_only_hashed(firm, admin_user):
    invitation, token = services.invite(admin_user, firm, "New@Able.example", Roles(solicitor=True))
    assert invitation.email == "new@able.example" and token not in invitation.token_hash
    assert invitation.token_hash == services.hash_token(token)
    assert invitation.expires_at == clock.now() + timedelta(days=7)
    email = emails_to("new@able.example", "firm_invitation")[0]
    assert f"/firm/invitations/{token}/" in email.body


def test_the_invitee_accepts_once_with_the_invited_roles(firm, admin_user, make_user):
    _, token = services.invite(admin_user, firm, "new@able.example", Roles(admin=True, solicitor=False))
    user = make_user("new@able.example")
    membership = services.accept(user, token)
    assert membership.firm == firm and membership.is_firm_admin and not membership.is_solicitor
    invitation = FirmInvitation.objects.get()
    assert invitation.state == InvitationState.ACCEPTED and invitation.accepted_by == user
    with pytest.raises(FirmError, match="already been used"):
        services.accept(user, token)


def test_an_invitation_expires_after_seven_days(firm, admin_user, make_user, travel):
    _, token = services.invite(admin_user, firm, "new@able.example", Roles())
    user = make_user("new@able.example")
    travel(clock.now() + timedelta(days=7), tick=False)
    with pytest.raises(FirmError, match="expired"):
        services.accept(user, token)
    assert not FirmMembership.objects.filter(user=user).exists()


def test_sending_again_gives_a_new_link_and_the_old_one_stops_working(firm, admin_user, make_user, travel):
    invitation, old = services.invite(admin_user, firm, "new@able.example", Roles())
    travel(clock.now() + timedelta(days=6), tick=False)
    invitation, new = services.resend(admin_user, invitation)
    assert invitation.times_sent == 2 and invitation.expires_at == clock.now() + timedelta(days=7)
    assert services.invitation_for(old) is None
    travel(clock.now() + timedelta(days=3), tick=False)  # past the first link's expiry
    user = make_user("new@able.example")
    with pytest.raises(FirmError, match="not valid"):
        services.accept(user, old)
    assert services.accept(user, new).firm == firm
    assert len(emails_to("new@able.example", "firm_invitation")) == 2


def test_a_withdrawn_invitation_cannot_be_accepted(firm, admin_user, make_user):
    invitation, token = services.invite(admin_user, firm, "new@able.example", Roles())
    services.revoke(admin_user, invitation)
    with pytest.raises(FirmError, match="withdrawn"):
        services.accept(make_user("new@able.example"), token)
    with pytest.raises(FirmError):
        services.resend(admin_user, invitation)


def test_accepting_needs_the_invited_email_address(firm, admin_user, make_user):
    _, token = services.invite(admin_user, firm, "new@able.example", Roles())
    with pytest.raises(NotAllowed, match="new@able.example"):
        services.accept(make_user("someone.else@example.com"), token)
    assert FirmInvitation.objects.get().state == InvitationState.SENT


def test_only_an_administrator_of_an_approved_firm_invites(firm, admin_user):
    solicitor = make_member(firm)
    with pytest.raises(NotAllowed):
        services.invite(solicitor, firm, "x@able.example", Roles())
    other = make_firm()
    with pytest.raises(NotAllowed):
        services.invite(admin_user, other, "x@able.example", Roles())
    pending = make_firm(state=FirmState.PENDING)
    pending_admin = make_member(pending, admin=True)
    with pytest.raises(NotAllowed):
        services.invite(pending_admin, pending, "x@able.example", Roles())


def test_someone_already_in_a_firm_is_not_invited(firm, admin_user):
    elsewhere = make_member(make_firm())
    with pytest.raises(FirmError, match="already a member"):
        services.invite(admin_user, firm, elsewhere.email, Roles())
    services.invite(admin_user, firm, "once@able.example", Roles())
    with pytest.raises(FirmError, match="already has an invitation"):
        services.invite(admin_user, firm, "once@able.example", Roles())


def test_an_invitation_needs_a_role(firm, admin_user):
    with pytest.raises(FirmError, match="at least one"):
        services.invite(admin_user, firm, "x@able.example", Roles(admin=False, solicitor=False, sees_all=True))


def test_an_invitation_to_a_firm_since_suspended_cannot_be_accepted(firm, admin_user, caseworker, make_user):
    _, token = services.invite(admin_user, firm, "new@able.example", Roles())
    services.suspend_firm(caseworker, firm, reason="Intervention")
    with pytest.raises(FirmError, match="cannot add users"):
        services.accept(make_user("new@able.example"), token)


# -- roles and the last administrator ----------------------------------------------------------------------


def test_roles_change(firm, admin_user):
    solicitor = make_member(firm)
    membership = services.set_roles(admin_user, solicitor.firm_membership, admin=True, solicitor=False,
                                    sees_all=True)
    membership.refresh_from_db()
    assert (membership.is_firm_admin, membership.is_solicitor, membership.sees_all_cases) == (True, False, True)
    with pytest.raises(FirmError, match="at least one"):
        services.set_roles(admin_user, membership, admin=False, solicitor=False, sees_all=False)


def test_the_last_active_administrator_cannot_lose_the_role_or_be_suspended_or_removed(firm, admin_user):
    mine = admin_user.firm_membership
    for step in (lambda: services.set_roles(admin_user, mine, admin=False, solicitor=True, sees_all=True),
                 lambda: services.suspend_member(admin_user, mine),
                 lambda: services.remove_member(admin_user, mine)):
        with pytest.raises(FirmError, match="at least one active firm administrator"):
            step()
    mine.refresh_from_db()
    assert mine.is_firm_admin and mine.state == MemberState.ACTIVE


def test_a_suspended_administrator_does_not_count(firm, admin_user):
    other = make_member(firm, admin=True, state=MemberState.SUSPENDED)
    with pytest.raises(FirmError, match="at least one active"):
        services.remove_member(admin_user, admin_user.firm_membership)
    assert FirmMembership.objects.get(user=other).state == MemberState.SUSPENDED


def test_with_a_second_administrator_one_may_step_down(firm, admin_user):
    make_member(firm, admin=True)
    services.set_roles(admin_user, admin_user.firm_membership, admin=False, solicitor=True, sees_all=False)
    assert not FirmMembership.objects.get(user=admin_user).is_firm_admin


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_administrators_removing_each_other_at_once_leave_one(db):
    firm = make_firm()
    first, second = make_member(firm, admin=True), make_member(firm, admin=True)
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def remove(actor: Any, target: Any) -> None:
        try:
            barrier.wait()
            services.remove_member(actor, FirmMembership.objects.get(user=target))
            outcomes.append("removed")
        except FirmError as exc:
            outcomes.append(str(exc))
        finally:
            connection.close()

    threads = [threading.Thread(target=remove, args=(first, second)),
               threading.Thread(target=remove, args=(second, first))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == sorted(["removed", services.LAST_ADMIN])
    assert FirmMembership.objects.filter(firm=firm, state=MemberState.ACTIVE, is_firm_admin=True).count() == 1


# -- suspending, reinstating, removing ---------------------------------------------------------------------


def test_removing_a_user_releases_their_cases_and_tells_the_firm(firm, admin_user, firm_claim):
    leaver = make_member(firm, name="Lee Leaver")
    mine, shared = firm_claim(firm, "000MC201"), firm_claim(firm, "000MC202")
    assignments.assign(mine, to=leaver, actor=admin_user)
    assignments.assign(shared, to=admin_user, actor=admin_user)
    assignments.share(shared, to=leaver, actor=admin_user)
    released = services.remove_member(admin_user, leaver.firm_membership)
    assert released == [mine]
    assert not CaseAssignment.objects.filter(user=leaver, ended_at__isnull=True).exists()
    assert assignments.current_assignee(shared, firm).user == admin_user
    membership = FirmMembership.objects.get(user=leaver)
    assert membership.state == MemberState.REMOVED
    assert membership.state_changed_by == admin_user and membership.state_changed_at == clock.now()
    told = {n.to_email: n for n in Notification.objects.filter(kind="firm_member_removed")}
    assert set(told) == {admin_user.email, firm.service_email}
    assert "000MC201" in told[firm.service_email].body and "000MC202" not in told[firm.service_email].body
    assert "Lee Leaver" in told[admin_user.email].subject


def test_taking_the_solicitor_role_away_releases_their_cases_and_tells_the_firm(firm, admin_user, firm_claim):
    member = make_member(firm, name="Pat Paralegal")
    mine, shared = firm_claim(firm, "000MC211"), firm_claim(firm, "000MC212")
    assignments.assign(mine, to=member, actor=admin_user)
    assignments.assign(shared, to=admin_user, actor=admin_user)
    assignments.share(shared, to=member, actor=admin_user)
    services.set_roles(admin_user, member.firm_membership, admin=True, solicitor=False, sees_all=True)
    assert not CaseAssignment.objects.filter(user=member, ended_at__isnull=True).exists()
    assert assignments.current_assignee(mine, firm) is None
    told = Notification.objects.get(kind="firm_member_not_solicitor", to_email=admin_user.email)
    assert "000MC211" in told.body and "Pat Paralegal" in told.subject
    # Changing another role leaves the allocations alone.
    colleague = make_member(firm)
    assignments.assign(mine, to=colleague, actor=admin_user)
    services.set_roles(admin_user, colleague.firm_membership, admin=False, solicitor=True, sees_all=True)
    assert assignments.current_assignee(mine, firm).user == colleague


def test_suspending_releases_the_cases_and_reinstating_lets_them_act_again(firm, admin_user, firm_claim):
    member = make_member(firm)
    claim = firm_claim(firm, "000MC203")
    assignments.assign(claim, to=member, actor=admin_user)
    assert services.suspend_member(admin_user, member.firm_membership) == [claim]
    assert FirmMembership.objects.get(user=member).state == MemberState.SUSPENDED
    assert "000MC203" in emails_to(admin_user.email, "firm_member_suspended")[0].body
    with pytest.raises(FirmError):
        services.suspend_member(admin_user, member.firm_membership)
    services.reinstate_member(admin_user, FirmMembership.objects.get(user=member))
    assert FirmMembership.objects.get(user=member).state == MemberState.ACTIVE
    assert assignments.current_assignee(claim, firm) is None, "their cases stay unassigned"


def test_a_removed_user_cannot_be_changed_again(firm, admin_user):
    member = make_member(firm)
    services.remove_member(admin_user, member.firm_membership)
    with pytest.raises(FirmError, match="no longer a member"):
        services.reinstate_member(admin_user, FirmMembership.objects.get(user=member))


def test_only_the_firms_active_administrator_manages_its_users(firm, admin_user):
    member = make_member(firm)
    colleague = make_member(firm)
    with pytest.raises(NotAllowed):
        services.remove_member(colleague, member.firm_membership)
    other_admin = make_member(make_firm(), admin=True)
    with pytest.raises(NotAllowed):
        services.suspend_member(other_admin, member.firm_membership)
    assert FirmMembership.objects.get(user=member).state == MemberState.ACTIVE


def test_a_pending_firms_administrator_can_do_nothing(make_user):
    firm = make_firm(state=FirmState.PENDING)
    admin = make_member(firm, admin=True)
    member = make_member(firm)
    with pytest.raises(NotAllowed):
        services.remove_member(admin, member.firm_membership)
    with pytest.raises(NotAllowed):
        services.set_roles(admin, member.firm_membership, admin=True, solicitor=True, sees_all=True)


def test_no_limit_on_the_number_of_users(firm, admin_user, make_user):
    for number in range(30):
        _, token = services.invite(admin_user, firm, f"user{number}@able.example", Roles())
        services.accept(make_user(f"user{number}@able.example"), token)
    assert len(services.members_of(firm)) == 31
