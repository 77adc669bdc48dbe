"""Reads for the firm dashboard (the MyHMCTS-style list of a firm's cases) and its allocation page.

A firm's dashboard lists the claims it represents a party on (``claims.representation.firm_cases``), less
the drafts of claims it defends (the defendant's firm sees a claim only once it is issued, as
``claims.policy`` has it). Three tabs:

- **Unassigned**: the firm's live cases (not closed, not sent out) with no solicitor of the firm assigned
  (a case only shared with colleagues still has no one answerable for it, so it counts as unassigned).
  Firm administrators (who allocate) and members who see all the firm's cases see this list: the Law
  Society's note asks the firm to check it regularly and allocate each new case to a solicitor.
- **Assigned to me**: the cases assigned or shared to the user.
- **All the firm's cases**: only for members who see all the firm's cases (``sees_all_cases``).

Every page of rows costs the same number of queries whatever its length: the party names are columns of
the claim (set from the signed claim form; a draft's come out of its answers as annotations), the firm's
reference and side are annotations, the live allocations one prefetch, the state in words reads only
what ``select_related`` brought (see ``state_words``).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Case, CharField, Count, Exists, F, Min, OuterRef, Prefetch, Q, QuerySet, Value, When
from django.db.models.fields.json import KT
from django.db.models.functions import Coalesce, NullIf

from accounts.models import Firm, FirmMembership, FirmState, MemberState
from claims import status
from claims.constants import SUBMITTED_STATES, ClaimState, PartyRole
from claims.models import AssignmentKind, CaseAssignment, Claim
from defended.models import Referral, ReferralKind
from ocmc import clock
from rules.calendar import LONDON, local

#: Closed, or gone on by post: nothing left for the firm to allocate.
FINISHED_STATES = (ClaimState.SETTLED, ClaimState.DISCONTINUED, ClaimState.SENT_OUT)

UNASSIGNED, MINE, ALL = "unassigned", "mine", "all"
TAB_LABELS = {UNASSIGNED: "Unassigned", MINE: "Assigned to me", ALL: "All the firm's cases"}

BY_DEADLINE, BY_ACTIVITY, BY_ISSUE = "deadline", "activity", "issued"
SORT_LABELS = {
    BY_DEADLINE: "Next deadline (soonest first)",
    BY_ACTIVITY: "Latest activity (most recent first)",
    BY_ISSUE: "Issue date (newest first)",
}
_ORDERINGS = {
    BY_DEADLINE: (F("next_deadline_at").asc(nulls_last=True), F("pk").asc()),
    BY_ACTIVITY: (F("last_activity_at").desc(nulls_last=True), F("pk").desc()),
    BY_ISSUE: (F("issue_date").desc(nulls_last=True), F("pk").desc()),
}

#: "Assignee" filter value for cases with no assignee.
NOBODY = "none"


def _served_on(firm: Any) -> Q:
    """Claims the firm defends, once issued (served on it): never the claimant's draft or a claim waiting for
    its fee."""
    return Q(defendant_firm=firm, issue_date__isnull=False) & ~Q(state__in=(ClaimState.DRAFT, *SUBMITTED_STATES))


def tabs_for(membership: FirmMembership) -> list[str]:
    """The tabs the member may open, in the order shown."""
    tabs = []
    if membership.is_firm_admin or membership.sees_all_cases:
        tabs.append(UNASSIGNED)
    tabs.append(MINE)
    if membership.sees_all_cases:
        tabs.append(ALL)
    return tabs


def default_tab(membership: FirmMembership) -> str:
    """A solicitor starts on their own cases; an administrator who is not a solicitor on the unassigned ones."""
    return MINE if membership.is_solicitor or not membership.is_firm_admin else UNASSIGNED


def dashboard_cases(firm_id: int) -> QuerySet[Claim]:
    """The claims on the firm's dashboard: every claim it acts for the claimant on (drafts too), and those it
    defends once issued."""
    return Claim.objects.filter(Q(claimant_firm_id=firm_id) | _served_on(firm_id))


def _assignee_exists(firm_id: int, **extra: Any) -> Exists:
    return Exists(CaseAssignment.objects.filter(
        claim=OuterRef("pk"), firm_id=firm_id, kind=AssignmentKind.ASSIGNED, ended_at__isnull=True, **extra))


def _unassigned(firm: Any, assignment_firm: Any) -> QuerySet[Claim]:
    """The live cases of the firm (a pk, or an ``OuterRef`` to one) with no solicitor of the firm assigned
    (``assignment_firm``: the same firm, as the assignments' subquery sees it). The one definition of
    "unassigned": the dashboard's tab and banner, and the daily email to the firm's administrators."""
    assigned = CaseAssignment.objects.filter(claim=OuterRef("pk"), firm=assignment_firm,
                                             kind=AssignmentKind.ASSIGNED, ended_at__isnull=True)
    return (Claim.objects.filter(Q(claimant_firm=firm) | _served_on(firm))
            .exclude(state__in=FINISHED_STATES).exclude(Exists(assigned)))


def unassigned_cases(firm_id: int) -> QuerySet[Claim]:
    """The firm's live cases with no solicitor of the firm assigned (a case only shared still has nobody
    answerable for it)."""
    return _unassigned(firm_id, firm_id)


def firms_with_unassigned_cases() -> QuerySet[Firm]:
    """Approved firms with at least one unassigned live case."""
    return Firm.objects.filter(state=FirmState.APPROVED).filter(
        Exists(_unassigned(OuterRef("pk"), OuterRef(OuterRef("pk")))))


def unassigned_summary(firm_id: int) -> tuple[int, datetime | None]:
    """How many cases are unassigned, and the soonest next deadline among them (one query)."""
    found = unassigned_cases(firm_id).aggregate(count=Count("pk"), soonest=Min("next_deadline_at"))
    return found["count"], found["soonest"]


def tab_cases(tab: str, membership: FirmMembership) -> QuerySet[Claim]:
    firm_id = membership.firm_id
    if tab == UNASSIGNED:
        return unassigned_cases(firm_id)
    if tab == ALL:
        return dashboard_cases(firm_id)
    mine = CaseAssignment.objects.filter(claim=OuterRef("pk"), firm_id=firm_id, user_id=membership.user_id,
                                         ended_at__isnull=True)
    return dashboard_cases(firm_id).filter(Exists(mine))


def _draft_name(party: str) -> Coalesce:
    """A draft's party name as far as its answers go: a person's full name, else an organisation's name."""
    return Coalesce(NullIf(KT(f"draft_data__{party}__full_name"), Value("")),
                    NullIf(KT(f"draft_data__{party}__name"), Value("")), Value(""), output_field=CharField())


