"""Submitting to a hearing, the receipt, attachments and My submissions."""

from wagtail.contrib.routable_page.models import RoutablePageMixin


class SubmissionRoutesMixin(RoutablePageMixin):
    """Routes added to the page by this module."""


class MySubmissionsRoutesMixin(RoutablePageMixin):
    """Routes added to the page by this module."""
