"""What a judge records on a judgment (``judgments.judges``): setting it aside from the claim's staff page,
the redetermination a party asked for, and the decision on an application to change the plan (7.12, 7.45).

The claim of ``tests.responses.conftest``: judgment in default asked for at 4pm on Monday 22 March 2027
(dated Tuesday 23 March); or, for redetermination and variation, a judgment on Dan's admission whose
terms a judge is to decide (7.15), entered on Wednesday 10 March 2027.
"""
from __future__ import annotations

import html
import re
from datetime import date
from typing import Any

import pytest
from django.urls import reverse

from claims.constants import ClaimState, SentOutTo
from claims.errors import ClaimError, NotAllowed
from claims.models import Claim
from claims.policy import Action, can
from court.models import Notification
from court.sweeps import run_sweep
from judgments import answers, applications, closing, judges
from judgments.models import Judgment, JudgmentState
from tests.conftest import uk
from tests.defended.conftest import judge, legal_adviser  # noqa: F401  (the court's staff)
from tests.judgments.test_states import court_plan_judgment, default_judgment

pytestmark = pytest.mark.django_db

SET_ASIDE = "Removed from the register (set aside by a judge)"


def step_url(claim: Claim) -> str:
    return reverse("admin:claims_claim_set_aside_judgment", args=[claim.pk])


def claim_page(client: Any, claim: Claim) -> str:
    response = client.get(reverse("admin:claims_claim_change", args=[claim.pk]))
    assert response.status_code == 200
    return text(response)


def text(response: Any) -> str:
    return re.sub(r"\s+", " ", html.unescape(response.content.decode()))


def fresh(judgment: Judgment) -> Judgment:
    return Judgment.objects.select_related("claim").get(pk=judgment.pk)


# -- setting aside, from the claim's staff page ------------------------------------------------------------------


def test_a_judge_sets_aside_a_judgment_from_the_claims_page(client, linked, travel, judge):  # noqa: F811
    judgment = default_judgment(linked, travel)
    claim, dan = linked
    travel(uk(2027, 3, 30, 10, 0), tick=False)
    client.force_login(judge)
    assert step_url(claim) in claim_page(client, claim) and "Set aside the judgment" in claim_page(client, claim)
    form = text(client.get(step_url(claim)))
    assert "Judgment in default (no response) on 000MC001" in form and "On the register of judgments." in form
    assert "CPR 13.4" in form

    refused = client.post(step_url(claim), {"to": SentOutTo.HOME_COURT})
    assert refused.status_code == 200 and "This field is required" in text(refused)
    named = client.post(step_url(claim), {"to": SentOutTo.NAMED_CENTRE, "reasons": "Wrongly entered"})
    assert "Enter the name of the hearing centre" in text(named)
    assert fresh(judgment).state == JudgmentState.ENTERED

    done = client.post(step_url(claim), {"to": SentOutTo.HOME_COURT,
                                         "reasons": "The defendant paid before the judgment was entered"})
    assert done.status_code == 302 and done.url == reverse("admin:claims_claim_change", args=[claim.pk])
    assert "The judgment has been set aside" in text(client.get(done.url))

    judgment = fresh(judgment)
    claim = judgment.claim
    assert judgment.state == JudgmentState.SET_ASIDE and judgment.register_status == SET_ASIDE
    assert judgment.register_removal_deadline is None
    assert claim.state == ClaimState.SENT_OUT and claim.sent_out_to == SentOutTo.HOME_COURT
    assert claim.sent_out_reason == ("the judgment was set aside by a judge: The defendant paid before the judgment "
                                     "was entered")
    set_aside = claim.events.get(kind="judgment_set_aside")
    assert set_aside.actor == judge and set_aside.actor_label == "Judith Bench, Judge"
    assert set_aside.summary == "A judge set aside the judgment: The defendant paid before the judgment was entered"
    assert claim.events.filter(kind="sent_out").count() == 1
    assert {n.to_email for n in Notification.objects.filter(kind="claim_sent_out")} == {claim.owner.email,
                                                                                        dan.email}
    # Nothing waits on it: no step on the page, none for the parties, no sweep.
    assert step_url(claim) not in claim_page(client, claim)
    assert not can(claim.owner, claim, Action.MARK_JUDGMENT_PAID)
    travel(uk(2027, 5, 1, 9, 0), tick=False)
    assert run_sweep("judgments.register_window").examined == 0


