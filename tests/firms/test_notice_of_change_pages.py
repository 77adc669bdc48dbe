"""The notice of change page (/firm/notice-of-change/): reachable by a solicitor of a registered firm from the firm
dashboard, not found for anyone else; refusals in the error summary; after the change the former firm's users get
404 on every page of the claim and the filer reaches it."""
from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from accounts.models import FirmState
from claims import assignments
from claims.models import Claim
from court.models import Notification
from firms.services import NO_MATCH
from firms.views import NOTICE_FAILURES
from tests.firm_factories import make_firm, make_member

from .test_notice_of_change import NUMBER, make_claim

pytestmark = pytest.mark.django_db

URL = "/firm/notice-of-change/"


@pytest.fixture
def firms(db: Any) -> tuple[Any, Any]:
    return make_firm("Able & Co", service_email="service@able.example"), make_firm("Nova Law")


@pytest.fixture
def claim(firms: tuple[Any, Any]) -> tuple[Claim, Any, Any]:
    """(claim, Able & Co's administrator, Able & Co's assignee)."""
    former, _ = firms
    admin = make_member(former, admin=True, sees_all=True)
    assignee = make_member(former, name="Ash Able")
    claim = make_claim(assignee, claimant_firm=former)
    assignments.assign(claim, to=assignee, actor=admin)
    return claim, admin, assignee


def test_the_page_is_the_solicitors_and_linked_from_the_dashboard(client, firms):
    solicitor = make_member(firms[1])
    assert reverse("firms:notice_of_change") == URL
    client.force_login(solicitor)
    dashboard = client.get("/firm/").content.decode()
    assert f'href="{URL}"' in dashboard
    page = client.get(URL)
    html = page.content.decode()
    assert page.status_code == 200
    assert "<title>File a notice of change" in html and 'name="claim_number"' in html and 'name="client_name"' in html


def test_nobody_else_reaches_the_page(client, firms, make_user):
    caseworker = make_user("casey@court.example", is_staff=True)
    caseworker.groups.set([Group.objects.get(name="caseworker")])
    nobody = [
        make_user(),  # a member of the public
        caseworker,
        make_member(firms[1], admin=True, solicitor=False),  # an administrator who is not a solicitor
        make_member(firms[1], state="suspended"),
    ]
    client.force_login(nobody[2])
    assert URL not in client.get("/firm/").content.decode(), "the dashboard offers it to solicitors only"
    for someone in nobody:
        client.force_login(someone)
        assert client.get(URL).status_code == 404, someone
        assert client.post(URL, {"claim_number": NUMBER, "client_name": "Jane Claimant"}).status_code == 404
    client.logout()
    assert client.get(URL).status_code == 302  # to sign in


def test_a_pending_firms_solicitor_is_sent_to_the_firms_status(client):
    client.force_login(make_member(make_firm(state=FirmState.PENDING)))
    response = client.get(URL)
    assert response.status_code == 302 and response["Location"] == "/firm/status/"


def test_filing_moves_the_case_and_the_former_firm_gets_404_on_it(client, firms, claim):
    claim, admin, assignee = claim
    detail = f"/claims/{claim.public_id}/"
    allocation = f"/firm/cases/{claim.public_id}/allocation/"
    emails = f"/firm/cases/{claim.public_id}/emails/"
    client.force_login(assignee)
    assert client.get(detail).status_code == 200
    client.force_login(admin)
    assert client.get(allocation).status_code == 200
    filer = make_member(firms[1], name="Nina Nova")
    client.force_login(filer)
    response = client.post(URL, {"claim_number": "000mc301", "client_name": "jane claimant", "reference": "NOVA/7"},
                           follow=True)
    assert response.redirect_chain == [(detail, 302)]
    html = response.content.decode()
    assert "Notice of change filed: Nova Law now acts for Ms Jane Claimant, the claimant, on claim 000MC301" in html
    assert "Notice of change filed by Nina Nova of Nova Law" in html  # the timeline on the claim's page
    claim.refresh_from_db()
    assert claim.claimant_firm == firms[1]
    for former_user in (assignee, admin):
        client.force_login(former_user)
        for url in (detail, allocation, emails):
            assert client.get(url).status_code == 404, (former_user, url)
        assert "000MC301" not in client.get("/firm/?tab=all").content.decode()
    # The new firm's administrator finds it unassigned, and may allocate it.
    new_admin = make_member(firms[1], admin=True, sees_all=True)
    client.force_login(new_admin)
    assert "000MC301" in client.get("/firm/?tab=unassigned").content.decode()
    assert client.get(allocation).status_code == 200


def test_a_refusal_is_in_the_error_summary_and_changes_nothing(client, firms, claim):
    claim, *_ = claim
    client.force_login(make_member(firms[1]))
    response = client.post(URL, {"claim_number": NUMBER, "client_name": "Jane Smith"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: File a notice of change" in html and "There is a problem" in html
    assert NO_MATCH.replace("'", "&#x27;") in html and 'href="#id_client_name"' in html
    missing = client.post(URL, {"claim_number": "MC", "client_name": ""}).content.decode()
    assert "Enter the claim number as it is on the claim, like 000MC001" in missing
    assert "Enter your client&#x27;s name as it is on the claim" in missing
    claim.refresh_from_db()
    assert claim.claimant_firm == firms[0]
    assert not Notification.objects.filter(kind__startswith="notice_of_change").exists()


def test_guessing_names_is_stopped_after_a_few_tries(client, firms, claim):
    claim, *_ = claim
    client.force_login(make_member(firms[1]))
    for _ in range(NOTICE_FAILURES):
        client.post(URL, {"claim_number": NUMBER, "client_name": "Guess"})
    blocked = client.post(URL, {"claim_number": NUMBER, "client_name": "Jane Claimant"}).content.decode()
    assert "too many times" in blocked
    claim.refresh_from_db()
    assert claim.claimant_firm == firms[0]


def test_a_second_press_lands_on_the_claim_again(client, firms, claim):
    claim, *_ = claim
    client.force_login(make_member(firms[1]))
    data = {"claim_number": NUMBER, "client_name": "Jane Claimant"}
    first = client.post(URL, data)
    second = client.post(URL, data)
    assert first.status_code == second.status_code == 302 and first["Location"] == second["Location"]
    assert claim.events.filter(kind="notice_of_change").count() == 1
