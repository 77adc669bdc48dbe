"""A request for judgment in default referred to a judge (PD 51R 11.1A(2), 15.1(1)).

The claimant asked for judgment in default while an application or notice was waiting to be
decided, so the court could not enter it automatically: ``judgments.services`` referred it to a
judge (``defended.services.refer_default_request``). The judge enters it, and the judgment names
them as its maker (15.1(1)), or refuses it. This lives in judgments because it enters a
judgment (judgments is above defended); the referral itself is closed by defended's service.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db import transaction

from claims import timeline
from claims.constants import ClaimState
from claims.errors import ClaimError
from claims.notices import tell_parties
from claims.policy import Action, require
from claims.services import locked_claim
from defended.models import Referral, ReferralKind
from defended.services import default_request_decided
from ocmc import clock

from . import services as judgments
from .answers import plan_from_record


def default_request_decide(*, referral_id: int, actor: Any, enter: bool, reasons: str) -> Referral:
    """A judge decides a referred request for judgment in default: enter it (the judge makes the
    judgment, 15.1(1)) or refuse it. Not once a response has been received (11.1A(2))."""
    reasons = (reasons or "").strip()
    if not reasons:
        raise ClaimError("Enter the judge's reasons")
    claim_id = Referral.objects.filter(pk=referral_id).values_list("claim_id", flat=True).first()
    if claim_id is None:
        raise ClaimError("There is no such referral.")
    with transaction.atomic():
        claim = locked_claim(claim_id)
        if claim is None:
            raise ClaimError("This claim no longer exists.")
        referral = Referral.objects.select_for_update().get(pk=referral_id)
        require(actor, claim, Action.DECIDE_DEFAULT_REQUEST)
        if referral.closed_at is not None or referral.kind != ReferralKind.DEFAULT_JUDGMENT:
            raise ClaimError("This request has already been decided.")
        if enter and (claim.state != ClaimState.ISSUED or hasattr(claim, "response")):
            raise ClaimError("A response has been received, so judgment in default cannot be entered (11.1A(2))")
        default_request_decided(referral, actor=actor, entered=enter)
        timeline.record(claim, kind="default_request_decided", actor=actor,
                        summary=f"The judge {'granted' if enter else 'refused'} the request for judgment in default: "
                                f"{reasons}"[:300])
        if not enter:
            tell_parties(claim, key=f"default-refused:{referral.pk}", headline="the request for judgment was refused",
                         paragraphs=[f"The judge's reasons: {reasons}"])
            return referral
        request = referral.data or {}
        plan = plan_from_record(request["plan"]) if request.get("plan") else None
        # Made by the judge today, and never before the day the claimant's request counts as received.
        judgment_date = judgments.date_of_judgment(claim, referral.created_at, made_on=clock.today())
        paid = Decimal(request.get("paid") or "0")
        amount = judgments.default_amount(claim, judgment_date=judgment_date, paid=paid)
        if amount.total <= 0:
            raise ClaimError("The defendant has paid the whole amount owed (11.1A(1))")
        judgments.enter_judgment(claim, kind="default", requested_by=claim.owner, request=request, amount=amount,
                                 plan=plan, judgment_date=judgment_date, made_by=actor)
    return referral
