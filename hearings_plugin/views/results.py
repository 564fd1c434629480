"""Protocol, conclusion, extracts, statistics and open data."""

from wagtail.contrib.routable_page.models import RoutablePageMixin


class ResultRoutesMixin(RoutablePageMixin):
    """Routes added to the page by this module."""


class StatisticsRoutesMixin(RoutablePageMixin):
    """Routes added to the page by this module."""
