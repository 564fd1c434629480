"""RatableMixin: any page type that residents may rate.

A page class lists it among its bases; the rating widget (the
``{% rating_widget page %}`` tag, its include and the rating block) and the
rating endpoint accept only pages that carry it. Subclasses say when ratings
open and who counts as an attendee.
"""


class RatableMixin:
    """A page residents rate from 1 to 5, one score per account across languages."""

    #: Shown beside the widget: what the stars rate.
    rating_prompt = None

    def rating_refusal(self, now):
        """Why the page cannot be rated at ``now`` (translated), or "" if it can."""
        return ""

    def is_rating_attendee(self, user):
        """Whether ``user`` took part (their rating is marked and averaged apart)."""
        return False


class CommentableMixin:
    """A page residents discuss in one thread across its translations.

    The thread's target is the page's ``PageFeedback``; the page's template shows
    it with ``{% page_comments page as thread %}`` (``comment_tags``).
    """

    def accepts_comments(self):
        """Whether new comments and replies are taken now."""
        return True
