"""The deadlines of defended claims (see ``court.sweeps``): each sweep calls the same service a
person's step would, and each service re-checks its deadline under the row lock, so a sweep run
twice, or late, acts once."""
from __future__ import annotations

from datetime import datetime

from django.db.models import QuerySet

from claims.models import Claim
from court.sweeps import Sweep, due, register

from .models import Application
from .services import (
    inactivity_stay,
    la_window_passed,
    mediation_period_ended,
    online_application_response_time_passed,
    represented_answer_missed,
    trial_readiness_time_passed,
)

MEDIATION_ENDED = register(Sweep(
    name="defended.mediation_ended",
    description="Refer to a legal adviser or judge the claims whose 28-day mediation stay ended with no settlement "
                "reported (6.2(9)).",
    overdue=lambda now: due(Claim.objects.all(), "mediation_ends_at", now),
    act=lambda pk: mediation_period_ended(claim_id=pk),
))
LEGAL_ADVISER_WINDOW = register(Sweep(
    name="defended.reconsideration_window",
    description="Send out the claims a legal adviser's directions send out, once the time to ask a judge to "
                "reconsider has passed (20.2(3)(e), 20.3).",
    overdue=lambda now: due(Claim.objects.all(), "send_out_due_at", now),
    act=lambda pk: la_window_passed(claim_id=pk),
))
INACTIVITY = register(Sweep(
    name="defended.no_step_6_months",
    description="Stay the claims on which neither party has taken a step for 6 months (12.1).",
    overdue=lambda now: due(Claim.objects.all(), "inactivity_stay_at", now),
    act=lambda pk: inactivity_stay(claim_id=pk),
))
REPRESENTED_ANSWER_MISSED = register(Sweep(
    name="defended.represented_claimant_silent",
    description="Send out, with the CPR 26.4(9) order, the claims whose represented claimant did not say before 4pm on "
                "the 28th day after notification of the defence whether they continue (CLM-REP-28, 6A.4(5)).",
    overdue=lambda now: due(Claim.objects.all(), "represented_answer_deadline", now),
    act=lambda pk: represented_answer_missed(claim_id=pk),
))


def _claims_with_overdue_respondents(now: datetime) -> QuerySet[Claim]:
    """The claims with an online application whose APP-RESP-5 has passed. The sweep locks the claim (as every
    service does, before its applications), so it takes claims, not applications."""
    return Claim.objects.filter(pk__in=due(Application.objects.all(), "respond_by", now).values("claim_id")
                                ).order_by("pk")


APPLICATION_RESPONSE_TIME = register(Sweep(
    name="defended.application_response_time",
    description="Send to a judge the online applications whose respondent has not given its information before 4pm "
                "on the 5th day after notification (16B.1(9), APP-RESP-5).",
    overdue=_claims_with_overdue_respondents,
    act=lambda pk: online_application_response_time_passed(claim_id=pk),
))
TRIAL_READINESS = register(Sweep(
    name="defended.trial_readiness",
    description="Refer to a judge the fast track claims whose 2 weeks for trial readiness certificates passed "
                "without every certificate (TRC-14, 6C.3, 16A.1).",
    overdue=lambda now: due(Claim.objects.all(), "trial_readiness_deadline", now),
    act=lambda pk: trial_readiness_time_passed(claim_id=pk),
))
