"""A notice of change filed online (PD 51R 21, ``firms.services.notice_of_change_file``): who may file it, which
party it is for, what it changes at once, who is told, and when the claim must leave the online service.

Jane Claimant's claim against Acme Kitchens Ltd (000MC301) is issued on 3 November 2026; the clock stands at 11:00
on Tuesday 10 November. Able & Co acted for Jane; Nova Law takes over.
"""
from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from accounts.models import Firm, FirmState
from casework.selectors import unassigned_cases
from claims import assignments
from claims.constants import ClaimState, DefendantRepresentation, SentOutTo
from claims.models import AssignmentKind, CaseAssignment, Claim
from claims.policy import Action, can
from claims.representation import cases_visible_to
from court.models import Notification
from firms import services
from firms.services import NO_MATCH, NotAllowed, NoticeRefused
from rules import notice_of_change as rules
from tests.conftest import uk
from tests.documents.conftest import submitted_data
from tests.firm_factories import make_firm, make_member

pytestmark = pytest.mark.django_db

NUMBER = "000MC301"


@pytest.fixture
def former(db: Any) -> Firm:
    return make_firm("Able & Co", service_email="service@able.example")


@pytest.fixture
def new(db: Any) -> Firm:
    return make_firm("Nova Law", service_email="service@nova.example")


@pytest.fixture
def defence(db: Any) -> Firm:
    return make_firm("Baker Defence LLP", service_email="service@baker.example")


@pytest.fixture
def filer(new: Firm) -> Any:
    return make_member(new, email="nina@nova.example", name="Nina Nova", mfa=False)


def make_claim(owner: Any, *, claimant_firm: Firm | None = None, defendant_firm: Firm | None = None,
               number: str = NUMBER, **fields: Any) -> Claim:
    values: dict[str, Any] = {
        "owner": owner, "state": ClaimState.ISSUED, "created_at": uk(2026, 11, 2, 9),
        "last_saved_at": uk(2026, 11, 2, 9), "submitted_data": submitted_data(), "claimant_name": "Ms Jane Claimant",
        "defendant_name": "Acme Kitchens Ltd", "submitted_at": uk(2026, 11, 2, 11), "submitted_on": date(2026, 11, 2),
        "issue_date": date(2026, 11, 3), "issued_at": uk(2026, 11, 3, 9), "claim_number": number, "fee": 80,
        "response_deadline": uk(2026, 12, 1, 16), "response_deadline_day": date(2026, 12, 1),
        "claimant_firm": claimant_firm, "claimant_reference": "ABL/1" if claimant_firm else "",
        "defendant_firm": defendant_firm,
        "defendant_representation": (DefendantRepresentation.REGISTERED if defendant_firm
                                     else DefendantRepresentation.NONE),
    }
    values.update(fields)
    return Claim.objects.create(**values)


@pytest.fixture
def represented_claim(former: Firm, make_user: Any) -> tuple[Claim, Any, Any]:
    """(claim, assignee, colleague): Able & Co's claim for Jane, assigned to one solicitor and shared with another."""
    admin = make_member(former, admin=True, sees_all=True, mfa=False)
    assignee = make_member(former, email="ash@able.example", name="Ash Able", mfa=False)
    colleague = make_member(former, email="cal@able.example", name="Cal Able", mfa=False)
    claim = make_claim(assignee, claimant_firm=former)
    assignments.assign(claim, to=assignee, actor=admin)
    assignments.share(claim, to=colleague, actor=admin)
    return Claim.objects.get(pk=claim.pk), assignee, colleague


def file(actor: Any, name: str = "Jane Claimant", number: str = NUMBER, **extra: Any) -> services.NoticeOfChange:
    return services.notice_of_change_file(actor, claim_number=number, client_name=name, **extra)


def told(kind: str) -> dict[str, Notification]:
    return {n.to_email: n for n in Notification.objects.filter(kind=kind)}


# -- a change from one registered firm to another: it stays online -------------------------------------------------


