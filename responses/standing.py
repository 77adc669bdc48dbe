"""Where a response stands (``DefendantResponse.state``): the only functions that move it.

The claimant's answer accepts or rejects it (a rejected part admission goes on as a defence of the whole,
7.43); a lifted stay lets the claimant answer a defence afresh; the defendant's application to withdraw an
admission waits for a judge's decision (7.46). Each is called inside the transaction of the claim's own step
(``responses``, ``defended`` and ``judgments`` services), except the judge's decision on a withdrawal, which
is a step of its own.
"""
from __future__ import annotations

from typing import Any

from django.db import transaction

from claims import timeline
from claims.errors import ClaimError
from claims.notices import tell_parties
from claims.policy import Action, require
from claims.services import locked_claim, sent_out_place

from . import ocon9
from .models import AWAITING_ANSWER, DefendantResponse


def response_sent_to_claimant(response: DefendantResponse) -> None:
    """A response just received (online, or a defence on paper, 10.3) goes to the claimant to answer."""
    response.send_to_claimant()
    response.change_state()


def response_held_for_translation(response: DefendantResponse) -> None:
    """A response just received in Welsh waits for its English translation before the claimant is given it
    (6B.1(2))."""
    response.hold_for_translation()
    response.change_state()


def response_accepted(response: DefendantResponse) -> None:
    """The claimant's answer accepts the response. A later answer on the same admission (judgment after a
    settlement agreement was not signed, say) finds it accepted already and changes nothing."""
    if response.state in AWAITING_ANSWER:
        response.accept()
        response.change_state()


def response_rejected(response: DefendantResponse) -> None:
    """The claimant goes on with the claim against the response: a part admission goes on as a defence of the
    whole (7.43(a)); a defence, or a defence that says the claim was paid, is rejected (6.2(5), 6.3(5))."""
    if response.state not in AWAITING_ANSWER:
        return
    if response.kind == ocon9.Kind.PART_ADMISSION:
        response.continue_as_defence()
    else:
        response.reject()
    response.change_state()


def response_answer_afresh(response: DefendantResponse) -> None:
    """The claimant's earlier answer (not going on) no longer stands: the response is with them again."""
    response.answer_afresh()
    response.change_state()


def response_withdrawal_asked(response: DefendantResponse) -> None:
    """The defendant's application for permission to withdraw their admission is received (7.46(1)-(3))."""
    response.ask_to_withdraw()
    response.change_state()


def response_withdrawal_decide(*, claim_id: int, actor: Any, permitted: bool, reasons: str) -> DefendantResponse:
    """A judge records their decision on the defendant's application to withdraw their admission (7.46(4)): the
    admission is withdrawn, or it stands. The claim was sent out when the application came (7.46(3)); the
    decision goes on its record and both parties are told."""
    reasons = " ".join((reasons or "").split())
    if not reasons:
        raise ClaimError("Enter the judge's reasons")
    with transaction.atomic():
        claim = locked_claim(claim_id)
        if claim is None:
            raise ClaimError("This claim no longer exists.")
        require(actor, claim, Action.DECIDE_ADMISSION_WITHDRAWAL)
        response = DefendantResponse.objects.select_for_update().get(claim=claim)
        if permitted:
            response.withdraw()
            what = "gave the defendant permission to withdraw their admission"
        else:
            response.refuse_withdrawal()
            what = "refused the defendant permission to withdraw their admission: it stands"
        response.change_state()
        timeline.record(claim, kind="admission_withdrawal_decided", actor=actor,
                        summary=f"The judge {what} (7.46): {reasons}"[:300],
                        data={"permitted": permitted})
        decided = "gave permission to withdraw" if permitted else "refused permission to withdraw"
        tell_parties(claim, key=f"admission-withdrawal:{claim.pk}", headline=f"the judge {decided} the admission",
                     paragraphs=[f"The judge {what}.", f"The judge's reasons: {reasons}",
                                 f"The claim continues at {sent_out_place(claim)}."])
    return response
