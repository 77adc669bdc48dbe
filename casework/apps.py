from django.apps import AppConfig


class CaseworkConfig(AppConfig):
    """A firm's cases: the dashboard, allocating cases to its solicitors, and the emails about them."""

    name = "casework"
    verbose_name = "Firm casework"

    def ready(self) -> None:
        from court.notifications import register_recipient_router

        from . import email_services, sweeps  # noqa: F401  (registers the firm emails' daily sweeps)

        register_recipient_router(email_services.route)
