"""Races on PostgreSQL: a response against the deadline sweeps, and against a more-time request.

Each test starts two threads at a barrier, each with its own database connection; the
claim row lock decides the order, and every order must end in one consistent outcome.
"""
from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from django.db import close_old_connections, connection

from claims.constants import ClaimState
from claims.errors import ClaimError
from claims.models import Claim
from court.models import Notification
from court.sweeps import run_sweep
from responses import services
from responses.models import DefendantResponse
from tests.conftest import uk
from tests.responses.test_services import DEFENCE_PAGES, fill_hearing

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def race(*steps: Callable[[], Any]) -> list[Any]:
    """Run the steps at the same moment in threads; their results (or exceptions) in order."""
    barrier = threading.Barrier(len(steps))
    results: list[Any] = [None] * len(steps)

    def run(index: int, step: Callable[[], Any]) -> None:
        try:
            barrier.wait()
            results[index] = step()
        except BaseException as exc:  # returned to the test
            results[index] = exc
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=run, args=(i, step)) for i, step in enumerate(steps)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def ready_defence(claim: Claim, defendant: Any) -> None:
    services.response_draft_save(claim_id=claim.pk, actor=defendant, values={
        "response_type": {"type": "reject"}, "reject_reason": {"reason": "dispute"}, **DEFENCE_PAGES})
    fill_hearing(claim, defendant)


@pytest.mark.parametrize("sweep", ["responses.stay_after_6_months", "responses.no_response"])
def test_a_response_at_the_moment_the_sweep_runs_has_exactly_one_outcome(linked, travel, sweep):
    claim, dan = linked
    ready_defence(claim, dan)
    travel(uk(2027, 9, 1, 16, 0), tick=False)  # both the response deadline and the 6 months have passed
    submit = lambda: services.response_submit(claim_id=claim.pk, actor=dan, signed_name="Dan Defendant")  # noqa: E731
    results = race(submit, lambda: run_sweep(sweep))
    claim.refresh_from_db()
    responded = isinstance(results[0], DefendantResponse)
    if responded:
        # The response won, or came second to "tell the claimant" (which does not stop a response).
        assert claim.state == ClaimState.AWAITING_CLAIMANT_RESPONSE
        assert DefendantResponse.objects.filter(claim=claim).count() == 1
    else:
        # The stay won: the response is refused, nothing half-done.
        assert sweep == "responses.stay_after_6_months"
        assert isinstance(results[0], ClaimError)
        assert claim.state == ClaimState.STAYED
        assert not DefendantResponse.objects.filter(claim=claim).exists()
        assert not Notification.objects.filter(kind="response_received_claimant").exists()
    if claim.state == ClaimState.AWAITING_CLAIMANT_RESPONSE:
        assert claim.no_response_stay_at is None
        assert not Notification.objects.filter(kind="claim_stayed").exists()
    assert claim.events.filter(kind__in=["response_received", "stayed"]).count() == 1


def test_a_response_and_a_more_time_request_racing_stay_consistent(linked, travel):
    claim, dan = linked
    ready_defence(claim, dan)
    travel(uk(2027, 3, 10, 11, 0), tick=False)
    results = race(
        lambda: services.response_submit(claim_id=claim.pk, actor=dan, signed_name="Dan Defendant"),
        lambda: services.response_intention_confirm(claim_id=claim.pk, actor=dan, more_time=True),
    )
    claim.refresh_from_db()
    assert isinstance(results[0], DefendantResponse)
    assert claim.state == ClaimState.AWAITING_CLAIMANT_RESPONSE
    if isinstance(results[1], Claim):
        # More time came first: the deadline moved, then the response arrived (on time either way).
        assert claim.more_time_requested_at is not None
        assert claim.response_deadline == uk(2027, 4, 5, 16, 0)
    else:
        # The response came first: asking for more time afterwards is refused and changes nothing.
        assert claim.more_time_requested_at is None
        assert claim.response_deadline == uk(2027, 3, 22, 16, 0)
    assert claim.response_reminder_at is None  # no reminders after a response, whatever the order
    assert not DefendantResponse.objects.get(claim=claim).late
