"""The defendant's steps: linking, more time, each kind of response, and the deadline sweeps."""
from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from django_fsm import TransitionNotAllowed, can_proceed

from claims.constants import ClaimState
from claims.errors import ClaimError, NotAllowed
from claims.models import Claim
from court.models import Notification
from court.sweeps import run_sweep
from documents.models import ClaimDocument
from responses import services, standing
from responses.models import DefendantResponse, ImmutableError, ResponseState
from tests.conftest import uk

pytestmark = pytest.mark.django_db

DEFENCE_PAGES: dict[str, Any] = {
    "details": {"phone": "", "date_of_birth": "1980-01-01"},
    "defence": {"text": "I never asked for the wall."},
    "defence_timeline": {"rows": []},
    "defence_evidence": {"rows": []},
    "hearing_court": {"court": "Leeds County Court"},
    "mediation": {"willing": "yes", "phone": "07700 900111", "contact_name": "", "reason": ""},
}


def fill_remaining(claim: Claim, defendant: Any) -> None:
    """Answer every directions-questionnaire and statement-of-means page still unanswered, with
    plain answers (the pages' own tests check them)."""
    from responses import questions

    for _ in range(30):
        situation = services.situation(claim, services.response_draft(claim))
        page = questions.first_unanswered(situation)
        if page is None:
            return
        values = {**HEARING_DEFAULTS, **MEANS_DEFAULTS}.get(page.slug)
        assert values is not None, f"no test answer for page {page.slug}"
        services.response_draft_save(claim_id=claim.pk, actor=defendant, values={page.slug: values})


MEANS_DEFAULTS: dict[str, Any] = {
    "residence": {"type": "private_rent", "other_details": ""},
    "partner": {"partner": "no", "partner_adult": "", "partner_pensioner": "", "partner_disability": "",
                "pensioner": "no"},
    "dependants": {"children": "no", "under_11": "", "age_11_to_15": "", "age_16_to_19": "", "disabled": ""},
    "other_dependants": {"supports": "no", "number": "", "details": "", "disabled": ""},
    "employment": {"status": ["employed"], "employer": "Acme", "job_title": "Fitter", "self_employed_job": "",
                   "turnover": "", "tax_arrears": "", "tax_arrears_amount": "", "tax_arrears_reason": ""},
    "income": {"types": ["job"], "job_amount": "1500.00", "job_frequency": "monthly", "other_description": ""},
    "bank_accounts": {"rows": [{"type": "current", "joint": "no", "balance": "120.00"}]},
    "expenses": {"types": ["rent"], "rent_amount": "650.00", "rent_frequency": "monthly", "other_description": ""},
    "priority_debts": {"types": ["none"]},
    "debts": {"rows": []},
    "court_orders": {"rows": []},
    "disability": {"disabled": "no", "carer": "no"},
    "accounts": {"turnover": "50000.00", "assets": "10000.00", "liabilities": "8000.00", "profit": "1200.00",
                 "explanation": ""},
}

HEARING_DEFAULTS: dict[str, Any] = {
    "availability": {"unavailable": "no", "dates": ""},
    "witnesses": {"yourself": "yes", "other_witnesses": "no", "how_many": "", "who": ""},
    "experts": {"expert": "no", "expertise": "", "why": ""},
    "language": {"speak": "english", "documents": "english"},
    "support": {"needs": ["none"], "sign_language": "", "interpreter_language": "", "other_support": ""},
    "vulnerability": {"vulnerable": "no", "details": ""},
}


fill_hearing = fill_means = fill_remaining


def respond(claim: Claim, defendant: Any, **pages: Any) -> DefendantResponse:
    services.response_draft_save(claim_id=claim.pk, actor=defendant, values=pages)
    fill_hearing(claim, defendant)
    return services.response_submit(claim_id=claim.pk, actor=defendant, signed_name="Dan Defendant")


# -- linking ---------------------------------------------------------------------------------------


