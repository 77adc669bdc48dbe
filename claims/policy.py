"""What may this user do to this claim now?

The one answer used by views (to show actions), by services (to refuse them) and by the
dashboard (to say what happens next).
"""
from __future__ import annotations

from enum import StrEnum
from typing import Any

from accounts.roles import StaffRole, staff_role
from ocmc import clock

from .constants import ClaimState
from .errors import NotAllowed
from .models import Claim


class Action(StrEnum):
    VIEW = "view"
    EDIT_DRAFT = "edit_draft"
    DELETE_DRAFT = "delete_draft"
    #: Pay the court fee (card) or the rest of it after a part remission.
    PAY_FEE = "pay_fee"
    #: Give a Help with Fees reference instead of paying (a litigant in person, 2A.1).
    APPLY_HWF = "apply_hwf"
    #: Take a submitted, unpaid claim back to a draft to change it.
    RETURN_TO_DRAFT = "return_to_draft"
    #: Court staff: record the Help with Fees decision (4.3(1A)).
    DECIDE_HWF = "decide_hwf"
    #: Download the claimant's documents (sealed claim form, receipt).
    CLAIMANT_DOCUMENTS = "claimant_documents"
    #: Court staff: every document, including the defendant's pack (it holds the security code).
    COURT_DOCUMENTS = "court_documents"
    #: The defendant: respond to the claim (Section 5); late responses are accepted until
    #: judgment is entered (11.1A(2)).
    RESPOND = "respond"
    #: The defendant: say they need more time (5.1(7)): once, before the 19 days pass.
    MORE_TIME = "more_time"
    #: The defendant: the sealed claim form (their copy of what was served).
    DEFENDANT_DOCUMENTS = "defendant_documents"
    #: The submitted response and its PDF: both parties and the court (never the draft).
    READ_RESPONSE = "read_response"
    #: The claimant: ask for judgment in default once the response deadline has passed with no
    #: response (5.1(9), 11.1(1)-(2)).
    REQUEST_DEFAULT_JUDGMENT = "request_default_judgment"
    #: The claimant: ask for judgment on the defendant's admission (7.4, 7.7, 7.40, 7.41).
    REQUEST_ADMISSION_JUDGMENT = "request_admission_judgment"
    #: The judgment and its PDF: both parties and the court.
    READ_JUDGMENT = "read_judgment"


def _is_owner(user: Any, claim: Claim) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and claim.owner_id == user.pk


def admission_judgment_open(claim: Claim) -> bool:
    """The defendant admitted all or part of the claim, and either offered a plan (the claimant
    may accept it and ask for judgment, 7.7, 7.41) or offered to pay immediately and the 5 days
    have passed (7.4(1), 7.40) — not if they say they have already paid what they admit."""
    response = getattr(claim, "response", None)
    if response is None or response.admitted_amount is None or not response.payment_option:
        return False
    if response.pay_immediately:
        return claim.pay_immediately_deadline is None or claim.pay_immediately_deadline <= clock.now()
    return True


def _is_defendant(user: Any, claim: Claim) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and claim.defendant_user_id == user.pk


def allowed_actions(user: Any, claim: Claim) -> set[Action]:
    actions: set[Action] = set()
    if _is_defendant(user, claim):
        actions |= {Action.VIEW, Action.DEFENDANT_DOCUMENTS, Action.READ_RESPONSE, Action.READ_JUDGMENT}
        if claim.state == ClaimState.ISSUED:
            actions.add(Action.RESPOND)
            if (claim.more_time_requested_at is None and claim.response_deadline is not None
                    and clock.now() < claim.response_deadline):
                actions.add(Action.MORE_TIME)
    if _is_owner(user, claim):
        actions.add(Action.VIEW)
        if claim.state == ClaimState.DRAFT:
            actions |= {Action.EDIT_DRAFT, Action.DELETE_DRAFT}
        elif claim.state == ClaimState.AWAITING_FEE:
            actions.add(Action.PAY_FEE)
            if not claim.hwf_decision:
                actions |= {Action.APPLY_HWF, Action.RETURN_TO_DRAFT}
        if claim.issue_date is not None:
            actions |= {Action.CLAIMANT_DOCUMENTS, Action.READ_RESPONSE, Action.READ_JUDGMENT}
        if (claim.state == ClaimState.ISSUED and claim.response_deadline is not None
                and claim.response_deadline <= clock.now()):
            actions.add(Action.REQUEST_DEFAULT_JUDGMENT)
        if claim.state == ClaimState.AWAITING_CLAIMANT_RESPONSE and admission_judgment_open(claim):
            actions.add(Action.REQUEST_ADMISSION_JUDGMENT)
    role = staff_role(user)
    if role is not None:
        # Court staff see claims once they reach the court (submitted), never private drafts.
        if claim.state != ClaimState.DRAFT:
            actions |= {Action.VIEW, Action.COURT_DOCUMENTS, Action.CLAIMANT_DOCUMENTS, Action.READ_RESPONSE,
                        Action.READ_JUDGMENT}
        if role == StaffRole.CASEWORKER and claim.state == ClaimState.AWAITING_HWF_DECISION:
            actions.add(Action.DECIDE_HWF)
    return actions


def can(user: Any, claim: Claim, action: Action) -> bool:
    return action in allowed_actions(user, claim)


def require(user: Any, claim: Claim, action: Action) -> None:
    if not can(user, claim, action):
        raise NotAllowed("You cannot do that on this claim.")
