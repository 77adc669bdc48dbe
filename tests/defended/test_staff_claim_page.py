"""The claim's page for court staff, its security code, and the claims list's search and filters.

The claim (``tests.responses.conftest``): £1,000 from Clara Claimant against Dan Defendant (3 Oak Road, Leeds
LS2 7AB, dan.pack@example.com), issued with Help with Fees on Monday 1 March 2027 at 10:00; the defendant must
respond by 4pm on Monday 22 March 2027. The clock stays at the issue.
"""
from __future__ import annotations

import html as html_lib
import re

import pytest
from django.urls import reverse

from claims.models import Claim, ClaimEvent, StaffAccess
from tests.conftest import uk

pytestmark = pytest.mark.django_db


def claim_page(client, claim: Claim) -> str:
    page = client.get(reverse("admin:claims_claim_change", args=[claim.pk]))
    assert page.status_code == 200
    return page.content.decode()


def summary_of(html: str) -> str:
    """The summary at the top of the page, as text."""
    match = re.search(r'<div id="claim-summary".*?</div>\s*(?=<fieldset|<div class="inline|<details|$)', html, re.S)
    assert match, "the page has no summary"
    return html_lib.unescape(" ".join(re.sub(r"<[^>]+>", " ", match.group(0)).split()))


def test_the_top_of_the_page_says_what_a_caseworker_needs(client, issue_claim, caseworker):
    claim = issue_claim()
    client.force_login(caseworker)
    html = claim_page(client, claim)
    text = summary_of(html)
    assert "Claimant: Ms Sam Claimant" in text and "1 High Street Bristol BS1 4ST" in text
    assert "Defendant: Mr Dan Defendant" in text and "3 Oak Road Leeds LS2 7AB" in text
    assert "Email: dan.pack@example.com" in text and "not linked online" in text
    assert "Issued" in text  # the state in words
    assert "The defendant responds by (DEF-19, 5.1) 4pm on Monday 22 March 2027" in text
    assert ("Next reminder to the defendant of the response deadline " in text
            and "Stayed if no response and no request for judgment (11.2) " in text)
    assert "Record the defendant's call (paper response)" in text  # a step open to a caseworker
    assert "Documents Sealed claim form (being prepared) Claim issue receipt (being prepared) Defendant's pack" in text
    assert "Help with Fees: the fee is remitted in full" in text  # the timeline
    # The raw fields are there, but collapsed.
    assert re.search(r'<details[^>]*>\s*<summary[^>]*>.*Every recorded field', html, re.S)
    # The security code is not on the page: it takes a deliberate step.
    assert claim.security_code not in html
    assert "See the security code" in text


def test_a_caseworker_sees_the_security_code_and_each_showing_is_recorded(client, issue_claim, caseworker):
    claim = issue_claim()
    events = ClaimEvent.objects.filter(claim=claim).count()
    client.force_login(caseworker)
    url = reverse("admin:claims_claim_security_code", args=[claim.pk])

    ask = client.get(url)
    assert ask.status_code == 200 and claim.security_code not in ask.content.decode()
    assert not StaffAccess.objects.exists()  # asking is not seeing

    for _ in range(2):
        shown = client.post(url)
        assert claim.security_code in shown.content.decode()
    reads = list(StaffAccess.objects.filter(claim=claim))
    assert [(r.what, r.user, r.at) for r in reads] == [("security_code", caseworker, uk(2027, 3, 1, 10, 0))] * 2
    assert reads[0].user_label == caseworker.display_name + ", Caseworker"
    # Recorded for staff, on the claim's page; not on the timeline both parties read.
    assert "Security code seen by staff" in summary_of(claim_page(client, claim))
    assert ClaimEvent.objects.filter(claim=claim).count() == events


def test_the_defendant_does_not_see_staff_readings_of_the_code(client, linked, caseworker):
    claim, defendant = linked
    client.force_login(caseworker)
    client.post(reverse("admin:claims_claim_security_code", args=[claim.pk]))
    assert StaffAccess.objects.filter(claim=claim).count() == 1
    for party in (defendant, claim.owner):
        client.force_login(party)
        page = client.get(f"/claims/{claim.public_id}/" if party == claim.owner else f"/respond/{claim.public_id}/")
        assert page.status_code == 200
        assert "security code" not in page.content.decode().lower()


