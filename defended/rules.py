"""Who may consider a defended claim, and where it goes: read from the claim, no state changed.

- The "preferred court" (PD 51R 1.1): the claimant's choice on their OCON180 if the defendant
  is not an individual (a company or organisation), otherwise the defendant's choice.
- A legal adviser may consider the forms only if the amount claimed is £1,000 or less, both
  parties' directions questionnaires are in, and legal advisers operate at the preferred
  court (20.1(1)); never where the response was on paper unless it is a defence of the
  whole claim under 10.3 (20.2(3)(b)).
- After directions (6C.1): a claim stays online only where every party is represented and it
  proceeds in an early adopter court (``court.HearingCentre.early_adopter``).

The rules are pure in ``rules.section20``; ``claims.legal_adviser`` reads their facts from the
claim (``claims.policy`` needs them too, and claims is below defended). These are the same
functions, under the names the defended claim's services, admin and views use.
"""
from __future__ import annotations

from claims.legal_adviser import (
    defendant_is_individual,
    forms_submitted,
    legal_adviser_may_act,
    legal_adviser_refusals,
    paper_defence,
    preferred_court,
)
from claims.models import Claim
from court.models import HearingCentre
from rules import represented
from rules.section20 import LEGAL_ADVISER_LIMIT


def stays_online_after_directions(claim: Claim, court: str) -> bool:
    """After directions, does the claim stay online in ``court`` (the hearing centre it proceeds in) instead of being
    sent out (6C.1)? Only where every party is represented (the claimant's firm and the defendant's registered firm
    on the service) and ``court`` is a centre staff have marked an early adopter court."""
    early = bool(court) and HearingCentre.objects.filter(name=court, early_adopter=True).exists()
    return represented.stays_online_after_directions(
        claimant_represented=claim.claimant_firm_id is not None,
        defendant_represented=claim.defendant_firm_id is not None, early_adopter_court=early)


__all__ = [
    "LEGAL_ADVISER_LIMIT",
    "defendant_is_individual",
    "forms_submitted",
    "legal_adviser_may_act",
    "legal_adviser_refusals",
    "paper_defence",
    "preferred_court",
    "stays_online_after_directions",
]
