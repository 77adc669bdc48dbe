"""The firm dashboard: its tabs and who sees them, what each row says, finding cases (sort, filters, search,
pages), the unassigned cases on every tab, and a page of rows costing the same queries whatever its length."""
from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import FirmMembership
from casework import selectors
from claims import assignments, status, timeline
from claims.constants import ClaimState, PartyRole
from claims.models import Claim
from defended.models import Referral
from tests.conftest import uk
from tests.firm_factories import make_firm, make_member

from .conftest import represented

pytestmark = pytest.mark.django_db
URL = reverse("casework:dashboard")


def page(client: Any, user: Any, **query: Any) -> str:
    client.force_login(user)
    response = client.get(URL, query)
    assert response.status_code == 200
    return response.content.decode()


def row_ids(html: str) -> list[str]:
    return re.findall(r'data-claim="([0-9a-f-]+)"', html)


def tabs(html: str) -> list[str]:
    return re.findall(r'class="govuk-tabs__tab"[^>]*>([^<]+)<', html)


def test_each_role_sees_its_tabs(client, firm, admin):
    solicitor = make_member(firm)
    supervisor = make_member(firm, sees_all=True)
    assert tabs(page(client, admin)) == ["Unassigned", "Assigned to me"]
    assert tabs(page(client, supervisor)) == ["Unassigned", "Assigned to me", "All the firm&#x27;s cases"]
    assert tabs(page(client, solicitor)) == ["Assigned to me"]


def test_a_solicitor_who_sees_only_their_cases_never_gets_the_unassigned_list(client, firm, admin, make_case):
    solicitor = make_member(firm)
    stray = make_case()
    html = page(client, solicitor, tab="unassigned")
    assert row_ids(html) == [] and stray.claim_number not in html
    assert "1 case is not allocated to a solicitor" in html, "they are told how many, never which"
    assert "Your firm's administrator allocates them" in html


def test_the_tabs_list_unassigned_mine_and_all(client, firm, admin, make_case):
    me, colleague = make_member(firm, sees_all=True), make_member(firm)
    unassigned, mine, theirs, shared = make_case(), make_case(), make_case(), make_case()
    closed = make_case(state=ClaimState.DISCONTINUED, closed_on=date(2026, 10, 20))
    assignments.assign(mine, to=me, actor=admin)
    assignments.assign(theirs, to=colleague, actor=admin)
    assignments.assign(shared, to=colleague, actor=admin)
    assignments.share(shared, to=me, actor=admin)
    only_shared = make_case()
    assignments.share(only_shared, to=colleague, actor=admin)
    ids = lambda *claims: {str(c.public_id) for c in claims}  # noqa: E731
    assert set(row_ids(page(client, me, tab="unassigned"))) == ids(unassigned, only_shared), (
        "closed cases need no allocation; a case only shared has no one assigned")
    assert set(row_ids(page(client, me, tab="mine"))) == ids(mine, shared)
    assert set(row_ids(page(client, me, tab="all"))) == ids(unassigned, mine, theirs, shared, closed, only_shared)


def test_a_row_says_what_the_firm_needs(client, firm, admin, make_case, travel):
    solicitor = make_member(firm, name="Sam Solicitor")
    helper = make_member(firm, name="Hal Helper")
    claim = make_case(claimant_reference="ABL/SMITH-1")
    assignments.assign(claim, to=solicitor, actor=admin)
    assignments.share(claim, to=helper, actor=admin)
    travel(uk(2026, 11, 9, 14, 30), tick=False)
    timeline.record(claim, kind="note", summary="A step", actor=None)
    travel(uk(2026, 11, 10, 11), tick=False)
    claim.refresh_from_db()
    html = page(client, solicitor)
    assert claim.claim_number in html
    assert f"{claim.claimant_name} v {claim.defendant_name}" in html
    assert "ABL/SMITH-1" in html
    assert "Issued" in html, "the state in words (claims.status)"
    assert "4pm on 20 November 2026 (10 days left)" in html
    assert "2:30pm on 9 November 2026" in html, "the latest activity"
    assert ">You<" in html and "Shared with Hal Helper" in html
    assert reverse("claims:detail", args=[claim.public_id]) in html
    assert reverse("casework:case_emails", args=[claim.public_id]) in html, "the firm's emails about the case"
    assert reverse("casework:allocation", args=[claim.public_id]) not in html, "only administrators allocate"


def test_an_administrator_who_does_not_see_the_case_gets_its_allocation_link_only(client, firm, admin, make_case):
    claim = make_case()
    html = page(client, admin, tab="unassigned")
    assert reverse("casework:allocation", args=[claim.public_id]) in html
    assert reverse("claims:detail", args=[claim.public_id]) not in html
    assert reverse("casework:case_emails", args=[claim.public_id]) not in html


