"""Recording an extension agreed with a represented claimant (DEF-REP-EXT, PD 51R 6A.2(2)-(4)).

Able & Co's claim for Jane Claimant against Acme Kitchens Ltd is issued on Wednesday 3 March 2027: the defendant must
respond by 4pm on Wednesday 31 March (DEF-REP, 28 days), so up to 28 days more end on Wednesday 28 April. The
extension is recorded on Wednesday 10 March at 10:00; agreeing Wednesday 21 April moves the deadline to 4pm that day
and the reminders to 4pm on Friday 16 April and Tuesday 20 April.
"""
from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse

from accounts.models import Firm
from claims.constants import ClaimState, DefendantRepresentation
from claims.errors import NotAllowed
from claims.models import Claim
from claims.policy import Action, can
from claims.services import claim_fee_paid
from claims.status import for_claimant
from court.models import Notification
from court.sweeps import run_sweep
from payments.models import Payment
from responses import services
from rules.represented import ExtensionRefusal
from tests.conftest import uk
from tests.documents.conftest import submitted_data
from tests.firm_factories import make_firm, make_member

pytestmark = pytest.mark.django_db

PAID_AT = uk(2027, 3, 3, 11, 0)
DEF_REP = uk(2027, 3, 31, 16, 0)
RECORDED_AT = uk(2027, 3, 10, 10, 0)
AGREED = date(2027, 4, 21)
EXTENDED = uk(2027, 4, 21, 16, 0)


@pytest.fixture
def claimant_firm() -> Firm:
    return make_firm("Able & Co Solicitors", service_email="service@able.example")


@pytest.fixture
def defendant_firm() -> Firm:
    return make_firm("Baker Defence LLP", service_email="service@baker.example")


@pytest.fixture
def issued(make_user: Any, claimant_firm: Firm, travel: Any):
    """``issued(**fields)``: a represented claimant's claim, issued at 11:00 on 3 March 2027; the clock then stands
    at 10:00 on 10 March."""

    def make(**fields: Any) -> Claim:
        travel(PAID_AT, tick=False)
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
        claim = Claim.objects.create(**values)
        payment = Payment.objects.create(
            claim=claim, amount=claim.fee, idempotency_key=uuid.uuid4(), provider="fake", reference=uuid.uuid4().hex,
            created_by=claim.owner, created_at=PAID_AT, updated_at=PAID_AT, status="success", completed_at=PAID_AT,
        )
        claim = claim_fee_paid(claim_id=claim.pk, payment=payment)
        travel(RECORDED_AT, tick=False)
        return claim

    return make


@pytest.fixture
def linked(issued: Any, make_user: Any):
    """(claim, defendant): the defendant in person has linked the claim online."""
    claim = issued()
    defendant = make_user("acme@example.com", full_name="Alan Acme")
    claim = services.response_link(user=defendant, claim_number=claim.claim_number, security_code=claim.security_code)
    return claim, defendant


@pytest.fixture
def represented_defendant(issued: Any, defendant_firm: Firm):
    """(claim, solicitor): served on the defendant's registered firm; a solicitor of it who sees all its cases."""
    claim = issued(defendant_representation=DefendantRepresentation.REGISTERED, defendant_firm=defendant_firm,
                   defendant_reference="BAK/9")
    return claim, make_member(defendant_firm, sees_all=True, mfa=False)


def claimant_told(claim: Claim) -> list[Notification]:
    return list(Notification.objects.filter(key__startswith=f"agreed-extension:{claim.pk}:claimant"))


def record(claim: Claim, actor: Any, day: date) -> Claim:
    return services.response_extension_record(claim_id=claim.pk, actor=actor, new_last_day=day)


# -- the service --------------------------------------------------------------------------------------------------


