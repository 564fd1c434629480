"""The Elasticsearch backend as data: index definition, request bodies, response
mapping, and its failures against a closed port and a server answering errors."""

import json
import re
import socket
import threading
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from elastic_transport import TransportError

from cms.search import analysis
from cms.search.backends.base import SearchError
from cms.search.backends.elasticsearch import ElasticsearchBackend
from cms.search.documents import FACETS, SORTS, Cue, SearchDocument, SearchQuery

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
AVAILABLE = {
    "bool": {
        "should": [
            {"range": {"available_from": {"lte": NOW.isoformat()}}},
            {"bool": {"must_not": [{"exists": {"field": "available_from"}}]}},
        ],
        "minimum_should_match": 1,
    }
}
TEXT_FIELDS = ("title", "summary", "body", "people", "tags", "institution")


def closed_port():
    """A local port nothing listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def backend():
    return ElasticsearchBackend("archive", url=f"http://127.0.0.1:{closed_port()}")


def make_document(**overrides):
    values = {
        "key": "events.EventPage:7",
        "locale": "ru",
        "url": "/ru/archive/organ/",
        "title": "Органный концерт",
        "summary": "Бах и Гендель в филармонии.",
        "body": "Программа вечера.",
        "people": ["Рустем Абязов"],
        "tags": ["орган"],
        "institution": "Филармония",
        "date": datetime(2025, 5, 1, 19, 0, tzinfo=UTC),
        "available_from": datetime(2025, 5, 2, tzinfo=UTC),
        "rating": 4.5,
        "rating_count": 12,
        "popularity": 340,
        "duration": 5400,
        "image_url": "/media/organ.jpg",
        "facets": {
            "domain": ["music"],
            "type": ["concert"],
            "institution": ["philharmonic"],
            "year": ["2025"],
            "language": ["ru"],
            "subtitles": ["yes"],
        },
        "cues": [Cue(12.5, 15.0, "Звучит хорал Баха", 1)],
    }
    values.update(overrides)
    return SearchDocument(**values)


# The index definition


def test_index_names_are_prefixed_aliases_over_token_indexes():
    backend = ElasticsearchBackend("archive", url="http://es:9200", prefix="city")

    assert backend.alias("tt") == "city-archive-tt"
    assert backend.concrete_index("tt", "Rebuild 2026/03") == (
        "city-archive-tt-rebuild-2026-03"
    )


def test_unusable_rebuild_token_is_refused(backend):
    with pytest.raises(SearchError):
        backend.concrete_index("ru", "///")


def test_settings_declare_the_shared_analysis_for_every_locale(backend):
    for locale in analysis.LANGUAGES:
        settings = backend.index_settings(locale)

        assert settings["analysis"] == analysis.elasticsearch_analysis()
        assert settings["number_of_shards"] == 1


def test_russian_and_english_analyzers_stem_with_snowball(backend):
    settings = backend.index_settings("ru")["analysis"]

    for locale, language in (("ru", "Russian"), ("en", "English")):
        analyzer = settings["analyzer"][f"text_{locale}"]
        assert analyzer["char_filter"] == ["fold_letters"]
        assert analyzer["tokenizer"] == "words"
        assert analyzer["filter"] == ["lowercase", f"stop_{locale}", f"stem_{locale}"]
        assert settings["filter"][f"stem_{locale}"] == {
            "type": "snowball",
            "language": language,
        }
        assert (
            settings["filter"][f"stop_{locale}"]["stopwords"]
            == (analysis.STOPWORDS[locale])
        )


def test_tatar_analyzer_strips_suffixes_three_times(backend):
    settings = backend.index_settings("tt")["analysis"]

    assert settings["analyzer"]["text_tt"]["filter"] == [
        "lowercase",
        "stop_tt",
        "stem_tt",
        "stem_tt",
        "stem_tt",
    ]
    assert settings["filter"]["stem_tt"] == {
        "type": "pattern_replace",
        "pattern": analysis.TATAR_PATTERN,
        "replacement": "$1",
    }


def test_fold_mapping_covers_capital_letters_and_splits_like_python(backend):
    settings = backend.index_settings("tt")["analysis"]
    mappings = settings["char_filter"]["fold_letters"]["mappings"]

    for source, target in (("ә", "а"), ("Ә", "а"), ("Ё", "е"), ("Һ", "х"), ("ң", "н")):
        assert f"{source} => {target}" in mappings
    assert settings["tokenizer"]["words"]["pattern"] == analysis.ES_SPLIT_PATTERN
    assert settings["analyzer"]["folded"]["filter"] == ["lowercase"]


@pytest.mark.parametrize("locale", analysis.LANGUAGES)
def test_every_text_field_uses_the_analyzer_of_its_locale(backend, locale):
    properties = backend.mapping(locale).to_dict()["properties"]

    for name in TEXT_FIELDS:
        assert properties[name] == {
            **properties[name],
            "type": "text",
            "analyzer": f"text_{locale}",
        }
    assert properties["cues"]["properties"]["text"]["analyzer"] == f"text_{locale}"


def test_title_has_folded_subfields_for_autocomplete_and_corrections(backend):
    title = backend.mapping("tt").to_dict()["properties"]["title"]

    assert title["fields"]["complete"] == {
        "type": "search_as_you_type",
        "analyzer": "folded",
    }
    assert title["fields"]["folded"] == {"type": "text", "analyzer": "folded"}
    assert title["copy_to"] == "vocabulary"


def test_vocabulary_gathers_titles_people_tags_and_institutions(backend):
    properties = backend.mapping("ru").to_dict()["properties"]

    assert properties["vocabulary"] == {"type": "text", "analyzer": "folded"}
    for name in ("title", "people", "tags", "institution"):
        assert properties[name]["copy_to"] == "vocabulary"
    for name in ("summary", "body"):
        assert "copy_to" not in properties[name]


def test_facets_are_keyword_fields_and_cues_are_nested(backend):
    mapping = backend.mapping("en").to_dict()
    properties = mapping["properties"]

    assert mapping["dynamic"] == "strict"
    for name in FACETS:
        assert properties[f"facet_{name}"] == {"type": "keyword"}
    assert properties["cues"] == {
        "type": "nested",
        "properties": {
            "start": {"type": "float"},
            "end": {"type": "float"},
            "recording": {"type": "integer"},
            "text": {"type": "text", "analyzer": "text_en"},
        },
    }
    assert properties["url"] == {
        "type": "keyword",
        "index": False,
        "doc_values": False,
    }
    assert properties["key"] == {"type": "keyword"}
    assert properties["date"] == properties["available_from"] == {"type": "date"}
    assert properties["rating"] == {"type": "float"}
    assert properties["popularity"] == {"type": "integer"}


def test_index_definition_combines_settings_and_mapping(backend):
    body = backend.index_definition("kazan-archive-ru-abc", "ru").to_dict()

    assert body["settings"]["analysis"] == analysis.elasticsearch_analysis()
    assert body["mappings"] == backend.mapping("ru").to_dict()


def test_source_fits_the_strict_mapping_and_gives_back_the_document(backend):
    document = make_document()

    source = backend.source(document)

    properties = backend.mapping("ru").to_dict()["properties"]
    assert set(source) <= set(properties)
    assert source["facet_domain"] == ["music"]
    assert source["date"] == "2025-05-01T19:00:00+00:00"
    assert json.loads(json.dumps(source)) == source
    assert backend.document(json.loads(json.dumps(source))) == document


def test_document_without_optional_values_survives_the_round_trip(backend):
    document = SearchDocument(
        key="events.EventPage:8", locale="tt", url="/tt/a/", title="А"
    )

    assert backend.document(backend.source(document)) == document


# Search requests


def build(backend, **values):
    return backend.build_search(SearchQuery(now=NOW, **values)).to_dict()


def test_browse_filters_available_items_and_sorts_newest_first(backend):
    body = build(backend, locale="ru")

    assert body["query"] == {"bool": {"filter": [AVAILABLE]}}
    assert body["sort"] == [
        {"date": {"order": "desc", "missing": "_last"}},
        {"key": {"order": "asc"}},
    ]
    assert "highlight" not in body
    assert "suggest" not in body
    assert body["track_total_hits"] is True


def test_every_query_term_must_occur_in_a_field_or_a_subtitle_line(backend):
    body = build(backend, locale="ru", text="Концерты в филармонии")

    must = body["query"]["bool"]["must"]
    assert len(must) == 2  # "в" is a function word
    first = must[0]["bool"]
    assert first["minimum_should_match"] == 1
    fields_clause, cue_clause = first["should"]
    assert fields_clause["multi_match"]["query"] == "концерты"
    assert fields_clause["multi_match"]["type"] == "cross_fields"
    assert fields_clause["multi_match"]["operator"] == "and"
    assert fields_clause["multi_match"]["fields"] == [
        "title^5",
        "people^3",
        "tags^3",
        "institution^3",
        "summary^1",
        "body^1",
    ]
    assert cue_clause["nested"]["path"] == "cues"
    assert cue_clause["nested"]["score_mode"] == "max"
    assert cue_clause["nested"]["query"] == {
        "match": {"cues.text": {"query": "концерты"}}
    }
    assert cue_clause["nested"]["boost"] < 1
    assert must[1]["bool"]["should"][0]["multi_match"]["query"] == "филармонии"


def test_words_with_the_same_term_are_asked_once(backend):
    body = build(backend, locale="tt", text="китапханәдә китапханада")

    assert len(body["query"]["bool"]["must"]) == 1


def test_subtitle_lines_come_back_highlighted_without_changing_the_score(backend):
    body = build(backend, locale="en", text="organ music")

    (cues,) = body["query"]["bool"]["should"]
    assert body["query"]["bool"]["minimum_should_match"] == 0
    assert cues["nested"]["boost"] == 0
    assert cues["nested"]["query"] == {
        "match": {"cues.text": {"query": "organ music", "operator": "or"}}
    }
    inner = cues["nested"]["inner_hits"]
    assert inner["name"] == "cues"
    assert inner["size"] >= 3
    assert inner["highlight"]["encoder"] == "html"
    assert inner["highlight"]["pre_tags"] == ["<mark>"]
    assert inner["highlight"]["fields"] == {"cues.text": {"number_of_fragments": 0}}


def test_text_of_function_words_only_finds_nothing_without_asking(backend):
    query = SearchQuery(
        locale="en", text="the of and", filters={"domain": ["music"]}, now=NOW
    )

    results = backend.search(query)

    assert results.hits == []
    assert results.total == 0
    assert [(f.value, f.count, f.selected) for f in results.facets["domain"]] == [
        ("music", 0, True)
    ]
    assert results.facets["year"] == []


def test_highlight_escapes_text_and_marks_matches(backend):
    body = build(backend, locale="ru", text="орган")

    highlight = body["highlight"]
    assert highlight["pre_tags"] == ["<mark>"]
    assert highlight["post_tags"] == ["</mark>"]
    assert highlight["encoder"] == "html"
    assert highlight["fields"]["title"] == {"number_of_fragments": 0}
    for name in ("summary", "body", "people"):
        assert highlight["fields"][name]["number_of_fragments"] == 1


def test_did_you_mean_asks_the_vocabulary_for_missing_words(backend):
    body = build(backend, locale="tt", text="китапхана")

    assert body["suggest"]["vocabulary"]["text"] == "китапхана"
    term = body["suggest"]["vocabulary"]["term"]
    assert term["field"] == "vocabulary"
    assert term["suggest_mode"] == "missing"
    assert term["max_edits"] == 2
    assert term["prefix_length"] == 1
    assert term["min_word_length"] == 3
    assert term["string_distance"] == "levenshtein"


def test_filters_narrow_hits_after_the_facets_are_counted(backend):
    body = build(
        backend,
        locale="ru",
        filters={"domain": ["music", "theatre"], "year": ["2025"], "unknown": ["x"]},
    )

    assert body["post_filter"] == {
        "bool": {
            "filter": [
                {"terms": {"facet_domain": ["music", "theatre"]}},
                {"terms": {"facet_year": ["2025"]}},
            ]
        }
    }
    assert "unknown" not in json.dumps(body)


def test_each_facet_is_counted_under_the_other_facets_filters(backend):
    body = build(
        backend,
        locale="ru",
        filters={"domain": ["music"], "year": ["2025"]},
    )

    aggs = body["aggs"]
    assert list(aggs) == list(FACETS)
    assert aggs["domain"]["filter"] == {
        "bool": {"filter": [{"terms": {"facet_year": ["2025"]}}]}
    }
    assert aggs["year"]["filter"] == {
        "bool": {"filter": [{"terms": {"facet_domain": ["music"]}}]}
    }
    assert aggs["type"]["filter"]["bool"]["filter"] == [
        {"terms": {"facet_domain": ["music"]}},
        {"terms": {"facet_year": ["2025"]}},
    ]
    for name in FACETS:
        assert aggs[name]["aggs"]["values"]["terms"]["field"] == f"facet_{name}"


def test_facets_can_be_left_out(backend):
    body = build(backend, locale="ru", with_facets=False)

    assert "aggs" not in body


EXPECTED_SORTS = {
    "relevance": ["_score", {"date": {"order": "desc", "missing": "_last"}}],
    "date": [{"date": {"order": "desc", "missing": "_last"}}],
    "rating": [
        {"rating": {"order": "desc", "missing": "_last"}},
        {"rating_count": {"order": "desc"}},
        {"date": {"order": "desc", "missing": "_last"}},
    ],
    "popularity": [
        {"popularity": {"order": "desc"}},
        {"date": {"order": "desc", "missing": "_last"}},
    ],
}


@pytest.mark.parametrize("sort", SORTS)
def test_each_sort_orders_then_breaks_ties_by_key(backend, sort):
    body = build(backend, locale="ru", text="орган", sort=sort)

    assert body["sort"] == [*EXPECTED_SORTS[sort], {"key": {"order": "asc"}}]


def test_pages_become_from_and_size(backend):
    body = build(backend, locale="ru", page=3, per_page=12)

    assert body["from"] == 24
    assert body["size"] == 12


def test_pages_past_the_result_window_ask_for_no_hits(backend):
    last = build(backend, locale="ru", page=500, per_page=20)
    beyond = build(backend, locale="ru", page=500, per_page=30)

    assert (last["from"], last["size"]) == (9980, 20)
    assert beyond["size"] == 0
    assert "aggs" in beyond


def test_autocomplete_completes_every_typed_word_among_available_items(backend):
    body = backend.build_suggest("tt", "Әдәб кич", limit=5, now=NOW).to_dict()

    assert body["query"]["bool"]["filter"] == [AVAILABLE]
    fields = ["title.complete", "title.complete._2gram", "title.complete._3gram"]
    assert body["query"]["bool"]["must"] == [
        {"multi_match": {"query": "адаб", "type": "bool_prefix", "fields": fields}},
        {"multi_match": {"query": "кич", "type": "bool_prefix", "fields": fields}},
    ]
    assert body["sort"][:2] == [
        {"popularity": {"order": "desc"}},
        {"date": {"order": "desc", "missing": "_last"}},
    ]
    assert body["size"] == 5
    assert body["_source"] == ["title", "url"]


def test_short_prefix_suggests_nothing_without_asking(backend):
    assert backend.suggest("ru", " к ") == []


def test_unknown_locale_finds_nothing_without_asking(backend):
    results = backend.search(SearchQuery(locale="de", text="orgel"))

    assert results.hits == []
    assert results.total == 0


# Responses


def canned_hit(document, backend, score=3.2, highlight=None, cues=None):
    hit = {
        "_index": "kazan-archive-ru-abc",
        "_id": document.key,
        "_score": score,
        "_source": backend.source(document),
    }
    if highlight is not None:
        hit["highlight"] = highlight
    if cues is not None:
        hit["inner_hits"] = {
            "cues": {
                "hits": {
                    "total": {"value": len(cues), "relation": "eq"},
                    "hits": [
                        {
                            "_nested": {"field": "cues", "offset": position},
                            "_source": cue,
                            **({"highlight": {"cues.text": [html]}} if html else {}),
                        }
                        for position, (cue, html) in enumerate(cues)
                    ],
                }
            }
        }
    return hit


def canned_response(hits, total=None, aggregations=None, suggest=None):
    response = {
        "took": 3,
        "timed_out": False,
        "hits": {
            "total": {"value": len(hits) if total is None else total, "relation": "eq"},
            "max_score": 3.2,
            "hits": hits,
        },
    }
    if aggregations is not None:
        response["aggregations"] = aggregations
    if suggest is not None:
        response["suggest"] = suggest
    return response


def test_hit_keeps_the_escaped_highlights_of_elasticsearch(backend):
    document = make_document()
    highlight = {
        "title": ["<mark>Органный</mark> концерт"],
        "summary": ["Бах и Гендель"],
        "people": ["Рустем <mark>Абязов</mark>"],
    }
    query = SearchQuery(locale="ru", text="органный абязов")

    results = backend.results_from_response(
        query, canned_response([canned_hit(document, backend, highlight=highlight)])
    )

    (hit,) = results.hits
    assert hit.key == document.key
    assert hit.url == "/ru/archive/organ/"
    assert hit.title_html == "<mark>Органный</mark> концерт"
    assert hit.excerpt_html == "Рустем <mark>Абязов</mark>"
    assert hit.score == 3.2
    assert hit.date == document.date
    assert hit.facets["institution"] == ["philharmonic"]
    assert results.backend == "elasticsearch"
    assert results.total == 1


def test_title_without_highlight_stays_escaped(backend):
    document = make_document(
        title="<script>alert(1)</script>", summary="<b>bold</b> & more"
    )
    query = SearchQuery(locale="ru")

    (hit,) = backend.results_from_response(
        query, canned_response([canned_hit(document, backend, score=None)])
    ).hits

    assert hit.title_html == "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert hit.excerpt_html == "&lt;b&gt;bold&lt;/b&gt; &amp; more"
    assert "<script>" not in hit.title_html + hit.excerpt_html
    assert hit.score == 0.0
    assert hit.cues == []


def test_highlights_are_escaped_as_django_escapes(backend):
    document = make_document(title="Выставка <script>alert(1)</script> & co")
    highlight = {
        "title": [
            "<mark>Выставка</mark> &lt;script&gt;alert(1)&lt;&#x2F;script&gt; &amp; co"
        ],
        "body": ["&lt;mark&gt; is text, <mark>Выставка</mark> is a match"],
    }

    (hit,) = backend.results_from_response(
        SearchQuery(locale="ru", text="выставка"),
        canned_response([canned_hit(document, backend, highlight=highlight)]),
    ).hits

    assert hit.title_html == (
        "<mark>Выставка</mark> &lt;script&gt;alert(1)&lt;/script&gt; &amp; co"
    )
    assert hit.excerpt_html == (
        "&lt;mark&gt; is text, <mark>Выставка</mark> is a match"
    )


def test_excerpt_is_the_fragment_with_most_distinct_terms(backend):
    document = make_document()
    highlight = {
        "summary": ["<mark>Бах</mark>, <mark>Бах</mark> и <mark>Баха</mark>"],
        "body": ["<mark>Бах</mark> и <mark>орган</mark>"],
    }

    (hit,) = backend.results_from_response(
        SearchQuery(locale="ru", text="Бах орган"),
        canned_response([canned_hit(document, backend, highlight=highlight)]),
    ).hits

    assert hit.excerpt_html == "<mark>Бах</mark> и <mark>орган</mark>"


def test_answer_without_aggregations_still_lists_every_facet(backend):
    query = SearchQuery(locale="ru", filters={"year": ["2025"]})

    results = backend.results_from_response(query, canned_response([]))

    assert list(results.facets) == list(FACETS)
    assert [(f.value, f.count, f.selected) for f in results.facets["year"]] == [
        ("2025", 0, True)
    ]
    assert results.total == 0


def test_subtitle_hits_hold_most_terms_first_then_earliest(backend):
    document = make_document()
    cues = [
        ({"start": 90.0, "end": 92.0, "text": "Хорал звучит", "recording": 1}, ""),
        (
            {
                "start": 300.0,
                "end": 302.0,
                "text": "Звучит хорал Баха",
                "recording": 2,
            },
            "Звучит <mark>хорал</mark> <mark>Баха</mark>",
        ),
        ({"start": 10.0, "end": 12.0, "text": "Снова Бах", "recording": 1}, ""),
        ({"start": 5.0, "end": 6.0, "text": "Антракт", "recording": 1}, ""),
        ({"start": 50.0, "end": 52.0, "text": "Баха <b>", "recording": 1}, ""),
    ]
    query = SearchQuery(locale="ru", text="хорал Бах")

    (hit,) = backend.results_from_response(
        query, canned_response([canned_hit(document, backend, cues=cues)])
    ).hits

    assert [(cue.start, cue.recording) for cue in hit.cues] == [
        (300.0, 2),
        (10.0, 1),
        (50.0, 1),
    ]
    assert hit.cues[0].html == "Звучит <mark>хорал</mark> <mark>Баха</mark>"
    # Without a highlight from Elasticsearch the line is highlighted here, escaped.
    assert hit.cues[2].html == "<mark>Баха</mark> &lt;b&gt;"


def buckets(*pairs):
    return {
        "doc_count": sum(count for _value, count in pairs),
        "values": {
            "doc_count_error_upper_bound": 0,
            "sum_other_doc_count": 0,
            "buckets": [{"key": value, "doc_count": count} for value, count in pairs],
        },
    }


def test_facet_counts_list_selected_values_even_at_zero(backend):
    aggregations = {name: buckets() for name in FACETS}
    aggregations["domain"] = buckets(("theatre", 2), ("music", 5), ("cinema", 2))
    aggregations["year"] = buckets((2025, 3))
    query = SearchQuery(
        locale="ru", filters={"domain": ["lectures", "music"], "year": ["2025"]}
    )

    facets = backend.results_from_response(
        query, canned_response([], aggregations=aggregations)
    ).facets

    assert [(f.value, f.count, f.selected) for f in facets["domain"]] == [
        ("music", 5, True),
        ("cinema", 2, False),
        ("theatre", 2, False),
        ("lectures", 0, True),
    ]
    assert [(f.value, f.selected) for f in facets["year"]] == [("2025", True)]
    assert facets["subtitles"] == []
    assert list(facets) == list(FACETS)


def test_few_hits_suggest_the_query_with_unknown_words_corrected(backend):
    suggest = {
        "vocabulary": [
            {
                "text": "органый",
                "offset": 0,
                "length": 7,
                "options": [{"text": "органный", "score": 0.85, "freq": 3}],
            },
            {"text": "концерт", "offset": 8, "length": 7, "options": []},
        ]
    }
    query = SearchQuery(locale="ru", text="Органый концерт")

    results = backend.results_from_response(query, canned_response([], suggest=suggest))

    assert results.suggestion == "органный концерт"


def test_correction_prefers_the_nearest_then_the_most_frequent_word(backend):
    entries = [
        {
            "text": "кансерт",
            "offset": 0,
            "length": 7,
            "options": [
                {"text": "концерты", "score": 0.7, "freq": 9},
                {"text": "концерт", "score": 0.7, "freq": 1},
                {"text": "кабинет", "score": 0.7, "freq": 20},
            ],
        }
    ]

    assert backend.suggestion_from_response("Кансерт", entries, "ru") == "концерт"


def test_another_form_of_a_known_word_is_not_corrected(backend):
    entries = [
        {
            "text": "концерты",
            "offset": 0,
            "length": 8,
            "options": [{"text": "концерт", "score": 0.8, "freq": 4}],
        }
    ]

    assert backend.suggestion_from_response("концерты", entries, "ru") == ""


def test_short_words_digits_and_function_words_are_not_offered(backend):
    entries = [
        {
            "text": "xyzw",
            "offset": 0,
            "length": 4,
            "options": [
                {"text": "the", "score": 0.5, "freq": 90},
                {"text": "2025", "score": 0.5, "freq": 9},
                {"text": "x", "score": 0.5, "freq": 9},
            ],
        }
    ]

    assert backend.suggestion_from_response("xyzw", entries, "en") == ""


def test_enough_hits_suggest_nothing(backend):
    documents = [make_document(key=f"events.EventPage:{n}") for n in range(3)]
    suggest = {
        "vocabulary": [
            {
                "text": "органый",
                "offset": 0,
                "length": 7,
                "options": [{"text": "органный", "score": 0.85, "freq": 3}],
            }
        ]
    }

    results = backend.results_from_response(
        SearchQuery(locale="ru", text="органый"),
        canned_response(
            [canned_hit(document, backend) for document in documents], suggest=suggest
        ),
    )

    assert results.suggestion == ""
    assert len(results.hits) == 3


def test_suggestion_without_options_is_empty(backend):
    entries = [{"text": "xyz", "offset": 0, "length": 3, "options": []}]

    assert backend.suggestion_from_response("xyz", entries, "en") == ""


# Failures


CLOSED_PORT_CALLS = {
    "search": lambda backend: backend.search(SearchQuery(locale="ru", text="орган")),
    "browse": lambda backend: backend.search(SearchQuery(locale="tt")),
    "suggest": lambda backend: backend.suggest("en", "orga"),
    "index": lambda backend: backend.index([make_document()]),
    "index rebuild": lambda backend: backend.index([make_document()], rebuild="r1"),
    "remove": lambda backend: backend.remove(["events.EventPage:7"]),
    "begin_rebuild": lambda backend: backend.begin_rebuild("r1"),
    "resume_rebuild": lambda backend: backend.begin_rebuild("r1", resume=True),
    "finish_rebuild": lambda backend: backend.finish_rebuild("r1"),
    "count": lambda backend: backend.count("ru"),
    "count all": lambda backend: backend.count(),
    "clear": lambda backend: backend.clear(),
    "refresh": lambda backend: backend.refresh(),
}


@pytest.mark.parametrize("call", CLOSED_PORT_CALLS.values(), ids=CLOSED_PORT_CALLS)
def test_unreachable_server_raises_search_error(backend, call):
    with pytest.raises(SearchError) as raised:
        call(backend)

    assert isinstance(raised.value.__cause__, TransportError)


def test_missing_url_raises_search_error():
    backend = ElasticsearchBackend("archive", url="")

    with pytest.raises(SearchError):
        backend.search(SearchQuery(locale="ru"))


def test_unparsable_url_raises_search_error():
    backend = ElasticsearchBackend("archive", url="not a url")

    with pytest.raises(SearchError) as raised:
        backend.count()

    assert isinstance(raised.value.__cause__, ValueError)


def test_removing_no_keys_asks_nothing(backend):
    assert backend.remove([]) == 0


class ErrorServer(BaseHTTPRequestHandler):
    """Answers every request as an Elasticsearch node in trouble would."""

    status = 503
    body = {"error": {"type": "unavailable"}, "status": 503}

    def _answer(self):
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        payload = json.dumps(self.body).encode()
        self.send_response(self.status)
        self.send_header("Content-Type", "application/json")
        self.send_header("X-Elastic-Product", "Elasticsearch")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _answer

    def log_message(self, format, *args):
        pass


@pytest.fixture
def answering(request):
    status, body = request.param
    handler = type("Handler", (ErrorServer,), {"status": status, "body": body})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    thread.start()
    yield ElasticsearchBackend(
        "archive", url=f"http://127.0.0.1:{server.server_address[1]}"
    )
    server.shutdown()
    server.server_close()


MISSING_INDEX = {
    "error": {
        "type": "index_not_found_exception",
        "reason": "no such index [kazan-archive-ru]",
    },
    "status": 404,
}


@pytest.mark.parametrize(
    "answering",
    [
        (503, {"error": {"type": "unavailable"}, "status": 503}),
        (500, {"error": {"type": "exception"}, "status": 500}),
        (400, {"error": {"type": "parsing_exception"}, "status": 400}),
        (404, MISSING_INDEX),
    ],
    indirect=True,
    ids=["503", "500", "400", "404"],
)
def test_error_answers_raise_search_error(answering):
    with pytest.raises(SearchError) as raised:
        answering.search(SearchQuery(locale="ru", text="орган"))

    assert raised.value.__cause__ is not None
    with pytest.raises(SearchError):
        answering.suggest("ru", "орг")


# Requests sent, recorded by a local HTTP server answering as a healthy node


class RecordingServer(BaseHTTPRequestHandler):
    """Answers from `routes` ((method, path regex) → (status, body)) and records
    every request; `_bulk` is answered item by item."""

    routes = {}
    requests = None
    addresses = None

    def _answer(self):
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length).decode() if length else ""
        path = self.path.split("?")[0]
        self.addresses.append(self.path)
        self.requests.append((self.command, path, raw))
        if path.endswith("/_bulk"):
            actions = [json.loads(line) for line in raw.splitlines() if line.strip()]
            items = []
            for action in actions:
                (operation, meta), *_rest = action.items()
                if operation in ("index", "delete"):
                    status = 200 if operation == "index" else 404
                    items.append(
                        {
                            operation: {
                                "_index": meta["_index"],
                                "_id": meta["_id"],
                                "status": status,
                                "result": "created"
                                if operation == "index"
                                else "not_found",
                            }
                        }
                    )
            status, body = 200, {"took": 1, "errors": False, "items": items}
        else:
            status, body = 200, {"acknowledged": True}
            for (method, pattern), answer in self.routes.items():
                if method == self.command and re.fullmatch(pattern, path):
                    status, body = answer
                    break
        payload = b"" if self.command == "HEAD" else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("X-Elastic-Product", "Elasticsearch")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _answer

    def log_message(self, format, *args):
        pass


@pytest.fixture
def node():
    """A backend on a recording server; set `node.routes`, read `node.requests`."""
    requests = []
    routes = {}
    addresses = []
    handler = type(
        "Handler",
        (RecordingServer,),
        {"routes": routes, "requests": requests, "addresses": addresses},
    )
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    thread.start()
    backend = ElasticsearchBackend(
        "archive", url=f"http://127.0.0.1:{server.server_address[1]}"
    )
    backend.routes = routes
    backend.requests = requests
    backend.addresses = addresses
    yield backend
    server.shutdown()
    server.server_close()


def bulk_actions(requests):
    lines = [
        json.loads(line)
        for method, path, raw in requests
        if path.endswith("/_bulk")
        for line in raw.splitlines()
        if line.strip()
    ]
    return lines


def test_writes_go_to_the_live_index_and_to_a_rebuild_in_progress(node):
    node.routes[("HEAD", "/_alias/kazan-archive-ru")] = (200, {})
    node.routes[("GET", "/kazan-archive-ru-\\*")] = (
        200,
        {"kazan-archive-ru-old": {}, "kazan-archive-ru-new": {}},
    )
    document = make_document()

    written = node.index([document, make_document(key="x", locale="de")])

    assert written == 1
    actions = bulk_actions(node.requests)
    assert actions[0::2] == [
        {"index": {"_index": "kazan-archive-ru-new", "_id": document.key}},
        {"index": {"_index": "kazan-archive-ru-old", "_id": document.key}},
    ]
    assert actions[1] == json.loads(json.dumps(node.source(document)))


def test_first_write_creates_the_index_behind_its_alias(node):
    node.routes[("HEAD", "/_alias/kazan-archive-tt")] = (404, {})
    node.routes[("GET", "/kazan-archive-tt-\\*")] = (200, {"kazan-archive-tt-a1": {}})

    node.index([make_document(locale="tt")])

    (create,) = [
        (path, json.loads(raw))
        for method, path, raw in node.requests
        if method == "PUT" and "/_alias/" not in path and "_bulk" not in path
    ]
    assert re.fullmatch(r"/kazan-archive-tt-[0-9a-f]{12}", create[0])
    assert create[1]["settings"]["analysis"] == analysis.elasticsearch_analysis()
    assert create[1]["mappings"] == node.mapping("tt").to_dict()
    assert ("PUT", f"{create[0]}/_alias/kazan-archive-tt") in [
        (method, path) for method, path, _raw in node.requests
    ]


def test_rebuild_writes_only_to_its_own_index(node):
    node.routes[("HEAD", "/kazan-archive-ru-r2")] = (200, {})

    node.index([make_document()], rebuild="R2")

    assert bulk_actions(node.requests)[0::2] == [
        {"index": {"_index": "kazan-archive-ru-r2", "_id": "events.EventPage:7"}}
    ]
    assert ("HEAD", "/_alias/kazan-archive-ru") not in [
        (method, path) for method, path, _raw in node.requests
    ]


def test_rebuild_that_was_not_begun_is_not_written(node):
    node.routes[("HEAD", "/kazan-archive-ru-r3")] = (404, {})

    with pytest.raises(SearchError):
        node.index([make_document()], rebuild="r3")

    assert bulk_actions(node.requests) == []


def test_resumed_rebuild_keeps_its_index_and_a_fresh_one_starts_over(node):
    node.routes[("HEAD", "/kazan-archive-(ru|tt|en)-r2")] = (200, {})

    node.begin_rebuild("r2", resume=True)

    assert [method for method, _path, _raw in node.requests] == ["HEAD"] * 3

    node.requests.clear()
    node.begin_rebuild("r2")

    assert [(method, path) for method, path, _raw in node.requests][:3] == [
        ("HEAD", "/kazan-archive-ru-r2"),
        ("DELETE", "/kazan-archive-ru-r2"),
        ("PUT", "/kazan-archive-ru-r2"),
    ]


def test_finishing_a_rebuild_moves_the_alias_at_once_and_drops_the_old_index(node):
    node.routes[("HEAD", "/kazan-archive-(ru|tt|en)-r2")] = (200, {})
    node.routes[("HEAD", "/_alias/kazan-archive-(ru|tt|en)")] = (200, {})
    for locale in analysis.LANGUAGES:
        node.routes[("GET", f"/_alias/kazan-archive-{locale}")] = (
            200,
            {
                f"kazan-archive-{locale}-r1": {
                    "aliases": {f"kazan-archive-{locale}": {}}
                }
            },
        )

        node.routes[("GET", f"/kazan-archive-{locale}-\\*")] = (
            200,
            {
                f"kazan-archive-{locale}-r1": {},
                f"kazan-archive-{locale}-r2": {},
                f"kazan-archive-{locale}-abandoned": {},
            },
        )

    node.finish_rebuild("r2")

    swaps = [
        json.loads(raw) for method, path, raw in node.requests if path == "/_aliases"
    ]
    assert swaps[0] == {
        "actions": [
            {"remove": {"index": "kazan-archive-ru-r1", "alias": "kazan-archive-ru"}},
            {"add": {"index": "kazan-archive-ru-r2", "alias": "kazan-archive-ru"}},
        ]
    }
    deleted = [path for method, path, _raw in node.requests if method == "DELETE"]
    assert deleted == [
        f"/kazan-archive-{locale}-abandoned,kazan-archive-{locale}-r1"
        for locale in analysis.LANGUAGES
    ]


def test_finishing_an_unknown_rebuild_is_refused(node):
    node.routes[("HEAD", "/kazan-archive-ru-r9")] = (404, {})

    with pytest.raises(SearchError):
        node.finish_rebuild("r9")


def test_remove_deletes_from_every_generation_and_ignores_missing(node):
    node.routes[("GET", "/kazan-archive-ru-\\*")] = (
        200,
        {"kazan-archive-ru-a": {}, "kazan-archive-ru-b": {}},
    )
    node.routes[("GET", "/kazan-archive-(tt|en)-\\*")] = (200, {})

    assert node.remove(["events.EventPage:7"]) == 0

    assert bulk_actions(node.requests) == [
        {"delete": {"_index": "kazan-archive-ru-a", "_id": "events.EventPage:7"}},
        {"delete": {"_index": "kazan-archive-ru-b", "_id": "events.EventPage:7"}},
    ]


def test_count_sums_the_aliases(node):
    node.routes[("POST", "/kazan-archive-(ru|tt|en)/_count")] = (
        200,
        {"count": 4, "_shards": {}},
    )
    node.routes[("GET", "/kazan-archive-(ru|tt|en)/_count")] = (
        200,
        {"count": 4, "_shards": {}},
    )

    assert node.count() == 12
    assert node.count("tt") == 4


def test_clear_deletes_indexes_by_name(node):
    node.routes[("GET", "/kazan-archive-ru-\\*")] = (
        200,
        {"kazan-archive-ru-a": {}, "kazan-archive-ru-b": {}},
    )
    node.routes[("GET", "/kazan-archive-(tt|en)-\\*")] = (200, {})

    node.clear()

    deleted = [path for method, path, _raw in node.requests if method == "DELETE"]
    assert deleted == ["/kazan-archive-ru-a,kazan-archive-ru-b"]


def test_search_sends_the_built_body_and_maps_the_answer(node):
    document = make_document()
    node.routes[("POST", "/kazan-archive-ru/_search")] = (
        200,
        canned_response(
            [
                canned_hit(
                    document,
                    node,
                    highlight={"title": ["<mark>Органный</mark> концерт"]},
                )
            ],
            total=5,
        ),
    )
    query = SearchQuery(locale="ru", text="органный", now=NOW)

    results = node.search(query)

    (sent,) = [json.loads(raw) for _m, path, raw in node.requests if "_search" in path]
    assert sent == node.build_search(query).to_dict()
    # A language without an index yet finds nothing rather than failing.
    (address,) = [address for address in node.addresses if "_search" in address]
    assert "ignore_unavailable=true" in address
    assert "allow_no_indices=true" in address
    assert results.total == 5
    assert results.hits[0].title_html == "<mark>Органный</mark> концерт"


def test_autocomplete_answers_titles_and_urls(node):
    node.routes[("POST", "/kazan-archive-en/_search")] = (
        200,
        {
            "hits": {
                "total": {"value": 1, "relation": "eq"},
                "hits": [{"_id": "k", "_source": {"title": "Organ", "url": "/en/o/"}}],
            }
        },
    )

    suggestions = node.suggest("en", "org", now=NOW)

    assert [(s.title, s.url) for s in suggestions] == [("Organ", "/en/o/")]
