"""Mediation by the Small Claims Mediation Service (PD 51R 6.2(5A), 6.2(8)-(10)).

The outcome a caseworker records (settled and discontinued → closed; settled → stayed with
leave to come back, 6.2(10); not settled → the forms to a legal adviser or judge, 6.2(9)), and
the 28-day stay ending with nothing reported (the MED-28 sweep, 6.2(9)). A represented claimant's claim follows
the same steps under 6A.5: the stay ends → the forms to a legal adviser or judge (6A.5(5)); settled without
discontinuing → stayed (6A.5(7)).
"""
from __future__ import annotations

from typing import Any

from django.db import transaction

from claims import timeline
from claims.constants import ClaimState
from claims.models import Claim
from claims.notices import tell_parties
from claims.policy import Action, require
from ocmc import clock

from .common import _claim, _settle, _stay
from .referrals import _refer_forms


def _para(claim: Claim, in_person: str, represented: str) -> str:
    """The paragraph of the PD that applies: Section 6 for parties in person, 6A.5 where the claimant is
    represented (6A.1)."""
    return represented if claim.claimant_firm_id is not None else in_person


def mediation_outcome(*, claim_id: int, actor: Any, settled: bool, discontinued: bool = False) -> Claim:
    """A caseworker records what the Small Claims Mediation Service reported (6.2(8)-(10)).

    Settled and the claim discontinued or dismissed → closed as settled. Settled without that →
    stayed, with permission for either party to come back if the settlement breaks down
    (6.2(10)). Not settled → the forms go to a legal adviser or judge (6.2(9))."""
    with transaction.atomic():
        claim = _claim(claim_id)
        require(actor, claim, Action.RECORD_MEDIATION_OUTCOME)
        if settled and discontinued:
            _settle(claim, actor, summary="Mediation: the parties settled and agreed the claim can be discontinued",
                    reason="settled in mediation")
            tell_parties(claim, key=f"mediation-outcome:{claim.pk}", headline="the claim was settled in mediation",
                         paragraphs=["The claim is closed."])
        elif settled:
            timeline.record(claim, kind="mediation_settled", actor=actor,
                            summary="Mediation: the parties reached a settlement")
            _stay(claim, key=f"mediation-outcome:{claim.pk}", allows_return=True,
                  reason="the parties settled in mediation; either party may apply if the settlement breaks down "
                         f"({_para(claim, '6.2(10)', '6A.5(7)')})")
        else:
            timeline.record(claim, kind="mediation_not_settled", actor=actor,
                            summary="Mediation: the parties did not reach a settlement")
            _refer_forms(claim, reason="Mediation did not settle the claim: the directions questionnaires are to be "
                                       f"considered ({_para(claim, '6.2(9)', '6A.5(5)')})")
            tell_parties(claim, key=f"mediation-outcome:{claim.pk}", headline="mediation did not settle the claim",
                         paragraphs=["A legal adviser or judge will look at both directions questionnaires and "
                                     "decide what happens next."])
    return claim


def mediation_period_ended(*, claim_id: int) -> bool:
    """MED-28: the 28-day stay ended with no settlement reported: the forms go to a legal adviser or
    judge (6.2(9)). A late or repeated sweep acts once."""
    with transaction.atomic():
        claim = _claim(claim_id)
        if claim.mediation_ends_at is None or claim.mediation_ends_at > clock.now():
            return False
        if claim.state != ClaimState.MEDIATION:
            claim.mediation_ends_at = None
            claim.save(update_fields=["mediation_ends_at"])
            return False
        para = _para(claim, "6.2(9)", "6A.5(5)")
        _refer_forms(claim, reason="The 28-day mediation stay ended without a settlement being reported: the "
                                   f"directions questionnaires are to be considered ({para})")
        tell_parties(claim, key=f"mediation-ended:{claim.pk}", headline="the mediation period has ended",
                     paragraphs=["No settlement was reported within the 28 days. A legal adviser or judge will look "
                                 "at both directions questionnaires and decide what happens next."])
    return True
