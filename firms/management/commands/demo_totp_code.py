"""``manage.py demo_totp_code EMAIL``: the code a demo user's authenticator app shows now.

Only for a user whose authenticator app was set up with the demo secret (``firms.mfa.DEMO_TOTP_SECRET``):
anyone else's secret is never read out.
"""
from __future__ import annotations

from typing import Any

from allauth.mfa.models import Authenticator
from allauth.mfa.utils import decrypt
from django.core.management.base import BaseCommand, CommandError, CommandParser

from accounts.models import User
from firms.mfa import DEMO_TOTP_SECRET, current_code


class Command(BaseCommand):
    help = "Print the current authenticator app code of a demo user (set up with the demo secret)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email")

    def handle(self, *args: Any, email: str, **options: Any) -> None:
        user = User.objects.filter(email__iexact=email).first()
        if user is None:
            raise CommandError(f"No user {email}")
        authenticator = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
        if authenticator is None:
            raise CommandError(f"{email} has no authenticator app")
        if decrypt(authenticator.data.get("secret", "")) != DEMO_TOTP_SECRET:
            raise CommandError(f"{email}'s authenticator app is not set up with the demo secret")
        self.stdout.write(current_code(DEMO_TOTP_SECRET))

