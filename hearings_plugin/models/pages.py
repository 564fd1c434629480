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
        # What a hearing organiser or moderator may do; granted to groups and
        # limited to page subtrees by hearings_plugin.permissions.
        permissions = [
            ("moderate_submissions", _("Moderate submissions and comments")),
            ("answer_submissions", _("Answer submissions")),
            ("close_comment_period", _("Close the comment period")),
            ("view_personal_data", _("See participants' personal data")),
        ]
