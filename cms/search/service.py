"""The archive search service: the configured backend, with the database as fallback.

`ARCHIVE_SEARCH_BACKEND` (a dotted path) chooses the backend; by default it is
Elasticsearch when `ELASTICSEARCH_URL` is set and the database otherwise. When
Elasticsearch fails, searches are answered by the database backend (marked
`degraded`, with a logged warning) and writes to it are logged and skipped: the
database index is always written, so it can answer at any time, and nothing that
publishes waits for or fails because of Elasticsearch.
"""

import logging

from django.conf import settings
from django.utils.module_loading import import_string

from .backends.base import SearchError

logger = logging.getLogger("cms.search")

DATABASE_BACKEND = "cms.search.backends.database.DatabaseBackend"
ELASTICSEARCH_BACKEND = "cms.search.backends.elasticsearch.ElasticsearchBackend"


def configured_backend_path():
    path = getattr(settings, "ARCHIVE_SEARCH_BACKEND", "")
    if path:
        return path
    return ELASTICSEARCH_BACKEND if settings.ELASTICSEARCH_URL else DATABASE_BACKEND


def make_backend(path, index_name="archive"):
    options = {}
    if path == ELASTICSEARCH_BACKEND:
        options = {
            "url": settings.ELASTICSEARCH_URL,
            "prefix": settings.ELASTICSEARCH_INDEX_PREFIX,
            "timeout": getattr(settings, "ELASTICSEARCH_TIMEOUT", 5),
        }
    return import_string(path)(index_name, **options)


class SearchService:
    """What views, signal handlers and commands call; never raises `SearchError`
    for a search, and never lets the primary backend's failure stop a write."""

    def __init__(self, index_name="archive", primary=None, fallback=None):
        self.index_name = index_name
        self.primary = primary or make_backend(configured_backend_path(), index_name)
        self.fallback = fallback
        if self.fallback is None and self.primary.name != "database":
            self.fallback = make_backend(DATABASE_BACKEND, index_name)

    @property
    def backends(self):
        return [backend for backend in (self.primary, self.fallback) if backend]

    def index(self, documents):
        documents = list(documents)
        self._write("index", documents, f"{len(documents)} documents")

    def remove(self, keys):
        keys = list(keys)
        self._write("remove", keys, keys)

    def search(self, query):
        results, degraded = self._answer("search", query)
        results.degraded = degraded
        return results

    def suggest(self, locale, prefix, **options):
        suggestions, _degraded = self._answer("suggest", locale, prefix, **options)
        return suggestions

    def _write(self, method, items, described):
        """Write to every backend; one that fails is logged and skipped."""
        for backend in self.backends:
            try:
                getattr(backend, method)(items)
            except SearchError:
                logger.warning(
                    "Search backend %s failed to %s %s",
                    backend.name,
                    method,
                    described,
                    exc_info=True,
                )

    def _answer(self, method, *args, **options):
        """(answer, degraded): the primary backend's, or else the fallback's."""
        try:
            return getattr(self.primary, method)(*args, **options), False
        except SearchError:
            if not self.fallback:
                raise
            logger.warning(
                "Search backend %s failed to %s; answering from %s",
                self.primary.name,
                method,
                self.fallback.name,
                exc_info=True,
            )
            return getattr(self.fallback, method)(*args, **options), True


def get_search_service(index_name="archive"):
    return SearchService(index_name)
