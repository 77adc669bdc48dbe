from django.apps import AppConfig


class FirmsConfig(AppConfig):
    """Firms of solicitors on the service: registering a firm, and its administrator managing its users."""

    name = "firms"
    verbose_name = "Firms"
