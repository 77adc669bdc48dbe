"""What every step on a defended claim shares (PD 51R Sections 6, 10, 12, 16-20).

Like every service: one transaction, the claim row locked, who may act checked
(``claims.policy``), the claim's state changed through its transitions, the step recorded on
the timeline (with the staff member's name and title where staff act) and the parties told
(``defended.notices.tell_parties``), all in that one transaction. Views, the admin's buttons
and the sweeps call the services of this package; a step repeated (a double click, a sweep run
twice) changes nothing the second time.

Here: the claim locked (``_claim``), which party an account is, the checks on an uploaded file
(an N244, a scanned paper response), staying a claim (6.2(3), 6.2(10), 12.1) and closing it as
settled, who on the staff acts, and where a claim sent out goes (the preferred court, 1.1).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from accounts.roles import StaffRole, staff_role
from claims import timeline
from claims.constants import PartyRole, SentOutTo
from claims.errors import ClaimError
from claims.models import Claim
from claims.notices import tell_parties
from claims.representation import acting_side
from claims.services import locked_claim
from ocmc import clock

from .. import rules

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
UPLOAD_TYPES = {"application/pdf": "PDF", "image/jpeg": "JPEG", "image/png": "PNG"}


@dataclass(frozen=True)
class Upload:
    name: str
    content_type: str
    content: bytes


def _claim(claim_id: int) -> Claim:
    claim = locked_claim(claim_id)
    if claim is None:
        raise ClaimError("This claim no longer exists.")
    return claim


def _is_party(claim: Claim, actor: Any) -> str | None:
    """The side the actor takes steps for (in person, or a user of that party's firm who may see the case), or None
    (court staff entering a paper application): ``claims.representation.acting_side``."""
    side = acting_side(actor, claim)
    return PartyRole(side) if side is not None else None


def check_upload(upload: Upload | None, *, required: bool, what: str) -> None:
    if upload is None:
        if required:
            raise ClaimError(f"Upload {what}")
        return
    if upload.content_type not in UPLOAD_TYPES:
        raise ClaimError(f"{what[0].upper()}{what[1:]} must be a PDF, JPEG or PNG file")
    if not upload.content:
        raise ClaimError(f"The file you uploaded is empty: upload {what} again")
    if len(upload.content) > MAX_UPLOAD_BYTES:
        raise ClaimError(f"{what[0].upper()}{what[1:]} must be smaller than 10MB")


def _stay(claim: Claim, *, reason: str, key: str, allows_return: bool = False) -> None:
    claim.state_before_stay = claim.state
    claim.stayed_at = clock.now()
    claim.stay_reason = reason
    claim.stay_lifts_on_answer = False
    claim.stay_allows_return = allows_return
    claim.clear_deadlines()
    claim.stay()
    claim.save()
    timeline.record(claim, kind="stayed", actor=None, summary=f"Claim stayed: {reason}")
    tell_parties(claim, key=key, headline="the claim has been put on hold (stayed)",
                 paragraphs=[f"The court has stayed the claim: {reason}.",
                             "Nothing more will happen on the claim unless a party applies to the court to lift the "
                             "stay. You can apply online from the claim's page (form N244)."])


def _settle(claim: Claim, actor: Any, *, summary: str, reason: str) -> None:
    claim.mark_closed(reason=reason, on=clock.today())
    claim.settle()
    claim.save()
    timeline.record(claim, kind="claim_settled", actor=actor, summary=summary)


def _staff(actor: Any) -> StaffRole:
    role = staff_role(actor)
    if role is None:
        raise ClaimError("Only court staff can do that.")
    return role


def _destination(claim: Claim, to: str, court: str) -> tuple[SentOutTo, str]:
    to = SentOutTo(to)
    court = " ".join((court or "").split())
    if to == SentOutTo.NAMED_CENTRE and not court:
        raise ClaimError("Enter the name of the hearing centre")
    if to == SentOutTo.PREFERRED_COURT:
        court = rules.preferred_court(claim)
    elif to != SentOutTo.NAMED_CENTRE:
        court = ""
    return to, court