def test_for_the_defendants_firm_its_own_reference_and_never_a_draft(client, firm, make_user):
    claimant_firm = make_firm("Claimant Co")
    defence = make_member(firm, sees_all=True)
    owner = make_user()
    served = represented(owner, claimant_firm, claimant_reference="THEIRS", defendant_representation="registered",
                         defendant_firm=firm, defendant_reference="OURS/9")
    draft = represented(owner, claimant_firm, state=ClaimState.DRAFT, defendant_representation="registered",
                        defendant_firm=firm)
    html = page(client, defence, tab="all")
    assert row_ids(html) == [str(served.public_id)]
    assert "OURS/9" in html and "THEIRS" not in html and "You act for the defendant" in html
    assert "Respond to the claim" in html, "the state in the defendant's words"
    assert str(draft.public_id) not in html


@pytest.mark.parametrize(("deadline", "words"), [
    (uk(2026, 11, 10, 16), "4pm on 10 November 2026 (today)"),
    (uk(2026, 11, 11, 16), "4pm on 11 November 2026 (1 day left)"),
    (uk(2026, 11, 10, 10, 59), "10:59am on 10 November 2026 (overdue)"),
    (uk(2026, 11, 6, 16), "4pm on 6 November 2026 (overdue)"),
    (uk(2026, 12, 8, 16), "4pm on 8 December 2026 (28 days left)"),
])
def test_the_deadline_and_the_days_left(client, firm, make_case, deadline, words):
    supervisor = make_member(firm, sees_all=True)
    make_case(response_deadline=deadline)
    assert words in page(client, supervisor, tab="all")


def test_sorting_by_deadline_activity_or_issue_date(client, firm, make_case):
    supervisor = make_member(firm, sees_all=True)
    late = make_case(response_deadline=uk(2026, 12, 1, 16), issue_date=date(2026, 10, 5))
    soon = make_case(response_deadline=uk(2026, 11, 12, 16), issue_date=date(2026, 10, 1))
    none = make_case(state=ClaimState.STAYED, issue_date=date(2026, 10, 9))
    Claim.objects.filter(pk=late.pk).update(last_activity_at=uk(2026, 11, 1, 9))
    Claim.objects.filter(pk=soon.pk).update(last_activity_at=uk(2026, 11, 9, 9))
    ids = lambda *claims: [str(c.public_id) for c in claims]  # noqa: E731
    assert row_ids(page(client, supervisor, tab="all")) == ids(soon, late, none), "soonest first, none last"
    assert row_ids(page(client, supervisor, tab="all", sort="activity")) == ids(soon, late, none)
    assert row_ids(page(client, supervisor, tab="all", sort="issued")) == ids(none, late, soon)


def test_filters_by_assignee_state_and_deadline_within_days(client, firm, admin, make_case):
    supervisor = make_member(firm, sees_all=True)
    sam = make_member(firm, name="Sam Solicitor")
    sams = make_case(response_deadline=uk(2026, 11, 13, 16))
    nobodys = make_case(response_deadline=uk(2026, 11, 30, 16))
    stayed = make_case(state=ClaimState.STAYED)
    assignments.assign(sams, to=sam, actor=admin)
    ids = lambda *claims: {str(c.public_id) for c in claims}  # noqa: E731
    assert set(row_ids(page(client, supervisor, tab="all", assignee=sam.pk))) == ids(sams)
    assert set(row_ids(page(client, supervisor, tab="all", assignee="none"))) == ids(nobodys, stayed)
    assert set(row_ids(page(client, supervisor, tab="all", state="stayed"))) == ids(stayed)
    assert set(row_ids(page(client, supervisor, tab="all", within=3))) == ids(sams), "13 November is 3 days away"
    assert set(row_ids(page(client, supervisor, tab="all", within=2))) == set()
    html = page(client, supervisor, tab="all", within="soon")
    assert "There is a problem" in html and "Deadline within must be a whole number of days" in html
    assert len(row_ids(html)) == 3, "a bad filter is reported and left out"


def test_search_by_claim_number_party_name_or_reference(client, firm, make_case):
    supervisor = make_member(firm, sees_all=True)
    first = make_case(defendant_name="Zebra Crossings Ltd", claimant_reference="ABL/ZZ-7")
    second = make_case()
    draft = make_case(state=ClaimState.DRAFT)
    ids = lambda *claims: [str(c.public_id) for c in claims]  # noqa: E731
    assert row_ids(page(client, supervisor, tab="all", q=second.claim_number.lower())) == ids(second)
    assert row_ids(page(client, supervisor, tab="all", q="zebra")) == ids(first)
    assert row_ids(page(client, supervisor, tab="all", q="zz-7")) == ids(first)
    assert row_ids(page(client, supervisor, tab="all", q="draft defendant")) == ids(draft), "a draft's answers"
    html = page(client, supervisor, tab="all", q="nothing like it")
    assert row_ids(html) == [] and "No cases match your search and filters" in html


