"""Represented claims for the firm email tests, built directly in the database (as tests/claims/test_representation.py
does): issued on Tuesday 3 November 2026, the defendant to respond by 4pm on Monday 23 November 2026."""
from __future__ import annotations

import itertools
from datetime import date
from typing import Any

from claims import assignments
from claims.constants import ClaimState, DefendantRepresentation
from claims.models import Claim
from tests.conftest import uk
from tests.documents.conftest import submitted_data

_numbers = itertools.count(301)

RESPONSE_DEADLINE = uk(2026, 11, 23, 16, 0)
DEFENDANT_EMAIL = "accounts@acme.example"  # the defendant's email on the claim form (tests.documents.conftest)


def issued_claim(*, owner: Any, claimant_firm: Any = None, defendant_firm: Any = None, **fields: Any) -> Claim:
    """An issued claim made by ``owner`` (for a represented claimant: the solicitor who made it)."""
    values: dict[str, Any] = {
        "owner": owner, "state": ClaimState.ISSUED, "created_at": uk(2026, 11, 1, 9),
        "last_saved_at": uk(2026, 11, 2, 9),
        "submitted_data": submitted_data(), "claimant_name": "Jane Claimant", "defendant_name": "Acme Kitchens Ltd",
        "submitted_at": uk(2026, 11, 2, 11), "submitted_on": date(2026, 11, 2), "fee": 80,
        "claim_number": f"000MC{next(_numbers)}", "issued_at": uk(2026, 11, 3, 9, 30), "issue_date": date(2026, 11, 3),
        "response_deadline": RESPONSE_DEADLINE, "response_deadline_day": date(2026, 11, 23),
        "claimant_firm": claimant_firm, "claimant_reference": "ABL/123" if claimant_firm else "",
    }
    if defendant_firm is not None:
        values.update(defendant_representation=DefendantRepresentation.REGISTERED, defendant_firm=defendant_firm,
                      defendant_reference="BAK/9")
    values.update(fields)
    return Claim.objects.create(**values)


def assign(claim: Claim, admin: Any, *people: Any, shared: tuple[Any, ...] = ()) -> None:
    """The firm's administrator assigns the case to the first of ``people`` and shares it with ``shared``."""
    for person in people:
        assignments.assign(claim, to=person, actor=admin)
    for person in shared:
        assignments.share(claim, to=person, actor=admin)
