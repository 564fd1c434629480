"""Receivers of the hearing signals: letters to followers and authors.

The signals are sent once the action's transaction has committed, so a letter
never tells of a change that was rolled back. Each event has one letter:
the protocol and the conclusion are told by ``result_published`` (which knows
the document), so the ``stage_changed`` that comes with them sends nothing;
an early close is told by ``stage_changed`` (with the reason), not by
``comment_period_changed``.
"""

from django.dispatch import receiver

from . import notifications, signals
from .models import CommentPeriodChange, HearingResult, Stage, Submission

STAGE_LETTERS = {
    Stage.OPEN: notifications.OPENED,
    Stage.CLOSED: notifications.CLOSED,
    Stage.ARCHIVED: notifications.ARCHIVED,
}

RESULT_LETTERS = {
    HearingResult.Kind.PROTOCOL: notifications.PROTOCOL,
    HearingResult.Kind.CONCLUSION: notifications.CONCLUSION,
}


@receiver(signals.stage_changed, dispatch_uid="hearings_letters_on_stage")
def write_on_stage_changed(sender, procedure, stage, reason="", **kwargs):
    kind = STAGE_LETTERS.get(stage)
    if kind is not None:
        notifications.notify_followers(procedure, kind, reason=reason or "")


@receiver(signals.comment_period_changed, dispatch_uid="hearings_letters_on_period")
def write_on_period_extended(sender, procedure, change, **kwargs):
    if change.kind == CommentPeriodChange.Kind.EXTENDED:
        notifications.notify_followers(
            procedure, notifications.EXTENDED, change=change, reason=change.reason
        )


@receiver(signals.result_published, dispatch_uid="hearings_letters_on_result")
def write_on_result_published(sender, procedure, result, **kwargs):
    kind = RESULT_LETTERS.get(result.kind)
    if kind is not None:
        notifications.notify_followers(procedure, kind, result=result)


@receiver(signals.submission_answered, dispatch_uid="hearings_letters_on_answer")
def write_on_submission_answered(sender, submission, **kwargs):
    notifications.notify_author(submission.pk, notifications.ANSWERED)


@receiver(signals.submission_moderated, dispatch_uid="hearings_letters_on_moderation")
def write_on_submission_hidden(sender, submission, **kwargs):
    if submission.moderation == Submission.Moderation.HIDDEN:
        notifications.notify_author(submission.pk, notifications.HIDDEN)


@receiver(signals.result_published, dispatch_uid="hearings_documents_on_result")
def prerender_on_result_published(sender, procedure, result, **kwargs):
    """Render the published document's PDF now, so no download waits for it.

    In a background thread (``HEARINGS_PRERENDER_IN_BACKGROUND``, default on):
    a big protocol takes longer than the organiser's request may.
    """
    from .views.results import prerender_soon

    prerender_soon(procedure.pk)
