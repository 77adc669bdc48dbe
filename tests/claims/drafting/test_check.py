"""Check your answers, the figures and the statement of truth (PD 51R 13.1)."""
from __future__ import annotations

import pytest
from django.urls import reverse

from claims import services
from claims.constants import ClaimState
from claims.errors import ClaimError
from tests.conftest import uk

from .conftest import assert_error, summary, url

pytestmark = pytest.mark.django_db

STATEMENT = (
    "I believe that the facts stated in this claim form are true. I understand that proceedings for contempt of "
    "court may be brought against anyone who makes, or causes to be made, a false statement in a document verified "
    "by a statement of truth without an honest belief in its truth."
)


@pytest.fixture
def claim(make_draft, travel):
    travel(uk(2026, 6, 10, 10, 0))  # a Wednesday before 4pm: submitted today
    return make_draft(interest={"choice": "standard", "from": "date", "from_date": "2026-03-02",
                                "from_reason": "The invoice was due"})


def test_the_answers_with_change_links_that_come_back(signed_in, claim):
    page = signed_in.get(url("check", claim)).content.decode()
    assert "<h1 class=\"govuk-heading-l\">Check your answers before submitting your claim</h1>" in page
    for name in ("claimant_type", "claimant_details", "defendant_type", "defendant_details", "amount", "interest",
                 "interest_from", "what_happened", "timeline", "evidence"):
        assert f'href="{url(name, claim, "?return=check")}"' in page, name
    assert "Ms Sam Claimant" in page and "Acme Building Ltd" in page and "2 Low Road<br>Leeds<br>LS1 1AA" in page
    assert "17 May 1980" in page and "Unpaid invoice 1001" in page and "The quote they accepted" in page
    assert "Change<span class=\"govuk-visually-hidden\"> address</span>" in page


def test_the_figures(signed_in, claim):
    """£1,000 at 8% from 100 days before submission: £21.92; £1,021.92 pays the £80 fee."""
    page = signed_in.get(url("check", claim)).content.decode()
    figures = page[page.index('id="claim-figures"'):]
    for key, value in [
        ("Claim amount", "£1,000.00"),
        ("Interest to 10 June 2026", "£21.92"),
        ("Interest after that", "£0.22 a day"),
        ("Amount claimed", "£1,021.92"),
        ("Court fee", "£80.00"),
        ("Total", "£1,101.92"),
    ]:
        row = figures[figures.index(f'<dt class="govuk-summary-list__key">{key}</dt>'):]
        assert value in row[: row.index("</dd>")], key


def test_after_4pm_interest_runs_to_the_next_open_day(signed_in, claim, travel):
    travel(uk(2026, 6, 12, 16, 0))  # Friday 4pm: counts as Monday 15 June
    page = signed_in.get(url("check", claim)).content.decode()
    assert "Interest to 15 June 2026" in page and "£23.01" in page  # 105 days


def test_the_statement_of_truth(signed_in, claim):
    page = signed_in.get(url("check", claim)).content.decode()
    assert STATEMENT in page
    assert '<label class="govuk-label govuk-checkboxes__label" for="id_believe">I believe that the facts stated in ' \
           'this claim form are true</label>' in page
    assert 'for="id_signed_name">Full name</label>' in page and "Date: <strong>10 June 2026</strong>" in page


def test_the_statement_must_be_confirmed_and_signed(signed_in, claim):
    response = signed_in.post(url("check", claim), {"signed_name": ""})
    assert summary(response) == [
        ("#id_believe", "Confirm that you believe the facts stated in this claim form are true"),
        ("#id_signed_name", "Enter your full name to sign the statement of truth"),
    ]
    response = signed_in.post(url("check", claim), {"signed_name": "Sam Claimant"})
    assert_error(response, "#id_believe", "Confirm that you believe the facts stated in this claim form are true")
    assert 'value="Sam Claimant"' in response.content.decode()
    claim.refresh_from_db()
    assert claim.state == ClaimState.DRAFT


def test_submitting(signed_in, claim, owner):
    response = signed_in.post(url("check", claim), {"believe": "yes", "signed_name": "Sam Claimant"})
    assert response["Location"] == reverse("claims:fee", kwargs={"public_id": claim.public_id})
    claim.refresh_from_db()
    assert claim.state == ClaimState.AWAITING_FEE and claim.sot_signed_name == "Sam Claimant"
    assert str(claim.interest) == "21.92" and str(claim.fee) == "80.00"
    # The draft pages are closed now.
    assert signed_in.get(url("check", claim))["Location"] == reverse("claims:detail", args=[claim.public_id])


def test_a_refusal_is_shown_in_the_error_summary(signed_in, claim, monkeypatch):
    def refuse(**kwargs):
        raise ClaimError("The court cannot take claims just now")

    monkeypatch.setattr(services, "claim_submit", refuse)
    response = signed_in.post(url("check", claim), {"believe": "yes", "signed_name": "Sam Claimant"})
    assert response.status_code == 200 and "<title>Error: " in response.content.decode()
    assert "The court cannot take claims just now" in response.content.decode()
    assert 'value="Sam Claimant"' in response.content.decode()


def test_an_incomplete_draft_says_what_to_finish(signed_in, new_draft):
    response = signed_in.get(url("check", new_draft))
    page = response.content.decode()
    assert response.status_code == 200 and "You have not finished your claim" in page
    for name, title in [("claimant_type", "Your details"), ("defendant_type", "The defendant&#x27;s details"),
                        ("amount", "Claim amount"), ("interest", "Interest"), ("what_happened", "Claim details")]:
        assert f'<a class="govuk-link" href="{url(name, new_draft)}">{title}</a>' in page
    assert "Statement of truth" not in page
    assert signed_in.post(url("check", new_draft), {"believe": "yes", "signed_name": "Sam"}).status_code == 200
    new_draft.refresh_from_db()
    assert new_draft.state == ClaimState.DRAFT


def test_a_claim_over_the_limit_cannot_be_submitted(signed_in, make_draft, travel):
    travel(uk(2026, 6, 10, 10, 0))
    # Under the limit when the interest was saved; over it now that more days have run.
    claim = make_draft(amount={"items": [{"description": "Invoice", "amount": "9900"}]},
                       interest={"choice": "standard", "from": "date", "from_date": "2026-01-01",
                                 "from_reason": "Invoice due"})
    page = signed_in.get(url("check", claim)).content.decode()
    assert "You can only claim up to £10,000.00, including interest" in page and "Statement of truth" not in page
    signed_in.post(url("check", claim), {"believe": "yes", "signed_name": "Sam Claimant"})
    claim.refresh_from_db()
    assert claim.state == ClaimState.DRAFT
