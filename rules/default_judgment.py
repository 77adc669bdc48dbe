"""Judgment in default where the defendant is represented, and a represented claimant's fixed costs on a
judgment (PD 51R 11.1B, 7.4(6)(c), 7.7(3)(c), 7.40(8)(c), 7.41B(3)(c); ``shared/spec/money.md``).

Pure Python, no Django.

- **When the request is refused** (:func:`refusal`). Where the defendant is represented (11.1B(1)) the request is
  refused online, and only a paper application under CPR Part 23 at the CTSC will do (11.1B(8)-(9)), where CPR 12.11
  would apply had the claim started under Part 7 (the claimant says so on the request), or while a debt-respite
  breathing space moratorium is in force. Judgment is then entered only if the defendant has not applied to strike
  out the claim and no party has applied for summary judgment (or the application has been disposed of), and the
  defendant has not satisfied the whole claim with its costs (11.1B(4)). Where the defendant acts in person, a
  moratorium likewise needs a Part 23 application (11.1(2A)).
- **The amount** (11.1B(7)): the claim, interest claimed, court fees and the represented claimant's fixed costs,
  less what the defendant has paid (:func:`amount_in_default`). The fixed costs are the costs on issue the claim
  recorded when it was submitted, and the costs on entry of judgment in default from the schedule in force on the
  date of judgment (:func:`fixed_costs_lines`).
- **Judgment on admission** for a represented claimant carries the fixed costs on issue (7.4(6)(c), 7.7(3)(c),
  7.40(8)(c), 7.41B(3)(c)); for a part admission, those of the band of the amount admitted.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from .judgments import JudgmentAmount, judgment_amount
from .money import pounds
from .represented import FixedCostsSchedule

ON_ISSUE = "Fixed costs on issue (CPR 45)"
ON_JUDGMENT = "Fixed costs on entry of judgment (CPR 45)"


class Refusal(StrEnum):
    """Why judgment in default cannot be entered online, in the order the court checks."""

    MORATORIUM = "moratorium"
    RULE_12_11 = "rule_12_11"
    STRIKE_OUT_PENDING = "strike_out_pending"
    SUMMARY_JUDGMENT_PENDING = "summary_judgment_pending"
    SATISFIED = "satisfied"


#: Refusals that need a paper application under CPR Part 23 instead (11.1(2A), 11.1B(8)).
PAPER_ONLY = frozenset({Refusal.MORATORIUM, Refusal.RULE_12_11})

PART_23 = ("You cannot ask for judgment in default online. You can apply on paper for default judgment under "
           "Civil Procedure Rules Part 23 (form N244)")

REASONS = {
    Refusal.MORATORIUM: ("A debt respite breathing space moratorium is in force for the defendant. " + PART_23 +
                         "{where} (PD 51R {para})."),
    Refusal.RULE_12_11: ("CPR rule 12.11 would apply to this claim had it been started under CPR Part 7. " + PART_23
                         + " to the Courts and Tribunals Service Centre (CTSC); the claim will be referred to a "
                         "judge for directions (PD 51R 11.1B(8)-(10))."),
    Refusal.STRIKE_OUT_PENDING: ("The defendant has applied to strike out the claim and the application has not been "
                                 "decided yet, so the court cannot enter judgment in default (PD 51R 11.1B(4)(b))."),
    Refusal.SUMMARY_JUDGMENT_PENDING: ("An application for summary judgment under CPR Part 24 has not been decided "
                                       "yet, so the court cannot enter judgment in default (PD 51R 11.1B(4)(c))."),
    Refusal.SATISFIED: ("The defendant has paid the whole claim, including costs, so the court cannot enter judgment "
                        "in default (PD 51R 11.1B(4)(d)). You can tell the court the claim has been paid."),
}


def refusal(*, defendant_represented: bool, moratorium: bool, rule_12_11: bool, strike_out_pending: bool,
            summary_judgment_pending: bool, total: Decimal | None) -> Refusal | None:
    """Why judgment in default cannot be entered online now, or None if it can.

    ``total`` is what the judgment would be for (the amount of 11.1B(7), less what the defendant paid): nothing
    owed means the whole claim with its costs is satisfied; None, not known yet (before the claimant says what the
    defendant has paid). Where the defendant acts in person only the moratorium
    (11.1(2A)) is decided here; 11.1A is for the caller.
    """
    if moratorium:
        return Refusal.MORATORIUM
    if not defendant_represented:
        return None
    if rule_12_11:
        return Refusal.RULE_12_11
    if strike_out_pending:
        return Refusal.STRIKE_OUT_PENDING
    if summary_judgment_pending:
        return Refusal.SUMMARY_JUDGMENT_PENDING
    if total is not None and pounds(total) <= 0:
        return Refusal.SATISFIED
    return None


def reason(refused: Refusal, *, defendant_represented: bool = True) -> str:
    """The refusal in words (where a moratorium's application goes depends on the defendant's representation)."""
    if refused == Refusal.MORATORIUM:
        if defendant_represented:
            return REASONS[refused].format(where=" to the Courts and Tribunals Service Centre (CTSC)",
                                           para="11.1B(8)-(9)")
        return REASONS[refused].format(where="; the claim will then be sent out of Online Civil Money Claims",
                                       para="11.1(2A)")
    return REASONS[refused]


@dataclass(frozen=True)
class CostsLine:
    label: str
    amount: Decimal


def fixed_costs_lines(schedule: FixedCostsSchedule | None, amount: Decimal, *, on_issue: Decimal | None,
                      in_default: bool) -> tuple[CostsLine, ...]:
    """A represented claimant's fixed costs on a judgment for ``amount`` (the amount claimed with interest to issue,
    or the amount admitted).

    On issue: ``on_issue`` as the claim recorded it on submission, or (None) the band of ``schedule`` for
    ``amount``; on judgment in default (``in_default``) the schedule's figure added on entry of judgment. No line
    for £0 (a claim of £25 or less). ``schedule`` None: no costs beyond those recorded.
    """
    lines: list[CostsLine] = []
    issue = pounds(on_issue) if on_issue is not None else (
        schedule.on_issue(amount) if schedule is not None else pounds(0))
    if issue:
        lines.append(CostsLine(ON_ISSUE, issue))
    if in_default and schedule is not None:
        entry = schedule.on_default_judgment(amount)
        if entry:
            lines.append(CostsLine(ON_JUDGMENT, entry))
    return tuple(lines)


def amount_in_default(*, principal: Decimal, interest_to_issue: Decimal, daily_interest: Decimal | None,
                      issue_date: date, judgment_date: date, fee: Decimal, paid: Decimal,
                      costs: tuple[CostsLine, ...] = ()) -> JudgmentAmount:
    """11.1B(7): the claim + interest claimed (to issue, then daily to judgment) + the court fee + the fixed costs
    − what the defendant has paid, line by line."""
    return judgment_amount(
        principal_or_admitted=principal, interest_to_issue=interest_to_issue, daily_interest=daily_interest,
        interest_from=issue_date, judgment_date=judgment_date, fee=fee, paid=paid,
        costs=tuple((line.label, line.amount) for line in costs),
    )
