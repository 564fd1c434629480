"""The site's comment: a django-comments-xtd comment with language, stance, moderation.

Comments attach to any object a plugin declares commentable (a hearing's
``HearingProcedure``, so one thread serves its ru, tt and en pages); each keeps the
language of the page it was written on.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from django_comments_xtd.models import XtdComment


class Stance(models.TextChoices):
    SUPPORT = "support", _("Support")
    OPPOSE = "oppose", _("Oppose")
    NEUTRAL = "neutral", _("Neutral")


class Comment(XtdComment):
    """A resident's comment or reply in a thread.

    ``is_public`` is False while the comment is hidden: by residents' flags pending
    review (``hidden_reason`` empty) or by a moderator (with the reason shown).
    """

    # Named explicitly: the default reverse name "comment" is XtdComment's text field.
    xtdcomment_ptr = models.OneToOneField(
        XtdComment,
        on_delete=models.CASCADE,
        parent_link=True,
        primary_key=True,
        related_name="discussion_comment",
    )
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, db_index=True
    )
    stance = models.CharField(
        _("stance"), max_length=10, choices=Stance.choices, blank=True
    )
    hidden_reason = models.TextField(_("reason for hiding"), blank=True)
    # Set when the author moderates the thread (an organiser, a publisher of the
    # page, a moderator): the thread marks the comment as an official reply.
    official = models.BooleanField(_("official reply"), default=False)
    # Flags made before a moderator's last decision no longer count towards
    # hiding the comment automatically.
    reviewed_at = models.DateTimeField(_("last reviewed"), null=True, blank=True)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        permissions = [("moderate_comments", _("Moderate comments"))]

    def __str__(self):
        # Audit log labels: never the author's name or the text.
        return _("Comment #%(number)s") % {"number": self.pk}

    @property
    def author_name(self):
        """The public name: first name and the initial of the last name."""
        return public_name(self.user)

    @property
    def is_hidden_by_moderator(self):
        return not self.is_public and bool(self.hidden_reason)

    @property
    def is_awaiting_review(self):
        return not self.is_public and not self.hidden_reason


def public_name(user):
    if user is None:
        return str(_("Resident"))
    first = (user.first_name or "").strip()
    last = (user.last_name or "").strip()
    if not first:
        return str(_("Resident"))
    return f"{first} {last[0]}." if last else first