def test_pages_of_25_keep_the_query_string(client, firm, make_case):
    supervisor = make_member(firm, sees_all=True)
    for _ in range(30):
        make_case(state=ClaimState.STAYED)
    first = page(client, supervisor, tab="all", state="stayed", sort="issued")
    assert len(row_ids(first)) == 25 and "30 cases found, showing 1 to 25" in first
    assert 'href="?tab=all&amp;state=stayed&amp;sort=issued&amp;page=2"' in first
    second = page(client, supervisor, tab="all", state="stayed", sort="issued", page=2)
    assert len(row_ids(second)) == 5 and set(row_ids(second)).isdisjoint(row_ids(first))
    assert 'href="?tab=unassigned&amp;state=stayed&amp;sort=issued"' in second, "tabs keep filters, not the page"


def test_the_unassigned_cases_and_their_soonest_deadline_on_every_tab(client, firm, admin, make_case):
    supervisor = make_member(firm, sees_all=True)
    make_case(response_deadline=uk(2026, 11, 30, 16))
    make_case(response_deadline=uk(2026, 11, 17, 16))
    allocated = make_case(response_deadline=uk(2026, 11, 11, 16))
    assignments.assign(allocated, to=supervisor, actor=admin)
    for tab in ("unassigned", "mine", "all"):
        html = page(client, supervisor, tab=tab)
        assert "2 cases are not allocated to a solicitor" in html
        assert "The soonest deadline among them is 4pm on 17 November 2026 (7 days left)" in html
    assert "See the unassigned cases" in page(client, supervisor, tab="mine")


def test_no_banner_when_every_case_is_allocated(client, firm, admin, make_case):
    supervisor = make_member(firm, sees_all=True)
    assignments.assign(make_case(), to=supervisor, actor=admin)
    assert 'id="unassigned-banner"' not in page(client, supervisor, tab="all")


@pytest.mark.parametrize("reconsidering", [False, True])
def test_the_state_in_words_is_claims_status_own(firm, make_case, reconsidering):
    supervisor = make_member(firm, sees_all=True)
    claim = make_case(state=ClaimState.AWAITING_DIRECTIONS)
    if reconsidering:
        Referral.objects.create(claim=claim, kind="reconsideration", to="judge", reason="Asked",
                                created_at=uk(2026, 11, 9, 9))
    row_claim = selectors.with_row_data(Claim.objects.filter(pk=claim.pk), firm.pk).get()
    row = selectors.build_row(row_claim, supervisor.firm_membership)
    assert (row.words, row.colour) == (status.for_claimant(claim).words, status.for_claimant(claim).colour)
    assert row.side == PartyRole.CLAIMANT


@pytest.mark.parametrize("tab", ["unassigned", "mine", "all"])
def test_the_queries_of_a_page_do_not_grow_with_its_rows(client, firm, admin, make_case, django_assert_num_queries,
                                                         tab):
    supervisor = make_member(firm, sees_all=True)
    helper = make_member(firm)
    states = [ClaimState.ISSUED, ClaimState.DRAFT, ClaimState.STAYED, ClaimState.AWAITING_DIRECTIONS,
              ClaimState.MEDIATION, ClaimState.AWAITING_CLAIMANT_RESPONSE, ClaimState.DIRECTIONS_MADE]

    def add(count: int) -> None:
        for i in range(count):
            claim = make_case(state=states[i % len(states)])
            if tab != "unassigned":
                assignments.assign(claim, to=supervisor, actor=admin)
                assignments.share(claim, to=helper, actor=admin)

    client.force_login(supervisor)
    add(5)
    client.get(URL, {"tab": tab})  # the session and anything cached once
    with CaptureQueriesContext(connection) as five:
        assert len(row_ids(client.get(URL, {"tab": tab}).content.decode())) == 5
    add(25)
    with django_assert_num_queries(len(five.captured_queries)):
        assert len(row_ids(client.get(URL, {"tab": tab}).content.decode())) == 25
    assert FirmMembership.objects.filter(firm=firm).count() == 3


def test_a_firm_member_is_sent_home_to_the_firm_dashboard_and_nobody_else_has_one(client, firm, make_user):
    member = make_member(firm)
    client.force_login(member)
    response = client.get(reverse("claims:dashboard"))
    assert response.status_code == 302 and response["Location"] == URL
    citizen = make_user()
    client.force_login(citizen)
    assert client.get(reverse("claims:dashboard")).status_code == 200
    assert client.get(URL).status_code == 404
    suspended = make_member(firm, state="suspended")
    client.force_login(suspended)
    assert client.get(reverse("claims:dashboard")).status_code == 200
    assert client.get(URL).status_code == 404
