"""RatingBlock: the rating widget of a page, placed anywhere in a body."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks import StructBlockValidationError

from .content import GROUP_DATA, PREVIEW_TEMPLATE


class RatingValue(blocks.StructValue):
    def target(self, current_page=None):
        """The page whose ratings are shown: the chosen one, else the current one."""
        return self.get("page") or current_page


class RatingBlock(blocks.StructBlock):
    """Stars, the distribution and the form to rate an event, as on its own page."""

    heading = blocks.CharBlock(
        label=_("Heading"),
        required=False,
        max_length=120,
        help_text=_("Shown above the stars. “Rating” when empty."),
    )
    page = blocks.PageChooserBlock(
        label=_("Event to rate"),
        required=False,
        help_text=_(
            "Leave empty to show the ratings of the page this block is on. "
            "Only events can be rated."
        ),
    )

    class Meta:
        icon = "pick"
        template = "blocks/rating.html"
        preview_template = PREVIEW_TEMPLATE
        label = _("Rating")
        description = _(
            "Residents' stars for an event, with the form to give their own."
        )
        group = GROUP_DATA
        value_class = RatingValue
        preview_value = {"heading": _("Rate the concert")}

    def clean(self, value):
        value = super().clean(value)
        page = value.get("page")
        if page is not None:
            from cms.feedback.mixins import RatableMixin

            if not isinstance(page.specific, RatableMixin):
                raise StructBlockValidationError(
                    block_errors={
                        "page": ValidationError(
                            _("This page cannot be rated. Choose an event."),
                            code="not_ratable",
                        )
                    }
                )
        return value
