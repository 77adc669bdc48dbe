"""The claims' deadline sweeps (see ``court.sweeps``)."""
from __future__ import annotations

from datetime import datetime

from django.db.models import QuerySet

from court.sweeps import Sweep, due, register

from .breathing_space import breathing_space_lapse
from .constants import ClaimState
from .models import BreathingSpace, BreathingSpaceState, Claim
from .services import claim_draft_delete, claim_draft_remind


def expired_drafts(now: datetime) -> QuerySet[Claim]:
    return due(Claim.objects.filter(state=ClaimState.DRAFT), "draft_expires_at", now)


DELETE_EXPIRED_DRAFTS = register(
    Sweep(
        name="claims.delete_expired_drafts",
        description="Delete draft claims not saved for 28 days (DRAFT-28).",
        overdue=expired_drafts,
        act=lambda pk: claim_draft_delete(claim_id=pk, actor=None),
    )
)


def drafts_to_remind(now: datetime) -> QuerySet[Claim]:
    return due(Claim.objects.filter(state=ClaimState.DRAFT), "draft_reminder_at", now)


REMIND_EXPIRING_DRAFTS = register(
    Sweep(
        name="claims.remind_expiring_drafts",
        description="Warn owners 7 days before a draft claim is deleted.",
        overdue=drafts_to_remind,
        act=lambda pk: claim_draft_remind(claim_id=pk),
    )
)


def breathing_spaces_ending(now: datetime) -> QuerySet[BreathingSpace]:
    return due(BreathingSpace.objects.filter(state=BreathingSpaceState.IN_FORCE), "ends_at", now)


END_BREATHING_SPACES = register(
    Sweep(
        name="claims.breathing_space_ended",
        description="End debt-respite breathing spaces whose last day has passed, so the steps they barred "
                    "(judgment in default, 11.1(2A), 11.1B(8)(b)) can be taken again.",
        overdue=breathing_spaces_ending,
        act=lambda pk: breathing_space_lapse(breathing_space_id=pk),
    )
)
