"""The "Public hearings" admin menu group and its items.

Other parts of the plugin add items to the group through ``HEARINGS_MENU_HOOK``:
a viewset sets ``menu_hook = HEARINGS_MENU_HOOK``, a function registered with
``@hooks.register(HEARINGS_MENU_HOOK)`` returns a ``MenuItem``.
"""

from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from .. import permissions

HEARINGS_MENU_HOOK = "register_hearings_menu_item"


class SubmissionsMenuItem(MenuItem):
    """Shown to those who answer or moderate some hearing's submissions."""

    def is_shown(self, request):
        user = request.user
        return permissions.can_moderate(user) or user.has_perm(
            permissions.ANSWER_SUBMISSIONS
        )


class ModerationMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.can_moderate(request.user)


@hooks.register("register_admin_menu_item")
def register_hearings_menu():
    return SubmenuMenuItem(
        _("Public hearings"),
        Menu(register_hook_name=HEARINGS_MENU_HOOK),
        name="public-hearings",
        icon_name="clipboard-list",
        order=160,
    )


@hooks.register(HEARINGS_MENU_HOOK)
def register_submissions_menu_item():
    return SubmissionsMenuItem(
        _("Submissions"),
        reverse_lazy("hearings_admin:submissions"),
        name="hearing-submissions",
        icon_name="mail",
        order=10,
    )


@hooks.register(HEARINGS_MENU_HOOK)
def register_moderation_menu_item():
    return ModerationMenuItem(
        _("Moderation"),
        reverse_lazy("hearings_admin:moderation"),
        name="hearing-moderation",
        icon_name="tasks",
        order=20,
    )
