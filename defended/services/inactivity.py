"""Six months with no step by either party: the claim is stayed (PD 51R 12.1).

A party's step restarts the six months (``touch_party_step``, called when the step is recorded);
the STAY-6M-LIP sweep stays the claim once they pass (``inactivity_stay``).
"""
from __future__ import annotations

from datetime import datetime

from django.db import transaction

from claims.constants import PARTY_STEP_STATES
from claims.models import Claim
from court.calendar import court_calendar
from ocmc import clock
from rules import periods
from rules.calendar import local

from .common import _claim, _stay


def touch_party_step(claim: Claim, when: datetime) -> None:
    """A party took a step: the 6 months of 12.1 start again (one UPDATE; the caller's row is not saved)."""
    stay_at = (periods.stay_6m_no_step(court_calendar(), local(when).date())
               if claim.state in PARTY_STEP_STATES else None)
    Claim.objects.filter(pk=claim.pk).update(last_party_step_at=when, inactivity_stay_at=stay_at)
    claim.last_party_step_at = when
    claim.inactivity_stay_at = stay_at


def inactivity_stay(*, claim_id: int) -> bool:
    """STAY-6M-LIP: no step by either party for 6 months → the claim is stayed (12.1)."""
    with transaction.atomic():
        claim = _claim(claim_id)
        if claim.inactivity_stay_at is None or claim.inactivity_stay_at > clock.now():
            return False
        if claim.state not in PARTY_STEP_STATES:
            claim.inactivity_stay_at = None
            claim.save(update_fields=["inactivity_stay_at"])
            return False
        _stay(claim, key=f"stay-inactive:{claim.pk}:{claim.last_party_step_at:%Y%m%d}",
              reason="neither party has taken a step on the claim for 6 months (12.1)")
    return True
