"""The emails a firm gets about its cases: who hears of a step, each user's choice of an email for every
step or a daily summary, the daily summaries and the administrators' list of unassigned cases.

Every step tells "the claimant" and "the defendant" (``claims.notices``, ``court.notifications.notify``).
When the party told is represented by a firm registered on the service, ``route`` (installed as the
outbox's recipient router by ``casework.apps``) sends the email instead to the firm's solicitors working
on the case (assigned or shared, still active members) who chose an email for every step; those who chose
a daily summary get a ``SummaryLine``; and while nobody in the firm is on the case, the firm's email for
service gets it (PD 51R 4.3(6): the firm is served at that address). A party in person is told as before.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db import transaction
from django.db.models import F, QuerySet
from django.urls import reverse

from accounts.models import EmailUpdates, Firm, FirmMembership, FirmState, MemberState
from accounts.roles import acting_membership
from claims.constants import SUBMITTED_STATES, ClaimState
from claims.errors import NotAllowed
from claims.models import CaseAssignment, Claim
from court.models import Notification
from court.notifications import Routing, notify, routed_key, routed_prefix
from ocmc import clock
from rules.calendar import at_local_time, local

from . import selectors
from .models import SummaryLine, UnassignedCasesEmail

#: The daily emails (summaries, unassigned cases) go at or after this UK time.
DAILY_EMAIL_TIME = time(7, 0)

#: A case the firm has finished with: closed, or gone from the online service to continue on paper.
CLOSED_STATES = (ClaimState.SETTLED, ClaimState.DISCONTINUED, ClaimState.SENT_OUT)
#: The claimant's firm works on a claim from its submission; the defendant's once it is issued (it is served then).
CLAIMANT_NOT_LIVE = (ClaimState.DRAFT, *CLOSED_STATES)
DEFENDANT_NOT_LIVE = (ClaimState.DRAFT, *SUBMITTED_STATES, *CLOSED_STATES)


# -- who hears of a step ----------------------------------------------------------------------------------


def route(*, claim_number: str, to_email: str, user: Any, kind: str, key: str | None, subject: str
          ) -> Routing | None:
    """The outbox's recipient router (see ``court.notifications``): None for an email to a party in person."""
    claim = (Claim.objects.filter(claim_number=claim_number)
             .select_related("claimant_firm", "defendant_firm").first())
    if claim is None:
        return None
    firm = addressed_firm(claim, to_email=to_email, user=user)
    if firm is None:
        return None
    if key is not None and SummaryLine.objects.filter(key__startswith=routed_prefix(key)).exists():
        return Routing(firm=firm)  # the step ran before and went into summaries: nobody is told twice
    team = case_team(claim, firm)
    recipients = [(member.user.email, member.user) for member in team
                  if member.email_updates != EmailUpdates.DAILY]
    summarised = [member.user for member in team if member.email_updates == EmailUpdates.DAILY]
    if not team:
        if not firm.service_email:
            return None
        recipients = [(firm.service_email, None)]
    now = clock.now()
    for person in summarised:
        line_key = routed_key(key, firm.pk, f"summary:{person.pk}") if key is not None else None
        if line_key is None or not SummaryLine.objects.filter(key=line_key).exists():
            SummaryLine.objects.create(claim=claim, user=person, subject=subject[:200], key=line_key,
                                       created_at=now)
    return Routing(firm=firm, recipients=recipients, summarised=summarised)


def addressed_firm(claim: Claim, *, to_email: str, user: Any) -> Firm | None:
    """The firm representing the party an email is addressed to, or None for a party in person.

    The claimant's firm, for the claim's owner (the solicitor who made the claim) or a member of that firm;
    the defendant's registered firm, for its email for service or a member of it."""
    member_of = _member_firm_id(user)
    email = (to_email or "").strip().lower()
    if claim.claimant_firm_id is not None and (
        (user is not None and user.pk == claim.owner_id) or member_of == claim.claimant_firm_id
        or (user is None and email and email == claim.owner.email.lower())
    ):
        return claim.claimant_firm
    defendant_firm = claim.defendant_firm
    if defendant_firm is not None and (
        member_of == defendant_firm.pk or (email and email == defendant_firm.service_email.lower())
    ):
        return defendant_firm
    return None


