"""The contract of every archive search backend, on every available backend.

The same corpus and queries give the same answers on the database (SQLite FTS5
or PostgreSQL) and on Elasticsearch.
"""

from datetime import timedelta

import pytest

from cms.search.analysis import fold
from cms.search.documents import FACETS, SearchQuery

from .conftest import NOW, item, refresh


def search(backend, locale, text="", **options):
    options.setdefault("now", NOW)
    return backend.search(SearchQuery(locale=locale, text=text, **options))


def numbers(results):
    return [int(hit.key.rsplit(":", 1)[1]) for hit in results.hits]


def counts(results, facet):
    return {entry.value: entry.count for entry in results.facets[facet]}


# Languages


def test_inflected_russian_query_finds_the_base_form(archive):
    results = search(archive, "ru", "концертами")

    assert set(numbers(results)) == {1, 5}
    assert results.total == 2


def test_every_query_word_must_occur(archive):
    assert numbers(search(archive, "ru", "концерт филармонии")) == [1]
    assert numbers(search(archive, "ru", "концерт каллиграфии")) == []


@pytest.mark.parametrize("text", ["театрларда", "театрлар", "театрның", "Театрга"])
def test_tatar_plural_case_and_possessive_forms_find_the_stem(archive, text):
    assert numbers(search(archive, "tt", text)) == [11]


@pytest.mark.parametrize("text", ["китапханәдә", "китапханада", "китапханә"])
def test_tatar_library_is_found_with_and_without_tatar_letters(archive, text):
    assert numbers(search(archive, "tt", text)) == [12]


@pytest.mark.parametrize("text", ["адабият", "әдәбият", "Тукайнын", "Тукайның"])
def test_tatar_typed_on_a_russian_keyboard_finds_tatar_letters(archive, text):
    assert numbers(search(archive, "tt", text)) == [12]


def test_english_plural_finds_the_singular(archive):
    assert numbers(search(archive, "en", "lectures")) == [21]
    assert numbers(search(archive, "en", "concerts")) == [22]


def test_items_are_found_only_in_their_locale(archive):
    assert numbers(search(archive, "en", "Tukay")) == [21]
    assert set(numbers(search(archive, "ru", "Тукая"))) == {1, 2}
    assert numbers(search(archive, "tt", "Lecture")) == []


def test_people_tags_and_institution_are_searched(archive):
    assert numbers(search(archive, "ru", "Абдуллина")) == [1]
    assert numbers(search(archive, "ru", "литература")) == [2]
    assert numbers(search(archive, "ru", "Камала")) == [5]


def test_subtitle_lines_are_searched(archive):
    assert numbers(search(archive, "ru", "слушатели")) == [1]


# Relevance and sorts


def test_title_matches_rank_above_body_matches(archive):
    assert numbers(search(archive, "ru", "концерт")) == [1, 5]
    assert numbers(search(archive, "ru", "лекция")) == [2]


def test_browsing_without_text_lists_available_items_newest_first(archive):
    results = search(archive, "ru")

    assert numbers(results) == [1, 6, 3, 2, 7, 5]
    assert results.total == 6


def test_sort_by_date_lists_newest_first(archive):
    assert numbers(search(archive, "ru", "концерт", sort="date")) == [1, 5]


def test_sort_by_rating_puts_unrated_last_and_breaks_ties_by_rating_count(archive):
    assert numbers(search(archive, "ru", sort="rating")) == [5, 1, 3, 6, 2, 7]


def test_sort_by_popularity_lists_most_viewed_first(archive):
    assert numbers(search(archive, "ru", sort="popularity")) == [2, 1, 6, 5, 3, 7]


def test_pages_split_the_results_without_overlap(archive):
    pages = [
        search(archive, "ru", sort="popularity", page=page, per_page=4)
        for page in (1, 2, 3)
    ]

    assert [numbers(page) for page in pages] == [[2, 1, 6, 5], [3, 7], []]
    assert pages[0].total == 6
    assert pages[0].page_count == 2


def test_items_available_in_the_future_are_hidden_until_then(archive):
    assert 4 not in numbers(search(archive, "ru", "концерт"))
    later = search(archive, "ru", "концерт", now=NOW + timedelta(days=11))
    assert 4 in numbers(later)


# Facets and filters


def test_facet_counts_cover_the_matching_items(archive):
    results = search(archive, "ru")

    assert set(results.facets) == set(FACETS)
    assert counts(results, "domain") == {
        "music": 2,
        "art": 2,
        "literature": 1,
        "theatre": 1,
    }
    assert [entry.value for entry in results.facets["domain"]] == [
        "art",
        "music",
        "literature",
        "theatre",
    ]
    assert counts(results, "year") == {"2025": 3, "2024": 2, "2023": 1}
    assert counts(results, "subtitles") == {"yes": 1, "no": 5}


