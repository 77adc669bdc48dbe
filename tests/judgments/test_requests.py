"""Requests for judgment: in default (11.1) and on admission (7.4, 7.7), entered by the court."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from claims.constants import ClaimState
from claims.errors import ClaimError, NotAllowed
from court.models import Notification
from documents.models import ClaimDocument
from judgments import services
from judgments.models import Judgment, JudgmentState
from rules.judgments import Plan
from tests.conftest import uk
from tests.responses.test_services import DEFENCE_PAGES, respond

pytestmark = pytest.mark.django_db


def test_default_judgment_only_after_the_deadline(linked, travel):
    claim, _ = linked
    travel(uk(2027, 3, 22, 15, 59), tick=False)
    with pytest.raises(NotAllowed):
        services.judgment_default_request(claim_id=claim.pk, actor=claim.owner)
    travel(uk(2027, 3, 22, 16, 0), tick=False)
    judgment = services.judgment_default_request(claim_id=claim.pk, actor=claim.owner)
    claim.refresh_from_db()
    assert claim.state == ClaimState.JUDGMENT_ENTERED
    # Asked for at 4pm, the request counts as received the next day, the date of the judgment (14.1(1)).
    assert judgment.judgment_date == date(2027, 3, 23)
    assert judgment.made_by is None and judgment.made_by_label == "the court (automated)"
    assert Judgment.objects.get(pk=judgment.pk).state == JudgmentState.ENTERED
    assert judgment.register_status == "On the register of judgments"
    labels = [label for label, _ in judgment.line_items]
    # The fee was remitted in full (Help with Fees), so there is no fee line; interest claimed to
    # issue was nothing (submitted and issued the same day); interest runs on from issue.
    assert labels == ["Amount claimed", "Interest from 2 March 2027 to the date of judgment (22 days at £0.22 a day)"]
    assert judgment.total == sum(amount for _, amount in judgment.line_items)
    assert judgment.payment_option == "immediately"
    assert judgment.register_removal_deadline is not None
    assert ClaimDocument.objects.filter(claim=claim, kind="judgment").exists()
    assert Notification.objects.filter(kind="judgment_entered").count() == 2
    assert claim.no_response_stay_at is None and claim.response_reminder_at is None
    # Asking twice returns the same judgment.
    assert services.judgment_default_request(claim_id=claim.pk, actor=claim.owner).pk == judgment.pk


def test_default_judgment_adds_daily_interest_to_judgment_and_takes_off_payments(linked, travel):
    claim, _ = linked
    travel(uk(2027, 3, 23, 10, 0), tick=False)
    judgment = services.judgment_default_request(claim_id=claim.pk, actor=claim.owner, paid=Decimal("100.00"))
    expected_interest = claim.daily_interest * (date(2027, 3, 23) - claim.issue_date).days
    values = dict(judgment.line_items)
    assert expected_interest in values.values()
    assert -Decimal("100.00") in values.values() or Decimal("100.00") in values.values()
    fee_paid = claim.fee - claim.fee_remitted
    assert judgment.total == claim.principal + claim.interest + expected_interest + fee_paid - Decimal("100.00")


def test_no_default_judgment_when_the_defendant_has_paid_everything(linked, travel):
    claim, _ = linked
    travel(uk(2027, 3, 23, 10, 0), tick=False)
    with pytest.raises(ClaimError, match="11.1A"):
        services.judgment_default_request(claim_id=claim.pk, actor=claim.owner, paid=Decimal("99999.00"))
    claim.refresh_from_db()
    assert claim.state == ClaimState.ISSUED


def test_no_default_judgment_once_a_response_is_received(linked, travel):
    claim, dan = linked
    travel(uk(2027, 3, 25, 10, 0), tick=False)
    respond(claim, dan, response_type={"type": "reject"}, reject_reason={"reason": "dispute"}, **DEFENCE_PAGES)
    with pytest.raises(NotAllowed):
        services.judgment_default_request(claim_id=claim.pk, actor=claim.owner)


def test_default_judgment_with_the_claimants_plan_whose_first_date_has_passed(linked, travel):
    claim, _ = linked
    travel(uk(2027, 3, 23, 10, 0), tick=False)
    plan = Plan(option="instalments", instalment=Decimal("50.00"), frequency="monthly", first_payment=date(2027, 3, 1))
    judgment = services.judgment_default_request(claim_id=claim.pk, actor=claim.owner, plan=plan)
    # 11.1(5)(b): the first instalment one calendar month after the judgment.
    assert judgment.first_payment_on == date(2027, 4, 23)
    assert judgment.instalment_amount == Decimal("50.00")


def test_judgment_on_a_full_admission_paying_immediately_after_5_days(linked, travel):
    claim, dan = linked
    travel(uk(2027, 3, 10, 11, 0), tick=False)
    respond(claim, dan, details=DEFENCE_PAGES["details"], response_type={"type": "full_admission"},
            payment_option={"option": "immediately"})
    with pytest.raises(NotAllowed):  # the 5 days have not passed
        services.judgment_admission_request(claim_id=claim.pk, actor=claim.owner)
    travel(uk(2027, 3, 15, 16, 0), tick=False)
    judgment = services.judgment_admission_request(
        claim_id=claim.pk, actor=claim.owner, plan=Plan(option="by_set_date", pay_by=date(2027, 4, 30)))
    assert judgment.kind == "admission" and judgment.pay_by == date(2027, 4, 30)
    assert Judgment.objects.get(pk=judgment.pk).state == JudgmentState.ENTERED


def test_judgment_on_a_full_admission_takes_off_what_the_defendant_has_paid(linked, travel):
    claim, dan = linked
    travel(uk(2027, 3, 10, 11, 0), tick=False)
    respond(claim, dan, details=DEFENCE_PAGES["details"], response_type={"type": "full_admission"},
            payment_option={"option": "immediately"})
    travel(uk(2027, 3, 16, 10, 0), tick=False)
    judgment = services.judgment_admission_request(claim_id=claim.pk, actor=claim.owner, paid=Decimal("250.00"))
    # 7.4(6): the claim, interest claimed and the court fee "minus any payments ... the defendant has
    # already paid": £1,000 + 15 days at £0.22 = £3.30, the fee remitted, less £250.00.
    assert judgment.line_items == [
        ("Amount claimed", Decimal("1000.00")),
        ("Interest from 2 March 2027 to the date of judgment (15 days at £0.22 a day)", Decimal("3.30")),
        ("Less amount paid", Decimal("-250.00")),
    ]
    assert judgment.total == Decimal("753.30")
    assert judgment.request["paid"] == "250.00"
    assert "£753.30" in judgment.terms_text


def test_no_judgment_on_an_admission_the_defendant_has_paid_in_full(linked, travel):
    claim, dan = linked
    travel(uk(2027, 3, 10, 11, 0), tick=False)
    respond(claim, dan, details=DEFENCE_PAGES["details"], response_type={"type": "full_admission"},
            payment_option={"option": "instalments"},
            instalments={"amount": "100.00", "frequency": "monthly", "first_date": "2027-04-01"})
    with pytest.raises(ClaimError, match="paid the whole amount owed"):
        services.judgment_admission_request(claim_id=claim.pk, actor=claim.owner, paid=Decimal("1001.98"))
    claim.refresh_from_db()
    assert claim.state != ClaimState.JUDGMENT_ENTERED
    # A penny short of the whole amount (7.7(3)): judgment for that penny, on the defendant's plan.
    judgment = services.judgment_admission_request(claim_id=claim.pk, actor=claim.owner, paid=Decimal("1001.97"))
    assert judgment.total == Decimal("0.01") and judgment.instalment_amount == Decimal("100.00")


def test_accepting_a_part_admission_plan_gives_judgment_on_the_admitted_amount(linked, travel):
    claim, dan = linked
    travel(uk(2027, 3, 10, 11, 0), tick=False)
    services_draft = {
        "response_type": {"type": "part_admission"}, "part_paid": {"paid": "no"},
        "admitted": {"amount": "400.00"}, "payment_option": {"option": "by_set_date"},
        "payment_date": {"date": "2027-06-30"},
    }
    from responses import services as responses

    responses.response_draft_save(claim_id=claim.pk, actor=dan, values=services_draft)
    respond(claim, dan, **DEFENCE_PAGES)  # answers the statement of means too
    judgment = services.judgment_admission_request(claim_id=claim.pk, actor=claim.owner)
    assert judgment.pay_by == date(2027, 6, 30)
    values = dict(judgment.line_items)
    assert Decimal("400.00") in values.values()
    assert judgment.total > Decimal("400.00")  # plus the fee (and daily interest on the admitted share)


def test_judgment_on_a_part_admission_takes_off_what_the_defendant_has_paid(linked, travel):
    claim, dan = linked
    travel(uk(2027, 3, 10, 11, 0), tick=False)
    from responses import services as responses

    responses.response_draft_save(claim_id=claim.pk, actor=dan, values={
        "response_type": {"type": "part_admission"}, "part_paid": {"paid": "no"},
        "admitted": {"amount": "400.00"}, "payment_option": {"option": "by_set_date"},
        "payment_date": {"date": "2027-06-30"},
    })
    respond(claim, dan, **DEFENCE_PAGES)
    judgment = services.judgment_admission_request(claim_id=claim.pk, actor=claim.owner, paid=Decimal("150.00"))
    # 7.41B(3): the amount admitted, its interest and the fee, minus payments of it already made.
    lines = dict(judgment.line_items)
    assert lines["Amount admitted"] == Decimal("400.00") and lines["Less amount paid"] == Decimal("-150.00")
    assert judgment.total == sum(lines.values())


# -- the date of the judgment: no earlier than the day its request counts as received (14.1) ----------------

INSTALMENTS_100 = {"payment_option": {"option": "instalments"},
                   "instalments": {"amount": "100.00", "frequency": "monthly", "first_date": "2027-04-01"}}


def admit_at(linked, travel, when):
    claim, dan = linked
    travel(when, tick=False)
    response = respond(claim, dan, details=DEFENCE_PAGES["details"], response_type={"type": "full_admission"},
                       **INSTALMENTS_100)
    claim.refresh_from_db()
    return claim, response


def test_an_admission_after_4pm_is_judged_on_the_next_working_day(linked, travel):
    # Submitted at 4.30pm on Wednesday 10 March 2027, the admission counts as received on Thursday.
    claim, response = admit_at(linked, travel, uk(2027, 3, 10, 16, 30))
    assert response.received_on == date(2027, 3, 11)
    travel(uk(2027, 3, 10, 17, 0), tick=False)  # the claimant asks for judgment the same evening
    judgment = services.judgment_admission_request(claim_id=claim.pk, actor=claim.owner)
    assert judgment.judgment_date == date(2027, 3, 11)
    assert judgment.entered_at == uk(2027, 3, 10, 17, 0)  # entered at once, dated as the request counts
    # Interest runs to the date of judgment (10 days), and CCJ-28 counts from it.
    assert "(10 days at £0.22 a day)" in judgment.line_items[1][0]
    assert judgment.register_removal_deadline == uk(2027, 4, 8, 16, 0)


def test_a_request_at_4pm_on_a_friday_before_a_bank_holiday_is_judged_on_the_tuesday(linked, travel):
    claim, _ = linked
    # Friday 30 April 2027 at 4pm; Monday 3 May is the early May bank holiday.
    travel(uk(2027, 4, 30, 16, 0), tick=False)
    judgment = services.judgment_default_request(claim_id=claim.pk, actor=claim.owner)
    assert judgment.judgment_date == date(2027, 5, 4)
    assert "(64 days at £0.22 a day)" in judgment.line_items[1][0]


def test_a_request_on_a_closure_day_is_judged_on_the_next_open_day(linked, travel):
    from court.models import ClosureDay

    claim, _ = linked
    ClosureDay.objects.create(day=date(2027, 3, 24), reason="HMCTS announced closure")
    travel(uk(2027, 3, 24, 10, 0), tick=False)  # a Wednesday, but the court office is closed
    assert services.judgment_default_request(claim_id=claim.pk, actor=claim.owner).judgment_date == date(2027, 3, 25)


def test_a_judgment_is_never_dated_before_the_response_it_rests_on(linked, travel):
    from court.models import ClosureDay

    # Thursday 11 March is recorded as a closure day when the admission comes at 4.30pm on Wednesday:
    # it counts as received on Friday 12 March. The closure is then taken off the calendar.
    closure = ClosureDay.objects.create(day=date(2027, 3, 11), reason="Recorded in error")
    claim, response = admit_at(linked, travel, uk(2027, 3, 10, 16, 30))
    assert response.received_on == date(2027, 3, 12)
    closure.delete()
    travel(uk(2027, 3, 10, 17, 0), tick=False)  # the request alone would count from Thursday 11 March
    judgment = services.judgment_admission_request(claim_id=claim.pk, actor=claim.owner)
    assert judgment.judgment_date == date(2027, 3, 12)


def test_rejecting_the_courts_plan_after_4pm_is_judged_the_next_working_day(linked, travel):
    from judgments import answers
    from tests.judgments.test_answers import admitted

    claim, _ = admitted(linked, travel)
    answers.claimant_reject_plan(claim_id=claim.pk, actor=claim.owner, claimant_plan=Plan.immediately())
    travel(uk(2027, 3, 12, 16, 0), tick=False)  # Friday 12 March at 4pm: counts from Monday 15 March
    judgment = answers.claimant_court_plan_answer(claim_id=claim.pk, actor=claim.owner, accept=False)
    assert judgment.judgment_date == date(2027, 3, 15)
    assert judgment.redetermination_deadline == uk(2027, 4, 5, 16, 0)  # 19 days: 3 April, a Saturday
