"""Multi-factor authentication for firm users: every active solicitor and firm administrator must have an
authenticator app (TOTP, django-allauth MFA) before they can use the service (``firms.middleware``).

``DEMO_TOTP_SECRET`` is the base32 secret the demo users' authenticator apps are set up with, so that
``manage.py demo_totp_code EMAIL`` can print the code an app would show now.
"""
from __future__ import annotations

from typing import Any

from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

from accounts.models import MemberState
from accounts.roles import membership_of
from ocmc import clock

#: A fixed base32 TOTP secret for the demo users (never for a real account).
DEMO_TOTP_SECRET = "MONEYCLAIMSDEMOTOTPSECRETAAAAAAA"


def has_authenticator_app(user: Any) -> bool:
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def needs_authenticator_app(user: Any) -> bool:
    """True for an active firm member who is a solicitor or firm administrator and has no authenticator app."""
    membership = membership_of(user)
    if membership is None or membership.state != MemberState.ACTIVE:
        return False
    if not (membership.is_solicitor or membership.is_firm_admin):
        return False
    return not has_authenticator_app(user)


def current_code(secret: str) -> str:
    """The code an authenticator app set up with ``secret`` shows now."""
    counter = int(clock.now().timestamp()) // mfa_settings.TOTP_PERIOD
    return format_hotp_value(hotp_value(secret, counter))
