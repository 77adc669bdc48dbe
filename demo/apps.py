from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo users and claims for trying the portal locally (``manage.py seed_demo``). The top layer: it
    drives every other app through its services, and nothing imports it."""

    name = "demo"
    verbose_name = "Demo data"
