"""Sending one email from the outbox (``court.notifications`` queues them): once, with back-off after a failure.

The worker's task (``court.tasks.send_notification``) sends an email as soon as the step that queued it
commits; the ``court.send_pending_notifications`` sweep sends whatever that did not.
"""
from __future__ import annotations

import hashlib
import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction

from ocmc import clock

from .models import Notification

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 8


def notification_send(*, notification_id: int) -> bool:
    """Send one queued email; True if it was sent now. Safe to call twice."""
    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update().filter(pk=notification_id, sent_at__isnull=True).first()
        )
        if notification is None:
            return False
        now = clock.now()
        notification.attempts += 1
        try:
            _message(notification).send()
        except Exception as exc:
            notification.last_error = f"{type(exc).__name__}: {exc}"
            notification.next_attempt_at = (
                now + timedelta(minutes=2**notification.attempts) if notification.attempts < MAX_ATTEMPTS else None
            )
            notification.save(update_fields=["attempts", "last_error", "next_attempt_at"])
            logger.warning("sending notification %s failed: %s", notification_id, exc)
            return False
        notification.sent_at = now
        notification.next_attempt_at = None
        notification.save(update_fields=["attempts", "sent_at", "next_attempt_at"])
        return True


def _message(notification: Notification) -> EmailMessage:
    """The email, with a Message-ID fixed by the notification's key (the same on every attempt)."""
    digest = hashlib.sha256(notification.key.encode()).hexdigest()[:32]
    return EmailMessage(
        notification.subject, notification.body, None, [notification.to_email],
        headers={"Message-ID": f"<{digest}@{settings.MESSAGE_ID_DOMAIN}>"},
    )
