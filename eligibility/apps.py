from django.apps import AppConfig


class EligibilityConfig(AppConfig):
    """Can this claim use the online service? (PD 51R 2.1(3)), one question a page."""

    name = "eligibility"
