"""Represented claims for the firm dashboard's tests, built directly in the database (as
tests/claims/test_representation.py does), and the firms and members around them (tests/firm_factories.py)."""
from __future__ import annotations

import itertools
from datetime import date
from typing import Any

import pytest

from accounts.models import Firm
from claims.constants import ClaimState
from claims.models import Claim
from tests.conftest import uk
from tests.documents.conftest import submitted_data
from tests.firm_factories import make_firm, make_member

_numbers = itertools.count(1)


@pytest.fixture
def firm(db: Any) -> Firm:
    return make_firm("Able & Co")


@pytest.fixture
def admin(firm: Firm) -> Any:
    return make_member(firm, name="Ada Admin", admin=True, solicitor=False)


def represented(owner: Any, firm: Firm, *, state: str = ClaimState.ISSUED, **fields: Any) -> Claim:
    """A claim the firm makes for its client: issued by default (with a number and a response deadline)."""
    n = next(_numbers)
    values: dict[str, Any] = {
        "owner": owner, "state": state, "created_at": uk(2026, 10, 1, 9), "last_saved_at": uk(2026, 10, 1, 9),
        "claimant_firm": firm, "claimant_reference": f"ABL/{n:04d}", "fee": 80,
    }
    if state == ClaimState.DRAFT:
        values["draft_data"] = submitted_data(claimant={"type": "individual", "full_name": f"Draft Claimant {n}"},
                                              defendant={"type": "company", "name": f"Draft Defendant {n} Ltd"})
    else:
        values.update(submitted_data=submitted_data(), claimant_name=f"Jane Claimant {n}",
                      defendant_name=f"Acme {n} Ltd", submitted_at=uk(2026, 10, 1, 11), submitted_on=date(2026, 10, 1))
    if state not in (ClaimState.DRAFT, ClaimState.AWAITING_FEE, ClaimState.AWAITING_HWF_DECISION):
        values.update(claim_number=f"{n:03d}MC{n % 1000:03d}", issue_date=date(2026, 10, 2),
                      issued_at=uk(2026, 10, 2, 9))
    if state == ClaimState.ISSUED:
        values["response_deadline"] = uk(2026, 11, 20, 16)
    values.update(fields)
    return Claim.objects.create(**values)


@pytest.fixture
def make_case(firm: Firm, make_user: Any):
    owner = make_user()

    def make(**fields: Any) -> Claim:
        fields.setdefault("firm", firm)
        return represented(owner, fields.pop("firm"), **fields)
    return make
