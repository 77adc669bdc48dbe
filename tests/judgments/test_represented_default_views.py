"""The pages: the claimant's solicitor asks for judgment in default against a represented defendant (11.1B(2)-(3)),
sees every line with the fixed costs, and the refusals with their reasons; records a breathing space; a caseworker
records one from the claim's admin page. Others get 404."""
from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from claims.constants import ClaimState
from claims.models import BreathingSpace, BreathingSpaceState
from documents.models import ClaimDocument
from documents.services import document_render
from tests.documents.conftest import pdf_text
from tests.firm_factories import make_firm, make_member
from tests.judgments.test_represented_default import (  # noqa: F401
    AFTER_DEADLINE,
    _costed,
    against_firm,
    caseworker,
)
from tests.responses.test_agreed_extension import claimant_firm, defendant_firm, issued  # noqa: F401

pytestmark = pytest.mark.django_db



@pytest.fixture
def solicitor(claimant_firm):  # noqa: F811
    return make_member(claimant_firm, sees_all=True)  # with an authenticator app, as the firm pages need


ANSWERS = {"rule-rule_12_11": "no", "paid-paid": "no", "plan-option": "immediately"}


def _url(name: str, claim) -> str:
    return reverse(name, kwargs={"public_id": claim.public_id})


def test_the_claimants_solicitor_asks_for_judgment_with_every_line(client, against_firm, solicitor, travel):  # noqa: F811
    claim = against_firm
    travel(AFTER_DEADLINE, tick=False)
    client.force_login(solicitor)
    detail = client.get(_url("claims:detail", claim)).content.decode()
    assert "Request a county court judgment" in detail and "Record a debt respite breathing space" in detail
    url = _url("judgments:request_default", claim)
    page = client.get(url).content.decode()
    assert "11.1B(2)-(3)" in page and "Would CPR rule 12.11 apply" in page and "OCON205A" not in page
    missing = client.post(url, {"action": "check", "paid-paid": "no", "plan-option": "immediately"}).content.decode()
    assert "There is a problem" in missing and "Select yes if CPR rule 12.11 would apply" in missing
    check = client.post(url, {"action": "check", **ANSWERS}).content.decode()
    assert "Check the judgment you are asking for" in check
    for line in ("Amount claimed", "Interest to 3 March 2027", "Court fee", "Fixed costs on issue (CPR 45)",
                 "Fixed costs on entry of judgment (CPR 45)", "£1,450.90"):
        assert line in check
    done = client.post(url, {"action": "confirm", **ANSWERS})
    assert done.status_code == 302
    claim.refresh_from_db()
    assert claim.state == ClaimState.JUDGMENT_ENTERED
    detail = client.get(done["Location"]).content.decode()
    assert "Fixed costs on entry of judgment (CPR 45)" in detail
    # The judgment PDF has every line too.
    doc = ClaimDocument.objects.get(claim=claim, kind="judgment")
    assert document_render(document_id=doc.pk)
    doc.refresh_from_db()
    text = pdf_text(bytes(doc.content))
    assert "Fixed costs on issue (CPR 45)" in text and "Fixed costs on entry of judgment (CPR 45)" in text
    assert "£1,450.90" in text


def test_where_cpr_12_11_would_apply_the_page_says_apply_on_paper(client, against_firm, solicitor, travel):  # noqa: F811
    travel(AFTER_DEADLINE, tick=False)
    client.force_login(solicitor)
    page = client.post(_url("judgments:request_default", against_firm),
                       {"action": "check", **ANSWERS, "rule-rule_12_11": "yes"}).content.decode()
    assert "You cannot get judgment in default online" in page and "Part 23" in page and "CTSC" in page
    against_firm.refresh_from_db()
    assert against_firm.state == ClaimState.ISSUED


def test_the_solicitor_records_a_breathing_space_and_the_request_page_says_why_not(client, against_firm, solicitor,  # noqa: F811
                                                                                    travel):
    claim = against_firm
    travel(AFTER_DEADLINE, tick=False)
    client.force_login(solicitor)
    url = _url("claims:breathing_space", claim)
    assert "Record a breathing space" in client.get(url).content.decode()
    bad = client.post(url, {"kind": "standard", "starts_on_day": "31", "starts_on_month": "3",
                            "starts_on_year": "2027"})
    assert bad.status_code == 400 and "Enter the date a standard breathing space ends" in bad.content.decode()
    done = client.post(url, {"kind": "standard", "starts_on_day": "31", "starts_on_month": "3",
                             "starts_on_year": "2027", "ends_on_day": "29", "ends_on_month": "5",
                             "ends_on_year": "2027"})
    assert done.status_code == 302
    assert BreathingSpace.objects.get(claim=claim).ends_on == date(2027, 5, 29)
    detail = client.get(_url("claims:detail", claim)).content.decode()
    assert "A standard breathing space is recorded for the defendant from 31 March 2027 to 29 May 2027" in detail
    page = client.get(_url("judgments:request_default", claim)).content.decode()
    assert "You cannot get judgment in default online" in page and "breathing space moratorium" in page
    assert "rule_12_11" not in page  # nothing to fill in
    # Its end is recorded from the same page.
    assert "Record the end of the breathing space" in client.get(url).content.decode()
    client.post(url, {"ends_on_day": "31", "ends_on_month": "3", "ends_on_year": "2027"})
    assert BreathingSpace.objects.get(claim=claim).state == BreathingSpaceState.ENDED
    assert "Would CPR rule 12.11 apply" in client.get(_url("judgments:request_default", claim)).content.decode()


def test_others_get_404(client, against_firm, claimant_firm, make_user, travel):  # noqa: F811
    travel(AFTER_DEADLINE, tick=False)
    for user in (make_user("eve@example.com"), make_member(make_firm("Carter & Sons"), sees_all=True),
                 make_member(claimant_firm)):  # of the firm, but neither sees all nor is allocated it
        client.force_login(user)
        for name in ("judgments:request_default", "claims:breathing_space"):
            assert client.get(_url(name, against_firm)).status_code == 404
    assert not BreathingSpace.objects.exists()


def test_the_defendants_firm_can_neither_ask_nor_record(client, against_firm, defendant_firm, travel):  # noqa: F811
    travel(AFTER_DEADLINE, tick=False)
    client.force_login(make_member(defendant_firm, sees_all=True))
    detail = client.get(_url("claims:detail", against_firm)).content.decode()
    assert "Request a county court judgment" not in detail and "breathing space" not in detail
    assert client.get(_url("claims:breathing_space", against_firm)).status_code == 302
    against_firm.refresh_from_db()
    assert against_firm.state == ClaimState.ISSUED


def test_a_caseworker_records_a_breathing_space_from_the_admin(client, against_firm, caseworker, travel):  # noqa: F811
    travel(AFTER_DEADLINE, tick=False)
    client.force_login(caseworker)
    change = client.get(reverse("admin:claims_claim_change", args=[against_firm.pk])).content.decode()
    url = reverse("admin:claims_claim_breathing_space", args=[against_firm.pk])
    assert url in change
    done = client.post(url, {"kind": "mental_health_crisis", "starts_on": "2027-03-30", "ends_on": ""})
    assert done.status_code == 302
    space = BreathingSpace.objects.get(claim=against_firm)
    assert space.kind == "mental_health_crisis" and space.ends_at is None and space.recorded_by == caseworker
    assert "Record the end of the breathing space" in client.get(
        reverse("admin:claims_claim_change", args=[against_firm.pk])).content.decode()
