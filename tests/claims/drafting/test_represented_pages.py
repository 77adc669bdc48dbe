"""The pages of a claim made by a legal representative: the representatives' checker, starting the claim,
each section's page with its error summary, the firm search, check your answers, and who may open them."""
from __future__ import annotations

import pytest
from django.urls import reverse

from claims.constants import ClaimState
from claims.models import Claim
from eligibility import session
from rules.eligibility_represented import REPRESENTED
from tests.claims.represented_data import ELIGIBILITY_IN_PERSON, represented_draft
from tests.firm_factories import make_firm, make_member

from .conftest import assert_error, url

pytestmark = pytest.mark.django_db


@pytest.fixture
def firm():
    return make_firm("Able & Co Solicitors", address_line_1="1 Law Street", town="Leeds", postcode="LS1 4AB")


@pytest.fixture
def solicitor(firm):
    return make_member(firm, name="Sol Icitor")


@pytest.fixture
def as_solicitor(client, solicitor):
    client.force_login(solicitor)
    return client


def q_url(slug):
    return reverse("eligibility:represented_question", kwargs={"slug": slug})


# -- the checker --------------------------------------------------------------------------------------


def test_the_citizen_checker_sends_a_represented_claimant_to_their_solicitor_not_to_myhmcts(client):
    text = client.get(reverse("eligibility:ineligible", kwargs={"reason": "legal-representative"})).content.decode()
    assert "MyHMCTS" not in text
    assert reverse("eligibility:represented_start") in text
    assert "registered with this service" in text


@pytest.mark.parametrize("who", ["anonymous", "citizen", "admin_only", "pending_firm"])
def test_only_a_registered_solicitor_uses_the_representatives_checker(client, make_user, who):
    if who == "anonymous":
        response = client.get(reverse("eligibility:represented_start"))
        assert response.status_code == 302 and "login" in response["Location"]
        return
    user = {
        "citizen": lambda: make_user(),
        "admin_only": lambda: make_member(make_firm(), admin=True, solicitor=False),
        "pending_firm": lambda: make_member(make_firm(state="pending")),
    }[who]()
    client.force_login(user)
    for target in (reverse("eligibility:represented_start"), q_url("claim-amount"),
                   reverse("drafting:start_represented")):
        response = client.get(target)
        if who == "pending_firm":  # a firm not approved sees only its status (firms.middleware)
            assert response.status_code == 302 and response["Location"] == reverse("firms:status")
            continue
        if target == reverse("drafting:start_represented"):
            assert response.status_code == 302
            continue
        assert response.status_code == 403
        assert "You cannot make a claim for a client with this account" in response.content.decode()
        assert "2.1(3)(d)(ii) and (iii)" in response.content.decode()


def _answer_all(client, answers):
    response = None
    for question in REPRESENTED.questions:
        if question.slug in answers:
            response = client.post(q_url(question.slug), {"answer": answers[question.slug]})
    return response


def test_every_question_is_asked_in_turn_and_the_result_says_so(as_solicitor):
    response = as_solicitor.get(reverse("eligibility:represented_start"))
    assert response.status_code == 200
    assert b"Make a claim for a client" in response.content
    asked = []
    slug = REPRESENTED.questions[0].slug
    while True:
        page = as_solicitor.get(q_url(slug))
        assert page.status_code == 200, slug
        asked.append(slug)
        posted = as_solicitor.post(q_url(slug), {"answer": ELIGIBILITY_IN_PERSON[slug]})
        assert posted.status_code == 302
        if posted["Location"] == reverse("eligibility:represented_eligible"):
            break
        slug = posted["Location"].rstrip("/").rsplit("/", 1)[-1]
    assert asked == list(ELIGIBILITY_IN_PERSON)  # every condition of 2.1(3) asked; the other parties' question not
    assert "parties-both-represented" not in asked
    result = as_solicitor.get(reverse("eligibility:represented_eligible"))
    assert result.status_code == 200 and b"You can make this claim for your client" in result.content
    assert b'id="sent-out-warning"' not in result.content


