"""Comments on an event in a real browser: Tatar, then a Russian reply, by keyboard.

Every page on the way is checked with axe-core (WCAG 2.1 A and AA).
"""

from importlib import import_module

from django.conf import settings
from django.contrib.auth import (
    BACKEND_SESSION_KEY,
    HASH_SESSION_KEY,
    SESSION_KEY,
    get_user_model,
)

from cms.comments.models import Comment
from events_plugin.models import EventPage
from tests.browser.axe import assert_no_violations

COURSE_SLUG = "computer-literacy-for-seniors"
TATAR_TEXT = "Бик файдалы дәрес, рәхмәт!"
RUSSIAN_TEXT = "Присоединяюсь: очень полезное занятие."


def sign_in(context, site_url, user):
    """A signed-in session for ``user`` in the browser's cookies."""
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.save()
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": store.session_key,
                "url": site_url,
            }
        ]
    )


def course_url(language):
    return EventPage.objects.get(slug=COURSE_SLUG, locale__language_code=language).url


def test_a_resident_comments_in_tatar_replies_in_russian_and_filters_by_keyboard(
    context, page, site_url
):
    resident = get_user_model().objects.create_user(
        username="comment-journey",
        email="comment-journey@example.org",
        password="comment-journey-2026",
        first_name="Гөлнара",
        email_verified=True,
    )
    sign_in(context, site_url, resident)

    # Comment on the Tatar page.
    page.goto(course_url("tt"))
    assert page.locator("html").get_attribute("lang") == "tt"
    discussion = page.locator("#discussion")
    assert discussion.locator("h2").count() == 1
    assert_no_violations(page)
    page.locator("#discussion-form textarea[name=comment]").fill(TATAR_TEXT)
    with page.expect_navigation():
        page.locator("#discussion-form button[type=submit]").click()
    comment = Comment.objects.get(comment=TATAR_TEXT)
    assert comment.language == "tt"
    assert page.locator(f"#c{comment.pk}").is_visible()

    # Reply on the Russian page, asking for a letter about replies.
    page.goto(course_url("ru"))
    assert page.locator(f"#c{comment.pk}").is_visible()
    with page.expect_navigation():
        page.locator(f"#c{comment.pk} a.discussion__reply").click()
    reply_form = page.locator("#reply-form")
    assert reply_form.is_visible()
    assert_no_violations(page)
    reply_form.locator("textarea[name=comment]").fill(RUSSIAN_TEXT)
    reply_form.locator("input[name=followup]").check()
    with page.expect_navigation():
        reply_form.locator("button[type=submit]").click()
    reply = Comment.objects.get(comment=RUSSIAN_TEXT)
    assert (reply.language, reply.parent_id, reply.followup) == ("ru", comment.pk, True)

    # The thread shows both, each with its language.
    tatar_item = page.locator(f"#c{comment.pk}")
    russian_item = page.locator(f"#c{reply.pk}")
    assert TATAR_TEXT in tatar_item.inner_text()
    assert RUSSIAN_TEXT in russian_item.inner_text()
    assert tatar_item.locator(".discussion__language").get_attribute("lang") == "tt"
    assert russian_item.locator(".discussion__language").get_attribute("lang") == "ru"
    assert_no_violations(page)

    # The language filter, by keyboard: Tab to the Tatar link and press Enter.
    tatar_filter = page.locator(
        ".discussion__languages a[href*='comments_language=tt']"
    )
    page.locator(".discussion__languages a").first.focus()
    for _step in range(4):
        if tatar_filter.evaluate("link => link === document.activeElement"):
            break
        page.keyboard.press("Tab")
    assert tatar_filter.evaluate("link => link === document.activeElement")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "comments_language=tt" in page.url
    listed = page.locator(".discussion__list").inner_text()
    assert TATAR_TEXT in listed and RUSSIAN_TEXT not in listed
    assert page.locator(".discussion__languages a[aria-current]").get_attribute(
        "href"
    ) == tatar_filter.get_attribute("href")
    assert_no_violations(page)
