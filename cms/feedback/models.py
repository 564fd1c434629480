"""Residents' feedback on a page across its translations.

A page and its translations (one ``translation_key``) are one thing to rate and
discuss: :class:`PageFeedback` is that thing. It holds the stored rating aggregate
(recounted in the transaction of every rating change, so a page with thousands of
ratings shows them with one query) and is the target of the page's comment
thread, so a comment written on the Tatar page shows on the Russian one too.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

SCORES = (1, 2, 3, 4, 5)


class PageFeedback(models.Model):
    """A page in all its languages, as residents rate and discuss it."""

    translation_key = models.UUIDField(_("page"), unique=True)
    page_type = models.ForeignKey(
        ContentType,
        verbose_name=_("page type"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    rating_count = models.PositiveIntegerField(_("ratings"), default=0)
    rating_total = models.PositiveIntegerField(_("sum of scores"), default=0)
    attendee_count = models.PositiveIntegerField(_("ratings by attendees"), default=0)
    attendee_total = models.PositiveIntegerField(
        _("sum of attendees' scores"), default=0
    )
    star_1 = models.PositiveIntegerField(default=0)
    star_2 = models.PositiveIntegerField(default=0)
    star_3 = models.PositiveIntegerField(default=0)
    star_4 = models.PositiveIntegerField(default=0)
    star_5 = models.PositiveIntegerField(default=0)
    rated_at = models.DateTimeField(_("last rated"), null=True, blank=True)

    class Meta:
        verbose_name = _("feedback on a page")
        verbose_name_plural = _("feedback on pages")

    def __str__(self):
        page = self.page()
        return page.title if page is not None else str(self.translation_key)

    @property
    def title(self):
        """What the thread is about (the comment policy's title)."""
        return str(self)

    @property
    def distribution(self):
        """``{score: count}`` for 1..5."""
        return {score: getattr(self, f"star_{score}") for score in SCORES}

    def pages(self):
        """Every language version of the page, specific."""
        from wagtail.models import Page

        return Page.objects.filter(translation_key=self.translation_key).specific()

    def page(self, language=None):
        """The live version in ``language``, else any live version, else any."""
        from wagtail.models import Page

        versions = Page.objects.filter(translation_key=self.translation_key)
        if language:
            found = versions.live().filter(locale__language_code=language).first()
            if found is not None:
                return found.specific
        found = versions.live().first() or versions.first()
        return found.specific if found is not None else None


class Rating(models.Model):
    """One account's score of one page (in any of its languages)."""

    feedback = models.ForeignKey(
        PageFeedback,
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="ratings",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("resident"),
        on_delete=models.CASCADE,
        related_name="ratings",
    )
    score = models.PositiveSmallIntegerField(_("score"))
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    by_attendee = models.BooleanField(_("by a registered attendee"), default=False)
    created_at = models.DateTimeField(_("rated"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("rating")
        verbose_name_plural = _("ratings")
        constraints = [
            # One rating per account and page, whatever the number of clicks.
            models.UniqueConstraint(
                fields=["feedback", "user"], name="feedback_rating_one_per_account"
            ),
            models.CheckConstraint(
                condition=Q(score__gte=1) & Q(score__lte=5),
                name="feedback_rating_score_1_to_5",
            ),
        ]
        indexes = [
            models.Index(
                fields=["feedback", "score", "by_attendee"],
                name="feedback_rating_recount",
            ),
            models.Index(fields=["created_at"], name="feedback_rating_created"),
        ]

    def __str__(self):
        return f"{self.feedback_id}: {self.score}"


class ActivityRecord(models.Model):
    """What an account or an address did or tried, for moderators.

    Ratings, comments, questions, votes and wishes are recorded here when done,
    refused or held back by a rate limit, with the address they came from.
    """

    class Outcome(models.TextChoices):
        DONE = "done", _("done")
        REFUSED = "refused", _("refused")
        THROTTLED = "throttled", _("held back by a rate limit")

    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    action = models.CharField(_("action"), max_length=40, db_index=True)
    outcome = models.CharField(
        _("outcome"), max_length=12, choices=Outcome.choices, default=Outcome.DONE
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    address = models.GenericIPAddressField(_("address"), null=True, blank=True)
    target = models.CharField(_("about"), max_length=255, blank=True)
    detail = models.CharField(_("detail"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("activity record")
        verbose_name_plural = _("activity records")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["user", "created_at"], name="feedback_activity_user"),
            models.Index(
                fields=["address", "created_at"], name="feedback_activity_address"
            ),
        ]

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action} {self.outcome}"