def test_the_claim_issued_sets_the_defendants_deadline_and_live_deadlines(issue_claim):
    claim = issue_claim()
    assert claim.issue_date == date(2027, 3, 1)
    assert claim.response_deadline == uk(2027, 3, 22, 16, 0)
    assert claim.response_reminder_at == uk(2027, 3, 17, 16, 0)  # 5 days before
    assert claim.no_response_stay_at == uk(2027, 9, 1, 16, 0)  # 6 months after issue (11.2)


def test_linking_with_the_right_pair_links_once_to_one_account(issue_claim, make_user):
    claim = issue_claim()
    dan = make_user("dan@example.com")
    linked = services.response_link(user=dan, claim_number=f" {claim.claim_number.lower()} ",
                                    security_code=claim.security_code.lower())
    assert linked.defendant_user == dan
    # The same account again: fine. Another account with the right pair: the same generic error.
    assert services.response_link(user=dan, claim_number=claim.claim_number, security_code=claim.security_code)
    with pytest.raises(services.LinkRefused, match="exactly as they are on the letter"):
        services.response_link(user=make_user("eve@example.com"), claim_number=claim.claim_number,
                               security_code=claim.security_code)
    assert claim.events.filter(kind="defendant_linked").count() == 1


@pytest.mark.parametrize("number, code", [("000MC001", "WRONG123"), ("000MC999", None), ("", None), ("x", "y")])
def test_wrong_pairs_get_one_generic_error(issue_claim, make_user, number, code):
    claim = issue_claim()
    with pytest.raises(services.LinkRefused) as error:
        services.response_link(user=make_user("dan@example.com"), claim_number=number,
                               security_code=code or claim.security_code)
    assert str(error.value) == services.LINK_ERROR


def test_the_claimant_cannot_link_their_own_claim(issue_claim):
    claim = issue_claim()
    with pytest.raises(services.LinkRefused):
        services.response_link(user=claim.owner, claim_number=claim.claim_number, security_code=claim.security_code)


# -- confirming and more time -----------------------------------------------------------------------


def test_more_time_makes_the_deadline_33_days_after_issue_and_tells_the_claimant(linked):
    claim, dan = linked
    claim = services.response_intention_confirm(claim_id=claim.pk, actor=dan, more_time=True)
    # 5.1(7): 33 days after issue is Saturday 3 April; the limit runs to the next open day (14.1(3)).
    assert claim.response_deadline == uk(2027, 4, 5, 16, 0)
    assert claim.response_deadline_day == date(2027, 4, 3)
    assert claim.intention_confirmed_at is not None
    assert claim.response_reminder_at == uk(2027, 3, 31, 16, 0)
    kinds = set(Notification.objects.values_list("kind", flat=True))
    assert {"response_intention_claimant", "response_intention_defendant"} <= kinds
    assert "5 April 2027" in Notification.objects.get(kind="response_intention_claimant").body
    # Asking again changes nothing (once only).
    again = services.response_intention_confirm(claim_id=claim.pk, actor=dan, more_time=True)
    assert again.response_deadline == uk(2027, 4, 5, 16, 0)
    assert claim.events.filter(kind="more_time").count() == 1


def test_more_time_is_refused_once_the_19_days_have_passed(linked, travel):
    claim, dan = linked
    travel(uk(2027, 3, 22, 16, 0), tick=False)
    with pytest.raises(ClaimError, match="19 days"):
        services.response_intention_confirm(claim_id=claim.pk, actor=dan, more_time=True)
    # Confirming without more time is still possible (a late response is accepted).
    services.response_intention_confirm(claim_id=claim.pk, actor=dan, more_time=False)


def test_only_the_linked_defendant_acts(linked, make_user):
    claim, _ = linked
    with pytest.raises(NotAllowed):
        services.response_intention_confirm(claim_id=claim.pk, actor=make_user("eve@example.com"), more_time=True)
    with pytest.raises(NotAllowed):
        services.response_draft_save(claim_id=claim.pk, actor=claim.owner, values={"details": {}})


# -- responses ----------------------------------------------------------------------------------------


