"""Whether a legal adviser may consider a defended claim, and where it goes, read from the claim
(PD 51R 1.1, 10.3, 20.1(1), 20.2(3)(b), 20.3(2A)). No state changed.

The rules themselves are pure (``rules.section20``); this module gathers their facts from the
claim: the amount claimed, the defendant's type on the claim form, the defendant's response
(``claim.response``) and the claimant's answer to it (``claim.claimant_decision``), read through
the claim's relations, and whether legal advisers operate at the preferred court
(``court.models.HearingCentre``). ``claims.policy`` asks it who may give directions;
``defended.rules`` offers the same names to the defended claim's steps and pages.
"""
from __future__ import annotations

from court.models import HearingCentre
from rules import section20

from .models import Claim


def defendant_is_individual(claim: Claim) -> bool:
    form = claim.form
    return section20.defendant_is_individual(form.defendant.type if form is not None else None)


def preferred_court(claim: Claim) -> str:
    """The "preferred court" as defined in 1.1 (empty if no form names one)."""
    decision = getattr(claim, "claimant_decision", None)
    response = getattr(claim, "response", None)
    form = claim.form
    return section20.preferred_court(
        defendant_type=form.defendant.type if form is not None else None,
        claimant_court=decision.preferred_court if decision is not None else "",
        defendant_court=response.preferred_court if response is not None else "",
    )


def forms_submitted(claim: Claim) -> bool:
    """Both directions questionnaires are in: the defendant's with the defence, the claimant's with
    their decision to continue (20.1(1)(b))."""
    response = getattr(claim, "response", None)
    decision = getattr(claim, "claimant_decision", None)
    return (response is not None and response.has_defence and decision is not None
            and decision.outcome == "continue")


def legal_adviser_refusals(claim: Claim) -> list[str]:
    """Why a legal adviser may not consider this claim's forms (empty: they may), 20.1(1), 20.2(3)(b)."""
    court = preferred_court(claim)
    response = getattr(claim, "response", None)
    return section20.legal_adviser_refusals(
        amount=claim.amount_claimed, forms_submitted=forms_submitted(claim), court=court,
        advisers_at_court=HearingCentre.advisers_operate_at(court),
        paper_response_kind=response.kind if response is not None and response.on_paper else "",
    )


def legal_adviser_may_act(claim: Claim) -> bool:
    return not legal_adviser_refusals(claim)


def paper_defence(claim: Claim) -> bool:
    """The defence was received on paper (10.3): reconsideration may be asked within 12 days (20.3(2A))."""
    response = getattr(claim, "response", None)
    return response is not None and response.on_paper
