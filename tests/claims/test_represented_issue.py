"""Issue and service of a represented claimant's claim (PD 51R 2.1(7), 4.3(3)-(6), 6A.2(1)).

Every claim here is submitted by Able & Co for Jane Claimant against Acme Kitchens Ltd and its fee is paid at 11:00 on
Wednesday 3 March 2027, so it is issued that day. The defendant then has until 4pm on Wednesday 31 March 2027 (DEF-REP,
28 days), not 4pm on Monday 22 March (DEF-19); the reminders go 5 days and 1 day before: 4pm on Friday 26 March and
4pm on Tuesday 30 March.
"""
from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from django.http import Http404

from accounts.models import Firm
from claims import services
from claims.constants import ClaimState, DefendantRepresentation
from claims.models import CaseAssignment, Claim
from claims.policy import Action, allowed_actions, can
from claims.representation import cases_visible_to, firm_cases
from claims.selectors import get_claim_for_user
from court.models import Notification
from court.sweeps import run_sweep
from documents.models import ClaimDocument, DocumentStatus
from payments.models import Payment
from tests.conftest import uk
from tests.documents.conftest import pdf_text, submitted_data
from tests.firm_factories import make_firm, make_member

pytestmark = pytest.mark.django_db

PAID_AT = uk(2027, 3, 3, 11, 0)
DEF_REP = uk(2027, 3, 31, 16, 0)
DEF_19 = uk(2027, 3, 22, 16, 0)
REASON = "The defendant's legal representative is not registered for the service (PD 51R 2.1(7))"


@pytest.fixture
def claimant_firm() -> Firm:
    return make_firm("Able & Co Solicitors")


@pytest.fixture
def defendant_firm() -> Firm:
    return make_firm("Baker Defence LLP", service_email="service@baker.example")


@pytest.fixture
def submitted(make_user: Any, claimant_firm: Firm):
    """``submitted(**fields)``: a represented claimant's claim, submitted and waiting for its fee."""

    def make(**fields: Any) -> Claim:
        values: dict[str, Any] = {
            "owner": make_member(claimant_firm, mfa=False), "state": ClaimState.AWAITING_FEE,
            "created_at": uk(2027, 3, 1, 9, 0), "last_saved_at": uk(2027, 3, 1, 10, 0),
            "submitted_data": submitted_data(), "claimant_name": "Ms Jane Claimant",
            "defendant_name": "Acme Kitchens Ltd", "submitted_at": uk(2027, 3, 1, 11, 0),
            "submitted_on": date(2027, 3, 1), "sot_signed_name": "Sol Able", "sot_signed_on": date(2027, 3, 1),
            "principal": Decimal("1234.56"), "interest": Decimal("16.24"), "interest_to": date(2027, 3, 1),
            "daily_interest": Decimal("0.27"), "fee": Decimal("80.00"),
            "claimant_firm": claimant_firm, "claimant_reference": "ABL/123",
        }
        values.update(fields)
        return Claim.objects.create(**values)

    return make


def pay_and_issue(claim: Claim, *, at=PAID_AT) -> Claim:
    payment = Payment.objects.create(
        claim=claim, amount=claim.fee, idempotency_key=uuid.uuid4(), provider="fake", reference=uuid.uuid4().hex,
        created_by=claim.owner, created_at=at, updated_at=at, status="success", completed_at=at,
    )
    return services.claim_fee_paid(claim_id=claim.pk, payment=payment)


def issue(claim: Claim, travel: Any, capture: Any) -> Claim:
    travel(PAID_AT, tick=False)
    with capture(execute=True):
        pay_and_issue(claim)
    claim.refresh_from_db()
    return claim


def document_text(claim: Claim, kind: str) -> str:
    document = ClaimDocument.objects.get(claim=claim, kind=kind)
    assert document.status == DocumentStatus.READY, document.last_error
    return pdf_text(bytes(document.content))


# -- against a defendant in person: by post, DEF-REP -----------------------------------------------------------


