"""The plugin contract: each plugin app announces what it provides in a manifest.

A plugin registers a callable under the ``register_cms_plugin`` Wagtail hook that
returns a :class:`PluginManifest`. ``cms`` never imports a plugin by name; it asks
this module for the manifests.
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.utils.module_loading import import_string

from wagtail import hooks

HOOK_NAME = "register_cms_plugin"


@dataclass(frozen=True)
class PluginManifest:
    """What one plugin provides to the site."""

    name: str
    verbose_name: str
    index_page_models: tuple[str, ...] = ()
    search_documents: tuple[str, ...] = ()
    commentable_models: tuple[str, ...] = ()
    demo_seed: str = ""
    extra: dict = field(default_factory=dict)

    def get_index_page_models(self):
        return [apps.get_model(label) for label in self.index_page_models]

    def get_search_sources(self):
        """Classes of the plugin's search documents (see `get_search_sources`)."""
        return [import_string(path) for path in self.search_documents]

    def get_demo_seed(self):
        """The plugin's seed callable, ``seed(home_page, stdout)``, or None."""
        return import_string(self.demo_seed) if self.demo_seed else None


def get_plugins():
    """Every registered manifest, in hook registration order."""
    return [register() for register in hooks.get_hooks(HOOK_NAME)]


def get_index_page_models():
    """Page models plugins offer as children of the home page."""
    models = []
    for manifest in get_plugins():
        models.extend(manifest.get_index_page_models())
    return models


def get_search_sources():
    """Every plugin's search document sources, in manifest order.

    A source has `index_name`, `label`, `count()` and `batches(after_pk=None,
    size=200)` yielding `(last_pk, [SearchDocument, ...])` in primary key order;
    `manage.py rebuild_search_index` writes them to each backend.
    """
    sources = []
    for manifest in get_plugins():
        sources.extend(manifest.get_search_sources())
    return sources
