"""Why a step no longer applies to a claim, in words a person can act on.

A stale page (the back button, a second tab, a second press) asks for a step the claim has moved
past; the person is told what happened to the claim, not that they "cannot do that".
"""
from __future__ import annotations

from ocmc import clock

from .constants import PARTY_STEP_STATES, ClaimState
from .models import Claim

#: Steps that belong to paying for (or changing) a submitted claim before it is issued.
FEE_STEPS = frozenset({"pay_fee", "apply_hwf", "return_to_draft", "edit_draft", "delete_draft"})

#: What has happened to a claim in each state, said to someone whose page is out of date.
WHAT_HAPPENED = {
    ClaimState.DRAFT: "This claim is a draft again: it has not been submitted.",
    ClaimState.AWAITING_FEE: "This claim has been submitted and is waiting for the court fee.",
    ClaimState.AWAITING_HWF_DECISION: "The court is deciding the Help with Fees application for this claim.",
    ClaimState.STAYED: "This claim is on hold (stayed).",
    ClaimState.SETTLEMENT_AGREED: "A settlement agreement has been signed on this claim.",
    ClaimState.JUDGMENT_ENTERED: "Judgment has been entered on this claim.",
    ClaimState.SETTLED: "This claim has been closed as paid or settled.",
    ClaimState.DISCONTINUED: "This claim has been discontinued.",
    ClaimState.SENT_OUT: "This claim has been sent out of the online service.",
    ClaimState.MEDIATION: "This claim is in mediation.",
    ClaimState.AWAITING_DIRECTIONS: "This claim is with a legal adviser or judge for directions.",
    ClaimState.DIRECTIONS_MADE: "Directions have been made on this claim.",
}

#: When the claim's state says nothing new (the step was already taken, or its time has passed).
ALREADY_DONE = ("That step has already been taken on this claim, or no longer applies. "
                "This page shows where the claim stands.")


#: A represented claimant's answer to a defence after CLM-REP-28 (6A.4(5)).
REPRESENTED_ANSWER_LATE = ("The time to say whether the claimant continues with the claim has passed, so the claim is "
                           "being sent out of the online service to a County Court hearing centre (PD 51R 6A.4(5)).")

#: The fast track's trial readiness steps (6C.3): the claim's state says nothing of them.
TRIAL_STEPS = {
    "allocate_fast_track": "This claim has already been allocated to the fast track.",
    "file_trial_readiness": ("Your client's trial readiness certificate has already been filed, or the time to file "
                             "it has passed."),
}


def why_not(claim: Claim, action: str) -> str:
    """What happened to the claim that makes this step no longer apply."""
    if action in TRIAL_STEPS and claim.state == ClaimState.DIRECTIONS_MADE:
        return TRIAL_STEPS[action]
    if action in FEE_STEPS and claim.issue_date is not None:
        if claim.fee_due > 0:
            return "This claim has already been paid and issued."
        return "This claim has already been issued."
    if action in FEE_STEPS:
        return WHAT_HAPPENED.get(claim.state, ALREADY_DONE)
    if (action == "answer_defence" and claim.state == ClaimState.AWAITING_CLAIMANT_RESPONSE
            and claim.represented_answer_deadline is not None and claim.represented_answer_deadline <= clock.now()):
        return REPRESENTED_ANSWER_LATE
    if claim.state in PARTY_STEP_STATES:
        return ALREADY_DONE  # the parties are still acting: most likely this step was taken already
    return WHAT_HAPPENED.get(claim.state, ALREADY_DONE)
