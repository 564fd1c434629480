"""Tables of the database search backend and of index rebuilds.

`SearchEntry` holds one document of an index in one language with its analysed
terms; on SQLite an FTS5 table and on PostgreSQL a weighted `tsvector` column
(added by migration for that database only) index those terms.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchEntry(models.Model):
    """One searchable document: display data, sort keys and analysed terms."""

    index_name = models.CharField(max_length=40)
    key = models.CharField(max_length=120)
    locale = models.CharField(max_length=10)
    url = models.CharField(max_length=500)
    title = models.CharField(max_length=500)
    date = models.DateTimeField(null=True)
    available_from = models.DateTimeField(null=True)
    rating = models.FloatField(null=True)
    rating_count = models.PositiveIntegerField(default=0)
    popularity = models.PositiveIntegerField(default=0)
    duration = models.PositiveIntegerField(default=0)
    # The whole SearchDocument (texts, facets, cues) for hits and snippets.
    document = models.JSONField(default=dict)
    # Analysed terms, space-separated, by weight: title; people, tags and
    # institution; summary and body; subtitle lines.
    title_terms = models.TextField(blank=True)
    meta_terms = models.TextField(blank=True)
    text_terms = models.TextField(blank=True)
    cue_terms = models.TextField(blank=True)
    # Folded, unstemmed words of the title, for autocomplete by prefix.
    title_words = models.TextField(blank=True)
    # The value of each facet of `cms.search.documents.FACETS` when it has at
    # most one ("" for none), so facets are filtered and counted on entry rows;
    # NULL when it has several: then `SearchFacetValue` rows hold them.
    facet_domain = models.CharField(max_length=200, null=True)
    facet_type = models.CharField(max_length=200, null=True)
    facet_institution = models.CharField(max_length=200, null=True)
    facet_year = models.CharField(max_length=200, null=True)
    facet_language = models.CharField(max_length=200, null=True)
    facet_subtitles = models.CharField(max_length=200, null=True)
    rebuild = models.CharField(max_length=40, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        constraints = [
            models.UniqueConstraint(
                fields=["index_name", "key"], name="cms_searchentry_unique_key"
            )
        ]
        indexes = [
            models.Index(
                fields=["index_name", "locale", "available_from"],
                name="cms_searchentry_browse",
            ),
            models.Index(
                fields=["index_name", "locale", "date"],
                name="cms_searchentry_by_date",
            ),
            models.Index(
                fields=["index_name", "locale", "popularity"],
                name="cms_searchentry_popular",
            ),
        ]

    def __str__(self):
        return f"{self.index_name}:{self.key}"


class SearchFacetValue(models.Model):
    """One value of a facet holding several values for an entry."""

    entry = models.ForeignKey(
        SearchEntry, on_delete=models.CASCADE, related_name="facet_values"
    )
    name = models.CharField(max_length=30)
    value = models.CharField(max_length=200)

    class Meta:
        indexes = [
            models.Index(
                fields=["name", "value", "entry"], name="cms_searchfacet_value"
            ),
            # Covers facet counts of a matched set of entries.
            models.Index(
                fields=["entry", "name", "value"], name="cms_searchfacet_entry"
            ),
        ]

    def __str__(self):
        return f"{self.name}={self.value}"


class SearchTerm(models.Model):
    """A word of titles, people and tags, for "did you mean" and autocomplete."""

    index_name = models.CharField(max_length=40)
    locale = models.CharField(max_length=10)
    word = models.CharField(max_length=100)  # folded, unstemmed
    # First letter and length narrow the candidates of "did you mean".
    initial = models.CharField(max_length=1, blank=True)
    length = models.PositiveSmallIntegerField(default=0)
    frequency = models.PositiveIntegerField(default=0)  # documents holding it

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["index_name", "locale", "word"], name="cms_searchterm_unique"
            )
        ]
        indexes = [
            models.Index(
                fields=["index_name", "locale", "initial", "length"],
                name="cms_searchterm_near",
            ),
        ]

    def __str__(self):
        return self.word


class SearchRebuild(models.Model):
    """A rebuild of an index on a backend: where it is, so it can resume."""

    index_name = models.CharField(max_length=40)
    backend = models.CharField(max_length=40)
    token = models.CharField(max_length=40)
    position = models.CharField(max_length=120, blank=True)  # last key written
    processed = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True)

    class Meta:
        get_latest_by = "started_at"

    def __str__(self):
        return f"{self.index_name} on {self.backend} ({self.token})"
