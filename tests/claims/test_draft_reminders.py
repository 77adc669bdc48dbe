"""DRAFT-28's warning: the owner is told 7 days before a draft is deleted."""
from __future__ import annotations

import pytest

from claims.models import Claim
from claims.services import claim_draft_create, claim_draft_save
from claims.sweeps import DELETE_EXPIRED_DRAFTS, REMIND_EXPIRING_DRAFTS
from court.models import Notification
from court.sweeps import run_sweep
from tests.conftest import uk

pytestmark = pytest.mark.django_db

SAVED = uk(2026, 11, 2, 9, 0)  # expires 9am on Monday 30 November 2026; reminder 9am on 23 November


def reminders() -> list[Notification]:
    return list(Notification.objects.filter(kind="draft_expiring"))


def test_reminder_is_sent_seven_days_before_deletion(make_user, travel):
    travel(SAVED, tick=False)
    claim = claim_draft_create(
        owner=make_user(email="pat@example.com"), data={"defendant": {"type": "company", "name": "Acme Ltd"}}
    )
    assert claim.draft_reminder_at == uk(2026, 11, 23, 9, 0)

    travel(uk(2026, 11, 23, 8, 59), tick=False)
    assert run_sweep(REMIND_EXPIRING_DRAFTS).changed == 0
    travel(uk(2026, 11, 23, 9, 0), tick=False)
    assert run_sweep(REMIND_EXPIRING_DRAFTS).changed == 1

    (note,) = reminders()
    assert note.to_email == "pat@example.com"
    assert note.subject == "Your draft money claim will be deleted on 30 November 2026"
    assert "9am on Monday 30 November 2026" in note.body and "Claim against Acme Ltd" in note.body
    claim.refresh_from_db()
    assert claim.draft_reminder_at is None and claim.draft_expires_at == uk(2026, 11, 30, 9, 0)


def test_running_twice_reminds_once(make_user, travel):
    travel(SAVED, tick=False)
    claim_draft_create(owner=make_user())
    travel(uk(2026, 11, 24, 12, 0), tick=False)
    assert run_sweep(REMIND_EXPIRING_DRAFTS).changed == 1
    assert run_sweep(REMIND_EXPIRING_DRAFTS).examined == 0
    assert len(reminders()) == 1


def test_saving_the_draft_moves_the_reminder(make_user, travel):
    owner = make_user()
    travel(SAVED, tick=False)
    claim = claim_draft_create(owner=owner)
    travel(uk(2026, 11, 23, 10, 0), tick=False)
    run_sweep(REMIND_EXPIRING_DRAFTS)
    claim_draft_save(claim_id=claim.pk, actor=owner, data={"amount": "100.00"})
    claim.refresh_from_db()
    assert claim.draft_reminder_at == uk(2026, 12, 14, 10, 0)
    travel(uk(2026, 12, 14, 10, 0), tick=False)
    assert run_sweep(REMIND_EXPIRING_DRAFTS).changed == 1
    assert len(reminders()) == 2


def test_a_sweep_running_after_the_draft_expired_sends_no_reminder(make_user, travel):
    """After downtime, the owner gets the deletion email, not a warning that is already too late."""
    travel(SAVED, tick=False)
    claim = claim_draft_create(owner=make_user())
    travel(uk(2026, 12, 3, 9, 0), tick=False)  # three days after it expired
    reminded = run_sweep(REMIND_EXPIRING_DRAFTS)
    deleted = run_sweep(DELETE_EXPIRED_DRAFTS)
    assert (reminded.examined, reminded.changed) == (1, 0)
    assert deleted.changed == 1
    assert not Claim.objects.filter(pk=claim.pk).exists()
    assert list(Notification.objects.values_list("kind", flat=True)) == ["draft_deleted"]
