"""The online application pages (PD 51R 16B.1): the applicant's form, the paper-only refusal (16B.1(10)) and the
respondent's page, refused from 4pm on the 5th day (16B.1(9)). Reached by the parties' solicitors; 404 for a
read-only user of the firm, another firm and a party in person."""
from __future__ import annotations

import pytest
from django.urls import reverse

from defended import services
from defended.models import ApplicationState
from tests.conftest import uk
from tests.defended.online_application_data import early_adopter_claim
from tests.defended.test_staff_admin import step_url, text

pytestmark = pytest.mark.django_db

MADE_AT = uk(2027, 2, 11, 10)

FORM = {"subject": "claim", "order_sought": "Permission to rely on a second expert's report",
        "details": "The first expert has retired.", "with_notice": "yes", "consented": "no"}


@pytest.fixture
def parties(make_user, travel):
    travel(MADE_AT, tick=False)
    return early_adopter_claim(make_user)


def apply_url(claim):
    return reverse("defended:online_apply", kwargs={"public_id": claim.public_id})


def respond_url(claim, application):
    return reverse("defended:online_respond", kwargs={"public_id": claim.public_id, "application_id": application.pk})


def test_the_solicitors_reach_the_form_and_the_claim_page_links_it(parties, client):
    for solicitor in (parties.claimant_solicitor, parties.defendant_solicitor):
        client.force_login(solicitor)
        page = client.get(reverse("claims:detail", args=[parties.claim.public_id])).content.decode()
        assert apply_url(parties.claim) in page
        form = client.get(apply_url(parties.claim))
        assert form.status_code == 200 and "What order are you asking the court to make?" in form.content.decode()


def test_others_get_404(parties, client, make_user):
    for user in (parties.claimant_reader, parties.other_solicitor, make_user()):
        client.force_login(user)
        assert client.get(apply_url(parties.claim)).status_code == 404
        assert client.post(apply_url(parties.claim), FORM).status_code == 404
    assert not parties.claim.applications.exists()


def test_the_application_is_made_and_confirmed(parties, client):
    client.force_login(parties.claimant_solicitor)
    done = client.post(apply_url(parties.claim), FORM)
    application = parties.claim.applications.get()
    assert done.status_code == 302 and done["Location"] == reverse(
        "defended:application_sent", kwargs={"public_id": parties.claim.public_id, "application_id": application.pk})
    page = client.get(done["Location"]).content.decode()
    assert "16 February 2027" in page and "4pm" in page
    assert client.post(apply_url(parties.claim), FORM).status_code == 302  # a second press: the same application
    assert parties.claim.applications.count() == 1


def test_the_form_shows_its_errors(parties, client):
    client.force_login(parties.claimant_solicitor)
    page = client.post(apply_url(parties.claim), {"subject": "claim"}).content.decode()
    assert "govuk-error-summary" in page and "Enter the order you are asking the court to make" in page
    assert "Select whether the other side should be told about the application" in page
    assert not parties.claim.applications.exists()


@pytest.mark.parametrize("subject, paragraph", [("appeal", "16B.1(10)(a)"), ("enforcement", "16B.1(10)(b)"),
                                                ("insolvency", "16B.1(10)(c)")])
def test_paper_only_kinds_are_refused_with_the_reason_and_where_to_apply(parties, client, subject, paragraph):
    client.force_login(parties.defendant_solicitor)
    page = client.post(apply_url(parties.claim), {"subject": subject})
    text = page.content.decode()
    assert page.status_code == 200 and "You cannot make this application online" in text and paragraph in text
    assert "Manchester Civil Justice Centre" in text
    assert not parties.claim.applications.exists()


def test_the_respondent_answers_at_1559_and_is_refused_at_1600(parties, client, travel):
    application = services.online_application_make(
        claim_id=parties.claim.pk, actor=parties.claimant_solicitor, subject="claim", order_sought="An order",
        details="Because.", with_notice=True, consented=False)
    url = respond_url(parties.claim, application)
    # Only the respondent's solicitor reaches the page.
    for user in (parties.claimant_solicitor, parties.claimant_reader, parties.other_solicitor):
        client.force_login(user)
        assert client.get(url).status_code == 404
    client.force_login(parties.defendant_solicitor)
    claim_page = client.get(reverse("claims:detail", args=[parties.claim.public_id])).content.decode()
    assert url in claim_page
    travel(uk(2027, 2, 16, 15, 59), tick=False)
    page = client.get(url).content.decode()
    assert "Send the respondent’s information" in page
    travel(uk(2027, 2, 16, 16, 0), tick=False)
    refused = client.post(url, {"information": "We oppose it.", "consented_before": "no"}).content.decode()
    assert "govuk-error-summary" in refused and "The time for a response has passed" in refused
    application.refresh_from_db()
    assert application.state == ApplicationState.AWAITING_RESPONDENT and application.responded_at is None


def test_the_respondent_answers_in_time(parties, client, travel):
    application = services.online_application_make(
        claim_id=parties.claim.pk, actor=parties.defendant_solicitor, subject="claim", order_sought="An order",
        details="Because.", with_notice=True, consented=True)
    client.force_login(parties.claimant_solicitor)
    travel(uk(2027, 2, 16, 15, 59), tick=False)
    done = client.post(respond_url(parties.claim, application), {"information": "Agreed.", "consented_before": "yes"})
    assert done.status_code == 302
    application.refresh_from_db()
    assert application.consent_order and application.state == ApplicationState.REFERRED


def test_the_judge_reads_a_draft_consent_order_and_decides_it(parties, client, travel):
    application = services.online_application_make(
        claim_id=parties.claim.pk, actor=parties.claimant_solicitor, subject="claim",
        order_sought="The trial is adjourned to June", details="Both sides agree.", with_notice=True, consented=True)
    services.online_application_answer(application_id=application.pk, actor=parties.defendant_solicitor,
                                       information="Agreed.", consented_before=True)
    judge = parties.claim.directions_orders.get().made_by
    judge.is_staff = True
    judge.save()
    client.force_login(judge)
    form_page = text(client.get(step_url("decide_application", parties.claim)))
    assert "Draft consent order" in form_page and "The trial is adjourned to June" in form_page
    assert "A draft consent order: An online application (16B), by the claimant" in form_page
    done = client.post(step_url("decide_application", parties.claim), {
        "application": application.pk, "ruling": "directions", "reasons": "Consent order made as drafted."})
    assert done.status_code in (200, 302)
    application.refresh_from_db()
    assert application.state == ApplicationState.DECIDED and "Consent order made as drafted." in application.decision
