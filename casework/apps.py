from django.apps import AppConfig


class CaseworkConfig(AppConfig):
    """A firm's cases: the dashboard, allocating cases to its solicitors, and the emails about them."""

    name = "casework"
    verbose_name = "Firm casework"
