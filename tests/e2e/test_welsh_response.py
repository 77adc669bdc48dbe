"""A response in Welsh, translated, with the claimant's time starting on the translation day (PD 51R 2.1(3)(l), 6B.1),
in a browser with axe on every page.

Able & Co's claim for Jane Claimant against Acme Kitchens Ltd (a defendant in person, 2.1(3)(d)(iii)) is issued on
Wednesday 3 March 2027 (``tests.responses.test_represented_response``). At 10:00 on Wednesday 10 March the company's
director signs in, links the claim with its security code, switches the response pages to Cymraeg and defends the
whole claim in Welsh (the pages not yet in Welsh are answered in English). Both parties are told the response is
being translated; the claimant's solicitor cannot read it. On Monday 5 April 2027 a caseworker enters the English
translation on the claim's page for staff; the claimant's solicitor then reads the defence with the translation, and
must answer it (CLM-REP-28, 6A.4(3)) by 4pm on the 28th day after the translation day (6B.1(3)): Monday 3 May 2027 is
the early May bank holiday, so Tuesday 4 May 2027. Counted from the response day it would be Wednesday 7 April.

The director and the caseworker sign in through the sign-in page; the claimant's solicitor (a firm user with an
authenticator app) by session cookie.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from django.conf import settings
from django.db import transaction
from django.test import Client
from django.urls import reverse
from playwright.sync_api import Page, expect

from claims.constants import DefendantRepresentation
from claims.models import Claim
from claims.status import BEING_TRANSLATED
from responses.models import DefendantResponse, ResponseState, ResponseTranslation
from rules.calendar import bank_holidays
from tests.conftest import uk
from tests.firm_factories import make_member
from tests.responses import test_represented_response as represented
from tests.responses.test_welsh_response import ENGLISH, WELSH

from .axe import assert_accessible
from .judgments_e2e import Party
from .test_defended_journeys import Staff, staff_user

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

claimant_firm, defendant_firm, served = represented.claimant_firm, represented.defendant_firm, represented.served

DIRECTOR = "alan@acme.example"
RESPONDED_ON = date(2027, 3, 10)  # represented.NOW, 10:00
TRANSLATED_AT = uk(2027, 4, 5, 11, 0)  # Monday 5 April 2027 (Easter Monday was 29 March)


def open_on_or_after(day: date) -> date:
    """The day itself, or the next day that is neither a weekend day nor a bank holiday in England and Wales."""
    while day.weekday() >= 5 or day in bank_holidays(day.year):
        day += timedelta(days=1)
    return day


# CLM-REP-28 (6A.4(3)) from the translation day (6B.1(3)): the 28th day, rolled on to an open day.
DAY_28 = TRANSLATED_AT.date() + timedelta(days=28)
ANSWER_BY = open_on_or_after(DAY_28)
FROM_THE_RESPONSE_DAY = open_on_or_after(RESPONDED_ON + timedelta(days=28))


def test_the_dates_chosen_tell_the_translation_day_from_the_response_day():
    assert DAY_28 == date(2027, 5, 3) and DAY_28 in bank_holidays(2027)  # the early May bank holiday, a Monday
    assert ANSWER_BY == date(2027, 5, 4)
    assert FROM_THE_RESPONSE_DAY == date(2027, 4, 7) != ANSWER_BY


def signed_in(page: Page, live_server, user) -> None:
    """The browser carries a fresh session of ``user`` (a firm user with an authenticator app)."""
    client = Client()
    client.force_login(user)
    page.context.clear_cookies()
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "url": live_server.url,
                               "value": client.cookies[settings.SESSION_COOKIE_NAME].value}])


class WelshParty(Party):
    """A party whose response pages may be in Welsh: once ``welsh`` is set, the task list's heading and the pages'
    button are the Welsh ones (the questions themselves are in Welsh or, where not yet translated, in English)."""

    welsh = False

    def task(self, title: str) -> None:
        if not self.welsh:
            return super().task(title)
        expect(self.page.get_by_role("heading", level=1)).to_have_text("Ymateb i’r hawliad")
        self.page.get_by_role("link", name=title, exact=True).click()

    def save(self) -> None:
        self.click("Cadw a pharhau" if self.welsh else "Save and continue")


def test_a_response_in_welsh_is_translated_and_the_claimants_time_runs_from_the_translation_day(
        page: Page, live_server, served, make_user, travel):
    with transaction.atomic():  # the payment's service expects the caller's transaction (the payment flow's)
        claim = served(defendant_firm=None, defendant_representation=DefendantRepresentation.NONE,
                       defendant_reference="")
    travel(represented.NOW, tick=True)
    make_user(DIRECTOR, full_name="Alan Acme")
    sol = make_member(claim.claimant_firm, name="Sol Able", sees_all=True)
    party = WelshParty(page, live_server.url)

    # The director links the claim and switches the response pages to Welsh.
    party.sign_in_and_link(claim, DIRECTOR)
    party.click("Respond to the claim", role="link")
    party.on("Respond to the claim", "task list, in English")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    party.click("Cymraeg")
    party.welsh = True
    party.on("Ymateb i’r hawliad", "task list, in Welsh")
    expect(page.locator("html")).to_have_attribute("lang", "cy")
    party.sees("Paratoi eich ymateb", "Rydych yn ymateb yn Gymraeg")

    party.task("Cadarnhewch eich manylion")
    party.on("Rhif ffôn (dewisol)", "details, in Welsh: a company has only its telephone number")
    party.save()
    party.task("Dewiswch eich ymateb")
    party.on("Sut ydych chi’n ymateb i’r hawliad?", "response type, in Welsh")
    party.choose("type", "reject")
    party.save()
    party.on("Pam ydych chi’n gwrthod yr hawliad?", "reject reason, in Welsh")
    party.choose("reason", "dispute")
    party.save()
    party.task("Dywedwch wrthym pam eich bod yn anghytuno â’r hawliad")
    party.on("Pam ydych chi’n anghytuno â’r hawliad?", "defence, in Welsh")
    party.save()
    party.errors("Eglurwch pam eich bod yn anghytuno â’r hawliad", context="defence, in Welsh, empty")
    party.fill("text", WELSH)
    party.save()
    party.on("Eich llinell amser o ddigwyddiadau", "defence timeline, in Welsh")
    party.save()
    party.on("Eich tystiolaeth", "defence evidence, in Welsh")
    party.save()
    # The directions questionnaire's pages are still in English.
    party.task("Give us details in case there is a hearing")
    party.hearing_pages("Leeds County Court")
    party.task("Cyfryngu dros y ffôn am ddim")
    party.on("A wnewch chi roi cynnig ar gyfryngu am ddim?", "mediation, in Welsh")
    party.choose("willing", "no")
    party.save()

    party.on("Gwiriwch eich atebion cyn cyflwyno eich ymateb", "check your answers, in Welsh")
    party.sees(WELSH, "Datganiad gwirionedd", "Mae’r diffynnydd yn credu bod y ffeithiau")
    page.locator("input[name=believe]").check()
    party.fill("signed_name", "Alan Acme")
    party.fill("signer_role", "Cyfarwyddwr")
    party.click("Cyflwyno eich ymateb")
    party.on("Rydych wedi cyflwyno eich ymateb", "response submitted, in Welsh")
    party.sees("Fe wnaethoch ymateb yn Gymraeg")

    response = DefendantResponse.objects.get(claim=claim)
    assert response.language == "cy" and response.state == ResponseState.HELD_FOR_TRANSLATION
    assert response.data["defence"]["text"] == WELSH
    assert Claim.objects.get(pk=claim.pk).claimant_answer_by is None  # no time runs yet (6B.1(3))

    # Both parties see that it is being translated; the claimant's solicitor cannot read it.
    party.go(f"/claims/{claim.public_id}/")
    party.on(party.parties, "the claim, for the defendant, being translated")
    party.sees(BEING_TRANSLATED)

    signed_in(page, live_server, sol)
    party.go(f"/claims/{claim.public_id}/")
    party.on("Claim against Acme Kitchens Ltd", "the claim, for the claimant's solicitor, being translated")
    party.status(BEING_TRANSLATED)
    party.sees("The court is translating the response into English and will send you the translation",
               "Your time to answer it starts on the day the court provides it (PD 51R 6B.1(3))")
    main = page.locator("main")
    expect(main).not_to_contain_text(WELSH)
    expect(page.get_by_role("link", name="Respond to the defence")).to_have_count(0)
    refused = page.goto(f"{live_server.url}/claims/{claim.public_id}/documents/response/")
    assert refused is not None and refused.status == 404
    party.go(reverse("casework:dashboard") + "?tab=all")
    row = page.locator("main tbody tr").filter(has_text=claim.claim_number)
    expect(row).to_contain_text(BEING_TRANSLATED)
    assert_accessible(page, "firm dashboard, being translated")
    expect(page.locator("main")).not_to_contain_text(WELSH)

    # Later, a caseworker enters the English translation.
    travel(TRANSLATED_AT, tick=True)
    caseworker = staff_user(make_user, "caseworker", "Casey Worker")
    staff = Staff(party, caseworker.email)
    party.go(f"/admin/claims/claim/{claim.pk}/change/")
    staff.step("Enter the English translation of the response")
    expect(page.locator("#content-main")).to_contain_text(WELSH)
    assert_accessible(page, "the translation step", within=["#content-main"])
    staff.submit("Provide the translation to the claimant")
    expect(page.locator(".errorlist").first).to_be_visible()
    assert_accessible(page, "the translation step with an error", within=["#content-main"])
    page.locator("[name=text]").fill(ENGLISH)
    staff.submit("Provide the translation to the claimant")
    staff.done("their time to answer starts today")

    translation = ResponseTranslation.objects.get(response__claim=claim)
    assert translation.provided_on == TRANSLATED_AT.date()
    claim = Claim.objects.get(pk=claim.pk)
    assert claim.claimant_answer_by == uk(ANSWER_BY.year, ANSWER_BY.month, ANSWER_BY.day, 16, 0)

    # The claimant's solicitor reads the defence with its translation, and the deadline from the translation day.
    signed_in(page, live_server, sol)
    party.go(f"/claims/{claim.public_id}/")
    party.on("Claim against Acme Kitchens Ltd", "the claim, for the claimant's solicitor, translated")
    party.status("Defence received")
    party.sees("before 4pm on Tuesday 4 May 2027", "A response in Welsh",
               "The court provided this English translation on 5 April 2027 (PD 51R 6B.1(2)); the claimant's time to "
               "answer started that day (6B.1(3))", ENGLISH)
    expect(main).not_to_contain_text("7 April 2027")
    expect(main).not_to_contain_text(BEING_TRANSLATED)
    # The response's PDF, rendered anew: the Welsh as submitted and the court's translation with its date.
    text = party.download_text(party.page.get_by_role("link", name=re.compile(r"^Defendant's response \(PDF")))
    assert "English translation (PD 51R 6B.1)" in text and ENGLISH in text and WELSH in text
    party.click("Respond to the defence", role="link")
    party.on("Respond to the defendant’s response", "answer the defence, translated")
    party.sees("4pm on Tuesday 4 May 2027")
