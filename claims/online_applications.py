"""Which claims take online applications under PD 51R 16B.1(1): the claims that stay online after directions in an
early adopter court (6C.1(2)), the one question ``claims.early_adopter`` answers from what the claim stores (directions
made and in effect, both parties' registered representatives, and the early adopter court recorded when directions
kept the claim online). In such claims a party's solicitor applies on screens (16B.1(2)-(3)).

``may_apply_online`` answers for one claim (``claims.policy`` asks it); ``claims_for_online_applications`` is the
same test as a query.
"""
from __future__ import annotations

from django.db.models import QuerySet

from .constants import ClaimState
from .early_adopter import online_in_early_adopter_court
from .models import Claim


def may_apply_online(claim: Claim) -> bool:
    """Do online applications under 16B.1 apply to the claim now?"""
    return online_in_early_adopter_court(claim)


def claims_for_online_applications() -> QuerySet[Claim]:
    """Every claim ``may_apply_online`` says yes to, as one query."""
    return (Claim.objects.filter(state=ClaimState.DIRECTIONS_MADE, send_out_due_at__isnull=True,
                                 claimant_firm__isnull=False, defendant_firm__isnull=False)
            .exclude(early_adopter_court=""))
