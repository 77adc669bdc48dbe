"""A whole claim drafted page by page, as a person without JavaScript would."""
from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from claims import ocon1
from claims.models import Claim
from rules import eligibility as rules
from tests.conftest import uk

from .conftest import url
from .factories import complete_draft_data

pytestmark = pytest.mark.django_db


def test_the_factory_gives_a_complete_draft():
    form = ocon1.read(complete_draft_data())
    assert form.principal == Decimal("1000.00") and form.defendant.display_name == "Acme Building Ltd"
    assert not ocon1.is_complete(complete_draft_data(particulars={}))


def test_drafting_a_whole_claim(signed_in, travel):
    travel(uk(2026, 6, 10, 10, 0))
    session = signed_in.session
    session["eligibility"] = {q.slug: sorted(q.eligible_values)[0] for q in rules.QUESTIONS}
    session.save()
    signed_in.post(reverse("drafting:start"))
    claim = Claim.objects.get()

    def post(name, data, then):
        response = signed_in.post(url(name, claim), data)
        assert response.status_code == 302, response.content.decode()[:3000]
        assert response["Location"] == url(then, claim)

    post("claimant_type", {"type": "sole_trader"}, "claimant_details")
    post("claimant_details", {"full_name": "Sam Claimant", "trading_name": "Sam's Walls",
                              "address_line1": "1 High Street", "town": "Glasgow", "postcode": "G1 1AA"}, "task_list")
    post("defendant_type", {"type": "individual"}, "defendant_details")
    post("defendant_details", {"full_name": "Dan Defendant", "address_line1": "2 Low Road", "town": "Swansea",
                               "postcode": "SA1 1AA"}, "task_list")
    post("amount", {"items-TOTAL_FORMS": "2", "items-INITIAL_FORMS": "0", "items-0-description": "Invoice 1",
                    "items-0-amount": "£600", "items-1-description": "Invoice 2", "items-1-amount": "400.00"},
         "task_list")
    post("interest", {"choice": "standard"}, "interest_from")
    post("interest_from", {"start": "date", "from_date_day": "2", "from_date_month": "3", "from_date_year": "2026",
                           "from_reason": "The invoice was due"}, "task_list")
    post("what_happened", {"what_happened": "I built a wall. Dan has not paid."}, "timeline")
    post("timeline", {"timeline-TOTAL_FORMS": "1", "timeline-INITIAL_FORMS": "0", "timeline-0-date": "March 2026",
                      "timeline-0-event": "Wall built"}, "evidence")
    post("evidence", {"evidence-TOTAL_FORMS": "1", "evidence-INITIAL_FORMS": "0", "evidence-0-type": "contract",
                      "evidence-0-description": "The quote"}, "task_list")

    claim.refresh_from_db()
    form = ocon1.read(claim.draft_data)
    assert form.claimant.display_name == "Sam Claimant trading as Sam's Walls"
    assert form.claimant.email == claim.owner.email and form.defendant.address.postcode == "SA1 1AA"
    assert form.principal == Decimal("1000.00") and form.interest.start.isoformat() == "2026-03-02"
    assert form.timeline == (ocon1.TimelineRow("March 2026", "Wall built"),)
    assert form.evidence == (ocon1.EvidenceRow("contract", "The quote"),)

    task_list = signed_in.get(url("task_list", claim)).content.decode()
    assert task_list.count("Completed") == 5
    check = signed_in.get(url("check", claim)).content.decode()
    assert "£1,021.92" in check and "£80.00" in check and "£1,101.92" in check
    response = signed_in.post(url("check", claim), {"believe": "yes", "signed_name": "Sam Claimant"})
    assert response["Location"] == reverse("claims:fee", kwargs={"public_id": claim.public_id})
