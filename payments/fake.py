"""A fake card payment service that behaves like a real one, for development and tests.

It keeps its own records (``FakeCardPayment``), hosts its own card page, answers the
return to our site *and* sends a notification (so every payment is answered twice, as
real services do), and honours idempotency keys. Test cards:

- ``4444 3333 2222 1111`` (or any other number passing the Luhn check): paid;
- ``4000 0000 0000 0002``: declined;
- the "Cancel payment" button: cancelled.

Unfinished payments expire after 90 minutes, like GOV.UK Pay's. Tests can make the
next call fail with :func:`inject` (``"timeout"``: no answer, nothing created;
``"timeout_after_create"``: created, but the answer is lost; ``"error"``: refused).
"""
from __future__ import annotations

import secrets
from datetime import timedelta
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.urls import reverse

from ocmc import clock
from rules.money import to_pence

from .models import FakeCardPayment
from .providers import ProviderError, ProviderPayment, ProviderStatus, ProviderTimeout

DECLINED_CARDS = frozenset({"4000000000000002"})
EXPIRES_AFTER = timedelta(minutes=90)

_faults: list[str] = []


def inject(fault: str) -> None:
    """Make the next ``create`` fail: "timeout", "timeout_after_create" or "error" (tests only)."""
    if fault not in {"timeout", "timeout_after_create", "error"}:
        raise ValueError(fault)
    _faults.append(fault)


def clear_faults() -> None:
    _faults.clear()


_STATUS = {
    FakeCardPayment.Status.CREATED: ProviderStatus.CREATED,
    FakeCardPayment.Status.STARTED: ProviderStatus.STARTED,
    FakeCardPayment.Status.SUCCESS: ProviderStatus.SUCCESS,
    FakeCardPayment.Status.DECLINED: ProviderStatus.FAILED,
    FakeCardPayment.Status.EXPIRED: ProviderStatus.FAILED,
    FakeCardPayment.Status.CANCELLED: ProviderStatus.CANCELLED,
}
_REASONS = {
    FakeCardPayment.Status.DECLINED: "Your card was declined",
    FakeCardPayment.Status.EXPIRED: "The payment was not finished in time",
}


def luhn_ok(number: str) -> bool:
    digits = [int(d) for d in number]
    total = 0
    for index, digit in enumerate(reversed(digits)):
        if index % 2:
            digit *= 2
            digit -= 9 if digit > 9 else 0
        total += digit
    return len(digits) >= 12 and total % 10 == 0


class FakeCardService:
    name = "fake"

    def create(
        self, *, amount: Decimal, reference: str, description: str, return_url: str, idempotency_key: str
    ) -> ProviderPayment:
        fault = _faults.pop(0) if _faults else None
        if fault == "timeout":
            raise ProviderTimeout("no answer from the card service")
        if fault == "error":
            raise ProviderError("the card service refused the request")
        record = FakeCardPayment.objects.filter(idempotency_key=idempotency_key).first()
        if record is None:
            try:
                with transaction.atomic():
                    record = FakeCardPayment.objects.create(
                        provider_id=secrets.token_hex(10), idempotency_key=idempotency_key,
                        amount_pence=to_pence(amount), reference=reference, description=description,
                        return_url=return_url, created_at=clock.now(),
                    )
            except IntegrityError:  # the same key at the same moment: the other request made it
                record = FakeCardPayment.objects.get(idempotency_key=idempotency_key)
        if fault == "timeout_after_create":
            raise ProviderTimeout("the card service took the payment but its answer was lost")
        return self._answer(record)

    def get(self, provider_id: str) -> ProviderPayment:
        record = FakeCardPayment.objects.filter(provider_id=provider_id).first()
        if record is None:
            raise ProviderError(f"no such payment {provider_id}")
        self.expire_if_old(record)
        return self._answer(record)

    @staticmethod
    def expire_if_old(record: FakeCardPayment) -> None:
        if record.status in (FakeCardPayment.Status.CREATED, FakeCardPayment.Status.STARTED):
            if clock.now() - record.created_at >= EXPIRES_AFTER:
                record.status = FakeCardPayment.Status.EXPIRED
                record.finished_at = record.created_at + EXPIRES_AFTER
                record.save(update_fields=["status", "finished_at"])

    @staticmethod
    def _answer(record: FakeCardPayment) -> ProviderPayment:
        return ProviderPayment(
            id=record.provider_id,
            status=_STATUS[FakeCardPayment.Status(record.status)],
            next_url=reverse("payments:fake_card", args=[record.provider_id]),
            failure_reason=_REASONS.get(FakeCardPayment.Status(record.status), ""),
            finished_at=record.finished_at,
        )
