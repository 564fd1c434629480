"""The hearings listing on the index page, filtered by district, topic, stage, year."""

from wagtail.contrib.routable_page.models import RoutablePageMixin


class HearingGuideMixin(RoutablePageMixin):
    """Routes added to the page by this module."""
