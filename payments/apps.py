from django.apps import AppConfig


class PaymentsConfig(AppConfig):
    """Court fees: card payments through a payment provider, with idempotency keys."""

    name = "payments"

    def ready(self) -> None:
        from . import sweeps  # noqa: F401  (registers the payments' sweep)
