from django.apps import AppConfig


class CourtConfig(AppConfig):
    name = "court"
    verbose_name = "Court: calendar, scheduled jobs and notifications"

    def ready(self) -> None:
        from . import sweeps  # noqa: F401  (registers the court's own sweeps)
