"""Following a hearing and proposing a topic for one."""

from wagtail.contrib.routable_page.models import RoutablePageMixin


class FollowRoutesMixin(RoutablePageMixin):
    """Routes added to the page by this module."""


class TopicProposalRoutesMixin(RoutablePageMixin):
    """Routes added to the page by this module."""
