"""The drafting pages in a real browser: GOV.UK Frontend running, no WCAG 2.2 A/AA violations (axe).

Uses the browser fixtures of ``tests/e2e`` (Debian's Chromium through Playwright, against
pytest-django's live server, see ``conftest.py``); marked ``e2e`` like them.
"""
from __future__ import annotations

import re

import pytest
from django.conf import settings
from playwright.sync_api import Page, expect

from claims.services import claim_draft_create
from tests.e2e.axe import assert_accessible
from tests.e2e.govuk import assert_govuk_page

from ..conftest import url
from ..factories import complete_draft_data

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def signed_in_page(page: Page, live_server, make_user, client):
    user = make_user(email="sam@example.com")
    client.force_login(user)
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
          "url": live_server.url}]
    )
    page.user = user
    return page


def go(tab: Page, live_server, path: str) -> None:
    tab.goto(live_server.url + path)
    assert_govuk_page(tab)
    expect(tab.get_by_role("heading", level=1)).to_have_count(1)


def test_every_page_of_a_complete_draft_is_accessible(signed_in_page: Page, live_server):
    tab = signed_in_page
    claim = claim_draft_create(owner=tab.user, data=complete_draft_data(
        interest={"choice": "standard", "from": "date", "from_date": "2026-01-02", "from_reason": "Invoice due"}))
    for name in ("task_list", "claimant_type", "claimant_details", "defendant_type", "defendant_details", "amount",
                 "interest", "interest_from", "what_happened", "timeline", "evidence", "check"):
        go(tab, live_server, url(name, claim))
        assert_accessible(tab, f"drafting tab {name}")


def test_a_new_draft_and_the_incomplete_check_page(signed_in_page: Page, live_server):
    tab = signed_in_page
    claim = claim_draft_create(owner=tab.user)
    for name in ("task_list", "check"):
        go(tab, live_server, url(name, claim))
        assert_accessible(tab, f"new draft: {name}")


def test_errors_are_summarised_focused_and_accessible(signed_in_page: Page, live_server):
    tab = signed_in_page
    claim = claim_draft_create(owner=tab.user, data=complete_draft_data())

    go(tab, live_server, url("claimant_details", claim))
    tab.get_by_label("Full name").fill("")
    tab.get_by_label("Year").fill("2020")
    tab.get_by_role("button", name="Save and continue").click()
    summary = tab.locator(".govuk-error-summary")
    expect(summary).to_be_focused()
    expect(tab).to_have_title(re.compile(r"^Error: Your details"))
    assert_accessible(tab, "your details with errors")
    summary.get_by_role("link", name="You must be 18 or over to make a claim with this service").click()
    expect(tab.locator("#id_date_of_birth_day")).to_be_focused()

    go(tab, live_server, url("defendant_details", claim))
    tab.get_by_label("Postcode").fill("EH1 1YZ")
    tab.get_by_role("button", name="Save and continue").click()
    expect(tab.locator(".govuk-error-summary")).to_contain_text("must be in England or Wales")
    assert_accessible(tab, "the defendant's details with an error")

    go(tab, live_server, url("check", claim))
    tab.get_by_role("button", name="Submit claim").click()
    expect(tab.locator(".govuk-error-summary")).to_be_focused()
    assert_accessible(tab, "check your answers with errors")


def test_interest_asks_its_follow_up_questions_under_the_chosen_answer(signed_in_page: Page, live_server):
    """GOV.UK Frontend's conditional reveal: only the chosen answer's follow-up questions show, and they
    go when the answer changes (axe's finding on the aria-expanded it sets is exempt, see tests/e2e/axe.py)."""
    tab = signed_in_page
    claim = claim_draft_create(owner=tab.user, data=complete_draft_data(interest={}))
    go(tab, live_server, url("interest", claim))
    rate = tab.get_by_label("Rate of interest a year")
    fixed = tab.get_by_label("Amount of interest")
    expect(rate).to_be_hidden()
    expect(fixed).to_be_hidden()
    tab.get_by_label("Yes, at a different rate").check()
    expect(rate).to_be_visible()
    expect(fixed).to_be_hidden()
    assert_accessible(tab, "interest, a different rate chosen")
    tab.get_by_label("Yes, a fixed sum of interest I have calculated").check()
    expect(rate).to_be_hidden()
    expect(fixed).to_be_visible()
    tab.get_by_label("Yes, at a different rate").check()
    expect(fixed).to_be_hidden()
    tab.get_by_role("button", name="Save and continue").click()
    expect(tab.locator(".govuk-error-summary")).to_contain_text("Enter the rate of interest you are claiming")
    expect(rate).to_be_visible()  # the answer with the error stays chosen, its panel open
    assert_accessible(tab, "interest with errors in a conditional reveal")
    rate.fill("5")
    tab.get_by_label("Why are you claiming this rate?").fill("Our contract")
    tab.get_by_role("button", name="Save and continue").click()
    expect(tab.get_by_role("heading", level=1)).to_have_text("When are you claiming interest from?")
    expect(tab.get_by_label("Day")).to_be_hidden()
    tab.get_by_label("A particular date").check()
    expect(tab.get_by_label("Day")).to_be_visible()
    assert_accessible(tab, "interest from a date, revealed")


def test_without_javascript_every_follow_up_question_shows(browser, signed_in_page: Page, live_server):
    claim = claim_draft_create(owner=signed_in_page.user, data=complete_draft_data(interest={}))
    context = browser.new_context(java_script_enabled=False)
    try:
        context.add_cookies(signed_in_page.context.cookies())
        tab = context.new_page()
        tab.goto(live_server.url + url("interest", claim))
        expect(tab.get_by_label("Rate of interest a year")).to_be_visible()
        expect(tab.get_by_label("Amount of interest")).to_be_visible()
    finally:
        context.close()


def test_rows_add_another_and_enter_saves(signed_in_page: Page, live_server):
    tab = signed_in_page
    claim = claim_draft_create(owner=tab.user)
    go(tab, live_server, url("amount", claim))
    tab.locator("#id_items-0-description").fill("Invoice 1")
    tab.locator("#id_items-0-amount").fill("1,200")
    tab.get_by_role("button", name="Add another row").click()
    expect(tab.locator("#id_items-3-description")).to_be_visible()
    expect(tab.locator("#id_items-0-amount")).to_have_value("1,200")
    assert_accessible(tab, "claim amount with a row added")
    tab.locator("#id_items-0-amount").press("Enter")
    expect(tab.get_by_role("heading", level=1)).to_have_text("Make a money claim")
    expect(tab.locator("#task-amount-hint")).to_have_text("Total: £1,200.00")