def test_the_new_firm_acts_for_the_claimant_at_once_and_the_former_firm_loses_the_case(
        represented_claim, former, new, filer):
    claim, assignee, colleague = represented_claim
    notice = file(filer, "  jane-CLAIMANT ", number="000 mc 301", reference="NOVA/7")
    assert (notice.side, notice.party_name, notice.former_firm, notice.sent_out_reason) == (
        "claimant", "Ms Jane Claimant", former, "")
    claim.refresh_from_db()
    assert claim.claimant_firm == new and claim.claimant_reference == "NOVA/7"
    assert claim.state == ClaimState.ISSUED and claim.response_deadline == uk(2026, 12, 1, 16)
    # Every user of the former firm loses the case: their allocations ended, and policy no longer lets them in.
    assert not CaseAssignment.objects.filter(claim=claim, firm=former, ended_at__isnull=True).exists()
    ended = CaseAssignment.objects.filter(claim=claim, firm=former)
    assert {row.end_reason for row in ended} == {"Notice of change: Nova Law now acts for the claimant"}
    assert {row.ended_by for row in ended} == {filer}
    for user in (assignee, colleague, *(m.user for m in former.memberships.all())):
        assert not can(user, claim, Action.VIEW)
        assert claim not in cases_visible_to(user)
    # The filer has it shared: they see it and act on it; it waits in the new firm's "Unassigned" list.
    row = CaseAssignment.objects.get(claim=claim, firm=new, ended_at__isnull=True)
    assert (row.user, row.kind, row.assigned_by, row.assigned_at) == (filer, AssignmentKind.SHARED, filer, uk(
        2026, 11, 10, 11))
    assert can(filer, claim, Action.VIEW) and can(filer, claim, Action.CLOSE_CLAIM)
    assert claim in unassigned_cases(new.pk) and claim not in unassigned_cases(former.pk)
    # The timeline records it: by whom, when.
    event = claim.events.get(kind="notice_of_change")
    assert event.actor == filer and event.recorded_at == uk(2026, 11, 10, 11)
    assert event.summary == ("Notice of change filed by Nina Nova of Nova Law: Nova Law now acts for the claimant, "
                             "Ms Jane Claimant, in place of Able & Co (PD 51R 21)")
    assert event.data["former_firm_id"] == former.pk and event.data["new_firm_id"] == new.pk
    assert not claim.events.filter(kind="sent_out").exists()


def test_the_former_firm_the_other_party_and_the_client_are_told(represented_claim, former, new, filer):
    claim, assignee, colleague = represented_claim
    Notification.objects.all().delete()
    file(filer)
    former_told = told("notice_of_change_former_firm")
    assert set(former_told) == {"service@able.example", "ash@able.example", "cal@able.example"}
    assert all(n.firm == former for n in former_told.values()), "the former firm's own emails, never routed"
    assert "Nova Law now acts for the claimant, Ms Jane Claimant, in place of your firm" in \
        former_told["service@able.example"].body
    # The defendant in person, at the email the claim form gives for them; the client at theirs.
    other = told("notice_of_change_other_party")
    assert set(other) == {"accounts@acme.example"} and other["accounts@acme.example"].firm is None
    assert "service@nova.example" in other["accounts@acme.example"].body
    client = told("notice_of_change_client")
    assert set(client) == {"jane.claimant@example.com"}
    assert "Nova Law now acts for you, as the claimant, in place of Able & Co" in \
        client["jane.claimant@example.com"].body
    # Nothing went to the firm that acts now but the filer's own notice: their steps' emails follow the claim.
    assert not Notification.objects.filter(firm=new).exists()


def test_the_defendants_new_firm_takes_over_and_the_claimants_firm_is_told_through_its_router(
        former, defence, new, filer, make_user):
    claimant_solicitor = make_member(former, email="ash@able.example", mfa=False)
    claim = make_claim(claimant_solicitor, claimant_firm=former, defendant_firm=defence, defendant_reference="BAK/1")
    defence_solicitor = make_member(defence, mfa=False)
    CaseAssignment.objects.create(claim=claim, firm=defence, user=defence_solicitor, kind="assigned",
                                  assigned_at=uk(2026, 11, 4, 9))
    notice = file(filer, "ACME KITCHENS LTD")
    claim.refresh_from_db()
    assert notice.side == "defendant" and notice.former_firm == defence
    assert claim.defendant_firm == new and claim.defendant_reference == ""
    assert claim.defendant_representation == DefendantRepresentation.REGISTERED
    assert claim.claimant_firm == former and claim.state == ClaimState.ISSUED
    assert not can(defence_solicitor, claim, Action.VIEW) and can(filer, claim, Action.VIEW)
    assert can(filer, claim, Action.RECORD_EXTENSION)
    # The claimant's side is a firm: nobody is on the case there, so its email for service hears (the router).
    other = told("notice_of_change_other_party")
    assert set(other) == {"service@able.example"} and other["service@able.example"].firm == former
    assert set(told("notice_of_change_former_firm")) == {"service@baker.example", defence_solicitor.email}
    assert set(told("notice_of_change_client")) == {"accounts@acme.example"}