def test_a_full_defence_moves_the_claim_and_asks_the_claimant(linked, travel, django_capture_on_commit_callbacks):
    claim, dan = linked
    travel(uk(2027, 3, 10, 16, 30), tick=False)  # after 4pm: counts as received the next day
    with django_capture_on_commit_callbacks(execute=False):
        response = respond(claim, dan, response_type={"type": "reject"}, reject_reason={"reason": "dispute"},
                           **DEFENCE_PAGES)
    claim.refresh_from_db()
    assert response.kind == "full_defence"
    assert response.received_on == date(2027, 3, 11)
    assert not response.late
    assert response.mediation_willing is True and response.preferred_court == "Leeds County Court"
    assert claim.state == ClaimState.AWAITING_CLAIMANT_RESPONSE
    assert claim.claimant_response_deadline == uk(2027, 4, 13, 16, 0)  # 33 days after 11 March
    assert claim.response_reminder_at is None and claim.no_response_stay_at is None
    body = Notification.objects.get(kind="response_received_claimant").body
    assert "rejects all of your claim" in body and "willing to try free mediation" in body
    assert ClaimDocument.objects.filter(claim=claim, kind="response").exists()
    assert claim.events.filter(kind="response_received").count() == 1
    assert DefendantResponse.objects.get(pk=response.pk).state == ResponseState.WITH_CLAIMANT


def test_submitting_twice_returns_the_first_response(linked):
    claim, dan = linked
    first = respond(claim, dan, response_type={"type": "reject"}, reject_reason={"reason": "dispute"},
                    **DEFENCE_PAGES)
    again = services.response_submit(claim_id=claim.pk, actor=dan, signed_name="Someone Else")
    assert again.pk == first.pk and again.sot_signed_name == "Dan Defendant"


def test_a_received_response_is_never_changed(linked):
    claim, dan = linked
    response = respond(claim, dan, response_type={"type": "reject"}, reject_reason={"reason": "dispute"},
                       **DEFENCE_PAGES)
    response.sot_signed_name = "Changed"
    with pytest.raises(ImmutableError):
        response.save()
    with pytest.raises(ImmutableError):
        response.save(update_fields=["sot_signed_name", "state"])
    with pytest.raises(ImmutableError):
        response.delete()


def test_where_a_response_stands_moves_only_by_its_named_transitions(linked):
    claim, dan = linked
    response = respond(claim, dan, response_type={"type": "reject"}, reject_reason={"reason": "dispute"},
                       **DEFENCE_PAGES)
    with pytest.raises(AttributeError):
        response.state = ResponseState.ACCEPTED  # protected: only a transition moves it
    assert not can_proceed(response.continue_as_defence)  # a defence is not a part admission
    assert not can_proceed(response.withdraw)  # there is no admission to withdraw
    with pytest.raises(TransitionNotAllowed):
        response.send_to_claimant()  # it went to the claimant when it was received
    standing.response_rejected(response)
    standing.response_rejected(response)  # the same answer again changes nothing
    assert DefendantResponse.objects.get(pk=response.pk).state == ResponseState.REJECTED
    with pytest.raises(TransitionNotAllowed):
        response.accept()


def test_paid_in_full_is_a_states_paid_defence(linked):
    claim, dan = linked
    response = respond(claim, dan, response_type={"type": "reject"}, reject_reason={"reason": "already_paid"},
                       paid={"amount": str(claim.total), "date": "2027-02-20", "how": "Bank transfer"},
                       **DEFENCE_PAGES)
    assert response.kind == "states_paid"
    assert response.paid_amount == claim.total
    assert "says they have already paid you" in Notification.objects.get(kind="response_received_claimant").body


def test_paid_less_than_claimed_is_a_part_admission_of_what_was_paid(linked):
    claim, dan = linked
    response = respond(claim, dan, response_type={"type": "reject"}, reject_reason={"reason": "already_paid"},
                       paid={"amount": "500.00", "date": "2027-02-20", "how": "Cash"}, **DEFENCE_PAGES)
    assert response.kind == "part_admission"
    assert response.admitted_amount == Decimal("500.00") and response.paid_amount == Decimal("500.00")
    assert response.payment_option == ""


