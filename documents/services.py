"""Asking for documents and rendering them, so that a failed render never blocks a claim.

``documents_request`` runs inside the step's transaction: it creates the rows (pending)
and, once the step commits, asks the worker to render them. ``document_render``
(``documents.rendering``) renders one; if WeasyPrint or a template fails, the row is marked
failed with a time to try again (back-off), and the ``documents.render_pending`` sweep retries it.
What each kind of document shows, and what happens when it is ready, is registered by the app
that owns the kind (``documents.registry``).
"""
from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.db.models import F

from ocmc import clock

from .models import ClaimDocument, DocumentKind, DocumentStatus
from .rendering import document_render
from .tasks import render_document

__all__ = ["FALLBACK_AFTER", "document_render", "documents_request", "documents_rerender"]

log = logging.getLogger(__name__)

#: The worker renders a requested document at once; the sweep steps in if it has not after this.
FALLBACK_AFTER = timedelta(minutes=5)


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
