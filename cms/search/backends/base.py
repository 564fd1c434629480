"""The contract every archive search backend keeps."""

from abc import ABC, abstractmethod


class SearchError(Exception):
    """The backend could not answer: unreachable, misconfigured or refused."""


class SearchBackend(ABC):
    """Index, remove, search and suggest documents of one named index.

    Implementations: `backends.database.DatabaseBackend` (SQLite FTS5 or
    PostgreSQL full-text search) and `backends.elasticsearch.ElasticsearchBackend`.
    They analyse text with `cms.search.analysis`, so the same query finds the same
    items on each. Failures raise `SearchError`.
    """

    name = ""

    def __init__(self, index_name="archive", **options):
        self.index_name = index_name
        self.options = options

    @abstractmethod
    def index(self, documents, *, rebuild=None):
        """Add or replace documents (by key); returns how many were written.

        `rebuild` is the token of a rebuild in progress (see `begin_rebuild`).
        """

    @abstractmethod
    def remove(self, keys):
        """Remove documents by key, in every rebuild generation; returns how many."""

    @abstractmethod
    def search(self, query):
        """A `SearchResults` for a `SearchQuery`."""

    @abstractmethod
    def suggest(self, locale, prefix, *, limit=8, now=None):
        """Titles completing what is being typed: a list of `Suggestion`."""

    @abstractmethod
    def begin_rebuild(self, token, *, resume=False):
        """Prepare to write every document again under `token`.

        While it runs, searches still see the previous documents. `resume` continues
        an interrupted rebuild of the same token instead of starting it afresh.
        """

    @abstractmethod
    def finish_rebuild(self, token):
        """Make the rebuilt documents the ones searched and drop the rest."""

    @abstractmethod
    def count(self, locale=None):
        """How many documents the index holds (in `locale`)."""

    @abstractmethod
    def clear(self):
        """Remove every document of the index."""
