"""A resident finds a course by filters, subscribes, registers and cancels.

Walked in each language in a real browser, with axe checks on every page.
"""

from django.conf import settings
from django.contrib.auth import get_user_model

import pytest

from tests.browser.axe import assert_no_violations

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
COURSE_SLUG = "computer-literacy-for-seniors"
PASSWORD = "journey-pass-2026"  # noqa: S105


@pytest.fixture
def journey_resident(site_url):
    def make(language):
        return get_user_model().objects.create_user(
            username=f"journey-{language}",
            email=f"journey-{language}@example.org",
            password=PASSWORD,
            email_verified=True,
        )

    return make


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_resident_finds_subscribes_registers_and_cancels(
    page, language, journey_resident
):
    resident = journey_resident(language)

    # Find: the programme, filtered to digital literacy for older people.
    page.goto(f"/{language}/programme/")
    page.locator("summary.guide-filters__summary").click()
    page.locator('input[name="domain"][value="digital"]').check()
    page.locator('input[name="audience"][value="seniors"]').check()
    with page.expect_navigation():
        page.locator(".guide-filters__form button[type=submit]").click()
    assert "domain=digital" in page.url and "audience=seniors" in page.url
    assert_no_violations(page)

    # Subscribe: the filtered view advertises a calendar with the same filters.
    calendar_href = page.locator(
        'link[rel="alternate"][type="text/calendar"]'
    ).get_attribute("href")
    assert "domain=digital" in calendar_href and "audience=seniors" in calendar_href
    feed = page.request.get(calendar_href)
    assert feed.ok
    assert feed.headers["content-type"].startswith("text/calendar")
    assert "BEGIN:VCALENDAR" in feed.text()
    atom_href = page.locator(
        'link[rel="alternate"][type="application/atom+xml"]'
    ).get_attribute("href")
    assert page.request.get(atom_href).ok

    # Open the course from the filtered list.
    with page.expect_navigation():
        page.locator(f'main a[href*="/{COURSE_SLUG}/"]').first.click()
    assert f"/{language}/" in page.url and COURSE_SLUG in page.url
    assert_no_violations(page)

    # Register: signing in brings the resident back to the course.
    with page.expect_navigation():
        page.locator(".registration a.registration__button").click()
    page.locator('input[name="email"]').fill(resident.email)
    page.locator('input[name="password"]').fill(PASSWORD)
    with page.expect_navigation():
        page.locator("main form.form button[type=submit]").click()
    assert COURSE_SLUG in page.url
    with page.expect_navigation():
        page.locator(".registration form button[type=submit]").click()
    status = page.locator(".registration__status")
    assert status.count() == 1
    registration = resident.event_registrations.get()
    assert registration.status in ("confirmed", "waitlisted")
    assert registration.language == language
    if registration.status == "confirmed":
        assert page.locator(".registration__joining a").count() == 1
    else:
        assert page.locator(".registration__joining").count() == 0
    assert_no_violations(page)

    # Cancel: the place is given up and the resident can register again.
    with page.expect_navigation():
        page.locator(".registration form button[type=submit]").click()
    registration.refresh_from_db()
    assert registration.status == "cancelled"
    assert page.locator(".registration__status").count() == 0
    assert page.locator(".registration form button[type=submit]").count() == 1
    assert_no_violations(page)
