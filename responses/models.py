"""The defendant's response: the draft they work on, and the response the court received.

A :class:`DefendantResponse` is the form as received (PD 51R 5.1(3)-(6), 13.1(2)): it is
written once, by ``responses.services.response_submit``, and never changed (``save``
refuses an update, and the admin shows it read-only). Its PDF is a ``ClaimDocument`` of
kind ``response``.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import models

from rules.calendar import local

from . import ocon9


class ResponseDraft(models.Model):
    """The answers saved so far, page by page (``responses.ocon9`` documents the keys)."""

    claim = models.OneToOneField("claims.Claim", on_delete=models.CASCADE, related_name="response_draft")
    data = models.JSONField(default=dict, blank=True)
    updated_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"Response draft for {self.claim}"


class ImmutableError(RuntimeError):
    pass


class DefendantResponse(models.Model):
    claim = models.OneToOneField("claims.Claim", on_delete=models.PROTECT, related_name="response")
    kind = models.CharField(max_length=20, choices=[(kind.value, label) for kind, label in ocon9.KIND_LABELS.items()])
    #: Every answer exactly as submitted.
    data = models.JSONField()
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    #: When the court received it, and the day it counts as received (14.1, the 4pm rule).
    submitted_at = models.DateTimeField()
    received_on = models.DateField()
    #: Received after the response deadline (accepted until judgment is entered, 11.1A(2)).
    late = models.BooleanField(default=False)
    #: Statement of truth (13.1(2)-(5)).
    sot_signed_name = models.CharField("statement of truth signed by", max_length=200)
    sot_signer_role = models.CharField(max_length=100, blank=True, help_text="For a company or organisation.")
    sot_signed_on = models.DateField("statement of truth dated")

    # -- the figures the next steps read --------------------------------------------------------
    admitted_amount = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    paid_amount = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    paid_on = models.DateField(null=True, blank=True)
    payment_option = models.CharField(max_length=20, blank=True)
    pay_by = models.DateField(null=True, blank=True)
    instalment_amount = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    instalment_frequency = models.CharField(max_length=20, blank=True)
    first_payment_on = models.DateField(null=True, blank=True)
    mediation_willing = models.BooleanField(null=True)
    preferred_court = models.CharField(max_length=200, blank=True)
    #: Received on paper (OCON9X) and entered by a caseworker from the scan (Section 10).
    on_paper = models.BooleanField(default=False)

    class Meta:
        ordering = ["-submitted_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.claim}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise ImmutableError("A response the court has received is never changed.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise ImmutableError("A response the court has received is never deleted.")

    @property
    def plan(self) -> ocon9.PaymentPlan | None:
        if not self.payment_option:
            return None
        return ocon9.PaymentPlan(
            ocon9.PaymentOption(self.payment_option), pay_by=self.pay_by, instalment=self.instalment_amount,
            frequency=self.instalment_frequency, first_payment=self.first_payment_on,
        )

    @property
    def has_defence(self) -> bool:
        return self.kind in ocon9.DEFENCE_KINDS

    @property
    def disputed_amount(self) -> Decimal | None:
        if self.admitted_amount is None or self.claim.total is None:
            return None
        return self.claim.total - self.admitted_amount

    @property
    def counts_from_a_later_day(self) -> bool:
        """Received at or after 4pm or on a closed day: it counts as received later (14.1)."""
        return self.received_on != local(self.submitted_at).date()

    @property
    def pay_immediately(self) -> bool:
        return self.payment_option == ocon9.PaymentOption.IMMEDIATELY
