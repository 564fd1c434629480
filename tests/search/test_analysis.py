"""The language analysis every search backend shares."""

import re

import pytest

from cms.search import analysis


def test_fold_lowercases_and_maps_tatar_letters_to_russian_keyboard_ones():
    assert analysis.fold("ӘӨҮҖҢҺ әөүҗңһ Ёлка") == "аоужнх аоужнх елка"


@pytest.mark.parametrize(
    ("word", "term"),
    [
        ("театр", "театр"),
        ("театрлар", "театр"),
        ("театрларда", "театр"),
        ("театрларыбызда", "театр"),
        ("театрның", "театр"),
        ("Тукайның", "тукай"),
        ("Тукайнын", "тукай"),
    ],
)
def test_tatar_endings_are_stripped(word, term):
    assert analysis.analyze(word, "tt") == [term]


def test_tatar_library_forms_share_one_term():
    assert analysis.analyze("китапханәдә", "tt") == analysis.analyze(
        "китапханада", "tt"
    )
    assert analysis.analyze("китапханә", "tt") == analysis.analyze("китапханәдә", "tt")


def test_tatar_stems_keep_at_least_three_letters():
    assert analysis.analyze("ада", "tt") == ["ада"]


def test_russian_and_english_words_are_stemmed_and_function_words_dropped():
    assert analysis.analyze("концерты в филармонии", "ru") == ["концерт", "филармон"]
    assert analysis.analyze("Концертами", "ru") == ["концерт"]
    assert analysis.analyze("The lectures of a poet", "en") == ["lectur", "poet"]


def test_query_terms_are_distinct_and_at_most_thirty_two():
    assert analysis.query_terms("концерт концерты концертами", "ru") == ["концерт"]
    words = " ".join(f"слово{number}" for number in range(50))
    assert len(analysis.query_terms(words, "ru")) == 32


def test_tokens_keep_offsets_and_leave_function_words_without_a_term():
    tokens = analysis.tokens("Концерт в зале", "ru")

    assert [(t.start, t.end, t.term) for t in tokens] == [
        (0, 7, "концерт"),
        (8, 9, ""),
        (10, 14, "зал"),
    ]


def test_matches_needs_every_term():
    assert analysis.matches("Концерт в зале", ["концерт", "зал"], "ru")
    assert not analysis.matches("Концерт в зале", ["концерт", "орган"], "ru")
    assert not analysis.matches("Концерт", [], "ru")


def test_highlight_marks_matches_and_escapes_the_rest():
    html = analysis.highlight('<b>Концерты</b> & "орган"', ["концерт"], "ru")

    assert html == "&lt;b&gt;<mark>Концерты</mark>&lt;/b&gt; &amp; &quot;орган&quot;"


def test_highlight_is_empty_without_a_match_unless_asked_for_the_start():
    assert analysis.highlight("Органный вечер", ["концерт"], "ru") == ""
    assert (
        analysis.highlight("Органный вечер", ["концерт"], "ru", always=True)
        == "Органный вечер"
    )


def test_highlight_shows_a_window_around_a_late_match():
    text = "слово " * 100 + "концерт " + "слово " * 100

    html = analysis.highlight(text, ["концерт"], "ru", length=60)

    assert html.startswith("…")
    assert html.endswith("…")
    assert "<mark>концерт</mark>" in html
    plain = html.replace("<mark>", "").replace("</mark>", "").strip("…")
    assert len(plain) <= 60
    assert plain.split()[0] == "слово"  # begins at a whole word


def test_elasticsearch_analysis_declares_the_same_stopwords_folding_and_stems():
    settings = analysis.elasticsearch_analysis()

    for language, words in analysis.STOPWORDS.items():
        assert settings["filter"][f"stop_{language}"]["stopwords"] == words
    mappings = settings["char_filter"]["fold_letters"]["mappings"]
    for letter, folded in analysis.FOLDING.items():
        assert f"{letter} => {folded}" in mappings
        assert f"{letter.upper()} => {folded}" in mappings
    tatar = settings["filter"]["stem_tt"]
    assert tatar["pattern"] == analysis.TATAR_PATTERN
    assert tatar["replacement"] == "$1"
    chain = settings["analyzer"]["text_tt"]["filter"]
    assert chain.count("stem_tt") == analysis.TATAR_PASSES
    assert settings["analyzer"]["folded"]["char_filter"] == ["fold_letters"]


def test_the_tatar_pattern_strips_like_the_python_stemmer():
    # Elasticsearch applies the same regular expression once per pass.
    pattern = re.compile(analysis.TATAR_PATTERN)
    for word in ["театрларыбызда", "китапханада", "тукайнын", "шигырьлар"]:
        stemmed = word
        for _pass in range(analysis.TATAR_PASSES):
            stemmed = pattern.sub(r"\1", stemmed)
        assert stemmed == analysis.stem_tatar(word)
