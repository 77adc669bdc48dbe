from __future__ import annotations

import uuid
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from claims.errors import ClaimError, NotAllowed
from claims.policy import Action, require
from claims.selectors import get_claim_for_user
from claims.stale import why_not
from claims.views import render_fee_page
from ocmc import clock
from rules.money import from_pence

from . import tasks
from .fake import DECLINED_CARDS, FakeCardService
from .forms import CardForm
from .models import FakeCardPayment, Payment, PaymentStatus
from .services import PaymentUnavailable, payment_start, payment_sync


@login_required
@require_POST
def pay_fee(request: HttpRequest, public_id: UUID) -> HttpResponse:
    """Start (or resume) paying the claim's fee, then go to the card service's page."""
    claim = get_claim_for_user(request.user, public_id)
    try:
        key = uuid.UUID(request.POST.get("idempotency_key", ""))
    except ValueError:
        return redirect("claims:fee", public_id=claim.public_id)
    try:
        payment = payment_start(claim_id=claim.pk, actor=request.user, idempotency_key=key)
    except NotAllowed:
        raise  # paid, or sent for Help with Fees, since the page was shown: StaleStepMiddleware
    except PaymentUnavailable as exc:
        return render_fee_page(request, claim, idempotency_key=key, error=str(exc), status=503)
    except ClaimError as exc:
        return render_fee_page(request, claim, error=str(exc), status=409)
    if payment.status == PaymentStatus.SUCCESS:  # a second press, or a page from before it was paid
        claim.refresh_from_db()
        messages.info(request, why_not(claim, Action.PAY_FEE))
        return redirect("claims:detail", public_id=claim.public_id)
    return redirect(payment.next_url)


@login_required
def payment_return(request: HttpRequest, payment_id: UUID) -> HttpResponse:
    """The payer comes back from the card service: ask it how the payment went (never trust the visit)."""
    payment = Payment.objects.select_related("claim").filter(public_id=payment_id).first()
    if payment is None:
        raise Http404("No such payment")
    claim = get_claim_for_user(request.user, payment.claim.public_id)
    try:
        payment = payment_sync(payment_id=payment.pk)
    except ClaimError as exc:
        return render_fee_page(request, claim, error=str(exc), status=503)
    if payment.status == PaymentStatus.SUCCESS:
        messages.success(request, "Payment received. Your claim has been issued.")
        return redirect("claims:detail", public_id=claim.public_id)
    if payment.status in (PaymentStatus.CANCELLED, PaymentStatus.FAILED):
        # An attempt from a stale page: offer to pay again only if the fee is still to pay.
        require(request.user, claim, Action.PAY_FEE)
    if payment.status == PaymentStatus.CANCELLED:
        return render_fee_page(request, claim, error="You cancelled the payment. No money has been taken.")
    if payment.status == PaymentStatus.FAILED:
        reason = payment.failure_reason or "Your payment was not successful"
        return render_fee_page(request, claim, error=f"{reason}. No money has been taken. You can try again.")
    return redirect(payment.next_url)


@require_http_methods(["GET", "POST"])
def fake_card(request: HttpRequest, provider_id: str) -> HttpResponse:
    """The fake card service's hosted page (what GOV.UK Pay shows the payer)."""
    record = FakeCardPayment.objects.filter(provider_id=provider_id).first()
    if record is None:
        raise Http404("No such payment")
    FakeCardService.expire_if_old(record)
    if record.status not in (FakeCardPayment.Status.CREATED, FakeCardPayment.Status.STARTED):
        return redirect(record.return_url)
    form = CardForm()
    if request.method == "POST":
        if "cancel" in request.POST:
            return _finish(record, FakeCardPayment.Status.CANCELLED)
        form = CardForm(request.POST)
        if form.is_valid():
            number = form.cleaned_data["card_number"]
            record.card_last4 = number[-4:]
            status = FakeCardPayment.Status.DECLINED if number in DECLINED_CARDS else FakeCardPayment.Status.SUCCESS
            return _finish(record, status)
    elif record.status == FakeCardPayment.Status.CREATED:
        record.status = FakeCardPayment.Status.STARTED
        record.save(update_fields=["status"])
    return render(request, "payments/fake_card.html", {"record": record, "form": form,
                                                         "amount": from_pence(record.amount_pence)})


def _finish(record: FakeCardPayment, status: str) -> HttpResponse:
    with transaction.atomic():
        locked = FakeCardPayment.objects.select_for_update().get(pk=record.pk)
        if locked.status in (FakeCardPayment.Status.CREATED, FakeCardPayment.Status.STARTED):
            locked.status = status
            locked.card_last4 = record.card_last4
            locked.finished_at = clock.now()
            locked.save(update_fields=["status", "card_last4", "finished_at"])
            # Like a real service, it also notifies us, so the payment is answered twice.
            transaction.on_commit(lambda: tasks.provider_notification.delay(locked.provider_id))
    return redirect(record.return_url)
