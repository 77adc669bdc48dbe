from celery import shared_task

from .services import document_render


@shared_task(name="documents.render")
def render_document(document_id: int) -> None:
    document_render(document_id=document_id)
