"""On PostgreSQL: a notice of change racing the former firm's allocation of the same case (PD 51R 21).

Two threads start at a barrier, each with its own connection; the claim row's lock decides the order. Whichever
wins, the outcome is one of the two orders run one after the other, and never the former firm's solicitor assigned
on a claim that now belongs to the new firm.
"""
from __future__ import annotations

from typing import Any

import pytest

from claims import assignments
from claims.errors import NotAllowed
from claims.models import CaseAssignment, Claim
from firms import services
from tests.firm_factories import make_firm, make_member
from tests.responses.test_races import race

from .test_notice_of_change import NUMBER, make_claim

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def case(db: Any) -> dict[str, Any]:
    former, new = make_firm("Able & Co"), make_firm("Nova Law")
    admin = make_member(former, admin=True, sees_all=True, mfa=False)
    litigator = make_member(former, name="Lee Litigator", mfa=False)
    filer = make_member(new, name="Nina Nova", mfa=False)
    claim = make_claim(admin, claimant_firm=former)
    return {"claim": claim, "former": former, "new": new, "admin": admin, "litigator": litigator, "filer": filer}


def allocate(case: dict[str, Any]) -> Any:
    return assignments.assign(Claim.objects.get(pk=case["claim"].pk), to=case["litigator"], actor=case["admin"])


def file(case: dict[str, Any]) -> Any:
    return services.notice_of_change_file(case["filer"], claim_number=NUMBER, client_name="Jane Claimant")


def assert_consistent(case: dict[str, Any], allocated: Any) -> None:
    claim = Claim.objects.get(pk=case["claim"].pk)
    assert claim.claimant_firm_id == case["new"].pk
    live = list(CaseAssignment.objects.filter(claim=claim, ended_at__isnull=True).values_list("firm_id", "user_id",
                                                                                              "kind"))
    assert live == [(case["new"].pk, case["filer"].pk, "shared")], "only the filer, of the new firm"
    assert claim.events.filter(kind="notice_of_change").count() == 1
    litigators = CaseAssignment.objects.filter(claim=claim, user=case["litigator"])
    if isinstance(allocated, NotAllowed):
        assert not litigators.exists(), "the notice came first: the former firm could no longer allocate"
    else:
        assert isinstance(allocated, CaseAssignment), allocated
        row = litigators.get()
        assert row.end_reason == "Notice of change: Nova Law now acts for the claimant"


@pytest.mark.parametrize("attempt", range(3))
def test_a_notice_of_change_racing_an_allocation_has_one_consistent_outcome(case, attempt):
    allocated, filed = race(lambda: allocate(case), lambda: file(case))
    assert isinstance(filed, services.NoticeOfChange), filed
    assert_consistent(case, allocated)


def test_the_allocation_first_then_the_notice(case):
    allocated = allocate(case)
    file(case)
    assert_consistent(case, allocated)


def test_the_notice_first_then_the_allocation(case):
    file(case)
    with pytest.raises(NotAllowed) as refused:
        allocate(case)
    assert_consistent(case, refused.value)
