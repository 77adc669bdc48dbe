"""The deadline engine, proven on PostgreSQL: idempotent, late-safe, concurrency-safe."""
from __future__ import annotations

import threading
from collections import Counter
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import close_old_connections, connection

from claims.models import Claim
from claims.services import claim_draft_create, claim_draft_save
from claims.sweeps import DELETE_EXPIRED_DRAFTS, expired_drafts
from court import sweeps
from court.models import JobRun, Notification
from court.sweeps import Sweep, run_sweep
from tests.conftest import uk

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

START = uk(2026, 11, 2, 9, 0)


def build_world(make_user, travel) -> None:
    """Ten people each start a draft on a different day; some save again later."""
    for index in range(10):
        travel(START + timedelta(days=index))
        owner = make_user(email=f"owner{index}@example.com", first_name=f"Owner{index}", last_name="Smith")
        claim = claim_draft_create(owner=owner, data={"defendant": {"type": "company", "name": f"Defendant {index}"}})
        if index % 3 == 0:
            travel(START + timedelta(days=index + 5))
            claim_draft_save(claim_id=claim.pk, actor=owner, data={"note": "saved again"})


def snapshot() -> tuple[list[str], list[tuple[str, str, str]]]:
    drafts = sorted(claim.defendant_label for claim in Claim.objects.all())
    emails = sorted(Notification.objects.values_list("to_email", "subject", "body"))
    return drafts, emails


def wipe(django_user_model) -> None:
    Notification.objects.all().delete()
    Claim.objects.all().delete()
    django_user_model.objects.all().delete()


def test_deletes_only_expired_drafts_and_records_the_run(make_user, travel):
    owner = make_user()
    travel(START)
    old = claim_draft_create(owner=owner, data={"defendant": {"type": "company", "name": "Old"}})
    travel(START + timedelta(days=20))
    fresh = claim_draft_create(owner=owner, data={"defendant": {"type": "company", "name": "Fresh"}})
    travel(START + timedelta(days=28, seconds=1))

    run = run_sweep(DELETE_EXPIRED_DRAFTS)

    assert list(Claim.objects.values_list("pk", flat=True)) == [fresh.pk]
    assert not Claim.objects.filter(pk=old.pk).exists()
    assert (run.examined, run.changed, run.failed, run.errors) == (1, 1, 0, "")
    assert run.finished_at is not None and run.finished_at >= run.started_at
    assert JobRun.objects.filter(job="claims.delete_expired_drafts").count() == 1
    note = Notification.objects.get()
    assert note.to_email == owner.email
    assert "deleted" in note.subject
    assert "2 November 2026" in note.body


def test_draft_is_kept_until_the_instant_it_expires(make_user, travel):
    owner = make_user()
    travel(START, tick=False)
    claim = claim_draft_create(owner=owner)
    travel(START + timedelta(days=28) - timedelta(seconds=1), tick=False)
    assert run_sweep(DELETE_EXPIRED_DRAFTS).changed == 0
    travel(START + timedelta(days=28), tick=False)
    assert run_sweep(DELETE_EXPIRED_DRAFTS).changed == 1
    assert not Claim.objects.filter(pk=claim.pk).exists()


def test_running_twice_changes_nothing_the_second_time(make_user, travel):
    build_world(make_user, travel)
    travel(START + timedelta(days=40))
    first = run_sweep(DELETE_EXPIRED_DRAFTS)
    after_first = snapshot()
    second = run_sweep(DELETE_EXPIRED_DRAFTS)

    assert first.changed > 0
    assert (second.examined, second.changed) == (0, 0)
    assert snapshot() == after_first