# -- 21.1(3): the changes that send the claim out ------------------------------------------------------------------


def test_a_claimant_in_person_facing_a_defendant_in_person_becoming_represented_sends_the_claim_out(
        new, filer, make_user):
    jane = make_user("jane@example.com", full_name="Jane Claimant")
    claim = make_claim(jane)
    notice = file(filer, "Ms Jane Claimant")
    claim.refresh_from_db()
    reason = rules.OTHER_PARTY_IN_PERSON.format(party="claimant", other="defendant")
    assert notice.sent_out_reason == reason and notice.former_firm is None
    assert claim.claimant_firm == new and claim.state == ClaimState.SENT_OUT
    assert (claim.sent_out_to, claim.sent_out_reason) == (SentOutTo.CNBC, reason)
    assert claim.next_deadline_at is None, "the claim continues on paper: nothing waits online"
    kinds = list(claim.events.values_list("kind", flat=True))
    assert kinds[-2:] == ["notice_of_change", "sent_out"]
    assert claim.events.get(kind="sent_out").actor is None
    assert claim.events.get(kind="notice_of_change").data["sent_out_reason"] == reason
    # Jane hears at her own address (not through the firm that now acts for her), and so does the defendant.
    client = told("notice_of_change_client")
    assert set(client) == {"jane@example.com"} and client["jane@example.com"].firm is None
    assert "Because you were acting in person before" in client["jane@example.com"].body
    assert set(told("notice_of_change_other_party")) == {"accounts@acme.example"}
    assert not Notification.objects.filter(kind="notice_of_change_former_firm").exists()
    # The sent-out claim is the new firm's (read only), and no longer an unassigned live case.
    assert can(filer, claim, Action.VIEW) and claim not in unassigned_cases(new.pk)


def test_a_defendant_in_person_becoming_represented_against_a_represented_claimant_sends_the_claim_out(
        former, new, filer, make_user):
    claim = make_claim(make_member(former, mfa=False), claimant_firm=former)
    notice = file(filer, "acme kitchens ltd")
    claim.refresh_from_db()
    reason = rules.PARTY_IN_PERSON_REPRESENTED.format(party="defendant", other="claimant")
    assert notice.sent_out_reason == reason
    assert claim.state == ClaimState.SENT_OUT and claim.sent_out_reason == reason
    assert claim.defendant_firm == new and claim.claimant_firm == former


def test_a_change_of_firm_with_the_other_party_in_person_stays_online(represented_claim, filer):
    """The defendant in person already faced a represented claimant: the claimant is not newly represented."""
    claim, *_ = represented_claim
    assert file(filer).sent_out_reason == ""
    claim.refresh_from_db()
    assert claim.state == ClaimState.ISSUED


# -- refusals: nothing changes ---------------------------------------------------------------------------------------


def _unchanged(claim: Claim, firm: Firm | None) -> None:
    claim.refresh_from_db()
    assert claim.claimant_firm == firm and claim.state == ClaimState.ISSUED
    assert not claim.events.filter(kind="notice_of_change").exists()
    assert not Notification.objects.filter(kind__startswith="notice_of_change").exists()


@pytest.mark.parametrize(("number", "name"), [
    ("000MC999", "Jane Claimant"),  # no such claim
    ("not a number", "Jane Claimant"),
    (NUMBER, "Jane Claimants"),  # nobody of that name
    (NUMBER, "Robert Boss"),  # the defendant's contact is not a party
    (NUMBER, ""),
])
def test_no_claim_or_no_party_of_that_name_is_one_answer(represented_claim, former, filer, number, name):
    claim, *_ = represented_claim
    with pytest.raises(NoticeRefused) as refused:
        file(filer, name, number=number)
    assert str(refused.value) == NO_MATCH
    _unchanged(claim, former)


def test_a_name_both_parties_have_is_no_match(filer, make_user):
    data = submitted_data(defendant={**submitted_data()["defendant"], "type": "individual", "title": "",
                                     "full_name": "Jane Claimant", "name": ""})
    claim = make_claim(make_user(), submitted_data=data, defendant_name="Jane Claimant")
    with pytest.raises(NoticeRefused) as refused:
        file(filer, "Jane Claimant")
    assert str(refused.value) == NO_MATCH
    _unchanged(claim, None)


