"""Finding and locking a claim: every step starts here."""
from __future__ import annotations

from ..models import Claim


def locked_claim(claim_id: int) -> Claim | None:
    """The claim, locked for the rest of the transaction (its owner read, not locked)."""
    return (
        Claim.objects.select_for_update(of=("self",)).select_related("owner", "defendant_user")
        .filter(pk=claim_id).first()
    )
