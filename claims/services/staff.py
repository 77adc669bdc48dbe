"""Court staff reading what the parties' record keeps back (each reading is recorded)."""
from __future__ import annotations

from typing import Any

from django.db import transaction

from ocmc import clock

from .. import timeline
from ..errors import ClaimError
from ..models import Claim, StaffAccess
from ..policy import Action, require


def security_code_read(*, claim_id: int, actor: Any) -> str:
    """A caseworker reads the claim's security code (for a defendant who phones without their pack).

    Each reading is recorded in the staff access log (``StaffAccess``), not on the claim's timeline: both
    parties read the timeline, and the defendant's security code is not the claimant's business."""
    with transaction.atomic():
        claim = Claim.objects.filter(pk=claim_id).first()
        if claim is None:
            raise ClaimError("This claim no longer exists.")
        require(actor, claim, Action.READ_SECURITY_CODE)
        StaffAccess.objects.create(claim=claim, what=StaffAccess.What.SECURITY_CODE, user=actor,
                                   user_label=timeline.actor_label(actor), at=clock.now())
    return claim.security_code


# -- submitting the claim form (4.1, 13.1) --------------------------------------------------