def test_facet_counts_follow_the_text(archive):
    results = search(archive, "ru", "концерт")

    assert counts(results, "domain") == {"music": 1, "theatre": 1}


def test_values_of_one_facet_are_alternatives(archive):
    results = search(archive, "ru", filters={"type": ["concert", "lecture"]})

    assert set(numbers(results)) == {1, 2, 6}


def test_facets_narrow_each_other(archive):
    results = search(
        archive,
        "ru",
        filters={"type": ["concert", "lecture"], "year": ["2025"]},
    )

    assert set(numbers(results)) == {1, 6}


def test_facet_counts_ignore_their_own_filter_and_keep_the_others(archive):
    results = search(
        archive, "ru", filters={"type": ["concert"], "year": ["2025", "2024"]}
    )

    # Other types stay offered, counted within the chosen years.
    assert counts(results, "type") == {
        "concert": 2,
        "exhibition": 1,
        "lecture": 1,
        "workshop": 1,
    }
    # Years are counted among concerts only.
    assert counts(results, "year") == {"2025": 2, "2024": 0}
    assert counts(results, "domain") == {"music": 2}
    selected = {
        (name, entry.value)
        for name, entries in results.facets.items()
        for entry in entries
        if entry.selected
    }
    assert selected == {("type", "concert"), ("year", "2025"), ("year", "2024")}


def test_an_unknown_filter_value_matches_nothing_and_stays_selected(archive):
    results = search(archive, "ru", filters={"domain": ["no-such-domain"]})

    assert results.hits == []
    assert results.total == 0
    domains = [(e.value, e.count, e.selected) for e in results.facets["domain"]]
    assert ("no-such-domain", 0, True) in domains
    assert ("music", 2, False) in domains
    assert results.facets["type"] == []


def test_filters_and_text_combine(archive):
    results = search(archive, "ru", "концерт", filters={"domain": ["theatre"]})

    assert numbers(results) == [5]


def test_facets_can_be_left_out(archive):
    assert search(archive, "ru", "концерт", with_facets=False).facets == {}


# Highlighting


def test_title_and_excerpt_mark_the_matching_words(archive):
    hit = search(archive, "ru", "камерной филармонии").hits[0]

    assert hit.title_html == (
        "Концерт <mark>камерной</mark> музыки в <mark>филармонии</mark>"
    )
    assert "<mark>камерной</mark>" in hit.excerpt_html


def test_the_whole_title_is_shown_whatever_word_matches(archive):
    hit = search(archive, "ru", "филармонии").hits[0]

    assert hit.title_html == "Концерт камерной музыки в <mark>филармонии</mark>"


def test_excerpt_comes_from_people_when_they_match(archive):
    hit = search(archive, "ru", "Мустафин").hits[0]

    assert hit.excerpt_html == "Рафаэль <mark>Мустафин</mark>"


def test_excerpt_falls_back_to_the_summary(archive):
    hit = search(archive, "ru", "Органный").hits[0]

    assert hit.excerpt_html == "Бах и Гендель."


def test_titles_come_back_escaped(archive):
    hit = search(archive, "ru", "выставка").hits[0]

    assert "<script>" not in hit.title_html
    assert hit.title_html == (
        "<mark>Выставка</mark> &lt;script&gt;alert(1)&lt;/script&gt; "
        "современного искусства"
    )
    assert hit.title == "Выставка <script>alert(1)</script> современного искусства"


# Subtitles


def test_subtitle_hits_give_the_line_and_where_it_is_said(archive):
    hit = search(archive, "ru", "соната Шостаковича").hits[0]

    assert [(cue.start, cue.recording) for cue in hit.cues] == [
        (75.5, 1),
        (300.0, 2),
    ]
    assert hit.cues[0].html == (
        "Сейчас прозвучит <mark>соната</mark> <mark>Шостаковича</mark>."
    )


def test_subtitle_lines_with_more_query_words_come_first(archive):
    hit = search(archive, "ru", "написал Шостакович").hits[0]
    assert [cue.start for cue in hit.cues] == [300.0, 75.5]


def test_tatar_subtitle_hits(archive):
    hit = search(archive, "tt", "шигырьләр").hits[0]

    assert [cue.start for cue in hit.cues] == [42.0]
    assert "<mark>шигырьләрен</mark>" in hit.cues[0].html


def test_hits_have_no_cues_when_browsing(archive):
    assert all(not hit.cues for hit in search(archive, "ru").hits)


# Suggestions


def test_autocomplete_completes_title_words(archive):
    titles = [s.title for s in archive.suggest("ru", "конц", now=NOW)]

    assert titles == ["Концерт камерной музыки в филармонии"]


