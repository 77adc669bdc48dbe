"""Public pages, sign-in and the GOV.UK look."""
from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from court.models import ClosureDay
from tests.conftest import uk

pytestmark = pytest.mark.django_db


def test_home_page_is_money_claims_not_govuk(client):
    page = client.get("/").content.decode()
    assert "Money Claims" in page
    assert "govuk/govuk-frontend.min.css" in page
    assert "govuk-header__logotype" not in page and "crown" not in page.lower()


def test_closed_days_page_lists_bank_holidays_and_announced_closures(client, travel):
    travel(uk(2026, 11, 21, 10, 0))
    ClosureDay.objects.create(day=date(2026, 12, 24), reason="HMCTS announced closure")
    page = client.get(reverse("closed_days")).content.decode()
    assert "Thursday 24 December 2026" in page and "Court closure day" in page
    assert "Friday 25 December 2026" in page and "Bank holiday" in page
    assert "Monday 28 December 2026" in page
    assert "Saturday 26 December 2026" not in page  # weekends are explained, not listed
    assert "before 4pm" in page


def test_sign_in_shows_a_govuk_error_summary_and_keeps_the_email(client, make_user):
    make_user(email="pat@example.com")
    response = client.post(reverse("account_login"), {"login": "pat@example.com", "password": "wrong"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in page and "Enter a correct email address and password" in page
    assert 'value="pat@example.com"' in page
    assert "<title>Error: Sign in" in page


def test_sign_in_and_out(client, make_user):
    make_user(email="pat@example.com")
    credentials = {"login": "pat@example.com", "password": "correct-horse-battery"}
    response = client.post(reverse("account_login"), credentials)
    assert response.status_code == 302 and response["Location"] == reverse("claims:dashboard")
    assert client.get(reverse("claims:dashboard")).status_code == 200
    client.post(reverse("account_logout"))
    assert client.get(reverse("claims:dashboard")).status_code == 302


def test_missing_page_is_a_404(client):
    assert client.get("/no-such-page/").status_code == 404


def test_healthz(client):
    assert client.get("/healthz").json()["status"] == "ok"
