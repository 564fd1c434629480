"""Every change to a discussion: post, flag, hide, restore.

Each action's ``check()`` raises a :class:`CommentError` the person can read;
``execute()`` checks again, writes in one transaction and logs hides and restores
to Wagtail's audit log. Moderation changes use queryset updates so that no
model-save hook shows or hides the replies along with their parent.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.log_actions import log

from django_comments.models import CommentFlag
from django_comments_xtd.models import max_thread_level_for_content_type

from cms.accounts.permissions import can_rate_or_comment

from . import signals
from .models import Comment, Stance
from .policies import content_type_for, policy_for

# Wagtail audit log actions (labels registered in wagtail_hooks.py).
LOG_AUTO_HIDDEN = "discussion.comment.auto_hidden"
LOG_HIDDEN = "discussion.comment.hidden"
LOG_RESTORED = "discussion.comment.restored"

REASON_MAX_LENGTH = 1000
REPEAT_WINDOW = datetime.timedelta(minutes=10)


class CommentError(Exception):
    """A refusal the person can read: ``message`` is translated."""

    message = _("That did not work. Please try again.")
    status = 400

    def __init__(self, message=None):
        if message is not None:
            self.message = message
        super().__init__(str(self.message))


class NotSignedIn(CommentError):
    message = _("Sign in to take part in the discussion.")
    status = 403


class NotAllowed(CommentError):
    message = _("You do not have permission to do this.")
    status = 403


class DiscussionClosed(CommentError):
    status = 403


class InvalidComment(CommentError):
    pass


def comments_of(target):
    """Every comment of the thread on ``target``, hidden ones included."""
    return Comment.objects.filter(
        content_type=content_type_for(target),
        object_pk=str(target.pk),
        site_id=settings.SITE_ID,
        is_removed=False,
    )


def max_level(target):
    return max_thread_level_for_content_type(content_type_for(target))


class PostCommentAction:
    """A signed-in person comments on ``target`` or replies within its thread."""

    def __init__(
        self, target, user, *, text, language, stance="", reply_to=0, followup=False
    ):
        self.target = target
        self.user = user
        self.text = text
        self.language = language
        self.stance = stance
        self.reply_to = reply_to or 0
        self.followup = bool(followup)
        self.policy = policy_for(type(target))

    def check(self):
        if not can_rate_or_comment(self.user):
            raise NotSignedIn
        if self.policy is None:
            raise InvalidComment(_("Comments cannot be added here."))
        if not self.policy.accepts_comments(self.target):
            raise DiscussionClosed(self.policy.closed_message)
        if self.language not in dict(settings.LANGUAGES):
            raise InvalidComment
        if self.stance and self.stance not in Stance.values:
            raise InvalidComment
        if self.reply_to:
            self.parent()

    def parent(self):
        parent = comments_of(self.target).filter(pk=self.reply_to).first()
        if parent is None:
            raise InvalidComment(
                _("You can only reply to a comment of this discussion.")
            )
        if not parent.is_public:
            raise InvalidComment(_("This comment is hidden: it takes no replies."))
        if parent.level >= max_level(self.target):
            raise InvalidComment(
                _("This reply is as deep as the discussion goes: reply above it.")
            )
        return parent

    def execute(self):
        """The stored comment, or the same one again for a repeated post."""
        self.check()
        with transaction.atomic():
            # A double click or a retried request stores the comment once.
            repeated = comments_of(self.target).filter(
                user=self.user,
                comment=self.text,
                submit_date__gte=timezone.now() - REPEAT_WINDOW,
            )
            if self.reply_to:
                repeated = repeated.filter(parent_id=self.reply_to, level__gt=0)
            else:
                repeated = repeated.filter(level=0)
            repeated = repeated.first()
            if repeated is not None:
                return repeated
            comment = Comment(
                content_type=content_type_for(self.target),
                object_pk=str(self.target.pk),
                site_id=settings.SITE_ID,
                user=self.user,
                comment=self.text,
                language=self.language,
                stance=self.stance if self.policy.uses_stance else "",
                parent_id=self.reply_to,
                submit_date=timezone.now(),
                is_public=True,
                official=self.policy.can_moderate(self.user, self.target),
                followup=self.followup and self.policy.offers_followup,
            )
            comment.save()
            transaction.on_commit(
                lambda: signals.comment_posted.send(
                    sender=Comment, comment=comment, target=self.target
                )
            )
        return comment


class FlagCommentAction:
    """A resident reports a comment; enough reports hide it pending review."""

    def __init__(self, comment, user):
        self.comment = comment
        self.user = user

    def check(self):
        if not can_rate_or_comment(self.user):
            raise NotSignedIn
        if self.comment.user_id == self.user.pk:
            raise InvalidComment(_("You cannot report your own comment."))
        if not self.comment.is_public or self.comment.is_removed:
            raise InvalidComment(_("This comment is already hidden."))

    def execute(self):
        """Whether this report hid the comment."""
        self.check()
        with transaction.atomic():
            comment = (
                Comment.norel_objects.select_for_update()
                .filter(pk=self.comment.pk)
                .first()
            )
            CommentFlag.objects.get_or_create(
                comment=comment,
                user=self.user,
                flag=CommentFlag.SUGGEST_REMOVAL,
                defaults={"flag_date": timezone.now()},
            )
            flags = comment.flags.filter(flag=CommentFlag.SUGGEST_REMOVAL)
            if comment.reviewed_at:
                flags = flags.filter(flag_date__gt=comment.reviewed_at)
            count = flags.count()
            if not comment.is_public or count < settings.COMMENTS_AUTO_HIDE_FLAGS:
                return False
            Comment.norel_objects.filter(pk=comment.pk).update(
                is_public=False, hidden_reason=""
            )
            comment.is_public = False
            log(instance=comment, action=LOG_AUTO_HIDDEN, data={"flags": count})
        return True


def can_moderate_comment(user, comment):
    """Whether ``user`` moderates the thread ``comment`` belongs to."""
    policy = policy_for(comment.content_type.model_class())
    target = comment.content_object if policy is not None else None
    return target is not None and policy.can_moderate(user, target)


class HideCommentAction:
    """A moderator hides a comment, with the reason its author will see."""

    def __init__(self, comment, user, reason):
        self.comment = comment
        self.user = user
        self.reason = (reason or "").strip()

    def check(self):
        if not can_moderate_comment(self.user, self.comment):
            raise NotAllowed
        if not self.reason:
            raise InvalidComment(_("Give the reason: the author will see it."))
        if len(self.reason) > REASON_MAX_LENGTH:
            raise InvalidComment(_("The reason is too long."))

    def execute(self):
        self.check()
        with transaction.atomic():
            Comment.norel_objects.filter(pk=self.comment.pk).update(
                is_public=False, hidden_reason=self.reason, reviewed_at=timezone.now()
            )
            self.comment.is_public = False
            self.comment.hidden_reason = self.reason
            log(
                instance=self.comment,
                action=LOG_HIDDEN,
                user=self.user,
                data={"reason": self.reason},
            )
        return self.comment


class RestoreCommentAction:
    """A moderator shows a hidden comment again; earlier reports stop counting."""

    def __init__(self, comment, user):
        self.comment = comment
        self.user = user

    def check(self):
        if not can_moderate_comment(self.user, self.comment):
            raise NotAllowed
        if self.comment.is_public:
            raise InvalidComment(_("This comment is not hidden."))

    def execute(self):
        self.check()
        with transaction.atomic():
            Comment.norel_objects.filter(pk=self.comment.pk).update(
                is_public=True, hidden_reason="", reviewed_at=timezone.now()
            )
            self.comment.is_public = True
            self.comment.hidden_reason = ""
            log(instance=self.comment, action=LOG_RESTORED, user=self.user)
        return self.comment


class StopFollowupAction:
    """No more letters about replies to ``user``'s comments in ``target``'s thread."""

    def __init__(self, target, user):
        self.target = target
        self.user = user

    def check(self):
        if self.target is None or self.user is None or not self.user.is_active:
            raise InvalidComment(
                _("This link does not work any more. Sign in to manage your letters.")
            )

    def execute(self):
        """How many of the person's comments stopped asking for letters."""
        self.check()
        return (
            comments_of(self.target)
            .filter(user=self.user, followup=True)
            .update(followup=False)
        )
