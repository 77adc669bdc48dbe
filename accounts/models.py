"""People who use Money Claims, and the firms solicitors work for.

A user signs in with an email address (django-allauth; the address must be confirmed
before the first sign-in). What a user may do follows from their kind (``accounts.roles``):

- a **citizen** (litigant in person) acts on the claims they are a party to;
- a **solicitor** is a member of a ``Firm`` (``FirmMembership``); a firm administrator
  manages the firm's members (invitations, roles, suspending and removing them) and its fee
  accounts, without the court;
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
from django_fsm import ConcurrentTransitionMixin, FSMField, transition

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


class FirmState(models.TextChoices):
    """Where a firm's registration stands. Court staff decide (``firms.services``)."""

    PENDING = "pending", "Waiting for the court to approve it"
    APPROVED = "approved", "Approved"
    REJECTED = "rejected", "Rejected"
    SUSPENDED = "suspended", "Suspended"


class Firm(ConcurrentTransitionMixin, models.Model):
    """A firm of solicitors registered on the service (PD 51R 1.1, "registered": a legal representative
    registered to use the online service). Its members act for their clients through the firm dashboard.

    A firm starts ``pending``; only an ``approved`` firm's members can do anything but see its status.
    ``state`` is changed only by ``firms.services``.
    """

    name = models.CharField(max_length=200)
    sra_number = models.CharField(
        "SRA number", max_length=20, blank=True,
        help_text="The firm's Solicitors Regulation Authority number, if it has one.",
    )
    state = FSMField(default=FirmState.PENDING, choices=FirmState.choices, protected=True)
    #: The address for service, in England and Wales (PD 51R 2.1(3)(i)(ii)).
    address_line_1 = models.CharField(max_length=200, blank=True)
    address_line_2 = models.CharField(max_length=200, blank=True)
    town = models.CharField(max_length=100, blank=True)
    postcode = models.CharField(max_length=10, blank=True)
    dx = models.CharField("DX", max_length=60, blank=True)
    #: Documents are served on the firm at this address (4.3(6)); unassigned cases' emails go here.
    service_email = models.EmailField("email for service", blank=True)
    created_at = models.DateTimeField(default=clock.now, editable=False)
    #: When court staff last decided on the firm (approved, rejected, suspended, reinstated), and why.
    decided_at = models.DateTimeField(null=True, blank=True, editable=False)
    decision_reason = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            # Unique among firms not rejected: a rejected registration may be made again (firms.services).
            models.UniqueConstraint(
                fields=["sra_number"], condition=~models.Q(sra_number="") & ~models.Q(state=FirmState.REJECTED),
                name="accounts_firm_sra_number_unique",
                violation_error_message="Another firm already has this SRA number.",
            ),
            models.CheckConstraint(
                condition=models.Q(state__in=[s.value for s in FirmState]), name="accounts_firm_state_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_approved(self) -> bool:
        return self.state == FirmState.APPROVED

    @property
    def address_lines(self) -> list[str]:
        return [line for line in (self.address_line_1, self.address_line_2, self.town, self.postcode) if line]

    @transition(field=state, source=FirmState.PENDING, target=FirmState.APPROVED)
    def approve(self) -> None:
        """Court staff approve the registration."""

    @transition(field=state, source=FirmState.PENDING, target=FirmState.REJECTED)
    def reject(self) -> None:
        """Court staff reject the registration."""

    @transition(field=state, source=FirmState.APPROVED, target=FirmState.SUSPENDED)
    def suspend(self) -> None:
        """Court staff suspend an approved firm: its members can do nothing but see its status."""

    @transition(field=state, source=FirmState.SUSPENDED, target=FirmState.APPROVED)
    def reinstate(self) -> None:
        """Court staff lift the suspension."""


class MemberState(models.TextChoices):
    ACTIVE = "active", "Active"
    SUSPENDED = "suspended", "Suspended"
    REMOVED = "removed", "Removed"


class EmailUpdates(models.TextChoices):
    """How a firm user hears about steps on their cases."""

    EVERY_STEP = "every_step", "An email for every step"
    DAILY = "daily", "A daily summary"


class FirmMembership(ConcurrentTransitionMixin, models.Model):
    """Makes a user a solicitor: a member of one firm (a user belongs to at most one).

    Roles (any combination; a firm always keeps at least one active administrator):
    ``is_firm_admin`` manages users, fee accounts and allocates cases; ``is_solicitor`` makes and
    manages claims; ``sees_all_cases`` sees every case of the firm, not only those assigned or
    shared to them. ``state`` (active, suspended, removed) is changed only by ``firms.services``;
    a removed member's row is kept for the firm's record, and they see nothing of the firm.
    """

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="firm_membership")
    firm = models.ForeignKey(Firm, on_delete=models.CASCADE, related_name="memberships")
    is_firm_admin = models.BooleanField(
        "firm administrator", default=False, help_text="Firm administrators manage the firm's members.",
    )
    is_solicitor = models.BooleanField(
        "solicitor", default=True, help_text="Makes and manages claims for the firm's clients.",
    )
    sees_all_cases = models.BooleanField(
        "sees all the firm's cases", default=False,
        help_text="Sees every case of the firm, not only the cases assigned or shared to them.",
    )
    state = FSMField(default=MemberState.ACTIVE, choices=MemberState.choices, protected=True)
    email_updates = models.CharField(max_length=12, choices=EmailUpdates.choices, default=EmailUpdates.EVERY_STEP)
    created_at = models.DateTimeField(default=clock.now, editable=False)
    #: When the member was last suspended, reinstated or removed, and by whom.
    state_changed_at = models.DateTimeField(null=True, blank=True, editable=False)
    state_changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False,
    )

    class Meta:
        ordering = ["firm__name", "user__email"]
        indexes = [models.Index(fields=["firm", "state"], name="membership_firm_state_idx")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(state__in=[s.value for s in MemberState]), name="accounts_member_state_valid",
            ),
        ]

    def __str__(self) -> str:
        role = "administrator" if self.is_firm_admin else "member"
        return f"{self.user} ({role}, {self.firm})"

    @property
    def is_active(self) -> bool:
        return self.state == MemberState.ACTIVE

    @property
    def role_labels(self) -> list[str]:
        labels = []
        if self.is_firm_admin:
            labels.append("Firm administrator")
        if self.is_solicitor:
            labels.append("Solicitor")
        if self.sees_all_cases:
            labels.append("Sees all the firm's cases")
        return labels

    @transition(field=state, source=MemberState.ACTIVE, target=MemberState.SUSPENDED)
    def suspend(self) -> None:
        """The firm's administrator suspends the member: they can sign in but see nothing of the firm."""

    @transition(field=state, source=MemberState.SUSPENDED, target=MemberState.ACTIVE)
    def reinstate(self) -> None:
        """The firm's administrator lets a suspended member act again."""

    @transition(field=state, source=[MemberState.ACTIVE, MemberState.SUSPENDED], target=MemberState.REMOVED)
    def remove(self) -> None:
        """The firm's administrator removes the member; their cases go back to "Unassigned"."""


