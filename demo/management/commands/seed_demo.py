"""Demo users for each role (including a caseworker, a legal adviser and a judge), a demo firm of
solicitors, demo drafts, and the hearing centres (some where legal advisers operate, 20.1(1)(c)),
for trying the portal locally. Idempotent. Every demo user's email address is confirmed, so they
can sign in at once."""
from __future__ import annotations

from typing import Any

from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction

from accounts.emails import mark_email_verified
from accounts.models import Firm, FirmMembership, FirmState, User
from accounts.roles import StaffRole
from claims.models import Claim
from court.models import HearingCentre
from demo.claims import seed_demo_claims

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

DEMO_FIRM = "Demo & Co Solicitors"
#: Solicitors of the demo firm: email, first name, last name, firm administrator
DEMO_SOLICITORS: list[tuple[str, str, str, bool]] = [
    ("solicitor@example.com", "Sophie", "Solicitor", True),
    ("litigator@example.com", "Liam", "Litigator", False),
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
    help = ("Create the demo users (one for each role), a demo firm of solicitors, two demo draft claims and the "
            "demo hearing centres.")

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
        firm = (Firm.objects.filter(name=DEMO_FIRM).first()
                or Firm.objects.create(name=DEMO_FIRM, state=FirmState.APPROVED))
        for email, first, last, firm_admin in DEMO_SOLICITORS:
            user = _demo_user(email, first, last)
            user.is_staff = user.is_superuser = False
            user.save()
            FirmMembership.objects.update_or_create(user=user, defaults={"firm": firm, "is_firm_admin": firm_admin})
            mark_email_verified(user)
            users[email] = user
        for name, advisers in DEMO_HEARING_CENTRES:
            HearingCentre.objects.update_or_create(name=name, defaults={"legal_advisers": advisers})
        claimant = users["claimant@example.com"]
        seed_demo_claims(claimant)
        self.stdout.write(f"Demo sign-ins (password for all: {DEMO_PASSWORD}):")
        for email, _first, _last, role, superuser in DEMO_USERS:
            what = role.label if role else ("administrator" if superuser else "member of the public")
            self.stdout.write(f"  {email:<26} {what}")
        for email, _first, _last, firm_admin in DEMO_SOLICITORS:
            what = f"solicitor, {'firm administrator' if firm_admin else 'member'} of {DEMO_FIRM}"
            self.stdout.write(f"  {email:<26} {what}")
        for name, advisers in DEMO_HEARING_CENTRES:
            self.stdout.write(f"Hearing centre: {name} (legal advisers {'operate' if advisers else 'do not operate'})")
        for claim in Claim.objects.filter(owner=claimant, defendant_user=None, issue_date__isnull=False):
            self.stdout.write(
                f"To respond to claim {claim.claim_number} as its defendant: sign in as defendant@example.com, "
                f"go to /respond/ and enter security code {claim.security_code}"
            )
