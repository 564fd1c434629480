"""Admin surface of the plugin and its manifest."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from cms.plugins import HOOK_NAME, PluginManifest


@hooks.register(HOOK_NAME)
def register_plugin():
    return PluginManifest(
        name="hearings",
        verbose_name=_("Public hearings"),
        index_page_models=("hearings.HearingIndexPage",),
        demo_seed="hearings_plugin.seed.seed_demo",
    )
