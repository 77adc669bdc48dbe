"""The email outbox: queued with the step, sent after commit, retried with back-off."""
from __future__ import annotations

from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.db import transaction

from court.delivery import MAX_ATTEMPTS, notification_send
from court.models import Notification
from court.notifications import FIRST_RETRY_AFTER, notify, render_email
from court.sweeps import run_sweep
from tests.conftest import uk

pytestmark = pytest.mark.django_db

CONTEXT = {
    "owner": {"display_name": "Pat Person"},
    "claim": {"description": "Claim against Acme"},
    "last_saved_at": uk(2026, 11, 2, 9, 0),
}


def test_rendered_email_has_subject_and_body():
    subject, body = render_email("draft_deleted", CONTEXT)
    assert subject == "Your draft money claim has been deleted"
    assert body.startswith("Dear Pat Person,")
    assert "2 November 2026" in body


def test_sent_once_the_transaction_commits(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        with transaction.atomic():
            note = notify(kind="draft_deleted", to_email="pat@example.com", context=CONTEXT)
            assert len(mail.outbox) == 0
    note.refresh_from_db()
    assert note.sent_at is not None and note.next_attempt_at is None and note.attempts == 1
    assert [m.to for m in mail.outbox] == [["pat@example.com"]]


def test_nothing_is_queued_when_the_step_rolls_back(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError):
            with transaction.atomic():
                notify(kind="draft_deleted", to_email="pat@example.com", context=CONTEXT)
                raise RuntimeError("the step failed")
    assert Notification.objects.count() == 0
    assert mail.outbox == []


def test_sending_twice_sends_once(django_capture_on_commit_callbacks):
    note = notify(kind="draft_deleted", to_email="pat@example.com", context=CONTEXT)
    assert notification_send(notification_id=note.pk) is True
    assert notification_send(notification_id=note.pk) is False
    assert len(mail.outbox) == 1


def test_failed_send_backs_off_and_the_sweep_retries(travel):
    travel(uk(2026, 11, 2, 9, 0), tick=False)
    note = notify(kind="draft_deleted", to_email="pat@example.com", context=CONTEXT)
    with mock.patch("court.delivery.EmailMessage.send", side_effect=ConnectionRefusedError("SMTP down")):
        assert notification_send(notification_id=note.pk) is False
    note.refresh_from_db()
    assert note.attempts == 1 and "SMTP down" in note.last_error
    assert note.next_attempt_at == uk(2026, 11, 2, 9, 2)

    # Not due yet: the sweep leaves it alone.
    travel(uk(2026, 11, 2, 9, 1), tick=False)
    assert run_sweep("court.send_pending_notifications").examined == 0
    travel(uk(2026, 11, 2, 9, 2), tick=False)
    assert run_sweep("court.send_pending_notifications").changed == 1
    note.refresh_from_db()
    assert note.sent_at == uk(2026, 11, 2, 9, 2) and note.attempts == 2
    assert len(mail.outbox) == 1


def test_a_notification_never_sent_immediately_is_sent_by_the_sweep(travel):
    travel(uk(2026, 11, 2, 9, 0), tick=False)
    notify(kind="draft_deleted", to_email="pat@example.com", context=CONTEXT)  # on_commit never ran
    travel(uk(2026, 11, 2, 9, 0) + FIRST_RETRY_AFTER, tick=False)
    assert run_sweep("court.send_pending_notifications").changed == 1
    assert len(mail.outbox) == 1


def test_gives_up_after_the_last_attempt(travel):
    travel(uk(2026, 11, 2, 9, 0), tick=False)
    note = notify(kind="draft_deleted", to_email="pat@example.com", context=CONTEXT)
    Notification.objects.filter(pk=note.pk).update(attempts=MAX_ATTEMPTS - 1)
    with mock.patch("court.delivery.EmailMessage.send", side_effect=OSError("bounced")):
        notification_send(notification_id=note.pk)
    note.refresh_from_db()
    assert note.next_attempt_at is None and note.sent_at is None and note.attempts == MAX_ATTEMPTS
    travel(uk(2026, 11, 9, 9, 0), tick=False)
    assert run_sweep("court.send_pending_notifications").examined == 0
    assert note.created_at + timedelta(days=7) == uk(2026, 11, 9, 9, 0)


def test_a_keyed_notification_is_queued_once_and_keeps_its_message_id(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = notify(kind="draft_deleted", to_email="pat@example.com", context=CONTEXT, key="claim-1:deleted")
        second = notify(kind="draft_deleted", to_email="pat@example.com", context=CONTEXT, key="claim-1:deleted")
    assert first.pk == second.pk and Notification.objects.count() == 1
    assert len(mail.outbox) == 1
    message_id = mail.outbox[0].extra_headers["Message-ID"]
    # A resend of the same notification carries the same Message-ID, so mail systems drop the copy.
    Notification.objects.filter(pk=first.pk).update(sent_at=None)
    notification_send(notification_id=first.pk)
    assert mail.outbox[1].extra_headers["Message-ID"] == message_id


def test_plain_text_emails_are_not_html_escaped():
    context = {**CONTEXT, "owner": {"display_name": "Pat O'Brien & Sons"}}
    _subject, body = render_email("draft_deleted", context)
    assert "Dear Pat O'Brien & Sons," in body
