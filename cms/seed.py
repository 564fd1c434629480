"""Building blocks for demo seeds: idempotent pages and snippets in three languages.

A seed writes its source content in Russian and gives the same content in Tatar and
English; the other languages are stored as wagtail-localize translations, so editors
find them in the translation workflow exactly as if a translator had made them.
Running a seed again creates nothing that exists already and never overwrites edits.
"""

import logging
from contextlib import contextmanager

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_save

from modelcluster.fields import ParentalKey
from wagtail.fields import StreamField
from wagtail.models import Locale, Page, ReferenceIndex, Site
from wagtail_localize.models import (
    LocaleSynchronization,
    Translation,
    TranslationSource,
)
from wagtail_localize.segments.extract import extract_segments
from wagtail_localize.segments.types import StringSegmentValue

import polib

logger = logging.getLogger(__name__)

SOURCE_LANGUAGE = settings.LANGUAGE_CODE


def ensure_locales():
    """The three locales, with Tatar and English trees synchronised from Russian."""
    locales = {
        code: Locale.objects.get_or_create(language_code=code)[0]
        for code, _name in settings.LANGUAGES
    }
    source = locales[SOURCE_LANGUAGE]
    for code, locale in locales.items():
        if code != SOURCE_LANGUAGE:
            LocaleSynchronization.objects.get_or_create(
                locale=locale, defaults={"sync_from": source}
            )
    return locales


def ensure_home_page(model, slug, fields):
    """The home page in the source language, created once, root of the default site."""
    locale = Locale.objects.get(language_code=SOURCE_LANGUAGE)
    home = model.objects.filter(locale=locale, depth=2).first()
    if home is None:
        root = Page.get_first_root_node()
        # Wagtail's initial migration leaves a placeholder page; home replaces it.
        for placeholder in root.get_children().filter(content_type__model="page"):
            placeholder.delete()
        home = model(slug=slug, locale=locale, **fields)
        root.add_child(instance=home)
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = str(fields.get("title", ""))
        site.save()
    return home


def ensure_child_page(parent, model, slug, fields, children=None):
    """A live page under ``parent`` with this slug, created once, then returned."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    page = model(slug=slug, **fields)
    for relation, items in (children or {}).items():
        setattr(page, relation, items)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def ensure_translations(source, translations):
    """Store each language's content as a wagtail-localize translation of ``source``.

    ``translations`` maps a language code to the field values in that language,
    structured exactly like the source (child relations given as lists of instances).
    Languages that already have a real translation are left as they are.
    """
    for language_code, fields in translations.items():
        locale = Locale.objects.get(language_code=language_code)
        existing = source.get_translation_or_none(locale)
        if existing is not None and getattr(existing, "alias_of_id", None) is None:
            continue
        _translate(source, locale, fields)


@transaction.atomic
def _translate(source, locale, fields):
    translation_source, _created = TranslationSource.get_or_create_from_instance(source)
    translation, _created = Translation.objects.get_or_create(
        source=translation_source,
        target_locale=locale,
        defaults={"enabled": True},
    )
    source_strings = string_segments(source)
    target_strings = string_segments(_shadow(source, fields))
    if len(source_strings) != len(target_strings):
        raise ValueError(
            f"{source!r}: the {locale.language_code} content has "
            f"{len(target_strings)} strings, the source {len(source_strings)}"
        )
    import_translated_strings(translation, source_strings, target_strings)


def import_translated_strings(translation, source_strings, target_strings):
    """Give `translation` the target strings of its source's segments and publish it."""
    po = polib.POFile()
    po.metadata = {"X-WagtailLocalize-TranslationID": str(translation.uuid)}
    for source_segment, target_segment in zip(
        source_strings, target_strings, strict=True
    ):
        po.append(
            polib.POEntry(
                msgctxt=source_segment.path,
                msgid=source_segment.string.data,
                msgstr=target_segment.string.data,
            )
        )
    translation.import_po(po, tool_name="seed_demo")
    translation.save_target(publish=True)


def _shadow(source, fields):
    """An unsaved copy of ``source`` carrying another language's content."""
    shadow = type(source).objects.get(pk=source.pk)
    for name, value in fields.items():
        setattr(shadow, name, value)
    for field in shadow._meta.concrete_fields:
        if isinstance(field, StreamField):
            # A round trip gives every block and list item the id that saving would.
            value = field.get_prep_value(field.value_from_object(shadow))
            setattr(shadow, field.name, field.to_python(value))
    return shadow


def string_segments(instance):
    """The translatable strings of a page or snippet, in extraction order."""
    return [s for s in extract_segments(instance) if isinstance(s, StringSegmentValue)]


def ensure_snippet(model, lookup, fields):
    """A translatable snippet in the source language, created once."""
    locale = Locale.objects.get(language_code=SOURCE_LANGUAGE)
    instance = model.objects.filter(locale=locale, **lookup).first()
    if instance is None:
        instance = model.objects.create(locale=locale, **lookup, **fields)
    return instance


@contextmanager
def deferred_indexing():
    """Update the search and reference indexes once per object, when the block ends.

    A seeded page is saved many times (created, revised, published, translated,
    its children saved with it); each save would re-index it. The block instead
    notes what was saved and indexes the final state of each object once, as
    ``update_index`` would. Other post-save handlers run as usual. Every plugin's
    demo seed uses it.
    """
    from modelsearch import index as search_index
    from modelsearch.backends import get_search_backends_with_name
    from modelsearch.signal_handlers import post_save_signal_handler
    from wagtail.signal_handlers import update_reference_index_on_save

    saved = {}

    def note_save(sender, instance, raw=False, **kwargs):
        if not raw:
            saved.setdefault(sender, set()).add(instance.pk)

    searched = [
        model
        for model in search_index.get_indexed_models()
        if post_save.disconnect(post_save_signal_handler, sender=model)
    ]
    referenced = [
        model
        for model in list(ReferenceIndex.tracked_models)
        if post_save.disconnect(update_reference_index_on_save, sender=model)
    ]
    post_save.connect(note_save, weak=False, dispatch_uid="demo-seed-deferred-indexing")
    try:
        yield
        post_save.disconnect(dispatch_uid="demo-seed-deferred-indexing")
        _index_references({m: saved[m] for m in referenced if m in saved})
        backends = list(get_search_backends_with_name(with_auto_update=True))
        for model in searched:
            if model in saved:
                objects = list(model.get_indexed_objects().filter(pk__in=saved[model]))
                for name, backend in backends:
                    try:
                        backend.add_bulk(model, objects)
                    except Exception:
                        logger.exception("Indexing %s in %r failed", model, name)
                        if not backend.catch_indexing_errors:
                            raise
    finally:
        post_save.disconnect(dispatch_uid="demo-seed-deferred-indexing")
        for model in searched:
            post_save.connect(post_save_signal_handler, sender=model)
        for model in referenced:
            post_save.connect(update_reference_index_on_save, sender=model)


def _index_references(saved):
    """The reference index of each saved object, or of the page owning a child."""
    owners = {}
    for model, pks in saved.items():
        for instance in model._default_manager.filter(pk__in=pks):
            # As Wagtail's own task does: a child row is indexed with its parent.
            while instance is not None:
                keys = [
                    field
                    for field in instance._meta.get_fields()
                    if isinstance(field, ParentalKey)
                ]
                if not keys:
                    break
                instance = getattr(instance, keys[0].name)
            if instance is not None and ReferenceIndex.is_indexed(type(instance)):
                owners[(type(instance), instance.pk)] = instance
    for instance in owners.values():
        ReferenceIndex.create_or_update_for_object(instance)
