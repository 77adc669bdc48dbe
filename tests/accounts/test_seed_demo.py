"""The demo data: every role, a firm of solicitors, confirmed addresses; safe to load twice."""
from __future__ import annotations

import pytest
from allauth.account.models import EmailAddress
from django.core.management import call_command
from django.urls import reverse

from accounts.models import Firm, FirmMembership, User
from accounts.roles import firm_of, is_firm_admin, user_kind
from demo.management.commands.seed_demo import DEMO_PASSWORD, DEMO_SOLICITORS, DEMO_USERS

pytestmark = pytest.mark.django_db

EMAILS = [row[0] for row in DEMO_USERS] + [row[0] for row in DEMO_SOLICITORS]


def counts() -> tuple[int, ...]:
    return (
        User.objects.count(), Firm.objects.count(), FirmMembership.objects.count(),
        EmailAddress.objects.count(), EmailAddress.objects.filter(verified=True, primary=True).count(),
    )


def test_seed_demo_is_idempotent_and_every_demo_user_can_sign_in(client, capsys):
    call_command("seed_demo")
    first = counts()
    call_command("seed_demo")
    assert counts() == first == (len(EMAILS), 1, 2, len(EMAILS), len(EMAILS))
    assert "solicitor@example.com" in capsys.readouterr().out

    for email in EMAILS:
        assert EmailAddress.objects.get(email=email).user == User.objects.get(email=email)

    solicitor = User.objects.get(email="solicitor@example.com")
    litigator = User.objects.get(email="litigator@example.com")
    assert firm_of(solicitor) == firm_of(litigator) == Firm.objects.get(name="Demo & Co Solicitors")
    assert is_firm_admin(solicitor) and not is_firm_admin(litigator)
    assert user_kind(solicitor) == user_kind(litigator) == "solicitor"
    assert user_kind(User.objects.get(email="claimant@example.com")) == "citizen"
    assert user_kind(User.objects.get(email="judge@example.com")) == "staff"

    for email in ["solicitor@example.com", "claimant@example.com", "caseworker@example.com"]:
        browser = type(client)()
        response = browser.post(reverse("account_login"), {"login": email, "password": DEMO_PASSWORD})
        assert response.status_code == 302, email


def test_seed_demo_keeps_users_that_already_exist(make_user):
    user = make_user(email="claimant@example.com")
    call_command("seed_demo")
    user.refresh_from_db()
    assert user.check_password("correct-horse-battery")  # an existing password is left alone
    assert EmailAddress.objects.filter(user=user).count() == 1