def test_only_a_caseworker_sees_the_security_code(client, issue_claim, legal_adviser, judge):
    claim = issue_claim()
    for user in (legal_adviser, judge):
        client.force_login(user)
        assert "See the security code" not in claim_page(client, claim)
        page = client.post(reverse("admin:claims_claim_security_code", args=[claim.pk]))
        assert page.status_code == 302
        assert claim.security_code not in page.content.decode()
    assert not StaffAccess.objects.exists()


# -- the claims list ------------------------------------------------------------------------------------------


def listed(client, **query: str) -> set[str]:
    page = client.get(reverse("admin:claims_claim_changelist"), query)
    assert page.status_code == 200
    return set(re.findall(r"\b(?:\d{3}[A-Z]{2}\d{3}|[A-Z]\d{2}[A-Z]{2}\d{3}|[A-Z0-9]{8})\b(?=</a>)",
                          page.content.decode()))


@pytest.fixture
def two_claims(issue_claim, make_user):
    """Against Dan Defendant (Leeds LS2 7AB) and against Eve Other (Bristol BS2 0AA, eve@example.com)."""
    dan = issue_claim()
    eve = issue_claim(owner=make_user("carl@example.com"), defendant={
        "type": "individual", "title": "Ms", "full_name": "Eve Other", "address_line1": "9 Elm Street",
        "address_line2": "", "town": "Bristol", "postcode": "BS2 0AA", "phone": "", "email": "eve@example.com"})
    return dan, eve


@pytest.mark.parametrize("query, who", [
    ("LS2 7AB", {"dan"}), ("ls2 7ab", {"dan"}), ("BS2 0AA", {"eve"}), ("ls27ab", {"dan"}), ("BS20AA", {"eve"}),
    ("dan.pack@example.com", {"dan"}), ("eve@example.com", {"eve"}), ("carl@example.com", {"eve"}),
    ("Dan Defendant", {"dan"}), ("Eve", {"eve"}), ("Sam Claimant", {"dan", "eve"}), ("nobody", set()),
])
def test_the_claims_list_searches_numbers_names_postcodes_and_emails(client, caseworker, two_claims, query, who):
    dan, eve = two_claims
    client.force_login(caseworker)
    numbers = {"dan": dan.claim_number, "eve": eve.claim_number}
    assert listed(client, q=query) == {numbers[w] for w in who}
    assert listed(client, q=dan.claim_number) == {dan.claim_number}


def test_the_claims_list_filters_by_a_deadline_within_n_days(client, caseworker, two_claims, travel):
    dan, eve = two_claims
    far = uk(2027, 9, 1, 10, 0)
    # Dan's response is due at 10:00 on Wednesday 17 March; Eve's reminder is on Saturday 20 March, her response
    # due on Monday 5 April. Every other deadline is months away.
    Claim.objects.filter(pk=dan.pk).update(response_deadline=uk(2027, 3, 17, 10, 0), response_reminder_at=None,
                                           no_response_stay_at=far)
    Claim.objects.filter(pk=eve.pk).update(response_deadline=uk(2027, 4, 5, 16, 0),
                                           response_reminder_at=uk(2027, 3, 20, 9, 0), no_response_stay_at=far)
    travel(uk(2027, 3, 16, 12, 0), tick=False)
    client.force_login(caseworker)
    assert listed(client, deadline_within="1") == {dan.claim_number}
    assert listed(client, deadline_within="3") == {dan.claim_number}
    assert listed(client, deadline_within="7") == {dan.claim_number, eve.claim_number}
    assert listed(client) == {dan.claim_number, eve.claim_number}
    # A deadline that has passed is not "within N days".
    travel(uk(2027, 3, 18, 12, 0), tick=False)
    client.force_login(caseworker)
    assert listed(client, deadline_within="3") == {eve.claim_number}
    # The response deadline counts only while the claim waits for a response.
    Claim.objects.filter(pk=eve.pk).update(response_reminder_at=None)
    assert listed(client, deadline_within="28") == {eve.claim_number}
    Claim.objects.filter(pk=eve.pk).update(state="awaiting_claimant_response")
    assert listed(client, deadline_within="28") == set()
