"""A claim made by a legal representative (PD 51R 2.1(3)(d)(ii)-(iii)): the draft, the party limits, the
£25,000 limit including interest, fixed costs stored at submission, the representative's statement of truth,
and no Help with Fees."""
from __future__ import annotations

from decimal import Decimal

import pytest

from accounts.models import FirmState
from claims import ocon1, services
from claims.constants import ClaimState, DefendantRepresentation
from claims.drafting.views.represented import firms_matching
from claims.errors import ClaimError, NotAllowed
from claims.models import CaseAssignment
from court.models import FixedCostsSchedule
from tests.conftest import uk
from tests.firm_factories import make_firm, make_member

from .drafting.factories import complete_draft_data
from .represented_data import ELIGIBILITY_IN_PERSON, represented_draft

pytestmark = pytest.mark.django_db


@pytest.fixture
def firm():
    return make_firm("Able & Co Solicitors", address_line_1="1 Law Street", town="Leeds", postcode="LS1 4AB")


@pytest.fixture
def solicitor(firm):
    return make_member(firm, name="Sol Icitor", mfa=False)


def _submit(claim, actor, **kwargs):
    values = {"signed_name": "Sol Icitor", "signed_position": "Solicitor"}
    values.update(kwargs)
    return services.claim_submit(claim_id=claim.pk, actor=actor, **values)


def test_the_draft_is_the_firms_and_its_creator_has_the_case(firm, solicitor):
    claim = services.claim_represented_draft_create(actor=solicitor, eligibility=ELIGIBILITY_IN_PERSON)
    assert claim.owner == solicitor and claim.claimant_firm == firm and claim.state == ClaimState.DRAFT
    assignment = CaseAssignment.objects.get(claim=claim, ended_at__isnull=True)
    assert assignment.user == solicitor and assignment.firm == firm
    rep = claim.draft_data["representation"]
    assert rep["claimant_firm"]["name"] == "Able & Co Solicitors" and rep["claimant_firm"]["postcode"] == "LS1 4AB"
    assert rep["defendant"] == "none"  # from the checker's answer
    assert claim.draft_data["eligibility"] == ELIGIBILITY_IN_PERSON
    assert claim.events.filter(kind="draft_started").count() == 1


@pytest.mark.parametrize("kind", ["admin_only", "suspended_firm", "citizen"])
def test_only_a_solicitor_of_an_approved_firm_starts_one(make_user, kind):
    if kind == "admin_only":
        actor = make_member(make_firm(), admin=True, solicitor=False, mfa=False)
    elif kind == "suspended_firm":
        actor = make_member(make_firm(state=FirmState.SUSPENDED), mfa=False)
    else:
        actor = make_user()
    with pytest.raises(ClaimError):
        services.claim_represented_draft_create(actor=actor, eligibility=ELIGIBILITY_IN_PERSON)


def test_submitting_stores_the_fixed_costs_the_schedule_and_the_statement_of_truth(firm, solicitor):
    claim = represented_draft(solicitor, amount={"items": [{"description": "Invoice", "amount": "4000.00"}]},
                              interest={"choice": "none"})
    claim = _submit(claim, solicitor, signed_name=" Sol  Icitor ", signed_position=" Partner ")
    assert claim.state == ClaimState.AWAITING_FEE
    schedule = FixedCostsSchedule.objects.get(effective_from="2023-10-01")
    assert claim.fixed_costs == Decimal("90.00") and claim.fixed_costs_schedule == schedule
    assert claim.fee == Decimal("205.00")
    assert claim.total == Decimal("4295.00")  # 4,000 + fee 205 + fixed costs 90
    assert (claim.sot_signed_name, claim.sot_signed_position) == ("Sol Icitor", "Partner")
    sot = claim.submitted_data["statement_of_truth"]
    assert sot["wording"].startswith("The claimant believes that the facts stated in this claim form are true.")
    assert "I am duly authorised by the claimant to sign this statement." in sot["wording"]
    assert sot["firm"] == "Able & Co Solicitors" and sot["signed_position"] == "Partner"
    assert claim.claimant_reference == "WID/123"
    assert claim.defendant_representation == DefendantRepresentation.NONE and claim.defendant_firm is None


