"""Pages of the public hearings."""

from django.utils.translation import gettext_lazy as _

from cms.models import SectionPage


class HearingIndexPage(SectionPage):
    """Where residents find current, upcoming and archived public hearings."""

    parent_page_types = ["cms.HomePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("hearing index page")
        verbose_name_plural = _("hearing index pages")
