"""Browser tests: Playwright (sync API) driving Debian's Chromium against pytest-django's live server.

Fixtures
--------
``browser``  one headless Chromium for the tests of this package (package scope: it is closed as soon
             as pytest leaves ``tests/e2e``, so no Chromium outlives the e2e tests).
``page``     a fresh browser context and page for each test. Default timeout 10 s. Requests to any host
             other than the live server are refused (the tests never need the outside world). The test
             fails if the page logs a console error, throws an uncaught JavaScript error, gets a 5xx
             response, or a 4xx for anything but a page (a missing static file); a test that expects
             one of those reads and clears ``page_problems``.
``claim``    a claim issued at ``respond.ISSUED_AT`` (the journeys' own clock starts there, ticking);
``dan``      the defendant's account (``respond.DEFENDANT_EMAIL``), not yet linked to the claim;
``party``    a :class:`judgments_e2e.Party` in the test's page, to act as either party or as staff.
``live_server`` comes from pytest-django; it makes the test transactional (the server runs in another
             thread, so it only sees committed rows) and serves ``/static/`` through the staticfiles
             finders, so GOV.UK Frontend is served straight from ``node_modules`` without collectstatic.
             After each such test the tables are emptied (rows seeded by migrations too): create the rows
             a test needs in the test. pytest-django runs these tests after the non-transactional ones.

Every test in this directory is marked ``e2e`` (``pytest_collection_modifyitems`` below), so
``-m "not e2e"`` leaves them out; ``make test`` runs them.

Django and Playwright's event loop
----------------------------------
Playwright's sync API runs an asyncio event loop in the test's own thread for as long as Playwright is
started, so Django sees a "running event loop" and refuses ORM calls in the test (and in pytest-django's
database flush after it) with ``SynchronousOnlyOperation``. That guard protects coroutines from blocking
database calls; here no coroutine ever touches Django (the loop only carries Playwright's messages, and
is idle while test code runs), so it is safe to lift it. We set ``DJANGO_ALLOW_ASYNC_UNSAFE`` only while
Playwright is running, that is only for the e2e tests, and restore the previous value when it stops.
"""
from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import (
    Browser,
    ConsoleMessage,
    Page,
    Playwright,
    Request,
    Response,
    Route,
    expect,
    sync_playwright,
)

from claims.models import Claim
from tests.conftest import HEARING_CENTRES

from .judgments_e2e import Party
from .respond import DEFENDANT_EMAIL, ISSUED_AT, issue_claim

CHROMIUM = Path("/usr/bin/chromium")
TIMEOUT_MS = 10_000
# The machine has no outside network: without these Chromium stalls trying to reach Google's services.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
HTTP_ERROR_LOGGED = "Failed to load resource: the server responded with a status of"
LOCAL_URL = re.compile(r"^(https?://(localhost|127\.0\.0\.1)(:\d+)?(/|$)|about:|data:|blob:)")


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.path).parents:
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="package")
def playwright() -> Iterator[Playwright]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make test` (scripts/ensure-chromium.sh installs it)")
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"  # see the module docstring
    manager = sync_playwright().start()
    try:
        yield manager
    finally:
        manager.stop()
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="package")
def browser(playwright: Playwright) -> Iterator[Browser]:
    browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
    expect.set_options(timeout=TIMEOUT_MS)
    try:
        yield browser
    finally:
        browser.close()


@pytest.fixture(autouse=True)
def hearing_centres(transactional_db: Any) -> None:
    """The court's hearing centres, for the directions questionnaire's preferred court."""
    from court.models import HearingCentre

    for name, advisers in HEARING_CENTRES:
        HearingCentre.objects.create(name=name, legal_advisers=advisers)


@pytest.fixture
def page_problems() -> list[str]:
    """What went wrong in the browser: console and JavaScript errors, 5xx responses, missing static files."""
    return []


@pytest.fixture
def page(browser: Browser, page_problems: list[str], request: pytest.FixtureRequest) -> Iterator[Page]:
    context = browser.new_context(locale="en-GB", timezone_id="Europe/London")
    context.set_default_timeout(TIMEOUT_MS)
    context.set_default_navigation_timeout(TIMEOUT_MS)

    def refuse_outside(route: Route, req: Request) -> None:
        page_problems.append(f"request to the outside world refused: {req.method} {req.url}")
        route.abort("blockedbyclient")

    context.route(lambda url: not LOCAL_URL.match(url), refuse_outside)
    page = context.new_page()

    def on_console(message: ConsoleMessage) -> None:
        # Chromium also logs each HTTP error response as a console error: on_response judges those.
        if message.type == "error" and not message.text.startswith(HTTP_ERROR_LOGGED):
            location = message.location.get("url", "")
            page_problems.append(f"console error: {message.text} ({location})")

    def on_response(response: Response) -> None:
        # Any 5xx; and a 4xx for a stylesheet, script, image or font (a page itself may be a 404 on purpose).
        if response.status >= 500 or (response.status >= 400 and response.request.resource_type != "document"):
            page_problems.append(f"HTTP {response.status} from {response.request.method} {response.url}")

    page.on("console", on_console)
    page.on("pageerror", lambda error: page_problems.append(f"uncaught JavaScript error: {error}"))
    page.on("response", on_response)
    request.node._page_problems = page_problems
    try:
        yield page
    finally:
        context.close()


@pytest.fixture
def claim(make_user: Any, travel: Any) -> Claim:
    travel(ISSUED_AT, tick=True)
    return issue_claim(make_user)


@pytest.fixture
def dan(make_user: Any) -> Any:
    return make_user(DEFENDANT_EMAIL, full_name="Dan Defendant")


@pytest.fixture
def party(page: Page, live_server: Any) -> Party:
    return Party(page, live_server.url)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Any:
    """Fail a test whose page had problems, even if the test's own assertions passed."""
    result = yield
    problems = getattr(item, "_page_problems", None)
    if problems:
        pytest.fail("the browser reported problems:\n" + "\n".join(f"  - {p}" for p in problems), pytrace=False)
    return result
