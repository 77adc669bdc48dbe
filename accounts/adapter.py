"""How django-allauth behaves in Money Claims: our wording, names and the lockout message."""
from __future__ import annotations

import math
from typing import Any

from allauth.account import app_settings as allauth_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse

from .models import MemberState
from .roles import acting_membership, membership_of

#: Where the "Check your email" page finds the address we last sent a confirmation link to.
VERIFICATION_EMAIL_SESSION_KEY = "accounts_verification_email"
_VERIFICATION_SENT_MESSAGE = "account/messages/email_confirmation_sent.txt"
#: Messages that the next page already gives in its own words, by the page (URL name) that adds
#: them: no banner repeating it there. ("Check your email" after signing up or signing in
#: unconfirmed; "Your password has been changed" after a reset.)
_SAID_BY_NEXT_PAGE = {
    _VERIFICATION_SENT_MESSAGE: {"account_signup", "account_login"},
    "account/messages/password_changed.txt": {"account_reset_password_from_key"},
}


_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def lockout_minutes() -> int:
    """How long (in minutes, rounded up) sign-in stays locked after too many failures for one address.

    Read from the per-address ("key") part of ACCOUNT_RATE_LIMITS["login_failed"], e.g. "5/15m/key".
    """
    seconds = 0.0
    for rate in (allauth_settings.RATE_LIMITS.get("login_failed") or "").split(","):
        parts = rate.strip().split("/")
        if len(parts) == 3 and parts[2] == "key" and parts[1] and parts[1][-1] in _UNIT_SECONDS:
            seconds = max(seconds, float(parts[1][:-1] or 1) * _UNIT_SECONDS[parts[1][-1]])
    return max(1, math.ceil((seconds or 15 * 60) / 60))


def firm_home_url(user: Any) -> str | None:
    """Where a firm's user lands (after signing in, "Your firm"): the firm dashboard (``casework:dashboard``)
    for an active member of an approved firm, else the firm's status page. None for anyone not in a firm."""
    membership = membership_of(user)
    if membership is None or membership.state == MemberState.REMOVED:
        return None
    if acting_membership(user) is not None:
        try:
            return reverse("casework:dashboard")
        except NoReverseMatch:  # the dashboard is not installed: the firm's status page instead
            pass
    return reverse("firms:status")


def user_display(user: Any) -> str:
    """How allauth names a user (ACCOUNT_USER_DISPLAY)."""
    return getattr(user, "display_name", None) or str(user)


class AccountAdapter(DefaultAccountAdapter):
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "email_password_mismatch": "Enter a correct email address and password",
        "account_inactive": "This account cannot be used. Contact the court if you think this is wrong",
        "email_taken": "An account already exists for this email address",
        "enter_current_password": "Enter your current password",
        "incorrect_password": "The password is not correct",
        "invalid_password_reset": "The link to reset your password is not valid or has expired",
        "unknown_email": "There is no account for this email address",
        "rate_limited": "You have tried too many times. Wait a few minutes, then try again",
    }

    def validation_error(self, code: str, *args: Any) -> ValidationError:
        if code == "too_many_login_attempts":
            minutes = lockout_minutes()
            return ValidationError(
                f"You have tried to sign in too many times. Try again in {minutes} minutes", code=code,
            )
        return super().validation_error(code, *args)

    def get_login_redirect_url(self, request: HttpRequest) -> str:
        """Firm members land on their firm's page (``firm_home_url``); everyone else as allauth says."""
        if not request.user.is_staff:
            landing = firm_home_url(request.user)
            if landing is not None:
                return landing
        return super().get_login_redirect_url(request)

    def save_user(self, request: HttpRequest, user: Any, form: Any, commit: bool = True) -> Any:
        user = super().save_user(request, user, form, commit=False)
        full_name = " ".join((form.cleaned_data.get("full_name") or "").split())
        if full_name:
            user.full_name = full_name
        if commit:
            user.save()
        return user

    def add_message(
        self,
        request: HttpRequest,
        level: int,
        message_template: str | None = None,
        message_context: dict[str, Any] | None = None,
        extra_tags: str = "",
        message: str | None = None,
    ) -> None:
        if message_template == _VERIFICATION_SENT_MESSAGE and message_context and message_context.get("email"):
            request.session[VERIFICATION_EMAIL_SESSION_KEY] = message_context["email"]
        match = getattr(request, "resolver_match", None)
        if match is not None and match.url_name in _SAID_BY_NEXT_PAGE.get(message_template or "", ()):
            return
        super().add_message(request, level, message_template, message_context, extra_tags, message)


class MFAAdapter(DefaultMFAAdapter):
    """The authenticator app's messages in our words (GOV.UK: no full stop at the end of an error)."""

    error_messages = {
        **DefaultMFAAdapter.error_messages,
        "incorrect_code": "The code is not right: enter the 6-digit code your authenticator app shows now",
        "unverified_email": "Confirm your email address before you set up an authenticator app",
        "cannot_delete_authenticator": "You cannot stop using the authenticator app: solicitors and firm "
                                       "administrators must have one",
        "cannot_generate_recovery_codes": "Set up an authenticator app before you make recovery codes",
        "add_email_blocked": "You cannot add an email address to an account that signs in with an authenticator app",
    }

    def can_delete_authenticator(self, authenticator: Any) -> bool:
        """An active solicitor or firm administrator keeps their authenticator app (firms.middleware)."""
        membership = membership_of(authenticator.user)
        if (authenticator.type == "totp" and membership is not None and membership.state == MemberState.ACTIVE
                and (membership.is_solicitor or membership.is_firm_admin)):
            return False
        return super().can_delete_authenticator(authenticator)
