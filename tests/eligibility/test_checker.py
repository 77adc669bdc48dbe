"""The eligibility checker's pages (PD 51R 2.1(3)): one question a page, GOV.UK style."""
from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from eligibility import session
from rules import eligibility as rules
from tests.rules.test_eligibility import ANSWER_TABLE, PASSING

pytestmark = pytest.mark.django_db

FAILING = [(slug, value, reason) for slug, value, reason in ANSWER_TABLE if reason]


def q_url(slug: str) -> str:
    return reverse("eligibility:question", kwargs={"slug": slug})


def reason_url(reason: str) -> str:
    return reverse("eligibility:ineligible", kwargs={"reason": reason})


class Page(HTMLParser):
    """The parts of a page the tests look at: ids, radios, links, the title and the h1."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.ids: dict[str, dict[str, str | None]] = {}
        self.radios: list[dict[str, str | None]] = []
        self.links: list[dict[str, str | None]] = []
        self.title = ""
        self.h1 = ""
        self._in: str | None = None
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids[a["id"]] = {"tag": tag, **a}
        if tag == "input" and a.get("type") == "radio":
            self.radios.append(a)
        if tag == "a":
            self.links.append(a)
        if tag in ("title", "h1"):
            self._in = tag

    def handle_endtag(self, tag: str) -> None:
        if tag == self._in:
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "title":
            self.title += data
        elif self._in == "h1":
            self.h1 += data

    @property
    def back_link(self) -> str | None:
        return next((a["href"] for a in self.links if "govuk-back-link" in (a.get("class") or "")), None)

    @property
    def checked(self) -> str | None:
        return next((r["value"] for r in self.radios if "checked" in r), None)


def page(response) -> Page:
    return Page(response.content.decode())


def answer_up_to(client, slug: str) -> None:
    """Answer every question before ``slug`` with a passing answer, through the pages."""
    for question in rules.QUESTIONS:
        if question.slug == slug:
            return
        response = client.post(q_url(question.slug), {"answer": PASSING[question.slug]})
        assert response.status_code == 302


def test_the_checker_is_open_to_anonymous_people(client):
    for url in (reverse("eligibility:start"), q_url("claim-amount"), reason_url("personal-injury")):
        response = client.get(url)
        assert response.status_code == 200, url
    start = page(client.get(reverse("eligibility:start")))
    assert start.h1 == "Check if you can make a claim online"
    assert any(a["href"] == q_url("claim-amount") and "govuk-button--start" in a["class"] for a in start.links)


def test_happy_path_through_every_question_to_the_eligible_page(client):
    url = q_url(rules.QUESTIONS[0].slug)
    for question in rules.QUESTIONS:
        assert url == q_url(question.slug)
        shown = page(client.get(url))
        assert shown.h1.strip() == question.text
        assert shown.title.startswith(question.text) and not shown.title.startswith("Error")
        assert [r["value"] for r in shown.radios] == [o.value for o in question.options]
        response = client.post(url, {"answer": PASSING[question.slug]})
        assert response.status_code == 302
        url = response["Location"]
    assert url == reverse("eligibility:eligible")
    result = client.get(url)
    assert result.status_code == 200
    shown = page(result)
    assert shown.h1 == "You can use this service"
    assert shown.back_link == q_url(rules.QUESTIONS[-1].slug)
    assert session.answers(result.wsgi_request) == PASSING
    assert session.passed(result.wsgi_request)
    start = [a for a in shown.links if "govuk-button--start" in (a.get("class") or "")]
    assert len(start) == 1 and start[0]["href"]  # drafting:start, or the dashboard until it exists
    try:
        expected = reverse("drafting:start")
    except Exception:  # NoReverseMatch: the drafting pages are not there yet
        expected = reverse("claims:dashboard")
    assert start[0]["href"] == expected


@pytest.mark.parametrize("slug, value, reason", FAILING, ids=[f"{s}={v}" for s, v, _ in FAILING])
def test_each_failing_answer_stops_on_its_page_with_its_reason(client, slug, value, reason):
    answer_up_to(client, slug)
    response = client.post(q_url(slug), {"answer": value})
    assert response.status_code == 302 and response["Location"] == reason_url(reason)
    shown_response = client.get(response["Location"])
    assert shown_response.status_code == 200
    text = shown_response.content.decode()
    failure = rules.failure_for_reason(reason)
    shown = page(shown_response)
    assert shown.h1 == failure.reason.title
    for paragraph in failure.reason.explanation + failure.reason.instead:
        assert paragraph in text
    assert f"Practice Direction 51R, paragraph{'s' if ',' in failure.pd else ''} {failure.pd}." in text
    assert rules.MAKE_A_CLAIM_URL in text
    assert ("Civil National Business Centre" in text) == failure.reason.paper_claim
    assert ('id="solicitor-service"' in text) == failure.reason.solicitor_service
    assert "MyHMCTS" not in text  # a registered legal representative makes the claim here (PD 51R 2.1(3)(d)(ii)-(iii))
    if failure.reason.solicitor_service:
        assert f'href="{reverse("eligibility:represented_start")}"' in text
    assert shown.back_link == q_url(slug)
    # They cannot go on: the next question, and the result page, send them back to the reason.
    following = rules.following_question(slug)
    if following is not None:
        assert client.get(q_url(following.slug))["Location"] == reason_url(reason)
    assert client.get(reverse("eligibility:eligible"))["Location"] == reason_url(reason)
    assert not session.passed(shown_response.wsgi_request)


def test_amount_over_the_limit_points_to_the_paper_form_and_the_solicitors_service(client):
    text = client.get(reason_url("amount-over-10000")).content.decode()
    assert "£10,000 or less, including interest" in text
    assert "form N1" in text and "Civil National Business Centre" in text and "County Court Money Claims Centre" in text
    assert "up to £25,000" in text and "registered with this service" in text and "MyHMCTS" not in text
    assert 'href="https://www.gov.uk/make-court-claim-for-money"' in text


def test_nothing_chosen_shows_the_govuk_error_state(client):
    response = client.post(q_url("claim-amount"), {})
    assert response.status_code == 200
    text = response.content.decode()
    shown = page(response)
    question = rules.get_question("claim-amount")
    assert shown.title.startswith("Error: What is the total amount you are claiming?")
    assert "govuk-error-summary" in text and "There is a problem" in text
    # The summary links to the first radio.
    summary_links = re.findall(r'<li><a href="#([^"]+)">([^<]+)</a></li>', text)
    assert summary_links == [(shown.radios[0]["id"], question.error)]
    assert shown.ids[shown.radios[0]["id"]]["tag"] == "input"
    # The field's own error, inside a group marked as in error, described by the fieldset.
    assert "govuk-form-group--error" in text
    error = shown.ids["id_answer-error"]
    assert error["class"] == "govuk-error-message"
    assert f'<span class="govuk-visually-hidden">Error:</span> {question.error}' in text
    fieldset = re.search(r'<fieldset class="govuk-fieldset" aria-describedby="([^"]+)"', text)
    assert fieldset and fieldset.group(1).split() == ["id_answer-hint", "id_answer-error"]
    assert shown.checked is None
    assert session.answers(response.wsgi_request) == {}


def test_a_value_that_is_not_an_option_is_an_error_too(client):
    response = client.post(q_url("claim-amount"), {"answer": "1000000"})
    assert response.status_code == 200
    assert "Select the total amount you are claiming" in response.content.decode()


def test_legend_is_the_page_heading_with_hint_and_radio_hints(client):
    text = client.get(q_url("claim-amount")).content.decode()
    assert re.search(
        r'<legend class="govuk-fieldset__legend govuk-fieldset__legend--l">\s*'
        r'<h1 class="govuk-fieldset__heading">What is the total amount you are claiming\?</h1>',
        text,
    )
    assert 'class="govuk-hint">Include any interest you are claiming.' in text
    assert '<div class="govuk-radios__divider">or</div>' in text
    assert 'aria-describedby="id_answer-3-item-hint"' in text
    answer_up_to(client, "personal-injury")
    assert "govuk-radios--inline" in client.get(q_url("personal-injury")).content.decode()


def test_protected_party_is_explained_plainly(client):
    answer_up_to(client, "claimant-protected-party")
    text = client.get(q_url("claimant-protected-party")).content.decode()
    assert "does not have the mental capacity to make their own decisions about a court case" in text


@pytest.mark.parametrize(
    "answered_up_to, asked, expected",
    [
        ("claim-amount", "crown", "claim-amount"),  # nothing answered
        ("one-claimant", "email-address", "one-claimant"),  # the first unanswered one
    ],
)
def test_skipping_ahead_redirects_to_the_first_unanswered_question(client, answered_up_to, asked, expected):
    answer_up_to(client, answered_up_to)
    for response in (client.get(q_url(asked)), client.post(q_url(asked), {"answer": "no"})):
        assert response.status_code == 302 and response["Location"] == q_url(expected)
    assert client.get(q_url(answered_up_to)).status_code == 200
    assert rules.get_question(asked).slug not in session.answers(client.get(q_url(answered_up_to)).wsgi_request)


def test_skipping_to_the_result_redirects_to_the_first_unanswered_question(client):
    assert client.get(reverse("eligibility:eligible"))["Location"] == q_url("claim-amount")
    answer_up_to(client, "crown")
    assert client.get(reverse("eligibility:eligible"))["Location"] == q_url("crown")


def test_back_links_go_to_the_previous_question_and_answers_are_kept(client):
    first = page(client.get(q_url("claim-amount")))
    assert first.back_link == reverse("eligibility:start")
    answer_up_to(client, "claimant-age")
    client.post(q_url("claimant-age"), {"answer": "organisation"})
    now = page(client.get(q_url("claimant-protected-party")))
    assert now.back_link == q_url("claimant-age")
    back = page(client.get(now.back_link))
    assert back.checked == "organisation"
    assert back.back_link == q_url("one-claimant")
    assert page(client.get(back.back_link)).checked == "yes"
    # Changing an earlier answer keeps the later ones.
    client.post(q_url("claim-amount"), {"answer": "up-to-10000"})
    assert page(client.get(q_url("claimant-age"))).checked == "organisation"


def test_changing_a_failing_answer_lets_them_go_on(client):
    response = client.post(q_url("claim-amount"), {"answer": "over-10000"})
    assert response["Location"] == reason_url("amount-over-10000")
    shown = page(client.get(response["Location"]))
    assert shown.back_link == q_url("claim-amount")
    assert page(client.get(shown.back_link)).checked == "over-10000"
    response = client.post(q_url("claim-amount"), {"answer": "up-to-10000"})
    assert response["Location"] == q_url("personal-injury")
    assert client.get(q_url("personal-injury")).status_code == 200


def test_unknown_questions_and_reasons_are_404(client):
    assert client.get(q_url("no-such-question")).status_code == 404
    assert client.get(reason_url("no-such-reason")).status_code == 404


def test_signed_in_people_use_it_too_and_their_answers_survive_sign_in(client, make_user):
    answer_up_to(client, "email-address")
    user = make_user()
    client.force_login(user)
    response = client.get(q_url("email-address"))
    assert response.status_code == 200
    assert session.answers(response.wsgi_request) == {
        slug: PASSING[slug] for slug in list(PASSING)[: list(PASSING).index("email-address")]
    }


def test_home_page_starts_the_checker_and_keeps_a_way_to_sign_in(client):
    shown = page(client.get(reverse("home")))
    start = [a for a in shown.links if "govuk-button--start" in (a.get("class") or "")]
    assert [a["href"] for a in start] == [reverse("eligibility:start")]
    assert "Start now" in client.get(reverse("home")).content.decode()
    assert any(a["href"] == reverse("account_login") for a in shown.links)