def _member_firm_id(user: Any) -> int | None:
    if user is None:
        return None
    return FirmMembership.objects.filter(user_id=user.pk).values_list("firm_id", flat=True).first()


def case_team(claim: Claim, firm: Firm) -> list[FirmMembership]:
    """The firm's solicitors on the case: a live allocation (assigned first, then shared), an active member
    of the firm, the firm approved. Empty when the case is unassigned."""
    if firm.state != FirmState.APPROVED:
        return []
    live = {row.user_id: row.kind for row in
            CaseAssignment.objects.filter(claim=claim, firm=firm, ended_at__isnull=True)}
    members = FirmMembership.objects.filter(firm=firm, state=MemberState.ACTIVE, user_id__in=live).select_related(
        "user")
    return sorted(members, key=lambda m: (live[m.user_id] != "assigned", m.pk))


# -- each user's choice -----------------------------------------------------------------------------------


def email_updates_set(*, user: Any, choice: str) -> FirmMembership:
    """The user chooses an email for every step or a daily summary. The same choice again changes nothing."""
    if choice not in EmailUpdates.values:
        raise ValueError(f"not a choice of email updates: {choice!r}")
    with transaction.atomic():
        membership = acting_membership(user)
        if membership is None:
            raise NotAllowed("Only an active member of an approved firm chooses how they hear about its cases.")
        membership = FirmMembership.objects.select_for_update().get(pk=membership.pk)
        if membership.email_updates != choice:
            membership.email_updates = choice
            membership.save(update_fields=["email_updates"])
    return membership


# -- the emails about one case ----------------------------------------------------------------------------


def case_emails(claim: Claim, firm: Firm) -> QuerySet[Notification]:
    """Every email sent to the firm (its solicitors or its email for service) about the case, newest first."""
    if not claim.claim_number:
        return Notification.objects.none()
    return Notification.objects.filter(firm=firm, claim_number=claim.claim_number).select_related("user")


def delivery_state(notification: Notification) -> str:
    """Where an email stands, in words."""
    if notification.sent_at is not None:
        return "Sent"
    if notification.next_attempt_at is None:
        return "Not sent: the service stopped trying"
    if notification.attempts:
        return "Not sent yet: trying again"
    return "Waiting to be sent"


# -- the daily emails -------------------------------------------------------------------------------------


def daily_cutoff(now: datetime) -> datetime | None:
    """Today's 7 am (UK time) once it has passed, else None: the daily sweeps find nothing before then."""
    seven = at_local_time(local(now).date(), DAILY_EMAIL_TIME)
    return seven if now >= seven else None


def latest_daily_time(now: datetime) -> datetime:
    """The latest 7 am (UK time) at or before ``now``: the day's emails are for its day. (A sweep that started
    before midnight and acts after it still acts for the day it started on.)"""
    today = local(now).date()
    return daily_cutoff(now) or at_local_time(today - timedelta(days=1), DAILY_EMAIL_TIME)


def summary_key(user_id: int, day: date) -> str:
    return f"{summary_key_prefix(day)}{user_id}"


def summary_key_prefix(day: date) -> str:
    """The start of the key of every daily summary for ``day`` (the outbox's key index finds them)."""
    return f"casework:summary:{day.isoformat()}:"


