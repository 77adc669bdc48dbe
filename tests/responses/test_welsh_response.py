"""A defendant's response in Welsh (PD 51R 2.1(3)(l), 6B.1).

Able & Co's claim for Jane Claimant against Acme Kitchens Ltd is issued on Wednesday 3 March 2027; the defendant has
no legal representative (2.1(3)(d)(iii)) and links the claim with its security code. At 10:00 on Wednesday 10 March
its director defends in Welsh. The response is held for translation: the claimant's firm cannot read it and has no
time running until a caseworker enters the English translation; the claimant's 33 days then run from the day the
translation is provided (6B.1(3)), not from 10 March.
"""
# The fixtures imported from other test modules are used as arguments (pytest's way), which ruff reads as redefined.
# ruff: noqa: F811
from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.urls import reverse

from casework.selectors import state_words
from claims.constants import ClaimState, DefendantRepresentation, PartyRole
from claims.errors import ClaimError, NotAllowed
from claims.models import Claim
from claims.policy import Action, can
from claims.status import BEING_TRANSLATED, for_claimant, for_defendant
from court.models import Notification
from documents.models import ClaimDocument, DocumentKind, DocumentStatus
from documents.services import document_render
from responses import services
from responses.models import DefendantResponse, ResponseState, ResponseTranslation
from tests.conftest import uk
from tests.defended.conftest import caseworker, judge  # noqa: F401  (the court's staff)
from tests.documents.conftest import pdf_text
from tests.firm_factories import make_member
from tests.responses.test_represented_response import (  # noqa: F401  (fixtures)
    DEFENCE,
    claimant_firm,
    defendant_firm,
    fill,
    save,
    served,
    solicitor,
)

pytestmark = pytest.mark.django_db

#: The defendant's defence, in Welsh, as written ("The claimant ordered the kitchen from another company; the
#: defendant never took the order and was paid nothing.").
WELSH = ("Archebodd yr hawlydd y gegin gan gwmni arall. Ni chymerodd y diffynnydd yr archeb erioed ac ni thalwyd "
         "dim iddo.")
ENGLISH = ("The claimant ordered the kitchen from another company. The defendant never took the order and was paid "
           "nothing.")


@pytest.fixture
def in_person(served, make_user):
    """(claim, director): the claim against a defendant in person, linked by its director's account."""
    claim = served(defendant_firm=None, defendant_representation=DefendantRepresentation.NONE, defendant_reference="")
    director = make_user("alan@acme.example", full_name="Alan Acme")
    claim = services.response_link(user=director, claim_number=claim.claim_number, security_code=claim.security_code)
    return claim, director


def respond_in_welsh(claim: Claim, director: Any) -> DefendantResponse:
    save(claim, director, {**DEFENCE, "defence": {"text": WELSH}})
    fill(claim, director)
    return services.response_submit(claim_id=claim.pk, actor=director, signed_name="Alan Acme",
                                    signer_role="Cyfarwyddwr", language="cy")


def fresh(claim: Claim) -> Claim:
    return Claim.objects.get(pk=claim.pk)


def claimant_solicitor(claim: Claim) -> Any:
    return make_member(claim.claimant_firm, sees_all=True)


# -- held for translation (6B.1(2)) -------------------------------------------------------------------------------


def test_a_response_in_welsh_is_stored_as_written_and_held(in_person):
    claim, director = in_person
    response = respond_in_welsh(claim, director)
    assert response.language == "cy" and response.state == ResponseState.HELD_FOR_TRANSLATION
    assert response.data["defence"]["text"] == WELSH
    claim = fresh(claim)
    assert claim.state == ClaimState.AWAITING_CLAIMANT_RESPONSE
    assert claim.claimant_response_deadline is None  # no time runs against the claimant yet (6B.1(3))
    sol = claimant_solicitor(claim)
    for action in (Action.READ_RESPONSE, Action.ANSWER_DEFENCE):
        assert not can(sol, claim, action), action
        assert not can(claim.owner, claim, action), action
    assert can(director, claim, Action.READ_RESPONSE)
    assert for_claimant(claim).words == BEING_TRANSLATED and for_defendant(claim).words == BEING_TRANSLATED
    kinds = [event.kind for event in claim.events.all()]
    assert "response_held_for_translation" in kinds
    received = claim.events.get(kind="response_received")
    assert "in Welsh" in received.summary and "defence" not in received.summary.lower()


