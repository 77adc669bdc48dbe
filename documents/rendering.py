"""Rendering one document, and recording a failed render so that the sweep tries it again.

``document_render`` looks the document's kind up in ``documents.registry`` (the template and the
context builder its app registered), prints it (``documents.pdf``) and marks it ready, running the
kind's ``on_ready`` in the same transaction. If the builder, the template or WeasyPrint fails, the
row is marked failed with a time to try again (back-off), and the ``documents.render_pending`` sweep
retries it. It is its own module so that the Celery task (``documents.tasks``) and the services that
queue that task (``documents.services``) import it without importing each other.
"""
from __future__ import annotations

import hashlib
import logging
from datetime import timedelta

from django.conf import settings
from django.db import transaction

from ocmc import clock

from . import pdf
from .models import ClaimDocument, DocumentStatus
from .registry import context_for, registration

log = logging.getLogger(__name__)

MAX_BACKOFF = timedelta(hours=6)


def document_render(*, document_id: int) -> bool:
    """Render one document if it is not ready yet. Returns True if it is ready now."""
    document = ClaimDocument.objects.select_related("claim").filter(pk=document_id).first()
    if document is None or document.status == DocumentStatus.READY:
        return False
    revision = document.revision
    try:
        entry = registration(document.kind)
        template, context = context_for(document, respond_url=settings.RESPOND_URL)
        if entry.sections is None:
            content = pdf.render_pdf(template, context)
        else:
            content = pdf.render_bundle(template, context, entry.sections(document.claim))
    except Exception as exc:  # a broken template or renderer: record it and try again later
        log.exception("document %s (%s) failed to render", document.pk, document.kind)
        _failed(document.pk, f"{type(exc).__name__}: {exc}")
        return False
    with transaction.atomic():
        document = ClaimDocument.objects.select_for_update().select_related("claim").get(pk=document_id)
        if document.status == DocumentStatus.READY or document.revision != revision:
            return False  # another worker finished it first, or it changed while this render ran
        document.content = content
        document.size = len(content)
        document.sha256 = hashlib.sha256(content).hexdigest()
        document.status = DocumentStatus.READY
        document.rendered_at = clock.now()
        document.next_attempt_at = None
        document.last_error = ""
        document.save()
        on_ready = registration(document.kind).on_ready
        if on_ready is not None:
            on_ready(claim_id=document.claim_id)
    return True


def _failed(document_id: int, error: str) -> None:
    with transaction.atomic():
        document = ClaimDocument.objects.select_for_update().get(pk=document_id)
        if document.status == DocumentStatus.READY:
            return
        document.attempts += 1
        document.status = DocumentStatus.FAILED
        document.last_error = error[:2000]
        document.next_attempt_at = clock.now() + min(MAX_BACKOFF, timedelta(minutes=2 ** min(document.attempts, 9)))
        document.save(update_fields=["attempts", "status", "last_error", "next_attempt_at"])
