"""Money Claims project package: settings, URLs, the Celery app and the one clock."""
from .celery import app as celery_app

__all__ = ("celery_app",)