def test_the_claimant_is_told_only_that_it_is_being_translated(in_person):
    claim, director = in_person
    respond_in_welsh(claim, director)
    # A firm's emails go to each person the firm routes them to: the keys start with the step's own.
    assert not Notification.objects.filter(key__startswith=f"response:{claim.pk}:claimant").exists()
    told = Notification.objects.filter(key__startswith=f"response-in-welsh:{claim.pk}:claimant")
    assert told.exists()
    for email in told:
        assert "translat" in email.body and WELSH not in email.body and "defence" not in email.body.lower()
    mine = Notification.objects.get(key__startswith=f"response:{claim.pk}:defendant")
    assert mine.kind == "response_received_defendant_cy"  # answered in Welsh (2.1(3)(l))
    assert mine.subject == f"Mae eich ymateb i hawliad {claim.claim_number} wedi dod i law"
    assert "Fe wnaethoch ymateb yn Gymraeg" in mine.body
    assert "am 10:00 ar Dydd Mercher 10 Mawrth 2027" in mine.body  # the dates in Welsh too


def test_only_a_defendant_in_person_against_a_represented_claimant_may_respond_in_welsh(served, solicitor):
    claim = served()  # the defendant's firm responds: the claim is conducted in English (2.1(3)(l))
    save(claim, solicitor, DEFENCE)
    fill(claim, solicitor)
    with pytest.raises(ClaimError, match="conducted in English"):
        services.response_submit(claim_id=claim.pk, actor=solicitor, signed_name="Bea Baker", signer_role="Partner",
                                 language="cy")
    assert not DefendantResponse.objects.filter(claim=claim).exists()


def test_against_a_claimant_in_person_the_response_is_in_english(linked):
    claim, defendant = linked
    assert not services.response_language(claim, defendant, "en") != "en"
    with pytest.raises(ClaimError, match="conducted in English"):
        services.response_language(claim, defendant, "cy")


def test_an_english_response_goes_straight_to_the_claimant(in_person):
    claim, director = in_person
    save(claim, director, {**DEFENCE, "defence": {"text": ENGLISH}})
    fill(claim, director)
    response = services.response_submit(claim_id=claim.pk, actor=director, signed_name="Alan Acme",
                                        signer_role="Director")
    assert response.language == "en" and response.state == ResponseState.WITH_CLAIMANT
    # The represented claimant answers a defence within 28 days (CLM-REP-28, 6A.4(3)): Wednesday 10 March + 28.
    assert fresh(claim).claimant_answer_by == uk(2027, 4, 7, 16, 0)


# -- the translation (6B.1(2)-(3)) --------------------------------------------------------------------------------

#: When the caseworker provides the translation, and the represented claimant's deadline to answer the defence
#: (CLM-REP-28, 6A.4(3)): counted from that day, whatever the hour (the court's act; the 4pm rule of 14.1 is for
#: what a party submits), never from 10 March (7 April).
TRANSLATED = [
    ("Friday before 4pm", uk(2027, 3, 12, 15, 59), date(2027, 3, 12), uk(2027, 4, 9, 16, 0)),
    ("Friday after 4pm", uk(2027, 3, 12, 17, 30), date(2027, 3, 12), uk(2027, 4, 9, 16, 0)),
    # 28 days after Saturday 13 March is Saturday 10 April: the next open day, Monday 12 April.
    ("Saturday", uk(2027, 3, 13, 9, 0), date(2027, 3, 13), uk(2027, 4, 12, 16, 0)),
    ("Good Friday after 4pm", uk(2027, 3, 26, 16, 30), date(2027, 3, 26), uk(2027, 4, 23, 16, 0)),
    # 00:30 on Monday 5 April in summer time; 28 days on is the May bank holiday (Monday 3 May): Tuesday 4 May.
    ("just after midnight, summer time", uk(2027, 4, 5, 0, 30), date(2027, 4, 5), uk(2027, 5, 4, 16, 0)),
]


