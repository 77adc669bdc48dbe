"""Email addresses as django-allauth knows them (``allauth.account.models.EmailAddress``).

Sign-in needs a confirmed address (``ACCOUNT_EMAIL_VERIFICATION = "mandatory"``). People who
create their own account confirm it by the link we email them; users made by other means
(the demo data, tests, a command) are marked confirmed here.
"""
from __future__ import annotations

from typing import Any

from allauth.account.models import EmailAddress


def mark_email_verified(user: Any) -> EmailAddress:
    """Record the user's email address as their primary, confirmed address (idempotent)."""
    address, _ = EmailAddress.objects.update_or_create(
        user=user, email__iexact=user.email, defaults={"email": user.email, "primary": True, "verified": True},
    )
    EmailAddress.objects.filter(user=user, primary=True).exclude(pk=address.pk).update(primary=False)
    return address
