"""Live Q&A in a real browser: asked in Russian, accepted in the admin, voted in Tatar.

The public pages are checked with axe-core (WCAG 2.1 A and AA); the vote is
cast with the keyboard only.
"""

from importlib import import_module

from django.conf import settings
from django.contrib.auth import (
    BACKEND_SESSION_KEY,
    HASH_SESSION_KEY,
    SESSION_KEY,
    get_user_model,
)

from events_plugin.models import Question, QuestionVote
from tests.browser.axe import assert_no_violations
from tests.events.test_questions import make_interview, translate

QUESTION = "Откроют ли зимой новый каток в Ново-Савиновском районе?"


def sign_in(context, site_url, user, *, second_factor=False):
    """A session cookie for ``user``; staff also get a verified second factor."""
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    if second_factor:
        from django_otp import DEVICE_ID_SESSION_KEY
        from django_otp.plugins.otp_totp.models import TOTPDevice

        device = TOTPDevice.objects.create(user=user, name="qa", confirmed=True)
        store[DEVICE_ID_SESSION_KEY] = device.persistent_id
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


def test_asked_in_russian_accepted_in_the_admin_and_voted_in_tatar_by_keyboard(
    browser, site_url
):
    User = get_user_model()
    interview = make_interview("browser-interview")
    tatar = translate(interview, "tt")
    asker = User.objects.create_user(
        username="qa-asker", email="qa-asker@example.org", first_name="Алсу"
    )
    voter = User.objects.create_user(username="qa-voter", email="qa-voter@example.org")
    moderator = User.objects.create_superuser(
        username="qa-moderator", email="qa-moderator@kzn.ru", password="qa-pass-2026"
    )

    def new_page(locale):
        context = browser.new_context(base_url=site_url, locale=locale)
        context.set_default_timeout(15_000)
        return context, context.new_page()

    # A resident asks on the Russian page.
    asker_context, page = new_page("ru-RU")
    sign_in(asker_context, site_url, asker)
    page.goto(interview.url)
    assert_no_violations(page)
    page.locator("#questions textarea[name=text]").fill(QUESTION)
    with page.expect_navigation():
        page.locator("#questions form.questions__form button[type=submit]").click()
    assert page.locator("#questions [role=status]").inner_text().strip()
    assert QUESTION in page.locator(".questions__mine").inner_text()
    question = Question.objects.get(event_key=interview.translation_key)
    assert question.status == Question.Status.PENDING
    assert_no_violations(page)
    asker_context.close()

    # The moderator accepts it in the admin.
    moderator_context, page = new_page("ru-RU")
    sign_in(moderator_context, site_url, moderator, second_factor=True)
    page.goto(f"/admin/events/{interview.pk}/questions/")
    waiting = page.locator(f"#q{question.pk}")
    assert QUESTION in waiting.inner_text()
    with page.expect_navigation():
        waiting.locator("form[action$='/approve/'] button").click()
    question.refresh_from_db()
    assert question.status == Question.Status.APPROVED
    moderator_context.close()

    # Another resident votes on the Tatar page with the keyboard alone.
    voter_context, page = new_page("tt-RU")
    sign_in(voter_context, site_url, voter)
    page.goto(tatar.url)
    item = page.locator(f"#question-{question.pk}")
    assert QUESTION in item.inner_text()
    assert "Русский" in item.inner_text()
    assert_no_violations(page)
    button = item.locator("form.questions__vote button[type=submit]")
    page.locator("#questions-heading").click()
    for _press in range(30):
        page.keyboard.press("Tab")
        if button.evaluate("node => node === document.activeElement"):
            break
    else:
        raise AssertionError("the vote button cannot be reached with Tab")
    page.keyboard.press("Enter")
    page.locator("[data-question-voted]").wait_for()
    assert "1" in item.locator("[data-question-votes]").inner_text()
    assert page.locator("[data-questions-status]").inner_text().strip()
    assert QuestionVote.objects.filter(question=question, user=voter).count() == 1
    question.refresh_from_db()
    assert question.vote_count == 1
    assert_no_violations(page)
    voter_context.close()
