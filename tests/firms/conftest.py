"""Fixtures for the firm tests: an approved firm with its administrator, a caseworker, and a claim of the firm."""
from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.contrib.auth.models import Group

from accounts.models import Firm
from claims.constants import ClaimState
from claims.models import Claim
from tests.conftest import uk
from tests.documents.conftest import submitted_data
from tests.firm_factories import make_firm, make_member


@pytest.fixture
def firm(db: Any) -> Firm:
    return make_firm("Able & Co LLP")


@pytest.fixture
def admin_user(firm: Firm) -> Any:
    return make_member(firm, email="admin@able.example", name="Alex Admin", admin=True, sees_all=True)


@pytest.fixture
def caseworker(make_user: Any) -> Any:
    user = make_user("casey@court.example", is_staff=True, first_name="Casey", last_name="Worker")
    user.groups.set([Group.objects.get(name="caseworker")])
    return user


@pytest.fixture
def firm_claim(make_user: Any) -> Any:
    """``firm_claim(firm, number)``: an issued claim made by the firm for its client."""
    def make(firm: Firm, number: str) -> Claim:
        return Claim.objects.create(
            owner=make_user(), state=ClaimState.ISSUED, created_at=uk(2026, 11, 2, 9),
            last_saved_at=uk(2026, 11, 2, 9), submitted_data=submitted_data(), claimant_name="Jane Claimant",
            defendant_name="Acme Kitchens Ltd", submitted_at=uk(2026, 11, 2, 11), submitted_on=date(2026, 11, 2),
            issue_date=date(2026, 11, 3), claim_number=number, claimant_firm=firm, fee=80,
        )
    return make
