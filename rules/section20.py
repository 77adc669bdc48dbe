"""Who may consider a defended claim's directions questionnaires, and the "preferred court"
(PD 51R 1.1, 20.1(1), 20.2(3)(b)). Pure: given the facts, no database.

- The "preferred court" (1.1): the claimant's choice on their OCON180 if the defendant is not an
  individual (a company or organisation), otherwise the defendant's choice; where only one party
  named a court, that one.
- A legal adviser may consider the forms only if the amount claimed is £1,000 or less, both
  parties' directions questionnaires are in, and legal advisers operate at the preferred court
  (20.1(1)); never where the response was on paper unless it is a defence of the whole claim
  under 10.3 (20.2(3)(b)).

``claims.legal_adviser`` reads these facts from a claim.
"""
from __future__ import annotations

from decimal import Decimal

#: 20.1(1)(a): legal advisers act on claims of this amount or less.
LEGAL_ADVISER_LIMIT = Decimal("1000.00")

#: The defendant types that are individuals (1.1: the defendant's own choice of court is preferred).
INDIVIDUALS = ("individual", "sole_trader")


def defendant_is_individual(defendant_type: str | None) -> bool:
    """A defendant whose type is not known yet counts as an individual."""
    return defendant_type is None or defendant_type in INDIVIDUALS


def preferred_court(*, defendant_type: str | None, claimant_court: str, defendant_court: str) -> str:
    """The "preferred court" as defined in 1.1 (empty if neither party names one)."""
    if not defendant_is_individual(defendant_type) and claimant_court:
        return claimant_court
    return defendant_court or claimant_court


def legal_adviser_refusals(*, amount: Decimal | None, forms_submitted: bool, court: str, advisers_at_court: bool,
                           paper_response_kind: str = "") -> list[str]:
    """Why a legal adviser may not consider the forms (empty: they may), 20.1(1), 20.2(3)(b).

    ``court`` is the preferred court and ``advisers_at_court`` whether legal advisers operate
    there; ``paper_response_kind`` is the kind of the defendant's response if it was on paper
    (empty if it was online or there is none)."""
    reasons = []
    if amount is None or amount > LEGAL_ADVISER_LIMIT:
        reasons.append(f"the amount claimed (£{amount:,}) is more than £1,000 (20.1(1)(a))" if amount is not None
                       else "the amount claimed is not known")
    if not forms_submitted:
        reasons.append("both parties' directions questionnaires have not been submitted (20.1(1)(b))")
    if not advisers_at_court:
        where = f"the preferred court ({court})" if court else "no preferred court has been given, so the court"
        reasons.append(f"{where} is not one where legal advisers operate (20.1(1)(c))")
    if paper_response_kind and paper_response_kind != "full_defence":
        reasons.append("the response was on paper and is not a defence of the whole claim (20.2(3)(b))")
    return reasons
