"""Court staff's pages on firms: the list by state, a firm's page (members and invitations read-only, the
decisions it allows now), and the decision pages, which call the services."""
from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from accounts.models import FirmState
from court.models import Notification
from firms import services
from firms.services import Roles
from tests.firm_factories import make_firm, make_member

pytestmark = pytest.mark.django_db


def client_for(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_list_filters_firms_by_state(caseworker):
    make_firm("Pending Partners", state=FirmState.PENDING)
    make_firm("Approved Associates")
    client = client_for(caseworker)
    html = client.get("/admin/accounts/firm/?state__exact=pending").content.decode()
    assert "Pending Partners" in html and "Approved Associates" not in html


def test_a_firms_page_shows_members_and_invitations_and_the_decisions_allowed(caseworker, firm, admin_user):
    services.invite(admin_user, firm, "invited@able.example", Roles())
    html = client_for(caseworker).get(f"/admin/accounts/firm/{firm.pk}/change/").content.decode()
    assert "admin@able.example" in html and "invited@able.example" in html
    assert "Suspend the firm" in html and "Approve the firm" not in html
    assert 'name="_save"' not in html, "nothing on the page is edited directly"


def test_approving_a_pending_firm(caseworker):
    firm = make_firm(state=FirmState.PENDING)
    admin = make_member(firm, admin=True)
    client = client_for(caseworker)
    assert "Approve the firm" in client.get(f"/admin/accounts/firm/{firm.pk}/change/").content.decode()
    response = client.post(f"/admin/accounts/firm/{firm.pk}/approve/")
    assert response["Location"] == f"/admin/accounts/firm/{firm.pk}/change/"
    firm.refresh_from_db()
    assert firm.state == FirmState.APPROVED
    assert Notification.objects.filter(kind="firm_approved", to_email=admin.email).exists()


def test_rejecting_needs_a_reason(caseworker):
    firm = make_firm(state=FirmState.PENDING)
    client = client_for(caseworker)
    html = client.post(f"/admin/accounts/firm/{firm.pk}/reject/", {"reason": ""}).content.decode()
    assert "Give the reason" in html
    firm.refresh_from_db()
    assert firm.state == FirmState.PENDING
    client.post(f"/admin/accounts/firm/{firm.pk}/reject/", {"reason": "Not on the SRA register"})
    firm.refresh_from_db()
    assert firm.state == FirmState.REJECTED and firm.decision_reason == "Not on the SRA register"


def test_suspending_and_reinstating(caseworker, firm):
    client = client_for(caseworker)
    client.post(f"/admin/accounts/firm/{firm.pk}/suspend/", {"reason": "Intervention by the SRA"})
    firm.refresh_from_db()
    assert firm.state == FirmState.SUSPENDED
    client.post(f"/admin/accounts/firm/{firm.pk}/reinstate/")
    firm.refresh_from_db()
    assert firm.state == FirmState.APPROVED


def test_a_decision_the_state_does_not_allow_goes_back_to_the_firm(caseworker, firm):
    response = client_for(caseworker).post(f"/admin/accounts/firm/{firm.pk}/approve/")
    assert response["Location"] == f"/admin/accounts/firm/{firm.pk}/change/"
    firm.refresh_from_db()
    assert firm.state == FirmState.APPROVED


def test_staff_who_may_not_change_firms_cannot_decide(make_user):
    judge = make_user("judge@court.example", is_staff=True)
    judge.groups.set([Group.objects.get(name="judge")])
    firm = make_firm(state=FirmState.PENDING)
    assert client_for(judge).post(f"/admin/accounts/firm/{firm.pk}/approve/").status_code in (403, 404)
    firm.refresh_from_db()
    assert firm.state == FirmState.PENDING


def test_firm_members_are_read_only_in_the_admin(caseworker, firm, admin_user):
    membership = admin_user.firm_membership
    client = client_for(caseworker)
    assert client.get(f"/admin/accounts/firmmembership/{membership.pk}/change/").status_code == 200
    response = client.post(f"/admin/accounts/firmmembership/{membership.pk}/change/", {"is_firm_admin": ""})
    assert response.status_code == 403
    membership.refresh_from_db()
    assert membership.is_firm_admin