def test_the_deadline_and_reminders_move_to_4pm_on_the_day_agreed(linked, travel):
    claim, defendant = linked
    assert claim.response_deadline == DEF_REP and claim.response_reminder_at == uk(2027, 3, 26, 16, 0)
    claim = record(claim, defendant, AGREED)
    claim.refresh_from_db()
    assert claim.response_deadline == EXTENDED and claim.response_deadline_day == AGREED
    assert claim.response_extension_recorded_at == RECORDED_AT
    assert claim.response_reminder_at == uk(2027, 4, 16, 16, 0)
    assert claim.next_deadline_at == EXTENDED
    event = claim.events.get(kind="agreed_extension")
    assert event.summary == ("Agreed extension recorded: the defendant must respond by 4pm on Wednesday 21 April 2027 "
                             "(PD 51R 6A.2(2)-(3))")
    assert event.data["extension_days"] == 21 and event.data["last_day"] == "2027-04-21"
    told = claimant_told(claim)
    assert len(told) == 1 and "4pm on Wednesday 21 April 2027" in told[0].body
    assert told[0].to_email == "service@able.example", "nobody is assigned: the firm's email for service"
    assert ("The defendant responds by (DEF-REP-EXT, 6A.2(3): the extension the parties agreed)", EXTENDED) in \
        claim.live_deadlines()
    assert "agreed an extension" in for_claimant(claim).next_step
    # The sweeps follow the stored deadline: no reminder or default on the old dates.
    travel(uk(2027, 3, 26, 16, 0), tick=False)
    assert run_sweep("responses.remind_defendants").changed == 0
    travel(DEF_REP, tick=False)
    assert run_sweep("responses.no_response").changed == 0
    assert not can(claim.owner, Claim.objects.get(pk=claim.pk), Action.REQUEST_DEFAULT_JUDGMENT)
    travel(uk(2027, 4, 16, 16, 0), tick=False)
    assert run_sweep("responses.remind_defendants").changed == 1
    travel(EXTENDED, tick=False)
    assert run_sweep("responses.no_response").changed == 1


def test_recording_the_same_day_again_changes_nothing(linked, travel):
    claim, defendant = linked
    record(claim, defendant, AGREED)
    travel(uk(2027, 3, 11, 9, 0), tick=False)
    again = record(claim, defendant, AGREED)
    assert again.response_extension_recorded_at == RECORDED_AT
    assert claim.events.filter(kind="agreed_extension").count() == 1
    assert len(claimant_told(claim)) == 1


def test_the_full_28_days(linked):
    claim, defendant = linked
    claim = record(claim, defendant, date(2027, 4, 28))
    assert claim.response_deadline == uk(2027, 4, 28, 16, 0)


@pytest.mark.parametrize("day, refusal, words", [
    (date(2027, 4, 29), ExtensionRefusal.TOO_LONG, "no later than 28 April 2027"),
    (date(2027, 3, 31), ExtensionRefusal.NOT_AFTER_CURRENT, "must be after"),
    (date(2027, 3, 10), ExtensionRefusal.NOT_IN_FUTURE, "must be in the future"),
])
def test_a_day_the_rule_refuses_changes_nothing(linked, day, refusal, words):
    claim, defendant = linked
    with pytest.raises(services.ExtensionRefused) as refused:
        record(claim, defendant, day)
    assert refused.value.refusal == refusal and words in str(refused.value)
    claim.refresh_from_db()
    assert claim.response_deadline == DEF_REP and claim.response_extension_recorded_at is None
    assert not claim.events.filter(kind="agreed_extension").exists() and not claimant_told(claim)


def test_after_the_original_28_days_it_needs_an_application(linked, travel):
    claim, defendant = linked
    travel(DEF_REP, tick=False)
    with pytest.raises(services.ExtensionRefused) as refused:
        record(claim, defendant, AGREED)
    assert refused.value.refusal == ExtensionRefusal.ORIGINAL_EXPIRED
    assert "6A.2(2)" in str(refused.value) and "CTSC" in str(refused.value)


def test_a_further_increase_after_a_shorter_extension_needs_an_application(linked):
    claim, defendant = linked
    record(claim, defendant, date(2027, 4, 14))
    with pytest.raises(services.ExtensionRefused) as refused:
        record(claim, defendant, AGREED)
    assert refused.value.refusal == ExtensionRefusal.FURTHER_INCREASE and "6A.2(4)" in str(refused.value)
    claim.refresh_from_db()
    assert claim.response_deadline == uk(2027, 4, 14, 16, 0) and len(claimant_told(claim)) == 1


def test_the_defendants_firm_solicitor_may_record_it(represented_defendant):
    claim, solicitor = represented_defendant
    claim = record(claim, solicitor, AGREED)
    assert claim.response_deadline == EXTENDED
    assert claimant_told(claim)[0].to_email == "service@able.example"


def test_who_may_not_record_it(represented_defendant, defendant_firm, make_user):
    claim, _ = represented_defendant
    reader = make_member(defendant_firm, sees_all=True, solicitor=False, mfa=False)
    not_assigned = make_member(defendant_firm, mfa=False)
    claimant_solicitor = make_member(claim.claimant_firm, sees_all=True, mfa=False)
    other_firm = make_member(make_firm("Carter & Sons"), sees_all=True, mfa=False)
    for actor in (claim.owner, claimant_solicitor, reader, not_assigned, other_firm, make_user()):
        with pytest.raises(NotAllowed):
            record(claim, actor, AGREED)
    claim.refresh_from_db()
    assert claim.response_deadline == DEF_REP and claim.response_extension_recorded_at is None


