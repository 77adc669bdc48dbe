"""The directions questionnaire pages (OCON180, PD 51R 5.2): what each saves, each error, and when they apply."""
from __future__ import annotations

import html
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse

from responses import questions
from responses.ocon9 import Situation
from responses.questions import hearing
from responses.questions.hearing import (
    SUPPORT_ERROR,
    AvailabilityForm,
    ExpertsForm,
    HearingCourtForm,
    LanguageForm,
    SupportForm,
    VulnerabilityForm,
    WitnessesForm,
)

TODAY = date(2026, 11, 21)
SLUGS = ["hearing_court", "availability", "witnesses", "experts", "language", "support", "vulnerability"]


def situation(response_type: str = "reject", party_type: str = "individual") -> Situation:
    return Situation(data={"response_type": {"type": response_type}}, total=Decimal("1080.00"), party_type=party_type)


def form(form_class: type, data: dict[str, Any], **kwargs: Any) -> Any:
    return form_class(data, situation=situation(**kwargs), today=TODAY)


def saved(form_class: type, data: dict[str, Any]) -> dict[str, Any]:
    bound = form(form_class, data)
    assert bound.is_valid(), bound.errors
    return bound.saved()


def errors(form_class: type, data: dict[str, Any]) -> dict[str, list[str]]:
    bound = form(form_class, data)
    assert not bound.is_valid()
    return {name: list(messages) for name, messages in bound.errors.items()}


# -- which pages, and when ---------------------------------------------------------------------------------


def test_the_section_keeps_its_pages_in_order() -> None:
    assert hearing.SECTION.key == "hearing"
    assert hearing.SECTION.title == "Give us details in case there is a hearing"
    assert [page.slug for page in hearing.SECTION.pages] == SLUGS
    assert all(questions.PAGES[slug][0] is hearing.SECTION for slug in SLUGS)


@pytest.mark.parametrize(("response_type", "applies"), [
    ("reject", True), ("part_admission", True), ("full_admission", False), ("counterclaim", False), ("", False),
])
def test_pages_apply_only_when_the_response_defends(response_type: str, applies: bool) -> None:
    for page in hearing.SECTION.pages:
        assert page.applies(situation(response_type)) is applies, page.slug
    assert bool(hearing.SECTION.applicable(situation(response_type))) is applies


# -- the preferred court -------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_preferred_court_is_chosen_from_the_active_hearing_centres(hearing_centres: None) -> None:
    choices = form(HearingCourtForm, {}).fields["court"].choices
    assert choices == [("", "Choose a court"), ("Bristol Civil and Family Justice Centre",
                                                "Bristol Civil and Family Justice Centre"),
                       ("Leeds County Court", "Leeds County Court")]
    assert saved(HearingCourtForm, {"court": "Leeds County Court"}) == {"court": "Leeds County Court"}


@pytest.mark.django_db
@pytest.mark.parametrize("typed", ["", "Test answer from QA", "leeds county court", "Closed County Court"])
def test_preferred_court_must_be_one_on_the_list(hearing_centres: None, typed: str) -> None:
    assert errors(HearingCourtForm, {"court": typed}) == {"court": ["Choose the court you would prefer"]}


@pytest.mark.django_db
def test_preferred_court_hint_for_a_company_says_the_claimants_court_may_be_used() -> None:
    individual = form(HearingCourtForm, {}).fields["court"].help_text
    company = form(HearingCourtForm, {}, party_type="company").fields["court"].help_text
    assert "the claimant chooses" not in individual
    assert "the claimant chooses" in company
    assert "the claimant chooses" not in form(HearingCourtForm, {}, party_type="sole_trader").fields["court"].help_text


# -- dates you cannot go -------------------------------------------------------------------------------------


def test_availability_saves_the_dates_when_there_are_some() -> None:
    assert saved(AvailabilityForm, {"unavailable": "yes", "dates": "5 to 16 April 2027, I am abroad"}) == {
        "unavailable": "yes", "dates": "5 to 16 April 2027, I am abroad"}


def test_availability_saves_the_dates_empty_when_there_are_none() -> None:
    assert saved(AvailabilityForm, {"unavailable": "no", "dates": "typed, then changed my mind"}) == {
        "unavailable": "no", "dates": ""}