def daily_summary_send(*, membership_id: int) -> bool:
    """Email the member their daily summary: every line not yet sent from before the day's 7 am. Once a day
    (the sweep asks only at or after 7 am); again after the summary went changes nothing: a line that arrives
    later waits for the next day's. True if a summary was queued."""
    now = clock.now()
    cutoff = latest_daily_time(now)
    with transaction.atomic():
        membership = (FirmMembership.objects.select_for_update().select_related("user", "firm")
                      .filter(pk=membership_id, state=MemberState.ACTIVE, firm__state=FirmState.APPROVED).first())
        if membership is None:
            return False
        day = cutoff.date()
        key = summary_key(membership.user_id, day)
        if Notification.objects.filter(key=key).exists():
            return False  # today's has gone: anything later waits for tomorrow's
        lines = list(SummaryLine.objects.filter(user=membership.user, sent_at__isnull=True, created_at__lt=cutoff)
                     .select_related("claim").order_by("created_at", "pk"))
        if not lines:
            return False
        notify(kind="casework_daily_summary", to_email=membership.user.email, user=membership.user, key=key,
               context={"user": membership.user, "firm": membership.firm, "day": day,
                        "cases": _by_case(lines)})
        SummaryLine.objects.filter(pk__in=[line.pk for line in lines]).update(sent_at=now)
    return True


@dataclass(frozen=True)
class CaseLines:
    claim: Claim
    path: str
    lines: list[SummaryLine]


def _by_case(lines: list[SummaryLine]) -> list[CaseLines]:
    cases: dict[int, CaseLines] = {}
    for line in lines:
        if line.claim_id not in cases:
            cases[line.claim_id] = CaseLines(line.claim, _case_path(line.claim), [])
        cases[line.claim_id].lines.append(line)
    return list(cases.values())


def _case_path(claim: Claim) -> str:
    return reverse("claims:detail", kwargs={"public_id": claim.public_id})


def unassigned_cases(firm: Firm) -> QuerySet[Claim]:
    """The firm's unassigned live cases (``casework.selectors.unassigned_cases``), soonest deadline first."""
    return selectors.unassigned_cases(firm.pk).order_by(F("next_deadline_at").asc(nulls_last=True), "pk")


def days_left(deadline: datetime | None, today: date) -> str:
    """How long is left before a deadline, in words ("3 days left", "today", "passed")."""
    if deadline is None:
        return ""
    days = (local(deadline).date() - today).days
    if days < 0:
        return "the deadline has passed"
    if days == 0:
        return "today"
    return "1 day left" if days == 1 else f"{days} days left"


@dataclass(frozen=True)
class UnassignedCase:
    claim: Claim
    path: str
    side: str
    reference: str
    deadline: datetime | None
    days_left: str


def unassigned_case_rows(firm: Firm, today: date) -> list[UnassignedCase]:
    rows = []
    for claim in unassigned_cases(firm):
        claimant_side = claim.claimant_firm_id == firm.pk
        rows.append(UnassignedCase(
            claim=claim, path=_case_path(claim), side="claimant" if claimant_side else "defendant",
            reference=claim.claimant_reference if claimant_side else claim.defendant_reference,
            deadline=claim.next_deadline_at, days_left=days_left(claim.next_deadline_at, today),
        ))
    return rows


def unassigned_cases_send(*, firm_id: int) -> bool:
    """Email each administrator of the firm the day's list of its unassigned cases: once a day (the sweep asks
    only at or after 7 am), and only when there are any. True if the list was sent."""
    now = clock.now()
    day = latest_daily_time(now).date()
    with transaction.atomic():
        firm = Firm.objects.select_for_update().filter(pk=firm_id, state=FirmState.APPROVED).first()
        if firm is None or UnassignedCasesEmail.objects.filter(firm=firm, day=day).exists():
            return False
        rows = unassigned_case_rows(firm, local(now).date())
        if not rows:
            return False
        UnassignedCasesEmail.objects.create(firm=firm, day=day, created_at=now, cases=len(rows))
        admins = FirmMembership.objects.filter(firm=firm, state=MemberState.ACTIVE, is_firm_admin=True
                                               ).select_related("user").order_by("pk")
        for admin in admins:
            notify(kind="casework_unassigned_cases", to_email=admin.user.email, user=admin.user,
                   key=f"casework:unassigned:{firm.pk}:{day.isoformat()}:{admin.user_id}",
                   context={"user": admin.user, "firm": firm, "day": day, "cases": rows})
    return True
