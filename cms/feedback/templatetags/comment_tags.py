"""``{% page_comments page as thread %}``: the comment thread of a page."""

from django import template
from django.utils import translation

from cms.comments.selectors import comment_thread

from ..mixins import CommentableMixin
from ..ratings import feedback_for

register = template.Library()


@register.simple_tag(takes_context=True)
def page_comments(context, page):
    """The page of ``page``'s thread to show, shared by its translations, or None.

    A live page with ``CommentableMixin`` has a thread; its ``PageFeedback`` is
    made on first view.
    """
    request = context.get("request")
    if not isinstance(page, CommentableMixin) or request is None or not page.live:
        return None
    feedback = feedback_for(page, create=True)
    # The page is served in the active language: the policy need not look it up.
    feedback.shown_page = page
    feedback.shown_language = translation.get_language()
    return comment_thread(request, feedback, language=feedback.shown_language)
