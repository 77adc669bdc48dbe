"""On PostgreSQL: a request for judgment in default racing the recording of a breathing space (PD 51R 11.1B(8)(b)).

Both steps lock the claim row first; the request checks for a moratorium under that lock. Whichever comes first,
the outcome is one of two consistent ones, and never a judgment entered while a breathing space is in force.
"""
from __future__ import annotations

import threading
import time
from datetime import date

import pytest
from django.db import transaction

from claims import breathing_space as bs
from claims.constants import ClaimState, DefendantRepresentation
from claims.models import BreathingSpace
from judgments import services
from judgments.models import Judgment
from tests.conftest import uk
from tests.judgments.test_represented_default import _costed, caseworker, solicitor  # noqa: F401
from tests.responses.test_agreed_extension import claimant_firm, defendant_firm, issued  # noqa: F401
from tests.responses.test_races import race

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def against_firm(issued, defendant_firm, solicitor):  # noqa: F811
    with transaction.atomic():  # the fee paid locks the claim, as a step does
        return issued(**_costed(owner=solicitor, defendant_representation=DefendantRepresentation.REGISTERED,
                                defendant_firm=defendant_firm, defendant_reference="BAK/9"))


@pytest.mark.parametrize("attempt", range(3))
def test_a_default_judgment_request_racing_a_breathing_space_has_one_outcome(against_firm, solicitor,  # noqa: F811
                                                                             caseworker, travel, attempt):  # noqa: F811
    claim = against_firm
    travel(uk(2027, 4, 1, 10, 0), tick=False)
    results = race(
        lambda: services.judgment_default_request(claim_id=claim.pk, actor=solicitor),
        lambda: bs.breathing_space_record(claim_id=claim.pk, actor=caseworker, kind="standard",
                                          starts_on=date(2027, 3, 31), ends_on=date(2027, 5, 29)),
    )
    claim.refresh_from_db()
    judgment = Judgment.objects.filter(claim=claim).first()
    space = BreathingSpace.objects.filter(claim=claim).first()
    assert space is not None and isinstance(results[1], BreathingSpace)  # recording never fails
    if isinstance(results[0], Judgment):
        # The request came first: the judgment was entered before the court knew of the moratorium.
        assert judgment is not None and claim.state == ClaimState.JUDGMENT_ENTERED
        assert judgment.entered_at <= space.recorded_at
        events = list(claim.events.filter(kind__in=["judgment_entered", "breathing_space_recorded"])
                      .order_by("pk").values_list("kind", flat=True))
        assert events == ["judgment_entered", "breathing_space_recorded"]
    else:
        # The moratorium came first: the request is refused, nothing half-done.
        assert isinstance(results[0], services.DefaultJudgmentRefused), results[0]
        assert judgment is None and claim.state == ClaimState.ISSUED
        assert not claim.events.filter(kind__in=["judgment_requested", "judgment_entered"]).exists()


def test_a_request_waiting_on_the_lock_of_a_breathing_space_being_recorded_is_refused(against_firm, solicitor,  # noqa: F811
                                                                                      caseworker, travel):  # noqa: F811
    """The recording holds the claim's lock (not yet committed) when the request arrives: the request waits for it,
    then sees the moratorium. A check made before taking the lock would have seen nothing and entered judgment."""
    claim = against_firm
    travel(uk(2027, 4, 1, 10, 0), tick=False)
    locked = threading.Event()

    def record() -> BreathingSpace:
        with transaction.atomic():
            space = bs.breathing_space_record(claim_id=claim.pk, actor=caseworker, kind="standard",
                                              starts_on=date(2027, 3, 31), ends_on=date(2027, 5, 29))
            locked.set()
            time.sleep(0.5)  # the request is now waiting on the claim's row lock
            return space

    def request() -> object:
        locked.wait(10)
        return services.judgment_default_request(claim_id=claim.pk, actor=solicitor)

    results = race(record, request)
    assert isinstance(results[0], BreathingSpace)
    assert isinstance(results[1], services.DefaultJudgmentRefused), results[1]
    claim.refresh_from_db()
    assert claim.state == ClaimState.ISSUED and not Judgment.objects.filter(claim=claim).exists()