def test_availability_errors() -> None:
    assert errors(AvailabilityForm, {}) == {
        "unavailable": ["Select yes if there are dates when you or your witnesses cannot go to a hearing"]}
    assert errors(AvailabilityForm, {"unavailable": "maybe"}) == {
        "unavailable": ["Select yes if there are dates when you or your witnesses cannot go to a hearing"]}
    assert errors(AvailabilityForm, {"unavailable": "yes", "dates": "  "}) == {
        "dates": ["Enter the dates you or your witnesses cannot go to a hearing"]}
    assert errors(AvailabilityForm, {"unavailable": "yes", "dates": "x" * 1001}) == {
        "dates": ["The dates must be 1,000 characters or less"]}


def test_availability_ignores_too_long_dates_under_no() -> None:
    assert saved(AvailabilityForm, {"unavailable": "no", "dates": "x" * 1001})["dates"] == ""


# -- witnesses -----------------------------------------------------------------------------------------------


def test_witnesses_saved() -> None:
    assert saved(WitnessesForm, {"yourself": "yes", "other_witnesses": "yes", "how_many": " 02 ",
                                 "who": "Sam Neighbour, saw the van"}) == {
        "yourself": "yes", "other_witnesses": "yes", "how_many": "2", "who": "Sam Neighbour, saw the van"}
    assert saved(WitnessesForm, {"yourself": "no", "other_witnesses": "yes", "how_many": "20"}) == {
        "yourself": "no", "other_witnesses": "yes", "how_many": "20", "who": ""}


def test_witnesses_follow_ups_are_saved_empty_under_no_even_if_they_would_be_wrong() -> None:
    assert saved(WitnessesForm, {"yourself": "yes", "other_witnesses": "no", "how_many": "lots", "who": "Sam"}) == {
        "yourself": "yes", "other_witnesses": "no", "how_many": "", "who": ""}


@pytest.mark.parametrize(("typed", "message"), [
    ("", "Enter how many other witnesses you have"),
    ("   ", "Enter how many other witnesses you have"),
    ("two", "The number of other witnesses must be a whole number, like 2"),
    ("2.5", "The number of other witnesses must be a whole number, like 2"),
    ("-1", "The number of other witnesses must be a whole number, like 2"),
    ("٣", "The number of other witnesses must be a whole number, like 2"),
    ("0", "The number of other witnesses must be between 1 and 20"),
    ("21", "The number of other witnesses must be between 1 and 20"),
    ("12345678901", "The number of other witnesses must be between 1 and 20"),
])
def test_witnesses_how_many_errors(typed: str, message: str) -> None:
    assert errors(WitnessesForm, {"yourself": "yes", "other_witnesses": "yes", "how_many": typed}) == {
        "how_many": [message]}


def test_witnesses_questions_errors() -> None:
    assert errors(WitnessesForm, {}) == {
        "yourself": ["Select yes if you will give evidence yourself"],
        "other_witnesses": ["Select yes if you have other witnesses"],
    }
    assert errors(WitnessesForm, {"yourself": "yes", "other_witnesses": "yes", "how_many": "2", "who": "x" * 1001}) \
        == {"who": ["Who they are must be 1,000 characters or less"]}


# -- experts -------------------------------------------------------------------------------------------------


def test_experts_saved() -> None:
    answers = {"expert": "yes", "expertise": "Building surveying", "why": "To say the wall is unsafe"}
    assert saved(ExpertsForm, answers) == answers
    assert saved(ExpertsForm, {"expert": "no", "expertise": "Surveying", "why": "x" * 1001}) == {
        "expert": "no", "expertise": "", "why": ""}


def test_experts_errors() -> None:
    assert errors(ExpertsForm, {}) == {"expert": ["Select yes if you want to use an expert"]}
    assert errors(ExpertsForm, {"expert": "yes"}) == {
        "expertise": ["Enter the expert’s field"], "why": ["Enter why you need an expert"]}
    assert errors(ExpertsForm, {"expert": "yes", "expertise": "Surveying", "why": "x" * 1001}) == {
        "why": ["Why you need an expert must be 1,000 characters or less"]}


# -- language ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("speak", "documents"), [("english", "english"), ("welsh", "both"), ("english", "welsh")])
def test_language_saved(speak: str, documents: str) -> None:
    assert saved(LanguageForm, {"speak": speak, "documents": documents}) == {"speak": speak, "documents": documents}


