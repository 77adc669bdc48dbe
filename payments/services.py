"""Paying a court fee: start (or resume) a payment, and record what the provider says.

By card (``payment_start``: the payer goes to the card service's page and comes back), or for a
claim made by a firm, from one of its approved fee accounts (``pay_by_account``: the fee-account
service charges the account and answers at once). Both are ``Payment`` rows with idempotency keys,
answered through ``payment_record_answer``, and a paid one issues the claim the same way.

A provider is never called inside a transaction that holds a lock: a slow or silent
card service must not block other work on the claim. What we learn from it is then
applied in a short transaction that locks the claim and the payment (in that order,
everywhere), so a return from the card page, the provider's notification and the
reconciliation sweep can all arrive, in any order and any number of times, and the fee
is recorded once and the claim issued once.
"""
from __future__ import annotations

import logging
import uuid
from datetime import timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.urls import reverse

from accounts.models import FeeAccount, FeeAccountState
from claims import services as claim_services
from claims.errors import ClaimError
from claims.models import Claim
from claims.policy import Action, require
from ocmc import clock
from rules.money import to_pence

from .models import LIVE_STATUSES, Payment, PaymentMethod, PaymentPurpose, PaymentStatus
from .providers import ProviderError, ProviderPayment, ProviderStatus, get_fee_account_provider, get_provider

log = logging.getLogger(__name__)

#: How long after starting a payment, or last asking, to ask the provider again if nobody came back.
CHECK_AFTER = timedelta(minutes=15)
#: How long after a fee-account service did not answer to ask it again (with the same key).
ACCOUNT_CHECK_AFTER = timedelta(minutes=5)


class PaymentUnavailable(ClaimError):
    """The card service could not be reached; trying again (with the same key) is safe."""


def payment_start(*, claim_id: int, actor: Any, idempotency_key: uuid.UUID) -> Payment:
    """Start paying the claim's fee, or return the payment this key (or a live attempt) already started."""
    payment = Payment.objects.filter(idempotency_key=idempotency_key).first()
    if payment is not None:
        if payment.claim_id != claim_id or payment.created_by_id != getattr(actor, "pk", None):
            raise ClaimError("This payment belongs to another claim.")
    else:
        payment = _live_payment(claim_id)
        if payment is not None and payment.reference:
            payment = payment_sync(payment_id=payment.pk)  # finished on the card page since?
        if payment is None or not payment.is_live:
            payment = _record_attempt(claim_id=claim_id, actor=actor, idempotency_key=idempotency_key)
    if payment.method != PaymentMethod.CARD:
        raise ClaimError("A payment of this fee from a fee account is in progress. Wait for it to finish: "
                         "no card payment is needed.")
    if payment.status == PaymentStatus.CREATED:
        payment = _ask_provider_to_create(payment)
    return payment


def _live_payment(claim_id: int) -> Payment | None:
    return Payment.objects.filter(claim_id=claim_id, purpose=PaymentPurpose.ISSUE_FEE, status__in=LIVE_STATUSES).first()


def _locked_for_payment(claim_id: int, actor: Any) -> tuple[Claim, Payment | None]:
    """The claim, locked, and its live payment if one is in progress; otherwise checks that ``actor`` may pay a
    fee that is due. Runs inside the caller's transaction."""
    claim = Claim.objects.select_for_update().filter(pk=claim_id).first()
    if claim is None:
        raise ClaimError("This claim no longer exists.")
    live = _live_payment(claim_id)
    if live is None:
        require(actor, claim, Action.PAY_FEE)
        if claim.fee_due <= 0:
            raise ClaimError("There is no fee to pay on this claim.")
    return claim, live


def _create_payment(claim: Claim, *, actor: Any, idempotency_key: uuid.UUID, check_after: timedelta,
                    **fields: Any) -> Payment:
    """Record a new attempt to pay the claim's fee, once per key: when the same key, or another live attempt,
    committed first (the database's constraints), that one is returned."""
    now = clock.now()
    try:
        with transaction.atomic():
            return Payment.objects.create(
                claim=claim, purpose=PaymentPurpose.ISSUE_FEE, amount=claim.fee_due,
                idempotency_key=idempotency_key, created_by=actor,
                created_at=now, updated_at=now, check_at=now + check_after, **fields,
            )
    except IntegrityError:
        existing = Payment.objects.filter(idempotency_key=idempotency_key).first() or _live_payment(claim.pk)
        if existing is None:
            raise
        return existing


