"""A fake fee-account (Payment by Account) service for development and tests.

It keeps its own record of every charge (``FakeFeeAccountPayment``), one for each idempotency key: a
charge asked again with the same key gets the first answer back and is never taken twice. What it
answers is decided by the last 4 digits of the PBA number:

- ``…0002``: refused, not enough credit on the account;
- ``…0003``: refused, the account is on hold;
- ``…0005``: refused, the service does not know the account;
- ``…0004``: the charge is taken, but the answer is lost (``ProviderTimeout``); asking again with the
  same key answers "paid" (this is how a timed-out payment is settled, by the payer's retry or the
  reconciliation sweep);
- anything else: paid.

Tests can also make the next call fail before anything happens with :func:`inject` (``"timeout"``: no
answer and nothing charged; ``"error"``: the service refused the request).
"""
from __future__ import annotations

import secrets

from django.db import IntegrityError, transaction

from ocmc import clock

from .models import FakeFeeAccountPayment
from .providers import AccountPayment, AccountStatus, ProviderError, ProviderTimeout, Refusal

#: The last 4 digits of a PBA number that the fake service refuses, and why.
REFUSED_ENDINGS = {"0002": Refusal.NO_CREDIT, "0003": Refusal.ON_HOLD, "0005": Refusal.UNKNOWN}
#: The last 4 digits of a PBA number whose first answer is lost (the charge is taken).
TIMEOUT_ENDING = "0004"

_faults: list[str] = []


def inject(fault: str) -> None:
    """Make the next ``pay_by_account`` fail before it charges: "timeout" or "error" (tests only)."""
    if fault not in {"timeout", "error"}:
        raise ValueError(fault)
    _faults.append(fault)


def clear_faults() -> None:
    _faults.clear()


class FakeFeeAccountService:
    name = "fake_fee_accounts"

    def pay_by_account(
        self, *, pba_number: str, amount_pence: int, reference: str, customer_reference: str, idempotency_key: str
    ) -> AccountPayment:
        fault = _faults.pop(0) if _faults else None
        if fault == "timeout":
            raise ProviderTimeout("no answer from the fee account service")
        if fault == "error":
            raise ProviderError("the fee account service refused the request")
        record = FakeFeeAccountPayment.objects.filter(idempotency_key=idempotency_key).first()
        if record is not None:
            return self._answer(record)  # the same key again: the first answer, nothing charged again
        refusal = REFUSED_ENDINGS.get(pba_number[-4:], "")
        try:
            with transaction.atomic():
                record = FakeFeeAccountPayment.objects.create(
                    provider_id=secrets.token_hex(10), idempotency_key=idempotency_key, pba_number=pba_number,
                    amount_pence=amount_pence, reference=reference, customer_reference=customer_reference,
                    status=FakeFeeAccountPayment.Status.REFUSED if refusal else FakeFeeAccountPayment.Status.PAID,
                    refusal=refusal, created_at=clock.now(),
                )
        except IntegrityError:  # the same key at the same moment: the other request made it
            return self._answer(FakeFeeAccountPayment.objects.get(idempotency_key=idempotency_key))
        if pba_number.endswith(TIMEOUT_ENDING):
            raise ProviderTimeout("the fee account service took the payment but its answer was lost")
        return self._answer(record)

    @staticmethod
    def _answer(record: FakeFeeAccountPayment) -> AccountPayment:
        paid = record.status == FakeFeeAccountPayment.Status.PAID
        return AccountPayment(
            id=record.provider_id, status=AccountStatus.PAID if paid else AccountStatus.REFUSED,
            refusal=record.refusal, finished_at=record.created_at,
        )
