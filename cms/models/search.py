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
    title_terms = models.TextField(blank=True)
    text_terms = models.TextField(blank=True)
    cue_terms = models.TextField(blank=True)
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
        ]

    def __str__(self):
        return f"{self.index_name}:{self.key}"


class SearchFacetValue(models.Model):
    """One facet value of an entry, for filters and counts."""

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
        ]

    def __str__(self):
        return f"{self.name}={self.value}"


class SearchTerm(models.Model):
    """A word of titles, people and tags, for "did you mean" and autocomplete."""

    index_name = models.CharField(max_length=40)
    locale = models.CharField(max_length=10)
    word = models.CharField(max_length=100)
    frequency = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["index_name", "locale", "word"], name="cms_searchterm_unique"
            )
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