def test_full_admission_paying_immediately_sets_the_5_day_window(linked, travel):
    claim, dan = linked
    travel(uk(2027, 3, 10, 11, 0), tick=False)
    response = respond(claim, dan, details=DEFENCE_PAGES["details"], response_type={"type": "full_admission"},
                       payment_option={"option": "immediately"})
    claim.refresh_from_db()
    assert response.kind == "full_admission" and response.admitted_amount == claim.total
    assert response.pay_by == date(2027, 3, 15)
    assert claim.pay_immediately_deadline == uk(2027, 3, 15, 16, 0)
    body = Notification.objects.get(kind="response_received_claimant").body
    assert "within 5 days" in body and "15 March 2027" in body

    # ADM-5: once the 5 days pass, the claimant is told they may ask for judgment, once.
    travel(uk(2027, 3, 15, 16, 1), tick=False)
    assert run_sweep("responses.pay_immediately_window").changed == 1
    assert run_sweep("responses.pay_immediately_window").changed == 0
    assert Notification.objects.filter(kind="admission_payment_due").count() == 1


def test_part_admission_with_a_date_to_pay(linked):
    claim, dan = linked
    services.response_draft_save(claim_id=claim.pk, actor=dan, values={
        "response_type": {"type": "part_admission"}, "part_paid": {"paid": "no"}, "admitted": {"amount": "400.00"},
        "payment_option": {"option": "by_set_date"}, "payment_date": {"date": "2027-06-30"},
    })
    situation = services.situation(claim, services.response_draft(claim))
    assert situation.gives_means  # an individual asking for time to pay gives a statement of means


def test_a_counterclaim_sends_the_claim_out_to_the_cnbc(linked):
    claim, dan = linked
    claim = services.response_counterclaim(claim_id=claim.pk, actor=dan)
    assert claim.state == ClaimState.SENT_OUT and claim.sent_out_to == "cnbc"
    assert "N9B" in claim.sent_out_reason
    assert claim.no_response_stay_at is None and claim.response_reminder_at is None
    assert set(Notification.objects.filter(kind="claim_sent_out").values_list("to_email", flat=True)) == {
        "clara@example.com", "dan@example.com"}
    assert services.response_counterclaim(claim_id=claim.pk, actor=dan).state == ClaimState.SENT_OUT  # twice: same


def test_an_incomplete_response_is_refused_with_what_is_missing(linked):
    claim, dan = linked
    services.response_draft_save(claim_id=claim.pk, actor=dan, values={"response_type": {"type": "reject"},
                                                                       "reject_reason": {"reason": "dispute"}})
    with pytest.raises(ClaimError, match="why you disagree"):
        services.response_submit(claim_id=claim.pk, actor=dan, signed_name="Dan Defendant")


# -- the deadline sweeps ------------------------------------------------------------------------------------


def test_reminders_5_days_and_1_day_before_the_deadline(linked, travel):
    claim, _ = linked
    travel(uk(2027, 3, 17, 16, 0), tick=False)
    assert run_sweep("responses.remind_defendants").changed == 1
    claim.refresh_from_db()
    assert claim.response_reminder_at == uk(2027, 3, 21, 16, 0)
    assert run_sweep("responses.remind_defendants").changed == 0  # not due again yet
    travel(uk(2027, 3, 21, 16, 0), tick=False)
    assert run_sweep("responses.remind_defendants").changed == 1
    subjects = list(Notification.objects.filter(kind="response_reminder").order_by("pk").values_list("subject",
                                                                                                      flat=True))
    assert subjects == [f"5 days left to respond to claim {claim.claim_number}",
                        f"1 day left to respond to claim {claim.claim_number}"]
    claim.refresh_from_db()
    assert claim.response_reminder_at is None


def test_a_late_reminder_run_sends_only_the_reminder_still_true(issue_claim, travel):
    issue_claim()  # not linked: the reminder goes to the email on the claim form
    travel(uk(2027, 3, 21, 18, 0), tick=False)  # the 5-day run was missed (downtime)
    assert run_sweep("responses.remind_defendants").changed == 1
    reminder = Notification.objects.get(kind="response_reminder")
    assert reminder.to_email == "dan.pack@example.com" and reminder.subject.startswith("1 day left")
    assert "security code" in reminder.body


