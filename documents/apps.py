from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    """PDFs of the court's forms (sealed claim, defendant's pack, receipts), rendered in the background."""

    name = "documents"

    def ready(self) -> None:
        from . import sweeps  # noqa: F401  (registers the render sweep)
