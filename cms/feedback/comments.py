"""The comment thread of a page across its translations (a PageFeedback)."""

from django.db.models import CharField
from django.db.models.functions import Cast

from wagtail.models import Page, PageViewRestriction
from wagtail.permission_policies.pages import PagePermissionPolicy

from cms.accounts.permissions import can_publish_page, is_active_account
from cms.comments.policies import CommentPolicy, can_moderate_comments

from .mixins import CommentableMixin
from .models import PageFeedback


def _pages_user_publishes(user):
    return PagePermissionPolicy().instances_user_has_permission_for(user, "publish")


def _is_private(page):
    """Whether a view restriction covers ``page`` (one query for all ancestors)."""
    step = page.steplen
    paths = [page.path[:end] for end in range(step, len(page.path) + 1, step)]
    return PageViewRestriction.objects.filter(page__path__in=paths).exists()


class FeedbackCommentPolicy(CommentPolicy):
    """Residents discuss a live, public page; its publishers moderate with staff.

    The publishers of an event are its institution's editors: they moderate the
    threads of their institution's pages only, and their replies are official.
    """

    offers_followup = True

    def _page(self, feedback, language=None):
        # The page the thread is rendered on (set by the page's comments tag)
        # saves looking it up again.
        shown = getattr(feedback, "shown_page", None)
        if shown is not None and language in (None, feedback.shown_language):
            return shown
        return feedback.page(language)

    def accepts_comments(self, feedback):
        page = self._page(feedback)
        if not isinstance(page, CommentableMixin) or not page.live:
            return False
        if _is_private(page):
            return False
        return page.accepts_comments()

    def can_moderate(self, user, feedback):
        if can_moderate_comments(user):
            return True
        page = self._page(feedback)
        return page is not None and can_publish_page(user, page)

    def can_moderate_any(self, user):
        if can_moderate_comments(user):
            return True
        return is_active_account(user) and _pages_user_publishes(user).exists()

    def moderated_pks(self, user):
        if can_moderate_comments(user):
            return None
        if not is_active_account(user):
            return []
        keys = _pages_user_publishes(user).values("translation_key")
        return (
            PageFeedback.objects.filter(translation_key__in=keys)
            .annotate(key=Cast("pk", CharField()))
            .values("key")
        )

    def official_name(self, feedback, language):
        page = self._page(feedback, language)
        get_institution = getattr(page, "get_institution", None)
        institution = get_institution() if callable(get_institution) else None
        return institution.title if institution is not None else ""

    def get_url(self, feedback, language):
        page = self._page(feedback, language)
        return page.url if page is not None and page.live else None

    def title(self, feedback, language):
        page = self._page(feedback, language)
        return page.title if page is not None else ""

    def titles(self, feedbacks, language):
        """``{pk: title}`` of many threads in two queries (the admin's list)."""
        by_key = {feedback.translation_key: feedback.pk for feedback in feedbacks}
        titles = {}
        pages = (
            Page.objects.filter(translation_key__in=by_key)
            .select_related("locale")
            .order_by("-live", "pk")
        )
        for page in pages:
            pk = by_key[page.translation_key]
            if pk not in titles or page.locale.language_code == language:
                titles[pk] = page.title
        return titles
