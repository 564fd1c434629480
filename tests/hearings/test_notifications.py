"""Letters to followers and authors, and the clock-driven stages that send them."""

import datetime
import logging

from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.utils import timezone, translation

import pytest

from hearings_plugin import actions, notifications
from hearings_plugin.factories import make_hearing, make_verified_resident
from hearings_plugin.models import (
    HearingFollow,
    HearingProcedure,
    Stage,
    Submission,
)

from .conftest import submit

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


def translation_of(page, code):
    return next(
        p.specific for p in page.get_translations() if p.locale.language_code == code
    )


def follow(page, user, language):
    return HearingFollow.objects.create(
        procedure_id=page.procedure_id, user=user, language=language
    )


def in_language(code, text):
    with translation.override(code):
        return translation.gettext(text)


def html_of(message):
    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    return html


def run_stages(capture):
    with capture(execute=True):
        call_command("hearing_stages", verbosity=0)


def test_the_opening_letter_goes_out_once_in_the_followers_language(
    resident, django_capture_on_commit_callbacks
):
    hearing = make_hearing(Stage.ANNOUNCED, translate_to=("tt", "en"))
    tt = translation_of(hearing, "tt")
    follow(hearing, resident, "tt")
    run_stages(django_capture_on_commit_callbacks)
    assert mail.outbox == []  # announced: nothing to tell yet

    procedure = HearingProcedure.objects.get(pk=hearing.procedure_id)
    procedure.opens_at = timezone.now() - datetime.timedelta(minutes=1)
    procedure.save(update_fields=["opens_at"])
    run_stages(django_capture_on_commit_callbacks)

    [letter] = mail.outbox
    assert letter.to == [resident.email]
    assert tt.full_url in letter.body
    assert tt.full_url + "#submit" in letter.body
    assert in_language("tt", "Read the draft and make a submission:") in letter.body
    assert 'lang="tt"' in html_of(letter)
    # The closing instant in Moscow time.
    closes = timezone.localtime(procedure.closes_at, notifications.TIME_ZONE)
    assert closes.strftime("%H:%M") in letter.body
    assert tt.full_url + "unfollow/" in letter.body
    assert HearingProcedure.objects.get(pk=procedure.pk).recorded_stage == Stage.OPEN

    run_stages(django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1


def test_a_hearing_that_jumped_stages_sends_only_the_letter_of_its_stage(
    resident, django_capture_on_commit_callbacks
):
    hearing = make_hearing(Stage.ANNOUNCED)
    follow(hearing, resident, "ru")
    run_stages(django_capture_on_commit_callbacks)
    HearingProcedure.objects.filter(pk=hearing.procedure_id).update(
        opens_at=timezone.now() - 3 * DAY, closes_at=timezone.now() - DAY
    )

    run_stages(django_capture_on_commit_callbacks)

    [letter] = mail.outbox
    with translation.override("ru"):
        assert letter.subject == translation.gettext("Comments closed: %(title)s") % {
            "title": hearing.title
        }


def test_closing_early_sends_one_letter_with_the_reason(
    open_hearing, resident, organiser, django_capture_on_commit_callbacks
):
    follow(open_hearing, resident, "ru")
    with django_capture_on_commit_callbacks(execute=True):
        actions.CloseCommentPeriodAction(
            open_hearing, organiser, "Решение суда о приостановке"
        ).execute()

    [letter] = mail.outbox
    assert "Решение суда о приостановке" in letter.body
    assert "Решение суда о приостановке" in html_of(letter)
    assert in_language("ru", "The reason:") in letter.body
    # The clock job finds the stage already recorded: no second letter.
    run_stages(django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1


def test_extending_the_period_tells_the_new_date_and_the_reason(
    open_hearing, resident, organiser, django_capture_on_commit_callbacks
):
    follow(open_hearing, resident, "en")
    new_close = open_hearing.procedure.closes_at + 7 * DAY
    with django_capture_on_commit_callbacks(execute=True):
        actions.ExtendCommentPeriodAction(
            open_hearing, organiser, new_close, "Many residents asked for more time"
        ).execute()

    [letter] = mail.outbox
    assert "Many residents asked for more time" in letter.body
    moscow = timezone.localtime(new_close, notifications.TIME_ZONE)
    with translation.override("en"):
        from django.utils.dateformat import format as date_format

        assert date_format(moscow, "j E Y, H:i") in letter.body
    assert translation_of(open_hearing, "en").full_url in letter.body


def test_the_author_gets_the_answer_in_the_language_of_the_submission(
    open_hearing, organiser, django_capture_on_commit_callbacks
):
    author = make_verified_resident("author")
    en = translation_of(open_hearing, "en")
    submission = submit(en, author)
    assert submission.language == "en"
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        actions.AnswerSubmissionsAction(
            [submission], organiser, Submission.Answer.PARTLY, "Учтено частично."
        ).execute()

    [letter] = mail.outbox
    assert letter.to == [author.email]
    assert submission.number in letter.subject
    assert "Учтено частично." in letter.body
    with translation.override("en"):
        assert str(Submission.Answer.PARTLY.label) in letter.body
    assert en.full_url in letter.body
    assert 'lang="en"' in html_of(letter)
    # Not a follower: the letter offers no unsubscribe link.
    assert "unfollow/" not in letter.body


def test_the_author_of_a_hidden_submission_is_told_why(
    open_hearing, moderator, django_capture_on_commit_callbacks
):
    author = make_verified_resident("author")
    submission = submit(open_hearing, author)
    follow(open_hearing, author, "ru")
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        actions.ModerateSubmissionAction(
            submission, moderator, Submission.Moderation.HIDDEN, "Оскорбления"
        ).execute()

    [letter] = mail.outbox
    assert letter.to == [author.email]
    assert "Оскорбления" in letter.body
    assert open_hearing.full_url + "unfollow/" in letter.body


def test_publishing_the_protocol_sends_one_letter_with_its_number(
    resident, organiser, django_capture_on_commit_callbacks
):
    hearing = make_hearing(Stage.CLOSED)
    follow(hearing, resident, "ru")

    with django_capture_on_commit_callbacks(execute=True):
        actions.PublishResultAction(
            hearing,
            organiser,
            "protocol",
            "П-17",
            timezone.localdate(),
        ).execute()

    [letter] = mail.outbox
    assert "П-17" in letter.body
    assert hearing.full_url in letter.body
    run_stages(django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1


def test_archiving_sends_the_last_letter(
    resident, organiser, django_capture_on_commit_callbacks
):
    hearing = make_hearing(Stage.CONCLUSION)
    follow(hearing, resident, "ru")
    with django_capture_on_commit_callbacks(execute=True):
        actions.ArchiveHearingAction(hearing, organiser).execute()

    [letter] = mail.outbox
    assert in_language("ru", "This is the last letter about this hearing.") in (
        letter.body
    )


def test_inactive_accounts_and_accounts_without_email_get_nothing(
    open_hearing, django_user_model
):
    inactive = django_user_model.objects.create_user(
        username="gone", email="gone@example.org", password="x", is_active=False
    )
    silent = django_user_model.objects.create_user(username="silent", password="x")
    follow(open_hearing, inactive, "ru")
    follow(open_hearing, silent, "ru")

    sent = notifications.notify_followers(
        open_hearing.procedure, notifications.CLOSED, reason=""
    )
    assert sent == 0
    assert mail.outbox == []


def test_a_hundred_followers_take_a_fixed_number_of_queries(
    open_hearing, django_user_model, django_assert_max_num_queries
):
    users = django_user_model.objects.bulk_create(
        django_user_model(username=f"f{i}", email=f"f{i}@example.org")
        for i in range(100)
    )
    HearingFollow.objects.bulk_create(
        HearingFollow(
            procedure_id=open_hearing.procedure_id,
            user=user,
            language=("ru", "tt", "en")[i % 3],
        )
        for i, user in enumerate(users)
    )
    procedure = HearingProcedure.objects.get(pk=open_hearing.procedure_id)

    with django_assert_max_num_queries(8):
        sent = notifications.notify_followers(
            procedure, notifications.CLOSED, reason="Срок"
        )

    assert sent == 100
    assert len(mail.outbox) == 100
    assert len({message.to[0] for message in mail.outbox}) == 100
    languages = {message.body.split("/")[3] for message in mail.outbox[:3]}
    assert languages == {"ru", "tt", "en"}


class FailingBackend(BaseEmailBackend):
    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server down")


def test_a_failing_mail_server_is_logged_not_raised(
    open_hearing, resident, organiser, settings, caplog,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    settings.EMAIL_BACKEND = f"{__name__}.FailingBackend"
    follow(open_hearing, resident, "ru")

    with (
        caplog.at_level(logging.ERROR, logger="hearings_plugin.notifications"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        actions.CloseCommentPeriodAction(open_hearing, organiser, "Срок").execute()

    assert "could not be sent" in caplog.text
    assert HearingProcedure.objects.get(
        pk=open_hearing.procedure_id
    ).recorded_stage == (Stage.CLOSED)
