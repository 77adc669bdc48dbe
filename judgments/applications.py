"""Applications that take a claim out of the online process (PD 51R 7.45, 7.46).

- 7.45: after a judgment on admission, once the 19 days for redetermination have ended,
  either party may apply to change the repayment plan (claimant: N294 to make it more
  favourable to the defendant, N244 less favourable; defendant: N245). The judgment's state
  becomes "variation applied for" and the claim goes to the defendant's home court, where a
  judge decides (``judgments.judges.judgment_variation_decide`` records what they decide).
- 7.46: the defendant may ask permission to withdraw an admission (a CPR Part 23
  application): the claim is sent out, with the direction that CPR PD 14 paragraph 7.2
  applies.
"""
from __future__ import annotations

from typing import Any

from django.db import transaction

from claims.constants import SentOutTo
from claims.errors import ClaimError
from claims.models import Claim
from claims.policy import Action, require
from claims.representation import acts_for_claimant
from claims.services import locked_claim, send_out
from court.templatetags.govuk import govuk_datetime
from responses.standing import response_withdrawal_asked

from .models import Judgment, redetermination_window_open

#: The forms of 7.45 Table A, by who applies.
VARIATION_FORMS = {
    "claimant": {
        "N294": "Form N294: change the plan to be more favourable to the defendant",
        "N244": "Form N244: change the plan to be less favourable to the defendant",
    },
    "defendant": {"N245": "Form N245: change the plan to be more favourable to you"},
}


def _role(claim: Claim, actor: Any) -> str:
    """Whose application it is: the claimant's side or the defendant's, in person or through their firm."""
    return "claimant" if acts_for_claimant(actor, claim) else "defendant"


def judgment_variation_apply(*, claim_id: int, actor: Any, form_code: str, reasons: str) -> Claim:
    """A party applies to change the repayment plan of a judgment on admission (7.45)."""
    reasons = (reasons or "").strip()
    if not reasons:
        raise ClaimError("Explain how your circumstances have changed")
    with transaction.atomic():
        claim = locked_claim(claim_id)
        if claim is None:
            raise ClaimError("This claim no longer exists.")
        judgment = Judgment.objects.select_for_update().filter(claim=claim).first()
        if judgment is not None and redetermination_window_open(judgment):
            raise ClaimError("You can ask for the terms to be redetermined until "
                             f"{govuk_datetime(judgment.redetermination_deadline)}; after that you can apply to "
                             "change them.")
        require(actor, claim, Action.APPLY_VARIATION)
        assert judgment is not None  # the policy allows this only on a judgment
        role = _role(claim, actor)
        if form_code not in VARIATION_FORMS[role]:
            raise ClaimError("Choose the application that fits what you want to change")
        judgment.apply_to_vary()
        judgment.save(update_fields=["state"])
        send_out(claim, to=SentOutTo.HOME_COURT, actor=actor,
                 reason=f"the {role} applied on form {form_code} to change the repayment plan after a change of "
                        "circumstances (7.45)")
    return claim


def admission_withdrawal_apply(*, claim_id: int, actor: Any, reasons: str) -> Claim:
    """The defendant asks permission to withdraw their admission (7.46)."""
    reasons = (reasons or "").strip()
    if not reasons:
        raise ClaimError("Explain why you want to withdraw your admission")
    with transaction.atomic():
        claim = locked_claim(claim_id)
        if claim is None:
            raise ClaimError("This claim no longer exists.")
        require(actor, claim, Action.WITHDRAW_ADMISSION)
        response_withdrawal_asked(claim.response)
        send_out(claim, to=SentOutTo.CNBC, actor=actor,
                 reason="the defendant applied for permission to withdraw their admission; paragraph 7.2 of CPR "
                        "Practice Direction 14 applies to the application (7.46)")
    return claim
