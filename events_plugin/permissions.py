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
