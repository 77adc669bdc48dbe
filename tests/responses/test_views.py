"""The defendant's pages: linking (with its rate limit), who sees what, and the response pages."""
from __future__ import annotations

import pytest
from django.urls import reverse

from claims.constants import ClaimState
from responses import services
from tests.conftest import uk

pytestmark = pytest.mark.django_db


def test_linking_from_the_letter_shows_the_claim_with_the_deadline_in_words(client, issue_claim, make_user):
    claim = issue_claim()
    dan = make_user("dan@example.com", full_name="Dan Defendant")
    client.force_login(dan)
    response = client.post("/respond/", {"claim_number": claim.claim_number, "security_code": claim.security_code})
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Respond by <strong>4pm on Monday 22 March 2027</strong>" in page
    dashboard = client.get("/claims/").content.decode()
    assert "Claims against you" in dashboard and claim.claim_number in dashboard
    assert "Respond by 4pm on Monday 22 March 2027" in dashboard


def test_a_wrong_pair_gets_one_generic_error_and_attempts_are_limited(client, issue_claim, make_user):
    claim = issue_claim()
    client.force_login(make_user("eve@example.com"))
    for _ in range(5):
        page = client.post("/respond/", {"claim_number": claim.claim_number, "security_code": "AAAAAAAA"})
        assert page.status_code == 400
        assert services.LINK_ERROR in page.content.decode()
    # Locked out now, even with the right code.
    page = client.post("/respond/", {"claim_number": claim.claim_number, "security_code": claim.security_code})
    assert "too many times" in page.content.decode()
    claim.refresh_from_db()
    assert claim.defendant_user is None


def test_a_defendant_gets_404_on_every_url_of_another_claim(client, linked, issue_claim, make_user):
    _, dan = linked
    other = issue_claim(owner=make_user("olga@example.com"))
    client.force_login(dan)
    urls = [reverse(name, kwargs={"public_id": other.public_id}) for name in (
        "responses:claim", "responses:more_time", "responses:task_list", "responses:counterclaim",
        "responses:check", "responses:submitted", "claims:detail", "claims:fee")]
    urls.append(reverse("responses:question", kwargs={"public_id": other.public_id, "slug": "response_type"}))
    urls.append(reverse("claims:document", kwargs={"public_id": other.public_id, "kind": "sealed_claim"}))
    for url in urls:
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"type": "reject"}).status_code in (404, 405), url


def test_the_claimant_never_sees_the_draft_response_pages(client, linked):
    claim, dan = linked
    services.response_draft_save(claim_id=claim.pk, actor=dan, values={"response_type": {"type": "full_admission"}})
    client.force_login(claim.owner)
    for name in ("responses:task_list", "responses:check", "responses:more_time"):
        response = client.get(reverse(name, kwargs={"public_id": claim.public_id}))
        assert response.status_code == 302  # to the claim page, never the form
    page = client.get(reverse("responses:question", kwargs={"public_id": claim.public_id, "slug": "income"}))
    assert page.status_code == 302
    assert client.get(page["Location"], follow=True).status_code == 200


def test_question_pages_show_errors_and_keep_answers(client, linked):
    claim, dan = linked
    client.force_login(dan)
    url = reverse("responses:question", kwargs={"public_id": claim.public_id, "slug": "response_type"})
    page = client.post(url, {})
    assert page.status_code == 200
    text = page.content.decode()
    assert "There is a problem" in text and "Choose your response" in text and "<title>Error:" in text
    assert client.post(url, {"type": "full_admission"}).status_code == 302
    url = reverse("responses:question", kwargs={"public_id": claim.public_id, "slug": "payment_option"})
    assert client.post(url, {"option": "immediately"})["Location"].endswith("/response/")
    assert 'value="immediately" checked' in client.get(url).content.decode()


def test_the_whole_defence_through_the_pages(client, linked, travel, hearing_centres):
    from tests.responses.test_services import fill_hearing

    claim, dan = linked
    client.force_login(dan)
    base = f"/respond/{claim.public_id}/response"
    assert client.post(f"{base}/response_type/", {"type": "reject"})["Location"] == f"{base}/reject_reason/"
    client.post(f"{base}/reject_reason/", {"reason": "dispute"})
    client.post(f"{base}/details/", {"phone": "", "date_of_birth_day": "1", "date_of_birth_month": "1",
                                     "date_of_birth_year": "1980"})
    assert client.post(f"{base}/defence/", {"text": "Never ordered it."})["Location"] == f"{base}/defence_timeline/"
    rows = {"rows-TOTAL_FORMS": "1", "rows-INITIAL_FORMS": "0", "rows-0-date": "May 2026",
            "rows-0-event": "They knocked on my door"}
    assert client.post(f"{base}/defence_timeline/", {**rows, "action": "save"}).status_code == 302
    client.post(f"{base}/defence_evidence/", {"rows-TOTAL_FORMS": "0", "rows-INITIAL_FORMS": "0", "action": "save"})
    client.post(f"{base}/hearing_court/", {"court": "Leeds County Court"})
    client.post(f"{base}/mediation/", {"willing": "no", "reason": ""})
    fill_hearing(claim, dan)
    check = client.get(f"{base}/check/")
    assert check.status_code == 200
    text = check.content.decode()
    assert "They knocked on my door" in text and "Defence: rejects all of the claim" in text
    page = client.post(f"{base}/check/", {"signed_name": ""})
    assert "Confirm that you believe" in page.content.decode()
    done = client.post(f"{base}/check/", {"believe": "yes", "signed_name": "Dan Defendant"})
    assert done["Location"] == f"{base}/submitted/"
    claim.refresh_from_db()
    assert claim.state == ClaimState.AWAITING_CLAIMANT_RESPONSE
    assert "You have submitted your response" in client.get(done["Location"]).content.decode()
    # The claimant sees the response as received.
    client.force_login(claim.owner)
    detail = client.get(f"/claims/{claim.public_id}/").content.decode()
    assert "The defendant's response" in detail and "Does not want to try mediation" in detail


def test_more_time_page(client, linked):
    claim, dan = linked
    client.force_login(dan)
    url = reverse("responses:more_time", kwargs={"public_id": claim.public_id})
    page = client.get(url).content.decode()
    assert "4pm on Monday 5 April 2027" in page
    assert client.post(url, {"more_time": "yes"}).status_code == 302
    claim.refresh_from_db()
    assert claim.response_deadline == uk(2027, 4, 5, 16, 0)


def test_an_answer_typed_under_a_choice_not_made_is_not_saved(client, linked):
    claim, dan = linked
    client.force_login(dan)
    base = f"/respond/{claim.public_id}/response"
    client.post(f"{base}/response_type/", {"type": "reject"})
    client.post(f"{base}/reject_reason/", {"reason": "dispute"})
    posted = client.post(f"{base}/mediation/", {"willing": "no", "phone": "not a number " * 5, "reason": "Busy"})
    assert posted.status_code == 302
    assert services.response_draft(claim)["mediation"] == {"willing": "no", "phone": "", "contact_name": "",
                                                            "reason": "Busy"}
