"""The court staff's work queues: what is waiting for a caseworker, a legal adviser or a judge.

Plain queries, read-only. Each queue lists its items oldest first, by when the item started
waiting (``waiting_since``), so the longest-waiting work is done first:

- caseworkers: mediation outcomes to record (claims in mediation, 6.2(8)-(10)), paper responses
  to enter (the paper forms were sent and nothing has been entered yet, Section 10) and Help with
  Fees decisions (4.3(1A));
- legal advisers: the open referrals to a legal adviser (Section 20);
- judges: the open referrals to a judge (16A.1, 6.2(9), 6.3(6), 16.1(4), 17.1, 18.1, 20.3), and
  the parties' applications not yet decided.

Only claims still with the court online are listed: a referral or application on a claim that
has since closed, or been sent out, is no longer anyone's work here.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from django.db.models import F, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce

from claims.constants import ClaimState, Referee
from claims.models import Claim, ClaimEvent
from claims.policy import LIVE_STATES

from .models import Application, PaperResponse, Referral


def _latest_event(kind: str) -> Subquery:
    """When the claim's latest step of this kind was recorded."""
    return Subquery(ClaimEvent.objects.filter(claim=OuterRef("pk"), kind=kind)
                     .order_by("-recorded_at", "-pk").values("recorded_at")[:1])


def mediation_outcomes() -> QuerySet[Claim]:
    """Claims in mediation, for a caseworker to record what the Small Claims Mediation Service reported;
    waiting since they were referred to it (6.2(5A))."""
    return (Claim.objects.filter(state=ClaimState.MEDIATION)
            .annotate(waiting_since=Coalesce(_latest_event("mediation_referred"), "claimant_decision__submitted_at",
                                             "last_saved_at"))
            .order_by("waiting_since", "pk"))


def paper_responses_to_enter() -> QuerySet[PaperResponse]:
    """Paper forms sent to a defendant (10.1(3)) whose response has not been entered yet, while the claim is
    still waiting for it; waiting since the defendant's call."""
    return (PaperResponse.objects.filter(received_at__isnull=True, claim__state=ClaimState.ISSUED)
            .select_related("claim").annotate(waiting_since=F("contacted_at"))
            .order_by("waiting_since", "pk"))


def open_referrals_to(to: str) -> QuerySet[Referral]:
    """The open referrals to a legal adviser or to a judge (with applications and reconsiderations), on claims
    still live online; waiting since referred."""
    return (Referral.objects.filter(to=Referee(to), closed_at__isnull=True, claim__state__in=LIVE_STATES)
            .select_related("claim", "application").annotate(waiting_since=F("created_at"))
            .order_by("waiting_since", "pk"))


def undecided_applications() -> QuerySet[Application]:
    """The parties' applications and requests not yet decided, on claims still live online; waiting since
    made."""
    return (Application.objects.filter(decided_at__isnull=True, claim__state__in=LIVE_STATES)
            .select_related("claim").annotate(waiting_since=F("made_at"))
            .order_by("waiting_since", "pk"))


def hwf_decisions() -> QuerySet[Claim]:
    """Claims waiting for a caseworker's Help with Fees decision (4.3(1A)); waiting since the reference was
    given."""
    return (Claim.objects.filter(state=ClaimState.AWAITING_HWF_DECISION)
            .annotate(waiting_since=Coalesce(_latest_event("hwf_applied"), "submitted_at", "last_saved_at"))
            .order_by("waiting_since", "pk"))


@dataclass(frozen=True)
class QueueRow:
    """One item of a queue, as the queue page shows it."""

    claim: Claim
    waiting_since: datetime
    #: What is waiting: the reason for a referral, the kind of application, …
    what: str

    @property
    def parties(self) -> str:
        return f"{self.claim.claimant_name or 'Claimant'} v {self.claim.defendant_label or 'Defendant'}"

    @property
    def amount(self) -> Decimal | None:
        return self.claim.amount_claimed


@dataclass(frozen=True)
class Queue:
    key: str
    title: str
    #: Who works it: "Caseworkers", "Legal advisers", "Judges".
    who: str
    rows: tuple[QueueRow, ...]

    @property
    def count(self) -> int:
        return len(self.rows)


def queues() -> list[Queue]:
    """Every queue, each with its rows oldest first."""
    return [
        Queue("mediation", "Mediation outcomes to record", "Caseworkers", tuple(
            QueueRow(claim, claim.waiting_since, "In mediation (stayed for 28 days)")
            for claim in mediation_outcomes())),
        Queue("paper", "Paper responses to enter", "Caseworkers", tuple(
            QueueRow(paper.claim, paper.waiting_since,
                     f"Paper forms ({', '.join(paper.forms)}) sent on {paper.sent_on:%-d %B %Y}")
            for paper in paper_responses_to_enter())),
        Queue("hwf", "Help with Fees decisions", "Caseworkers", tuple(
            QueueRow(claim, claim.waiting_since, f"Help with Fees reference {claim.hwf_reference}")
            for claim in hwf_decisions())),
        Queue("legal_adviser", "Waiting for a legal adviser", "Legal advisers", tuple(
            QueueRow(referral.claim, referral.waiting_since, f"{referral.get_kind_display()}: {referral.reason}")
            for referral in open_referrals_to(Referee.LEGAL_ADVISER))),
        Queue("judge", "Waiting for a judge", "Judges", tuple(
            QueueRow(referral.claim, referral.waiting_since, f"{referral.get_kind_display()}: {referral.reason}")
            for referral in open_referrals_to(Referee.JUDGE))),
        Queue("applications", "Applications not yet decided", "Judges", tuple(
            QueueRow(application.claim, application.waiting_since,
                     f"{'A draft consent order: ' if application.consent_order else ''}"
                     f"{application.get_kind_display()}, by the {application.applicant_role}")
            for application in undecided_applications())),
    ]