def test_a_claim_in_person_has_no_fixed_costs_and_its_own_statement_of_truth(make_user):
    owner = make_user()
    claim = services.claim_draft_create(owner=owner, data=complete_draft_data())
    claim = services.claim_submit(claim_id=claim.pk, actor=owner, signed_name="Sam Claimant")
    assert claim.fixed_costs is None and claim.fixed_costs_schedule is None and claim.sot_signed_position == ""
    assert claim.submitted_data["statement_of_truth"]["wording"] == ocon1.STATEMENT_OF_TRUTH


def test_the_representative_gives_their_position(solicitor):
    claim = represented_draft(solicitor)
    with pytest.raises(ClaimError, match="position"):
        _submit(claim, solicitor, signed_position="  ")


@pytest.mark.parametrize("principal, interest, allowed", [
    ("25000.00", {"choice": "none"}, True),
    ("25000.01", {"choice": "none"}, False),
    ("24990.00", {"choice": "fixed", "fixed_amount": "10.00", "fixed_breakdown": "Worked out", "fixed_continue": "no"},
     True),
    ("24990.00", {"choice": "fixed", "fixed_amount": "10.01", "fixed_breakdown": "Worked out", "fixed_continue": "no"},
     False),
    # 8% from 1 November 2026 to Tuesday 10 November 2026 (9 days) on £24,950: 24950 × 8% ÷ 365 × 9 = £49.22
    ("24950.00", {"choice": "standard", "from": "date", "from_date": "2026-11-01", "from_reason": "Due then"}, True),
    ("24951.00", {"choice": "standard", "from": "date", "from_date": "2026-11-01", "from_reason": "Due then"}, False),
])
def test_the_limit_is_25000_including_interest(solicitor, principal, interest, allowed):
    claim = represented_draft(solicitor, amount={"items": [{"description": "Invoice", "amount": principal}]},
                              interest=interest)
    if allowed:
        claim = _submit(claim, solicitor)
        assert claim.amount_claimed <= Decimal("25000.00")
        assert claim.fixed_costs == Decimal("110.00")
    else:
        with pytest.raises(ClaimError, match="£25,000.00"):
            _submit(claim, solicitor)


def test_over_10000_is_allowed_for_a_represented_claimant_but_not_in_person(make_user, solicitor):
    items = {"items": [{"description": "Invoice", "amount": "15000.00"}]}
    assert _submit(represented_draft(solicitor, amount=items, interest={"choice": "none"}), solicitor).fee
    owner = make_user()
    data = complete_draft_data(amount=items, interest={"choice": "none"})
    draft = services.claim_draft_create(owner=owner, data=data)
    with pytest.raises(ClaimError, match="£10,000.00"):
        services.claim_submit(claim_id=draft.pk, actor=owner, signed_name="Sam")


SECOND_DEFENDANT = {"type": "individual", "title": "", "full_name": "Dee Fendant", "address_line1": "9 Road",
                    "address_line2": "", "town": "Leeds", "postcode": "LS2 7AA", "phone": "", "email": ""}
SECOND_CLAIMANT = {**SECOND_DEFENDANT, "type": "company", "name": "Second Ltd", "full_name": ""}


@pytest.mark.parametrize("defendant, extra, allowed", [
    ("none", "none", True),
    ("none", "defendant", True),        # ignored: against a defendant in person it is always 1 v 1
    ("unregistered", "defendant", True),
    ("unregistered", "claimant", True),
    ("unregistered", "none", True),
])
def test_party_limits(solicitor, defendant, extra, allowed):
    rep = {"defendant": defendant, "additional_party": extra,
           "defendant_rep": {"name": "Other & Co", "address_line1": "3 Court St", "town": "York",
                             "postcode": "YO1 7HH"}}
    claim = represented_draft(solicitor, representation=rep, defendant2=SECOND_DEFENDANT, claimant2=SECOND_CLAIMANT)
    form = ocon1.read(claim.draft_data)
    expected = {"none": (1, 1), "defendant": (1, 2), "claimant": (2, 1)}[extra if defendant != "none" else "none"]
    assert (len(form.claimants), len(form.defendants)) == expected
    assert ocon1.party_problem(form) is None
    claim = _submit(claim, solicitor)
    assert claim.defendant_representation == defendant