class InvitationState(models.TextChoices):
    SENT = "sent", "Sent"
    ACCEPTED = "accepted", "Accepted"
    REVOKED = "revoked", "Withdrawn"


class FirmInvitation(ConcurrentTransitionMixin, models.Model):
    """A firm administrator's invitation to a colleague: a link that expires, can be sent again
    (a new link, the old one stops working) and is used once. Only a hash of the token is kept."""

    firm = models.ForeignKey(Firm, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField()
    is_firm_admin = models.BooleanField("firm administrator", default=False)
    is_solicitor = models.BooleanField("solicitor", default=True)
    sees_all_cases = models.BooleanField("sees all the firm's cases", default=False)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    state = FSMField(default=InvitationState.SENT, choices=InvitationState.choices, protected=True)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=clock.now, editable=False)
    sent_at = models.DateTimeField()
    times_sent = models.PositiveSmallIntegerField(default=1)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
    )

    class Meta:
        ordering = ["-sent_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["firm", "email"], condition=models.Q(state="sent"), name="accounts_one_open_invitation",
                violation_error_message="This person already has an invitation waiting.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.email} ({self.firm})"

    def is_expired(self) -> bool:
        return clock.now() >= self.expires_at

    @transition(field=state, source=InvitationState.SENT, target=InvitationState.ACCEPTED)
    def accept(self) -> None:
        """The colleague used the link: they are now a member."""

    @transition(field=state, source=InvitationState.SENT, target=InvitationState.REVOKED)
    def revoke(self) -> None:
        """The administrator withdrew the invitation."""


class FeeAccountState(models.TextChoices):
    PENDING = "pending", "Waiting for the court to approve it"
    APPROVED = "approved", "Approved"
    REJECTED = "rejected", "Rejected"
    WITHDRAWN = "withdrawn", "Withdrawn"


#: A fee account that may yet be used (waiting for the court, or approved).
FEE_ACCOUNT_LIVE_STATES = (FeeAccountState.PENDING, FeeAccountState.APPROVED)

#: "PBA" and 7 digits, as HMCTS issues them (for example PBA0012345).
PBA_NUMBER_PATTERN = r"^PBA[0-9]{7}$"


class FeeAccount(ConcurrentTransitionMixin, models.Model):
    """A firm's fee account (Payment by Account, "PBA" number), recorded by its administrator and
    approved by court staff. Claims are paid from an approved account (``payments``).

    A PBA number is HMCTS's account of one organisation, so it is live (pending or approved) at most
    once on the service, whichever firm recorded it; a rejected or withdrawn one may be recorded again.
    Services: ``payments.fee_accounts``."""

    firm = models.ForeignKey(Firm, on_delete=models.CASCADE, related_name="fee_accounts")
    pba_number = models.CharField("PBA number", max_length=10)
    name = models.CharField(max_length=100, blank=True, help_text="What the firm calls this account.")
    state = FSMField(default=FeeAccountState.PENDING, choices=FeeAccountState.choices, protected=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=clock.now, editable=False)
    decided_at = models.DateTimeField(null=True, blank=True, editable=False)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False,
    )
    #: Why court staff rejected the account (told to the firm's administrators).
    decision_reason = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["firm__name", "pba_number"]
        constraints = [
            models.CheckConstraint(condition=models.Q(pba_number__regex=PBA_NUMBER_PATTERN),
                                   name="fee_account_pba_number_format"),
            models.UniqueConstraint(fields=["pba_number"], condition=models.Q(state__in=FEE_ACCOUNT_LIVE_STATES),
                                    name="one_live_fee_account_per_pba_number"),
        ]

    def __str__(self) -> str:
        return f"{self.pba_number} ({self.firm})"

    @property
    def is_live(self) -> bool:
        return self.state in FEE_ACCOUNT_LIVE_STATES

    @transition(field=state, source=FeeAccountState.PENDING, target=FeeAccountState.APPROVED)
    def approve(self) -> None:
        """Court staff approve the account: claims may be paid from it."""

    @transition(field=state, source=FeeAccountState.PENDING, target=FeeAccountState.REJECTED)
    def reject(self) -> None:
        """Court staff reject the account."""

    @transition(field=state, source=[FeeAccountState.PENDING, FeeAccountState.APPROVED],
                target=FeeAccountState.WITHDRAWN)
    def withdraw(self) -> None:
        """The firm's administrator stops using the account."""
