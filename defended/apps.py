from django.apps import AppConfig


class DefendedConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "defended"
    verbose_name = "Defended claims, court decisions and applications"

    def ready(self) -> None:
        # Register the deadline sweeps.
        from . import sweeps  # noqa: F401
