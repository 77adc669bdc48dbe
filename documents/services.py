"""Asking for documents and rendering them, so that a failed render never blocks a claim.

``documents_request`` runs inside the step's transaction: it creates the rows (pending)
and, once the step commits, asks the worker to render them. ``document_render`` renders
one; if WeasyPrint or a template fails, the row is marked failed with a time to try
again (back-off), and the ``documents.render_pending`` sweep retries it.
"""
from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import F

from ocmc import clock

from .models import ClaimDocument, DocumentKind, DocumentStatus

log = logging.getLogger(__name__)

MAX_BACKOFF = timedelta(hours=6)
#: The worker renders a requested document at once; the sweep steps in if it has not after this.
FALLBACK_AFTER = timedelta(minutes=5)


def _served_by_post(document: ClaimDocument) -> None:
    from claims.services import claim_served_by_post

    claim_served_by_post(claim_id=document.claim_id)


#: What happens when a document of a kind is ready.
ON_READY: dict[str, Callable[[ClaimDocument], None]] = {
    DocumentKind.DEFENDANT_PACK: _served_by_post,
}


def documents_request(claim: Any, kinds: Iterable[str]) -> list[ClaimDocument]:
    """Create the claim's documents of these kinds (pending) and render them after commit."""
    now = clock.now()
    documents = []
    for kind in kinds:
        document, _ = ClaimDocument.objects.get_or_create(
            claim=claim, kind=DocumentKind(kind), defaults={"created_at": now, "next_attempt_at": now + FALLBACK_AFTER}
        )
        documents.append(document)
    ids = [document.pk for document in documents]

    def enqueue() -> None:
        from .tasks import render_document

        for pk in ids:
            try:
                render_document.delay(pk)
            except Exception:  # broker down: the sweep renders it later
                log.warning("could not queue document %s; the render sweep will do it", pk, exc_info=True)

    transaction.on_commit(enqueue)
    return documents


def documents_rerender(claim: Any, kinds: Iterable[str]) -> list[ClaimDocument]:
    """What these documents show has changed (a signature added): render them anew after commit.

    The new revision makes any render already under way for the old content give way."""
    now = clock.now()
    ClaimDocument.objects.filter(claim=claim, kind__in=[DocumentKind(kind) for kind in kinds]).update(
        status=DocumentStatus.PENDING, revision=F("revision") + 1, attempts=0, last_error="",
        next_attempt_at=now + FALLBACK_AFTER,
    )
    return documents_request(claim, kinds)


def document_render(*, document_id: int) -> bool:
    """Render one document if it is not ready yet. Returns True if it is ready now."""
    from .contexts import context_for
    from .pdf import render_pdf

    document = ClaimDocument.objects.select_related("claim").filter(pk=document_id).first()
    if document is None or document.status == DocumentStatus.READY:
        return False
    revision = document.revision
    try:
        template, context = context_for(document, respond_url=settings.RESPOND_URL)
        content = render_pdf(template, context)
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
        if document.kind in ON_READY:
            ON_READY[document.kind](document)
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