@pytest.mark.parametrize("label, at, day, deadline", TRANSLATED, ids=[t[0] for t in TRANSLATED])
def test_the_claimants_time_starts_on_the_day_the_translation_is_provided(in_person, caseworker, travel,
                                                                           label, at, day, deadline):
    claim, director = in_person
    respond_in_welsh(claim, director)
    travel(at, tick=False)
    response = services.response_translation_provide(claim_id=claim.pk, actor=caseworker, text=ENGLISH)
    assert response.state == ResponseState.WITH_CLAIMANT
    translation = ResponseTranslation.objects.get(response=response)
    assert translation.provided_on == day and translation.provided_by == caseworker and translation.text == ENGLISH
    claim = fresh(claim)
    assert claim.claimant_answer_by == deadline
    assert claim.response.data["defence"]["text"] == WELSH  # the Welsh stays as submitted


def test_once_translated_the_claimant_is_given_the_response_and_told_as_usual(in_person, caseworker, travel):
    claim, director = in_person
    respond_in_welsh(claim, director)
    travel(uk(2027, 3, 12, 17, 30), tick=False)
    services.response_translation_provide(claim_id=claim.pk, actor=caseworker, text=ENGLISH)
    again = services.response_translation_provide(claim_id=claim.pk, actor=caseworker, text="Another text")
    assert ResponseTranslation.objects.get(response=again).text == ENGLISH  # a double click changes nothing
    claim = fresh(claim)
    sol = claimant_solicitor(claim)
    assert can(sol, claim, Action.READ_RESPONSE) and can(sol, claim, Action.ANSWER_DEFENCE)
    assert for_claimant(claim).words == "Defence received"
    assert for_claimant(claim).deadline == uk(2027, 4, 9, 16, 0)
    told = Notification.objects.filter(key__startswith=f"response:{claim.pk}:claimant")
    assert told.exists() and all("9 April 2027" in email.body for email in told)
    assert Notification.objects.filter(key__startswith=f"response-translated:{claim.pk}:defendant").exists()
    event = claim.events.get(kind="response_translated")
    assert event.actor == caseworker and "12 March 2027" in event.summary


def test_only_a_caseworker_provides_the_translation_and_only_while_it_is_held(in_person, caseworker, judge):
    claim, director = in_person
    assert not can(caseworker, claim, Action.PROVIDE_TRANSLATION)  # nothing to translate yet
    respond_in_welsh(claim, director)
    claim = fresh(claim)
    assert can(caseworker, claim, Action.PROVIDE_TRANSLATION)
    for someone in (director, claimant_solicitor(claim), judge):
        with pytest.raises(NotAllowed):
            services.response_translation_provide(claim_id=claim.pk, actor=someone, text=ENGLISH)
    with pytest.raises(ClaimError, match="Enter the English translation"):
        services.response_translation_provide(claim_id=claim.pk, actor=caseworker, text="  ")
    assert fresh(claim).response.state == ResponseState.HELD_FOR_TRANSLATION


# -- the pages ----------------------------------------------------------------------------------------------------


