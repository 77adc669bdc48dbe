"""A notice of change in a browser (PD 51R 21), with axe on every page: Nova Law's solicitor files one from the firm
dashboard (a name that matches nobody first), lands on the claim; Able & Co's solicitor, who had the case, then gets
"Page not found" for it and no longer has it on the dashboard. Signed in by session cookie."""
from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import Page, expect

from claims import assignments
from tests.firm_factories import make_firm, make_member
from tests.firms.test_notice_of_change import make_claim

from .axe import assert_accessible

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def sign_in(page: Page, live_server, user) -> None:
    client = Client()
    client.force_login(user)
    page.context.clear_cookies()
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "url": live_server.url,
                               "value": client.cookies[settings.SESSION_COOKIE_NAME].value}])


def test_a_notice_of_change_and_the_former_firm_losing_access(page: Page, live_server):
    former, new = make_firm("Able & Co"), make_firm("Nova Law")
    admin = make_member(former, admin=True, sees_all=True)
    ash = make_member(former, name="Ash Able")
    claim = make_claim(ash, claimant_firm=former)
    assignments.assign(claim, to=ash, actor=admin)
    nina = make_member(new, name="Nina Nova")
    case_url = f"{live_server.url}/claims/{claim.public_id}/"

    sign_in(page, live_server, ash)
    page.goto(case_url)
    expect(page.locator("h1")).not_to_have_text("Page not found")

    sign_in(page, live_server, nina)
    page.goto(f"{live_server.url}/firm/")
    page.get_by_role("button", name="File a notice of change").click()
    expect(page.locator("h1")).to_have_text("File a notice of change")
    assert_accessible(page, "file a notice of change")
    page.get_by_label("Claim number").fill("000MC301")
    page.get_by_label("Your client's name").fill("Jane Smith")
    page.get_by_role("button", name="File the notice of change").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("no claim with that number on which exactly one")
    assert_accessible(page, "file a notice of change: no match")
    page.get_by_label("Your client's name").fill("jane claimant")
    page.get_by_label("Your reference (optional)").fill("NOVA/7")
    page.get_by_role("button", name="File the notice of change").click()
    expect(page).to_have_url(case_url)
    expect(page.locator("main")).to_contain_text(
        "Notice of change filed: Nova Law now acts for Ms Jane Claimant, the claimant, on claim 000MC301")
    expect(page.locator("main")).to_contain_text("Notice of change filed by Nina Nova of Nova Law")
    assert_accessible(page, "the claim, after the notice of change")

    sign_in(page, live_server, ash)
    page.goto(case_url)
    expect(page.locator("h1")).to_have_text("Page not found")
    assert_accessible(page, "the former firm's solicitor: page not found")
    page.goto(f"{live_server.url}/firm/")
    expect(page.locator("main")).not_to_contain_text("000MC301")
