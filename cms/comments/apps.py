from django.apps import AppConfig
from django.db.models.signals import pre_save
from django.utils.translation import gettext_lazy as _


class DiscussionConfig(AppConfig):
    """Threaded comments on hearings and, later, events (django-comments-xtd)."""

    name = "cms.comments"
    label = "discussion"
    verbose_name = _("Discussion")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django_comments_xtd.models import publish_or_unpublish_on_pre_save

        from . import notifications, signals

        signals.comment_posted.connect(
            notifications.on_comment_posted, dispatch_uid="discussion-reply-letters"
        )

        # django-comments-xtd hides or shows a comment's replies with it on every
        # save; here a hidden comment stays in the thread as a placeholder and its
        # replies stay visible, so the cascade is switched off (this app is listed
        # after django_comments_xtd, whose ready() connects it).
        pre_save.disconnect(
            publish_or_unpublish_on_pre_save, sender="discussion.Comment"
        )
