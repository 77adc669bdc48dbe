"""Follow-up questions in a browser: GOV.UK Frontend's conditional reveal shows only the chosen answer's
panel, and hides it again when the answer changes; without JavaScript every panel shows. On the
claimant's answer to an offer (the counter-plan under "No") and the statement of means' income page
(an amount and how often under each kind of income). The interest page's are in
``tests/claims/drafting/browser``.
"""
from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.urls import reverse
from playwright.sync_api import Browser, Page, expect

from claims.models import Claim
from responses import services as response_services

from .judgments_e2e import INSTALMENTS_OFFER, Party, respond_by_services
from .respond import CLAIMANT_EMAIL, DEFENDANT_EMAIL
from .test_judgment_journeys import RESPONDED_AT

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

#: The income page with nothing chosen, at 1280 px wide, when only the chosen answers' panels show.
INCOME_PAGE_MAX_HEIGHT = 2000
WIDE, NARROW = 1280, 375


@pytest.fixture
def no_js_page(browser: Browser) -> Iterator[Page]:
    """A page in a browser context with JavaScript off (no GOV.UK Frontend)."""
    context = browser.new_context(locale="en-GB", timezone_id="Europe/London", java_script_enabled=False)
    try:
        yield context.new_page()
    finally:
        context.close()


def signed_in_copy(party: Party, blank: Page) -> Page:
    """``blank`` (another context) signed in as the same person as ``party``."""
    blank.context.add_cookies(party.page.context.cookies())
    return blank


def page_height(page: Page) -> int:
    return page.evaluate("() => document.documentElement.scrollHeight")


def income_page(claim: Claim, dan) -> str:
    """The defendant has linked the claim and said they will pay by instalments: the means come next."""
    response_services.response_link(user=dan, claim_number=claim.claim_number, security_code=claim.security_code)
    response_services.response_draft_save(claim_id=claim.pk, actor=dan, values=INSTALMENTS_OFFER)
    return reverse("responses:question", kwargs={"public_id": claim.public_id, "slug": "income"})


def test_the_offer_page_shows_the_counter_plan_only_under_no(party: Party, claim: Claim, dan, travel, no_js_page):
    travel(RESPONDED_AT, tick=True)
    respond_by_services(claim, dan, **INSTALMENTS_OFFER)
    url = reverse("judgments:answer_offer", kwargs={"public_id": claim.public_id})
    party.sign_in(CLAIMANT_EMAIL, url, "The defendant's offer to pay", "the offer, nothing chosen")
    page = party.page
    plan = page.locator("#conditional-id_answer-2")
    instalments = page.locator("#conditional-id_plan-option-3")
    expect(plan).to_be_hidden()
    expect(page.get_by_role("radio", name="By instalments")).to_be_hidden()

    party.choose("answer", "reject")
    expect(plan).to_be_visible()
    expect(page.locator("input[name=answer][value=reject]")).to_have_attribute("aria-expanded", "true")
    expect(instalments).to_be_attached()
    expect(instalments).to_be_hidden()  # the plan's own follow-ups wait for their answer too
    party.choose("plan-option", "instalments")
    expect(instalments).to_be_visible()
    expect(page.get_by_label("Amount of each instalment")).to_be_visible()
    party.on("The defendant's offer to pay", "the offer, rejected, instalments chosen")

    party.choose("answer", "accept")
    expect(plan).to_be_hidden()
    expect(page.locator("input[name=answer][value=reject]")).to_have_attribute("aria-expanded", "false")
    party.choose("answer", "reject")
    expect(instalments).to_be_visible()  # what was chosen under it is still there

    off = signed_in_copy(party, no_js_page)
    off.goto(party.base_url + url)
    expect(off.locator("#conditional-id_answer-2")).to_be_visible()
    expect(off.get_by_label("Amount of each instalment")).to_be_visible()


def test_the_income_page_shows_only_the_chosen_kinds_amounts(party: Party, claim: Claim, dan, no_js_page):
    url = income_page(claim, dan)
    page = party.page
    page.set_viewport_size({"width": WIDE, "height": 800})
    party.sign_in(DEFENDANT_EMAIL, url, "What regular income do you get?", "means: income, nothing chosen")
    height = page_height(page)
    assert height <= INCOME_PAGE_MAX_HEIGHT, height
    for amount in ("Amount of your pension", "Amount of Child Benefit", "Amount of your take-home pay"):
        expect(page.get_by_label(amount)).to_be_hidden()

    party.choose("types", "pension")
    expect(page.get_by_label("Amount of your pension")).to_be_visible()
    expect(page.get_by_role("group", name="How often do you get your pension?")).to_be_visible()
    expect(page.get_by_label("Amount of Child Benefit")).to_be_hidden()
    party.choose("types", "child_benefit")
    expect(page.get_by_label("Amount of Child Benefit")).to_be_visible()
    party.on("What regular income do you get?", "means: income, two kinds chosen")

    page.locator("input[name=types][value=pension]").uncheck()
    expect(page.get_by_label("Amount of your pension")).to_be_hidden()
    expect(page.get_by_label("Amount of Child Benefit")).to_be_visible()

    off = signed_in_copy(party, no_js_page)
    off.set_viewport_size({"width": WIDE, "height": 800})
    off.goto(party.base_url + url)
    expect(off.get_by_label("Amount of your pension")).to_be_visible()
    expect(off.get_by_label("Amount of Child Benefit")).to_be_visible()
    assert page_height(off) > INCOME_PAGE_MAX_HEIGHT  # every panel shows: the page still works