def test_refused_if_the_firm_already_acts_for_that_party(new, filer, make_user):
    colleague = make_member(new, mfa=False)
    claim = make_claim(colleague, claimant_firm=new)
    with pytest.raises(NoticeRefused, match="Your firm already acts for Ms Jane Claimant, the claimant, on claim "
                                            "000MC301"):
        file(filer)
    _unchanged(claim, new)


def test_refused_if_the_firm_acts_for_the_other_side(former, new, filer):
    claim = make_claim(make_member(former, mfa=False), claimant_firm=former, defendant_firm=new)
    with pytest.raises(NoticeRefused, match="Your firm acts for the defendant on claim 000MC301"):
        file(filer)
    _unchanged(claim, former)


@pytest.mark.parametrize("state", [ClaimState.SENT_OUT, ClaimState.SETTLED, ClaimState.DISCONTINUED])
def test_refused_once_the_claim_has_left_the_online_service(represented_claim, former, filer, state):
    claim, *_ = represented_claim
    Claim.objects.filter(pk=claim.pk).update(state=state)
    with pytest.raises(NoticeRefused, match=r"no longer with the online service.*21\.1\(1\)"):
        file(filer)
    claim.refresh_from_db()
    assert claim.claimant_firm == former
    assert not claim.events.filter(kind="notice_of_change").exists()


def test_refused_for_one_of_two_defendants_sharing_a_representative(former, defence, new, filer):
    second = {**submitted_data()["defendant"], "name": "Acme Fitters Ltd"}
    data = submitted_data(defendant2=second, representation={
        "claimant_firm": {"id": former.pk, "name": former.name}, "claimant_reference": "ABL/1",
        "service_address": "firm", "defendant": "registered",
        "defendant_firm": {"id": defence.pk, "name": defence.name}, "additional_party": "defendant"})
    claim = make_claim(make_member(former, mfa=False), claimant_firm=former, defendant_firm=defence,
                       submitted_data=data)
    assert claim.form.defendant2 is not None
    with pytest.raises(NoticeRefused, match="one legal representative acts for both defendants"):
        file(filer, "Acme Fitters Ltd")
    claim.refresh_from_db()
    assert claim.defendant_firm == defence


@pytest.mark.parametrize("who", ["administrator only", "pending firm", "suspended member", "citizen"])
def test_only_an_active_solicitor_of_an_approved_firm_may_file(represented_claim, former, who, make_user):
    claim, *_ = represented_claim
    actor = {
        "administrator only": lambda: make_member(make_firm(), admin=True, solicitor=False, mfa=False),
        "pending firm": lambda: make_member(make_firm(state=FirmState.PENDING), mfa=False),
        "suspended member": lambda: make_member(make_firm(), state="suspended", mfa=False),
        "citizen": lambda: make_user(),
    }[who]()
    with pytest.raises(NotAllowed):
        file(actor)
    _unchanged(claim, former)


def test_filing_the_same_notice_again_changes_nothing_more(represented_claim, new, filer):
    claim, *_ = represented_claim
    first = file(filer)
    emails = Notification.objects.count()
    again = file(filer, "JANE CLAIMANT")
    assert again.repeated and not first.repeated
    assert (again.side, again.party_name, again.former_firm) == (first.side, first.party_name, first.former_firm)
    assert claim.events.filter(kind="notice_of_change").count() == 1
    assert Notification.objects.count() == emails
    assert CaseAssignment.objects.filter(claim=claim, firm=new, ended_at__isnull=True).count() == 1
    # A colleague of the filer is told the firm already acts.
    with pytest.raises(NoticeRefused, match="already acts"):
        file(make_member(new, mfa=False))


def test_a_later_notice_moves_the_case_on_again(represented_claim, former, new, filer):
    """Nova Law takes over, then Able & Co comes back: each notice is its own step, with its own emails."""
    claim, *_ = represented_claim
    file(filer)
    returning = make_member(former, mfa=False)
    notice = file(returning)
    claim.refresh_from_db()
    assert notice.former_firm == new and claim.claimant_firm == former
    assert not can(filer, claim, Action.VIEW) and can(returning, claim, Action.VIEW)
    assert claim.events.filter(kind="notice_of_change").count() == 2
    assert "service@nova.example" in told("notice_of_change_former_firm")
