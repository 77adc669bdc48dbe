"""Accessibility checks with axe-core (installed from npm into node_modules, pinned in package-lock.json).

``assert_accessible(page, "sign-in page")`` runs axe on what the page shows now and fails with a
readable list of the WCAG 2.0/2.1/2.2 A and AA violations. Call it again after each change of state
worth checking (an error summary shown, a section expanded).

``within=[selectors]`` checks only those parts of the page (axe's ``include`` context): the staff pages
are our templates inside the Django admin's own frame (header, navigation, change form), which is Django's
markup and exempt, so their tests name the elements our templates render.

One exemption, and only one: GOV.UK Frontend puts ``aria-expanded`` on a radio or checkbox that
controls a conditional reveal, which ARIA does not allow on those roles, so axe reports
``aria-allowed-attr``. The GOV.UK Design System keeps it on purpose, as it helps some screen reader
users (https://github.com/alphagov/govuk-frontend/issues/979). An ``aria-allowed-attr`` finding is
dropped only on such an input (``EXEMPT_INPUTS``) and only when ``aria-expanded`` is all it objects
to; every other rule, and that rule everywhere else, still applies.

It also checks two things axe does not: the page's title is plain words (the browser tab shows it
and screen readers read it out first, so markup in it is read out as such), and the page fits a
375 px wide phone screen without scrolling sideways (WCAG 1.4.10 Reflow).
"""
from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

from playwright.sync_api import Page

AXE_JS = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
SHOW_NODES = 3
SNIPPET = 200
#: A phone's width in CSS pixels (an iPhone SE, the narrowest we design for).
PHONE_WIDTH = 375
MARKUP = re.compile(r"[<>]")
#: Radios and checkboxes of GOV.UK Frontend that carry its aria-expanded (govuk-frontend issue 979).
EXEMPT_INPUTS = (
    '.govuk-radios input.govuk-radios__input[type="radio"][aria-expanded], '
    '.govuk-checkboxes input.govuk-checkboxes__input[type="checkbox"][aria-expanded]'
)
_RUN = """
async ([tags, exempt, within]) => {
  const context = within ? {include: within.map(selector => [selector])} : document;
  const results = await axe.run(context, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
  const onlyAriaExpanded = check => Array.isArray(check.data?.values)
    && check.data.values.every(value => value.startsWith('aria-expanded='));
  const isExempt = node => {
    const element = node.target.length === 1 && typeof node.target[0] === 'string'
      ? document.querySelector(node.target[0]) : null;
    const failed = [...node.all, ...node.none, ...node.any];
    return element !== null && element.matches(exempt) && failed.length > 0 && failed.every(onlyAriaExpanded);
  };
  return results.violations
    .map(v => v.id === 'aria-allowed-attr' ? {...v, nodes: v.nodes.filter(node => !isExempt(node))} : v)
    .filter(v => v.nodes.length > 0);
}
"""


@cache
def _axe_source() -> str:
    if not AXE_JS.exists():
        raise AssertionError(f"{AXE_JS} is missing: run `make test` (npm ci installs axe-core from package-lock.json)")
    return AXE_JS.read_text(encoding="utf-8")


def axe_violations(page: Page, within: list[str] | None = None) -> list[dict[str, Any]]:
    """axe's violations for the page as it is now, or for the elements ``within`` selects (see
    https://github.com/dequelabs/axe-core), less the one exemption above."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        # Evaluated through the DevTools protocol, so a Content-Security-Policy cannot block it.
        page.evaluate(_axe_source())
    for selector in within or []:
        if page.locator(selector).count() == 0:
            raise AssertionError(f"nothing on {page.url} matches {selector!r}: axe would check nothing")
    return page.evaluate(_RUN, [WCAG_TAGS, EXEMPT_INPUTS, within or None])


def format_violations(violations: list[dict[str, Any]]) -> str:
    lines = []
    for violation in violations:
        nodes = violation["nodes"]
        lines.append(
            f"- {violation['id']} ({violation.get('impact') or 'no impact'}): {violation['help']}"
            f" [{len(nodes)} element{'s' if len(nodes) != 1 else ''}] {violation.get('helpUrl', '')}"
        )
        for node in nodes[:SHOW_NODES]:
            target = " ".join(" >>> ".join(t) if isinstance(t, list) else str(t) for t in node.get("target", []))
            html = " ".join(node.get("html", "").split())
            if len(html) > SNIPPET:
                html = html[: SNIPPET - 1] + "…"
            lines.append(f"    at {target}: {html}")
        if len(nodes) > SHOW_NODES:
            lines.append(f"    … and {len(nodes) - SHOW_NODES} more")
    return "\n".join(lines)


def assert_plain_title(page: Page, context: str) -> None:
    """Fail if the page's title holds markup (a template block that swallowed a heading or a table)."""
    title = page.title()
    if not title.strip() or MARKUP.search(title):
        raise AssertionError(f"{context}: the page title at {page.url} is not plain words: {title[:SNIPPET]!r}")


def page_width_at(page: Page, width: int) -> int:
    """How wide the page is (its scroll width) when the browser window is ``width`` CSS pixels wide."""
    viewport = page.viewport_size
    assert viewport is not None
    page.set_viewport_size({"width": width, "height": viewport["height"]})
    try:
        return page.evaluate("() => document.documentElement.scrollWidth")
    finally:
        page.set_viewport_size(viewport)


def assert_fits_a_phone(page: Page, context: str) -> None:
    """Fail if the page is wider than a 375 px screen, so it would scroll sideways."""
    width = page_width_at(page, PHONE_WIDTH)
    if width > PHONE_WIDTH:
        raise AssertionError(f"{context}: at {page.url} the page is {width} px wide on a {PHONE_WIDTH} px screen, "
                             "so it scrolls sideways")


def assert_accessible(page: Page, context: str, within: list[str] | None = None) -> None:
    """Fail if axe finds WCAG 2.2 A/AA violations on the page (or in the parts ``within`` selects), its title
    holds markup, or it does not fit a 375 px screen; ``context`` says which page and state.

    A click that follows a link returns once the new page is committed, before it is parsed: the checks
    wait for it to load, so that they judge the page the click led to, never one half drawn."""
    page.wait_for_load_state("load")
    assert_plain_title(page, context)
    assert_fits_a_phone(page, context)
    violations = axe_violations(page, within)
    if violations:
        raise AssertionError(
            f"{context}: axe found {len(violations)} accessibility violation(s) at {page.url}\n"
            + format_violations(violations)
        )
