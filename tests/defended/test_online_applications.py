"""Online applications by represented parties after directions (PD 51R 16B.1, APP-RESP-5), through the services.

Able & Co act for Jane Claimant, Baker Defence LLP for Acme Kitchens Ltd; after directions the claim proceeds in
Manchester, an early adopter court, and stays online (6C.1(2)). Applications are made on Thursday 11 February 2027
at 10:00, so the respondent's information is due before 4pm on Tuesday 16 February.
"""
from __future__ import annotations

import pytest

from claims.constants import ClaimState
from claims.errors import ClaimError, NotAllowed
from claims.models import Claim
from claims.online_applications import claims_for_online_applications, may_apply_online
from claims.policy import Action, can
from court.models import Notification
from court.sweeps import run_sweep
from defended import queues, services
from defended.models import ApplicationKind, ApplicationState, Referral, ReferralKind
from defended.sweeps import APPLICATION_RESPONSE_TIME
from tests.conftest import uk
from tests.defended.online_application_data import EARLY_ADOPTER, early_adopter_claim

pytestmark = pytest.mark.django_db

MADE_AT = uk(2027, 2, 11, 10)
DUE = uk(2027, 2, 16, 16)


@pytest.fixture
def parties(make_user, travel):
    travel(MADE_AT, tick=False)
    return early_adopter_claim(make_user)


def apply(parties, *, actor=None, with_notice=True, consented=False, subject="claim", **extra):
    return services.online_application_make(
        claim_id=parties.claim.pk, actor=actor or parties.claimant_solicitor, subject=subject,
        order_sought=extra.pop("order_sought", "Permission to rely on a second expert's report"),
        details=extra.pop("details", "The first expert has retired."), with_notice=with_notice, consented=consented,
        **extra)


def emails_to(address: str) -> list[Notification]:
    return list(Notification.objects.filter(to_email=address))


# -- who may apply (16B.1(1)) ---------------------------------------------------------------------------------------


def test_either_sides_solicitor_may_apply_but_no_one_else(parties):
    claim = parties.claim
    assert may_apply_online(claim) and claim in claims_for_online_applications()
    assert can(parties.claimant_solicitor, claim, Action.MAKE_ONLINE_APPLICATION)
    assert can(parties.defendant_solicitor, claim, Action.MAKE_ONLINE_APPLICATION)
    assert not can(parties.claimant_reader, claim, Action.MAKE_ONLINE_APPLICATION)
    assert not can(parties.other_solicitor, claim, Action.MAKE_ONLINE_APPLICATION)
    with pytest.raises(NotAllowed):
        apply(parties, actor=parties.claimant_reader)


@pytest.mark.parametrize("change", ["not_early_adopter", "window_running", "awaiting_directions", "in_person"])
def test_no_online_application_outside_16B(make_user, travel, change):
    travel(MADE_AT, tick=False)
    fields = {"window_running": {"send_out_due_at": uk(2027, 2, 20, 16)},
              "awaiting_directions": {"state": ClaimState.AWAITING_DIRECTIONS}}.get(change, {})
    parties = early_adopter_claim(make_user, **fields)
    if change == "not_early_adopter":  # directions sent the claim to a court that is not an early adopter court
        Claim.objects.filter(pk=parties.claim.pk).update(early_adopter_court="")
    if change == "in_person":
        Claim.objects.filter(pk=parties.claim.pk).update(defendant_firm=None, defendant_representation="none")
    claim = Claim.objects.get(pk=parties.claim.pk)
    assert not may_apply_online(claim) and claim not in claims_for_online_applications()
    assert not can(parties.claimant_solicitor, claim, Action.MAKE_ONLINE_APPLICATION)
    with pytest.raises(NotAllowed):
        apply(parties)


# -- with notice: the respondent is told and has until 4pm on the 5th day (16B.1(5), (7), (9)) ---------------------


