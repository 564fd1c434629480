"""A real OpenID Connect provider for the ESIA sign-in tests (tests/oidc_provider/).

Node runs the certified ``oidc-provider`` once per test session on 127.0.0.1. Without
Node or ``npm ci --prefix tests/oidc_provider`` the tests that need it are skipped,
except under ``CI=true``, where they fail.
"""

import json
import os
import select
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from django.conf import settings

import pytest
import requests

from cms.accounts.oidc import callback_path

PROVIDER_DIR = Path(settings.BASE_DIR) / "tests" / "oidc_provider"
ACCOUNTS = json.loads((PROVIDER_DIR / "accounts.json").read_text(encoding="utf-8"))
CLIENT_SECRET = "kazan-test-secret"
# Django's test client serves every request as this host.
SITE = "http://testserver"
STARTUP_SECONDS = 30


@dataclass(frozen=True)
class OidcProvider:
    """The running provider, and the steps a browser would take at it."""

    issuer: str
    redirect_uri: str

    def settings(self, **overrides):
        """``ESIA_OIDC`` pointing at this provider."""
        return {
            "ISSUER": self.issuer,
            "DISCOVERY_URL": "",
            "CLIENT_ID": "kazan",
            "CLIENT_SECRET": CLIENT_SECRET,
            "SCOPES": "openid fullname birthdate addresses email organization",
            "ADAPTER": "cms.accounts.esia.StandardOidcAdapter",
            "TIMEOUT": 5,
            **overrides,
        }

    def authorize(self, authorization_url, login_hint=None):
        """Follow the provider's redirects as a browser would; the callback URL.

        ``login_hint`` picks the account of accounts.json ("deny" refuses consent).
        Stops at the redirect to the site and returns its path and query.
        """
        if login_hint is not None:
            authorization_url = with_query(authorization_url, login_hint=login_hint)
        browser = requests.Session()
        url = authorization_url
        for _hop in range(10):
            response = browser.get(url, allow_redirects=False, timeout=10)
            location = response.headers.get("Location")
            if response.status_code not in (302, 303) or not location:
                raise AssertionError(
                    f"provider stopped at {url}: {response.status_code} "
                    f"{response.text[:500]}"
                )
            if location.startswith(SITE):
                parts = urlsplit(location)
                return urlunsplit(("", "", parts.path, parts.query, ""))
            url = urljoin(url, location)
        raise AssertionError("too many redirects at the provider")

    def sign_in(self, client, login_hint, path="/ru/account/esia/login/", **query):
        """Start at the site, pass the provider; the callback URL to give the site."""
        response = client.get(path, query)
        assert response.status_code == 302, response.content[:500]
        return self.authorize(response["Location"], login_hint)


def with_query(url, **params):
    """``url`` with ``params`` set in its query string."""
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query, keep_blank_values=True))
    query.update(params)
    return urlunsplit(parts._replace(query=urlencode(query)))


def _unavailable(reason):
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason}; CI must not skip the OIDC tests", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def oidc_provider():
    """Start tests/oidc_provider/server.mjs once; stop it when the session ends."""
    node = shutil.which("node")
    if node is None:
        _unavailable("the ESIA sign-in tests need Node.js (node) on PATH")
    if not (PROVIDER_DIR / "node_modules" / "oidc-provider").is_dir():
        _unavailable(
            "the ESIA sign-in tests need `npm ci --prefix tests/oidc_provider`"
        )
    redirect_uri = SITE + callback_path()
    with tempfile.TemporaryFile(mode="w+", prefix="oidc-provider-") as log:
        process = subprocess.Popen(
            [node, "server.mjs"],
            cwd=PROVIDER_DIR,
            env={
                **os.environ,
                "CLIENT_SECRET": CLIENT_SECRET,
                "REDIRECT_URIS": redirect_uri,
            },
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=log,
            text=True,
        )
        try:
            issuer = _wait_for_issuer(process, log)
            yield OidcProvider(issuer=issuer, redirect_uri=redirect_uri)
        finally:
            # Closing stdin ends the server: it exits with its parent.
            process.stdin.close()
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            process.stdout.close()


def _wait_for_issuer(process, log):
    """The issuer the server prints once it listens."""
    ready, _, _ = select.select([process.stdout], [], [], STARTUP_SECONDS)
    line = process.stdout.readline() if ready else ""
    if not line:
        log.seek(0)
        _unavailable(f"the test OIDC provider did not start: {log.read()[-2000:]}")
    return json.loads(line)["issuer"]


@pytest.fixture
def esia(settings, oidc_provider):
    """ESIA configured against the test provider for one test."""
    settings.ESIA_OIDC = oidc_provider.settings()
    return oidc_provider


@pytest.fixture
def esia_accounts():
    """The provider's test accounts, by login hint."""
    return ACCOUNTS
