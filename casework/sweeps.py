"""The firm emails' daily sweeps (see ``court.sweeps``): each runs on every pass of the deadline engine and finds
nothing to do before 7 am UK time, or once the day's email has gone; so running twice, or late, sends each email
once, and a late run sends what an on-time run would have."""
from __future__ import annotations

from datetime import datetime

from django.db.models import QuerySet

from accounts.models import Firm, FirmMembership, FirmState, MemberState
from court.models import Notification
from court.sweeps import Sweep, register

from .email_services import (
    daily_cutoff,
    daily_summary_send,
    summary_key_prefix,
    unassigned_cases_send,
)
from .models import SummaryLine, UnassignedCasesEmail
from .selectors import firms_with_unassigned_cases


def members_due_a_summary(now: datetime) -> QuerySet[FirmMembership]:
    """Active members of approved firms with summary lines from before today's 7 am not yet sent."""
    cutoff = daily_cutoff(now)
    if cutoff is None:
        return FirmMembership.objects.none()
    waiting = SummaryLine.objects.filter(sent_at__isnull=True, created_at__lt=cutoff).values("user_id")
    approved = Firm.objects.filter(state=FirmState.APPROVED).values("pk")
    had_today = Notification.objects.filter(key__startswith=summary_key_prefix(cutoff.date()),
                                            user_id__isnull=False).values("user_id")
    return (FirmMembership.objects.filter(state=MemberState.ACTIVE, firm_id__in=approved, user_id__in=waiting)
            .exclude(user_id__in=had_today).order_by("pk"))


SEND_DAILY_SUMMARIES = register(
    Sweep(
        name="casework.send_daily_summaries",
        description="Email each firm user who chose a daily summary the steps on their cases (at or after 7 am).",
        overdue=members_due_a_summary,
        act=lambda pk: daily_summary_send(membership_id=pk),
    )
)


def firms_due_unassigned_list(now: datetime) -> QuerySet[Firm]:
    """Approved firms with unassigned live cases whose administrators have not had today's list."""
    cutoff = daily_cutoff(now)
    if cutoff is None:
        return Firm.objects.none()
    sent_today = UnassignedCasesEmail.objects.filter(day=cutoff.date()).values("firm_id")
    return firms_with_unassigned_cases().exclude(pk__in=sent_today).order_by("pk")


SEND_UNASSIGNED_CASES = register(
    Sweep(
        name="casework.send_unassigned_cases",
        description="Email each firm's administrators its unassigned cases and their deadlines (daily, 7 am).",
        overdue=firms_due_unassigned_list,
        act=lambda pk: unassigned_cases_send(firm_id=pk),
    )
)
