"""4. Which plan wins, by the date of the final payment (PD 51R 7.10(5), 7.11, 7.42A(4), 7.42B; spec §4).

A court plan that ends on the claimant's date leaves the claimant's plan standing; see
:func:`decide` for the order of the tests.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from ..judgments import long_date


class Outcome(StrEnum):
    #: The claimant's plan ends no earlier than the defendant's: the defendant's offer is accepted.
    ACCEPT_DEFENDANT_OFFER = "accept_defendant_offer"
    #: The defendant can afford the claimant's plan: it stands (7.11, 7.42B).
    CLAIMANT_PLAN = "claimant_plan"
    #: The court's plan stands, offered to the claimant to accept or reject (7.10(5), 7.42A(4)).
    COURT_PLAN = "court_plan"
    #: The defendant's plan stands.
    DEFENDANT_PLAN = "defendant_plan"


@dataclass(frozen=True)
class Decision:
    outcome: Outcome
    reason: str


def decide(defendant_plan_end: date, claimant_plan_end: date, court_plan_end: date | None) -> Decision:
    """Which plan stands, by the dates of the final payments (spec §4), in this order:

    - the claimant's plan ends no earlier than the defendant's → accept the defendant's offer;
    - the court's plan ends on or before the claimant's → the claimant's plan stands: the
      defendant can afford it (7.10(5) offers a court plan only where they cannot), and a court
      plan that ends with it amounts to it (7.11, 7.42B); a tie goes to the claimant's plan;
    - the court's plan ends before the defendant's → the court's plan stands;
    - otherwise → the defendant's plan stands.

    ``court_plan_end`` None: the defendant cannot afford any plan.
    """
    defendant, claimant = long_date(defendant_plan_end), long_date(claimant_plan_end)
    if claimant_plan_end >= defendant_plan_end:
        return Decision(Outcome.ACCEPT_DEFENDANT_OFFER, (
            f"The claimant’s plan is paid by {claimant}, no sooner than the defendant’s offer, paid by {defendant}: "
            "the defendant’s offer is at least as good for the claimant, so it is accepted."))
    if court_plan_end is None:
        return Decision(Outcome.DEFENDANT_PLAN, (
            f"On the statement of means the defendant cannot afford any plan, so the claimant’s plan (paid by "
            f"{claimant}) is not affordable and the defendant’s plan (paid by {defendant}) stands."))
    court = long_date(court_plan_end)
    if court_plan_end <= claimant_plan_end:
        return Decision(Outcome.CLAIMANT_PLAN, (
            f"The defendant can afford to pay in full by {court}, no later than the claimant’s plan ends on "
            f"{claimant}: the claimant’s plan is affordable, so it stands."))
    if court_plan_end < defendant_plan_end:
        return Decision(Outcome.COURT_PLAN, (
            f"The defendant cannot afford the claimant’s plan (paid by {claimant}), but can afford to pay in full "
            f"by {court}, before their own offer ends on {defendant}: the court’s plan stands, and the claimant "
            "may accept or reject it."))
    return Decision(Outcome.DEFENDANT_PLAN, (
        f"The defendant cannot afford the claimant’s plan (paid by {claimant}), and what they can afford is paid by "
        f"{court}, no sooner than their own offer (paid by {defendant}): the defendant’s plan stands."))