def test_the_claimant_cannot_read_the_response_or_download_it_while_it_is_held(in_person, caseworker, client,
                                                                               travel):
    claim, director = in_person
    respond_in_welsh(claim, director)
    document = ClaimDocument.objects.get(claim=claim, kind=DocumentKind.RESPONSE)
    assert document_render(document_id=document.pk)
    document.refresh_from_db()
    assert document.status == DocumentStatus.READY, document.last_error
    detail = reverse("claims:detail", kwargs={"public_id": claim.public_id})
    download = reverse("claims:document", kwargs={"public_id": claim.public_id, "kind": "response"})
    sol = claimant_solicitor(claim)
    client.force_login(sol)
    page = client.get(detail).content.decode()
    assert BEING_TRANSLATED in page and WELSH not in page
    assert client.get(download).status_code == 404
    client.force_login(director)
    first = client.get(download)
    assert first.status_code == 200
    assert "The response is being translated into English" in " ".join(pdf_text(first.content).split())
    own = client.get(reverse("responses:claim", kwargs={"public_id": claim.public_id})).content.decode()
    assert BEING_TRANSLATED in own
    travel(uk(2027, 3, 12, 11, 0), tick=False)
    services.response_translation_provide(claim_id=claim.pk, actor=caseworker, text=ENGLISH)
    client.force_login(sol)
    page = client.get(detail).content.decode()
    assert ENGLISH in page and "12 March 2027" in page
    document.refresh_from_db()
    assert document.status == DocumentStatus.PENDING  # rendered anew, with the translation
    assert document_render(document_id=document.pk)
    got = client.get(download)
    assert got.status_code == 200
    text = " ".join(pdf_text(got.content).split())
    assert "English translation (PD 51R 6B.1)" in text and ENGLISH in text and WELSH in text


def test_the_translation_step_is_for_court_staff_only(in_person, caseworker, client):
    claim, director = in_person
    respond_in_welsh(claim, director)
    url = reverse("admin:claims_claim_response_translation", args=[claim.pk])
    client.force_login(claimant_solicitor(claim))
    refused = client.get(url)
    assert refused.status_code == 302 and "/admin/login/" in refused["Location"]
    client.force_login(director)
    assert client.get(url).status_code == 302
    assert fresh(claim).response.state == ResponseState.HELD_FOR_TRANSLATION
    client.force_login(caseworker)
    change = client.get(reverse("admin:claims_claim_change", args=[claim.pk])).content.decode()
    assert url in change
    page = client.get(url).content.decode()
    assert WELSH in page  # the caseworker sees what the defendant wrote
    assert client.post(url, {"text": ""}).status_code == 200
    assert client.post(url, {"text": ENGLISH}).status_code == 302
    assert fresh(claim).response.state == ResponseState.WITH_CLAIMANT
    assert url not in client.get(reverse("admin:claims_claim_change", args=[claim.pk])).content.decode()


# -- the response pages in Welsh (the language switch) -------------------------------------------------------------


def test_the_defendant_in_person_switches_the_response_pages_to_welsh_and_responds_in_welsh(in_person, client):
    claim, director = in_person
    client.force_login(director)
    task_list = reverse("responses:task_list", kwargs={"public_id": claim.public_id})
    switch = reverse("responses:language", kwargs={"public_id": claim.public_id})
    page = client.get(task_list).content.decode()
    assert switch in page and "Cymraeg" in page and '<html lang="en"' in page
    assert "Respond to the claim" in page
    moved = client.post(switch, {"language": "cy", "next": task_list})
    assert moved.status_code == 302 and moved["Location"] == task_list
    page = client.get(task_list).content.decode()
    assert '<html lang="cy"' in page and "Ymateb i’r hawliad" in page and "Paratoi eich ymateb" in page
    assert "Rydych yn ymateb yn Gymraeg" in page
    question = reverse("responses:question", kwargs={"public_id": claim.public_id, "slug": "response_type"})
    page = client.get(question).content.decode()
    assert "Sut ydych chi’n ymateb i’r hawliad?" in page and "Cadw a pharhau" in page
    save(claim, director, {**DEFENCE, "defence": {"text": WELSH}})
    fill(claim, director)
    check = reverse("responses:check", kwargs={"public_id": claim.public_id})
    page = client.get(check).content.decode()
    assert "Datganiad gwirionedd" in page and "Credaf fod y ffeithiau" not in page  # a company signs for itself
    assert "Mae’r diffynnydd yn credu bod y ffeithiau" in page
    done = client.post(check, {"believe": "on", "signed_name": "Alan Acme", "signer_role": "Cyfarwyddwr"})
    assert done.status_code == 302
    response = DefendantResponse.objects.get(claim=claim)
    assert response.language == "cy" and response.held_for_translation
    page = client.get(done["Location"]).content.decode()
    assert "Rydych wedi cyflwyno eich ymateb" in page and "Fe wnaethoch ymateb yn Gymraeg" in page


