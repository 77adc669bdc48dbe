"""The browser fixtures of ``tests/e2e`` (Chromium through Playwright, against the live server), for the
drafting pages: ``page``, and the hook that fails a test whose page logged an error or got a 5xx."""
from tests.e2e.conftest import browser, page, page_problems, playwright, pytest_runtest_call  # noqa: F401
