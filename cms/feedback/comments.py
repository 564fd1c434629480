"""The comment thread of a page across its translations (a PageFeedback)."""

from cms.accounts.permissions import can_publish_page
from cms.comments.policies import CommentPolicy, can_moderate_comments


class FeedbackCommentPolicy(CommentPolicy):
    """Residents discuss a live, public page; its publishers moderate with staff."""

    def _page(self, feedback, language=None):
        return feedback.page(language)

    def accepts_comments(self, feedback):
        page = self._page(feedback)
        if page is None or not page.live:
            return False
        accepts = getattr(page, "accepts_comments", None)
        return accepts() if callable(accepts) else True

    def can_moderate(self, user, feedback):
        if can_moderate_comments(user):
            return True
        page = self._page(feedback)
        return page is not None and can_publish_page(user, page)

    def get_url(self, feedback, language):
        page = self._page(feedback, language)
        return page.url if page is not None and page.live else None

    def title(self, feedback, language):
        page = self._page(feedback, language)
        return page.title if page is not None else ""
