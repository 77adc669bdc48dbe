from django.apps import AppConfig


class CourtConfig(AppConfig):
    name = "court"
    verbose_name = "Court: calendar, scheduled jobs and notifications"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from . import sweeps  # noqa: F401  (registers the court's own sweeps)
        from .fees import seed_schedules
        from .fixed_costs import seed_schedules as seed_fixed_costs

        post_migrate.connect(seed_schedules, sender=self, dispatch_uid="court.seed_fee_schedules")
        post_migrate.connect(seed_fixed_costs, sender=self, dispatch_uid="court.seed_fixed_costs_schedules")
