"""Six months with no step by either party: the claim is stayed (PD 51R 12.1).

A party's step restarts the six months: ``claims.timeline.record`` does it as it records the step
(``claims.timeline.touch_party_step``), in the states where the parties still act online
(``claims.constants.PARTY_STEP_STATES``). The STAY-6M-LIP sweep stays the claim once they pass
(``inactivity_stay``).
"""
from __future__ import annotations

from django.db import transaction

from claims.constants import PARTY_STEP_STATES
from ocmc import clock

from .common import _claim, _stay


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
