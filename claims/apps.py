from django.apps import AppConfig


class ClaimsConfig(AppConfig):
    name = "claims"
    verbose_name = "Claims"

    def ready(self) -> None:
        from . import signals, sweeps  # noqa: F401  (registers the claims' deadline sweeps)

        signals.connect()

        from django.db.models.signals import post_migrate

        def counter(**_: object) -> None:
            from .models import ClaimNumberCounter

            ClaimNumberCounter.objects.get_or_create(name="claim", defaults={"last": 0})

        post_migrate.connect(counter, sender=self, dispatch_uid="claims.claim_number_counter", weak=False)
