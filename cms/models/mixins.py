"""Reusable page features, each carrying its own fields and panels."""

from django.db import models
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel


class SocialMetaMixin(models.Model):
    """SEO and OpenGraph data for a page; falls back to its own title and image."""

    og_title = models.CharField(
        _("title for social networks"),
        max_length=255,
        blank=True,
        help_text=_("Shown when the page is shared; the page title is used if empty."),
    )
    og_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image for social networks"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("At least 1200×630 pixels."),
    )

    social_meta_panels = [
        MultiFieldPanel(
            [FieldPanel("og_title"), FieldPanel("og_image")],
            heading=_("Sharing on social networks"),
        )
    ]

    class Meta:
        abstract = True

    def get_meta_title(self):
        return self.seo_title or self.title

    def get_og_title(self):
        return self.og_title or self.get_meta_title()

    def get_meta_description(self):
        return self.search_description or ""

    def get_summary(self):
        """Plain text telling what the page is about, for cards and listings."""
        text = self.search_description or strip_tags(getattr(self, "introduction", ""))
        return Truncator(text.strip()).words(30)

    def get_og_image(self):
        return self.og_image or getattr(self, "image", None)