def test_a_judge_may_set_aside_a_judgment_already_paid_and_names_the_centre(linked, travel, judge):  # noqa: F811
    judgment = default_judgment(linked, travel)
    claim, _ = linked
    travel(uk(2027, 5, 3, 9, 0), tick=False)
    closing.judgment_mark_paid(claim_id=claim.pk, actor=claim.owner, paid_on=date(2027, 4, 30))
    assert fresh(judgment).state == JudgmentState.SATISFIED
    judges.judgment_set_aside(claim_id=claim.pk, actor=judge, reasons="Entered in error", to=SentOutTo.NAMED_CENTRE,
                              court=" Leeds   County Court ")
    judgment = fresh(judgment)
    assert judgment.state == JudgmentState.SET_ASIDE and judgment.satisfied_at is not None
    assert judgment.claim.sent_out_court == "Leeds County Court"
    with pytest.raises(NotAllowed):  # once
        judges.judgment_set_aside(claim_id=claim.pk, actor=judge, reasons="Again")


@pytest.mark.parametrize("who", ["caseworker", "legal_adviser", "claimant", "defendant"])
def test_only_a_judge_sets_aside_a_judgment(client, linked, travel, caseworker, legal_adviser, who):  # noqa: F811
    judgment = default_judgment(linked, travel)
    claim, dan = linked
    user = {"caseworker": caseworker, "legal_adviser": legal_adviser, "claimant": claim.owner, "defendant": dan}[who]
    with pytest.raises(NotAllowed):
        judges.judgment_set_aside(claim_id=claim.pk, actor=user, reasons="No")
    client.force_login(user)
    response = client.post(step_url(claim), {"to": SentOutTo.HOME_COURT, "reasons": "No"})
    assert response.status_code == 302
    if who in ("claimant", "defendant"):
        assert "/admin/login/" in response.url
    else:
        assert response.url == reverse("admin:claims_claim_change", args=[claim.pk])
        page = text(client.get(response.url))
        assert "Set aside the judgment: this claim is not waiting for that, or you cannot do it." in page
        assert step_url(claim) not in page
    judgment = fresh(judgment)
    assert judgment.state == JudgmentState.ENTERED and judgment.claim.state == ClaimState.JUDGMENT_ENTERED
    assert not judgment.claim.events.filter(kind="judgment_set_aside").exists()


def test_no_judgment_no_set_aside(client, linked, judge):  # noqa: F811
    claim, _ = linked
    client.force_login(judge)
    assert step_url(claim) not in claim_page(client, claim)
    assert client.get(step_url(claim)).status_code == 302
    with pytest.raises(NotAllowed):
        judges.judgment_set_aside(claim_id=claim.pk, actor=judge, reasons="Nothing to set aside")


def test_set_aside_needs_reasons_and_a_place(linked, travel, judge):  # noqa: F811
    default_judgment(linked, travel)
    claim, _ = linked
    with pytest.raises(ClaimError, match="why the judgment is set aside"):
        judges.judgment_set_aside(claim_id=claim.pk, actor=judge, reasons="  ")
    with pytest.raises(ClaimError, match="where the claim is to be sent"):
        judges.judgment_set_aside(claim_id=claim.pk, actor=judge, reasons="Error", to=SentOutTo.PREFERRED_COURT)


# -- what the judge at the home court decided -------------------------------------------------------------------