def test_both_a_second_claimant_and_a_second_defendant_are_never_read(solicitor):
    """The form keeps one "other party" answer, so two of each cannot be drafted; the rule refuses it anyway."""
    form = ocon1.read(represented_draft(solicitor, representation={
        "defendant": "unregistered", "additional_party": "claimant",
        "defendant_rep": {"name": "X", "address_line1": "1", "town": "York", "postcode": "YO1 7HH"}},
        claimant2=SECOND_CLAIMANT, defendant2=SECOND_DEFENDANT).draft_data)
    assert form.claimant2 is not None and form.defendant2 is None


def test_a_registered_defendant_firm_is_stored_with_its_reference(firm, solicitor):
    other = make_firm("Defence LLP")
    rep = {"defendant": "registered", "defendant_firm": services.firm_snapshot(other),
           "defendant_reference": "DEF/9", "additional_party": "none"}
    claim = _submit(represented_draft(solicitor, representation=rep), solicitor)
    assert claim.defendant_representation == DefendantRepresentation.REGISTERED
    assert claim.defendant_firm == other and claim.defendant_reference == "DEF/9"


def test_a_defendant_firm_no_longer_approved_is_refused_at_submission(solicitor):
    other = make_firm("Gone LLP")
    rep = {"defendant": "registered", "defendant_firm": services.firm_snapshot(other), "additional_party": "none"}
    claim = represented_draft(solicitor, representation=rep)
    type(other).objects.filter(pk=other.pk).update(state=FirmState.SUSPENDED)  # the court suspended it since
    with pytest.raises(ClaimError, match="no longer registered"):
        _submit(claim, solicitor)


def test_the_claimants_own_firm_cannot_be_the_defendants_representative(firm, solicitor):
    assert firm not in firms_matching(firm.name, exclude_id=firm.pk)
    assert firm in firms_matching(firm.name)
    rep = {"defendant": "registered", "defendant_firm": services.firm_snapshot(firm), "additional_party": "none"}
    with pytest.raises(ClaimError, match="both the claimant and the defendant"):
        _submit(represented_draft(solicitor, representation=rep), solicitor)


def test_help_with_fees_is_refused_for_a_represented_claimant(solicitor):
    claim = _submit(represented_draft(solicitor), solicitor)
    with pytest.raises(NotAllowed):
        services.claim_hwf_apply(claim_id=claim.pk, actor=solicitor, reference="HWF-A1B-2C3")
    claim.refresh_from_db()
    assert claim.state == ClaimState.AWAITING_FEE and claim.hwf_reference == ""


def test_another_solicitor_of_the_firm_who_sees_all_may_submit_another_firm_may_not(firm, solicitor):
    claim = represented_draft(solicitor)
    outsider = make_member(make_firm(), mfa=False)
    with pytest.raises(NotAllowed):
        _submit(claim, outsider)
    supervisor = make_member(firm, sees_all=True, mfa=False)
    claim = _submit(claim, supervisor)
    assert claim.state == ClaimState.AWAITING_FEE


def test_submitting_twice_is_one_submission(solicitor):
    claim = represented_draft(solicitor)
    first = _submit(claim, solicitor)
    again = _submit(claim, solicitor)
    assert again.submitted_at == first.submitted_at and claim.events.filter(kind="claim_submitted").count() == 1


def test_returning_to_a_draft_clears_the_fixed_costs(solicitor):
    claim = _submit(represented_draft(solicitor), solicitor)
    claim = services.claim_return_to_draft(claim_id=claim.pk, actor=solicitor)
    assert claim.fixed_costs is None and claim.fixed_costs_schedule is None and claim.sot_signed_position == ""


def test_the_fixed_costs_follow_the_schedule_in_force_on_the_submission_day(solicitor, travel):
    travel(uk(2023, 9, 29, 11))  # a Friday, before the current table
    claim = _submit(represented_draft(solicitor, amount={"items": [{"description": "Invoice", "amount": "800"}]},
                                      interest={"choice": "none"}), solicitor)
    assert claim.fixed_costs == Decimal("70.00")
    assert claim.fixed_costs_schedule.effective_from.isoformat() == "2017-08-07"
