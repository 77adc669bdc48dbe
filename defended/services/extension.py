"""A further extension of a represented claimant's agreed time (PD 51R 6A.2(4)-(5)).

Once an agreed extension of less than 28 days has been recorded online (6A.2(2)-(3),
``responses.services.response_extension_record``), the parties cannot increase it online: the defendant
applies at the CTSC (6A.2(4)). A caseworker enters that application, with the time the court received it, and
on receipt the court sends the claim out of Online Civil Money Claims (6A.2(5)), with the reason, on the
timeline, both sides told (``claims.services.send_out``).
"""
from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import transaction

from claims import timeline
from claims.constants import SentOutTo
from claims.errors import ClaimError
from claims.models import Claim
from claims.policy import Action, require
from claims.services import send_out
from court.templatetags.govuk import govuk_datetime
from ocmc import clock
from rules import paper_forms, represented

from .common import _claim, _staff
from .referrals import _close_applications, _close_referrals


def recorded_extension_days(claim: Claim) -> int | None:
    """The days of the agreed extension recorded on the claim, counted from the original last day (6A.2(2));
    None if none was recorded."""
    if claim.response_extension_recorded_at is None or claim.issue_date is None:
        return None
    event = claim.events.filter(kind="agreed_extension").order_by("-pk").first()
    if event is not None and isinstance(event.data, dict) and "extension_days" in event.data:
        return int(event.data["extension_days"])
    if claim.response_deadline_day is None:
        return None
    return (claim.response_deadline_day - represented.original_last_day(claim.issue_date)).days


def further_extension_application_enter(*, claim_id: int, actor: Any, received_at: datetime,
                                        note: str = "") -> Claim:
    """A caseworker enters the defendant's application at the CTSC to increase the agreed extension (6A.2(4)):
    refused unless an extension of less than 28 days is recorded on a represented claimant's claim still waiting
    for the response; on receipt the claim is sent out to the CNBC with the reason (6A.2(5)), and both sides are
    told (``send_out``)."""
    note = " ".join((note or "").split())
    with transaction.atomic():
        claim = _claim(claim_id)
        require(actor, claim, Action.ENTER_FURTHER_EXTENSION_APPLICATION)
        _staff(actor)
        refusal = paper_forms.further_extension_application(
            claimant_represented=claim.claimant_firm_id is not None, extension_days=recorded_extension_days(claim),
            received_at=received_at, now=clock.now())
        if refusal is not None:
            raise ClaimError(paper_forms.FURTHER_EXTENSION_REASONS[refusal])
        timeline.record(
            claim, kind="further_extension_application", actor=actor,
            summary=f"Application at the CTSC to increase the agreed extension of time received "
                    f"{govuk_datetime(received_at)} (PD 51R 6A.2(4))",
            data={"received_at": received_at.isoformat(), "note": note[:500]})
        _close_referrals(claim, actor, "Sent out of the online service")
        _close_applications(claim, "The claim was sent out")
        claim.send_out_due_at = None
        send_out(claim, to=SentOutTo.CNBC, actor=actor, reason=paper_forms.FURTHER_EXTENSION_REASON)
    return claim
