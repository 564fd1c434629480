"""Site-wide settings: contacts and social links, and the translatable footer text."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import TranslatableMixin
from wagtail.snippets.models import register_snippet


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Contacts and social network links shown in every page's footer."""

    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)
    vk_url = models.URLField(_("VK"), blank=True)
    telegram_url = models.URLField(_("Telegram"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)
    rutube_url = models.URLField(_("Rutube"), blank=True)

    panels = [
        MultiFieldPanel(
            [FieldPanel("phone"), FieldPanel("email")], heading=_("Contacts")
        ),
        MultiFieldPanel(
            [
                FieldPanel("vk_url"),
                FieldPanel("telegram_url"),
                FieldPanel("youtube_url"),
                FieldPanel("rutube_url"),
            ],
            heading=_("Social networks"),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")

    def social_links(self):
        """(name, url) for each configured network, in display order."""
        links = [
            ("VK", self.vk_url),
            ("Telegram", self.telegram_url),
            ("YouTube", self.youtube_url),
            ("Rutube", self.rutube_url),
        ]
        return [(name, url) for name, url in links if url]


@register_snippet
class FooterText(TranslatableMixin, models.Model):
    """The footer's address and note, one per language."""

    address = models.TextField(_("address"), blank=True)
    body = RichTextField(_("text"), blank=True, features=["bold", "italic", "link"])

    panels = [FieldPanel("address"), FieldPanel("body")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("footer text")
        verbose_name_plural = _("footer texts")

    def __str__(self):
        return str(_("Footer text ({language})")).format(language=self.locale)
