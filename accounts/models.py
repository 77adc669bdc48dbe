"""People who use Money Claims, and the firms solicitors work for.

A user signs in with an email address (django-allauth; the address must be confirmed
before the first sign-in). What a user may do follows from their kind (``accounts.roles``):

- a **citizen** (litigant in person) acts on the claims they are a party to;
- a **solicitor** is a member of a ``Firm`` (``FirmMembership``); a firm administrator
  manages the firm's members;
- **court staff** belong to one of the groups in ``accounts.roles.StaffRole`` and work in
  the Django admin.

Names: sign-up asks one "Full name" question (the GOV.UK pattern: names do not split
into first and last the same way in every culture), kept as ``full_name``. ``first_name``
and ``last_name`` stay for people whose name was given in parts (staff set up in the
admin, the demo users). ``display_name`` is the name to show either way.
"""
from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models

from ocmc import clock


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def _create(self, email: str, password: str | None, **extra: object) -> User:
        if not email:
            raise ValueError("An email address is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra: object) -> User:
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra: object) -> User:
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self._create(email, password, **extra)


class User(AbstractUser):
    username = None  # type: ignore[assignment]
    email = models.EmailField("email address", unique=True)
    full_name = models.CharField(
        "full name", max_length=255, blank=True,
        help_text="The name as the person gave it when they created their account.",
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()  # type: ignore[misc]

    class Meta:
        ordering = ["email"]

    def __str__(self) -> str:
        return self.display_name

    def get_full_name(self) -> str:
        return self.full_name.strip() or super().get_full_name()

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.email


class Firm(models.Model):
    """A firm of solicitors. Its members act for their clients through the firm dashboard."""

    name = models.CharField(max_length=200)
    sra_number = models.CharField(
        "SRA number", max_length=20, blank=True,
        help_text="The firm's Solicitors Regulation Authority number, if it has one.",
    )
    created_at = models.DateTimeField(default=clock.now, editable=False)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["sra_number"], condition=~models.Q(sra_number=""), name="accounts_firm_sra_number_unique",
                violation_error_message="Another firm already has this SRA number.",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class FirmMembership(models.Model):
    """Makes a user a solicitor: a member of one firm (a user belongs to at most one)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="firm_membership")
    firm = models.ForeignKey(Firm, on_delete=models.CASCADE, related_name="memberships")
    is_firm_admin = models.BooleanField(
        "firm administrator", default=False, help_text="Firm administrators manage the firm's members.",
    )
    created_at = models.DateTimeField(default=clock.now, editable=False)

    class Meta:
        ordering = ["firm__name", "user__email"]

    def __str__(self) -> str:
        role = "administrator" if self.is_firm_admin else "member"
        return f"{self.user} ({role}, {self.firm})"
