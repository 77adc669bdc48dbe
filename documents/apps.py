from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules


class DocumentsConfig(AppConfig):
    """PDFs of the court's forms (sealed claim, defendant's pack, receipts), rendered in the background."""

    name = "documents"

    def ready(self) -> None:
        from . import sweeps  # noqa: F401  (registers the render sweep)

        # Each app registers its own kinds of document in its pdfs module (documents.registry).
        autodiscover_modules("pdfs")
