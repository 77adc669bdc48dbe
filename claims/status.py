"""Where a claim stands, in plain words, and what happens next: derived from the claim,
never stored twice (the dashboard and the claim page both use it)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from rules.money import format_money

from .constants import ClaimState
from .models import Claim


@dataclass(frozen=True)
class Status:
    words: str
    next_step: str
    deadline: datetime | None = None
    #: GOV.UK tag colour for the status.
    colour: str = "grey"


def for_claimant(claim: Claim) -> Status:
    if claim.state == ClaimState.DRAFT:
        return Status("Draft", "Finish and submit your claim. The draft is deleted if it is not saved by",
                      claim.draft_expires_at, "grey")
    if claim.state == ClaimState.AWAITING_FEE:
        what = "the rest of the court fee" if claim.fee_remitted else "the court fee"
        return Status("Court fee to pay", f"Pay {what} ({format_money(claim.fee_due)}) so the court can issue "
                      "your claim", None, "yellow")
    if claim.state == ClaimState.AWAITING_HWF_DECISION:
        return Status("Help with Fees being checked",
                      "The court is deciding your Help with Fees application. We will email you the decision.",
                      None, "blue")
    if claim.state == ClaimState.ISSUED:
        if claim.default_available_at is not None:
            return Status("No response", "The defendant did not respond in time. You can ask the court for a county "
                          "court judgment (CCJ) in default.", None, "red")
        more = " (they asked for more time)" if claim.more_time_requested_at else ""
        return Status("Issued", f"The defendant has until this time to respond{more}:", claim.response_deadline,
                      "green")
    if claim.state == ClaimState.JUDGMENT_ENTERED:
        return Status("Judgment entered", f"Judgment for {format_money(claim.judgment.total)}: "
                      f"{claim.judgment.terms_text}", None, "green")
    if claim.state == ClaimState.AWAITING_CLAIMANT_RESPONSE:
        return Status("Response received", "Read the defendant's response and tell the court what you want to do by",
                      claim.claimant_response_deadline, "yellow")
    if claim.state == ClaimState.SETTLED:
        return Status("Paid or settled", f"The claim is closed: {claim.closed_reason}.", None, "green")
    if claim.state == ClaimState.DISCONTINUED:
        return Status("Discontinued", "The claimant discontinued the claim. It is closed.", None, "grey")
    if claim.state == ClaimState.SETTLEMENT_OFFERED:
        return Status("Settlement agreement proposed", "The defendant has until this time to sign it:",
                      claim.settlement_deadline, "yellow")
    if claim.state == ClaimState.SETTLEMENT_AGREED:
        return Status("Settlement agreement signed", "The claim is on hold while the agreement is kept. If it is "
                      "broken, the claimant can ask for judgment.", None, "blue")
    if claim.state == ClaimState.STAYED:
        return Status("Stayed", f"The claim is on hold (stayed): {claim.stay_reason}. You can apply to the court to "
                      "lift the stay.", None, "grey")
    if claim.state == ClaimState.SENT_OUT:
        return Status("Sent out of the online service",
                      f"The claim continues by post at the {claim.get_sent_out_to_display()}: {claim.sent_out_reason}.",
                      None, "grey")
    return Status(claim.get_state_display(), "")
