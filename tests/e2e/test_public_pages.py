"""Public pages in a real browser: GOV.UK look, JavaScript running, and no WCAG 2.2 A/AA violations."""
from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from court.calendar import court_calendar
from court.models import ClosureDay
from ocmc import clock
from tests.e2e.axe import assert_accessible
from tests.e2e.govuk import assert_govuk_page

pytestmark = pytest.mark.e2e

SIGN_IN = "account_login"  # django-allauth


def test_home_page(page: Page, live_server):
    page.goto(live_server.url + reverse("home"))
    expect(page).to_have_title("Make or respond to a money claim – Money Claims")
    expect(page.get_by_role("heading", level=1)).to_have_text("Make or respond to a money claim")
    expect(page.locator("a.govuk-button--start")).to_be_visible()
    assert_govuk_page(page)
    assert_accessible(page, "home page")


def test_deadlines_and_court_closed_days_page(page: Page, live_server):
    # A day the court would otherwise be open (never a weekend or a bank holiday, whatever today is).
    day = court_calendar().open_on_or_after(clock.today() + timedelta(days=30))
    ClosureDay.objects.create(day=day, reason="HMCTS announced closure")

    page.goto(live_server.url + reverse("home"))
    page.get_by_role("link", name="Deadlines and court closed days").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Deadlines and court closed days")
    row = page.get_by_role("row").filter(has_text=f"{day:%A} {day.day} {day:%B %Y}")
    expect(row).to_contain_text("Court closure day")
    assert_govuk_page(page)
    assert_accessible(page, "deadlines and court closed days page")


def test_sign_in_page_and_its_error_state(page: Page, live_server, make_user):
    make_user(email="pat@example.com")
    page.goto(live_server.url + reverse(SIGN_IN))
    assert_govuk_page(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in")
    assert_accessible(page, "sign-in page")

    page.get_by_label("Email address", exact=True).fill("pat@example.com")
    page.get_by_label("Password", exact=True).fill("not-the-password")
    page.get_by_role("button", name="Sign in", exact=True).click()

    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()  # GOV.UK Frontend moves focus to the summary
    expect(summary.get_by_role("heading")).to_have_text("There is a problem")
    expect(page).to_have_title(re.compile(r"^Error: Sign in"))
    expect(page.get_by_label("Email address", exact=True)).to_have_value("pat@example.com")
    assert_govuk_page(page)
    assert_accessible(page, "sign-in page with an error summary")
