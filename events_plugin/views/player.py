"""An archive item's player page: recordings, chapters, subtitles, related items."""

from wagtail.contrib.routable_page.models import RoutablePageMixin


class RecordingRoutesMixin(RoutablePageMixin):
    """Routes of an event page that show its recordings (see docs/archive.md)."""
