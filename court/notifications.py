"""Telling the parties: the email outbox.

``notify`` renders the email and stores it in the same transaction as the step that
causes it, so a step that rolls back tells nobody and a step that commits always tells
(PD 51R 3.1). Sending happens after commit, by the worker; a failed send is retried with
back-off by the ``court.send_pending_notifications`` sweep. Sending itself is
``court.delivery``, which the worker's task and the sweep call.
"""
from __future__ import annotations

import functools
import logging
import uuid
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.template import Context, Engine, engines

from ocmc import clock

from .models import Notification
from .tasks import send_notification

logger = logging.getLogger(__name__)

#: The sweep leaves a new email this long to the immediate send before it tries itself.
FIRST_RETRY_AFTER = timedelta(minutes=2)


@functools.cache
def _email_engine() -> Engine:
    """Templates for plain-text email: like the site's, but nothing is HTML-escaped."""
    site = engines["django"].engine  # type: ignore[attr-defined]
    return Engine(dirs=site.dirs, app_dirs=site.app_dirs, libraries=site.libraries, autoescape=False)


def render_email(kind: str, context: dict[str, Any]) -> tuple[str, str]:
    """Render ``templates/emails/<kind>.txt``: the first line is ``Subject: …``."""
    context = {"service_name": settings.SERVICE_NAME, "site_url": settings.SITE_URL, **context}
    text = _email_engine().get_template(f"emails/{kind}.txt").render(Context(context, autoescape=False))
    first, _, body = text.lstrip().partition("\n")
    if not first.startswith("Subject:"):
        raise ValueError(f"email template {kind!r} must start with a Subject: line")
    return first.removeprefix("Subject:").strip(), body.strip() + "\n"


def notify(
    *, kind: str, to_email: str, context: dict[str, Any], user: Any = None, claim_number: str = "",
    key: str | None = None,
) -> Notification:
    """Queue an email; it is sent once the surrounding transaction commits.

    With a ``key``, the email is queued once: a second call with the same key returns the
    first notification (a step retried, or a sweep run twice, never tells anyone twice).
    """
    if key is not None:
        existing = Notification.objects.filter(key=key).first()
        if existing is not None:
            return existing
    subject, body = render_email(kind, context)
    now = clock.now()
    notification = Notification.objects.create(
        key=key or uuid.uuid4().hex,
        kind=kind,
        to_email=to_email,
        subject=subject,
        body=body,
        user=user,
        claim_number=claim_number,
        created_at=now,
        next_attempt_at=now + FIRST_RETRY_AFTER,
    )
    transaction.on_commit(lambda: _enqueue(notification.pk))
    return notification


def _enqueue(pk: int) -> None:
    try:
        send_notification.delay(pk)
    except Exception:  # broker down: the sweep sends it later
        logger.warning("could not queue notification %s; the sweep will send it", pk, exc_info=True)
