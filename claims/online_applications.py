"""Which claims take online applications under PD 51R 16B.1(1), read from what the claim stores.

After directions a claim between represented parties stays online where it proceeds in an early adopter court
(6C.1(2)); in such claims a party's solicitor applies on screens (16B.1(2)-(3)). The facts, each a stored field:

- every party represented: the claimant's firm and the defendant's registered firm are on the claim;
- directions made and in effect: the claim is in "directions made" with no reconsideration window still running
  (``send_out_due_at``: a legal adviser's directions take effect once it ends, 20.2(3)(e));
- the hearing centre it proceeds in: the one the latest directions order names, marked by court staff as an early
  adopter court (``court.HearingCentre.early_adopter``).

``may_apply_online`` answers for one claim (``claims.policy`` asks it); ``claims_for_online_applications`` is the
same test as a query.
"""
from __future__ import annotations

from django.db.models import OuterRef, QuerySet, Subquery

from court.models import HearingCentre
from rules import applications

from .constants import ClaimState
from .models import Claim


def _proceeds_in(claim: Claim) -> str:
    """The hearing centre the latest directions order sends the claim to (empty if none)."""
    return (claim.directions_orders.order_by("-made_at", "-pk").values_list("send_out_court", flat=True).first()
            or "")


def early_adopter_centre(claim: Claim) -> str:
    """The early adopter court the claim proceeds in after directions, or "" (6C.1(2))."""
    court = _proceeds_in(claim)
    if court and HearingCentre.objects.filter(name=court, early_adopter=True).exists():
        return court
    return ""


def may_apply_online(claim: Claim) -> bool:
    """Do online applications under 16B.1 apply to the claim now?"""
    directions_in_effect = claim.state == ClaimState.DIRECTIONS_MADE and claim.send_out_due_at is None
    if not (directions_in_effect and claim.claimant_firm_id and claim.defendant_firm_id):
        return False
    return applications.online_applications_open(
        claimant_represented=True, defendant_represented=True, early_adopter_court=bool(early_adopter_centre(claim)),
        directions_in_effect=directions_in_effect)


def claims_for_online_applications() -> QuerySet[Claim]:
    """Every claim ``may_apply_online`` says yes to, as one query."""
    latest_court = Subquery(Claim.directions_orders.rel.related_model.objects.filter(claim=OuterRef("pk"))
                            .order_by("-made_at", "-pk").values("send_out_court")[:1])
    early = HearingCentre.objects.filter(early_adopter=True).values("name")
    return (Claim.objects.filter(state=ClaimState.DIRECTIONS_MADE, send_out_due_at__isnull=True,
                                 claimant_firm__isnull=False, defendant_firm__isnull=False)
            .annotate(proceeds_in=latest_court).filter(proceeds_in__in=early))