def test_with_notice_the_respondent_is_told_at_once_and_the_deadline_is_stored(parties):
    application = apply(parties)
    assert application.kind == ApplicationKind.ONLINE and application.state == ApplicationState.AWAITING_RESPONDENT
    assert (application.applicant_role, application.with_notice, application.notified_at, application.respond_by) == (
        "claimant", True, MADE_AT, DUE)
    assert application.order_sought == "Permission to rely on a second expert's report"
    assert not Referral.objects.filter(application=application).exists()
    # The defendant's firm hears through the router (no solicitor is on the case: its email for service), and is
    # given the deadline; the claimant's side is told the application is made.
    told = emails_to("service@baker.example")
    assert len(told) == 1 and "16 February 2027" in told[0].body and "4pm" in told[0].body
    assert [n.kind for n in emails_to("ash@able.example") if n.key.startswith("online-application")] == [
        "claim_update"]
    assert parties.claim.events.filter(kind="online_application_made").exists()
    assert can(parties.defendant_solicitor, parties.claim, Action.ANSWER_APPLICATION)
    assert not can(parties.claimant_solicitor, parties.claim, Action.ANSWER_APPLICATION)
    # A second press gives the first application back.
    assert apply(parties).pk == application.pk


def test_the_respondent_answers_on_day_5_at_1559_and_it_goes_to_a_judge(parties, travel):
    application = apply(parties)
    travel(uk(2027, 2, 16, 15, 59), tick=False)
    answered = services.online_application_answer(application_id=application.pk, actor=parties.defendant_solicitor,
                                                  information="We oppose: the report is late.", consented_before=False)
    assert answered.state == ApplicationState.REFERRED and answered.respond_by is None
    assert answered.respondent_information == "We oppose: the report is late." and not answered.consent_order
    referral = Referral.objects.get(application=application)
    assert referral.kind == ReferralKind.APPLICATION and referral.to == "judge"
    # Pressed again: the same answer back, nothing more.
    again = services.online_application_answer(application_id=application.pk, actor=parties.defendant_solicitor,
                                               information="We oppose: the report is late.", consented_before=False)
    assert again.pk == application.pk and Referral.objects.filter(application=application).count() == 1


def test_at_4pm_on_day_5_the_answer_is_refused(parties, travel):
    application = apply(parties)
    travel(DUE, tick=False)
    with pytest.raises(ClaimError, match="The time for a response has passed"):
        services.online_application_answer(application_id=application.pk, actor=parties.defendant_solicitor,
                                           information="Too late.", consented_before=False)
    application.refresh_from_db()
    assert application.state == ApplicationState.AWAITING_RESPONDENT and application.responded_at is None


def test_only_the_respondents_solicitor_answers(parties, travel):
    application = apply(parties)
    for actor in (parties.claimant_solicitor, parties.claimant_reader, parties.other_solicitor):
        with pytest.raises((ClaimError, NotAllowed)):
            services.online_application_answer(application_id=application.pk, actor=actor, information="x",
                                               consented_before=False)


def test_the_respondent_confirming_consent_makes_a_draft_consent_order(parties, travel):
    application = apply(parties, consented=True)
    assert application.consented and application.state == ApplicationState.AWAITING_RESPONDENT
    travel(uk(2027, 2, 12, 9), tick=False)
    answered = services.online_application_answer(application_id=application.pk, actor=parties.defendant_solicitor,
                                                  information="Agreed.", consented_before=True)
    assert answered.consent_order and answered.state == ApplicationState.REFERRED
    referral = Referral.objects.get(application=application)
    assert referral.kind == ReferralKind.CONSENT_ORDER and "16B.1(8)" in referral.reason
    # The judge sees it in the queues the applications use.
    judge_rows = {q.key: q for q in queues.queues()}
    assert any("draft consent order" in row.what.lower() for row in judge_rows["judge"].rows)
    assert any(row.what.startswith("A draft consent order") for row in judge_rows["applications"].rows)


# -- the sweep: after the deadline the application goes to a judge (16B.1(9)) --------------------------------------


def test_the_sweep_moves_the_application_on_after_the_deadline_once(parties, travel):
    application = apply(parties)
    travel(uk(2027, 2, 16, 15, 59), tick=False)
    assert run_sweep(APPLICATION_RESPONSE_TIME).changed == 0
    travel(DUE, tick=False)
    assert run_sweep(APPLICATION_RESPONSE_TIME).changed == 1
    application.refresh_from_db()
    assert application.state == ApplicationState.REFERRED and application.respond_by is None
    assert Referral.objects.filter(application=application, kind=ReferralKind.APPLICATION).count() == 1
    assert run_sweep(APPLICATION_RESPONSE_TIME).changed == 0
    assert Referral.objects.filter(application=application).count() == 1
    assert parties.claim.events.filter(kind="online_application_time_passed").count() == 1


