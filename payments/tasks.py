from celery import shared_task

from .models import Payment
from .services import payment_sync


@shared_task(name="payments.provider_notification", autoretry_for=(Exception,), retry_backoff=True, max_retries=5)
def provider_notification(provider_id: str) -> None:
    """The provider told us a payment finished: record it (the same as the payer's return)."""
    payment = Payment.objects.filter(reference=provider_id).first()
    if payment is not None:
        payment_sync(payment_id=payment.pk)
