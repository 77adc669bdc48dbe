"""Leaving the online process (9.1, 18, 19), and who the court tells."""
from __future__ import annotations

from typing import Any

from court.notifications import notify
from ocmc import clock

from .. import timeline
from ..constants import SentOutTo
from ..models import Claim


def send_out(claim: Claim, *, to: str, reason: str, actor: Any) -> None:
    """Send the (locked) claim out of the online process: every automatic or judicial
    "sent out" of the PD comes through here with its own reason. Both parties are told;
    the claim's live deadlines stop (it continues on paper)."""
    destination = SentOutTo(to)
    now = clock.now()
    claim.sent_out_at = now
    claim.sent_out_to = destination
    claim.sent_out_reason = reason
    claim.clear_deadlines()
    claim.send_out()
    claim.save()
    place = sent_out_place(claim)
    timeline.record(
        claim, kind="sent_out", actor=actor,
        summary=f"Claim sent out of the online service to {place}: {reason}"[:300],
        data={"to": destination.value, "court": claim.sent_out_court, "reason": reason},
    )
    for role, email, user in parties_to_tell(claim):
        notify(kind="claim_sent_out", to_email=email, user=user, claim_number=claim.claim_number or "",
               key=f"sent-out:{claim.pk}:{role}",
               context={"claim": claim, "role": role, "destination": place, "reason": reason,
                        "directions": claim.sent_out_directions})


_PLACES = {
    SentOutTo.CNBC: "the County Court Money Claims Centre (CNBC)",
    SentOutTo.PREFERRED_COURT: "the preferred hearing centre",
    SentOutTo.HOME_COURT: "the defendant's home court",
    SentOutTo.NAMED_CENTRE: "a County Court hearing centre",
}


def sent_out_place(claim: Claim) -> str:
    """Where a sent-out claim went, in words: the hearing centre's name when known (19.1(4))."""
    if claim.sent_out_court:
        return claim.sent_out_court
    return _PLACES.get(SentOutTo(claim.sent_out_to), "") if claim.sent_out_to else ""


def parties_to_tell(claim: Claim) -> list[tuple[str, str, Any]]:
    """(role, email, account) of each party the court can email about the claim: the
    claimant's account, and the defendant's legal representative's email for service, or the
    defendant's account once linked (else the email the claimant gave for them on the claim
    form, if any)."""
    parties: list[tuple[str, str, Any]] = [("claimant", claim.owner.email, claim.owner)]
    email, user = defendant_contact(claim)
    if email:
        parties.append(("defendant", email, user))
    return parties


def defendant_contact(claim: Claim) -> tuple[str, Any]:
    """The defendant's email (and account, if they have linked the claim). For a defendant with a registered legal
    representative, the firm's email for service (no account: the firm's members reach the claim through the firm,
    4.3(6))."""
    if claim.defendant_firm_id is not None:
        return claim.defendant_firm.service_email, None
    if claim.defendant_user_id is not None:
        return claim.defendant_user.email, claim.defendant_user
    form = claim.form
    return (form.defendant.email if form is not None else ""), None
