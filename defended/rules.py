"""Who may consider a defended claim, and where it goes: read from the claim, no state changed.

- The "preferred court" (PD 51R 1.1): the claimant's choice on their OCON180 if the defendant
  is not an individual (a company or organisation), otherwise the defendant's choice.
- A legal adviser may consider the forms only if the amount claimed is £1,000 or less, both
  parties' directions questionnaires are in, and legal advisers operate at the preferred
  court (20.1(1)); never where the response was on paper unless it is a defence of the
  whole claim under 10.3 (20.2(3)(b)).
"""
from __future__ import annotations

from decimal import Decimal

from claims.models import Claim
from court.models import HearingCentre

#: 20.1(1)(a): legal advisers act on claims of this amount or less.
LEGAL_ADVISER_LIMIT = Decimal("1000.00")

INDIVIDUALS = ("individual", "sole_trader")


def defendant_is_individual(claim: Claim) -> bool:
    form = claim.form
    return form is None or form.defendant.type in INDIVIDUALS


def preferred_court(claim: Claim) -> str:
    """The "preferred court" as defined in 1.1 (empty if no form names one)."""
    decision = getattr(claim, "claimant_decision", None)
    response = getattr(claim, "response", None)
    claimant_court = decision.preferred_court if decision is not None else ""
    defendant_court = response.preferred_court if response is not None else ""
    if not defendant_is_individual(claim) and claimant_court:
        return claimant_court
    return defendant_court or claimant_court


def forms_submitted(claim: Claim) -> bool:
    """Both directions questionnaires are in: the defendant's with the defence, the claimant's with
    their decision to continue (20.1(1)(b))."""
    response = getattr(claim, "response", None)
    decision = getattr(claim, "claimant_decision", None)
    return (response is not None and response.has_defence and decision is not None
            and decision.outcome == "continue")


def legal_adviser_refusals(claim: Claim) -> list[str]:
    """Why a legal adviser may not consider this claim's forms (empty: they may), 20.1(1), 20.2(3)(b)."""
    reasons = []
    amount = claim.amount_claimed
    if amount is None or amount > LEGAL_ADVISER_LIMIT:
        reasons.append(f"the amount claimed (£{amount:,}) is more than £1,000 (20.1(1)(a))" if amount is not None
                       else "the amount claimed is not known")
    if not forms_submitted(claim):
        reasons.append("both parties' directions questionnaires have not been submitted (20.1(1)(b))")
    court = preferred_court(claim)
    if not HearingCentre.advisers_operate_at(court):
        where = f"the preferred court ({court})" if court else "no preferred court has been given, so the court"
        reasons.append(f"{where} is not one where legal advisers operate (20.1(1)(c))")
    response = getattr(claim, "response", None)
    if response is not None and response.on_paper and response.kind != "full_defence":
        reasons.append("the response was on paper and is not a defence of the whole claim (20.2(3)(b))")
    return reasons


def legal_adviser_may_act(claim: Claim) -> bool:
    return not legal_adviser_refusals(claim)


def paper_defence(claim: Claim) -> bool:
    """The defence was received on paper (10.3): reconsideration may be asked within 12 days (20.3(2A))."""
    response = getattr(claim, "response", None)
    return response is not None and response.on_paper