def test_against_a_defendant_in_person_the_pack_is_posted_with_the_28_day_deadline(
        submitted, travel, django_capture_on_commit_callbacks):
    claim = issue(submitted(), travel, django_capture_on_commit_callbacks)
    assert claim.state == ClaimState.ISSUED and claim.issue_date == date(2027, 3, 3)
    assert claim.response_deadline == DEF_REP and claim.response_deadline_day == date(2027, 3, 31)
    assert claim.next_deadline_at == DEF_REP, "the firm dashboard's next deadline is the stored one"
    assert claim.response_reminder_at == uk(2027, 3, 26, 16, 0)
    # As court staff read it:
    assert ("The defendant responds by (DEF-REP, 6A.2(1): the claimant is represented)", DEF_REP) in \
        claim.live_deadlines()
    served = claim.events.get(kind="claim_served")
    assert served.data["route"] == "post" and "by post" in served.summary
    pack = document_text(claim, "defendant_pack")
    assert "You must respond by 4pm on Wednesday 31 March 2027" in pack
    assert "22 March" not in pack and "14 more days" not in pack and "33 days" not in pack
    assert "represented by Able & Co Solicitors" in pack and "up to 28 more days in total" in pack
    receipt = document_text(claim, "issue_receipt")
    assert "The defendant must respond by 4pm on Wednesday 31 March 2027" in receipt
    assert "by post" in receipt and "14 more days" not in receipt
    issued = Notification.objects.get(kind="claim_issued")
    assert "by post" in issued.body and "4pm on Wednesday 31 March 2027" in issued.body


def test_the_reminders_count_back_from_the_28_days(submitted, travel, django_capture_on_commit_callbacks):
    claim = issue(submitted(), travel, django_capture_on_commit_callbacks)
    travel(uk(2027, 3, 21, 16, 0), tick=False)  # DEF-19's 1-day reminder time: nothing is due
    assert run_sweep("responses.remind_defendants").changed == 0
    travel(uk(2027, 3, 26, 15, 59), tick=False)
    assert run_sweep("responses.remind_defendants").changed == 0
    travel(uk(2027, 3, 26, 16, 0), tick=False)
    assert run_sweep("responses.remind_defendants").changed == 1
    claim.refresh_from_db()
    assert claim.response_reminder_at == uk(2027, 3, 30, 16, 0)
    travel(uk(2027, 3, 30, 16, 0), tick=False)
    assert run_sweep("responses.remind_defendants").changed == 1
    reminders = list(Notification.objects.filter(kind="response_reminder").order_by("pk"))
    assert [r.subject.split(" left")[0] for r in reminders] == ["5 days", "1 day"]
    assert {r.to_email for r in reminders} == {"accounts@acme.example"}  # the email on the claim form
    assert all("4pm on Wednesday 31 March 2027" in r.body for r in reminders)


def test_the_no_response_sweep_waits_for_the_28_days(submitted, travel, django_capture_on_commit_callbacks):
    claim = issue(submitted(), travel, django_capture_on_commit_callbacks)
    solicitor = make_member(claim.claimant_firm, sees_all=True, mfa=False)
    for when in (DEF_19, uk(2027, 3, 23, 10, 0), uk(2027, 3, 31, 15, 59)):
        travel(when, tick=False)
        assert run_sweep("responses.no_response").changed == 0, when
        claim.refresh_from_db()
        assert claim.default_available_at is None
        assert Action.REQUEST_DEFAULT_JUDGMENT not in allowed_actions(solicitor, claim)
    travel(DEF_REP, tick=False)
    assert run_sweep("responses.no_response").changed == 1
    claim.refresh_from_db()
    assert claim.default_available_at == DEF_REP
    assert Action.REQUEST_DEFAULT_JUDGMENT in allowed_actions(solicitor, claim)
    told = Notification.objects.get(kind="default_judgment_available")
    assert "4pm on Wednesday 31 March 2027" in told.body


def test_a_defendant_in_person_gets_no_14_more_days_from_the_court(submitted, travel, make_user,
                                                                   django_capture_on_commit_callbacks):
    from responses.services import response_link

    claim = issue(submitted(), travel, django_capture_on_commit_callbacks)
    defendant = make_user()
    claim = response_link(user=defendant, claim_number=claim.claim_number, security_code=claim.security_code)
    actions = allowed_actions(defendant, claim)
    assert Action.RESPOND in actions and Action.MORE_TIME not in actions


