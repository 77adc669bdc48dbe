"""The claimant's judgment request pages."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from claims.constants import ClaimState
from tests.conftest import uk
from tests.responses.test_services import DEFENCE_PAGES, respond

pytestmark = pytest.mark.django_db


def test_default_judgment_through_the_pages(client, linked, travel):
    claim, dan = linked
    travel(uk(2027, 3, 23, 10, 0), tick=False)
    client.force_login(claim.owner)
    detail = client.get(reverse("claims:detail", kwargs={"public_id": claim.public_id})).content.decode()
    assert "Request a county court judgment" in detail
    url = reverse("judgments:request_default", kwargs={"public_id": claim.public_id})
    assert "form OCON205A" in client.get(url).content.decode()
    page = client.post(url, {"action": "check", "paid-paid": "yes", "paid-amount": "", "plan-option": "instalments"})
    text = page.content.decode()
    assert "There is a problem" in text and "Enter how much the defendant has paid" in text
    assert "Enter the amount of each instalment" in text and "Enter the date of the first instalment" in text
    answers = {"paid-paid": "yes", "paid-amount": "50", "plan-option": "by_set_date", "plan-pay_by_day": "30",
               "plan-pay_by_month": "4", "plan-pay_by_year": "2027"}
    check = client.post(url, {"action": "check", **answers}).content.decode()
    assert "Check the judgment you are asking for" in check and "Less amount paid" in check or "-£50.00" in check
    assert "30 April 2027" in check
    assert claim.state == ClaimState.ISSUED
    done = client.post(url, {"action": "confirm", **answers})
    assert done.status_code == 302
    claim.refresh_from_db()
    assert claim.state == ClaimState.JUDGMENT_ENTERED and claim.judgment.pay_by.isoformat() == "2027-04-30"
    detail = client.get(done["Location"]).content.decode()
    assert "Judgment in default (no response), made by the court (automated) on 23 March 2027" in detail
    # The defendant sees it on their page too.
    client.force_login(dan)
    page = client.get(reverse("responses:claim", kwargs={"public_id": claim.public_id})).content.decode()
    assert "Judgment against you" in page


def test_strangers_and_the_defendant_cannot_request_judgment(client, linked, travel, make_user):
    claim, dan = linked
    travel(uk(2027, 3, 23, 10, 0), tick=False)
    url = reverse("judgments:request_default", kwargs={"public_id": claim.public_id})
    client.force_login(make_user("eve@example.com"))
    assert client.get(url).status_code == 404
    client.force_login(dan)
    assert client.post(url, {"action": "confirm", "paid-paid": "no", "plan-option": "immediately"}).status_code == 302
    claim.refresh_from_db()
    assert claim.state == ClaimState.ISSUED


def test_accepting_the_defendants_plan_through_the_page(client, linked, travel):
    claim, dan = linked
    travel(uk(2027, 3, 10, 11, 0), tick=False)
    respond(claim, dan, details=DEFENCE_PAGES["details"], response_type={"type": "full_admission"},
            payment_option={"option": "instalments"},
            instalments={"amount": "100.00", "frequency": "monthly", "first_date": "2027-04-01"})
    client.force_login(claim.owner)
    url = reverse("judgments:request_admission", kwargs={"public_id": claim.public_id})
    assert "£100.00 every month" in client.get(url).content.decode()
    check = client.post(url, {"action": "check", "paid-paid": "no"}).content.decode()
    assert "Check the judgment you are asking for" in check and "Less amount paid" not in check
    assert client.post(url, {"action": "confirm", "paid-paid": "no"}).status_code == 302
    claim.refresh_from_db()
    judgment = claim.judgment
    assert judgment.kind == "admission" and judgment.instalment_amount == 100 and judgment.first_payment_on.day == 1


def test_a_payment_on_a_full_admission_is_a_line_of_the_judgment(client, linked, travel):
    claim, dan = linked
    travel(uk(2027, 3, 10, 11, 0), tick=False)
    respond(claim, dan, details=DEFENCE_PAGES["details"], response_type={"type": "full_admission"},
            payment_option={"option": "instalments"},
            instalments={"amount": "100.00", "frequency": "monthly", "first_date": "2027-04-01"})
    client.force_login(claim.owner)
    url = reverse("judgments:request_admission", kwargs={"public_id": claim.public_id})
    # The question default judgment asks (11.1(7)), asked the same way here (7.7(3)).
    assert "Has the defendant paid you any of the money you are claiming?" in client.get(url).content.decode()
    page = client.post(url, {"action": "check"}).content.decode()
    assert "There is a problem" in page and "Select yes if the defendant has paid you any money" in page
    page = client.post(url, {"action": "check", "paid-paid": "yes", "paid-amount": ""}).content.decode()
    assert "Enter how much the defendant has paid" in page
    answers = {"paid-paid": "yes", "paid-amount": "200"}
    check = client.post(url, {"action": "check", **answers}).content.decode()
    assert "Check the judgment you are asking for" in check
    assert "Less amount paid" in check and "-£200.00" in check and "£801.98" in check
    assert client.post(url, {"action": "confirm", **answers}).status_code == 302
    claim.refresh_from_db()
    assert claim.judgment.total == Decimal("801.98")
    assert ("Less amount paid", Decimal("-200.00")) in claim.judgment.line_items


def test_an_admission_paid_in_full_is_refused_on_the_page(client, linked, travel):
    claim, dan = linked
    travel(uk(2027, 3, 10, 11, 0), tick=False)
    respond(claim, dan, details=DEFENCE_PAGES["details"], response_type={"type": "full_admission"},
            payment_option={"option": "instalments"},
            instalments={"amount": "100.00", "frequency": "monthly", "first_date": "2027-04-01"})
    client.force_login(claim.owner)
    url = reverse("judgments:request_admission", kwargs={"public_id": claim.public_id})
    page = client.post(url, {"action": "confirm", "paid-paid": "yes", "paid-amount": "2000"}).content.decode()
    assert "There is a problem" in page and "paid the whole amount owed" in page
    claim.refresh_from_db()
    assert claim.state != ClaimState.JUDGMENT_ENTERED


def test_rejecting_the_offer_through_the_pages(client, linked, travel):
    from tests.judgments.test_answers import admitted

    claim, _ = admitted(linked, travel)
    client.force_login(claim.owner)
    detail = client.get(reverse("claims:detail", kwargs={"public_id": claim.public_id})).content.decode()
    assert "Respond to the defendant&#x27;s offer" in detail or "Respond to the defendant's offer" in detail
    url = reverse("judgments:answer_offer", kwargs={"public_id": claim.public_id})
    assert "£50.00 every month" in client.get(url).content.decode()
    page = client.post(url, {"answer": "reject", "plan-option": ""}).content.decode()
    assert "Choose how you want the defendant to pay" in page
    done = client.post(url, {"answer": "reject", "plan-option": "immediately"})
    assert done["Location"].endswith("/offer/decision/")
    page = client.get(done["Location"]).content.decode()
    assert "The court&#x27;s repayment plan" in page or "The court's repayment plan" in page
    assert "£526.30 every month" in page
    client.post(reverse("judgments:court_plan", kwargs={"public_id": claim.public_id}), {"answer": "accept"})
    page = client.get(done["Location"]).content.decode()
    assert "Request a county court judgment" in page and "Propose a settlement agreement" in page


def test_a_plan_the_court_ties_with_stands_on_the_decision_page(client, linked, travel):
    from tests.judgments.test_answers import admitted

    claim, _ = admitted(linked, travel)
    client.force_login(claim.owner)
    url = reverse("judgments:answer_offer", kwargs={"public_id": claim.public_id})
    # £501 a month from 10 April ends on 10 May 2027, as the court's 2 × £526.30 would.
    done = client.post(url, {"answer": "reject", "plan-option": "instalments", "plan-instalment": "501",
                             "plan-frequency": "monthly", "plan-first_payment_day": "10",
                             "plan-first_payment_month": "4", "plan-first_payment_year": "2027"})
    assert done["Location"].endswith("/offer/decision/")
    page = client.get(done["Location"]).content.decode()
    assert "The defendant can afford your plan, so your plan stands" in page
    assert "£501.00 every month" in page and "£526.30 every month" not in page
    assert "Accept the court" not in page


def test_the_application_pages(client, linked, travel):
    from tests.judgments.test_answers import admitted

    claim, dan = admitted(linked, travel)
    client.force_login(dan)
    page = client.get(reverse("responses:claim", kwargs={"public_id": claim.public_id})).content.decode()
    assert "Ask to withdraw your admission" in page
    url = reverse("judgments:withdraw_admission", kwargs={"public_id": claim.public_id})
    assert "Explain why you are applying" in client.post(url, {"reasons": ""}).content.decode()
    assert client.post(url, {"reasons": "I have paid it"}).status_code == 302
    claim.refresh_from_db()
    assert claim.state == ClaimState.SENT_OUT
    client.force_login(claim.owner)
    assert client.get(url).status_code == 302  # not the claimant's application


def test_an_amount_typed_under_no_does_not_count_as_paid(client, linked, travel):
    claim, _ = linked
    travel(uk(2027, 3, 23, 10, 0), tick=False)
    client.force_login(claim.owner)
    url = reverse("judgments:request_default", kwargs={"public_id": claim.public_id})
    answers = {"paid-paid": "no", "paid-amount": "50", "plan-option": "immediately"}
    assert "Less amount paid" not in client.post(url, {"action": "check", **answers}).content.decode()


def test_the_check_page_shows_the_plan_the_court_left_standing(client, linked, travel):
    from judgments import answers
    from rules.judgments import Plan
    from tests.judgments.test_answers import admitted

    claim, _ = admitted(linked, travel)
    answers.claimant_reject_plan(claim_id=claim.pk, actor=claim.owner,
                                 claimant_plan=Plan.instalments(Decimal("100.00"), "monthly", date(2027, 4, 1)))
    client.force_login(claim.owner)
    url = reverse("judgments:request_admission", kwargs={"public_id": claim.public_id})
    check = client.post(url, {"action": "check", "paid-paid": "no"}).content.decode()
    assert "£100.00 every month" in check and "£50.00 every month" not in check


def test_what_is_typed_under_answers_not_chosen_is_ignored(client, linked, travel):
    """Without JavaScript every follow-up shows; what is typed under an answer not chosen is not checked."""
    claim, _ = linked
    travel(uk(2027, 3, 23, 10, 0), tick=False)
    client.force_login(claim.owner)
    url = reverse("judgments:request_default", kwargs={"public_id": claim.public_id})
    answers = {"paid-paid": "no", "paid-amount": "lots", "plan-option": "immediately", "plan-instalment": "?",
               "plan-frequency": "hourly", "plan-first_payment_day": "99", "plan-pay_by_year": "27"}
    check = client.post(url, {"action": "check", **answers}).content.decode()
    assert "There is a problem" not in check and "Check the judgment you are asking for" in check


def test_the_offer_page_reveals_the_claimants_own_plan_under_no(client, linked, travel):
    from tests.judgments.test_answers import admitted

    claim, _ = admitted(linked, travel)
    client.force_login(claim.owner)
    url = reverse("judgments:answer_offer", kwargs={"public_id": claim.public_id})
    page = client.get(url).content.decode()
    assert 'value="reject" data-aria-controls="conditional-id_answer-2"' in page
    panel = page.split('id="conditional-id_answer-2"')[0].rsplit("<div", 1)[1]
    assert 'class="govuk-radios__conditional govuk-radios__conditional--hidden"' in panel
    assert page.index('id="conditional-id_answer-2"') < page.index('name="plan-option"')
    chosen = client.post(url, {"answer": "reject", "plan-option": ""}).content.decode()
    assert 'class="govuk-radios__conditional" id="conditional-id_answer-2"' in chosen  # open: it has the error
    accepted = client.post(url, {"answer": "accept", "plan-option": "instalments", "plan-instalment": "lots"})
    assert accepted["Location"].endswith("/offer/decision/")


def test_the_check_page_dates_an_after_4pm_admission_judgment_the_next_working_day(client, linked, travel):
    claim, dan = linked
    travel(uk(2027, 3, 10, 16, 30), tick=False)  # Wednesday: the admission counts as received on Thursday
    respond(claim, dan, details=DEFENCE_PAGES["details"], response_type={"type": "full_admission"},
            payment_option={"option": "instalments"},
            instalments={"amount": "100.00", "frequency": "monthly", "first_date": "2027-04-01"})
    travel(uk(2027, 3, 10, 17, 0), tick=False)
    client.force_login(claim.owner)
    url = reverse("judgments:request_admission", kwargs={"public_id": claim.public_id})
    check = client.post(url, {"action": "check", "paid-paid": "no"}).content.decode()
    assert "The judgment will be dated 11 March 2027: a request received after 4pm" in check
    assert "(10 days at £0.22 a day)" in check
    assert client.post(url, {"action": "confirm", "paid-paid": "no"}).status_code == 302
    claim.refresh_from_db()
    assert claim.judgment.judgment_date == date(2027, 3, 11)
    detail = client.get(reverse("claims:detail", kwargs={"public_id": claim.public_id})).content.decode()
    assert "on 11 March 2027" in detail


def test_the_check_page_dates_a_friday_evening_default_judgment_after_the_bank_holiday(client, linked, travel):
    claim, _ = linked
    travel(uk(2027, 4, 30, 16, 30), tick=False)  # Friday; Monday 3 May is a bank holiday
    client.force_login(claim.owner)
    url = reverse("judgments:request_default", kwargs={"public_id": claim.public_id})
    answers = {"paid-paid": "no", "plan-option": "by_set_date", "plan-pay_by_day": "3", "plan-pay_by_month": "5",
               "plan-pay_by_year": "2027"}
    check = client.post(url, {"action": "check", **answers}).content.decode()
    assert "The judgment will be dated 4 May 2027" in check
    # The date to pay by (3 May) has passed by the date of the judgment: immediately (11.1(5)(a)).
    assert "immediately" in check and "by 3 May 2027" not in check
    assert client.post(url, {"action": "confirm", **answers}).status_code == 302
    claim.refresh_from_db()
    assert claim.judgment.judgment_date == date(2027, 5, 4) and claim.judgment.payment_option == "immediately"


def test_the_check_page_says_nothing_of_the_4pm_rule_before_4pm(client, linked, travel):
    claim, _ = linked
    travel(uk(2027, 3, 23, 10, 0), tick=False)
    client.force_login(claim.owner)
    url = reverse("judgments:request_default", kwargs={"public_id": claim.public_id})
    check = client.post(url, {"action": "check", "paid-paid": "no", "plan-option": "immediately"}).content.decode()
    assert "The judgment will be dated 23 March 2027." in check and "after 4pm" not in check
