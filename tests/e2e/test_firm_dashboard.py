"""The firm dashboard in a browser: each tab and the allocation page (with its error state) pass axe, and an
administrator allocates an unassigned case from the dashboard."""
from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from playwright.sync_api import Page, expect

from claims.constants import ClaimState
from tests.casework.conftest import represented
from tests.firm_factories import make_firm, make_member

from .axe import assert_accessible

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def sign_in(page: Page, live_server, user) -> None:
    client = Client()
    client.force_login(user)
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "url": live_server.url,
                               "value": client.cookies[settings.SESSION_COOKIE_NAME].value}])


def test_the_dashboard_tabs_and_allocating_a_case(page: Page, live_server, make_user):
    firm = make_firm("Able & Co")
    supervisor = make_member(firm, name="Ada Supervisor", admin=True, sees_all=True)
    make_member(firm, name="Sam Solicitor")
    owner = make_user()
    claim = represented(owner, firm)
    represented(owner, firm, state=ClaimState.DRAFT)
    sign_in(page, live_server, supervisor)
    page.goto(live_server.url + reverse("casework:dashboard"))
    expect(page.locator("#unassigned-banner")).to_contain_text("2 cases are not allocated to a solicitor")
    assert_accessible(page, "firm dashboard: assigned to me")
    page.get_by_role("link", name="All the firm's cases").click()
    expect(page.locator("tbody tr")).to_have_count(2)
    assert_accessible(page, "firm dashboard: all the firm's cases")
    page.get_by_role("link", name="Unassigned", exact=True).click()
    page.get_by_label("Next deadline within (days)").fill("soon")
    page.get_by_role("button", name="Apply").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("whole number of days")
    assert_accessible(page, "firm dashboard: unassigned, with a filter error")

    page.get_by_role("link", name=f"Allocation of {claim.claim_number}").click()
    assert_accessible(page, "allocation page")
    page.get_by_role("button", name="Allocate the case").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select the solicitor to allocate the case to")
    assert_accessible(page, "allocation page with an error")
    page.get_by_label("Sam Solicitor").first.check()
    page.get_by_role("button", name="Allocate the case").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("allocated to Sam Solicitor")
    expect(page.locator("#allocation-record")).to_contain_text("Sam Solicitor")
    assert_accessible(page, "allocation page after allocating")
