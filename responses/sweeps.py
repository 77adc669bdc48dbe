"""The defendant's deadlines (see ``court.sweeps``): each calls the service a person would."""
from __future__ import annotations

from datetime import datetime

from django.db.models import QuerySet

from claims.constants import ClaimState
from claims.models import Claim
from court.sweeps import Sweep, due, register

from .services import (
    admission_payment_window_passed,
    claim_stay_no_response,
    response_deadline_passed,
    response_remind,
)


def _reminders_due(now: datetime) -> QuerySet[Claim]:
    return due(Claim.objects.all(), "response_reminder_at", now)


def _no_response(now: datetime) -> QuerySet[Claim]:
    # A paper response the court holds (received late) is a response: no judgment in default (11.1A(2)).
    held = Claim.objects.filter(paper_response__received_at__isnull=False).values("pk")
    return due(Claim.objects.filter(state=ClaimState.ISSUED, default_available_at__isnull=True)
               .exclude(pk__in=held), "response_deadline", now)


def _stays_due(now: datetime) -> QuerySet[Claim]:
    return due(Claim.objects.all(), "no_response_stay_at", now)


def _pay_immediately_passed(now: datetime) -> QuerySet[Claim]:
    return due(Claim.objects.all(), "pay_immediately_deadline", now)


REMIND = register(Sweep(
    name="responses.remind_defendants",
    description="Remind defendants 5 days and 1 day before their response deadline.",
    overdue=_reminders_due,
    act=lambda pk: response_remind(claim_id=pk),
))
NO_RESPONSE = register(Sweep(
    name="responses.no_response",
    description="Response deadline passed with no response: tell the claimant they may ask for judgment (5.1(9)).",
    overdue=_no_response,
    act=lambda pk: response_deadline_passed(claim_id=pk),
))
STAY_NO_RESPONSE = register(Sweep(
    name="responses.stay_after_6_months",
    description="Stay claims 6 months after issue with no response and no judgment request (11.2).",
    overdue=_stays_due,
    act=lambda pk: claim_stay_no_response(claim_id=pk),
))
PAY_IMMEDIATELY = register(Sweep(
    name="responses.pay_immediately_window",
    description="5 days after an admission offering to pay immediately: tell the claimant (7.4, 7.40).",
    overdue=_pay_immediately_passed,
    act=lambda pk: admission_payment_window_passed(claim_id=pk),
))
