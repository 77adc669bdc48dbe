"""A page from before the claim moved on, in a browser: the Pay button of a fee page opened before
the claim was paid (a second tab, the back button) lands on the claim's page, told it is paid."""
from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from playwright.sync_api import Page, expect

from payments.models import FakeCardPayment, Payment
from tests.payments.test_payments import submitted

from .axe import assert_accessible

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_pay_on_a_stale_fee_page_goes_to_the_claim_page(page: Page, live_server, make_user):
    owner = make_user()
    claim = submitted(owner)
    client = Client()
    client.force_login(owner)
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "url": live_server.url,
                               "value": client.cookies[settings.SESSION_COOKIE_NAME].value}])
    fee_url = live_server.url + reverse("claims:fee", args=[claim.public_id])
    page.goto(fee_url)
    stale = page.context.new_page()
    stale.goto(fee_url)  # the same page in a second tab, before paying

    page.get_by_role("button", name=re.compile(r"^Pay £.* by card$")).click()
    page.get_by_label("Card number").fill("4444 3333 2222 1111")
    page.get_by_label("Expiry date").fill("10/29")
    page.get_by_label("Name on card").fill("Jo Claimant")
    page.get_by_label("Card security code").fill("123")
    page.get_by_role("button", name="Continue").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Your claim has been issued")

    stale.get_by_role("button", name=re.compile(r"^Pay £.* by card$")).click()
    expect(stale).to_have_url(live_server.url + reverse("claims:detail", args=[claim.public_id]))
    expect(stale.locator(".govuk-notification-banner")).to_contain_text("This claim has already been paid and issued.")
    expect(stale.get_by_role("button", name=re.compile(r"^Pay"))).to_have_count(0)
    assert_accessible(stale, "claim page after a stale Pay")
    assert Payment.objects.count() == 1 and FakeCardPayment.objects.count() == 1
