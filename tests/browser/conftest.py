"""A real Chromium driven by Playwright against the live server, with axe-core.

One browser per session, a fresh context per test. Every test here is marked
``browser``; without Chromium or axe-core they are skipped, except under CI,
where they fail.
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.db import connections

import pytest

from tests.browser.axe import AXE_SCRIPT
from tests.snapshot import ensure_demo, take_demo_snapshot

# The live server listens on IPv4 loopback so that "nothing leaves 127.0.0.1"
# can be checked host by host.
os.environ.setdefault("DJANGO_LIVE_TEST_SERVER_ADDRESS", "127.0.0.1")

BROWSER_DIR = Path(__file__).resolve().parent
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
SCREENSHOT_DIR = Path(settings.BASE_DIR) / "var" / "screenshots"
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DEFAULT_TIMEOUT_MS = 15_000


def pytest_collection_modifyitems(items):
    for item in items:
        if BROWSER_DIR in item.path.parents:
            item.add_marker(pytest.mark.browser)


def _missing_browser_dependencies():
    missing = []
    if not os.access(CHROMIUM, os.X_OK):
        missing.append(f"{CHROMIUM} (apt-get install chromium)")
    if not AXE_SCRIPT.is_file():
        missing.append(f"{AXE_SCRIPT} (npm ci)")
    return missing


# Package scope: Playwright stops after this folder, so the tests after it run
# with Django's ordinary connection again.
@pytest.fixture(scope="package")
def browser():
    """Debian's Chromium, headless, shared by every test of the session."""
    missing = _missing_browser_dependencies()
    if missing:
        reason = "browser tests need " + " and ".join(missing)
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{reason}; CI must not skip them", pytrace=False)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()
        # Connections opened while Playwright ran belong to its context.
        connections.close_all()


@pytest.fixture(scope="package")
def demo_snapshot(django_db_setup, django_db_blocker):
    """The seeded demo's rows, copied once and put back before each browser test.

    The live server needs committed data, so these tests are transactional and
    the database is flushed after each one; putting the rows back takes a small
    fraction of the time ``seed_demo`` does. After the last test the demo is put
    back for the transactional tests that run after this folder.
    """
    with django_db_blocker.unblock():
        snapshot = take_demo_snapshot()
    yield snapshot
    with django_db_blocker.unblock():
        ensure_demo(snapshot)
        # Once Playwright's sync API runs, Django's context-local connection is a
        # different object from the one the test database teardown (after
        # Playwright stops) closes; left open, it stops PostgreSQL dropping the
        # test database.
        connections.close_all()


@pytest.fixture
def site_url(demo_snapshot, transactional_db, live_server):
    """The live server's base URL, serving the demo site."""
    ensure_demo(demo_snapshot)
    return live_server.url


@pytest.fixture
def outbound_requests():
    """Every URL the browser tried to fetch outside the live server."""
    return []


@pytest.fixture
def context(browser, site_url, outbound_requests):
    """A fresh browser profile that refuses to reach anything but the live server."""
    server = urlsplit(site_url).netloc
    browser_context = browser.new_context(
        base_url=site_url, viewport={"width": 1280, "height": 900}, locale="ru-RU"
    )
    browser_context.set_default_timeout(DEFAULT_TIMEOUT_MS)

    def only_the_live_server(route):
        url = route.request.url
        if urlsplit(url).netloc == server:
            route.continue_()
        else:
            outbound_requests.append(url)
            route.abort()

    browser_context.route("**/*", only_the_live_server)
    yield browser_context
    browser_context.close()


@pytest.fixture
def page(context):
    return context.new_page()


@pytest.fixture
def screenshot_dir():
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    return SCREENSHOT_DIR