def test_a_defendant_representative_not_registered_may_go_on_and_is_warned(as_solicitor):
    answers = {**ELIGIBILITY_IN_PERSON, "defendant-legal-representative": "unregistered",
               "parties-both-represented": "one-v-two"}
    answers.pop("parties-defendant-in-person")
    response = _answer_all(as_solicitor, answers)
    assert response["Location"] == reverse("eligibility:represented_eligible")
    page = as_solicitor.get(response["Location"]).content.decode()
    assert 'id="sent-out-warning"' in page and "2.1(7)" in page


@pytest.mark.parametrize("slug, value, reason", [
    ("claim-amount", "over-25000", "amount-over-25000"),
    ("help-with-fees", "yes", "help-with-fees"),
    ("claimant-address", "no", "claimant-address-outside-england-wales"),
    ("crown", "yes", "claim-against-crown"),
    ("parties-defendant-in-person", "no", "parties-defendant-in-person"),
])
def test_each_no_is_explained(as_solicitor, slug, value, reason):
    answers = {}
    for question in REPRESENTED.questions:
        if question.slug == slug:
            break
        answers[question.slug] = ELIGIBILITY_IN_PERSON[question.slug]
    _answer_all(as_solicitor, answers)
    response = as_solicitor.post(q_url(slug), {"answer": value})
    target = reverse("eligibility:represented_ineligible", kwargs={"reason": reason})
    assert response["Location"] == target
    page = as_solicitor.get(target)
    assert page.status_code == 200
    assert REPRESENTED.failure_for_reason(reason).reason.title in page.content.decode()
    # the claim cannot be started
    assert as_solicitor.post(reverse("drafting:start_represented"))["Location"] == reverse(
        "eligibility:represented_start")


def test_nothing_chosen_shows_the_error_summary(as_solicitor):
    response = as_solicitor.post(q_url("claim-amount"), {})
    assert response.status_code == 200
    assert "Select the total amount your client is claiming" in response.content.decode()


# -- starting and the task list -------------------------------------------------------------------------


def test_starting_makes_the_firms_draft_and_shows_its_task_list(as_solicitor, solicitor, firm):
    _answer_all(as_solicitor, ELIGIBILITY_IN_PERSON)
    response = as_solicitor.post(reverse("drafting:start_represented"))
    claim = Claim.objects.get(claimant_firm=firm)
    assert response["Location"] == url("task_list", claim)
    page = as_solicitor.get(response["Location"]).content.decode()
    for title in ("Your reference", "The claimant's address for service", "The defendant's legal representative"):
        assert title.replace("'", "&#x27;") in page or title in page
    assert "Other parties" not in page  # against a defendant in person: 1 v 1
    # a second click of "Start the claim" goes to the same draft; the next claim is checked afresh
    assert as_solicitor.post(reverse("drafting:start_represented"))["Location"] == url("task_list", claim)
    assert Claim.objects.filter(claimant_firm=firm).count() == 1
    assert not session.answers(response.wsgi_request, represented=True)


# -- the sections' pages --------------------------------------------------------------------------------


def test_reference_page(as_solicitor, solicitor):
    claim = represented_draft(solicitor)
    assert as_solicitor.get(url("reference", claim)).status_code == 200
    assert_error(as_solicitor.post(url("reference", claim), {"claimant_reference": ""}),
                 "#id_claimant_reference", "Enter your reference for this claim")
    assert_error(as_solicitor.post(url("reference", claim), {"claimant_reference": "X" * 26}),
                 "#id_claimant_reference", "Your reference must be 25 characters or fewer")
    response = as_solicitor.post(url("reference", claim), {"claimant_reference": "ABC/999"})
    assert response["Location"] == url("task_list", claim)
    claim.refresh_from_db()
    assert claim.draft_data["representation"]["claimant_reference"] == "ABC/999"


