"""The search service: Elasticsearch when configured, the database when it fails."""

import logging
import socket
from datetime import UTC, datetime

import pytest

from cms.search.backends.base import SearchError
from cms.search.backends.database import DatabaseBackend
from cms.search.backends.elasticsearch import ElasticsearchBackend
from cms.search.documents import SearchDocument, SearchQuery
from cms.search.service import (
    DATABASE_BACKEND,
    ELASTICSEARCH_BACKEND,
    SearchService,
    configured_backend_path,
    get_search_service,
)

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
INDEX = "test-service"


def closed_url():
    """The address of a local port nothing listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{sock.getsockname()[1]}"


def organ_concert(**values):
    return SearchDocument(
        key=values.pop("key", "events.EventPage:7"),
        locale="ru",
        url=values.pop("url", "/ru/archive/organ/"),
        title=values.pop("title", "Органный концерт"),
        summary="Бах и Гендель в филармонии.",
        date=datetime(2025, 5, 1, 19, 0, tzinfo=UTC),
        available_from=datetime(2025, 5, 2, tzinfo=UTC),
        popularity=values.pop("popularity", 10),
        facets={"domain": ["music"], "year": ["2025"], "subtitles": ["no"]},
        **values,
    )


@pytest.fixture
def database(db):
    backend = DatabaseBackend(INDEX)
    backend.clear()
    return backend


@pytest.fixture
def service(database):
    """Elasticsearch on a closed port in front of the database backend."""
    return SearchService(
        INDEX,
        primary=ElasticsearchBackend(INDEX, url=closed_url(), timeout=1),
        fallback=database,
    )


def warnings_of(caplog):
    return [
        record
        for record in caplog.records
        if record.name == "cms.search" and record.levelno == logging.WARNING
    ]


def test_search_is_answered_by_the_database_when_elasticsearch_is_down(service, caplog):
    service.index([organ_concert()])
    caplog.clear()

    with caplog.at_level(logging.WARNING, logger="cms.search"):
        results = service.search(SearchQuery(locale="ru", text="органный", now=NOW))

    assert results.degraded is True
    assert results.backend == "database"
    assert [hit.key for hit in results.hits] == ["events.EventPage:7"]
    assert "<mark>" in results.hits[0].title_html
    (warning,) = warnings_of(caplog)
    assert "elasticsearch" in warning.getMessage()
    assert "database" in warning.getMessage()
    assert isinstance(warning.exc_info[1], SearchError)


def test_browsing_with_facets_falls_back_as_well(service):
    service.index([organ_concert()])

    results = service.search(
        SearchQuery(locale="ru", filters={"domain": ["music"]}, now=NOW)
    )

    assert results.degraded is True
    assert results.total == 1
    assert [(f.value, f.count, f.selected) for f in results.facets["domain"]] == [
        ("music", 1, True)
    ]


def test_indexing_writes_the_database_and_logs_the_elasticsearch_failure(
    service, database, caplog
):
    with caplog.at_level(logging.WARNING, logger="cms.search"):
        service.index([organ_concert(), organ_concert(key="events.EventPage:8")])

    assert database.count("ru") == 2
    (warning,) = warnings_of(caplog)
    assert "elasticsearch failed to index 2 documents" in warning.getMessage()
    assert isinstance(warning.exc_info[1], SearchError)


def test_removing_writes_the_database_and_logs_the_elasticsearch_failure(
    service, database, caplog
):
    service.index([organ_concert(), organ_concert(key="events.EventPage:8")])
    caplog.clear()

    with caplog.at_level(logging.WARNING, logger="cms.search"):
        service.remove(["events.EventPage:7"])

    assert database.count("ru") == 1
    results = database.search(SearchQuery(locale="ru", now=NOW))
    assert [hit.key for hit in results.hits] == ["events.EventPage:8"]
    (warning,) = warnings_of(caplog)
    assert "events.EventPage:7" in warning.getMessage()


def test_autocomplete_falls_back_to_the_database(service, caplog):
    service.index(
        [
            organ_concert(),
            organ_concert(
                key="events.EventPage:8",
                url="/ru/archive/organ-2/",
                title="Органная ночь",
                popularity=99,
            ),
        ]
    )
    caplog.clear()

    with caplog.at_level(logging.WARNING, logger="cms.search"):
        suggestions = service.suggest("ru", "орган", now=NOW)

    assert [(s.title, s.url) for s in suggestions] == [
        ("Органная ночь", "/ru/archive/organ-2/"),
        ("Органный концерт", "/ru/archive/organ/"),
    ]
    (warning,) = warnings_of(caplog)
    assert "failed to suggest" in warning.getMessage()


def test_elasticsearch_without_a_url_falls_back_too(database):
    service = SearchService(
        INDEX, primary=ElasticsearchBackend(INDEX, url=""), fallback=database
    )
    service.index([organ_concert()])

    results = service.search(SearchQuery(locale="ru", text="концерт", now=NOW))

    assert results.degraded is True
    assert results.total == 1


def test_search_error_surfaces_when_there_is_no_fallback():
    service = SearchService(
        INDEX,
        primary=ElasticsearchBackend(INDEX, url=closed_url()),
        fallback=DatabaseBackend(INDEX),
    )
    service.fallback = None

    with pytest.raises(SearchError):
        service.search(SearchQuery(locale="ru", text="концерт"))


def test_elasticsearch_url_chooses_elasticsearch_with_the_database_behind(settings):
    settings.ELASTICSEARCH_URL = "http://search.internal:9200"
    settings.ELASTICSEARCH_INDEX_PREFIX = "city"
    settings.ELASTICSEARCH_TIMEOUT = 3
    settings.ARCHIVE_SEARCH_BACKEND = ""

    service = get_search_service()

    assert configured_backend_path() == ELASTICSEARCH_BACKEND
    assert isinstance(service.primary, ElasticsearchBackend)
    assert service.primary.url == "http://search.internal:9200"
    assert service.primary.prefix == "city"
    assert service.primary.timeout == 3
    assert service.primary.alias("ru") == "city-archive-ru"
    assert isinstance(service.fallback, DatabaseBackend)


def test_without_elasticsearch_the_database_answers_alone(settings):
    settings.ELASTICSEARCH_URL = ""
    settings.ARCHIVE_SEARCH_BACKEND = ""

    service = get_search_service()

    assert configured_backend_path() == DATABASE_BACKEND
    assert isinstance(service.primary, DatabaseBackend)
    assert service.fallback is None
