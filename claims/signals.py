"""When staff change the court calendar, live deadlines that depend on it move (14.1)."""
from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from court.models import ClosureDay, Outage
from rules.calendar import local

from .services import claim_deadlines_recompute


def calendar_changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    if isinstance(instance, ClosureDay):
        first = last = instance.day
    else:
        first, last = local(instance.start).date(), local(instance.end).date()
    transaction.on_commit(lambda: claim_deadlines_recompute(first_day=first, last_day=last))


def connect() -> None:
    for model in (ClosureDay, Outage):
        post_save.connect(calendar_changed, sender=model, dispatch_uid=f"claims-deadlines-{model.__name__}-save")
        post_delete.connect(calendar_changed, sender=model, dispatch_uid=f"claims-deadlines-{model.__name__}-delete")
