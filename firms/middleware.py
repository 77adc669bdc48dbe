"""What a firm's user may open (after ``AccountMiddleware`` in ``settings.MIDDLEWARE``).

- A member of a firm that is pending, rejected or suspended can do nothing but see the firm's status
  (``/firm/status/``), sign out and use their account pages (``/accounts/``): every other page redirects to the
  status page. (A member their firm has suspended is not redirected: they see nothing of the firm, as
  ``claims.policy`` and the firm's pages say, and the status page tells them why.)
- Every active member who is a solicitor or a firm administrator must have an authenticator app (TOTP,
  ``firms.mfa``): until they set one up, every page but the MFA pages, signing out (and the password check the
  MFA pages may ask for), the status page and static files redirects to allauth's "set up an authenticator
  app" page (``mfa_activate_totp``).

Court staff, citizens and removed members are not affected.
"""
from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse

from accounts.models import FirmState, MemberState
from accounts.roles import membership_of

from .mfa import has_authenticator_app


class FirmAccessMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        redirect_to = self.redirect_for(request)
        if redirect_to is not None and request.path != redirect_to:
            return HttpResponseRedirect(redirect_to)
        return self.get_response(request)

    def redirect_for(self, request: HttpRequest) -> str | None:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or user.is_staff:
            return None
        path = request.path
        if path.startswith(settings.STATIC_URL or "/static/"):
            return None
        membership = membership_of(user)
        if membership is None or membership.state != MemberState.ACTIVE:
            return None
        status = reverse("firms:status")
        if path == status:
            return None
        if membership.firm.state != FirmState.APPROVED:
            return None if path.startswith("/accounts/") else status
        if not (membership.is_solicitor or membership.is_firm_admin) or has_authenticator_app(user):
            return None
        allowed = (reverse("mfa_index"), reverse("account_logout"), reverse("account_reauthenticate"))
        if any(path.startswith(prefix) for prefix in allowed):
            return None
        return reverse("mfa_activate_totp")