def with_row_data(cases: QuerySet[Claim], firm_id: int) -> QuerySet[Claim]:
    """What every row shows, in the page's own query and one prefetch (never a query per row)."""
    live = CaseAssignment.objects.filter(firm_id=firm_id, ended_at__isnull=True).select_related("user").order_by(
        "kind", "assigned_at", "pk")
    reconsidering = Referral.objects.filter(claim=OuterRef("pk"), kind=ReferralKind.RECONSIDERATION,
                                            closed_at__isnull=True)
    return (cases
            .defer("draft_data", "submitted_data")
            .select_related("response", "judgment", "claimant_decision", "paper_response")
            .annotate(
                firm_is_claimant=Case(When(claimant_firm_id=firm_id, then=Value(True)), default=Value(False)),
                firm_reference=Case(When(claimant_firm_id=firm_id, then=F("claimant_reference")),
                                    default=F("defendant_reference"), output_field=CharField()),
                draft_claimant=_draft_name("claimant"), draft_defendant=_draft_name("defendant"),
                reconsidering=Exists(reconsidering),
            )
            .prefetch_related(Prefetch("assignments", queryset=live, to_attr="live_allocations")))


def page_claims(ids: list[int], firm_id: int) -> list[Claim]:
    """The claims of one page of the list, in the list's order, with what their rows show.

    The list itself is sorted, counted and sliced on the claims' own columns (``apply_filters`` on
    ``tab_cases``, as primary keys); only the page's rows are then read with their joins and annotations.
    Sorting the whole joined set first cost 50 ms at 20,000 cases (bench/README.md)."""
    found = {claim.pk: claim for claim in with_row_data(Claim.objects.filter(pk__in=ids), firm_id)}
    return [found[pk] for pk in ids if pk in found]


@dataclass
class Filters:
    """What the person asked the list for (from the query string, already checked by the form)."""

    q: str = ""
    assignee: str = ""
    state: str = ""
    within_days: int | None = None
    sort: str = BY_DEADLINE


def deadline_before_day(days: int) -> datetime:
    """The start of the day ``days`` after today (UK time): a deadline "within N days" falls before it."""
    day = clock.today() + timedelta(days=days + 1)
    return datetime(day.year, day.month, day.day, tzinfo=LONDON)


