"""The allocation page of a case: the firm administrator allocates, reallocates (with a reason), shares and
stops sharing, through claims.assignments; only the firm's active solicitors can be chosen; the record is
the firm's own."""
from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from claims import assignments
from claims.constants import ClaimState
from claims.models import CaseAssignment
from tests.firm_factories import make_firm, make_member

from .conftest import represented

pytestmark = pytest.mark.django_db


def url(claim: Any) -> str:
    return reverse("casework:allocation", args=[claim.public_id])


def test_only_the_firms_administrator_reaches_the_page(client, firm, admin, make_case, make_user):
    claim = make_case()
    client.force_login(admin)
    assert client.get(url(claim)).status_code == 200
    for someone in (make_member(firm), make_member(firm, sees_all=True), make_member(make_firm(), admin=True),
                    make_user()):
        client.force_login(someone)
        assert client.get(url(claim)).status_code == 404


def test_the_defendants_firm_allocates_a_claim_only_once_issued(client, firm, make_user):
    defence_admin = make_member(firm, admin=True)
    other = make_firm("Claimant Co")
    draft = represented(make_user(), other, state=ClaimState.DRAFT, defendant_representation="registered",
                        defendant_firm=firm)
    served = represented(make_user(), other, defendant_representation="registered", defendant_firm=firm)
    client.force_login(defence_admin)
    assert client.get(url(draft)).status_code == 404
    assert client.get(url(served)).status_code == 200


def test_allocate_then_reallocate_with_a_reason(client, firm, admin, make_case):
    first, second = make_member(firm, name="Fay First"), make_member(firm, name="Sid Second")
    claim = make_case()
    client.force_login(admin)
    response = client.post(url(claim), {"action": "allocate", "allocate-solicitor": first.pk}, follow=True)
    assert "The case has been allocated to Fay First" in response.content.decode()
    assert assignments.current_assignee(claim, firm).user == first
    missing = client.post(url(claim), {"action": "allocate", "allocate-solicitor": second.pk})
    html = missing.content.decode()
    assert missing.status_code == 400 and "There is a problem" in html
    assert "Enter why you are reallocating the case" in html
    assert assignments.current_assignee(claim, firm).user == first
    client.post(url(claim), {"action": "allocate", "allocate-solicitor": second.pk,
                             "allocate-reason": "Fay is on annual leave"})
    assert assignments.current_assignee(claim, firm).user == second
    html = client.get(url(claim)).content.decode()
    assert "Fay is on annual leave" in html and "Sid Second" in html and "Ada Admin" in html


def test_a_second_press_allocates_once(client, firm, admin, make_case):
    solicitor = make_member(firm, name="Fay First")
    claim = make_case()
    client.force_login(admin)
    for _ in range(2):
        assert client.post(url(claim), {"action": "allocate", "allocate-solicitor": solicitor.pk}).status_code == 302
    second = client.post(url(claim), {"action": "allocate", "allocate-solicitor": solicitor.pk}, follow=True)
    assert "already allocated to Fay First" in second.content.decode()
    assert CaseAssignment.objects.filter(claim=claim).count() == 1


def test_share_and_stop_sharing(client, firm, admin, make_case):
    helper = make_member(firm, name="Hal Helper")
    claim = make_case()
    client.force_login(admin)
    client.post(url(claim), {"action": "share", "share-colleague": helper.pk})
    client.post(url(claim), {"action": "share", "share-colleague": helper.pk})
    assert CaseAssignment.objects.filter(claim=claim, user=helper, ended_at__isnull=True).count() == 1
    assert "Stop sharing with Hal Helper" in client.get(url(claim)).content.decode()
    response = client.post(url(claim), {"action": "unshare", "user": helper.pk}, follow=True)
    assert "no longer shared with Hal Helper" in response.content.decode()
    again = client.post(url(claim), {"action": "unshare", "user": helper.pk}, follow=True)
    assert "was not shared with that colleague" in again.content.decode()
    row = CaseAssignment.objects.get(claim=claim, user=helper)
    assert row.ended_at is not None and row.end_reason == "Stopped sharing"


def test_only_active_solicitors_of_the_firm_can_be_chosen(client, firm, admin, make_case):
    claim = make_case()
    choices = {
        "outsider": make_member(make_firm()),
        "suspended": make_member(firm, state="suspended"),
        "removed": make_member(firm, state="removed"),
        "not a solicitor": make_member(firm, solicitor=False),
    }
    make_member(firm, name="Ann Active")
    client.force_login(admin)
    html = client.get(url(claim)).content.decode()
    assert "Ann Active" in html
    for user in choices.values():
        assert f'value="{user.pk}"' not in html
        response = client.post(url(claim), {"action": "allocate", "allocate-solicitor": user.pk})
        assert response.status_code == 400
        assert "Select a valid choice" in response.content.decode()
        response = client.post(url(claim), {"action": "share", "share-colleague": user.pk})
        assert response.status_code == 400
    assert not CaseAssignment.objects.filter(claim=claim).exists()


def test_the_other_party_never_sees_the_record(client, firm, admin, make_user):
    defence = make_firm("Defence LLP")
    defence_admin = make_member(defence, admin=True, sees_all=True)
    ours = make_member(firm, name="Our Solicitor")
    claim = represented(make_user(), firm, defendant_representation="registered", defendant_firm=defence)
    assignments.assign(claim, to=ours, actor=admin)
    client.force_login(defence_admin)
    html = client.get(url(claim)).content.decode()
    assert "Our Solicitor" not in html and "The case has never been allocated" in html
    assert "Our Solicitor" not in client.get(reverse("claims:detail", args=[claim.public_id])).content.decode()