def test_autocomplete_needs_every_typed_word(archive):
    assert [s.url for s in archive.suggest("ru", "кон кам", now=NOW)] == [
        "/ru/archive/item-1/"
    ]
    assert archive.suggest("ru", "конц орг", now=NOW) == []


def test_autocomplete_orders_by_popularity(archive):
    titles = [s.title for s in archive.suggest("en", "c", now=NOW)]
    assert titles == []  # one character is too short
    corpus_titles = [s.title for s in archive.suggest("ru", "ко", now=NOW)]
    assert corpus_titles == [
        "Концерт камерной музыки в филармонии",
    ]


@pytest.mark.parametrize("prefix", ["әдәб", "адаб", "Тукайн", "тукайң"])
def test_autocomplete_agrees_with_and_without_tatar_letters(archive, prefix):
    assert [s.title for s in archive.suggest("tt", prefix, now=NOW)] == [
        "Тукайның әдәбият кичәсе"
    ]


def test_autocomplete_leaves_out_future_items_and_other_locales(archive):
    assert [s.title for s in archive.suggest("ru", "будущ", now=NOW)] == []
    assert [s.title for s in archive.suggest("en", "конц", now=NOW)] == []


def test_autocomplete_limits_the_number_of_titles(archive):
    archive.index(
        [item(100 + n, "en", f"Chamber evening {n}", popularity=n) for n in range(12)]
    )
    refresh(archive)

    titles = [s.title for s in archive.suggest("en", "cham", limit=3, now=NOW)]
    assert titles == ["Chamber evening 11", "Chamber evening 10", "Chamber evening 9"]


def test_did_you_mean_corrects_a_misspelt_word(archive):
    results = search(archive, "ru", "концерт в филормонии")

    assert results.hits == []
    assert fold(results.suggestion) == "концерт в филармонии"
    assert numbers(search(archive, "ru", results.suggestion)) == [1]


def test_did_you_mean_in_tatar(archive):
    results = search(archive, "tt", "Тукаайның")

    assert results.hits == []
    assert numbers(search(archive, "tt", results.suggestion)) == [12]


def test_no_suggestion_when_the_text_finds_enough_or_nothing_changes(archive):
    assert search(archive, "ru", "концерт").suggestion == ""
    assert search(archive, "ru", "зыксщшйц").suggestion == ""


# Writing


def test_indexing_again_replaces_the_document(archive, corpus):
    changed = corpus[5]
    changed.title = "Вечер клавесина"
    archive.index([changed])
    refresh(archive)

    assert numbers(search(archive, "ru", "клавесина")) == [6]
    assert numbers(search(archive, "ru", "органный")) == []
    assert archive.count("ru") == 7


def test_removed_items_are_not_found(archive):
    archive.remove(["events.EventPage:1", "events.EventPage:404"])
    refresh(archive)

    assert numbers(search(archive, "ru", "концерт")) == [5]
    assert archive.suggest("ru", "конц", now=NOW) == []
    assert archive.count() == 10
    assert archive.count("ru") == 6


def test_finishing_a_rebuild_drops_items_it_did_not_write(archive, corpus):
    archive.begin_rebuild("second")
    archive.index(
        [doc for doc in corpus if doc.key != "events.EventPage:2"], rebuild="second"
    )
    refresh(archive)
    # While it runs, the previous documents are still found.
    assert numbers(search(archive, "ru", "лекция")) == [2]

    archive.finish_rebuild("second")
    refresh(archive)

    assert numbers(search(archive, "ru", "лекция")) == []
    assert archive.count() == len(corpus) - 1


def test_clear_empties_the_index(archive):
    archive.clear()
    refresh(archive)

    assert archive.count() == 0
    assert search(archive, "ru").total == 0


# Bad input


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "концерт " * 1250,
        'AND OR NOT " * ( ) :',
        'концерт AND OR NOT " * ( ) : ^ -',
        "'; DROP TABLE cms_searchentry; --",
        "<script>alert(1)</script>",
        "title_terms:концерт",
        "{title_words} : конц*",
        "\x00\u202e%_",
    ],
)
def test_bad_input_gives_results_not_errors(archive, text):
    results = search(archive, "ru", text, filters={"domain": [text, "music"]})

    assert results.total >= 0
    assert all("<script>" not in hit.title_html for hit in results.hits)
    assert isinstance(archive.suggest("ru", text, now=NOW), list)
    assert archive.count() == 11


def test_operators_in_the_text_are_plain_words(archive):
    assert numbers(search(archive, "ru", 'концерт OR "лекция"')) == []
    assert numbers(search(archive, "ru", "концерт*")) == [1, 5]
