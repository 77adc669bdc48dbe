"""The worker's task: render one document (``documents.rendering.document_render``), queued by ``documents_request``."""
from celery import shared_task

from .rendering import document_render


@shared_task(name="documents.render")
def render_document(document_id: int) -> None:
    document_render(document_id=document_id)
