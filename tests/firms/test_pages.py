"""The firm's pages: forms with errors re-render with the error summary; who may open what (403 for a member
who is not an administrator, 404 for another firm's user); the invitation link for someone signed out, signed
in with the wrong account, and once used."""
from __future__ import annotations

import html as html_lib
import re
from typing import Any

import pytest
from django.test import Client

from accounts.models import FirmInvitation, FirmMembership, FirmState, InvitationState, MemberState
from court.models import Notification
from firms import services
from firms.services import Roles
from tests.firm_factories import make_firm, make_member

pytestmark = pytest.mark.django_db


def client_for(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def summary(html: str) -> list[str]:
    block = re.search(r'<div class="govuk-error-summary".*?</ul>', html, re.S)
    assert block, "no error summary"
    items = re.findall(r"<li>(.*?)</li>", block.group(0), re.S)
    return [html_lib.unescape(re.sub(r"<[^>]+>", "", item)).strip() for item in items]


REGISTRATION = {"name": "Barr & Partners", "sra_number": "654321", "address_line_1": "1 Park Row",
                "address_line_2": "", "town": "Leeds", "postcode": "LS1 5HD", "dx": "",
                "service_email": "service@barr.example"}


def test_registering_a_firm_then_seeing_its_status(make_user):
    user = make_user()
    client = client_for(user)
    assert client.get("/firm/register/").status_code == 200
    response = client.post("/firm/register/", REGISTRATION)
    assert response.status_code == 302 and response["Location"] == "/firm/status/"
    page = client.get("/firm/status/").content.decode()
    assert "waiting for the court" in page and "Barr &amp; Partners" in page


def test_the_registration_form_with_errors_shows_the_error_summary(make_user):
    client = client_for(make_user())
    make_firm(sra_number="654321")
    response = client.post("/firm/register/", {**REGISTRATION, "name": "", "postcode": "EH1 1YZ",
                                               "service_email": "not an email"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: " in html
    assert summary(html) == [
        "Enter the firm's name",
        "A firm with this SRA number is already registered",
        "Enter a postcode in England or Wales: the address for service must be in England or Wales",
        "Enter an email address in the correct format, like name@example.com",
    ]
    assert 'href="#id_postcode"' in html
    assert not FirmMembership.objects.exists()


def test_staff_cannot_register_and_a_member_is_sent_to_the_status_page(make_user, admin_user):
    assert client_for(make_user(is_staff=True)).get("/firm/register/").status_code == 403
    assert client_for(admin_user).get("/firm/register/")["Location"] == "/firm/status/"


def test_the_users_page_lists_members_with_roles_and_state(firm, admin_user):
    make_member(firm, name="Sue Suspended", state=MemberState.SUSPENDED)
    removed = make_member(firm, name="Rae Removed", state=MemberState.REMOVED)
    html = client_for(admin_user).get("/firm/users/").content.decode()
    assert "Alex Admin" in html and "Firm administrator, Solicitor" in html
    assert "Sue Suspended" in html and "Suspended" in html
    assert removed.display_name not in html
    assert 'href="/firm/users/invite/"' in html and 'href="/firm/invitations/"' in html


@pytest.mark.parametrize("path", ["/firm/users/", "/firm/users/invite/", "/firm/invitations/"])
def test_a_member_who_is_not_an_administrator_is_refused(firm, admin_user, path):
    assert client_for(make_member(firm)).get(path).status_code == 403


def test_another_firms_user_and_invitation_are_not_found(firm, admin_user):
    other = make_firm()
    stranger = make_member(other)
    invitation, _ = services.invite(make_member(other, admin=True), other, "x@other.example", Roles())
    client = client_for(admin_user)
    for path in (f"/firm/users/{stranger.firm_membership.pk}/", f"/firm/users/{stranger.firm_membership.pk}/remove/",
                 f"/firm/invitations/{invitation.pk}/withdraw/"):
        assert client.get(path).status_code == 404, path
    assert client.post(f"/firm/users/{stranger.firm_membership.pk}/remove/").status_code == 404
    assert FirmMembership.objects.get(user=stranger).state == MemberState.ACTIVE


def test_inviting_with_errors_then_sending(firm, admin_user):
    client = client_for(admin_user)
    html = client.post("/firm/users/invite/", {"email": "nope", "roles": ["sees_all"]}).content.decode()
    assert summary(html) == ["Enter an email address in the correct format, like name@example.com",
                             "Select firm administrator, solicitor or both"]
    response = client.post("/firm/users/invite/", {"email": "new@able.example", "roles": ["solicitor"]})
    assert response["Location"] == "/firm/invitations/"
    assert "new@able.example" in client.get("/firm/invitations/").content.decode()
    again = client.post("/firm/users/invite/", {"email": "new@able.example", "roles": ["solicitor"]})
    assert summary(again.content.decode()) == [
        "This person already has an invitation waiting: send it again from the invitations page"]


def test_sending_again_and_withdrawing_have_confirmation_pages(firm, admin_user):
    invitation, _ = services.invite(admin_user, firm, "new@able.example", Roles())
    client = client_for(admin_user)
    assert "Send the invitation again" in client.get(f"/firm/invitations/{invitation.pk}/resend/").content.decode()
    assert client.post(f"/firm/invitations/{invitation.pk}/resend/").status_code == 302
    assert FirmInvitation.objects.get().times_sent == 2
    assert "Withdraw the invitation" in client.get(f"/firm/invitations/{invitation.pk}/withdraw/").content.decode()
    client.post(f"/firm/invitations/{invitation.pk}/withdraw/")
    assert FirmInvitation.objects.get().state == InvitationState.REVOKED
    assert client.get(f"/firm/invitations/{invitation.pk}/withdraw/").status_code == 404


def test_changing_roles_asks_for_confirmation(firm, admin_user):
    member = make_member(firm).firm_membership
    client = client_for(admin_user)
    url = f"/firm/users/{member.pk}/roles/"
    html = client.post(url, {"roles": []}).content.decode()
    assert summary(html) == ["Select firm administrator, solicitor or both"]
    confirm = client.post(url, {"roles": ["admin", "sees_all"]}).content.decode()
    assert "Confirm the new roles" in confirm
    member.refresh_from_db()
    assert not member.is_firm_admin, "nothing changes before the confirmation"
    done = client.post(url, {"roles": ["admin", "sees_all"], "confirm": "yes"})
    assert done["Location"] == f"/firm/users/{member.pk}/"
    member.refresh_from_db()
    assert (member.is_firm_admin, member.is_solicitor, member.sees_all_cases) == (True, False, True)


def test_the_last_administrator_is_told_why_they_cannot_step_down(firm, admin_user):
    mine = admin_user.firm_membership
    client = client_for(admin_user)
    html = client.post(f"/firm/users/{mine.pk}/roles/", {"roles": ["solicitor"], "confirm": "yes"}).content.decode()
    assert summary(html) == [services.LAST_ADMIN]
    html = client.post(f"/firm/users/{mine.pk}/remove/").content.decode()
    assert summary(html) == [services.LAST_ADMIN]


def test_suspend_reinstate_and_remove_pages(firm, admin_user):
    member = make_member(firm, name="Sam Solicitor").firm_membership
    client = client_for(admin_user)
    assert "Suspend Sam Solicitor" in client.get(f"/firm/users/{member.pk}/suspend/").content.decode()
    client.post(f"/firm/users/{member.pk}/suspend/")
    member.refresh_from_db()
    assert member.state == MemberState.SUSPENDED
    client.post(f"/firm/users/{member.pk}/reinstate/")
    member.refresh_from_db()
    assert member.state == MemberState.ACTIVE
    assert client.post(f"/firm/users/{member.pk}/remove/")["Location"] == "/firm/users/"
    member.refresh_from_db()
    assert member.state == MemberState.REMOVED
    assert client.get(f"/firm/users/{member.pk}/").status_code == 404


# -- the invitation's link -----------------------------------------------------------------------------------


def test_someone_signed_out_is_asked_to_sign_in_or_create_an_account(firm, admin_user):
    _, token = services.invite(admin_user, firm, "new@able.example", Roles())
    html = Client().get(f"/firm/invitations/{token}/").content.decode()
    assert "Join Able &amp; Co LLP" in html
    assert f"/accounts/signup/?next=%2Ffirm%2Finvitations%2F{token}%2F" in html
    assert f"/accounts/login/?next=%2Ffirm%2Finvitations%2F{token}%2F" in html


def test_creating_an_account_from_the_link_needs_no_confirmation_email_and_then_accepts(firm, admin_user):
    _, token = services.invite(admin_user, firm, "new@able.example", Roles(solicitor=True, sees_all=True))
    client = Client()
    link = f"/firm/invitations/{token}/"
    client.get(link)
    response = client.post(f"/accounts/signup/?next={link}", {
        "full_name": "Nia New", "email": "new@able.example", "password1": "a-long-new-password-9",
        "password2": "a-long-new-password-9", "next": link,
    })
    assert response.status_code == 302 and response["Location"] == link, response.content.decode()[:2000]
    assert client.get(link).status_code == 200
    response = client.post(link)
    assert response.status_code == 302
    membership = FirmMembership.objects.get(user__email="new@able.example")
    assert membership.firm == firm and membership.sees_all_cases and not membership.is_firm_admin
    assert client.post(link).status_code == 302, "a second press is not an error"
    assert not Notification.objects.filter(to_email="new@able.example", kind__icontains="confirm").exists()


def test_the_wrong_account_cannot_accept(firm, admin_user, make_user):
    _, token = services.invite(admin_user, firm, "new@able.example", Roles())
    client = client_for(make_user("other@example.com"))
    response = client.post(f"/firm/invitations/{token}/")
    assert response.status_code == 403 and "is for new@able.example" in response.content.decode()
    assert FirmInvitation.objects.get().state == InvitationState.SENT


@pytest.mark.parametrize("what", ["used", "withdrawn", "expired", "unknown"])
def test_a_link_that_cannot_be_used_says_so(firm, admin_user, make_user, travel, what):
    invitation, token = services.invite(admin_user, firm, "new@able.example", Roles())
    if what == "used":
        services.accept(make_user("new@able.example"), token)
    elif what == "withdrawn":
        services.revoke(admin_user, invitation)
    elif what == "expired":
        travel(invitation.expires_at, tick=False)
    else:
        token = "not-a-token"
    response = Client().get(f"/firm/invitations/{token}/")
    assert response.status_code in (404, 410)
    assert "This invitation link cannot be used" in response.content.decode()
    assert what.replace("unknown", "not valid") in response.content.decode()


def test_the_status_page_gives_the_reason_for_a_rejection(make_user):
    firm = make_firm(state=FirmState.REJECTED, decision_reason="Not on the SRA register")
    html = client_for(make_member(firm, admin=True)).get("/firm/status/").content.decode()
    assert "did not approve" in html and "Not on the SRA register" in html


def test_the_status_page_is_for_firm_members_only(make_user):
    assert client_for(make_user()).get("/firm/status/").status_code == 404
