"""The plugin contract: every manifest is complete and the site uses it."""

from django.apps import apps

from wagtail.models import Page

import pytest

from cms.models import HomePage
from cms.plugins import get_index_page_models, get_plugins


def test_both_plugins_register_a_manifest():
    names = {manifest.name for manifest in get_plugins()}
    assert names == {"events", "hearings"}


@pytest.mark.parametrize("manifest", get_plugins(), ids=lambda m: m.name)
def test_manifest_names_an_installed_app_and_real_models(manifest):
    app_config = apps.get_app_config(manifest.name)
    assert app_config.label == manifest.name
    assert str(manifest.verbose_name)
    assert manifest.index_page_models
    for model in manifest.get_index_page_models():
        assert issubclass(model, Page)
        assert model._meta.app_label == manifest.name
        assert HomePage in model.allowed_parent_page_models()
    for label in manifest.commentable_models:
        assert apps.get_model(label) is not None
    for source in manifest.get_search_sources():
        assert source.index_name
        assert callable(source.batches)


@pytest.mark.parametrize("manifest", get_plugins(), ids=lambda m: m.name)
def test_manifest_demo_seed_is_callable(manifest):
    seed = manifest.get_demo_seed()
    assert callable(seed)


def test_home_page_children_come_from_the_manifests():
    allowed = HomePage.allowed_subpage_models()
    for model in get_index_page_models():
        assert model in allowed
    assert {m._meta.label for m in allowed} >= {"cms.StandardPage", "cms.FormPage"}


def test_the_site_app_imports_no_plugin_by_name():
    from pathlib import Path

    import cms

    root = Path(cms.__file__).parent
    for path in root.rglob("*.py"):
        # Settings are the project's configuration, which lists every app.
        if "migrations" in path.parts or "settings" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        assert "events_plugin" not in text, path
        assert "hearings_plugin" not in text, path


@pytest.mark.django_db
def test_seed_creates_each_plugin_index_in_three_languages(home_page):
    for model in get_index_page_models():
        pages = model.objects.live()
        assert {p.locale.language_code for p in pages} == {"ru", "tt", "en"}
        assert all(p.get_parent().specific_class is HomePage for p in pages)
