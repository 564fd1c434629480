"""The site's own pages: home, standard content pages and the feedback form."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from blocks import BaseStreamBlock

from ..plugins import get_index_page_models
from ..text import machine_name
from .mixins import SocialMetaMixin


class HomePage(SocialMetaMixin, Page):
    """The root of each language tree: what the platform offers, at a glance."""

    hero_title = models.CharField(_("hero title"), max_length=255, blank=True)
    hero_text = models.TextField(_("hero text"), blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("hero_title"), FieldPanel("hero_text"), FieldPanel("image")],
            heading=_("Hero"),
        ),
        FieldPanel("body"),
    ]
    promote_panels = Page.promote_panels + SocialMetaMixin.social_meta_panels
    search_fields = Page.search_fields + [
        index.SearchField("hero_text"),
        index.SearchField("body"),
    ]
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    @classmethod
    def clean_subpage_models(cls):
        # Plugins add their index pages through their manifests.
        return [StandardPage, FormPage, *get_index_page_models()]


class SectionPage(SocialMetaMixin, Page):
    """Abstract base of pages made of an introduction and a body of blocks."""

    introduction = models.TextField(_("introduction"), blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("body"),
    ]
    promote_panels = Page.promote_panels + SocialMetaMixin.social_meta_panels
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    class Meta:
        abstract = True


class StandardPage(SectionPage):
    """A content page: about the programme, contacts, rules, help."""

    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("image"),
        FieldPanel("body"),
    ]
    parent_page_types = ["cms.HomePage", "cms.StandardPage"]
    subpage_types = ["cms.StandardPage", "cms.FormPage"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")


class FormField(TranslatableMixin, AbstractFormField):
    """A field of a form page; translatable so its label reads in each language."""

    page = ParentalKey("FormPage", on_delete=models.CASCADE, related_name="form_fields")

    # The machine name keys stored answers: the same in every language.
    override_translatable_fields = [SynchronizedField("clean_name")]

    class Meta(TranslatableMixin.Meta, AbstractFormField.Meta):
        pass

    def get_field_clean_name(self):
        # Readable keys for Cyrillic labels: "vashe_imya", not "u0412u0430…".
        return machine_name(self.label)


class FormPage(SocialMetaMixin, AbstractEmailForm):
    """A support or feedback form built by editors; submissions are kept and emailed."""

    introduction = RichTextField(_("introduction"), blank=True)
    thank_you_text = RichTextField(_("thank-you text"), blank=True)

    content_panels = AbstractEmailForm.content_panels + [
        FormSubmissionsPanel(),
        FieldPanel("introduction"),
        InlinePanel("form_fields", label=_("Form fields")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("from_address", classname="col6"),
                        FieldPanel("to_address", classname="col6"),
                    ]
                ),
                FieldPanel("subject"),
            ],
            heading=_("Email"),
        ),
    ]
    promote_panels = (
        AbstractEmailForm.promote_panels + SocialMetaMixin.social_meta_panels
    )
    override_translatable_fields = [
        SynchronizedField("to_address"),
        SynchronizedField("from_address"),
    ]
    parent_page_types = ["cms.HomePage", "cms.StandardPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("form page")
        verbose_name_plural = _("form pages")
