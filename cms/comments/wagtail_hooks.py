"""Admin surface of the discussion: the moderation menu, its URLs, log actions."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from cms.accounts.personal_data import HOOK_NAME, PersonalDataProvider

from . import actions, personal_data, views_admin


class ModerationMenuItem(MenuItem):
    """Shown to those who moderate some thread."""

    def is_shown(self, request):
        return views_admin.can_moderate_anything(request.user)


@hooks.register("register_admin_urls")
def register_moderation_urls():
    namespace = views_admin.NAMESPACE
    return [
        path(
            "comments/",
            include((views_admin.urlpatterns, namespace), namespace=namespace),
        )
    ]


@hooks.register("register_admin_menu_item")
def register_moderation_menu_item():
    return ModerationMenuItem(
        _("Comments"),
        reverse(f"{views_admin.NAMESPACE}:index"),
        name="comments",
        icon_name="comment",
        order=450,
    )


@hooks.register("register_log_actions")
def register_discussion_log_actions(log_actions):
    for action, label, message in (
        (
            actions.LOG_AUTO_HIDDEN,
            _("Comment: hidden after reports"),
            _("Residents' reports hid a comment pending a moderator's review"),
        ),
        (
            actions.LOG_HIDDEN,
            _("Comment: hidden by a moderator"),
            _("A moderator hid a comment, with a reason"),
        ),
        (
            actions.LOG_RESTORED,
            _("Comment: restored"),
            _("A moderator published a hidden comment again"),
        ),
    ):
        log_actions.register_action(action, label, message)


@hooks.register(HOOK_NAME)
def comments_personal_data():
    return PersonalDataProvider(
        key="comments",
        title=_("Comments"),
        description=_(
            "Your comments and replies in discussions, such as those of public "
            "hearings, with their language and position. When you delete your "
            "account, your comments stay in their discussions, because other "
            "residents' replies answer them, but they are no longer linked to "
            "you: they are shown as written by a resident, without your name."
        ),
        fields=personal_data.PROVIDER_FIELDS,
        collect=personal_data.comment_records,
        anonymise=personal_data.detach_comments,
    )
