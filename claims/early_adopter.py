"""Is this a claim that stays with the online service after directions, in an early adopter court (PD 51R 6C.1(2))?

The steps that follow directions in such a claim (the trial readiness certificates, 6C.3; the trial bundle, 6C.4)
ask this one question, read from what the claim stores: its state (directions made), whether a legal adviser's
directions still wait for the time to ask a judge to reconsider them (``send_out_due_at``, 20.2(3)(e)), both
parties' registered legal representatives, and the early adopter court the step at directions recorded when it kept
the claim online (``Claim.early_adopter_court``, ``defended.services.referrals``). The rule is
``rules.trial.online_after_directions``.
"""
from __future__ import annotations

from rules import trial

from .constants import ClaimState
from .models import Claim


def early_adopter_court(claim: Claim) -> str:
    """The early adopter court the claim proceeds in online after directions, or "" if none (6C.1(2))."""
    return claim.early_adopter_court


def online_in_early_adopter_court(claim: Claim) -> bool:
    """Directions have been made and taken effect, every party is represented, and the claim proceeds in an early
    adopter court: it stays online (6C.1(2))."""
    if claim.state != ClaimState.DIRECTIONS_MADE:
        return False
    return trial.online_after_directions(
        directions_made=True, awaiting_reconsideration=claim.send_out_due_at is not None,
        claimant_represented=claim.claimant_firm_id is not None,
        defendant_represented=claim.defendant_firm_id is not None,
        early_adopter_court=bool(early_adopter_court(claim)),
    )
