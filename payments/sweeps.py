"""Payments nobody came back from (the browser closed on the card page), and fee-account payments the
fee-account service did not answer: ask the provider again (with the payment's own idempotency key)."""
from __future__ import annotations

from datetime import datetime, timedelta

from django.db.models import QuerySet

from court.sweeps import Sweep, due, register

from .models import Payment
from .services import payment_sync


def unfinished_payments(now: datetime) -> QuerySet[Payment]:
    return due(Payment.objects.all(), "check_at", now)


def _check(pk: int) -> bool:
    before = Payment.objects.values_list("status", flat=True).get(pk=pk)
    return payment_sync(payment_id=pk).status != before


CHECK_UNFINISHED_PAYMENTS = register(
    Sweep(
        name="payments.check_unfinished",
        description=("Ask the card service about payments nobody came back from, and the fee account service about"
                     " charges it did not answer; a paid one issues the claim."),
        overdue=unfinished_payments,
        act=_check,
        lease=timedelta(minutes=5),
        deadline_field="check_at",
    )
)