def _record_attempt(*, claim_id: int, actor: Any, idempotency_key: uuid.UUID) -> Payment:
    with transaction.atomic():
        claim, live = _locked_for_payment(claim_id, actor)
        if live is not None:
            return live
        return _create_payment(claim, actor=actor, idempotency_key=idempotency_key, check_after=CHECK_AFTER,
                               provider=get_provider().name)


def _ask_provider_to_create(payment: Payment) -> Payment:
    claim = payment.claim
    try:
        remote = get_provider().create(
            amount=payment.amount,
            reference=str(claim.public_id),
            description=f"Court fee to issue a money claim against {claim.defendant_label}"[:200],
            return_url=reverse("payments:return", args=[payment.public_id]),
            idempotency_key=str(payment.idempotency_key),
        )
    except ProviderError as exc:
        log.warning("payment %s: provider did not create it: %s", payment.pk, exc)
        raise PaymentUnavailable(
            "The card payment service is not answering. No money has been taken. Try again in a few minutes."
        ) from exc
    with transaction.atomic():
        payment = Payment.objects.select_for_update().get(pk=payment.pk)
        if payment.status == PaymentStatus.CREATED:
            payment.reference = remote.id
            payment.next_url = remote.next_url
            payment.status = PaymentStatus.IN_PROGRESS
            payment.updated_at = clock.now()
            payment.save(update_fields=["reference", "next_url", "status", "updated_at"])
    return payment


def payment_sync(*, payment_id: int) -> Payment:
    """Ask the provider how the payment stands and record it (idempotent)."""
    payment = Payment.objects.get(pk=payment_id)
    if not payment.is_live:
        return payment
    if payment.method == PaymentMethod.FEE_ACCOUNT:
        return _charge_account(payment)  # the same key again: answered once, charged once
    if not payment.reference:
        # The provider never answered the create: ask again with the same key (safe), so a
        # payment it did make is found; if it still does not answer, try again later.
        try:
            payment = _ask_provider_to_create(payment)
        except PaymentUnavailable:
            _check_later(payment.pk)
            raise
        if not payment.reference:
            return payment
    remote = get_provider().get(payment.reference)
    return payment_record_answer(payment_id=payment.pk, remote=remote)


def payment_record_answer(*, payment_id: int, remote: ProviderPayment) -> Payment:
    """Record what the provider said about a payment; a success pays the claim's fee, once."""
    with transaction.atomic():
        claim_id = Payment.objects.values_list("claim_id", flat=True).get(pk=payment_id)
        Claim.objects.select_for_update().filter(pk=claim_id).first()  # claim first, then payment
        payment = Payment.objects.select_for_update().get(pk=payment_id)
        if not payment.is_live:
            return payment  # already recorded: this is the second answer
        now = clock.now()
        payment.updated_at = now
        if not payment.reference:
            payment.reference = remote.id  # a fee-account service names its charge only when it answers
        if remote.status == ProviderStatus.SUCCESS:
            payment.status = PaymentStatus.SUCCESS
            payment.completed_at = remote.finished_at or now
            payment.check_at = None
            payment.save()
            claim_services.claim_fee_paid(claim_id=claim_id, payment=payment)
        elif remote.status in (ProviderStatus.FAILED, ProviderStatus.CANCELLED):
            payment.status = PaymentStatus.FAILED if remote.status == ProviderStatus.FAILED else PaymentStatus.CANCELLED
            payment.failure_reason = remote.failure_reason[:200]
            payment.completed_at = remote.finished_at or now
            payment.check_at = None
            payment.save()
        else:
            payment.check_at = now + CHECK_AFTER
            payment.save(update_fields=["reference", "updated_at", "check_at"])
    return payment


def _check_later(payment_id: int) -> None:
    Payment.objects.filter(pk=payment_id, check_at__isnull=False).update(check_at=clock.now() + CHECK_AFTER)


