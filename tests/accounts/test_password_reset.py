"""Resetting a forgotten password: ask, get an email, set a new password, sign in with it."""
from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from tests.accounts.helpers import link_in

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a-brand-new-passphrase"


def test_password_reset_end_to_end(client, make_user):
    user = make_user(email="pat@example.com")
    page = client.get(reverse("account_reset_password")).content.decode()
    assert "<title>Reset your password – Money Claims</title>" in page
    assert 'name="email" type="email" autocomplete="email"' in page

    response = client.post(reverse("account_reset_password"), {"email": "Pat@Example.com"})
    assert response.status_code == 302 and response["Location"] == reverse("account_reset_password_done")
    done = client.get(response["Location"]).content.decode()
    assert "<title>Check your email – Money Claims</title>" in done

    [email] = mail.outbox
    assert email.to == ["pat@example.com"] and email.subject == "Money Claims: Reset your password"
    link = link_in(email, "/accounts/password/reset/key/")

    # The link puts its key in the session and moves to an address without it.
    response = client.get(link)
    assert response.status_code == 302
    form_url = response["Location"]
    page = client.get(form_url).content.decode()
    assert "<title>Create a new password – Money Claims</title>" in page
    assert page.count('autocomplete="new-password"') == 2
    assert '<label class="govuk-label" for="id_password1">New password</label>' in page

    mismatch = client.post(form_url, {"password1": NEW_PASSWORD, "password2": "something-else-entirely"})
    assert "<title>Error: Create a new password" in mismatch.content.decode()
    assert '<a href="#id_password2">' in mismatch.content.decode()

    response = client.post(form_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert response.status_code == 302 and response["Location"] == reverse("account_reset_password_from_key_done")
    page = client.get(response["Location"]).content.decode()
    assert "Your password has been changed" in page
    assert "govuk-notification-banner" not in page  # the page says it: no banner repeating it
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    assert mail.outbox[-1].subject == "Money Claims: Your password has been reset"

    # The link works once only.
    assert "This link has expired or is not valid" in client.get(link, follow=True).content.decode()

    def sign_in(password: str):
        return type(client)().post(reverse("account_login"), {"login": "pat@example.com", "password": password})

    assert sign_in(NEW_PASSWORD).status_code == 302
    assert sign_in("correct-horse-battery").status_code == 200


def test_reset_for_an_address_without_an_account_looks_the_same(client):
    response = client.post(reverse("account_reset_password"), {"email": "nobody@example.com"})
    assert response.status_code == 302 and response["Location"] == reverse("account_reset_password_done")
    [email] = mail.outbox
    assert email.subject == "Money Claims: There is no account for this email address"
    assert "/accounts/signup/" in email.body


def test_reset_form_errors(client):
    page = client.post(reverse("account_reset_password"), {"email": ""}).content.decode()
    assert "<title>Error: Reset your password" in page
    assert '<a href="#id_email">Enter your email address</a>' in page


def test_a_password_reset_lifts_the_lockout(client, make_user):
    make_user(email="pat@example.com")
    for _ in range(6):
        page = client.post(reverse("account_login"), {"login": "pat@example.com", "password": "guess"}).content.decode()
    assert "You have tried to sign in too many times" in page

    client.post(reverse("account_reset_password"), {"email": "pat@example.com"})
    form_url = client.get(link_in(mail.outbox[0], "/accounts/password/reset/key/"))["Location"]
    client.post(form_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    response = client.post(reverse("account_login"), {"login": "pat@example.com", "password": NEW_PASSWORD})
    assert response.status_code == 302
