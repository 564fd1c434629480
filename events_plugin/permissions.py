"""May a person act on the cultural programme.

Editing and publishing follow Wagtail's page permissions: culture editors hold the
whole programme, each institution's editors their institution's subtree.
"""

from cms.accounts.permissions import (
    can_edit_page,
    can_publish_page,
    can_rate_or_comment,
    is_active_account,
)


def can_edit_event(user, event):
    return can_edit_page(user, event)


def can_publish_event(user, event):
    return can_publish_page(user, event)


def can_see_registrations(user, event):
    """The list of people registered is personal data: for the event's editors."""
    return can_edit_page(user, event)


def can_register_for_event(user):
    """Any signed-in account may register; ESIA confirmation is not needed."""
    return is_active_account(user)


def can_rate_or_comment_event(user):
    return can_rate_or_comment(user)


def can_see_feedback_dashboard(user):
    """Organisers: those who add or edit some event, programme or institution page."""
    from wagtail.permission_policies.pages import PagePermissionPolicy

    from .models import EventPage, InstitutionPage, ProgrammeIndexPage

    if not is_active_account(user):
        return False
    if user.is_superuser:
        return True
    pages = PagePermissionPolicy().instances_user_has_any_permission_for(
        user, {"add", "change"}
    )
    return pages.type(EventPage, ProgrammeIndexPage, InstitutionPage).exists()


def can_manage_wishes(user):
    """Editors of any page of the programme (or above it) answer wishes."""
    if not is_active_account(user):
        return False
    if user.is_superuser:
        return True
    from django.db.models import Q

    from wagtail.permission_policies.pages import PagePermissionPolicy

    from .models import ProgrammeIndexPage

    cache = user.__dict__.setdefault("_kazan_wish_permissions", {})
    if "manage" not in cache:
        programmes = list(ProgrammeIndexPage.objects.values_list("path", flat=True))
        editable = PagePermissionPolicy().instances_user_has_any_permission_for(
            user, ["change"]
        )
        below = Q()
        for programme in programmes:
            below |= Q(path__startswith=programme)
        # A permission on the home page or the root reaches the programme too.
        above = Q(pk__in=[])
        for programme in programmes:
            above |= Q(
                path__in=[programme[:length] for length in range(4, len(programme), 4)]
            )
        cache["manage"] = bool(programmes) and editable.filter(below | above).exists()
    return cache["manage"]


def can_moderate_wishes(user):
    """Moderators of the discussion hide and show wishes."""
    from cms.comments.policies import can_moderate_comments

    return can_moderate_comments(user)


def can_open_wishes_admin(user):
    return can_manage_wishes(user) or can_moderate_wishes(user)


def can_see_wish(user, wish):
    """Hidden wishes stay visible to their author and to staff who handle them."""
    if wish.is_public:
        return True
    if user is not None and user.is_authenticated and wish.user_id == user.pk:
        return True
    return can_open_wishes_admin(user)


def can_moderate_questions(user, page):
    """The event's publishers and the site's discussion moderators."""
    from cms.comments.policies import can_moderate_comments

    return can_publish_page(user, page) or can_moderate_comments(user)