def test_a_claimant_in_person_still_has_19_days(make_user, travel, django_capture_on_commit_callbacks, submitted):
    claim = issue(submitted(claimant_firm=None, claimant_reference="", owner=make_user()), travel,
                  django_capture_on_commit_callbacks)
    assert claim.response_deadline == DEF_19 and claim.response_deadline_day == date(2027, 3, 22)
    pack = document_text(claim, "defendant_pack")
    assert "You must respond by 4pm on Monday 22 March 2027" in pack and "14 more days" in pack


def test_a_paper_response_has_28_days_when_the_claimant_is_represented(submitted, travel, make_user,
                                                                      django_capture_on_commit_callbacks):
    from django.contrib.auth.models import Group

    from defended.services import paper_contact_record

    claim = issue(submitted(), travel, django_capture_on_commit_callbacks)
    caseworker = make_user(is_staff=True)
    caseworker.groups.set([Group.objects.get(name="caseworker")])
    travel(uk(2027, 3, 24, 10, 0), tick=False)  # after the 19 days, within the 28 (10.1(1))
    paper = paper_contact_record(claim_id=claim.pk, actor=caseworker, more_time=False)
    assert paper.deadline == uk(2027, 4, 21, 16, 0)  # 28 days after the forms were sent (10.1(7)-(8))


# -- against a registered represented defendant: through the website -------------------------------------------


def registered(submitted: Any, defendant_firm: Firm) -> Claim:
    return submitted(defendant_representation=DefendantRepresentation.REGISTERED, defendant_firm=defendant_firm,
                     defendant_reference="BAK/9")


def test_a_registered_representative_is_served_through_the_website(submitted, defendant_firm, travel,
                                                                    django_capture_on_commit_callbacks):
    claim = issue(registered(submitted, defendant_firm), travel, django_capture_on_commit_callbacks)
    assert claim.state == ClaimState.ISSUED and claim.response_deadline == DEF_REP
    assert not ClaimDocument.objects.filter(claim=claim, kind="defendant_pack").exists(), "no postal pack"
    served = claim.events.get(kind="claim_served")
    assert served.data["route"] == "website" and served.data["served_at"] == PAID_AT.isoformat()
    assert "through the website on the defendant's legal representative, Baker Defence LLP" in served.summary
    assert [e.kind for e in claim.events.order_by("recorded_at", "pk")][-2:] == ["claim_issued", "claim_served"]
    email = Notification.objects.get(kind="claim_served_on_firm")
    assert email.to_email == "service@baker.example" and email.user is None
    assert email.subject == f"A claim has been issued against your client: claim number {claim.claim_number}"
    for words in (claim.claim_number, "Ms Jane Claimant, represented by Able & Co Solicitors", "Acme Kitchens Ltd",
                  "your reference BAK/9", "4pm on Wednesday 31 March 2027", "/firm/"):
        assert words in email.body, words
    receipt = document_text(claim, "issue_receipt")
    assert "through the online service on the defendant's legal representative, Baker Defence LLP" in receipt
    assert "by post" not in receipt
    issued = Notification.objects.get(kind="claim_issued")
    assert "Baker Defence LLP" in issued.body and "by post" not in issued.body


def test_the_firms_service_email_is_queued_once_when_the_issue_is_retried(submitted, defendant_firm, travel):
    travel(PAID_AT, tick=False)
    claim = pay_and_issue(registered(submitted, defendant_firm))
    payment = Payment.objects.get(claim=claim)
    again = services.claim_fee_paid(claim_id=claim.pk, payment=payment)  # the payment's success reported twice
    assert again.claim_number == claim.claim_number
    emails = Notification.objects.filter(kind="claim_served_on_firm")
    assert emails.count() == 1 and emails.get().key.startswith(f"served-on-firm:{claim.pk}:defendant")
    assert claim.events.filter(kind="claim_served").count() == 1


def test_the_defendant_contact_of_a_represented_defendant_is_the_firms_service_email(submitted, defendant_firm,
                                                                                       travel):
    travel(PAID_AT, tick=False)
    claim = pay_and_issue(registered(submitted, defendant_firm))
    assert services.defendant_contact(claim) == ("service@baker.example", None)
    assert ("defendant", "service@baker.example", None) in services.parties_to_tell(claim)


