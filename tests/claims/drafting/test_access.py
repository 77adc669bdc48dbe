"""Only the owner drafts their claim; a claim that is no longer a draft is not edited here."""
from __future__ import annotations

import pytest
from django.urls import reverse

from claims.constants import ClaimState
from claims.models import Claim

from .conftest import url

pytestmark = pytest.mark.django_db

PAGES = ["task_list", "claimant_type", "claimant_details", "defendant_type", "defendant_details", "amount",
         "interest", "interest_from", "what_happened", "timeline", "evidence", "check"]


@pytest.mark.parametrize("name", PAGES)
def test_a_stranger_gets_not_found(client, make_user, draft, name):
    client.force_login(make_user())
    for response in (client.get(url(name, draft)), client.post(url(name, draft), {"type": "company"})):
        assert response.status_code == 404
        assert b"Acme Building Ltd" not in response.content
    draft.refresh_from_db()
    assert draft.draft_data["claimant"]["type"] == "individual"


@pytest.mark.parametrize("name", PAGES)
def test_signed_out_people_sign_in_first(client, draft, name):
    response = client.get(url(name, draft))
    assert response.status_code == 302 and "/accounts/" in response["Location"]


@pytest.mark.parametrize("name", PAGES)
def test_a_submitted_claim_goes_to_its_own_page(signed_in, draft, name):
    Claim.objects.filter(pk=draft.pk).update(state=ClaimState.AWAITING_FEE)
    detail = reverse("claims:detail", args=[draft.public_id])
    assert signed_in.get(url(name, draft))["Location"] == detail
    assert signed_in.post(url(name, draft), {"type": "company"})["Location"] == detail
    draft.refresh_from_db()
    assert draft.draft_data["claimant"]["type"] == "individual"


def test_an_unknown_claim_is_not_found(signed_in):
    assert signed_in.get("/claims/00000000-0000-0000-0000-000000000000/draft/").status_code == 404
