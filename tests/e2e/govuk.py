"""Checks that a page really is a GOV.UK-style page: styled, and with GOV.UK Frontend's JavaScript running."""
from __future__ import annotations

import re

from playwright.sync_api import Page, expect


def assert_govuk_page(page: Page) -> None:
    """The stylesheets loaded (from the live server's /static/) and GOV.UK Frontend initialised its components."""
    sheets = page.evaluate(
        "() => [...document.querySelectorAll('link[rel=stylesheet]')]"
        ".map(link => [link.href, link.sheet ? link.sheet.cssRules.length : 0])"
    )
    assert any(href.endswith("/govuk/govuk-frontend.min.css") for href, _ in sheets), sheets
    assert all(rules > 0 for _, rules in sheets), f"a stylesheet did not load: {sheets}"
    assert page.evaluate("() => getComputedStyle(document.body).fontFamily") != '"Times New Roman"', "page is unstyled"
    assert "govuk-frontend-supported" in (page.locator("body").get_attribute("class") or "")
    # initAll() marks each component it starts; the skip link is on every page. The module script runs
    # after the page's load event can already have fired, so wait for the mark (up to the usual timeout).
    expect(page.locator(".govuk-skip-link"), "GOV.UK Frontend's JavaScript did not run").to_have_attribute(
        "data-govuk-skip-link-init", re.compile(".*"))
