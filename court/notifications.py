"""Telling the parties: the email outbox.

``notify`` renders the email and stores it in the same transaction as the step that
causes it, so a step that rolls back tells nobody and a step that commits always tells
(PD 51R 3.1). Sending happens after commit, by the worker; a failed send is retried with
back-off by the ``court.send_pending_notifications`` sweep. Sending itself is
``court.delivery``, which the worker's task and the sweep call.

Callers address an email to a party ("the claimant", "the defendant"). A party represented by a
firm of solicitors is told through the firm: a higher app registers a **recipient router**
(``register_recipient_router``) that ``notify`` asks about every email with a claim number. It
answers None (send as addressed) or a ``Routing``: the firm, the people to email instead (each
gets their own email, keyed from the step's key so it stays once-only, with ``Notification.firm``
set), and the users it put a line in their daily summary for instead of an email.
"""
from __future__ import annotations

import functools
import hashlib
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
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


@dataclass(frozen=True)
class Routing:
    """Where an email addressed to a represented party goes instead (a recipient router's answer)."""

    #: The firm the email goes to on the party's behalf (``Notification.firm``).
    firm: Any
    #: (email, account or None) of each person to email instead of the addressee: may be empty.
    recipients: list[tuple[str, Any]] = field(default_factory=list)
    #: The users the router gave a line in their daily summary instead of an email (it has recorded them).
    summarised: list[Any] = field(default_factory=list)


#: ``router(*, claim_number, to_email, user, kind, key, subject) -> Routing | None``.
RecipientRouter = Callable[..., "Routing | None"]

_ROUTER: list[RecipientRouter] = []

#: Separates a step's key from the recipient in the key of each email a router sends instead.
ROUTED = "~"


def register_recipient_router(router: RecipientRouter) -> RecipientRouter:
    """Install the one recipient router (a higher app's, from its ``ready()``). The same one again is a no-op."""
    if _ROUTER and _ROUTER[0] is not router:
        raise ValueError("a recipient router is already registered")
    if not _ROUTER:
        _ROUTER.append(router)
    return router


def recipient_router() -> RecipientRouter | None:
    return _ROUTER[0] if _ROUTER else None


def routed_prefix(key: str) -> str:
    """The start of the key of every email (and summary line) a router gives instead of the one keyed ``key``."""
    base = key if len(key) <= 120 else hashlib.sha256(key.encode()).hexdigest()[:40]
    return f"{base}{ROUTED}"


def routed_key(key: str, firm_id: int, recipient: str) -> str:
    """The key of what a router gives ``recipient`` (an account's id, or an email address) instead of ``key``."""
    return f"{routed_prefix(key)}{firm_id}:{recipient}"[:200]


def notify(
    *, kind: str, to_email: str, context: dict[str, Any], user: Any = None, claim_number: str = "",
    key: str | None = None, firm: Any = None,
) -> Notification | None:
    """Queue an email; it is sent once the surrounding transaction commits.

    With a ``key``, the email is queued once: a second call with the same key returns the
    first notification (a step retried, or a sweep run twice, never tells anyone twice).

    An email about a claim goes where the recipient router says (see the module's notes). Returns
    the email queued (as addressed, or the first sent instead), or None when the router sent none now
    (everyone it routed to gets the step in a daily summary).

    With ``firm``, the email is the firm's own business with one of its users (a case allocated to them): it
    goes to the address given, is never routed, and is listed with the firm's emails about the claim.
    """
    if key is not None:
        existing = Notification.objects.filter(key=key).first()
        if existing is None:
            existing = Notification.objects.filter(key__startswith=routed_prefix(key)).order_by("pk").first()
        if existing is not None:
            return existing
    subject, body = render_email(kind, context)
    router = recipient_router()
    routing = None
    if firm is not None:
        return _queue(key=key or uuid.uuid4().hex, kind=kind, to_email=to_email, subject=subject, body=body,
                      user=user, claim_number=claim_number, firm=firm)
    if router is not None and claim_number:
        routing = router(claim_number=claim_number, to_email=to_email, user=user, kind=kind, key=key,
                         subject=subject)
    if routing is None:
        return _queue(key=key or uuid.uuid4().hex, kind=kind, to_email=to_email, subject=subject, body=body,
                      user=user, claim_number=claim_number)
    base = key or uuid.uuid4().hex
    first = None
    for email, person in routing.recipients:
        queued = _queue(
            key=routed_key(base, routing.firm.pk, str(person.pk) if person is not None else email.lower()),
            kind=kind, to_email=email, subject=subject, body=body, user=person, claim_number=claim_number,
            firm=routing.firm,
        )
        first = first or queued
    return first


def _queue(*, key: str, kind: str, to_email: str, subject: str, body: str, user: Any, claim_number: str,
           firm: Any = None) -> Notification:
    now = clock.now()
    notification = Notification.objects.create(
        key=key, kind=kind, to_email=to_email, subject=subject, body=body, user=user, claim_number=claim_number,
        firm=firm, created_at=now, next_attempt_at=now + FIRST_RETRY_AFTER,
    )
    transaction.on_commit(lambda: _enqueue(notification.pk))
    return notification


def _enqueue(pk: int) -> None:
    try:
        send_notification.delay(pk)
    except Exception:  # broker down: the sweep sends it later
        logger.warning("could not queue notification %s; the sweep will send it", pk, exc_info=True)
