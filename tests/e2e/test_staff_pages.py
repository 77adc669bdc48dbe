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
from judgments import applications
from responses import services as response_services
from responses.models import DefendantResponse, ResponseState
from tests.conftest import uk
from tests.judgments.test_answers import OFFER
from tests.responses.test_services import DEFENCE_PAGES, MEANS_DEFAULTS, respond

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


def admitted_and_asked_to_withdraw(claim, dan, travel):
    """Dan admits the whole claim with an offer of instalments, then asks permission to withdraw the admission
    (7.46): the claim is sent out and waits for a judge's decision."""
    linked = response_services.response_link(user=dan, claim_number=claim.claim_number,
                                              security_code=claim.security_code)
    travel(uk(2027, 3, 10, 11, 0), tick=False)
    respond(linked, dan, details=DEFENCE_PAGES["details"], response_type={"type": "full_admission"},
            income=MEANS_DEFAULTS["income"], **OFFER)
    applications.admission_withdrawal_apply(claim_id=claim.pk, actor=dan, reasons="I was wrong: I paid it")
    return linked


def test_a_judge_decides_an_application_to_withdraw_an_admission(claim, dan, page: Page, live_server, make_user,
                                                                 travel):
    admitted_and_asked_to_withdraw(claim, dan, travel)
    judge = staff_user(make_user, "judge", "Judith Bench")
    staff = Staff(Party(page, live_server.url), judge.email)
    staff.party.go(f"/admin/claims/claim/{claim.pk}/change/")
    page.locator("#claim-summary").get_by_role("link", name="Decide the application to withdraw the admission").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Decide the application to withdraw the admission")
    assert_accessible(page, "the withdrawal decision's form", within=["#content-main"])
    staff.submit("Record the decision")
    expect(page.locator(".errorlist").first).to_be_visible()
    page.get_by_label("Give the defendant permission to withdraw their admission").check()
    page.get_by_label("Reasons").fill("The admission was made by mistake.")
    staff.submit("Record the decision")
    expect(page.locator(".messagelist")).to_contain_text("The admission is withdrawn.")
    assert DefendantResponse.objects.get(claim=claim).state == ResponseState.WITHDRAWN
