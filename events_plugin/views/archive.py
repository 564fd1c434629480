"""The video archive's pages: browse, filter and search, and autocomplete."""

from wagtail.contrib.routable_page.models import RoutablePageMixin


class ArchiveRoutesMixin(RoutablePageMixin):
    """Routes of the archive page (see docs/archive.md)."""
