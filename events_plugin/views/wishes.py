"""Routes of the programme page where residents propose and vote for wishes."""

from wagtail.contrib.routable_page.models import RoutablePageMixin


class WishRoutesMixin(RoutablePageMixin):
    """Routes of the programme index page for residents' wishes."""
