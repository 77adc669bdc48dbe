"""The claimant's and the judgment's deadlines (see ``court.sweeps``)."""
from __future__ import annotations

from datetime import datetime

from django.db.models import QuerySet

from claims.models import Claim
from court.sweeps import Sweep, due, register

from .answers import claim_stay_claimant_silent, redetermination_window_closed
from .models import Judgment


def _claimants_silent(now: datetime) -> QuerySet[Claim]:
    return due(Claim.objects.all(), "claimant_response_deadline", now)


def _redetermination_closing(now: datetime) -> QuerySet[Judgment]:
    return due(Judgment.objects.all(), "redetermination_deadline", now)


CLAIMANT_SILENT = register(Sweep(
    name="judgments.claimant_silent",
    description="Stay claims whose claimant has not answered the response within 33 days (7.17, 7.44, 6.2(4)).",
    overdue=_claimants_silent,
    act=lambda pk: claim_stay_claimant_silent(claim_id=pk),
))
REDETERMINATION_CLOSING = register(Sweep(
    name="judgments.redetermination_window",
    description="Close the 19 days for asking for a judgment's terms to be redetermined (7.12(6)).",
    overdue=_redetermination_closing,
    act=lambda pk: redetermination_window_closed(judgment_id=pk),
))
