"""What a firm's user may open (firms.middleware): the status page only while the firm is not approved (or the
member is suspended), and the authenticator app's set-up until they have one; where they land after signing in;
the "Your firm" link; the demo code command; postcodes for service."""
from __future__ import annotations

from io import StringIO
from typing import Any

import pytest
from allauth.mfa.models import Authenticator
from django.core.management import CommandError, call_command
from django.test import Client

from accounts.adapter import MFAAdapter
from accounts.emails import mark_email_verified
from accounts.models import FirmState, MemberState
from firms.mfa import DEMO_TOTP_SECRET, current_code
from firms.postcodes import england_and_wales_postcode
from tests.firm_factories import give_totp, make_firm, make_member, totp_code

pytestmark = pytest.mark.django_db

ACTIVATE = "/accounts/2fa/totp/activate/"
#: A page any signed-in person may open (not one the firm access rules leave open).
NORMAL_PAGE = "/eligibility/"


def client_for(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize("state", [FirmState.PENDING, FirmState.REJECTED, FirmState.SUSPENDED])
def test_a_member_of_a_firm_not_approved_sees_only_its_status(state):
    user = make_member(make_firm(state=state), admin=True)
    client = client_for(user)
    for path in ("/claims/", "/firm/users/", "/firm/register/", "/"):
        response = client.get(path)
        assert response.status_code == 302 and response["Location"] == "/firm/status/", path
    assert client.get("/firm/status/").status_code == 200
    assert client.get("/accounts/password/change/").status_code == 200, "account pages stay open"


def test_a_suspended_member_sees_nothing_of_the_firm_and_the_status_page_says_why(firm):
    user = make_member(firm, admin=True, state=MemberState.SUSPENDED, mfa=False)
    client = client_for(user)
    assert client.get("/firm/users/").status_code == 403
    assert client.get(NORMAL_PAGE).status_code == 200, "not sent to set up an app they cannot use"
    assert "suspended your access" in client.get("/firm/status/").content.decode()


def test_a_solicitor_without_an_authenticator_app_must_set_one_up(firm):
    user = make_member(firm, mfa=False)
    client = client_for(user)
    for path in ("/claims/", "/firm/users/", "/"):
        response = client.get(path)
        assert response.status_code == 302 and response["Location"] == ACTIVATE, path
    assert client.get("/firm/status/").status_code == 200
    assert client.get("/accounts/2fa/").status_code == 200
    assert client.get(ACTIVATE).status_code in (200, 302)  # 302: allauth asks for the password again first
    give_totp(user)
    assert client.get(NORMAL_PAGE).status_code == 200


def test_a_member_with_neither_role_and_a_citizen_need_no_app(firm, make_user):
    reader = make_member(firm, solicitor=False, sees_all=True, mfa=False)
    assert client_for(reader).get(NORMAL_PAGE).status_code == 200
    assert client_for(make_user()).get(NORMAL_PAGE).status_code == 200
    removed = make_member(firm, mfa=False, state=MemberState.REMOVED)
    assert client_for(removed).get(NORMAL_PAGE).status_code == 200


def test_setting_up_the_app_with_the_code_it_shows(firm, make_user):
    user = make_member(firm, email="new@able.example", mfa=False)
    mark_email_verified(user)
    client = Client()
    response = client.post("/accounts/login/", {"login": user.email, "password": "money-claims-test"})
    assert response.status_code == 302
    asked = client.get(ACTIVATE)
    assert asked["Location"].startswith("/accounts/reauthenticate/"), "the password again first"
    assert "Enter your password to continue" in client.get(asked["Location"]).content.decode()
    client.post("/accounts/reauthenticate/", {"password": "money-claims-test"})
    page = client.get(ACTIVATE)
    assert page.status_code == 200
    secret = page.context["form"].secret
    html = page.content.decode()
    assert secret in html and "data:image/svg+xml;base64," in html
    wrong = client.post(ACTIVATE, {"code": "000000" if totp_code(secret) != "000000" else "111111"})
    assert "There is a problem" in wrong.content.decode()
    done = client.post(ACTIVATE, {"code": totp_code(secret)})
    assert done.status_code == 302
    assert client.get(NORMAL_PAGE).status_code == 200


def test_after_signing_in_a_firm_member_lands_on_the_firm_page(firm):
    user = make_member(firm, email="sol@able.example")
    mark_email_verified(user)
    client = Client()
    client.post("/accounts/login/", {"login": user.email, "password": "money-claims-test"})
    response = client.post("/accounts/2fa/authenticate/", {"code": totp_code()})
    assert response.status_code == 302
    assert response["Location"].startswith("/firm/")


def test_a_pending_firms_member_lands_on_the_status_page(make_user):
    user = make_member(make_firm(state=FirmState.PENDING), email="p@able.example", admin=True)
    mark_email_verified(user)
    client = Client()
    client.post("/accounts/login/", {"login": user.email, "password": "money-claims-test"})
    response = client.post("/accounts/2fa/authenticate/", {"code": totp_code()})
    assert response["Location"] == "/firm/status/"


def test_the_your_firm_link_is_for_firm_members(firm, make_user):
    html = client_for(make_member(firm)).get(NORMAL_PAGE).content.decode()
    assert ">Your firm</a>" in html
    assert ">Your firm</a>" not in client_for(make_user()).get(NORMAL_PAGE).content.decode()


def test_demo_totp_code_prints_the_code_of_a_demo_user(firm, make_user):
    user = make_member(firm)
    out = StringIO()
    call_command("demo_totp_code", user.email, stdout=out)
    assert out.getvalue().strip() == current_code(DEMO_TOTP_SECRET) == totp_code()
    other = make_member(firm, mfa=False)
    give_totp(other, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    with pytest.raises(CommandError, match="demo secret"):
        call_command("demo_totp_code", other.email)
    with pytest.raises(CommandError, match="no authenticator"):
        call_command("demo_totp_code", make_user().email)


@pytest.mark.parametrize(("typed", "expected"), [
    ("ls1 4ab", "LS1 4AB"), ("SW1A1AA", "SW1A 1AA"), ("cf10 1ep", "CF10 1EP"), ("LL57 2PW", "LL57 2PW"),
    ("TD15 1AA", "TD15 1AA"), ("CA6 5AA", "CA6 5AA"), ("gl1 1aa", "GL1 1AA"),
])
def test_postcodes_in_england_and_wales(typed, expected):
    assert england_and_wales_postcode(typed) == expected


@pytest.mark.parametrize("typed", ["EH1 1YZ", "G1 1AA", "BT1 1AA", "TD1 1AA", "DD1 1AA", "ZE1 0AA", "IM1 1AA",
                                   "GY1 1AA", "LS1", "12345", ""])
def test_postcodes_refused(typed):
    with pytest.raises(ValueError):
        england_and_wales_postcode(typed)


def test_the_sign_in_security_page_and_solicitors_keep_their_app(firm, make_user):
    solicitor = make_member(firm)
    html = client_for(solicitor).get("/accounts/2fa/").content.decode()
    assert "Your sign-in security" in html and "You sign in with a code from your authenticator app" in html
    assert not MFAAdapter().can_delete_authenticator(Authenticator.objects.get(user=solicitor))
    citizen = make_user()
    give_totp(citizen)
    assert MFAAdapter().can_delete_authenticator(Authenticator.objects.get(user=citizen))
