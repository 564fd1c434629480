"""Admin surface of the plugin and its manifest."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from cms.plugins import HOOK_NAME, PluginManifest

# Their hooks register on import.
from .editing import (  # noqa: F401
    dashboard_admin,
    listing,
    questions_admin,
    registrations,
    wishes_admin,
)


@hooks.register(HOOK_NAME)
def register_plugin():
    return PluginManifest(
        name="events",
        verbose_name=_("Cultural programme"),
        index_page_models=("events.ProgrammeIndexPage",),
        search_documents=("events_plugin.search.ArchiveSource",),
        demo_seed="events_plugin.seed.seed_demo",
    )
