"""The payment provider interfaces: what the court asks of a card payment service, and of the
fee-account (Payment by Account) service that charges a firm's PBA account.

Shaped like GOV.UK Pay: we create a payment (with our idempotency key, so asking twice
gives the same payment), send the payer to the provider's ``next_url``, and afterwards
ask the provider how the payment stands. We never trust the browser's return alone.
``settings.PAYMENT_PROVIDER`` names the class; ``payments.fake.FakeCardService`` is the
default outside production.

A fee-account payment has no page for the payer: ``pay_by_account`` charges the account and answers
at once, paid or refused (no credit, on hold, an account it does not know), or does not answer in time
(``ProviderTimeout``). It takes our idempotency key the same way: asking again with the same key
returns the first answer and never charges twice, which is how a timed-out payment is settled.
``settings.FEE_ACCOUNT_PROVIDER`` names the class; ``payments.fake_fee_accounts.FakeFeeAccountService``
is the default outside production.
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


class AccountStatus:
    PAID = "paid"
    REFUSED = "refused"


class Refusal:
    """Why a fee-account service refused a charge."""

    NO_CREDIT = "no_credit"
    ON_HOLD = "on_hold"
    UNKNOWN = "unknown"

    MESSAGES = {
        NO_CREDIT: "There is not enough credit on this fee account",
        ON_HOLD: "This fee account is on hold",
        UNKNOWN: "The fee account service does not recognise this PBA number",
    }


@dataclass(frozen=True)
class AccountPayment:
    """The fee-account service's answer to a charge."""

    id: str
    status: str
    #: ``Refusal.*`` for a refused charge.
    refusal: str = ""
    finished_at: datetime | None = None

    @property
    def paid(self) -> bool:
        return self.status == AccountStatus.PAID

    @property
    def refusal_message(self) -> str:
        return Refusal.MESSAGES.get(self.refusal, "The fee account service refused the payment") if self.refusal \
            else ""


class FeeAccountProvider(Protocol):
    name: str

    def pay_by_account(
        self, *, pba_number: str, amount_pence: int, reference: str, customer_reference: str, idempotency_key: str
    ) -> AccountPayment: ...


def get_fee_account_provider() -> FeeAccountProvider:
    return import_string(settings.FEE_ACCOUNT_PROVIDER)()
