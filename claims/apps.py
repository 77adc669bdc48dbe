from django.apps import AppConfig


class ClaimsConfig(AppConfig):
    name = "claims"
    verbose_name = "Claims"

    def ready(self) -> None:
        from . import signals, sweeps  # noqa: F401  (registers the claims' deadline sweeps)

        signals.connect()
