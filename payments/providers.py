"""The payment provider interface: what the court asks of a card payment service.

Shaped like GOV.UK Pay: we create a payment (with our idempotency key, so asking twice
gives the same payment), send the payer to the provider's ``next_url``, and afterwards
ask the provider how the payment stands. We never trust the browser's return alone.
``settings.PAYMENT_PROVIDER`` names the class; ``payments.fake.FakeCardService`` is the
default outside production.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Protocol

from django.conf import settings
from django.utils.module_loading import import_string


class ProviderStatus:
    CREATED = "created"
    STARTED = "started"
    SUCCESS = "success"
    FAILED = "failed"
    CANCELLED = "cancelled"

    FINISHED = (SUCCESS, FAILED, CANCELLED)


@dataclass(frozen=True)
class ProviderPayment:
    id: str
    status: str
    next_url: str = ""
    failure_reason: str = ""
    #: When the provider finished the payment (for a success: when the money was taken).
    finished_at: datetime | None = None

    @property
    def finished(self) -> bool:
        return self.status in ProviderStatus.FINISHED


class ProviderError(Exception):
    """The provider refused or failed; nothing is known to have happened. Try again later."""


class ProviderTimeout(ProviderError):
    """The provider did not answer in time: the payment may or may not have been created.
    Asking again with the same idempotency key is safe."""


class PaymentProvider(Protocol):
    name: str

    def create(
        self, *, amount: Decimal, reference: str, description: str, return_url: str, idempotency_key: str
    ) -> ProviderPayment: ...

    def get(self, provider_id: str) -> ProviderPayment: ...


def get_provider() -> PaymentProvider:
    return import_string(settings.PAYMENT_PROVIDER)()
