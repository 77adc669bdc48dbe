"""The Celery app.

Beat runs on a static schedule in UTC: one entry fans out every registered deadline
sweep (see ``court.sweeps``). Each sweep is idempotent and safe to run concurrently, so
the interval only bounds how late an action can be, never how often it happens.
"""
from __future__ import annotations

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ocmc.settings")

app = Celery("ocmc")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.on_after_finalize.connect
def _schedule(sender: Celery, **_kwargs: object) -> None:
    from django.conf import settings

    sender.add_periodic_task(
        float(settings.SWEEP_INTERVAL_SECONDS),
        sender.signature("court.tasks.dispatch_sweeps"),
        name="dispatch deadline sweeps",
    )
