"""Court staff's own pages in a browser, checked with axe: the work queues, a claim's page, a step's form (with
its error state) and the security code page.

These pages are our templates inside the Django admin's frame. The frame (header, navigation, breadcrumbs, the
page's heading, the change form and its collapsed raw fields) is Django's own markup and exempt, so each check is
scoped to what our templates render: ``#content-main`` on the queues, step and security code pages, and the
summary and defended panel (``#claim-summary``, ``#defended-panel``) on the claim's page.

The claim is issued on Monday 1 March 2027 at 10:00 (``respond.issue_claim``).
"""
from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from claims.models import StaffAccess

from .axe import assert_accessible
from .judgments_e2e import Party
from .test_defended_journeys import Staff, staff_user

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_caseworkers_pages_pass_axe(claim, page: Page, live_server, make_user):
    caseworker = staff_user(make_user, "caseworker", "Casey Worker")
    staff = Staff(Party(page, live_server.url), caseworker.email)
    assert_accessible(page, "work queues", within=["#content-main"])

    staff.party.go(f"/admin/claims/claim/{claim.pk}/change/")
    expect(page.locator("#claim-summary")).to_contain_text("The defendant responds by")
    assert_accessible(page, "a claim's page for staff", within=["#claim-summary", "#defended-panel"])

    page.locator("#claim-summary").get_by_role("link", name="Record the defendant's call (paper response)").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Record the defendant's call")
    assert_accessible(page, "a step's form", within=["#content-main"])
    staff.submit("Record the call and send the forms")
    expect(page.locator(".errorlist").first).to_be_visible()
    assert_accessible(page, "a step's form with an error", within=["#content-main"])

    staff.party.go(f"/admin/claims/claim/{claim.pk}/change/")
    page.get_by_role("link", name="See the security code").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Security code")  # the page has loaded
    assert_accessible(page, "the security code page", within=["#content-main"])
    staff.submit("Show the security code")
    expect(page.locator("#security-code")).to_have_text(claim.security_code)
    assert_accessible(page, "the security code shown", within=["#content-main"])
    assert StaffAccess.objects.filter(claim=claim, user=caseworker).count() == 1
