"""What only the database backend promises: its full-text index stays in step
with the entries, writes are batched, and the vocabulary follows the documents."""

from django.db import connection

import pytest

from cms.models.search import SearchEntry, SearchFacetValue, SearchTerm
from cms.search.analysis import analyze
from cms.search.backends.base import SearchError
from cms.search.backends.database import DatabaseBackend
from cms.search.documents import FACETS, SearchQuery

from .conftest import NOW, archive_corpus, item

ORGAN = analyze("Органный", "ru")[0]
HARPSICHORD = analyze("клавесина", "ru")[0]

on_sqlite = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="SQLite's FTS5 table"
)
on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's tsvector"
)


@pytest.fixture
def backend(db):
    backend = DatabaseBackend("test-archive")
    backend.clear()
    return backend


def found(backend, locale, text):
    results = backend.search(SearchQuery(locale=locale, text=text, now=NOW))
    return [hit.key for hit in results.hits]


def fts_rows(text):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT rowid FROM cms_searchentry_fts WHERE cms_searchentry_fts MATCH %s",
            [f'"{text}"'],
        )
        return {row[0] for row in cursor.fetchall()}


@on_sqlite
def test_the_fts_table_follows_updates_and_deletes(backend):
    document = item(1, "ru", "Органный вечер")
    backend.index([document])
    entry = SearchEntry.objects.get(index_name="test-archive", key=document.key)
    assert fts_rows(ORGAN) == {entry.pk}

    document.title = "Вечер клавесина"
    backend.index([document])
    assert fts_rows(ORGAN) == set()
    assert fts_rows(HARPSICHORD) == {entry.pk}

    backend.remove([document.key])
    assert fts_rows(HARPSICHORD) == set()
    with connection.cursor() as cursor:
        # Raises when the index and the entries disagree.
        cursor.execute(
            "INSERT INTO cms_searchentry_fts(cms_searchentry_fts, rank) "
            "VALUES ('integrity-check', 1)"
        )


@on_postgresql
def test_the_tsvector_weighs_title_above_people_text_and_subtitles(backend):
    backend.index(archive_corpus())
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT search_vector::text FROM cms_searchentry WHERE key = %s",
            ["events.EventPage:1"],
        )
        vector = cursor.fetchone()[0]

    assert "'концерт':1A" in vector
    assert "'абдуллин':" in vector and "B" in vector.split("'абдуллин':")[1][:6]
    assert "'шостакович':" in vector


@on_postgresql
def test_postgresql_ranks_a_title_match_above_many_mentions_in_the_body(backend):
    backend.index(
        [
            item(1, "ru", "Вечер", body="Орган. " * 30),
            item(2, "ru", "Органный вечер"),
        ]
    )

    assert found(backend, "ru", "органный") == [
        "events.EventPage:2",
        "events.EventPage:1",
    ]


def test_indexing_many_documents_takes_a_bounded_number_of_queries(
    backend, django_assert_max_num_queries
):
    documents = [
        item(
            number,
            ["ru", "tt", "en"][number % 3],
            f"Концерт номер {number}",
            people=[f"Исполнитель {number}"],
            tags=["музыка"],
            facets={"domain": ["music"], "type": ["concert", "lecture"]},
        )
        for number in range(1, 501)
    ]

    with django_assert_max_num_queries(45):
        assert backend.index(documents) == 500
    with django_assert_max_num_queries(45):
        assert backend.index(documents) == 500

    assert backend.count() == 500
    # Single values are entry columns; only the two types are rows.
    assert SearchFacetValue.objects.filter(
        entry__index_name="test-archive"
    ).count() == (500 * 2)
    assert set(
        SearchEntry.objects.filter(index_name="test-archive").values_list(
            "facet_domain", "facet_type"
        )
    ) == {("music", None)}


def test_a_search_takes_a_bounded_number_of_queries(
    backend, django_assert_max_num_queries
):
    backend.index(archive_corpus())
    query = SearchQuery(
        locale="ru",
        text="концерт",
        filters={"type": ["concert"], "year": ["2025"]},
        now=NOW,
    )

    with django_assert_max_num_queries(8):
        backend.search(query)


