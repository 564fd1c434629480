"""The archive bench at a few hundred items, so its code keeps working.

Figures are printed by `python -m bench.archive`; nothing here asserts a time.
"""

import json

import pytest

from bench import archive
from cms.search.documents import FACETS, SearchQuery

ITEMS = 300


@pytest.fixture(scope="module")
def vocabulary():
    return archive.build_vocabulary()


def test_generated_items_are_the_same_every_run(vocabulary):
    first = list(archive.generate(ITEMS, vocabulary=vocabulary))
    second = list(archive.generate(ITEMS, vocabulary=vocabulary))

    assert len(first) == ITEMS
    assert first == second
    assert len({document.key for document in first}) == ITEMS


def test_generated_items_come_in_three_languages_with_every_facet(vocabulary):
    documents = list(archive.generate(ITEMS, vocabulary=vocabulary))

    assert {document.locale for document in documents} == {"ru", "tt", "en"}
    for document in documents:
        assert set(document.facets) == set(FACETS)
        assert document.url.startswith(f"/{document.locale}/")
        assert document.title and document.summary and document.people
        assert document.available_from >= document.date
        assert len(document.facets["year"]) == 1
        assert document.facets["year"][0] == str(document.date.year)
        subtitled = document.facets["subtitles"] == ["yes"]
        assert (20 <= len(document.cues) <= 60) if subtitled else not document.cues
        for cue in document.cues:
            assert cue.recording in (1, 2)
            assert 0 < cue.start < cue.end < document.duration
    assert any(document.facets["subtitles"] == ["yes"] for document in documents)
    assert any(document.facets["subtitles"] == ["no"] for document in documents)
    assert len({document.facets["domain"][0] for document in documents}) == 10


def test_a_tatar_item_shares_facets_with_its_russian_version(vocabulary):
    russian, tatar, english = list(archive.generate(3, vocabulary=vocabulary))

    assert (russian.locale, tatar.locale, english.locale) == ("ru", "tt", "en")
    assert russian.facets == tatar.facets == english.facets
    assert russian.title != tatar.title != english.title


@pytest.mark.parametrize("kind", [kind.key for kind in archive.QUERY_KINDS])
def test_every_query_kind_gives_queries_with_facets(kind, vocabulary):
    mix = archive.query_mix(kind, 12, ITEMS, vocabulary=vocabulary)

    assert len(mix) == 12
    for locale, query in mix:
        assert locale in archive.LANGUAGES
        if kind == "autocomplete":
            assert isinstance(query, str) and len(query) >= 2
        else:
            assert isinstance(query, SearchQuery)
            assert query.with_facets and query.now == archive.NOW
            assert bool(query.text) == (not kind.startswith(("browse", "deep")))


def test_misspelt_queries_differ_from_every_title_word(vocabulary):
    mix = archive.query_mix("misspelt", 30, ITEMS, vocabulary=vocabulary)
    words = set()
    for code in archive.LANGUAGES:
        words.update(archive.title_words(vocabulary, code))

    assert all(query.text not in words for _locale, query in mix)


@pytest.mark.django_db
def test_the_database_backend_loads_and_answers_every_query_kind(vocabulary):
    from cms.search.backends.database import DatabaseBackend

    backend = DatabaseBackend(archive.INDEX_NAME)

    load = archive.reindex(backend, ITEMS, 120, vocabulary=vocabulary)
    rows = archive.measure(
        backend, ITEMS, queries=3, warmup=1, budget=0, vocabulary=vocabulary
    )

    assert load["items"] == ITEMS
    assert load["count"] == ITEMS
    assert load["count_by_locale"] == {"ru": 100, "tt": 100, "en": 100}
    assert load["items_per_second"] > 0
    by_kind = {row["kind"]: row for row in rows}
    assert list(by_kind) == [kind.key for kind in archive.QUERY_KINDS]
    assert all(row["queries"] == 3 for row in rows)
    # Browsing finds nearly every item of the locale (a few are not out yet).
    assert 90 <= by_kind["browse_date"]["mean_total"] <= 100
    assert by_kind["word_ru"]["mean_total"] > 0
    assert by_kind["autocomplete"]["mean_total"] > 0


def test_the_command_runs_sqlite_in_its_own_process_and_writes_figures(tmp_path):
    results = tmp_path / "archive.json"

    report = archive.main(
        [
            "--items",
            "150",
            "--databases",
            "sqlite",
            "--elasticsearch-url",
            "",
            "--batch",
            "50",
            "--queries",
            "2",
            "--warmup",
            "0",
            "--results",
            str(results),
        ]
    )

    written = json.loads(results.read_text())
    assert written["items"] == 150
    sqlite, elasticsearch = written["results"]
    assert sqlite["backend"] == "sqlite" and not sqlite["error"]
    assert sqlite["load"]["count"] == 150
    assert len(sqlite["queries"]) == len(archive.QUERY_KINDS)
    assert elasticsearch["skipped"]
    assert report["results"][0]["load"] == sqlite["load"]