def test_address_for_service_is_the_firms_or_another_in_england_and_wales(as_solicitor, solicitor):
    claim = represented_draft(solicitor)
    page = as_solicitor.get(url("service_address", claim)).content.decode()
    assert "1 Law Street, Leeds, LS1 4AB" in page
    assert_error(as_solicitor.post(url("service_address", claim), {}), "#id_service_address",
                 "Select the claimant’s address for service")
    response = as_solicitor.post(url("service_address", claim), {"service_address": "other"})
    assert response["Location"] == url("service_address_other", claim)
    assert_error(as_solicitor.post(url("service_address_other", claim), {
        "address_line1": "1 Princes St", "town": "Edinburgh", "postcode": "EH2 2AN"}),
        "#id_postcode", "Enter a postcode in England or Wales")
    assert_error(as_solicitor.post(url("service_address_other", claim), {"town": "Cardiff", "postcode": "CF10 1AA"}),
                 "#id_address_line1", "Enter the first line of the address")
    response = as_solicitor.post(url("service_address_other", claim), {
        "address_line1": "2 Bute St", "town": "Cardiff", "postcode": "cf10 1aa"})
    assert response["Location"] == url("task_list", claim)
    claim.refresh_from_db()
    rep = claim.draft_data["representation"]
    assert (rep["service_address"], rep["postcode"]) == ("other", "CF10 1AA")


def test_the_defendants_registered_firm_is_found_by_name_or_sra_number(as_solicitor, solicitor):
    defence = make_firm("Defence Partners LLP", service_email="serve@defence.example")
    make_firm("Defence Pending LLP", state="pending")
    claim = represented_draft(solicitor)
    assert_error(as_solicitor.post(url("defendant_representation", claim), {}), "#id_defendant",
                 "Select whether a legal representative will act for the defendant")
    response = as_solicitor.post(url("defendant_representation", claim), {"defendant": "registered"})
    assert response["Location"] == url("defendant_firm", claim)
    assert as_solicitor.get(url("defendant_firm", claim)).status_code == 200
    empty = as_solicitor.get(url("defendant_firm", claim, "?q="))
    assert_error(empty, "#id_q", "Enter the firm’s name or SRA number")
    by_name = as_solicitor.get(url("defendant_firm", claim, "?q=defence")).content.decode()
    assert "Defence Partners LLP" in by_name and "serve@defence.example" in by_name
    assert "Defence Pending LLP" not in by_name  # only approved firms are registered
    by_number = as_solicitor.get(url("defendant_firm", claim, f"?q={defence.sra_number}")).content.decode()
    assert "Defence Partners LLP" in by_number
    none = as_solicitor.get(url("defendant_firm", claim, "?q=nobody")).content.decode()
    assert 'id="no-results"' in none
    assert_error(as_solicitor.post(url("defendant_firm", claim), {"q": "defence"}), "#id_firm",
                 "Select the defendant’s legal representative")
    response = as_solicitor.post(url("defendant_firm", claim), {"q": "defence", "firm": str(defence.pk),
                                                                 "defendant_reference": "D/1"})
    assert response["Location"] == url("task_list", claim)
    claim.refresh_from_db()
    rep = claim.draft_data["representation"]
    assert rep["defendant_firm"]["id"] == defence.pk and rep["defendant_reference"] == "D/1"
    # both sides represented: the other parties' section appears
    page = as_solicitor.get(url("task_list", claim)).content.decode()
    assert "Other parties" in page


def test_an_unregistered_representative_and_a_second_defendant(as_solicitor, solicitor):
    claim = represented_draft(solicitor)
    response = as_solicitor.post(url("defendant_representation", claim), {"defendant": "unregistered"})
    assert response["Location"] == url("defendant_rep", claim)
    assert_error(as_solicitor.post(url("defendant_rep", claim), {"address_line1": "1", "town": "York",
                                                                  "postcode": "YO1 7HH"}),
                 "#id_name", "Enter the name of the legal representative’s firm")
    as_solicitor.post(url("defendant_rep", claim), {"name": "Other & Co", "address_line1": "3 Court St",
                                                     "town": "York", "postcode": "YO1 7HH"})
    assert_error(as_solicitor.post(url("additional_party", claim), {}), "#id_additional_party",
                 "Select whether there is another party")
    response = as_solicitor.post(url("additional_party", claim), {"additional_party": "defendant"})
    assert response["Location"] == url("defendant2_type", claim)
    page = as_solicitor.get(url("defendant2_type", claim)).content.decode()
    assert "The second defendant&#x27;s details" in page or "The second defendant's details" in page
    as_solicitor.post(url("defendant2_type", claim), {"type": "individual"})
    response = as_solicitor.post(url("defendant2_details", claim), {
        "full_name": "Dee Fendant", "address_line1": "9 Road", "town": "Leeds", "postcode": "LS2 7AA"})
    assert response["Location"] == url("task_list", claim)
    check = as_solicitor.get(url("check", claim)).content.decode()
    assert 'id="sent-out-warning"' in check and "2.1(7)" in check
    assert "Dee Fendant" in check and "Other &amp; Co" in check


