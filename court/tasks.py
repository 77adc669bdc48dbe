"""Celery tasks: each loads what it needs and calls a service; no rules live here."""
from __future__ import annotations

from celery import shared_task

from . import sweeps
from .delivery import notification_send


@shared_task(name="court.tasks.dispatch_sweeps")
def dispatch_sweeps() -> list[str]:
    """Queue one run of every registered sweep (beat calls this on a fixed interval)."""
    names = list(sweeps.registered())
    for name in names:
        run_sweep.delay(name)
    return names


@shared_task(name="court.tasks.run_sweep")
def run_sweep(name: str) -> int:
    return sweeps.run_sweep(name).changed


@shared_task(name="court.tasks.send_notification")
def send_notification(notification_id: int) -> bool:
    return notification_send(notification_id=notification_id)
