"""Defended claims made through the real services.

The claim (``tests.responses.conftest``): £1,000 against Dan Defendant, an individual, issued
on Monday 1 March 2027 at 10:00. ``defence(...)`` has the defendant dispute all of it online
at 10:00 on Monday 8 March 2027 (preferred court Leeds County Court), so the claimant must
answer by 4pm on Monday 12 April 2027 (33 days, CLM-33).
"""
from __future__ import annotations

from typing import Any

import pytest

from claims.models import Claim
from court.models import HearingCentre
from defended import services
from tests.conftest import uk
from tests.responses.conftest import DEFENDANT, caseworker, issue_claim, linked  # noqa: F401
from tests.responses.test_services import DEFENCE_PAGES, HEARING_DEFAULTS, respond

DEFENCE_AT = uk(2027, 3, 8, 10, 0)

#: The claimant's directions questionnaire pages (the same pages the defendant answers).
CLAIMANT_DQ: dict[str, Any] = {"hearing_court": {"court": "Leeds County Court"}, **HEARING_DEFAULTS}


def _staff(make_user: Any, role: str, name: str) -> Any:
    from django.contrib.auth.models import Group

    first, last = name.split(" ", 1)
    user = make_user(is_staff=True, first_name=first, last_name=last, full_name=name)
    user.groups.set([Group.objects.get(name=role)])
    return user


@pytest.fixture
def legal_adviser(make_user):
    return _staff(make_user, "legal_adviser", "Lee Adviser")


@pytest.fixture
def judge(make_user):
    return _staff(make_user, "judge", "Judith Bench")


@pytest.fixture
def adviser_courts(db):
    """Legal advisers operate at Leeds County Court, not at Bristol County Court."""
    HearingCentre.objects.create(name="Leeds County Court", legal_advisers=True)
    HearingCentre.objects.create(name="Bristol County Court", legal_advisers=False)


@pytest.fixture
def defence(linked, travel):  # noqa: F811  (the fixture imported above)
    """``defence(mediation=True, court=…, **pages)`` → (claim, defendant): a full defence received online."""

    def make(*, mediation: bool = True, court: str = "Leeds County Court", **pages: Any) -> tuple[Claim, Any]:
        claim, defendant = linked
        travel(DEFENCE_AT, tick=False)
        answers = {**DEFENCE_PAGES, "hearing_court": {"court": court},
                   "mediation": {"willing": "yes" if mediation else "no", "phone": "07700 900111",
                                 "contact_name": "", "reason": ""},
                   **pages}
        respond(claim, defendant, response_type={"type": "reject"}, reject_reason={"reason": "dispute"}, **answers)
        return Claim.objects.get(pk=claim.pk), defendant

    return make


def continue_claim(claim: Claim, *, mediation: bool = True, court: str = "Leeds County Court") -> Claim:
    """The claimant continues with the claim, with their OCON180 and mediation choice."""
    services.claimant_decide(claim_id=claim.pk, actor=claim.owner, outcome="continue",
                             data={**CLAIMANT_DQ, "hearing_court": {"court": court},
                                   "mediation": {"willing": "yes" if mediation else "no"}},
                             mediation_willing=mediation, preferred_court=court)
    return Claim.objects.get(pk=claim.pk)