def apply_filters(cases: QuerySet[Claim], filters: Filters, firm_id: int) -> QuerySet[Claim]:
    if filters.q:
        q = filters.q.strip()
        reference = (Q(claimant_firm_id=firm_id, claimant_reference__icontains=q)
                     | Q(defendant_firm_id=firm_id, defendant_reference__icontains=q))
        names = (Q(claimant_name__icontains=q) | Q(defendant_name__icontains=q)
                 | Q(state=ClaimState.DRAFT, draft_data__claimant__full_name__icontains=q)
                 | Q(state=ClaimState.DRAFT, draft_data__claimant__name__icontains=q)
                 | Q(state=ClaimState.DRAFT, draft_data__defendant__full_name__icontains=q)
                 | Q(state=ClaimState.DRAFT, draft_data__defendant__name__icontains=q))
        cases = cases.filter(Q(claim_number__iexact=q.replace(" ", "")) | reference | names)
    if filters.assignee == NOBODY:
        cases = cases.filter(~_assignee_exists(firm_id))
    elif filters.assignee:
        cases = cases.filter(_assignee_exists(firm_id, user_id=int(filters.assignee)))
    if filters.state:
        cases = cases.filter(state=filters.state)
    if filters.within_days is not None:
        cases = cases.filter(next_deadline_at__lt=deadline_before_day(filters.within_days))
    return cases.order_by(*_ORDERINGS.get(filters.sort, _ORDERINGS[BY_DEADLINE]))


def firm_solicitors(firm_id: int) -> list[Any]:
    """The firm's active solicitors (those a case may be allocated to), by name."""
    return list(get_user_model().objects.filter(
        firm_membership__firm_id=firm_id, firm_membership__state=MemberState.ACTIVE,
        firm_membership__is_solicitor=True).order_by("first_name", "last_name", "email"))


# -- one row -----------------------------------------------------------------------------------------------

def state_words(claim: Claim, side: str) -> tuple[str, str]:
    """(words, tag colour) of where the claim stands, for the firm's side: ``claims.status``'s own words.

    Two states word themselves from records ``claims.status`` queries (the open reconsideration referral, the
    directions order); their words come here from the row's annotation instead, so a page of rows costs no
    query per row (tests/casework/test_dashboard.py checks they agree with ``claims.status``)."""
    if claim.state == ClaimState.AWAITING_DIRECTIONS:
        return ("With a judge" if getattr(claim, "reconsidering", False) else "With a legal adviser or judge"), "blue"
    if claim.state == ClaimState.DIRECTIONS_MADE:
        return "Directions made", "blue"
    found = status.for_claimant(claim) if side == PartyRole.CLAIMANT else status.for_defendant(claim)
    return found.words, found.colour


@dataclass
class Row:
    claim: Claim
    side: str
    claimant: str
    defendant: str
    reference: str
    words: str
    colour: str
    assignee: Any | None
    shared_with: list[Any] = field(default_factory=list)
    #: The user may open the claim's page (they see all the firm's cases, or it is assigned or shared to them).
    may_view: bool = False


def build_row(claim: Claim, membership: FirmMembership) -> Row:
    side = PartyRole.CLAIMANT.value if claim.firm_is_claimant else PartyRole.DEFENDANT.value  # type: ignore[attr-defined]
    allocations = getattr(claim, "live_allocations", [])
    assignee = next((row.user for row in allocations if row.kind == AssignmentKind.ASSIGNED), None)
    shared = [row.user for row in allocations if row.kind == AssignmentKind.SHARED]
    words, colour = state_words(claim, side)
    mine = any(row.user_id == membership.user_id for row in allocations)
    return Row(
        claim=claim, side=side,
        claimant=claim.claimant_name or claim.draft_claimant,  # type: ignore[attr-defined]
        defendant=claim.defendant_name or claim.draft_defendant,  # type: ignore[attr-defined]
        reference=claim.firm_reference,  # type: ignore[attr-defined]
        words=words, colour=colour, assignee=assignee, shared_with=shared,
        may_view=membership.sees_all_cases or mine,
    )


def deadline_words(deadline: datetime | None, now: datetime | None = None) -> str:
    """How long is left before a deadline: "4 days left", "1 day left", "today", "overdue" (counted in UK
    calendar days: a deadline at 4pm tomorrow is "1 day left" at any time today)."""
    if deadline is None:
        return ""
    now = now or clock.now()
    if deadline <= now:
        return "overdue"
    days = (local(deadline).date() - local(now).date()).days
    if days == 0:
        return "today"
    return "1 day left" if days == 1 else f"{days} days left"


# -- the allocation page -----------------------------------------------------------------------------------

def case_for_allocation(membership: FirmMembership, public_id: Any) -> Claim | None:
    """The case on the member's firm's dashboard (so never a draft of a claim the firm defends), or None."""
    return dashboard_cases(membership.firm_id).filter(public_id=public_id).first()


def live_share(claim: Claim, firm_id: int, user_pk: str) -> CaseAssignment | None:
    """The live share of the case with that member of the firm, or None."""
    if not user_pk.isdigit():
        return None
    return CaseAssignment.objects.filter(claim=claim, firm_id=firm_id, user_id=int(user_pk),
                                         kind=AssignmentKind.SHARED, ended_at__isnull=True).select_related(
        "user").first()