def test_the_vocabulary_counts_documents_and_forgets_removed_words(backend):
    backend.index(
        [
            item(1, "ru", "Органный вечер", people=["Ёлкин"]),
            item(2, "ru", "Вечер поэзии"),
        ]
    )
    words = SearchTerm.objects.filter(index_name="test-archive", locale="ru")

    assert dict(words.values_list("word", "frequency")) == {
        "органный": 1,
        "вечер": 2,
        "елкин": 1,
        "поэзии": 1,
    }
    assert words.get(word="вечер").initial == "в"
    assert words.get(word="вечер").length == 5

    backend.index([item(1, "ru", "Органный концерт")])
    backend.remove(["events.EventPage:2"])

    assert dict(words.values_list("word", "frequency")) == {
        "органный": 1,
        "концерт": 1,
    }


def test_documents_written_during_a_rebuild_outside_it_are_kept(backend):
    backend.index([item(1, "ru", "Органный вечер"), item(2, "ru", "Старый вечер")])

    backend.begin_rebuild("next")
    backend.index([item(1, "ru", "Органный вечер")], rebuild="next")
    backend.index([item(3, "ru", "Новый вечер")])  # published meanwhile
    backend.finish_rebuild("next")

    assert sorted(found(backend, "ru", "вечер")) == [
        "events.EventPage:1",
        "events.EventPage:3",
    ]


def test_a_resumed_rebuild_keeps_what_it_already_wrote(backend):
    backend.index([item(1, "ru", "Органный вечер"), item(2, "ru", "Старый вечер")])
    backend.begin_rebuild("next")
    backend.index([item(1, "ru", "Органный вечер")], rebuild="next")

    backend.begin_rebuild("next", resume=True)
    backend.finish_rebuild("next")

    assert found(backend, "ru", "вечер") == ["events.EventPage:1"]


def test_database_errors_become_search_errors(db):
    backend = DatabaseBackend("test-archive")
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE cms_searchfacetvalue")

    with pytest.raises(SearchError):
        backend.search(
            SearchQuery(
                locale="ru", text="концерт", filters={"type": ["concert"]}, now=NOW
            )
        )


def test_the_same_key_twice_in_one_batch_keeps_the_last(backend):
    backend.index([item(1, "ru", "Органный вечер"), item(1, "ru", "Вечер клавесина")])

    assert found(backend, "ru", "клавесина") == ["events.EventPage:1"]
    assert found(backend, "ru", "органный") == []


def facet_counts(results, name):
    return [
        (facet.value, facet.count, facet.selected) for facet in results.facets[name]
    ]


def test_facets_with_several_values_are_filtered_and_counted_with_single_ones(
    backend,
):
    backend.index(
        [
            item(1, "ru", "Концерт", facets={"type": ["concert"], "domain": ["music"]}),
            item(2, "ru", "Концерт и лекция", facets={"type": ["concert", "lecture"]}),
            item(3, "ru", "Лекция", facets={"type": ["lecture"], "domain": ["music"]}),
            item(4, "ru", "Встреча", facets={"type": []}),
        ]
    )

    results = backend.search(
        SearchQuery(locale="ru", filters={"type": ["lecture"]}, now=NOW)
    )

    assert sorted(hit.key for hit in results.hits) == [
        "events.EventPage:2",
        "events.EventPage:3",
    ]
    assert facet_counts(results, "type") == [
        ("concert", 2, False),
        ("lecture", 2, True),
    ]
    assert facet_counts(results, "domain") == [("music", 1, False)]


def test_entries_written_before_the_facet_columns_keep_their_facets(backend):
    backend.index(
        [
            item(1, "ru", "Концерт", facets={"type": ["concert"]}),
            item(2, "ru", "Лекция", facets={"type": ["lecture"]}),
        ]
    )
    # As migration 0006 leaves them: no column values, every value a row.
    entries = SearchEntry.objects.filter(index_name="test-archive")
    for entry in entries:
        for name, values in entry.document["facets"].items():
            SearchFacetValue.objects.bulk_create(
                SearchFacetValue(entry=entry, name=name, value=value)
                for value in values
            )
    entries.update(**{f"facet_{name}": None for name in FACETS})

    results = backend.search(
        SearchQuery(locale="ru", filters={"type": ["concert"]}, now=NOW)
    )

    assert [hit.key for hit in results.hits] == ["events.EventPage:1"]
    assert facet_counts(results, "type") == [
        ("concert", 1, True),
        ("lecture", 1, False),
    ]
    assert facet_counts(results, "language") == [("ru", 1, False)]