def test_not_where_the_claimant_acts_in_person(issued, make_user):
    claim = issued(claimant_firm=None, claimant_reference="", owner=make_user())
    defendant = make_user()
    claim = services.response_link(user=defendant, claim_number=claim.claim_number, security_code=claim.security_code)
    assert not can(defendant, claim, Action.RECORD_EXTENSION)
    with pytest.raises(NotAllowed):
        record(claim, defendant, AGREED)


# -- the pages ------------------------------------------------------------------------------------------------------


def date_post(day: date) -> dict[str, str]:
    return {"last_day_day": str(day.day), "last_day_month": str(day.month), "last_day_year": str(day.year)}


def test_the_more_time_page_offers_the_date_and_records_it(linked, client):
    claim, defendant = linked
    client.force_login(defendant)
    page = client.get(reverse("responses:more_time", kwargs={"public_id": claim.public_id}))
    body = page.content.decode()
    assert page.status_code == 200 and "The last day you agreed" in body and "28 April 2027" in body
    url = reverse("responses:agreed_extension", kwargs={"public_id": claim.public_id})
    assert f'action="{url}"' in body
    done = client.post(url, date_post(AGREED))
    assert done.status_code == 302 and done["Location"] == url
    result = client.get(url).content.decode()
    assert "Extension recorded" in result and "4pm on Wednesday 21 April 2027" in result
    assert "application at the CTSC" in result and "The last day you agreed" not in result
    more_time = client.get(reverse("responses:more_time", kwargs={"public_id": claim.public_id})).content.decode()
    assert "6A.2(4)" in more_time and "The last day you agreed" not in more_time


@pytest.mark.parametrize("post, message", [
    ({}, "Enter the last day you agreed with the claimant&#x27;s legal representative"),
    (date_post(date(2027, 4, 29)), "no later than 28 April 2027"),
    (date_post(date(2027, 3, 31)), "must be after the day you must respond by now"),
    ({"last_day_day": "21", "last_day_month": "4", "last_day_year": ""}, "must include a year"),
])
def test_the_error_summary_gives_the_reason(linked, client, post, message):
    claim, defendant = linked
    client.force_login(defendant)
    page = client.post(reverse("responses:agreed_extension", kwargs={"public_id": claim.public_id}), post)
    body = page.content.decode()
    assert page.status_code == 400 and "govuk-error-summary" in body and message in body
    assert "<title>Error:" in body
    claim.refresh_from_db()
    assert claim.response_extension_recorded_at is None


def test_after_the_28_days_the_page_explains_the_application(linked, client, travel):
    claim, defendant = linked
    travel(DEF_REP, tick=False)
    client.force_login(defendant)
    body = client.get(reverse("responses:agreed_extension", kwargs={"public_id": claim.public_id})).content.decode()
    assert "original 28 days to respond have ended" in body and "application at the CTSC" in body
    assert "The last day you agreed" not in body


def test_the_defendants_firm_solicitor_has_a_link_from_the_claim_page(represented_defendant, client):
    claim, _ = represented_defendant
    solicitor = make_member(claim.defendant_firm, sees_all=True)  # with an authenticator app, as the firm pages need
    client.force_login(solicitor)
    url = reverse("responses:agreed_extension", kwargs={"public_id": claim.public_id})
    detail = client.get(reverse("claims:detail", kwargs={"public_id": claim.public_id})).content.decode()
    assert url in detail
    assert client.post(url, date_post(AGREED)).status_code == 302
    claim.refresh_from_db()
    assert claim.response_deadline == EXTENDED


def test_the_claimant_side_gets_no_link_and_no_page(represented_defendant, client):
    claim, _ = represented_defendant
    solicitor = make_member(claim.claimant_firm, sees_all=True)
    client.force_login(solicitor)
    url = reverse("responses:agreed_extension", kwargs={"public_id": claim.public_id})
    detail = client.get(reverse("claims:detail", kwargs={"public_id": claim.public_id}))
    assert detail.status_code == 200 and url not in detail.content.decode()
    refused = client.post(url, date_post(AGREED))  # the claim's own page says where it stands
    assert refused.status_code == 302
    assert refused["Location"] == reverse("claims:detail", kwargs={"public_id": claim.public_id})
    claim.refresh_from_db()
    assert claim.response_extension_recorded_at is None
