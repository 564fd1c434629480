"""A real Chromium driven by Playwright against the live server, with axe-core.

One browser per session, a fresh context per test. Every test here is marked
``browser``; without Chromium or axe-core they are skipped, except under CI,
where they fail.
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, connections, transaction

from wagtail.models import Site

import pytest

from tests.browser.axe import AXE_SCRIPT

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


@pytest.fixture(scope="session")
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


def _demo_is_seeded():
    return Site.objects.filter(is_default_site=True, root_page__depth__gt=1).exists()


def _quoted_table(table):
    return connection.ops.quote_name(table)


def _copy_tables():
    """Every row of every Django table, as (columns, rows) per table."""
    tables = connection.introspection.django_table_names(
        only_existing=True, include_views=False
    )
    snapshot = {}
    with connection.cursor() as cursor:
        for table in tables:
            # Table names come from Django's own introspection, not from input.
            cursor.execute(f"SELECT * FROM {_quoted_table(table)}")  # noqa: S608
            columns = [column[0] for column in cursor.description]
            snapshot[table] = (columns, cursor.fetchall())
    return snapshot


def _has_rows(cursor, table):
    cursor.execute(f"SELECT 1 FROM {_quoted_table(table)} LIMIT 1")  # noqa: S608
    return cursor.fetchone() is not None


def _restore_tables(snapshot):
    # Row by row in SQL: model-level deserialisation would fire signal handlers
    # (wagtail-localize's among them) on half-restored data.
    call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
    with transaction.atomic(), connection.cursor() as cursor:
        # A table that triggers filled from an earlier one (Wagtail's SQLite
        # full-text index, "<table>_fts") is left to those triggers.
        for table, (columns, rows) in sorted(snapshot.items()):
            if not rows or _has_rows(cursor, table):
                continue
            names = ", ".join(connection.ops.quote_name(name) for name in columns)
            values = ", ".join(["%s"] * len(columns))
            cursor.executemany(
                f"INSERT INTO {_quoted_table(table)} ({names}) VALUES ({values})",  # noqa: S608
                rows,
            )
        for statement in connection.ops.sequence_reset_sql(
            no_style(), apps.get_models(include_auto_created=True)
        ):
            cursor.execute(statement)


@pytest.fixture(scope="package")
def demo_snapshot(django_db_setup, django_db_blocker):
    """The seeded demo's rows, copied once and put back before each browser test.

    The live server needs committed data, so these tests are transactional and
    the database is flushed after each one; putting the rows back takes a small
    fraction of the time ``seed_demo`` does. After the last test the demo is put
    back for the transactional tests that run after this folder.
    """
    with django_db_blocker.unblock():
        if not _demo_is_seeded():
            call_command(
                "seed_demo",
                "--without-accounts",
                verbosity=0,
                stdout=open(os.devnull, "w"),  # noqa: SIM115
            )
        snapshot = _copy_tables()
    yield snapshot
    with django_db_blocker.unblock():
        if not _demo_is_seeded():
            _restore_tables(snapshot)
        # Once Playwright's sync API runs, Django's context-local connection is a
        # different object from the one the test database teardown (after
        # Playwright stops) closes; left open, it stops PostgreSQL dropping the
        # test database.
        connections.close_all()


@pytest.fixture
def site_url(demo_snapshot, transactional_db, live_server):
    """The live server's base URL, serving the demo site."""
    if not _demo_is_seeded():
        _restore_tables(demo_snapshot)
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
