"""Creating an account: the form, the email confirming the address, and signing in by its link."""
from __future__ import annotations

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse

from accounts.models import User
from accounts.roles import UserKind, user_kind
from tests.accounts.helpers import link_in

pytestmark = pytest.mark.django_db

NEW = {
    "full_name": "  Patricia   O'Neill-Smith ",
    "email": "Patricia@Example.com",
    "password1": "a-long-and-unusual-pass",
    "password2": "a-long-and-unusual-pass",
}


def test_the_sign_up_page_asks_for_name_email_and_password_twice(client):
    page = client.get(reverse("account_signup")).content.decode()
    assert "<title>Create an account – Money Claims</title>" in page
    assert page.count("<h1") == 1
    for field_id, label in [
        ("id_full_name", "Full name"),
        ("id_email", "Email address"),
        ("id_password1", "Create a password"),
        ("id_password2", "Confirm your password"),
    ]:
        assert f'<label class="govuk-label" for="{field_id}">{label}</label>' in page
    assert 'name="full_name" type="text" autocomplete="name"' in page
    assert 'name="email" type="email" autocomplete="email"' in page
    assert page.count('autocomplete="new-password"') == 2
    assert "placeholder" not in page
    assert "govuk-error-summary" not in page
    assert 'class="govuk-button"' in page and ">Create account</button>" in page


def test_sign_up_emails_a_link_that_confirms_the_address_and_signs_in(client):
    response = client.post(reverse("account_signup"), NEW)
    assert response.status_code == 302 and response["Location"] == reverse("account_email_verification_sent")

    user = User.objects.get(email="patricia@example.com")
    assert user.full_name == "Patricia O'Neill-Smith"
    assert user.display_name == "Patricia O'Neill-Smith" and str(user) == "Patricia O'Neill-Smith"
    assert user_kind(user) == UserKind.CITIZEN == "citizen"
    assert user.check_password(NEW["password1"])
    address = EmailAddress.objects.get(user=user)
    assert address.primary and not address.verified
    # Not signed in until the address is confirmed.
    assert client.get(reverse("claims:dashboard")).status_code == 302

    page = client.get(response["Location"]).content.decode()
    assert "<title>Check your email – Money Claims</title>" in page
    assert "We have sent an email to <strong>patricia@example.com</strong>" in page
    assert "govuk-notification-banner" not in page  # the page says it: no banner repeating it

    [email] = mail.outbox
    assert email.to == ["patricia@example.com"]
    assert email.subject == "Money Claims: Confirm your email address"
    link = link_in(email, "/accounts/confirm-email/")

    confirm = client.get(link).content.decode()
    assert "<title>Confirm your email address – Money Claims</title>" in confirm
    assert "Confirm that <strong>patricia@example.com</strong> is your email address." in confirm
    assert ">Confirm email address</button>" in confirm

    response = client.post(link)
    assert response.status_code == 302 and response["Location"] == reverse("claims:dashboard")
    address.refresh_from_db()
    assert address.verified
    dashboard = client.get(reverse("claims:dashboard"))
    assert dashboard.status_code == 200 and dashboard.wsgi_request.user == user
    assert "You have confirmed your email address" in dashboard.content.decode()


def test_sign_up_errors_show_a_govuk_error_summary_and_keep_what_was_typed(client):
    response = client.post(
        reverse("account_signup"),
        {"full_name": " ", "email": "pat@example.com", "password1": "a-long-and-unusual-pass", "password2": "other"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: Create an account – Money Claims</title>" in page
    summary = page[page.index('class="govuk-error-summary"'): page.index("<h1")]
    assert "There is a problem" in summary
    assert '<a href="#id_full_name">Enter your full name</a>' in summary
    assert '<a href="#id_password2">You must type the same password each time.</a>' in summary
    assert 'data-module="govuk-error-summary"' in summary
    assert '<p id="id_full_name-error" class="govuk-error-message">' in page
    assert 'aria-describedby="id_full_name-error"' in page
    assert 'name="email" type="email" value="pat@example.com"' in page
    assert "a-long-and-unusual-pass" not in page  # passwords are never sent back
    assert not User.objects.exists() and not mail.outbox


def test_sign_up_with_a_badly_formed_email_address(client):
    page = client.post(reverse("account_signup"), {**NEW, "email": "pat.example.com"}).content.decode()
    assert '<a href="#id_email">Enter an email address in the correct format, like name@example.com</a>' in page
    assert 'value="pat.example.com"' in page


def test_sign_up_with_an_address_that_has_an_account_does_not_say_so_on_screen(client, make_user):
    make_user(email="pat@example.com")
    response = client.post(reverse("account_signup"), {**NEW, "email": "pat@example.com"})
    assert response.status_code == 302 and response["Location"] == reverse("account_email_verification_sent")
    assert User.objects.filter(email="pat@example.com").count() == 1
    [email] = mail.outbox
    assert email.subject == "Money Claims: You already have an account"
    assert "/accounts/password/reset/" in email.body


def test_someone_who_has_not_confirmed_cannot_sign_in_and_is_sent_a_new_link(client):
    client.post(reverse("account_signup"), NEW)
    mail.outbox.clear()
    other_browser = type(client)()
    response = other_browser.post(
        reverse("account_login"), {"login": "patricia@example.com", "password": NEW["password1"]}
    )
    assert response.status_code == 302 and response["Location"] == reverse("account_email_verification_sent")
    assert other_browser.get(reverse("claims:dashboard")).status_code == 302
    [email] = mail.outbox
    link = link_in(email, "/accounts/confirm-email/")
    # Confirming from another browser confirms the address; that browser then signs in.
    response = other_browser.post(link)
    assert EmailAddress.objects.get(email="patricia@example.com").verified
    response = other_browser.post(
        reverse("account_login"), {"login": "patricia@example.com", "password": NEW["password1"]}
    )
    assert response.status_code == 302 and response["Location"] == reverse("claims:dashboard")


def test_an_expired_or_unknown_confirmation_link(client):
    page = client.get(reverse("account_confirm_email", args=["not-a-key"])).content.decode()
    assert "<title>This link has expired or is not valid – Money Claims</title>" in page
    assert page.count("<h1") == 1


def test_too_many_sign_ups_from_one_place_get_a_govuk_page(client):
    for n in range(20):
        client.post(reverse("account_signup"), {**NEW, "email": f"person{n}@example.com"})
    response = client.post(reverse("account_signup"), {**NEW, "email": "one.more@example.com"})
    page = response.content.decode()
    assert response.status_code == 429
    assert "<title>Sorry, there have been too many attempts – Money Claims</title>" in page
    assert "govuk-frontend.min.css" in page
    assert not User.objects.filter(email="one.more@example.com").exists()
