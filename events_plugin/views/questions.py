"""Routes of a Q&A interview page where residents ask and vote (docs/feedback.md)."""

from wagtail.contrib.routable_page.models import RoutablePageMixin


class QuestionRoutesMixin(RoutablePageMixin):
    """Routes of an event page for residents' questions."""