def test_no_response_by_the_deadline_tells_the_claimant_once(linked, travel, client):
    claim, _ = linked
    travel(uk(2027, 3, 22, 15, 59), tick=False)
    assert run_sweep("responses.no_response").changed == 0
    travel(uk(2027, 3, 25, 9, 0), tick=False)  # late run: same outcome
    assert run_sweep("responses.no_response").changed == 1
    assert run_sweep("responses.no_response").changed == 0
    assert Notification.objects.filter(kind="default_judgment_available").count() == 1
    client.force_login(claim.owner)
    page = client.get("/claims/").content.decode()
    assert "ask the court for a county court judgment" in page


def test_a_late_response_is_accepted_before_judgment(linked, travel):
    claim, dan = linked
    travel(uk(2027, 3, 25, 9, 0), tick=False)
    run_sweep("responses.no_response")
    response = respond(claim, dan, response_type={"type": "reject"}, reject_reason={"reason": "dispute"},
                       **DEFENCE_PAGES)
    assert response.late
    claim.refresh_from_db()
    assert claim.state == ClaimState.AWAITING_CLAIMANT_RESPONSE


def test_six_months_without_a_response_stays_the_claim(linked, travel):
    claim, _ = linked
    travel(uk(2027, 9, 1, 15, 59), tick=False)
    assert run_sweep("responses.stay_after_6_months").changed == 0
    travel(uk(2027, 9, 10, 9, 0), tick=False)
    assert run_sweep("responses.stay_after_6_months").changed == 1
    assert run_sweep("responses.stay_after_6_months").changed == 0
    claim.refresh_from_db()
    assert claim.state == ClaimState.STAYED and "11.2" in claim.stay_reason
    assert Notification.objects.filter(kind="claim_stayed").count() == 2


def test_a_response_before_six_months_stops_the_stay(linked, travel):
    claim, dan = linked
    respond(claim, dan, response_type={"type": "reject"}, reject_reason={"reason": "dispute"}, **DEFENCE_PAGES)
    travel(uk(2027, 9, 10, 9, 0), tick=False)
    assert run_sweep("responses.stay_after_6_months").changed == 0
    claim.refresh_from_db()
    assert claim.state == ClaimState.AWAITING_CLAIMANT_RESPONSE


def test_more_time_moves_the_reminders_with_the_deadline(linked, travel):
    claim, dan = linked
    services.response_intention_confirm(claim_id=claim.pk, actor=dan, more_time=True)
    travel(uk(2027, 3, 17, 16, 0), tick=False)  # the old 5-day reminder time
    assert run_sweep("responses.remind_defendants").changed == 0
    travel(uk(2027, 3, 31, 16, 0), tick=False)
    assert run_sweep("responses.remind_defendants").changed == 1
    assert "5 April 2027" in Notification.objects.get(kind="response_reminder").body


def test_paying_immediately_runs_to_the_court_day_the_claimant_is_told(linked, travel):
    claim, dan = linked
    travel(uk(2027, 3, 1, 11, 0), tick=False)  # 5 days later is Saturday 6 March: the court counts to Monday
    response = respond(claim, dan, details=DEFENCE_PAGES["details"], response_type={"type": "full_admission"},
                       payment_option={"option": "immediately"})
    claim.refresh_from_db()
    assert response.pay_by == date(2027, 3, 8)
    assert claim.pay_immediately_deadline == uk(2027, 3, 8, 16, 0)
    assert not response.counts_from_a_later_day


def test_a_part_admission_asks_why_the_amount_is_disputed_on_the_check_page(linked):
    from responses import questions

    claim, dan = linked
    services.response_draft_save(claim_id=claim.pk, actor=dan, values={
        "response_type": {"type": "reject"}, "reject_reason": {"reason": "already_paid"},
        "paid": {"amount": "10.00", "date": "2027-02-01", "how": "Cash"}, "defence": {"text": "Only owed £10"}})
    situation = services.situation(claim, services.response_draft(claim))
    rows = [row for section in questions.summary(situation) for row in section["rows"] if row["slug"] == "defence"]
    assert rows == [{"question": "Why do you disagree with the amount claimed?", "answer": "Only owed £10",
                     "slug": "defence"}]
