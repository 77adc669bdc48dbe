"""A represented claimant who does not answer a defence in time (PD 51R 6A.4(5)).

If the claimant's legal representative has not said, before 4pm on the 28th day after notification of the defence,
whether the claimant continues (with the directions questionnaire), the claim is "at that point" sent out of Online
Civil Money Claims to a County Court hearing centre under 19.1 (6A.4(5)(a)), treated as if the claimant had failed to
comply with a notice under CPR 26.4(1) (b), and an order is made under CPR 26.4(9) (c). The PD names the step
itself, so it is the court's automated system that sends it (19.1(1): a provision that sets out the process
prevails): to the preferred court, which without the claimant's questionnaire is the one the defendant chose
(1.1). The order is recorded on the claim's timeline and as the directions on sending out, which both parties see
on the claim's page and in the email telling them the claim has been sent out (19.1(4)).
"""
from __future__ import annotations

from django.db import transaction

from claims import timeline
from claims.constants import ClaimState, SentOutTo
from claims.services import send_out
from court.templatetags.govuk import govuk_datetime
from ocmc import clock
from rules import represented
from rules.calendar import in_time

from .. import rules
from .common import _claim
from .referrals import _close_applications, _close_referrals


def represented_answer_missed(*, claim_id: int) -> bool:
    """CLM-REP-28 has passed with no answer from the claimant's legal representative: send the claim out to a
    hearing centre with the CPR 26.4(9) order (6A.4(5)). The sweep calls it; run twice or late, it acts once and
    the same way (the order names the deadline missed, not the day the sweep ran)."""
    with transaction.atomic():
        claim = _claim(claim_id)
        deadline = claim.represented_answer_deadline
        if deadline is None or in_time(clock.now(), deadline):
            return False
        claim.represented_answer_deadline = None
        if claim.state != ClaimState.AWAITING_CLAIMANT_RESPONSE or hasattr(claim, "claimant_decision"):
            claim.save(update_fields=["represented_answer_deadline"])
            return False
        court = rules.preferred_court(claim)
        order = represented.silence_order(deadline_text=govuk_datetime(deadline), court=court)
        timeline.record(claim, kind="order_26_4_9", actor=None,
                        summary="Order under CPR 26.4(9): the claimant did not say in time whether they continue "
                                "with the claim or file their directions questionnaire (PD 51R 6A.4(5))",
                        data={"order": order, "deadline": deadline.isoformat(), "court": court})
        _close_referrals(claim, None, "Sent out of the online service")
        _close_applications(claim, "The claim was sent out")
        claim.sent_out_court = court
        claim.sent_out_directions = order
        claim.send_out_due_at = None
        send_out(claim, to=SentOutTo.PREFERRED_COURT if court else SentOutTo.NAMED_CENTRE, actor=None,
                 reason="the claimant's legal representative did not say before the deadline whether the claimant "
                        "continues with the claim, or file the claimant's directions questionnaire (6A.4(5))")
    return True
