"""Public hearings in a real browser: a resident submits, an organiser concludes.

Every page on the way is checked with axe-core (WCAG 2.1 A and AA).
"""

from importlib import import_module

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.utils import timezone

import pytest

from cms.accounts.roles import Role
from hearings_plugin.factories import make_hearing, make_verified_resident
from hearings_plugin.models import HearingPage, Stage, Submission
from tests.browser.axe import assert_no_violations
from tests.hearings.conftest import staff_member, submit

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
OPEN_HEARING_SLUG = "tikhoretskaya-street-widening"
PASSWORD = "hearing-journey-2026"  # noqa: S105
PROPOSAL = "Сохранить липы вдоль улицы. Җәяүлеләр өчен юл."


def sign_in_as_staff(context, site_url, user):
    """A session with a verified second factor, as the admin demands of staff."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.create(user=user, name="journey", confirmed=True)
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
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


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_verified_resident_finds_a_hearing_submits_and_keeps_a_receipt(
    page, language, site_url
):
    resident = make_verified_resident(f"hearing-journey-{language}")
    resident.set_password(PASSWORD)
    resident.email_verified = True
    resident.save()
    hearing = HearingPage.objects.get(
        slug=OPEN_HEARING_SLUG, locale__language_code=language
    )

    # Find: the hearings index lists the open hearing.
    page.goto(f"/{language}/hearings/")
    assert page.locator("html").get_attribute("lang") == language
    assert_no_violations(page)
    with page.expect_navigation():
        page.locator(f'main a[href*="/{OPEN_HEARING_SLUG}/"]').first.click()
    assert_no_violations(page)

    # Sign in from the submission panel and come back to the hearing.
    with page.expect_navigation():
        page.locator("#submit a.hearing-submit__button").click()
    page.locator('input[name="email"]').fill(resident.email)
    page.locator('input[name="password"]').fill(PASSWORD)
    with page.expect_navigation():
        page.locator("main form.form button[type=submit]").click()
    if "/submit/" not in page.url:
        assert OPEN_HEARING_SLUG in page.url
        with page.expect_navigation():
            page.locator("#submit a.hearing-submit__button").click()
    assert "/submit/" in page.url
    assert_no_violations(page)

    # A form sent without the confirmation is refused, accessibly, and kept.
    page.locator('input[name="kind"][value="proposal"]').check()
    page.locator('input[name="category"][value="territory"]').check()
    page.locator('textarea[name="text"]').fill(
        "Сохранить липы вдоль улицы. Җәяүлеләр өчен юл."
    )
    with page.expect_navigation():
        page.locator("main form.form button[type=submit]").click()
    assert not Submission.objects.filter(author=resident).exists()
    assert_no_violations(page)

    # Confirm the identification and send: the receipt shows the number.
    page.locator('input[name="identity_confirmed"]').check()
    with page.expect_navigation():
        page.locator("main form.form button[type=submit]").click()
    submission = Submission.objects.get(author=resident)
    assert submission.language == language
    assert submission.procedure_id == hearing.procedure_id
    assert submission.text == PROPOSAL
    assert submission.number in page.locator("main").inner_text()
    assert_no_violations(page)

    # My submissions lists it.
    page.goto(f"/{language}/hearings/my-submissions/")
    assert submission.number in page.locator("main").inner_text()
    assert_no_violations(page)


def test_organiser_runs_a_hearing_through_every_stage(context, page, site_url):
    hearing = make_hearing(
        Stage.OPEN, title="Благоустройство сквера", translate_to=("tt", "en")
    )
    resident = make_verified_resident("hearing-journey-author")
    first = submit(hearing, resident, text="Поставить скамейки.")
    second = submit(hearing, resident, kind="remark", text="Сохранить деревья.")
    organiser = staff_member("journey-organiser", Role.HEARING_ORGANISER)
    sign_in_as_staff(context, site_url, organiser)
    admin = f"/admin/hearings/hearing/{hearing.pk}/"

    page.goto(admin)
    assert_no_violations(page)

    # Moderate: publish the first submission in the public register.
    page.goto("/admin/hearings/moderation/")
    assert_no_violations(page)
    with page.expect_navigation():
        page.locator(
            f'form:has(input[name="submission"][value="{first.pk}"]) '
            'button[name="decision"][value="published"]'
        ).click()
    first.refresh_from_db()
    assert first.moderation == Submission.Moderation.PUBLISHED

    # Close the comment period early, with a reason.
    page.goto(admin + "close/")
    assert_no_violations(page)
    page.locator('textarea[name="reason"]').fill("Решение комиссии")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    hearing.procedure.refresh_from_db()
    assert hearing.procedure.stage == Stage.CLOSED

    # Publish the protocol.
    page.goto(admin + "protocol/")
    assert_no_violations(page)
    page.locator('input[name="number"]').fill("П-17")
    page.locator('input[name="signed_on"]').fill(_today_for_input())
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    hearing.procedure.refresh_from_db()
    assert hearing.procedure.stage == Stage.PROTOCOL

    # Answer both submissions from their pages in the workbench.
    for submission in (first, second):
        page.goto(f"/admin/hearings/submissions/{submission.pk}/")
        assert_no_violations(page)
        answer = page.locator('form:has(input[name="form"][value="answer"])')
        answer.locator('select[name="status"]').select_option("partly")
        answer.locator('textarea[name="text"]').fill("Учтено при доработке проекта.")
        with page.expect_navigation():
            answer.locator("button[type=submit]").click()
    assert not Submission.objects.filter(
        procedure=hearing.procedure, answer_status=""
    ).exists()

    # Publish the conclusion and archive the hearing.
    page.goto(admin + "conclusion/")
    page.locator('input[name="number"]').fill("З-17")
    page.locator('input[name="signed_on"]').fill(_today_for_input())
    page.locator('textarea[name="text"]').fill("Рекомендовать проект к утверждению.")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    page.goto(admin + "archive/")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    hearing.procedure.refresh_from_db()
    assert hearing.procedure.stage == Stage.ARCHIVED

    # The public pages show the result, and the protocol lists both submissions.
    page.goto(hearing.url)
    assert_no_violations(page)
    page.goto(hearing.url + "protocol/")
    protocol = page.locator("main").inner_text()
    assert first.number in protocol and second.number in protocol
    assert_no_violations(page)
    pdf = page.request.get(hearing.url + "conclusion/pdf/")
    assert pdf.ok
    assert pdf.headers["content-type"] == "application/pdf"


def _today_for_input():
    return timezone.localdate().isoformat()
