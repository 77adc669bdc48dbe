"""Helpers for the drafting pages' tests."""
from __future__ import annotations

import html
import re
from typing import Any

import pytest
from django.urls import reverse

from claims.services import claim_draft_create

from .factories import complete_draft_data


def url(name: str, claim: Any, query: str = "") -> str:
    return reverse(f"drafting:{name}", kwargs={"public_id": claim.public_id}) + query


def summary(response: Any) -> list[tuple[str, str]]:
    """The error summary's entries: (link, message)."""
    page = response.content.decode()
    match = re.search(r'<ul class="govuk-list govuk-error-summary__list">(.*?)</ul>', page, re.S)
    if not match:
        return []
    items = []
    for item in re.findall(r"<li>(.*?)</li>", match.group(1), re.S):
        link = re.match(r'\s*<a href="([^"]*)">(.*?)</a>\s*$', item, re.S)
        href, text = (link.group(1), link.group(2)) if link else ("", item)
        items.append((href, html.unescape(" ".join(text.split()))))
    return items


def assert_error(response: Any, anchor: str, message: str) -> None:
    """The page re-rendered (200) with an error summary linking ``anchor`` to ``message``."""
    assert response.status_code == 200
    page = response.content.decode()
    assert "<title>Error: " in page
    assert (anchor, message) in summary(response), summary(response)
    assert 'class="govuk-error-message"' in page


@pytest.fixture
def owner(make_user: Any) -> Any:
    return make_user(email="sam@example.com")


@pytest.fixture
def signed_in(client: Any, owner: Any) -> Any:
    client.force_login(owner)
    return client


@pytest.fixture
def new_draft(owner: Any) -> Any:
    return claim_draft_create(owner=owner, data={"eligibility": {}})


@pytest.fixture
def draft(owner: Any) -> Any:
    return claim_draft_create(owner=owner, data=complete_draft_data())


@pytest.fixture
def make_draft(owner: Any) -> Any:
    def make(**sections: Any) -> Any:
        return claim_draft_create(owner=owner, data=complete_draft_data(**sections))

    return make
