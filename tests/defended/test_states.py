"""The lifecycles of a referral and of an application (defended.models): each transition happens on
the journeys that take it, only the services take it, and a transition not allowed from a state,
or without its condition, is refused."""
from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction
from django_fsm import TransitionNotAllowed

from claims.constants import ClaimState
from claims.models import Claim
from defended import services
from defended.models import Application, Referral
from ocmc import clock
from tests.defended.conftest import continue_claim

pytestmark = pytest.mark.django_db


def states(claim: Claim) -> set[tuple[str, str]]:
    return set(Referral.objects.filter(claim=claim).values_list("kind", "state"))


# -- on the journeys ---------------------------------------------------------------------------------------------


def test_forms_passed_to_a_judge_leave_the_advisers_referral_passed_on(defence, adviser_courts, legal_adviser):
    claim, _ = defence(mediation=False)
    claim = continue_claim(claim, mediation=False)
    assert states(claim) == {("directions", "open")}
    first = Referral.objects.get(claim=claim)
    assert first.to == "legal_adviser"
    services.refer(claim_id=claim.pk, actor=legal_adviser, to="judge", reason="A point of law for a judge")
    first = Referral.objects.get(pk=first.pk)
    assert first.state == "passed_on" and first.outcome == "Passed to a judge" and first.closed_by == legal_adviser
    [waiting] = Referral.objects.filter(claim=claim, state="open")
    assert waiting.to == "judge" and waiting.kind == "directions"


def test_a_matter_referred_before_the_forms_stays_open_beside_them(defence, caseworker):
    """Only directions questionnaires are passed on: a matter referred stays where it went."""
    claim, _ = defence()
    services.refer(claim_id=claim.pk, actor=caseworker, to="judge", reason="The defendant phoned about a hearing")
    assert states(claim) == {("matter", "open")}


def test_a_judge_sending_the_claim_out_closes_what_was_waiting(defence, adviser_courts, judge):
    claim, dan = defence(mediation=False)
    claim = continue_claim(claim, mediation=False)
    application = services.application_make(claim_id=claim.pk, actor=dan, kind="other", details="More time, please.")
    assert Application.objects.get(pk=application.pk).state == "referred"
    assert states(claim) == {("directions", "open"), ("application", "open")}
    services.judge_send_out(claim_id=claim.pk, actor=judge, to="cnbc", reason="Not suitable for the online service")
    assert Claim.objects.get(pk=claim.pk).state == ClaimState.SENT_OUT
    assert states(claim) == {("directions", "closed"), ("application", "closed")}
    assert set(Referral.objects.filter(claim=claim).values_list("outcome", flat=True)) == {
        "Sent out of the online service"}
    application = Application.objects.get(pk=application.pk)
    assert application.state == "closed" and application.decision == "The claim was sent out"


def test_every_application_but_a_broken_settlement_is_referred_to_a_judge(defence):
    claim, dan = defence()
    for actor, kind in ((claim.owner, "other"), (dan, "leave_online")):
        application = services.application_make(claim_id=claim.pk, actor=actor, kind=kind, details="Please.")
        application = Application.objects.get(pk=application.pk)
        assert application.state == "referred" and application.decided_at is None
        assert application.referrals.get().state == "open"


# -- refused ------------------------------------------------------------------------------------------------------


def _referral(claim: Claim, kind: str = "directions") -> Referral:
    return Referral.objects.create(claim=claim, kind=kind, to="judge", reason="x", created_at=clock.now())


def _application(claim: Claim, kind: str = "other") -> Application:
    return Application.objects.create(claim=claim, kind=kind, applicant_role="claimant", made_by=claim.owner,
                                      made_at=clock.now(), received_on=clock.today(), details="x")


def test_a_referral_ends_once(defence, judge):
    claim, _ = defence()
    for end in ("decide", "pass_on", "close"):
        referral = _referral(claim)
        getattr(referral, end)(by=judge, outcome="Done", at=clock.now())
        referral.save()
        for again in ("decide", "pass_on", "close"):
            with pytest.raises(TransitionNotAllowed):
                getattr(referral, again)(by=judge, outcome="Again", at=clock.now())


def test_only_directions_questionnaires_are_passed_on(defence, judge):
    claim, _ = defence()
    for kind in ("reconsideration", "application", "matter", "default_judgment"):
        referral = _referral(claim, kind)
        with pytest.raises(TransitionNotAllowed):
            referral.pass_on(by=judge, outcome="Passed to a legal adviser", at=clock.now())
        assert referral.state == "open" and referral.closed_at is None


def test_an_application_is_referred_or_acted_on_at_once_never_both(defence):
    claim, _ = defence()
    broken = _application(claim, "settlement_broken")
    with pytest.raises(TransitionNotAllowed):  # 6.2(11): the court acts on it at once
        broken.refer()
    other = _application(claim, "other")
    with pytest.raises(TransitionNotAllowed):  # only a broken settlement is acted on as it arrives
        other.decide_at_once(decision="x", at=clock.now())
    with pytest.raises(TransitionNotAllowed):  # a judge decides what was referred to them
        other.decide(decision="x", at=clock.now())
    other.refer()
    other.save()
    with pytest.raises(TransitionNotAllowed):
        other.refer()
    other.decide(decision="Refused", at=clock.now())
    other.save()
    for again in ("decide", "close"):
        with pytest.raises(TransitionNotAllowed):
            getattr(other, again)(decision="Again", at=clock.now())
    assert Application.objects.get(pk=other.pk).state == "decided"


def test_the_state_is_changed_only_by_a_transition(defence):
    claim, _ = defence()
    referral, application = _referral(claim), _application(claim)
    with pytest.raises(AttributeError):
        referral.state = "decided"
    with pytest.raises(AttributeError):
        application.state = "decided"


@pytest.mark.postgres
def test_the_database_keeps_each_state_and_its_record_in_step(defence, judge):
    """One truth: a referral is open exactly when it has no closed_at; an application waits exactly when
    it has no decided_at. A row changed behind the transitions' back is refused."""
    claim, _ = defence()
    referral, application = _referral(claim), _application(claim)
    for rows, change in ((Referral.objects.filter(pk=referral.pk), {"closed_at": clock.now()}),
                         (Referral.objects.filter(pk=referral.pk), {"state": "decided"}),
                         (Application.objects.filter(pk=application.pk), {"decided_at": clock.now()}),
                         (Application.objects.filter(pk=application.pk), {"state": "closed"})):
        with pytest.raises(IntegrityError), transaction.atomic():
            rows.update(**change)
    referral.decide(by=judge, outcome="Done", at=clock.now())
    referral.save()
    with pytest.raises(IntegrityError), transaction.atomic():
        Referral.objects.filter(pk=referral.pk).update(closed_at=None)
