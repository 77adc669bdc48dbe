"""The background worker really runs the sweeps: through Redis, and in embedded mode."""
from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings

from claims.models import Claim
from claims.services import claim_draft_create
from court.models import JobRun
from ocmc import clock
from ocmc.celery import app

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_runs_the_sweeps_through_redis(make_user):
    if not settings.REDIS_URL:
        pytest.skip("needs REDIS_URL: run the suite with `make test`")
    from celery.contrib.testing.worker import start_worker

    from court.sweeps import registered
    from court.tasks import dispatch_sweeps

    def finished_jobs() -> set[str]:
        return set(JobRun.objects.filter(finished_at__isnull=False).values_list("job", flat=True))

    claim = claim_draft_create(owner=make_user())
    Claim.objects.filter(pk=claim.pk).update(draft_expires_at=clock.now() - timedelta(seconds=1))
    app.conf.task_always_eager = False
    try:
        with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=30):
            dispatch_sweeps.delay()
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline and finished_jobs() != set(registered()):
                time.sleep(0.2)
    finally:
        app.conf.task_always_eager = True
    assert finished_jobs() == set(registered()) >= {"claims.delete_expired_drafts", "claims.remind_expiring_drafts"}
    assert not Claim.objects.filter(pk=claim.pk).exists()


@pytest.mark.slow
@pytest.mark.real_clock  # the worker and beat are other processes: they read the machine's clock
def test_embedded_mode_runs_scheduled_sweeps_without_redis(tmp_path):
    """`make run`'s mode: SQLite and Celery's filesystem transport, beat inside the worker."""
    unset = {"DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE", "CELERY_TASK_ALWAYS_EAGER"}
    env = {key: value for key, value in os.environ.items() if key not in unset}
    env.update(OCMC_VAR_DIR=str(tmp_path), SWEEP_INTERVAL_SECONDS="1", DJANGO_SETTINGS_MODULE="ocmc.settings")
    python = sys.executable
    subprocess.run([python, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True, timeout=300)
    subprocess.run(
        [python, "manage.py", "shell", "-c", (
            "from datetime import timedelta\n"
            "from accounts.models import User\n"
            "from claims.models import Claim\n"
            "from claims.services import claim_draft_create\n"
            "from ocmc import clock\n"
            "c = claim_draft_create(owner=User.objects.create_user('old@example.com', 'pw-123456789'))\n"
            "Claim.objects.filter(pk=c.pk).update(draft_expires_at=clock.now() - timedelta(days=1))\n"
        )],
        cwd=ROOT, env=env, check=True, timeout=120,
    )
    database = tmp_path / "money-claims.sqlite3"
    worker = subprocess.Popen(
        [python, "-m", "celery", "-A", "ocmc", "worker", "--beat", "--concurrency=1", "--loglevel=INFO"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 90
        claims_left = jobs = None
        while time.monotonic() < deadline:
            with sqlite3.connect(database, timeout=10) as db:
                claims_left = db.execute("select count(*) from claims_claim").fetchone()[0]
                jobs = db.execute("select count(*) from court_jobrun where finished_at is not null").fetchone()[0]
                mails = list((tmp_path / "mail").glob("*.log")) if (tmp_path / "mail").exists() else []
            if claims_left == 0 and jobs >= 3 and mails:
                break
            time.sleep(0.5)
    finally:
        worker.terminate()
        output = worker.communicate(timeout=30)[0].decode(errors="replace")
    assert claims_left == 0, output[-3000:]
    assert jobs >= 3, output[-3000:]  # one run of each sweep at least
    assert mails, "the draft-deleted email should have been written to var/mail"
    assert "Your draft money claim has been deleted" in mails[0].read_text()
