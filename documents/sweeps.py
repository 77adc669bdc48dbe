"""Documents not rendered yet (the worker was down, or rendering failed): render them."""
from __future__ import annotations

from datetime import datetime, timedelta

from django.db.models import QuerySet

from court.sweeps import Sweep, due, register

from .models import ClaimDocument
from .rendering import document_render


def documents_to_render(now: datetime) -> QuerySet[ClaimDocument]:
    return due(ClaimDocument.objects.all(), "next_attempt_at", now)


RENDER_PENDING = register(
    Sweep(
        name="documents.render_pending",
        description="Render documents not yet rendered, retrying failed ones with back-off.",
        overdue=documents_to_render,
        act=lambda pk: document_render(document_id=pk),
        lease=timedelta(minutes=10),
        deadline_field="next_attempt_at",
    )
)