def test_running_three_days_late_gives_the_same_final_state(make_user, travel, django_user_model):
    end = START + timedelta(days=38)  # drafts 6 and 9 expire later: kept

    build_world(make_user, travel)
    day = START + timedelta(days=28)
    while day <= end:  # on time: every day
        travel(day)
        run_sweep(DELETE_EXPIRED_DRAFTS)
        day += timedelta(days=1)
    on_time = snapshot()

    wipe(django_user_model)
    build_world(make_user, travel)
    travel(end - timedelta(days=3))  # the worker was down for the three days before...
    travel(end)  # ...and the sweep only runs now
    run_sweep(DELETE_EXPIRED_DRAFTS)
    late = snapshot()

    assert late == on_time
    assert 0 < len(on_time[0]) < 10  # some drafts kept, some deleted: the test can fail


def test_a_draft_saved_after_it_was_selected_is_not_deleted(make_user, travel):
    owner = make_user()
    travel(START)
    claim = claim_draft_create(owner=owner)
    travel(START + timedelta(days=30))
    selected = list(expired_drafts(START + timedelta(days=30)).values_list("pk", flat=True))
    assert selected == [claim.pk]
    claim_draft_save(claim_id=claim.pk, actor=owner, data={"x": 1})
    # The service re-checks the deadline under its lock, as the sweep would call it.
    from claims.services import claim_draft_delete

    assert claim_draft_delete(claim_id=claim.pk, actor=None) is False
    assert Claim.objects.filter(pk=claim.pk).exists()


def test_one_failing_row_is_recorded_and_does_not_stop_the_others(make_user, travel):
    owner = make_user()
    travel(START)
    claims = [claim_draft_create(owner=owner) for _ in range(5)]
    travel(START + timedelta(days=29))
    bad = claims[2].pk

    def act(pk):
        if pk == bad:
            raise RuntimeError("cannot render letter")
        return DELETE_EXPIRED_DRAFTS.act(pk)

    flaky = Sweep(name="test.flaky", description="", overdue=expired_drafts, act=act, batch_size=2)
    run = run_sweep(flaky)

    assert (run.examined, run.changed, run.failed) == (5, 4, 1)
    assert f"{bad}: RuntimeError: cannot render letter" in run.errors
    assert list(Claim.objects.values_list("pk", flat=True)) == [bad]
    # The next run (with the fault fixed) picks it up.
    assert run_sweep(DELETE_EXPIRED_DRAFTS).changed == 1


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_sweeps_act_on_each_row_exactly_once(make_user, travel):
    owner = make_user()
    travel(START)
    total = 120
    for _ in range(total):
        claim_draft_create(owner=owner)
    travel(START + timedelta(days=29))

    acted: Counter[int] = Counter()
    by_thread: dict[str, set[int]] = {"a": set(), "b": set()}
    lock = threading.Lock()
    barrier = threading.Barrier(2)

    def counting_act(pk):
        changed = DELETE_EXPIRED_DRAFTS.act(pk)
        if changed:
            with lock:
                acted[pk] += 1
                by_thread[threading.current_thread().name].add(pk)
        return changed

    sweep = Sweep(name="test.concurrent", description="", overdue=expired_drafts, act=counting_act, batch_size=5)
    runs: list[JobRun] = []
    errors: list[BaseException] = []

    def worker():
        try:
            barrier.wait()
            runs.append(run_sweep(sweep))
        except BaseException as exc:  # surfaced below
            errors.append(exc)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=worker, name=name) for name in ("a", "b")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert not errors
    assert sum(run.changed for run in runs) == total
    assert sum(run.failed for run in runs) == 0
    assert set(acted.values()) == {1} and len(acted) == total
    assert not by_thread["a"] & by_thread["b"]
    assert Claim.objects.count() == 0
    assert Notification.objects.count() == total
    assert len(mail.outbox) == total


def test_management_command_runs_every_sweep(make_user, travel, capsys):
    owner = make_user()
    travel(START)
    claim_draft_create(owner=owner)
    travel(START + timedelta(days=29))
    call_command("run_sweeps")
    out = capsys.readouterr().out
    assert "claims.delete_expired_drafts: examined 1, changed 1, failed 0" in out
    assert "court.send_pending_notifications" in out
    assert set(JobRun.objects.values_list("job", flat=True)) == set(sweeps.registered())
