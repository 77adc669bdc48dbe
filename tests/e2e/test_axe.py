"""The accessibility helper itself: it must be able to fail, or it proves nothing."""
from __future__ import annotations

import pytest

from tests.e2e.axe import PHONE_WIDTH, assert_accessible

pytestmark = pytest.mark.e2e

PIXEL = "data:image/gif;base64,R0lGODlhAQABAAAAACw="


def test_assert_accessible_reports_an_image_without_alt_and_an_unlabelled_input(page):
    page.set_content(
        '<!DOCTYPE html><html lang="en"><head><title>Broken</title></head><body><main>'
        f'<h1>Broken</h1><img src="{PIXEL}"><input type="text" name="amount">'
        "</main></body></html>"
    )
    with pytest.raises(AssertionError) as failure:
        assert_accessible(page, "a deliberately broken page")
    report = str(failure.value)
    assert report.startswith("a deliberately broken page: axe found 2 accessibility violation(s)")
    assert "- image-alt (critical): Images must have alternative text" in report
    assert "at img: <img src=" in report
    assert "- label (critical): Form elements must have labels" in report
    assert 'at input: <input type="text" name="amount">' in report


def test_assert_accessible_passes_the_same_page_once_fixed(page):
    page.set_content(
        '<!DOCTYPE html><html lang="en"><head><title>Fixed</title></head><body><main>'
        f'<h1>Fixed</h1><img src="{PIXEL}" alt="Court logo">'
        '<label for="amount">Amount</label><input type="text" id="amount" name="amount">'
        "</main></body></html>"
    )
    assert_accessible(page, "the fixed page")


def page_with(title: str, body: str) -> str:
    return (f'<!DOCTYPE html><html lang="en"><head><title>{title}</title></head><body><main><h1>A page</h1>'
            f"{body}</main></body></html>")


def test_assert_accessible_reports_markup_in_the_title(page):
    page.set_content(page_with("Your account &lt;h2 class=&quot;govuk-heading-m&quot;&gt;Claims&lt;/h2&gt;", ""))
    with pytest.raises(AssertionError, match=r"the dashboard: the page title at .* is not plain words: "
                                             r"'Your account <h2 class=\"govuk-heading-m\">Claims</h2>'"):
        assert_accessible(page, "the dashboard")


def test_assert_accessible_reports_a_page_wider_than_a_phone(page):
    viewport = page.viewport_size
    page.set_content(page_with("Wide", '<div style="width: 640px">A wide table</div>'))
    with pytest.raises(AssertionError, match=f"the page is 6[0-9][0-9] px wide on a {PHONE_WIDTH} px screen"):
        assert_accessible(page, "a wide page")
    assert page.viewport_size == viewport  # measured at 375 px, then put back


def test_a_wide_part_that_scrolls_on_its_own_still_fits(page):
    page.set_content(page_with("Fits", '<div style="overflow-x: auto"><div style="width: 640px">A wide table</div>'
                                       "</div>"))
    assert_accessible(page, "a page with its own scrolling part")


def test_console_errors_and_uncaught_exceptions_are_reported(page, page_problems):
    page.set_content("<script>console.error('boom'); null.oops;</script>")
    assert len(page_problems) == 2
    assert page_problems[0].startswith("console error: boom")
    assert page_problems[1].startswith("uncaught JavaScript error: ") and "null" in page_problems[1]
    page_problems.clear()  # expected here: any other test would fail


def _radios(inside: str, extra: str = "") -> str:
    """A GOV.UK radio whose conditional reveal GOV.UK Frontend has opened (it sets aria-expanded)."""
    return (
        '<!DOCTYPE html><html lang="en"><head><title>Radios</title></head><body><main><h1>Radios</h1>'
        f'<fieldset><legend>Paid?</legend><div class="{inside}">'
        f'<input class="govuk-radios__input" id="paid" name="paid" type="radio" value="yes" checked'
        f' aria-controls="conditional-paid" aria-expanded="true"{extra}><label for="paid">Yes</label>'
        '<div id="conditional-paid"><label for="amount">Amount</label><input id="amount" name="amount"></div>'
        "</div></fieldset></main></body></html>"
    )


def test_aria_expanded_on_govuk_radios_and_checkboxes_is_exempt_and_nothing_else(page):
    # govuk-frontend issue 979: the Design System keeps aria-expanded on these inputs on purpose.
    page.set_content(_radios("govuk-radios"))
    assert_accessible(page, "GOV.UK radios with an open reveal")
    page.set_content(_radios("govuk-checkboxes").replace('type="radio"', 'type="checkbox"')
                     .replace("govuk-radios__input", "govuk-checkboxes__input"))
    assert_accessible(page, "GOV.UK checkboxes with an open reveal")
    # The same attribute on a radio that is not GOV.UK Frontend's is still reported...
    page.set_content(_radios("app-radios"))
    with pytest.raises(AssertionError, match="aria-allowed-attr"):
        assert_accessible(page, "other radios")
    # ...and so is any other attribute the role does not allow, even on GOV.UK's radios.
    page.set_content(_radios("govuk-radios", extra=' aria-pressed="true"'))
    with pytest.raises(AssertionError, match="aria-allowed-attr"):
        assert_accessible(page, "GOV.UK radios with a stray attribute")
