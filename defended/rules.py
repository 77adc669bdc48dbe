"""Who may consider a defended claim, and where it goes: read from the claim, no state changed.

- The "preferred court" (PD 51R 1.1): the claimant's choice on their OCON180 if the defendant
  is not an individual (a company or organisation), otherwise the defendant's choice.
- A legal adviser may consider the forms only if the amount claimed is £1,000 or less, both
  parties' directions questionnaires are in, and legal advisers operate at the preferred
  court (20.1(1)); never where the response was on paper unless it is a defence of the
  whole claim under 10.3 (20.2(3)(b)).

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
from rules.section20 import LEGAL_ADVISER_LIMIT

__all__ = [
    "LEGAL_ADVISER_LIMIT",
    "defendant_is_individual",
    "forms_submitted",
    "legal_adviser_may_act",
    "legal_adviser_refusals",
    "paper_defence",
    "preferred_court",
]
