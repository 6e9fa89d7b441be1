"""Browser tests: a real Chromium (Debian's /usr/bin/chromium, never a downloaded one) driven by
Playwright's sync API against the application served by pytest-django's `live_server` on the
test database. Skipped, with the reason, when Chromium or Playwright is missing.

Screenshots go to `$KINERJA_SCREENSHOTS` (default /tmp/kinerja-screenshots)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]
DESKTOP = {"width": 1366, "height": 768}
PHONE = {"width": 375, "height": 812}

# Playwright's sync API keeps an event loop in this thread; the ORM calls of the tests
# themselves are ordinary synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def _skip_reason() -> str | None:
    if not os.path.exists(CHROMIUM):
        return f"{CHROMIUM} tidak ada (pasang paket Debian 'chromium': scripts/system-packages)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "paket Python 'playwright' tidak terpasang (pip install -e '.[dev]')"
    return None


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """A headless Chromium for the whole session."""
    reason = _skip_reason()
    if reason:
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="session")
def shots_dir() -> Path:
    """Where screenshots are written."""
    path = Path(os.environ.get("KINERJA_SCREENSHOTS") or "/tmp/kinerja-screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture
def web_site(transactional_db: Any) -> Any:
    """The shared web-test record (tests/web/conftest.py), committed for the live server."""
    from web.conftest import build_site

    return build_site()


@pytest.fixture
def page_as(browser: Any, live_server: Any, web_site: Any) -> Iterator[Callable[..., Any]]:
    """`page_as(username, viewport=DESKTOP)`: a page in a fresh browser context, signed in
    through the login form."""
    contexts: list[Any] = []

    def _page(username: str | None, viewport: dict[str, int] | None = None) -> Any:
        from web.conftest import PASSWORD

        ctx = browser.new_context(viewport=viewport or DESKTOP, locale="en-US")
        contexts.append(ctx)
        page = ctx.new_page()
        page.set_default_timeout(15000)
        if username:
            page.goto(f"{live_server.url}/masuk/")
            page.fill("#id_username", username)
            page.fill("#id_password", PASSWORD)
            page.click("button[type=submit]")
            page.wait_for_load_state()
        return page

    yield _page
    for ctx in contexts:
        ctx.close()