def test_a_judge_records_the_redetermination_a_party_asked_for(linked, travel, judge, caseworker):  # noqa: F811
    judgment = court_plan_judgment(linked, travel)
    claim, dan = linked
    with pytest.raises(NotAllowed):  # nobody asked
        judges.judgment_redetermination_decide(claim_id=claim.pk, actor=judge, order="£50 a month")
    answers.judgment_redetermination_request(claim_id=claim.pk, actor=dan, reasons="I cannot afford it")
    with pytest.raises(NotAllowed):
        judges.judgment_redetermination_decide(claim_id=claim.pk, actor=caseworker, order="£50 a month")
    with pytest.raises(ClaimError, match="plan for repayment"):
        judges.judgment_redetermination_decide(claim_id=claim.pk, actor=judge, order=" ")

    judges.judgment_redetermination_decide(claim_id=claim.pk, actor=judge, order="£50 a month from 1 May 2027")

    judgment = fresh(judgment)
    assert judgment.state == JudgmentState.REDETERMINED
    assert judgment.register_status == "On the register of judgments"
    assert judgment.claim.state == ClaimState.SENT_OUT
    event = judgment.claim.events.get(kind="judgment_redetermined")
    assert event.actor == judge and event.summary.endswith(": £50 a month from 1 May 2027")
    with pytest.raises(NotAllowed):  # once
        judges.judgment_redetermination_decide(claim_id=claim.pk, actor=judge, order="Again")


@pytest.mark.parametrize(("varied", "state", "kind"), [
    (True, JudgmentState.VARIED, "judgment_varied"),
    (False, JudgmentState.ENTERED, "variation_refused"),
])
def test_a_judge_decides_an_application_to_change_the_plan(linked, travel, judge, varied, state, kind):  # noqa: F811
    judgment = court_plan_judgment(linked, travel)
    claim, dan = linked
    travel(judgment.redetermination_deadline, tick=False)
    with pytest.raises(NotAllowed):  # nobody applied
        judges.judgment_variation_decide(claim_id=claim.pk, actor=judge, varied=varied, order="£20 a month")
    applications.judgment_variation_apply(claim_id=claim.pk, actor=dan, form_code="N245", reasons="Lost my job")
    assert fresh(judgment).state == JudgmentState.VARIATION_APPLIED_FOR

    judges.judgment_variation_decide(claim_id=claim.pk, actor=judge, varied=varied, order="£20 a month")

    judgment = fresh(judgment)
    assert judgment.state == state and judgment.claim.state == ClaimState.SENT_OUT
    assert judgment.claim.events.get(kind=kind).actor == judge
    with pytest.raises(NotAllowed):
        judges.judgment_variation_decide(claim_id=claim.pk, actor=judge, varied=varied, order="Again")


# -- the same two records, from the claim's staff page ------------------------------------------------------------


def test_a_judge_records_a_redetermination_and_a_variation_from_the_claims_page(client, linked, travel,
                                                                                judge):  # noqa: F811
    judgment = court_plan_judgment(linked, travel)
    claim, dan = linked
    client.force_login(judge)
    url = reverse("admin:claims_claim_redetermination", args=[claim.pk])
    assert url not in claim_page(client, claim)  # nobody asked
    answers.judgment_redetermination_request(claim_id=claim.pk, actor=dan, reasons="I cannot afford it")
    assert url in claim_page(client, claim)
    assert "7.12(6)" in text(client.get(url))
    assert "This field is required" in text(client.post(url, {}))
    done = client.post(url, {"order": "£40 a month from 1 May 2027"})
    assert done.status_code == 302
    assert fresh(judgment).state == JudgmentState.REDETERMINED
    assert url not in claim_page(client, claim)
    told = Notification.objects.filter(key__startswith=f"judgment-redetermined:{judgment.pk}")
    assert {n.to_email for n in told} == {claim.owner.email, dan.email}


def test_a_judge_refuses_a_variation_from_the_claims_page(client, linked, travel, judge):  # noqa: F811
    judgment = court_plan_judgment(linked, travel)
    claim, dan = linked
    travel(judgment.redetermination_deadline, tick=False)
    applications.judgment_variation_apply(claim_id=claim.pk, actor=dan, form_code="N245", reasons="Lost my job")
    client.force_login(judge)
    url = reverse("admin:claims_claim_variation", args=[claim.pk])
    assert url in claim_page(client, claim) and "7.45" in text(client.get(url))
    done = client.post(url, {"varied": "no", "order": "The defendant's circumstances have not changed."})
    assert done.status_code == 302
    assert fresh(judgment).state == JudgmentState.ENTERED
    assert "refused the application" in Notification.objects.filter(
        key__startswith=f"variation-decided:{judgment.pk}").first().body
