"""Where a claim stands for its defendant, in plain words (derived, never stored)."""
from __future__ import annotations

from claims.constants import ClaimState, PartyRole
from claims.models import Claim
from claims.status import (
    DEFENDED_STATES,
    ON_HOLD_WHILE_KEPT,
    STAYED_BRIEF,
    Status,
    defended_status,
    sent_out_brief,
    sent_out_next_step,
    stayed_next_step,
)
from rules.money import format_money


def for_defendant(claim: Claim) -> Status:
    if claim.state == ClaimState.ISSUED:
        if claim.default_available_at is not None:
            return Status("Response overdue", "You did not respond by the deadline. The claimant can ask for a "
                          "county court judgment against you, but you can still respond until judgment is "
                          "entered. Respond now.", None, "red",
                          brief="Your response is late: respond now, before judgment is entered.")
        return Status("Respond to the claim", "Respond by", claim.response_deadline, "yellow")
    if claim.state == ClaimState.AWAITING_CLAIMANT_RESPONSE:
        response = getattr(claim, "response", None)
        if response is not None and response.has_defence and not hasattr(claim, "claimant_decision"):
            return Status("Response sent", "The claimant has until this time to decide whether to continue with the "
                          "claim:", claim.claimant_response_deadline, "blue")
        return Status("Response sent", "The claimant has until this time to answer your response:",
                      claim.claimant_response_deadline, "blue")
    if claim.state == ClaimState.JUDGMENT_ENTERED:
        terms = claim.judgment.terms_for(PartyRole.DEFENDANT)
        return Status("Judgment against you", f"A county court judgment was made against you for "
                      f"{format_money(claim.judgment.total)}. {terms}.", None, "red", brief=f"{terms}.")
    if claim.state == ClaimState.SETTLED:
        return Status("Paid or settled", f"The claim is closed: {claim.closed_reason}.", None, "green")
    if claim.state == ClaimState.DISCONTINUED:
        return Status("Discontinued", "The claimant discontinued the claim. It is closed.", None, "grey",
                      brief="The claimant discontinued the claim: it is closed.")
    if claim.state == ClaimState.SETTLEMENT_OFFERED:
        return Status("Settlement agreement proposed", "Sign or reject the settlement agreement by",
                      claim.settlement_deadline, "yellow")
    if claim.state == ClaimState.SETTLEMENT_AGREED:
        return Status("Settlement agreement signed", "The claim is on hold while the agreement is kept. If it is "
                      "broken, the claimant can ask for judgment.", None, "blue", brief=ON_HOLD_WHILE_KEPT)
    if claim.state == ClaimState.STAYED:
        return Status("Stayed", stayed_next_step(claim), None, "grey", brief=STAYED_BRIEF)
    if claim.state == ClaimState.SENT_OUT:
        return Status("Sent out of the online service", sent_out_next_step(claim), None, "grey",
                      brief=sent_out_brief(claim))
    if claim.state in DEFENDED_STATES:
        return defended_status(claim, claimant=False)
    return Status(claim.get_state_display(), "")