def test_switching_back_to_english_responds_in_english(in_person, client):
    claim, director = in_person
    client.force_login(director)
    switch = reverse("responses:language", kwargs={"public_id": claim.public_id})
    client.post(switch, {"language": "cy", "next": "https://elsewhere.example/"})
    assert services.draft_language(claim, director) == "cy"
    back = client.post(switch, {"language": "en", "next": "https://elsewhere.example/"})
    assert back["Location"] == reverse("responses:task_list", kwargs={"public_id": claim.public_id})  # never away
    assert services.draft_language(claim, director) == "en"
    page = client.get(back["Location"]).content.decode()
    assert "Respond to the claim" in page and '<html lang="en"' in page


def test_the_switch_is_not_offered_where_the_claim_is_conducted_in_english(served, solicitor, linked, client):
    claim = served()
    client.force_login(solicitor)
    task_list = reverse("responses:task_list", kwargs={"public_id": claim.public_id})
    switch = reverse("responses:language", kwargs={"public_id": claim.public_id})
    assert switch not in client.get(task_list).content.decode()
    client.post(switch, {"language": "cy", "next": task_list})
    assert services.draft_language(claim, solicitor) == "en"
    assert "Respond to the claim" in client.get(task_list).content.decode()
    own, defendant = linked  # a claimant in person: both in person, in English
    client.force_login(defendant)
    own_list = reverse("responses:task_list", kwargs={"public_id": own.public_id})
    own_switch = reverse("responses:language", kwargs={"public_id": own.public_id})
    assert own_switch not in client.get(own_list).content.decode()


def test_the_switch_is_404_to_someone_else(in_person, client, make_user):
    claim, _ = in_person
    client.force_login(make_user("stranger@example.com"))
    switch = reverse("responses:language", kwargs={"public_id": claim.public_id})
    assert client.post(switch, {"language": "cy"}).status_code == 404


def test_the_claimants_firm_dashboard_says_it_is_being_translated(in_person, client):
    claim, director = in_person
    respond_in_welsh(claim, director)
    claim = fresh(claim)
    assert state_words(claim, PartyRole.CLAIMANT)[0] == BEING_TRANSLATED
    client.force_login(claimant_solicitor(claim))
    html = client.get(reverse("casework:dashboard"), {"tab": "all"}).content.decode()
    assert claim.claim_number in html and BEING_TRANSLATED in html and WELSH not in html


def test_the_defence_page_asks_its_question_in_welsh(in_person, client):
    claim, director = in_person
    client.force_login(director)
    client.post(reverse("responses:language", kwargs={"public_id": claim.public_id}), {"language": "cy"})
    save(claim, director, {key: DEFENCE[key] for key in ("details", "response_type", "reject_reason")})
    defence = reverse("responses:question", kwargs={"public_id": claim.public_id, "slug": "defence"})
    page = client.get(defence).content.decode()
    assert "Pam ydych chi’n anghytuno â’r hawliad?" in page  # the page's heading is the question
    assert "Why do you disagree with the claim?" not in page
    error = client.post(defence, {"text": ""}).content.decode()
    assert "Eglurwch pam eich bod yn anghytuno â’r hawliad" in error
