from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BlocksConfig(AppConfig):
    """The shared StreamField vocabulary; the app has no models."""

    name = "blocks"
    label = "blocks"
    verbose_name = _("Content blocks")