def test_the_claim_waits_unassigned_for_the_defendants_firm_and_no_other(submitted, defendant_firm, travel):
    travel(PAID_AT, tick=False)
    claim = pay_and_issue(registered(submitted, defendant_firm))
    sees_all = make_member(defendant_firm, sees_all=True, mfa=False)
    not_assigned = make_member(defendant_firm, mfa=False)
    outsider = make_member(make_firm("Carter & Sons"), sees_all=True, mfa=False)
    assert claim in firm_cases(defendant_firm.pk)
    assert not CaseAssignment.objects.filter(claim=claim, firm=defendant_firm, ended_at__isnull=True).exists()
    assert claim in cases_visible_to(sees_all) and get_claim_for_user(sees_all, claim.public_id) == claim
    assert can(sees_all, claim, Action.DEFENDANT_DOCUMENTS)
    assert claim not in cases_visible_to(outsider) and claim not in cases_visible_to(not_assigned)
    for stranger in (outsider, not_assigned):
        with pytest.raises(Http404):
            get_claim_for_user(stranger, claim.public_id)


def test_the_firm_is_reminded_and_the_claimant_told_when_there_is_no_response(submitted, defendant_firm, travel):
    travel(PAID_AT, tick=False)
    claim = pay_and_issue(registered(submitted, defendant_firm))
    travel(uk(2027, 3, 26, 16, 0), tick=False)
    assert run_sweep("responses.remind_defendants").changed == 1
    reminder = Notification.objects.get(kind="response_reminder")
    assert reminder.to_email == "service@baker.example" and "Your client, Acme Kitchens Ltd" in reminder.body
    assert "security code" not in reminder.body
    travel(DEF_19, tick=False)
    assert run_sweep("responses.no_response").changed == 0
    travel(DEF_REP, tick=False)
    assert run_sweep("responses.no_response").changed == 1
    claim.refresh_from_db()
    assert claim.default_available_at == DEF_REP


# -- against an unregistered representative: issued, then sent out at once (2.1(7)) -----------------------------


def test_against_an_unregistered_representative_the_claim_is_issued_then_sent_out(
        submitted, travel, django_capture_on_commit_callbacks):
    claim = issue(submitted(defendant_representation=DefendantRepresentation.UNREGISTERED), travel,
                  django_capture_on_commit_callbacks)
    assert claim.claim_number and claim.issue_date == date(2027, 3, 3)
    assert claim.state == ClaimState.SENT_OUT and claim.sent_out_to == "cnbc" and claim.sent_out_at == PAID_AT
    assert claim.sent_out_reason == REASON
    kinds = [e.kind for e in claim.events.order_by("recorded_at", "pk")]
    assert kinds[-2:] == ["claim_issued", "sent_out"] and "claim_served" not in kinds
    assert REASON in claim.events.get(kind="sent_out").summary
    assert claim.response_deadline is None and claim.response_reminder_at is None
    assert claim.no_response_stay_at is None and claim.next_deadline_at is None
    told = {n.to_email: n for n in Notification.objects.filter(kind="claim_sent_out")}
    # Nobody at the claimant's firm is assigned yet, so its email for service is told (casework routing).
    assert set(told) == {claim.claimant_firm.service_email, "accounts@acme.example"}
    assert all(REASON in n.body for n in told.values())
    assert "N9B" not in told["accounts@acme.example"].body, "no online deadline to send a counterclaim by"
    assert not ClaimDocument.objects.filter(claim=claim, kind="defendant_pack").exists()
    receipt = document_text(claim, "issue_receipt")
    assert "sent out of the online service" in receipt and "must respond by" not in receipt
    assert "2.1(7)" in Notification.objects.get(kind="claim_issued").body


def test_a_closure_on_the_28th_day_moves_the_stored_deadline_and_its_reminders(
        submitted, travel, django_capture_on_commit_callbacks):
    from court.models import ClosureDay

    claim = issue(submitted(), travel, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        ClosureDay.objects.create(day=date(2027, 3, 31), reason="Announced closure")
    claim.refresh_from_db()
    assert claim.response_deadline == uk(2027, 4, 1, 16, 0) and claim.next_deadline_at == uk(2027, 4, 1, 16, 0)
    assert claim.response_reminder_at == uk(2027, 3, 27, 16, 0)
    with django_capture_on_commit_callbacks(execute=True):
        ClosureDay.objects.create(day=date(2027, 3, 22), reason="A closure on DEF-19's day: no effect")
    claim.refresh_from_db()
    assert claim.response_deadline == uk(2027, 4, 1, 16, 0)
    assert claim.events.filter(kind="deadline_moved").count() == 1
