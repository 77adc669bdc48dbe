"""Firms and their members for tests: an approved firm, members with their roles, and the authenticator
app (TOTP) every solicitor and firm administrator must have (firms.middleware).

``totp_code(secret)`` gives the code an authenticator app would show now (the suite's frozen clock), so a
browser test can sign in through the MFA page.
"""
from __future__ import annotations

import itertools
import time
from typing import Any

from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value

from accounts.emails import mark_email_verified
from accounts.models import Firm, FirmMembership, FirmState, MemberState, User
from firms.mfa import DEMO_TOTP_SECRET

__all__ = ["DEMO_TOTP_SECRET", "give_totp", "make_firm", "make_member", "totp_code"]

_numbers = itertools.count(200001)


def make_firm(name: str = "", *, state: str = FirmState.APPROVED, **extra: Any) -> Firm:
    number = next(_numbers)
    values: dict[str, Any] = {
        "name": name or f"Firm {number} LLP",
        "sra_number": str(number),
        "address_line_1": f"{number % 200 + 1} High Street",
        "town": "Leeds",
        "postcode": "LS1 4AB",
        "service_email": f"service{number}@firm.example",
        "state": state,
    }
    values.update(extra)
    return Firm.objects.create(**values)


def make_member(firm: Firm, *, email: str = "", name: str = "", admin: bool = False, solicitor: bool = True,
                sees_all: bool = False, state: str = MemberState.ACTIVE, mfa: bool = True,
                password: str = "money-claims-test") -> User:
    """A user in the firm with the given roles and a confirmed email address, with an authenticator app (unless
    ``mfa=False``)."""
    number = next(_numbers)
    first, _, last = (name or f"Sol {number}").partition(" ")
    user = User.objects.create_user(email or f"member{number}@firm.example", password,
                                    first_name=first, last_name=last)
    FirmMembership.objects.create(user=user, firm=firm, is_firm_admin=admin, is_solicitor=solicitor,
                                  sees_all_cases=sees_all, state=state)
    mark_email_verified(user)  # as if they had confirmed it: they can sign in
    if mfa:
        give_totp(user)
    return user


def give_totp(user: User, secret: str = DEMO_TOTP_SECRET) -> None:
    """Enrol the user's authenticator app with ``secret``."""
    TOTP.activate(user, secret)


def totp_code(secret: str = DEMO_TOTP_SECRET) -> str:
    """The code the authenticator app shows at this instant."""
    counter = int(time.time()) // mfa_settings.TOTP_PERIOD
    return format_hotp_value(hotp_value(secret, counter))
