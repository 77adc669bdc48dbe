"""The demo data: every role, a firm of solicitors for each side with authenticator apps and fee accounts,
represented claims on the firms' dashboards, confirmed addresses; safe to load twice."""
from __future__ import annotations

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.core.management import call_command
from django.urls import reverse

from accounts.models import FeeAccountState, Firm, FirmMembership, User
from accounts.roles import firm_of, is_firm_admin, user_kind
from claims.constants import ClaimState
from claims.models import Claim
from demo.firms import DEMO_FIRMS
from demo.management.commands.seed_demo import DEMO_PASSWORD, DEMO_USERS
from firms.mfa import DEMO_TOTP_SECRET, current_code
from ocmc import clock

pytestmark = pytest.mark.django_db

FIRM_EMAILS = [member.email for spec in DEMO_FIRMS for member in spec.members]
EMAILS = [row[0] for row in DEMO_USERS] + FIRM_EMAILS


def counts() -> tuple[int, ...]:
    return (
        User.objects.count(), Firm.objects.count(), FirmMembership.objects.count(),
        EmailAddress.objects.count(), EmailAddress.objects.filter(verified=True, primary=True).count(),
    )


def test_seed_demo_is_idempotent_and_every_demo_user_can_sign_in(client, capsys):
    call_command("seed_demo")
    first = counts()
    call_command("seed_demo")
    assert counts() == first == (len(EMAILS), 2, len(FIRM_EMAILS), len(EMAILS), len(EMAILS))
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


def test_the_demo_firms_are_approved_with_authenticator_apps_fee_accounts_and_cases(client):
    call_command("seed_demo")
    for spec in DEMO_FIRMS:
        firm = Firm.objects.get(sra_number=spec.sra_number)
        assert firm.state == "approved" and firm.memberships.filter(state="active").count() == 3
        assert firm.memberships.filter(is_firm_admin=True).count() == 1
        assert set(firm.fee_accounts.filter(state=FeeAccountState.APPROVED).values_list("pba_number", flat=True)) \
            == set(spec.pba_numbers)
        for member in spec.members:
            assert Authenticator.objects.filter(user__email=member.email, type=Authenticator.Type.TOTP).exists()
    claimant_firm, defendant_firm = (Firm.objects.get(sra_number=spec.sra_number) for spec in DEMO_FIRMS)
    represented = Claim.objects.filter(claimant_firm=claimant_firm)
    states = set(represented.values_list("state", flat=True))
    assert {ClaimState.DRAFT, ClaimState.AWAITING_FEE, ClaimState.ISSUED} <= states
    against_firm = represented.filter(defendant_firm=defendant_firm, state=ClaimState.ISSUED)
    assert against_firm.count() == 3
    unassigned_there = [c for c in against_firm if not c.assignments.filter(user__firm_membership__firm=defendant_firm,
                                                                           ended_at=None).exists()]
    assert len(unassigned_there) == 2
    soonest = min(c.next_deadline_at for c in unassigned_there)
    assert 0 < (soonest - clock.now()).days <= 3, "an unassigned case with its deadline close"

    # The demo firm user signs in with the password and then the authenticator app's code.
    response = client.post(reverse("account_login"), {"login": "litigator@example.com", "password": DEMO_PASSWORD})
    assert response.status_code == 302 and response["Location"] == reverse("mfa_authenticate")
    response = client.post(reverse("mfa_authenticate"), {"code": current_code(DEMO_TOTP_SECRET)})
    assert response.status_code == 302
    assert client.get(reverse("casework:dashboard")).status_code == 200


def test_seed_demo_keeps_users_that_already_exist(make_user):
    user = make_user(email="claimant@example.com")
    call_command("seed_demo")
    user.refresh_from_db()
    assert user.check_password("correct-horse-battery")  # an existing password is left alone
    assert EmailAddress.objects.filter(user=user).count() == 1
