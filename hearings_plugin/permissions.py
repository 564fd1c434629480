"""May a person act on a public hearing.

Hearing actions are the model permissions of ``HearingIndexPage``, limited to the
page subtrees of the group that grants them (organisers) or site-wide for groups
without pages (moderators). ``hearing`` is the hearing page, or for now the index
page or any page under it.
"""

from cms.accounts.permissions import (
    can_edit_page,
    can_publish_page,
    has_scoped_permission,
    is_verified_resident,
)

MODERATE_SUBMISSIONS = "hearings.moderate_submissions"
ANSWER_SUBMISSIONS = "hearings.answer_submissions"
CLOSE_COMMENT_PERIOD = "hearings.close_comment_period"
VIEW_PERSONAL_DATA = "hearings.view_personal_data"


def can_submit_to_hearing(user):
    """Only residents whose identity ESIA confirmed may make a legal submission."""
    return is_verified_resident(user)


def can_moderate(user, hearing=None):
    """Hide or restore submissions and comments; without a hearing: any at all."""
    return has_scoped_permission(user, MODERATE_SUBMISSIONS, hearing)


def can_answer_submission(user, hearing):
    return has_scoped_permission(user, ANSWER_SUBMISSIONS, hearing)


def can_close_comment_period(user, hearing):
    return has_scoped_permission(user, CLOSE_COMMENT_PERIOD, hearing)


def can_see_personal_data(user, hearing):
    """See who submitted (names, addresses from ESIA): organisers, not moderators."""
    return has_scoped_permission(user, VIEW_PERSONAL_DATA, hearing)


def can_edit_hearing(user, hearing):
    return can_edit_page(user, hearing)


def can_publish_hearing(user, hearing):
    return can_publish_page(user, hearing)


def can_publish_results(user, hearing):
    """Publish the protocol and the conclusion, and archive: organisers of it."""
    return can_publish_page(user, hearing) and can_answer_submission(user, hearing)
