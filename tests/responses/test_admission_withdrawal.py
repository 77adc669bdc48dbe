"""The defendant asks permission to withdraw their admission (7.46): the claim is sent out, and a judge records the
decision from the claim's staff page; the response's own state follows."""
from __future__ import annotations

import html
import re
from typing import Any

import pytest
from django.urls import reverse
from django_fsm import can_proceed

from claims.constants import ClaimState
from claims.errors import NotAllowed
from claims.policy import Action, can
from court.models import Notification
from judgments import applications
from responses import standing
from responses.models import DefendantResponse, ResponseState
from tests.defended.conftest import caseworker, judge  # noqa: F401  (the court's staff)
from tests.judgments.test_answers import admitted
from tests.responses.test_services import DEFENCE_PAGES, respond

pytestmark = pytest.mark.django_db


def text(response: Any) -> str:
    return re.sub(r"\s+", " ", html.unescape(response.content.decode()))


def state(claim: Any) -> str:
    return DefendantResponse.objects.get(claim=claim).state


def test_a_judge_gives_permission_to_withdraw_an_admission(client, linked, travel, judge, caseworker):  # noqa: F811
    claim, dan = admitted(linked, travel)
    assert state(claim) == ResponseState.WITH_CLAIMANT
    assert not can(judge, claim, Action.DECIDE_ADMISSION_WITHDRAWAL)  # nothing asked yet
    assert can(dan, claim, Action.WITHDRAW_ADMISSION)
    applications.admission_withdrawal_apply(claim_id=claim.pk, actor=dan, reasons="I was wrong: I paid it")
    claim.refresh_from_db()
    assert claim.state == ClaimState.SENT_OUT and state(claim) == ResponseState.WITHDRAWAL_ASKED
    assert not can(dan, claim, Action.WITHDRAW_ADMISSION)  # asked once
    assert not can(caseworker, claim, Action.DECIDE_ADMISSION_WITHDRAWAL)
    with pytest.raises(NotAllowed):
        standing.response_withdrawal_decide(claim_id=claim.pk, actor=caseworker, permitted=True, reasons="Yes")

    url = reverse("admin:claims_claim_admission_withdrawal", args=[claim.pk])
    client.force_login(judge)
    page = text(client.get(reverse("admin:claims_claim_change", args=[claim.pk])))
    assert url in page and "Decide the application to withdraw the admission" in page
    assert "Practice Direction 14" in text(client.get(url))
    missing = client.post(url, {"permitted": "yes"})
    assert missing.status_code == 200 and "This field is required" in text(missing)
    assert state(claim) == ResponseState.WITHDRAWAL_ASKED

    done = client.post(url, {"permitted": "yes", "reasons": "The admission was made by mistake."})
    assert done.status_code == 302
    assert state(claim) == ResponseState.WITHDRAWN
    event = claim.events.get(kind="admission_withdrawal_decided")
    assert event.actor == judge and event.summary == ("The judge gave the defendant permission to withdraw their "
                                                      "admission (7.46): The admission was made by mistake.")
    told = Notification.objects.filter(key__startswith=f"admission-withdrawal:{claim.pk}")
    assert {n.to_email for n in told} == {claim.owner.email, dan.email}
    assert url not in text(client.get(reverse("admin:claims_claim_change", args=[claim.pk])))  # decided


def test_refusing_permission_leaves_the_admission_standing(linked, travel, judge):  # noqa: F811
    claim, dan = admitted(linked, travel)
    applications.admission_withdrawal_apply(claim_id=claim.pk, actor=dan, reasons="I changed my mind")
    standing.response_withdrawal_decide(claim_id=claim.pk, actor=judge, permitted=False, reasons="Too late.")
    assert state(claim) == ResponseState.WITHDRAWAL_REFUSED
    assert "refused the defendant permission" in claim.events.get(kind="admission_withdrawal_decided").summary
    with pytest.raises(NotAllowed):  # decided once
        standing.response_withdrawal_decide(claim_id=claim.pk, actor=judge, permitted=True, reasons="Again.")


def test_only_an_admission_can_be_withdrawn_and_only_a_defence_rejected(linked, travel):
    claim, dan = admitted(linked, travel)
    admission = DefendantResponse.objects.get(claim=claim)
    assert can_proceed(admission.ask_to_withdraw) and admission.admission_may_be_withdrawn
    assert not can_proceed(admission.reject)  # the claimant answers an admission's plan, not "rejects" it
    assert not can_proceed(admission.continue_as_defence)  # a full admission has no defence to go on with


def test_a_defence_cannot_be_withdrawn_as_an_admission(linked):
    claim, dan = linked
    defence = respond(claim, dan, response_type={"type": "reject"}, reject_reason={"reason": "dispute"},
                      **DEFENCE_PAGES)
    assert can_proceed(defence.reject)
    assert not can_proceed(defence.ask_to_withdraw) and not defence.admission_may_be_withdrawn
