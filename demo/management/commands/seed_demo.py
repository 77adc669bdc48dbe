"""Demo users for each role (including a caseworker, a legal adviser and a judge), two demo firms of
solicitors (one for each side, with their users, authenticator apps and fee accounts), demo claims of
members of the public and of the firms, and the hearing centres (some where legal advisers operate,
20.1(1)(c)), for trying the portal locally. Idempotent. Every demo user's email address is confirmed, so
they can sign in at once; every firm user's authenticator app is set up with the demo secret
(``manage.py demo_totp_code EMAIL`` prints its code)."""
from __future__ import annotations

from typing import Any

from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction

from accounts.emails import mark_email_verified
from accounts.models import User
from accounts.roles import StaffRole
from claims.models import Claim
from court.models import HearingCentre
from demo.claims import seed_demo_claims
from demo.firms import DEMO_FIRMS, seed_demo_firm, seed_represented_claims
from firms.mfa import DEMO_TOTP_SECRET

DEMO_PASSWORD = "money-claims-demo"

#: email, first name, last name, staff role (None for the public), superuser
DEMO_USERS: list[tuple[str, str, str, StaffRole | None, bool]] = [
    ("claimant@example.com", "Clara", "Claimant", None, False),
    ("defendant@example.com", "Dev", "Defendant", None, False),
    ("caseworker@example.com", "Casey", "Worker", StaffRole.CASEWORKER, False),
    ("adviser@example.com", "Lee", "Adviser", StaffRole.LEGAL_ADVISER, False),
    ("judge@example.com", "Judith", "Bench", StaffRole.JUDGE, False),
    ("admin@example.com", "Ada", "Admin", None, True),
]


#: Hearing centres: name, whether Online Civil Money Claims legal advisers operate there (20.1(1)(c)).
DEMO_HEARING_CENTRES: list[tuple[str, bool]] = [
    ("Leeds County Court", True),
    ("Central London County Court", True),
    ("Bristol Civil and Family Justice Centre", False),
]


def _demo_user(email: str, first: str, last: str) -> User:
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User(email=email)
        user.set_password(DEMO_PASSWORD)
    user.first_name, user.last_name = first, last
    return user


class Command(BaseCommand):
    help = ("Create the demo users (one for each role), two demo firms of solicitors, demo claims and the demo "
            "hearing centres.")

    @transaction.atomic
    def handle(self, *args: Any, **options: Any) -> None:
        users = {}
        for email, first, last, role, superuser in DEMO_USERS:
            user = _demo_user(email, first, last)
            user.is_staff = bool(role) or superuser
            user.is_superuser = superuser
            user.save()
            if role:
                user.groups.set([Group.objects.get(name=role.value)])
            mark_email_verified(user)
            users[email] = user
        firms = [seed_demo_firm(spec, caseworker=users["caseworker@example.com"], password=DEMO_PASSWORD)
                 for spec in DEMO_FIRMS]
        for name, advisers in DEMO_HEARING_CENTRES:
            HearingCentre.objects.update_or_create(name=name, defaults={"legal_advisers": advisers})
        claimant = users["claimant@example.com"]
        seed_demo_claims(claimant)
        represented = seed_represented_claims(*firms)
        self.stdout.write(f"Demo sign-ins (password for all: {DEMO_PASSWORD}):")
        for email, _first, _last, role, superuser in DEMO_USERS:
            what = role.label if role else ("administrator" if superuser else "member of the public")
            self.stdout.write(f"  {email:<26} {what}")
        for spec in DEMO_FIRMS:
            for member in spec.members:
                what = "firm administrator and solicitor" if member.admin else "solicitor"
                self.stdout.write(f"  {member.email:<30} {what}, {spec.name}")
        self.stdout.write(f"Firm users sign in with a code from an authenticator app set up with the secret "
                          f"{DEMO_TOTP_SECRET}, or the code `manage.py demo_totp_code EMAIL` prints.")
        for claim, what in represented:
            self.stdout.write(f"Represented claim {claim.claim_number or '(not issued)'}: {what}")
        for name, advisers in DEMO_HEARING_CENTRES:
            self.stdout.write(f"Hearing centre: {name} (legal advisers {'operate' if advisers else 'do not operate'})")
        for claim in Claim.objects.filter(owner=claimant, defendant_user=None, issue_date__isnull=False):
            self.stdout.write(
                f"To respond to claim {claim.claim_number} as its defendant: sign in as defendant@example.com, "
                f"go to /respond/ and enter security code {claim.security_code}"
            )
