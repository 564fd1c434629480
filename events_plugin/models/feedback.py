"""Residents' questions to Q&A interviews and their wishes for the programme.

Both belong to an event's ``translation_key`` (like registrations): a question
asked on the Tatar page is on the Russian page's list too, with its language.
Votes are rows (one per account, enforced by the database) and their number is
stored on the question or wish, counted again in the vote's transaction.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .pages import EventPage

QUESTION_MAX_LENGTH = 500
WISH_TITLE_MAX_LENGTH = 150
WISH_DESCRIPTION_MAX_LENGTH = 2000


class Question(models.Model):
    """A resident's question for a Q&A interview."""

    class Status(models.TextChoices):
        PENDING = "pending", _("awaiting moderation")
        APPROVED = "approved", _("approved")
        ANSWERED = "answered", _("answered")
        REJECTED = "rejected", _("not accepted")

    event_key = models.UUIDField(_("event"), db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("resident"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="event_questions",
    )
    text = models.TextField(_("question"), max_length=QUESTION_MAX_LENGTH)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PENDING
    )
    # The moderator's order of approved questions; unset ones follow by votes.
    position = models.PositiveIntegerField(_("order"), null=True, blank=True)
    vote_count = models.PositiveIntegerField(_("votes"), default=0)
    rejection_reason = models.CharField(
        _("reason for not accepting"), max_length=500, blank=True
    )
    answer_recording = models.PositiveSmallIntegerField(
        _("recording"), null=True, blank=True, help_text=_("1 for the first recording.")
    )
    answer_seconds = models.PositiveIntegerField(
        _("answered at (seconds into the recording)"), null=True, blank=True
    )
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderator"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    moderated_at = models.DateTimeField(_("moderated"), null=True, blank=True)
    created_at = models.DateTimeField(_("asked"), auto_now_add=True)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(
                fields=["event_key", "status", "position", "vote_count"],
                name="events_question_list",
            )
        ]

    def __str__(self):
        return _("Question #%(number)s") % {"number": self.pk}


class QuestionVote(models.Model):
    question = models.ForeignKey(
        Question,
        verbose_name=_("question"),
        on_delete=models.CASCADE,
        related_name="votes",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("resident"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    created_at = models.DateTimeField(_("voted"), auto_now_add=True)

    class Meta:
        verbose_name = _("vote for a question")
        verbose_name_plural = _("votes for questions")
        constraints = [
            models.UniqueConstraint(
                fields=["question", "user"], name="events_question_vote_once"
            )
        ]

    def __str__(self):
        return f"{self.question_id}: {self.user_id}"


class Wish(models.Model):
    """A resident's proposal for the programme, which others vote for."""

    class Status(models.TextChoices):
        OPEN = "open", _("open for votes")
        PLANNED = "planned", _("planned")
        DONE = "done", _("done")
        DECLINED = "declined", _("not planned")

    title = models.CharField(_("what you would like"), max_length=WISH_TITLE_MAX_LENGTH)
    description = models.TextField(
        _("details"), max_length=WISH_DESCRIPTION_MAX_LENGTH, blank=True
    )
    domain = models.SlugField(
        _("domain"), max_length=80, blank=True, help_text=_("A domain's slug.")
    )
    event_type = models.CharField(
        _("format"), max_length=30, choices=EventPage.Type.choices, blank=True
    )
    audience = models.ForeignKey(
        "events.Audience",
        verbose_name=_("audience"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("resident"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="programme_wishes",
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.OPEN
    )
    vote_count = models.PositiveIntegerField(_("votes"), default=0)
    event_key = models.UUIDField(
        _("resulting event"),
        null=True,
        blank=True,
        help_text=_("The event that answers this wish."),
    )
    editor_note = models.TextField(_("note from the editors"), blank=True)
    is_public = models.BooleanField(_("shown"), default=True)
    hidden_reason = models.CharField(_("reason for hiding"), max_length=500, blank=True)
    status_changed_at = models.DateTimeField(_("status changed"), null=True, blank=True)
    created_at = models.DateTimeField(_("proposed"), auto_now_add=True)

    class Meta:
        verbose_name = _("programme wish")
        verbose_name_plural = _("programme wishes")
        ordering = ["-vote_count", "-created_at", "pk"]
        indexes = [
            models.Index(
                fields=["is_public", "status", "vote_count"], name="events_wish_list"
            ),
            models.Index(fields=["domain"], name="events_wish_domain"),
        ]

    def __str__(self):
        return self.title


class WishVote(models.Model):
    wish = models.ForeignKey(
        Wish, verbose_name=_("wish"), on_delete=models.CASCADE, related_name="votes"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("resident"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    created_at = models.DateTimeField(_("voted"), auto_now_add=True)

    class Meta:
        verbose_name = _("vote for a wish")
        verbose_name_plural = _("votes for wishes")
        constraints = [
            models.UniqueConstraint(
                fields=["wish", "user"], name="events_wish_vote_once"
            )
        ]

    def __str__(self):
        return f"{self.wish_id}: {self.user_id}"
