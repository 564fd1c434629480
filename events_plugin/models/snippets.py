"""Shared vocabularies of the programme: domains, venues and audiences."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet


@register_snippet
class Domain(TranslatableMixin, index.Indexed, models.Model):
    """A creative or sports domain: music, theatre, literature, fitness…"""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        help_text=_("Used in programme addresses, e.g. ?domain=music."),
    )
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("domain")
        verbose_name_plural = _("domains")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "slug"], name="events_domain_unique_slug_per_locale"
            )
        ]

    def __str__(self):
        return self.name


@register_snippet
class Venue(TranslatableMixin, index.Indexed, models.Model):
    """A place where an event happens in person, with how to get there."""

    name = models.CharField(_("name"), max_length=255)
    address = models.CharField(_("address"), max_length=500)
    directions = models.TextField(_("how to get there"), blank=True)
    accessibility = models.TextField(
        _("accessibility"),
        blank=True,
        help_text=_("Step-free entrance, lift, hearing loop, seats for rest…"),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("address"),
        FieldPanel("directions"),
        FieldPanel("accessibility"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("address")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("venue")
        verbose_name_plural = _("venues")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Audience(models.Model):
    """One of the four audiences events are made for; rows are fixed by a migration."""

    class Key(models.TextChoices):
        CHILDREN = "children", _("children")
        YOUTH = "youth", _("young people")
        ADULTS = "adults", _("adults")
        SENIORS = "seniors", _("older people")

    key = models.CharField(_("key"), max_length=20, choices=Key.choices, unique=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("audience")
        verbose_name_plural = _("audiences")
        ordering = ["sort_order"]

    def __str__(self):
        return str(self.get_key_display())
