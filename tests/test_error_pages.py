"""The error pages: the service's layout and the GOV.UK "problem with the service" patterns, for the
portal and the court staff admin."""
from __future__ import annotations

from unittest import mock

import pytest
from django.db import OperationalError
from django.test import RequestFactory
from django.urls import reverse

from ocmc import errors, urls

pytestmark = pytest.mark.django_db

LAYOUT = ("govuk-service-navigation", "govuk/govuk-frontend.min.css", "govuk-footer", "Money Claims")


def assert_layout(page: str) -> None:
    for part in LAYOUT:
        assert part in page, part


def test_a_missing_page_is_a_404_in_the_service_layout(client):
    response = client.get("/no-such-page/")
    page = response.content.decode()
    assert response.status_code == 404
    assert_layout(page)
    assert "<h1 class=\"govuk-heading-l\">Page not found</h1>" in page
    assert "If you typed the web address, check it is correct." in page
    assert "If the web address is correct or you selected a link or button" in page


def test_a_signed_in_person_who_is_not_staff_gets_the_styled_403_from_the_admin(client, make_user):
    client.force_login(make_user())
    response = client.get("/admin/", follow=True)
    page = response.content.decode()
    assert response.status_code == 403
    assert_layout(page)
    assert "You cannot view this page" in page and "only for court staff" in page
    assert "Your claims" in page  # the signed-in menu: the page is rendered with the request


def test_a_bad_request_is_a_400_in_the_service_layout(client):
    response = client.get("/", headers={"host": "not-our-host.example"})
    page = response.content.decode()
    assert response.status_code == 400
    assert_layout(page)
    assert "Sorry, there is a problem with your request" in page


def test_the_500_page_renders_without_the_request_context():
    assert urls.handler500 == "ocmc.errors.server_error"
    response = errors.server_error(RequestFactory().get("/"))
    page = response.content.decode()
    assert response.status_code == 500
    assert_layout(page)
    assert "<title>Sorry, there is a problem with the service – Money Claims</title>" in page
    assert "Try again later." in page
    assert "Sign in" not in page  # no request, so no menu that would guess who is signed in


def test_a_view_that_fails_shows_the_500_page(client, make_user):
    client.raise_request_exception = False
    client.force_login(make_user())
    with mock.patch("claims.views.claims_for_user", side_effect=RuntimeError("boom")):
        response = client.get(reverse("claims:dashboard"))
    assert response.status_code == 500
    assert_layout(response.content.decode())
    assert "Sorry, there is a problem with the service" in response.content.decode()


def test_the_database_being_unavailable_is_a_503(client, make_user):
    client.force_login(make_user())
    with mock.patch("claims.views.claims_for_user", side_effect=OperationalError("could not connect")):
        response = client.get(reverse("claims:dashboard"))
    page = response.content.decode()
    assert response.status_code == 503 and response["Retry-After"] == "120"
    assert_layout(page)
    assert "Sorry, the service is unavailable" in page
