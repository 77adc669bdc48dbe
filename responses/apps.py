from django.apps import AppConfig


class ResponsesConfig(AppConfig):
    """The defendant's side: linking a claim, more time, the response and its forms."""

    name = "responses"
    verbose_name = "Responses"

    def ready(self) -> None:
        from . import sweeps  # noqa: F401  (registers the defendant's deadline sweeps)
