"""The hearing actions: submissions, the comment period, answers and results."""

import datetime
import uuid

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from wagtail.models import PageLogEntry

import pytest

from hearings_plugin import actions, signals
from hearings_plugin.factories import make_hearing, make_verified_resident
from hearings_plugin.models import HearingResult, Stage, Submission

from .conftest import submission_data, submit

pytestmark = pytest.mark.django_db


def test_a_verified_resident_gets_a_numbered_submission_with_identity(
    open_hearing, verified_resident
):
    submission = submit(open_hearing, verified_resident)
    assert submission.number == f"{open_hearing.procedure.reference}-0001"
    assert submission.full_name == "Валиев Ильдар Рустамович"
    assert submission.birth_date == datetime.date(1970, 5, 17)
    assert submission.language == "ru"
    assert submission.moderation == Submission.Moderation.PENDING
    assert submit(open_hearing, verified_resident).sequence == 2


def test_submissions_in_every_language_share_one_numbering(
    open_hearing, verified_resident
):
    pages = open_hearing.get_translations(inclusive=True).specific()
    numbers = {submit(page, verified_resident).sequence for page in pages}
    assert numbers == {1, 2, 3}
    languages = set(
        Submission.objects.filter(procedure=open_hearing.procedure).values_list(
            "language", flat=True
        )
    )
    assert languages == {"ru", "tt", "en"}


def test_a_retried_post_returns_the_stored_submission(open_hearing, verified_resident):
    token = uuid.uuid4()
    first, created = actions.SubmitAction(
        open_hearing, verified_resident, submission_data(client_token=token)
    ).execute()
    again, created_again = actions.SubmitAction(
        open_hearing, verified_resident, submission_data(client_token=token)
    ).execute()
    assert (created, created_again) == (True, False)
    assert again.pk == first.pk
    assert Submission.objects.filter(author=verified_resident).count() == 1


@pytest.mark.parametrize(
    ("stage", "error"),
    [
        (Stage.ANNOUNCED, actions.NotOpenYet),
        (Stage.CLOSED, actions.PeriodClosed),
        (Stage.ARCHIVED, actions.PeriodClosed),
    ],
)
def test_nothing_is_stored_outside_the_comment_period(stage, error, verified_resident):
    hearing = make_hearing(stage)
    with pytest.raises(error):
        submit(hearing, verified_resident)
    assert not Submission.objects.filter(author=verified_resident).exists()


def test_unverified_accounts_cannot_submit(open_hearing, resident):
    with pytest.raises(actions.NotVerified):
        submit(open_hearing, resident)
    assert not Submission.objects.filter(author=resident).exists()


def test_an_identity_without_address_is_refused(open_hearing):
    user = make_verified_resident("no-address", address="")
    with pytest.raises(actions.IdentityIncomplete):
        submit(open_hearing, user)


def test_script_oversized_and_wrong_files_are_refused(open_hearing, verified_resident):
    with pytest.raises(actions.InvalidSubmission):
        submit(open_hearing, verified_resident, text="<script>alert(1)</script>")
    with pytest.raises(actions.InvalidSubmission):
        submit(
            open_hearing,
            verified_resident,
            attachment=SimpleUploadedFile("x.exe", b"MZ"),
        )
    big = SimpleUploadedFile("plan.pdf", b"%PDF" + b"0" * (10 * 1024 * 1024))
    with pytest.raises(actions.InvalidSubmission):
        submit(open_hearing, verified_resident, attachment=big)
    assert not Submission.objects.filter(author=verified_resident).exists()


def test_closing_early_refuses_later_submissions_and_is_logged(
    open_hearing, verified_resident, organiser, django_capture_on_commit_callbacks
):
    received = []
    signals.stage_changed.connect(lambda **kw: received.append(kw["stage"]), weak=False)
    with django_capture_on_commit_callbacks(execute=True):
        actions.CloseCommentPeriodAction(
            open_hearing, organiser, "Решение суда"
        ).execute()
    open_hearing.procedure.refresh_from_db()
    assert open_hearing.procedure.stage == Stage.CLOSED
    assert Stage.CLOSED in received
    with pytest.raises(actions.PeriodClosed):
        submit(open_hearing, verified_resident)
    assert PageLogEntry.objects.filter(action=actions.LOG_CLOSED_EARLY).exists()


def test_closing_needs_a_reason_and_the_permission(open_hearing, resident, organiser):
    with pytest.raises(actions.NotAllowed):
        actions.CloseCommentPeriodAction(open_hearing, resident, "x").execute()
    with pytest.raises(actions.InvalidChange):
        actions.CloseCommentPeriodAction(open_hearing, organiser, "  ").execute()


def test_extending_moves_the_closing_instant_later_only(open_hearing, organiser):
    procedure = open_hearing.procedure
    later = procedure.closes_at + datetime.timedelta(days=7)
    actions.ExtendCommentPeriodAction(
        open_hearing, organiser, later, "Просьбы жителей"
    ).execute()
    procedure.refresh_from_db()
    assert procedure.closes_at == later
    with pytest.raises(actions.InvalidChange):
        actions.ExtendCommentPeriodAction(
            open_hearing, organiser, later - datetime.timedelta(days=1), "ещё"
        ).execute()


def test_the_results_follow_the_legal_order(verified_resident, organiser):
    hearing = make_hearing(Stage.OPEN)
    submission = submit(hearing, verified_resident)
    publish = actions.PublishResultAction
    with pytest.raises(actions.InvalidChange):
        publish(hearing, organiser, "protocol", "1", timezone.localdate()).execute()
    actions.CloseCommentPeriodAction(hearing, organiser, "Срок").execute()
    hearing.refresh_from_db()
    publish(hearing, organiser, "protocol", "П-1", timezone.localdate()).execute()
    with pytest.raises(actions.InvalidChange, match=submission.number):
        publish(hearing, organiser, "conclusion", "З-1", timezone.localdate()).execute()
    actions.AnswerSubmissionsAction(
        [submission], organiser, Submission.Answer.PARTLY, "Учтено частично."
    ).execute()
    publish(hearing, organiser, "conclusion", "З-1", timezone.localdate()).execute()
    actions.ArchiveHearingAction(hearing, organiser).execute()
    hearing.procedure.refresh_from_db()
    assert hearing.procedure.stage == Stage.ARCHIVED
    assert HearingResult.objects.filter(procedure=hearing.procedure).count() == 2


def test_hiding_needs_a_reason_and_keeps_the_submission(
    open_hearing, verified_resident, moderator
):
    submission = submit(open_hearing, verified_resident)
    with pytest.raises(actions.InvalidChange):
        actions.ModerateSubmissionAction(submission, moderator, "hidden", "").execute()
    actions.ModerateSubmissionAction(
        submission, moderator, "hidden", "Оскорбления"
    ).execute()
    submission.refresh_from_db()
    assert submission.moderation == Submission.Moderation.HIDDEN
    assert submission.moderation_reason == "Оскорбления"
    assert PageLogEntry.objects.filter(action=actions.LOG_MODERATED).exists()