def test_language_errors() -> None:
    assert errors(LanguageForm, {}) == {
        "speak": ["Select which language you will speak at the hearing"],
        "documents": ["Select which language documents should be in"],
    }
    assert errors(LanguageForm, {"speak": "french", "documents": "both"}) == {
        "speak": ["Select which language you will speak at the hearing"]}


def test_language_summary() -> None:
    page = questions.PAGES["language"][1]
    assert page.summary({"speak": "welsh", "documents": "both"}, situation()) == [
        ("Which language will you speak at the hearing?", "Welsh"),
        ("Which language should documents be in?", "English and Welsh"),
    ]


# -- support at a hearing ------------------------------------------------------------------------------------


def test_support_saves_every_need_and_its_details() -> None:
    assert saved(SupportForm, {
        "needs": ["step_free", "hearing_loop", "sign_language", "language_interpreter", "other"],
        "sign_language": "British Sign Language", "interpreter_language": "Polish", "other_support": "Breaks",
    }) == {
        "needs": ["step_free", "hearing_loop", "sign_language", "language_interpreter", "other"],
        "sign_language": "British Sign Language", "interpreter_language": "Polish", "other_support": "Breaks",
    }


def test_support_saves_details_of_needs_not_ticked_empty() -> None:
    assert saved(SupportForm, {"needs": ["hearing_loop"], "sign_language": "BSL", "interpreter_language": "Polish",
                               "other_support": "x" * 1001}) == {
        "needs": ["hearing_loop"], "sign_language": "", "interpreter_language": "", "other_support": ""}


def test_support_none_on_its_own() -> None:
    assert saved(SupportForm, {"needs": ["none"], "sign_language": "BSL"}) == {
        "needs": ["none"], "sign_language": "", "interpreter_language": "", "other_support": ""}


def test_support_none_cannot_be_combined_with_a_need() -> None:
    assert SUPPORT_ERROR == "Select the support you need at a hearing, or select ‘I do not need any of these’"
    assert errors(SupportForm, {"needs": ["none", "step_free"]}) == {"needs": [SUPPORT_ERROR]}
    # Only the one error: the follow-up of a need ticked with "none" is not asked for as well.
    assert errors(SupportForm, {"needs": ["sign_language", "none"]}) == {"needs": [SUPPORT_ERROR]}


def test_support_errors() -> None:
    assert errors(SupportForm, {}) == {"needs": [SUPPORT_ERROR]}
    assert errors(SupportForm, {"needs": ["wings"]}) == {"needs": [SUPPORT_ERROR]}
    assert errors(SupportForm, {"needs": ["sign_language", "language_interpreter", "other"]}) == {
        "sign_language": ["Enter which sign language you need"],
        "interpreter_language": ["Enter which language you need an interpreter for"],
        "other_support": ["Enter what other support you need"],
    }
    assert errors(SupportForm, {"needs": ["other"], "other_support": "x" * 1001}) == {
        "other_support": ["Other support must be 1,000 characters or less"]}


def test_support_summary() -> None:
    page = questions.PAGES["support"][1]
    rows = page.summary({"needs": ["step_free", "sign_language", "other"], "sign_language": "BSL",
                         "interpreter_language": "", "other_support": "Breaks"}, situation())
    assert rows == [("Support you need at a hearing", "Step-free access\nA sign language interpreter: BSL\n"
                                                        "Other support: Breaks")]
    assert page.summary({"needs": ["none"]}, situation()) == [("Support you need at a hearing", "None")]
    assert page.summary({}, situation()) == []


# -- vulnerability -------------------------------------------------------------------------------------------


def test_vulnerability_saved() -> None:
    assert saved(VulnerabilityForm, {"vulnerable": "yes", "details": "I have a hearing impairment"}) == {
        "vulnerable": "yes", "details": "I have a hearing impairment"}
    assert saved(VulnerabilityForm, {"vulnerable": "no", "details": "typed"}) == {"vulnerable": "no", "details": ""}


def test_vulnerability_errors() -> None:
    assert errors(VulnerabilityForm, {}) == {
        "vulnerable": ["Select yes if there is anything that makes you vulnerable"]}
    assert errors(VulnerabilityForm, {"vulnerable": "yes", "details": ""}) == {
        "details": ["Enter what the court should know"]}
    assert errors(VulnerabilityForm, {"vulnerable": "yes", "details": "x" * 2001}) == {
        "details": ["What the court should know must be 2,000 characters or less"]}


