"""Payments of court fees (by card, or from a firm's fee account), and the fake card and fee-account
services used outside production.

``Payment`` is our record of one attempt to pay one fee. Its ``idempotency_key`` is
unique in the database: a double click, a back button or a retry after a timeout sends
the same key, finds the same row and never starts a second payment. Two partial unique
constraints make the rules about a claim's fee hold under concurrency too: at most one
attempt in progress, and at most one successful payment, for each claim and purpose.
"""
from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models

from claims.constants import PAYMENT_LIVE_STATUSES


class PaymentStatus(models.TextChoices):
    CREATED = "created", "Created"
    IN_PROGRESS = "in_progress", "In progress"
    SUCCESS = "success", "Paid"
    FAILED = "failed", "Declined or failed"
    CANCELLED = "cancelled", "Cancelled"


#: A payment still in progress (claims.constants names them for the claim's own services).
LIVE_STATUSES = tuple(PaymentStatus(value) for value in PAYMENT_LIVE_STATUSES)


class PaymentMethod(models.TextChoices):
    CARD = "card", "Card"
    FEE_ACCOUNT = "fee_account", "Fee account"


class PaymentPurpose(models.TextChoices):
    ISSUE_FEE = "issue_fee", "Court fee to issue the claim"


class Payment(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    claim = models.ForeignKey("claims.Claim", on_delete=models.PROTECT, related_name="payments")
    purpose = models.CharField(max_length=20, choices=PaymentPurpose.choices, default=PaymentPurpose.ISSUE_FEE)
    amount = models.DecimalField(max_digits=10, decimal_places=2)
    idempotency_key = models.UUIDField(unique=True)
    status = models.CharField(max_length=12, choices=PaymentStatus.choices, default=PaymentStatus.CREATED)
    provider = models.CharField(max_length=40)
    #: The provider's id for the payment (its reference on receipts); set once it answers.
    reference = models.CharField(max_length=64, unique=True, null=True, blank=True)
    next_url = models.URLField(max_length=500, blank=True)
    failure_reason = models.CharField(max_length=200, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()
    completed_at = models.DateTimeField(null=True, blank=True)
    #: When to ask the provider how the payment stands, if nobody comes back from it
    #: (the browser closed after paying). Empty once the payment is finished.
    check_at = models.DateTimeField(null=True, blank=True)
    method = models.CharField(max_length=12, choices=PaymentMethod.choices, default=PaymentMethod.CARD)
    #: For a fee-account payment: the firm's account it is paid from, its PBA number as charged, and the
    #: firm's own reference for the claim (``Claim.claimant_reference``), which travels with the payment.
    fee_account = models.ForeignKey(
        "accounts.FeeAccount", null=True, blank=True, on_delete=models.PROTECT, related_name="payments",
    )
    pba_number = models.CharField("PBA number", max_length=10, blank=True)
    customer_reference = models.CharField("firm's reference", max_length=100, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["claim", "purpose"], condition=models.Q(status="success"), name="one_successful_payment_per_fee"
            ),
            models.UniqueConstraint(
                fields=["claim", "purpose"], condition=models.Q(status__in=["created", "in_progress"]),
                name="one_live_payment_per_fee",
            ),
        ]
        constraints += [
            models.CheckConstraint(
                condition=(models.Q(method="card", fee_account__isnull=True, pba_number="")
                           | models.Q(method="fee_account", fee_account__isnull=False) & ~models.Q(pba_number="")),
                name="payment_fee_account_iff_method",
            ),
        ]
        indexes = [
            models.Index(fields=["check_at"], name="payment_check_idx", condition=models.Q(check_at__isnull=False))
        ]

    def __str__(self) -> str:
        return f"£{self.amount} {self.get_status_display()} ({self.reference or self.idempotency_key})"

    @property
    def is_live(self) -> bool:
        return self.status in LIVE_STATUSES

    @property
    def how_paid(self) -> str:
        """How the fee was paid, for the claim's timeline, which both parties read: "by card" or "from the
        claimant's legal representative's fee account" (the account's number is the firm's business: it is on
        the firm's receipt and the payment record, never on the timeline)."""
        if self.method == PaymentMethod.FEE_ACCOUNT:
            return "from the claimant's legal representative's fee account"
        return "by card"


class FakeCardPayment(models.Model):
    """The fake card service's own record (what a real provider keeps on its side)."""

    class Status(models.TextChoices):
        CREATED = "created", "Created"
        STARTED = "started", "Card details being entered"
        SUCCESS = "success", "Success"
        DECLINED = "declined", "Declined"
        CANCELLED = "cancelled", "Cancelled"
        EXPIRED = "expired", "Expired"

    provider_id = models.CharField(max_length=32, unique=True)
    idempotency_key = models.CharField(max_length=64, unique=True)
    amount_pence = models.PositiveIntegerField()
    reference = models.CharField(max_length=100)
    description = models.CharField(max_length=200)
    return_url = models.URLField(max_length=500)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.CREATED)
    card_last4 = models.CharField(max_length=4, blank=True)
    created_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "fake card service payment"

    def __str__(self) -> str:
        return f"{self.provider_id} {self.status}"


class FakeFeeAccountPayment(models.Model):
    """The fake fee-account service's own record of a charge (``payments.fake_fee_accounts``), one for each
    idempotency key: asking again with the same key gives this answer and never charges twice."""

    class Status(models.TextChoices):
        PAID = "paid", "Paid"
        REFUSED = "refused", "Refused"

    provider_id = models.CharField(max_length=32, unique=True)
    idempotency_key = models.CharField(max_length=64, unique=True)
    pba_number = models.CharField(max_length=10)
    amount_pence = models.PositiveIntegerField()
    reference = models.CharField(max_length=100)
    customer_reference = models.CharField(max_length=100, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices)
    refusal = models.CharField(max_length=20, blank=True)
    created_at = models.DateTimeField()

    class Meta:
        verbose_name = "fake fee-account service payment"

    def __str__(self) -> str:
        return f"{self.provider_id} {self.pba_number} {self.status}"
