"""The deadline engine.

Live deadlines are columns on the records they belong to (indexed). A **sweep** is a
named query for the rows whose deadline has passed plus the service function that acts
on one of them: the same function a person's action would call, which re-checks the row
under its lock and changes nothing if the deadline no longer applies.

``run_sweep`` takes overdue rows in batches with ``SELECT … FOR UPDATE SKIP LOCKED``,
so two sweeps running at once share the work and never act on a row twice; it acts on
each row in a savepoint, so one bad row is recorded and retried on the next run without
stopping the others; and it records the run in ``JobRun``.

Properties the tests prove on PostgreSQL: running a sweep twice changes nothing the
second time; running it late gives the same final state as running it on time; running
two concurrently acts on each row exactly once.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.db.models import QuerySet

from ocmc import clock

from .delivery import notification_send
from .models import JobRun, Notification

logger = logging.getLogger(__name__)

MAX_ERRORS_KEPT = 50


@dataclass(frozen=True)
class Sweep:
    name: str
    description: str
    #: The rows whose deadline has passed at ``now``, ordered oldest deadline first.
    overdue: Callable[[datetime], QuerySet[Any]]
    #: Acts on the row with this primary key; returns True if it changed anything.
    act: Callable[[Any], bool]
    #: Rows locked and acted on in one transaction. Each row costs two savepoints (the
    #: sweep's and the service's); PostgreSQL caches 64 subtransactions per backend and
    #: slows every snapshot once a transaction has more, so keep batches at 30 or fewer.
    batch_size: int = 25
    #: For work that calls out (a payment provider) or takes long (a PDF): instead of
    #: holding row locks while acting, take each batch with a short lease (push the row's
    #: ``deadline_field`` this far ahead and commit), then act on each row outside any
    #: transaction. A crashed worker's rows come back when the lease ends. ``act`` must
    #: then not re-check the deadline (the lease moved it); it re-checks the row's state.
    lease: timedelta | None = None
    deadline_field: str = ""

    def __post_init__(self) -> None:
        if self.lease is not None and not self.deadline_field:
            raise ValueError("a leased sweep needs its deadline_field")


def due(rows: QuerySet[Any], deadline_field: str, now: datetime) -> QuerySet[Any]:
    """The rows whose ``deadline_field`` has passed at ``now``, oldest deadline first.

    The usual ``Sweep.overdue``: the filter the deadline's partial index serves, in an
    order that makes batches deterministic.
    """
    return rows.filter(**{f"{deadline_field}__lte": now}).order_by(deadline_field, "pk")


_REGISTRY: dict[str, Sweep] = {}


def register(sweep: Sweep) -> Sweep:
    if sweep.name in _REGISTRY and _REGISTRY[sweep.name] is not sweep:
        raise ValueError(f"a sweep named {sweep.name!r} is already registered")
    _REGISTRY[sweep.name] = sweep
    return sweep


def registered() -> dict[str, Sweep]:
    return dict(sorted(_REGISTRY.items()))


def get(name: str) -> Sweep:
    try:
        return _REGISTRY[name]
    except KeyError:
        raise KeyError(f"no sweep named {name!r}; known: {', '.join(sorted(_REGISTRY))}") from None


def run_sweep(sweep: Sweep | str, *, batch_size: int | None = None) -> JobRun:
    """Act on every row overdue when the run starts; return the recorded run."""
    if isinstance(sweep, str):
        sweep = get(sweep)
    size = batch_size or sweep.batch_size
    started = clock.now()
    run = JobRun.objects.create(job=sweep.name, started_at=started)
    examined = changed = 0
    failures: dict[Any, str] = {}
    def act(pk: Any) -> None:
        nonlocal examined, changed
        examined += 1
        try:
            if sweep.lease is not None:
                done = sweep.act(pk)  # outside any transaction: the service makes its own
            else:
                with transaction.atomic():
                    done = sweep.act(pk)
            if done:
                changed += 1
        except Exception as exc:  # one bad row must not stop the others
            logger.exception("sweep %s failed on row %s", sweep.name, pk)
            failures[pk] = f"{pk}: {type(exc).__name__}: {exc}"

    while True:
        with transaction.atomic():
            rows = sweep.overdue(started)
            if failures:
                rows = rows.exclude(pk__in=list(failures))
            batch = list(rows.select_for_update(skip_locked=True).values_list("pk", flat=True)[:size])
            if not batch:
                break
            if sweep.lease is None:
                for pk in batch:
                    act(pk)
                continue
            rows.model.objects.filter(pk__in=batch).update(**{sweep.deadline_field: clock.now() + sweep.lease})
        for pk in batch:  # leased: act outside the batch's transaction
            act(pk)
    run.finished_at = clock.now()
    run.examined = examined
    run.changed = changed
    run.failed = len(failures)
    run.errors = "\n".join(list(failures.values())[:MAX_ERRORS_KEPT])
    run.save(update_fields=["finished_at", "examined", "changed", "failed", "errors"])
    if examined or failures:
        logger.info("sweep %s: examined %s, changed %s, failed %s", sweep.name, examined, changed, len(failures))
    return run


# The court's own sweep: emails whose first sending did not happen (worker down, SMTP error).
def _pending_notifications(now: datetime) -> QuerySet[Any]:
    return due(Notification.objects.all(), "next_attempt_at", now)


def _send_notification(pk: Any) -> bool:
    return notification_send(notification_id=pk)


register(
    Sweep(
        name="court.send_pending_notifications",
        description="Send emails not yet sent (retries with back-off).",
        overdue=_pending_notifications,
        act=_send_notification,
    )
)
