"""The hearing's discussion: one django-comments-xtd thread per HearingProcedure.

The three language versions of a hearing share its procedure, so a comment made
on the Tatar page shows on the Russian and English ones too, with its language.
"""

from django.utils.translation import gettext_lazy as _

from cms.comments.policies import CommentPolicy, can_moderate_comments
from cms.comments.selectors import comment_thread

from . import permissions
from .models import HearingPage, Stage


class HearingCommentPolicy(CommentPolicy):
    """Residents discuss a hearing at every stage until it is archived."""

    uses_stance = True
    closed_message = _("The hearing is archived: the discussion is closed.")

    def accepts_comments(self, procedure):
        return procedure.stage != Stage.ARCHIVED

    def can_moderate(self, user, procedure):
        if can_moderate_comments(user):
            return True
        page = HearingPage.objects.filter(procedure=procedure).first()
        return page is not None and permissions.can_moderate(user, page)

    def can_moderate_any(self, user):
        return can_moderate_comments(user) or permissions.can_moderate(user)

    def _page(self, procedure, language):
        pages = HearingPage.objects.live().filter(procedure=procedure)
        return pages.filter(locale__language_code=language).first() or pages.first()

    def official_name(self, procedure, language):
        """The organiser, who answers in the discussion."""
        page = self._page(procedure, language)
        return page.organiser if page is not None else ""

    def get_url(self, procedure, language):
        page = self._page(procedure, language)
        return page.url if page else None


def hearing_thread(request, page):
    """The discussion of a hearing page, for its ``comments.html`` include."""
    return comment_thread(request, page.procedure, language=page.locale.language_code)