def test_the_other_parties_page_is_not_offered_against_a_defendant_in_person(as_solicitor, solicitor):
    claim = represented_draft(solicitor)
    assert as_solicitor.get(url("additional_party", claim))["Location"] == url("task_list", claim)


def test_check_your_answers_shows_the_fixed_costs_and_the_total_and_submits(as_solicitor, solicitor):
    claim = represented_draft(solicitor, amount={"items": [{"description": "Invoice", "amount": "4000.00"}]},
                              interest={"choice": "none"})
    page = as_solicitor.get(url("check", claim)).content.decode()
    assert "Legal representative’s costs on issue (fixed costs)" in page and "£90.00" in page
    assert "£4,295.00" in page  # 4,000 + fee 205 + fixed costs 90
    assert "The claimant believes that the facts stated in this claim form are true." in page
    assert "Able &amp; Co Solicitors" in page and "WID/123" in page
    assert 'id="sent-out-warning"' not in page
    response = as_solicitor.post(url("check", claim), {"believe": "yes", "signed_name": "Sol Icitor"})
    assert_error(response, "#id_signed_position", "Enter your position or office held")
    response = as_solicitor.post(url("check", claim), {"believe": "yes", "signed_name": "Sol Icitor",
                                                       "signed_position": "Solicitor"})
    assert response["Location"] == reverse("claims:fee", kwargs={"public_id": claim.public_id})
    claim.refresh_from_db()
    assert claim.state == ClaimState.AWAITING_FEE and claim.sot_signed_position == "Solicitor"


def test_the_amount_page_allows_up_to_25000(as_solicitor, solicitor):
    claim = represented_draft(solicitor, interest={"choice": "none"})
    prefix = {"items-TOTAL_FORMS": "1", "items-INITIAL_FORMS": "0", "items-MIN_NUM_FORMS": "0",
              "items-MAX_NUM_FORMS": "1000", "items-0-description": "Invoice"}
    ok = as_solicitor.post(url("amount", claim), {**prefix, "items-0-amount": "25000.00"})
    assert ok.status_code == 302
    too_much = as_solicitor.post(url("amount", claim), {**prefix, "items-0-amount": "25000.01"})
    assert too_much.status_code == 200 and "more than £25,000.00" in too_much.content.decode()


# -- who may open the draft -------------------------------------------------------------------------------


def test_another_firm_and_a_citizen_get_404_a_colleague_who_sees_all_edits(client, make_user, firm, solicitor):
    claim = represented_draft(solicitor)
    pages = ["task_list", "reference", "service_address", "defendant_representation", "defendant_firm", "check"]
    for user in (make_member(make_firm()), make_user(), make_member(firm)):
        client.force_login(user)
        for name in pages:
            assert client.get(url(name, claim)).status_code == 404, name
    client.force_login(make_member(firm, sees_all=True))
    for name in pages:
        assert client.get(url(name, claim)).status_code == 200, name


def test_a_citizens_draft_has_no_represented_pages(signed_in, draft):
    assert signed_in.get(url("reference", draft))["Location"] == url("task_list", draft)
    assert session.SESSION_KEY != session.REPRESENTED_SESSION_KEY


def test_the_claimants_details_are_asked_about_the_client(as_solicitor, solicitor):
    claim = represented_draft(solicitor)
    as_solicitor.post(url("claimant_type", claim), {"type": "individual"})
    page = as_solicitor.get(url("claimant_details", claim)).content.decode()
    assert "The claimant&#x27;s details" in page or "The claimant's details" in page
    assert 'autocomplete="name"' not in page and 'autocomplete="bday-day"' not in page  # not the user's own
    response = as_solicitor.post(url("claimant_details", claim), {"address_line1": "1 Road", "town": "Leeds",
                                                                  "postcode": "LS1 1AA"})
    assert_error(response, "#id_full_name", "Enter the claimant's full name")
    assert_error(response, "#id_date_of_birth_day", "Enter the claimant's date of birth")
