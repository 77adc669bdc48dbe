"""What a judge records on a judgment: set aside; its terms redetermined; an application to change its plan
decided (PD 51R 7.12(5)-(7), 7.14(6)-(9), 7.15(7)-(9), 7.45; CPR 13).

- Setting aside: a judge sets aside the judgment on a claim still with the online court. The online
  service has no step for a claim whose judgment is set aside, so the claim is sent out of it, where the
  judge says (the defendant's home court, CPR 13.4; the CNBC; or a named hearing centre); both parties are
  told why. The judgment is no longer on the register.
- Redetermination and variation: a party's request (``judgments.answers``) or application
  (``judgments.applications``) sent the claim to the defendant's home court; the judge there records
  what they decided, in their own words, on the claim's record.

Like every service: one transaction, the claim row locked (then its judgment), who may act checked
(``claims.policy``: a judge), the judgment's transition, the claim's own, and the timeline event together.
"""
from __future__ import annotations

from typing import Any

from django.db import transaction

from claims import timeline
from claims.constants import SentOutTo
from claims.errors import ClaimError
from claims.models import Claim
from claims.notices import tell_parties
from claims.policy import Action, require
from claims.services import locked_claim, send_out

from .models import Judgment

#: Where a judge may send a claim whose judgment they set aside.
SET_ASIDE_DESTINATIONS = (SentOutTo.HOME_COURT, SentOutTo.CNBC, SentOutTo.NAMED_CENTRE)

#: The longest reasons or order kept in the claim's record (its summary is 300 characters).
WORDS_MAX = 250


def _words(text: str, missing: str) -> str:
    words = " ".join((text or "").split())
    if not words:
        raise ClaimError(missing)
    if len(words) > WORDS_MAX:
        raise ClaimError(f"Keep it to {WORDS_MAX} characters or less")
    return words


def _claim_and_judgment(claim_id: int) -> tuple[Claim, Judgment | None]:
    claim = locked_claim(claim_id)
    if claim is None:
        raise ClaimError("This claim no longer exists.")
    return claim, Judgment.objects.select_for_update().filter(claim=claim).first()


def judgment_set_aside(*, claim_id: int, actor: Any, reasons: str, to: str = SentOutTo.HOME_COURT,
                       court: str = "") -> Judgment:
    """A judge sets aside the judgment (``Action.SET_ASIDE_JUDGMENT``): it leaves the register, its
    deadlines stop, and the claim is sent out of the online service to ``to`` (``court`` names a
    hearing centre), both parties told why."""
    reasons = _words(reasons, "Enter why the judgment is set aside")
    if to not in SET_ASIDE_DESTINATIONS:
        raise ClaimError("Select where the claim is to be sent")
    court = " ".join((court or "").split())
    if to == SentOutTo.NAMED_CENTRE and not court:
        raise ClaimError("Enter the name of the hearing centre")
    with transaction.atomic():
        claim, judgment = _claim_and_judgment(claim_id)
        require(actor, claim, Action.SET_ASIDE_JUDGMENT)
        assert judgment is not None  # the policy allows this only on a judgment
        judgment.set_aside()
        judgment.register_removal_deadline = None
        judgment.redetermination_deadline = None
        judgment.save(update_fields=["state", "register_removal_deadline", "redetermination_deadline"])
        timeline.record(claim, kind="judgment_set_aside", actor=actor,
                        summary=f"A judge set aside the judgment: {reasons}",
                        data={"judgment": judgment.pk, "reasons": reasons})
        claim.sent_out_court = court if to == SentOutTo.NAMED_CENTRE else ""
        send_out(claim, to=to, actor=actor, reason=f"the judgment was set aside by a judge: {reasons}")
    return judgment


def judgment_redetermination_decide(*, claim_id: int, actor: Any, order: str) -> Judgment:
    """A judge records the redetermination a party asked for (``Action.RECORD_REDETERMINATION``): the plan
    for repayment as they ordered it (7.12(5)-(7), 7.14(6)-(9), 7.15(7)-(9))."""
    order = _words(order, "Enter the plan for repayment as you ordered it")
    with transaction.atomic():
        claim, judgment = _claim_and_judgment(claim_id)
        require(actor, claim, Action.RECORD_REDETERMINATION)
        assert judgment is not None
        judgment.redetermine()
        judgment.save(update_fields=["state"])
        timeline.record(claim, kind="judgment_redetermined", actor=actor,
                        summary=f"A judge redetermined the terms of payment of the judgment: {order}",
                        data={"judgment": judgment.pk, "order": order})
        tell_parties(claim, key=f"judgment-redetermined:{judgment.pk}",
                     headline="a judge has redetermined how the judgment is paid",
                     paragraphs=[f"The judge's order: {order}"])
    return judgment


def judgment_variation_decide(*, claim_id: int, actor: Any, varied: bool, order: str) -> Judgment:
    """A judge records their decision on an application to change the plan (``Action.DECIDE_VARIATION``,
    7.45): the plan changed as ``order`` says, or the application refused and the judgment standing."""
    order = _words(order, "Enter your order on the application")
    with transaction.atomic():
        claim, judgment = _claim_and_judgment(claim_id)
        require(actor, claim, Action.DECIDE_VARIATION)
        assert judgment is not None
        if varied:
            judgment.vary()
            summary = f"A judge changed the repayment plan of the judgment (7.45): {order}"
        else:
            judgment.refuse_variation()
            summary = f"A judge refused the application to change the repayment plan (7.45): {order}"
        judgment.save(update_fields=["state"])
        timeline.record(claim, kind="judgment_varied" if varied else "variation_refused", actor=actor,
                        summary=summary, data={"judgment": judgment.pk, "order": order})
        tell_parties(claim, key=f"variation-decided:{judgment.pk}",
                     headline=("a judge has changed how the judgment is paid" if varied
                               else "a judge refused the application to change how the judgment is paid"),
                     paragraphs=[f"The judge's order: {order}"])
    return judgment
