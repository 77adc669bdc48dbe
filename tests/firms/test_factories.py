"""The test helpers for firms give a member the authenticator app that allauth then asks for."""
from __future__ import annotations

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP

from tests.firm_factories import make_firm, make_member, totp_code

pytestmark = pytest.mark.django_db


def test_member_has_a_totp_authenticator_whose_code_validates() -> None:
    user = make_member(make_firm(), admin=True)
    authenticator = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)
    assert TOTP(authenticator).validate_code(totp_code())
    assert not TOTP(authenticator).validate_code("000000" if totp_code() != "000000" else "111111")


def test_member_without_mfa_has_no_authenticator() -> None:
    user = make_member(make_firm(), mfa=False)
    assert not Authenticator.objects.filter(user=user).exists()