def pay_by_account(*, claim_id: int, actor: Any, fee_account_id: int, idempotency_key: uuid.UUID) -> Payment:
    """Pay the fee of a claim made by a firm from one of the firm's approved fee accounts.

    The same key again (a double submit, a retry after a timeout) settles the payment it started, with
    the fee-account service asked again with that key, so the account is charged at most once. A fresh
    key while a fee-account payment is still unanswered settles that one too (never a second account).
    Returns the payment: paid (the claim is issued), failed (refused: ``failure_reason`` says why; the
    claim stays to be paid) or in progress (no answer yet: the sweep asks again).
    """
    payment = Payment.objects.filter(idempotency_key=idempotency_key).first()
    if payment is not None:
        if payment.claim_id != claim_id or payment.created_by_id != getattr(actor, "pk", None):
            raise ClaimError("This payment belongs to another claim.")
        if payment.method != PaymentMethod.FEE_ACCOUNT:
            raise ClaimError("This payment is not a fee account payment.")
    else:
        payment = _live_payment(claim_id)
        if payment is not None and payment.method == PaymentMethod.CARD:
            try:
                payment = payment_sync(payment_id=payment.pk)  # finished on the card page since?
            except ClaimError:
                pass
        if payment is None or not payment.is_live:
            payment = _record_account_attempt(
                claim_id=claim_id, actor=actor, fee_account_id=fee_account_id, idempotency_key=idempotency_key,
            )
        if payment.method != PaymentMethod.FEE_ACCOUNT:
            raise ClaimError("A card payment of this fee is in progress. Finish it or wait 90 minutes for it to end.")
    if payment.is_live:
        claim = Claim.objects.get(pk=claim_id)
        require(actor, claim, Action.PAY_FEE)  # only someone who may pay asks the service (again)
        payment = _charge_account(payment)
    return payment


def _record_account_attempt(
    *, claim_id: int, actor: Any, fee_account_id: int, idempotency_key: uuid.UUID,
) -> Payment:
    with transaction.atomic():
        claim, live = _locked_for_payment(claim_id, actor)
        if live is not None:
            return live
        if claim.claimant_firm_id is None:
            raise ClaimError("Only a claim made by a firm of solicitors can be paid from a fee account.")
        account = FeeAccount.objects.select_for_update().filter(
            pk=fee_account_id, firm_id=claim.claimant_firm_id).first()
        if account is None or account.state != FeeAccountState.APPROVED:
            raise ClaimError("Choose one of your firm's approved fee accounts.")
        return _create_payment(
            claim, actor=actor, idempotency_key=idempotency_key, check_after=ACCOUNT_CHECK_AFTER,
            provider=get_fee_account_provider().name, method=PaymentMethod.FEE_ACCOUNT, fee_account=account,
            pba_number=account.pba_number, customer_reference=claim.claimant_reference,
        )


def _charge_account(payment: Payment) -> Payment:
    """Ask the fee-account service to charge the account (with the payment's own key), and record its answer.
    No answer: the payment is in progress and is asked about again later (``ACCOUNT_CHECK_AFTER``)."""
    claim = payment.claim
    try:
        answer = get_fee_account_provider().pay_by_account(
            pba_number=payment.pba_number, amount_pence=to_pence(payment.amount), reference=str(claim.public_id),
            customer_reference=payment.customer_reference, idempotency_key=str(payment.idempotency_key),
        )
    except ProviderError as exc:
        log.warning("payment %s: no answer from the fee account service: %s", payment.pk, exc)
        now = clock.now()
        Payment.objects.filter(pk=payment.pk, status__in=LIVE_STATUSES).update(
            status=PaymentStatus.IN_PROGRESS, updated_at=now, check_at=now + ACCOUNT_CHECK_AFTER,
        )
        return Payment.objects.get(pk=payment.pk)
    remote = ProviderPayment(
        id=answer.id, status=ProviderStatus.SUCCESS if answer.paid else ProviderStatus.FAILED,
        failure_reason=answer.refusal_message, finished_at=answer.finished_at,
    )
    return payment_record_answer(payment_id=payment.pk, remote=remote)