def test_a_late_sweep_gives_the_same_result(parties, travel):
    first = apply(parties)
    second = apply(parties, actor=parties.defendant_solicitor, order_sought="Strike out paragraph 4")
    travel(uk(2027, 3, 30, 9), tick=False)
    run = run_sweep(APPLICATION_RESPONSE_TIME)
    assert (run.examined, run.changed, run.failed) == (1, 1, 0)  # one claim, both its applications
    for application in (first, second):
        application.refresh_from_db()
        assert application.state == ApplicationState.REFERRED and application.respond_by is None
    assert run_sweep(APPLICATION_RESPONSE_TIME).examined == 0


def test_the_judge_decides_only_once_the_respondents_time_is_over(parties, travel, judge):
    application = apply(parties)
    assert not can(judge, parties.claim, Action.DECIDE_APPLICATION)
    travel(DUE, tick=False)
    run_sweep(APPLICATION_RESPONSE_TIME)
    claim = Claim.objects.get(pk=parties.claim.pk)
    assert can(judge, claim, Action.DECIDE_APPLICATION)
    decided = services.application_decide(application_id=application.pk, actor=judge, ruling=services.Ruling.REFUSE,
                                          reasons="No good reason for a second expert.")
    assert decided.state == ApplicationState.DECIDED


# -- without notice: straight to a judge; the respondent is told only of the decision (16B.1(6)) --------------------


def test_without_notice_goes_straight_to_a_judge_and_the_respondent_is_not_told(parties, travel, judge):
    application = apply(parties, with_notice=False, order_sought="A freezing order")
    assert application.state == ApplicationState.REFERRED and application.respond_by is None
    assert application.notified_at is None
    assert Referral.objects.get(application=application).kind == ReferralKind.APPLICATION
    assert emails_to("bea@baker.example") == [] and emails_to("service@baker.example") == []
    assert not can(parties.defendant_solicitor, parties.claim, Action.ANSWER_APPLICATION)
    services.application_decide(application_id=application.pk, actor=judge, ruling=services.Ruling.DIRECTIONS,
                                reasons="Granted until the return date.")
    assert len(emails_to("service@baker.example")) == 1  # told once the judge has decided


# -- appeals, enforcement and insolvency are refused online (16B.1(10)) --------------------------------------------


@pytest.mark.parametrize("subject, paragraph", [("appeal", "16B.1(10)(a)"), ("enforcement", "16B.1(10)(b)"),
                                                ("insolvency", "16B.1(10)(c)")])
def test_paper_only_applications_are_refused_with_the_reason(parties, subject, paragraph):
    with pytest.raises(services.PaperOnlyApplication) as refused:
        apply(parties, subject=subject)
    assert paragraph in str(refused.value) and refused.value.where == EARLY_ADOPTER
    assert not parties.claim.applications.exists()


# -- the claim leaves the online service while an application waits ------------------------------------------------


def test_a_judge_sending_the_claim_out_closes_a_waiting_application(parties, judge):
    application = apply(parties)
    services.judge_send_out(claim_id=parties.claim.pk, actor=judge, to="named_centre", court=EARLY_ADOPTER,
                            reason="The claim needs a hearing")
    application.refresh_from_db()
    assert application.state == ApplicationState.CLOSED and application.respond_by is None


def test_the_sweep_closes_an_application_left_waiting_on_a_claim_no_longer_online(parties, travel):
    application = apply(parties)
    Claim.objects.filter(pk=parties.claim.pk).update(state=ClaimState.SENT_OUT)
    travel(DUE, tick=False)
    assert run_sweep(APPLICATION_RESPONSE_TIME).changed == 1
    application.refresh_from_db()
    assert application.state == ApplicationState.CLOSED and application.respond_by is None
    assert not Referral.objects.filter(application=application).exists()
    assert run_sweep(APPLICATION_RESPONSE_TIME).examined == 0