def test_vulnerability_summary_leaves_out_empty_details() -> None:
    page = questions.PAGES["vulnerability"][1]
    assert page.summary({"vulnerable": "no", "details": ""}, situation()) == [
        ("Is there anything that makes you vulnerable that the court should know about?", "No")]


# -- saved answers shown again -------------------------------------------------------------------------------


@pytest.mark.parametrize(("form_class", "answers"), [
    (WitnessesForm, {"yourself": "yes", "other_witnesses": "yes", "how_many": "3", "who": "Sam"}),
    (SupportForm, {"needs": ["hearing_loop", "language_interpreter"], "sign_language": "",
                   "interpreter_language": "Polish", "other_support": ""}),
])
def test_saved_answers_give_the_same_answers_again(form_class: type, answers: dict[str, Any]) -> None:
    initial = form_class.initial_from(answers)
    assert saved(form_class, initial) == answers


# -- the pages in the browser --------------------------------------------------------------------------------

#: A valid answer to each page, and an invalid one.
ANSWERS = {
    "hearing_court": ({"court": "Leeds County Court"}, {"court": ""}),
    "availability": ({"unavailable": "no"}, {"unavailable": "yes", "dates": ""}),
    "witnesses": ({"yourself": "yes", "other_witnesses": "no"}, {"yourself": "yes", "other_witnesses": "yes",
                                                                 "how_many": "99"}),
    "experts": ({"expert": "no"}, {"expert": "yes"}),
    "language": ({"speak": "english", "documents": "both"}, {"speak": "english"}),
    "support": ({"needs": ["none"]}, {"needs": ["none", "hearing_loop"]}),
    "vulnerability": ({"vulnerable": "no"}, {"vulnerable": "yes"}),
}


@pytest.fixture
def defending(linked: Any, client: Any, hearing_centres: None) -> Any:
    """The linked claim, its defendant signed in, who has chosen to reject the claim."""
    from responses import services

    claim, defendant = linked
    services.response_draft_save(claim_id=claim.pk, actor=defendant, values={"response_type": {"type": "reject"}})
    client.force_login(defendant)
    return claim


def page_url(claim: Any, slug: str) -> str:
    return reverse("responses:question", kwargs={"public_id": claim.public_id, "slug": slug})


@pytest.mark.django_db
@pytest.mark.parametrize("slug", SLUGS)
def test_each_page_shows_every_question(defending: Any, client: Any, slug: str) -> None:
    response = client.get(page_url(defending, slug))
    assert response.status_code == 200
    page = html.unescape(response.content.decode())
    form_class = questions.PAGES[slug][1].form
    for field in form_class.base_fields.values():
        assert str(field.label) in page, field.label
        for _, label in getattr(field, "choices", []):
            assert str(label) in page


@pytest.mark.django_db
@pytest.mark.parametrize("slug", SLUGS)
def test_each_page_says_what_is_wrong(defending: Any, client: Any, slug: str) -> None:
    from responses import services

    response = client.post(page_url(defending, slug), ANSWERS[slug][1])
    page = html.unescape(response.content.decode())
    assert "There is a problem" in page
    assert services.response_draft(defending).get(slug) is None


@pytest.mark.django_db
@pytest.mark.parametrize("slug", SLUGS)
def test_each_page_saves_a_valid_answer(defending: Any, client: Any, slug: str) -> None:
    from responses import services

    response = client.post(page_url(defending, slug), ANSWERS[slug][0])
    assert response.status_code == 302
    draft = services.response_draft(defending)[slug]
    for name, value in ANSWERS[slug][0].items():
        assert draft[name] == value


@pytest.mark.django_db
def test_support_error_is_shown_on_the_page(defending: Any, client: Any) -> None:
    response = client.post(page_url(defending, "support"), {"needs": ["none", "step_free"]})
    assert SUPPORT_ERROR in html.unescape(response.content.decode())


@pytest.mark.django_db
def test_pages_are_skipped_for_a_full_admission(linked: Any, client: Any) -> None:
    from responses import services

    claim, defendant = linked
    services.response_draft_save(claim_id=claim.pk, actor=defendant,
                                 values={"response_type": {"type": "full_admission"}})
    client.force_login(defendant)
    response = client.get(page_url(claim, "witnesses"))
    assert response.status_code == 302
    assert response["Location"] == reverse("responses:task_list", kwargs={"public_id": claim.public_id})
