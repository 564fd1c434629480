"""Registration on an event page: register, join the waiting list, cancel."""

from wagtail.contrib.routable_page.models import RoutablePageMixin


class RegistrationRoutesMixin(RoutablePageMixin):
    """Routes of an event page that residents use to take or give up a place."""
