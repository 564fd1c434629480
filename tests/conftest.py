"""Shared fixtures: the seeded demo site in three languages, clients, users."""

import os

from django.core.cache import cache
from django.core.management import call_command

from wagtail.models import Locale, Site

import pytest

# Playwright's sync API runs an event loop in the test thread; the ORM calls the
# tests make around it are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

LANGUAGE_CODES = ("ru", "tt", "en")


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The demo content, seeded once per run; each test rolls back its own changes."""
    with django_db_blocker.unblock():
        # Content only: tests make the accounts they need. The small season has
        # every kind of event the full one has, in a fraction of the time.
        call_command(
            "seed_demo",
            "--without-accounts",
            "--season",
            "small",
            verbosity=0,
            stdout=open(os.devnull, "w"),  # noqa: SIM115
        )


@pytest.fixture(autouse=True)
def _clear_cache():
    # Wagtail caches site root paths; a rolled-back test must not leak them.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def locales(db):
    return {code: Locale.objects.get(language_code=code) for code in LANGUAGE_CODES}


@pytest.fixture
def site(db):
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def home_page(site):
    return site.root_page.specific


@pytest.fixture
def home_pages(home_page, locales):
    """The home page in each language."""
    return {
        code: home_page.get_translation(locale).specific
        for code, locale in locales.items()
    }


@pytest.fixture
def resident(django_user_model):
    return django_user_model.objects.create_user(
        username="resident", email="resident@example.org", password="resident-pass"
    )


@pytest.fixture
def admin_user(django_user_model):
    return django_user_model.objects.create_superuser(
        username="root", email="root@example.org", password="root-pass"
    )


@pytest.fixture
def admin_client(client, admin_user):
    """A superuser signed in with a verified second factor, as the admin demands."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    client.force_login(admin_user)
    device = TOTPDevice.objects.create(user=admin_user, name="test", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def in_russian(text):
    """A translatable string as a Russian page shows it (HTML-escaped)."""
    from django.utils import translation
    from django.utils.html import escape

    with translation.override("ru"):
        return escape(str(translation.gettext(str(text))))
