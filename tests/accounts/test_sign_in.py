"""Signing in and out, and the lockout after repeated failures."""
from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse

from accounts.adapter import lockout_minutes
from tests.conftest import uk

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"  # make_user's
LOCKED = "You have tried to sign in too many times. Try again in 15 minutes"


def sign_in(client, email: str, password: str = PASSWORD, **extra: str):
    return client.post(reverse("account_login"), {"login": email, "password": password, **extra})


def test_the_sign_in_page(client):
    page = client.get(reverse("account_login")).content.decode()
    assert "<title>Sign in – Money Claims</title>" in page
    assert page.count("<h1") == 1 and '<h1 class="govuk-heading-l">Sign in</h1>' in page
    assert '<label class="govuk-label" for="id_login">Email address</label>' in page
    assert '<label class="govuk-label" for="id_password">Password</label>' in page
    assert 'name="login" type="email" autocomplete="email" spellcheck="false"' in page
    assert 'name="password" type="password" autocomplete="current-password"' in page
    assert "placeholder" not in page and "Remember" not in page
    assert 'novalidate' in page and ">Sign in</button>" in page
    assert f'href="{reverse("account_reset_password")}">Forgotten your password?</a>' in page
    assert f'href="{reverse("account_signup")}">Create an account</a>' in page


def test_signing_in_goes_to_your_claims_or_where_you_were_going(client, make_user):
    make_user(email="pat@example.com")
    response = sign_in(client, "Pat@Example.com")
    assert response.status_code == 302 and response["Location"] == reverse("claims:dashboard")
    assert client.get(reverse("claims:dashboard")).status_code == 200

    client.post(reverse("account_logout"))
    response = client.get(reverse("claims:dashboard"))
    assert response["Location"] == f"{reverse('account_login')}?next={reverse('claims:dashboard')}"
    response = sign_in(client, "pat@example.com", next="/court-closed-days/")
    assert response["Location"] == "/court-closed-days/"


def test_a_wrong_password_shows_an_error_summary_and_keeps_the_email(client, make_user):
    make_user(email="pat@example.com")
    response = sign_in(client, "pat@example.com", "not-the-password")
    page = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: Sign in – Money Claims</title>" in page
    assert '<a href="#id_login">Enter a correct email address and password</a>' in page
    assert page.index("govuk-error-summary") < page.index("<h1")
    assert 'name="login" type="email" value="pat@example.com"' in page
    assert "not-the-password" not in page
    assert not response.wsgi_request.user.is_authenticated


def test_empty_fields(client):
    page = sign_in(client, "", "").content.decode()
    assert '<a href="#id_login">Enter your email address</a>' in page
    assert '<a href="#id_password">Enter your password</a>' in page


def test_an_email_address_without_an_account_gets_the_same_message(client):
    page = sign_in(client, "nobody@example.com").content.decode()
    assert "Enter a correct email address and password" in page


def test_five_failures_lock_the_address_for_15_minutes_even_with_the_right_password(client, make_user, travel):
    travel(uk(2026, 11, 23, 10, 0))
    make_user(email="pat@example.com")
    make_user(email="sam@example.com")
    assert lockout_minutes() == 15
    for _ in range(5):
        page = sign_in(client, "pat@example.com", "guess").content.decode()
        assert "Enter a correct email address and password" in page

    response = sign_in(client, "pat@example.com")
    page = response.content.decode()
    assert response.status_code == 200 and not response.wsgi_request.user.is_authenticated
    assert f'<a href="#id_login">{LOCKED}</a>' in page
    assert "<title>Error: Sign in" in page
    # The address is locked whatever the letter case, and from any browser.
    assert LOCKED in sign_in(type(client)(), "PAT@example.com").content.decode()
    # Someone else can still sign in.
    assert sign_in(type(client)(), "sam@example.com").status_code == 302

    travel(uk(2026, 11, 23, 10, 14))
    assert LOCKED in sign_in(client, "pat@example.com").content.decode()
    travel(uk(2026, 11, 23, 10, 15) + timedelta(seconds=5))
    response = sign_in(client, "pat@example.com")
    assert response.status_code == 302 and response["Location"] == reverse("claims:dashboard")


def test_successful_sign_ins_do_not_reset_the_count_of_failures(client, make_user, travel):
    travel(uk(2026, 11, 23, 10, 0))
    make_user(email="pat@example.com")
    for _ in range(4):
        sign_in(client, "pat@example.com", "guess")
    assert sign_in(client, "pat@example.com").status_code == 302
    client.post(reverse("account_logout"))
    sign_in(client, "pat@example.com", "guess")  # the fifth failure
    assert LOCKED in sign_in(client, "pat@example.com").content.decode()


def test_sign_out_is_a_post_from_the_navigation(client, make_user):
    signed_out = client.get(reverse("home")).content.decode()
    assert f'href="{reverse("account_login")}">Sign in</a>' in signed_out
    assert f'href="{reverse("account_signup")}">Create an account</a>' in signed_out
    assert "Sign out" not in signed_out

    client.force_login(make_user())
    signed_in = client.get(reverse("home")).content.decode()
    assert f'<form method="post" action="{reverse("account_logout")}">' in signed_in
    assert "Sign out</button>" in signed_in and "Create an account" not in signed_in

    # A GET only asks: signing out needs a POST.
    page = client.get(reverse("account_logout")).content.decode()
    assert '<h1 class="govuk-heading-l">Sign out</h1>' in page
    assert client.get(reverse("claims:dashboard")).status_code == 200

    response = client.post(reverse("account_logout"))
    assert response.status_code == 302 and response["Location"] == reverse("home")
    assert "You have signed out" in client.get(response["Location"]).content.decode()
    assert client.get(reverse("claims:dashboard")).status_code == 302


def test_the_old_sign_in_address_redirects(client):
    response = client.get("/accounts/sign-in/?next=/claims/")
    assert response.status_code == 302 and response["Location"] == f"{reverse('account_login')}?next=/claims/"


def test_staff_sign_in_to_the_admin_through_the_same_page(client, make_user):
    response = client.get(reverse("admin:login"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login") + "?next=")

    make_user(email="ada@example.com", is_staff=True, is_superuser=True)
    response = sign_in(client, "ada@example.com", next=reverse("admin:index"))
    assert response["Location"] == reverse("admin:index")
    assert client.get(reverse("admin:index")).status_code == 200


def test_members_of_the_public_are_refused_the_admin_login(client, make_user):
    client.force_login(make_user())
    assert client.get(reverse("admin:login")).status_code == 403
