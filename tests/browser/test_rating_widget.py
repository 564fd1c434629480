"""A resident rates an event in Russian, Tatar and English, in a real browser.

With JavaScript, by keyboard only: Tab to the stars, arrows, Enter or Space; the
summary changes without a reload and the live region says so. Without
JavaScript: the form posts, the page comes back with a notice. axe-core checks
(WCAG 2.1 A and AA) before and after.
"""

from django.contrib.auth import get_user_model
from django.utils import timezone, translation
from django.utils.translation import gettext

import pytest
from playwright.sync_api import expect

from cms.feedback.models import Rating
from events_plugin.models import EventPage
from tests.browser.axe import assert_no_violations
from tests.browser.conftest import DEFAULT_TIMEOUT_MS
from tests.browser.test_event_comments import sign_in

LANGUAGES = ("ru", "tt", "en")


def rateable_event():
    """A demo event that has begun, live in all three languages: its versions."""
    now = timezone.now()
    for event in EventPage.objects.live().filter(locale__language_code="ru"):
        if event.rating_refusal(now):
            continue
        versions = {
            version.locale.language_code: version
            for version in EventPage.objects.live()
            .filter(translation_key=event.translation_key)
            .select_related("locale")
        }
        if set(LANGUAGES) <= set(versions):
            return versions
    pytest.fail("the demo has no event that has begun in three languages")


def message(language, text, **values):
    with translation.override(language):
        translated = gettext(text)
    return translated % values if values else translated


def make_resident(username):
    return get_user_model().objects.create_user(
        username=username,
        email=f"{username}@example.org",
        password="rating-journey-2026",
        email_verified=True,
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_resident_rates_changes_and_removes_by_keyboard_without_reload(
    context, page, site_url, language
):
    versions = rateable_event()
    resident = make_resident(f"rater-{language}")
    sign_in(context, site_url, resident)
    page.goto(versions[language].url)
    widget = page.locator("#rating")
    assert_no_violations(page)
    page.evaluate("window.ratingMarker = 'still here'")

    # Tab from the widget into the star group, arrows to four, Enter saves.
    widget.focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "score"
    for _step in range(3):
        page.keyboard.press("ArrowRight")
    assert page.evaluate("document.activeElement.value") == "4"
    page.keyboard.press("Enter")
    status = widget.locator("[role=status]")
    saved = message(language, "Your rating is saved: %(score)d out of 5.", score=4)
    expect(status).to_have_text(saved)
    expect(widget.locator(".rating__own")).to_contain_text("4")
    assert page.evaluate("window.ratingMarker") == "still here"
    assert list(
        Rating.objects.filter(user=resident).values_list("score", "language")
    ) == [(4, language)]
    # Focus stays on the chosen star.
    assert page.evaluate("document.activeElement.value") == "4"
    assert_no_violations(page)

    # One star less, then Tab to the button and Space.
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "save"
    page.keyboard.press("Space")
    saved = message(language, "Your rating is saved: %(score)d out of 5.", score=3)
    expect(status).to_have_text(saved)
    expect(widget.locator(".rating__own")).to_contain_text("3")

    # Remove it with the second button.
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "remove"
    page.keyboard.press("Enter")
    expect(status).to_have_text(message(language, "Your rating is removed."))
    expect(widget.locator(".rating__own")).to_have_count(0)
    assert page.evaluate("window.ratingMarker") == "still here"
    assert not Rating.objects.filter(user=resident).exists()
    assert_no_violations(page)


def test_without_javascript_the_form_posts_and_comes_back_with_a_notice(
    browser, site_url
):
    versions = rateable_event()
    resident = make_resident("rater-plain")
    context = browser.new_context(
        base_url=site_url, java_script_enabled=False, locale="ru-RU"
    )
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    try:
        sign_in(context, site_url, resident)
        page = context.new_page()
        for language, score in zip(LANGUAGES, (5, 2, 4), strict=True):
            page.goto(versions[language].url)
            assert_no_violations_without_script(page)
            widget = page.locator("#rating")
            widget.locator(f'label[for="rating-score-{score}"]').click()
            with page.expect_navigation():
                widget.get_by_role(
                    "button", name=message(language, "Save my rating")
                ).click()
            assert page.url.endswith("#rating")
            saved = message(
                language, "Your rating is saved: %(score)d out of 5.", score=score
            )
            expect(page.locator("#rating [role=status]")).to_have_text(saved)
            assert Rating.objects.get(user=resident).score == score
            assert_no_violations_without_script(page)

        with page.expect_navigation():
            page.locator("#rating").get_by_role(
                "button", name=message("en", "Remove my rating")
            ).click()
        expect(page.locator("#rating [role=status]")).to_have_text(
            message("en", "Your rating is removed.")
        )
        assert not Rating.objects.filter(user=resident).exists()
        page.reload()
        expect(page.locator("#rating [role=status]")).to_be_hidden()
    finally:
        context.close()


def assert_no_violations_without_script(page):
    """axe needs script: the same HTML at the same address, in a scripted page
    whose own copy of the widget's script is blocked."""
    html, url = page.content(), page.url.split("#")[0]
    checker = page.context.browser.new_page()
    try:
        checker.route("**/feedback/rating.js", lambda route: route.abort())
        checker.route(
            url, lambda route: route.fulfill(body=html, content_type="text/html")
        )
        checker.goto(url)
        assert_no_violations(checker)
    finally:
        checker.close()
