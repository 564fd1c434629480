"""Pages of the cultural programme."""

from django.utils.translation import gettext_lazy as _

from cms.models import SectionPage


class ProgrammeIndexPage(SectionPage):
    """The programme guide: where residents find the season's free online events."""

    parent_page_types = ["cms.HomePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("programme index page")
        verbose_name_plural = _("programme index pages")
