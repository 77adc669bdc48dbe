"""An issued claim made through the real services, and its defendant linked online.

The claim: £1,000 against an individual, Dan Defendant, issued (Help with Fees, full
remission) on Monday 1 March 2027 at 10:00, so the defendant must respond by 4pm on
Monday 22 March 2027 (19 days) or, with more time, Monday 5 April 2027 (33 days; Easter
Monday 29 March does not matter as the last day is open).
"""
from __future__ import annotations

from typing import Any

import pytest

from claims import services as claim_services
from responses import services
from tests.claims.drafting.factories import complete_draft_data
from tests.conftest import uk

DEFENDANT = {
    "type": "individual", "title": "Mr", "full_name": "Dan Defendant", "address_line1": "3 Oak Road",
    "address_line2": "", "town": "Leeds", "postcode": "LS2 7AB", "phone": "", "email": "dan.pack@example.com",
}
ISSUED_AT = uk(2027, 3, 1, 10, 0)


@pytest.fixture
def caseworker(make_user):
    from django.contrib.auth.models import Group

    user = make_user(is_staff=True)
    user.groups.set([Group.objects.get(name="caseworker")])
    return user


@pytest.fixture
def issue_claim(make_user, caseworker, travel):
    """``issue_claim(defendant=…, at=…)``: a claim issued at ``at`` (the clock stays there)."""

    def make(*, defendant: dict[str, Any] | None = None, at=ISSUED_AT, owner=None, **sections: Any):
        travel(at, tick=False)
        owner = owner or make_user("clara@example.com", full_name="Clara Claimant")
        data = complete_draft_data(defendant=defendant or DEFENDANT, **sections)
        claim = claim_services.claim_draft_create(owner=owner, data=data)
        claim_services.claim_submit(claim_id=claim.pk, actor=owner, signed_name="Clara Claimant")
        claim_services.claim_hwf_apply(claim_id=claim.pk, actor=owner, reference="HWF-A1B-2C3")
        return claim_services.claim_hwf_decide(claim_id=claim.pk, actor=caseworker, decision="full")

    return make


@pytest.fixture
def linked(issue_claim, make_user):
    """(claim, defendant): an issued claim linked by its defendant's account."""
    claim = issue_claim()
    defendant = make_user("dan@example.com", full_name="Dan Defendant")
    claim = services.response_link(user=defendant, claim_number=claim.claim_number, security_code=claim.security_code)
    return claim, defendant
