"""The archive page: search, facets, order, pages, "did you mean", autocomplete.

Most tests index search documents directly through the search service, with a
made-up word ("quokkafest") in each so that the demo's own items never match.
"""

import datetime
import html
import re
from urllib.parse import parse_qs, urlsplit

from django.utils import timezone, translation

import pytest

from cms.search.backends.base import SearchBackend, SearchError
from cms.search.documents import Cue, SearchDocument
from cms.search.service import get_search_service
from events_plugin.models import (
    ArchiveIndexPage,
    Domain,
    EventPage,
    EventSession,
    InstitutionPage,
    ProgrammeIndexPage,
    Recording,
    SubtitleTrack,
)
from events_plugin.search import reindex_pages

pytestmark = pytest.mark.django_db

WORD = "quokkafest"


@pytest.fixture
def archive_pages(home_pages):
    """The archive page of each language tree, made if the demo has none."""
    pages = {}
    for code, home in home_pages.items():
        page = ArchiveIndexPage.objects.child_of(home).first()
        if page is None:
            page = home.add_child(
                instance=ArchiveIndexPage(title="Video archive", slug="archive")
            )
        pages[code] = page
    return pages


@pytest.fixture
def archive_url(archive_pages):
    return archive_pages["en"].url


_numbers = iter(range(9_000_000, 10_000_000))


def document(title, *, locale="en", days_ago=30, date=None, **fields):
    """A search document of a made-up archive item in `locale`."""
    number = next(_numbers)
    date = date or timezone.now() - datetime.timedelta(days=days_ago)
    fields.setdefault("facets", {})
    fields["facets"].setdefault("type", ["concert"])
    fields["facets"].setdefault("subtitles", ["no"])
    fields["facets"].setdefault("language", ["ru"])
    fields["facets"].setdefault("year", [str(date.year)])
    return SearchDocument(
        key=f"events.EventPage:{number}",
        locale=locale,
        url=f"/{locale}/programme/item-{number}/",
        title=title,
        date=date,
        available_from=date,
        **fields,
    )


def at(year, month, day):
    return datetime.datetime(year, month, day, 20, tzinfo=datetime.UTC)


def index(*documents):
    get_search_service().index(documents)
    return documents


def get(client, url, **params):
    with translation.override("en"):
        response = client.get(url, params)
    return response, response.content.decode()


def hit_titles(content):
    """The titles of the hits, in their order, as plain text."""
    found = re.findall(
        r'<h3 class="archive-hit__title"><a [^>]*>(.*?)</a></h3>', content
    )
    return [html.unescape(re.sub(r"</?mark>", "", title)) for title in found]


def facet_option(content, name, value):
    """The checkbox of one facet value and its label, as HTML."""
    match = re.search(
        rf'<input type="checkbox" name="{name}" value="{re.escape(value)}"[^>]*>'
        r"\s*<label[^>]*>.*?</label>",
        content,
        re.S,
    )
    return match.group(0) if match else ""


def test_inflected_word_finds_the_item_and_marks_it(client, archive_url):
    index(
        document(f"Evening concert {WORD}", summary="Chamber music by the river."),
        document(f"Poetry reading {WORD}"),
    )
    response, content = get(client, archive_url, q=f"{WORD} concerts")
    assert response.status_code == 200
    assert hit_titles(content) == [f"Evening concert {WORD}"]
    assert "<mark>concert</mark>" in content
    assert f"1 recording found for “{WORD} concerts”." in content
    assert f"<title>Search results for “{WORD} concerts”" in content
    assert f"<h1>Search results for “{WORD} concerts”</h1>" in content


def test_tatar_page_finds_words_typed_without_tatar_letters(client, archive_pages):
    index(document(f"Китапханәдә кичә {WORD}", locale="tt"))
    index(document(f"Library evening {WORD}", locale="en"))
    response, content = get(client, archive_pages["tt"].url, q=f"китапханада {WORD}")
    assert response.status_code == 200
    assert hit_titles(content) == [f"Китапханәдә кичә {WORD}"]
    assert "<mark>" in content


def test_facets_narrow_the_results_and_count_the_other_choices(client, archive_url):
    domain = Domain.objects.filter(locale__language_code="en").first()
    index(
        document(f"{WORD} one", facets={"type": ["concert"], "domain": [domain.slug]}),
        document(f"{WORD} two", facets={"type": ["lecture"], "domain": [domain.slug]}),
        document(f"{WORD} three", facets={"type": ["lecture"]}),
    )
    response, content = get(client, archive_url, q=WORD, type="lecture")
    assert sorted(hit_titles(content)) == [f"{WORD} three", f"{WORD} two"]
    lecture = facet_option(content, "type", "lecture")
    concert = facet_option(content, "type", "concert")
    assert "checked" in lecture and "Lecture" in lecture and "(2 recordings)" in lecture
    assert "checked" not in concert and "(1 recording)" in concert
    # The domain is labelled by its name and counted among lectures only.
    domain_option = facet_option(content, "domain", domain.slug)
    assert domain.name in html.unescape(domain_option)
    assert "(1 recording)" in domain_option
    # The chosen filter can be removed, keeping the words.
    removal = re.search(r'<a href="([^"]+)">remove “Lecture”</a>', content)
    assert parse_qs(urlsplit(html.unescape(removal.group(1))).query) == {"q": [WORD]}


def test_values_of_one_facet_are_alternatives(client, archive_url):
    index(
        document(f"{WORD} one", facets={"type": ["concert"]}),
        document(f"{WORD} two", facets={"type": ["lecture"]}),
        document(f"{WORD} three", facets={"type": ["exhibition"]}),
    )
    _, content = get(client, archive_url, q=WORD, type=["concert", "lecture"])
    assert sorted(hit_titles(content)) == [f"{WORD} one", f"{WORD} two"]


def test_sort_by_popularity_and_rating(client, archive_url):
    index(
        document(f"{WORD} seldom", popularity=1, rating=4.9, rating_count=3),
        document(f"{WORD} often", popularity=50, rating=3.0, rating_count=9),
        document(f"{WORD} unrated", popularity=10),
    )
    _, content = get(client, archive_url, q=WORD, sort="popularity")
    assert hit_titles(content) == [f"{WORD} often", f"{WORD} unrated", f"{WORD} seldom"]
    _, content = get(client, archive_url, q=WORD, sort="rating")
    assert hit_titles(content) == [f"{WORD} seldom", f"{WORD} often", f"{WORD} unrated"]
    assert "Rated 4.9 out of 5 (3 ratings)" in content
    current = re.search(
        r'<a class="guide-nav__link" href="[^"]*" aria-current', content
    )
    assert "sort=rating" in current.group(0)


def test_browsing_lists_the_newest_first_and_offers_browse_orders(
    client, archive_pages
):
    # Made-up items of 1999: no demo item shares their year.
    index(
        document(f"{WORD} older", locale="tt", date=at(1999, 3, 1)),
        document(f"{WORD} newer", locale="tt", date=at(1999, 9, 1)),
        document(
            f"{WORD} other",
            locale="tt",
            date=at(1999, 12, 1),
            facets={"type": ["course"]},
        ),
    )
    response, content = get(
        client, archive_pages["tt"].url, year="1999", type="concert"
    )
    assert response.status_code == 200
    assert hit_titles(content) == [f"{WORD} newer", f"{WORD} older"]
    orders = re.findall(r'<a class="guide-nav__link" href="([^"]*)"', content)
    assert len(orders) == 3  # newest, most watched, best rated: no "best match"
    assert "sort=" not in orders[0]
    assert "sort=popularity" in orders[1] and "sort=rating" in orders[2]
    assert f"<h1>{archive_pages['tt'].title}</h1>" in content


def test_pages_keep_every_parameter_and_a_page_beyond_the_end_shows_the_last(
    client, archive_url
):
    index(*(document(f"{WORD} item {n}", days_ago=n + 1) for n in range(25)))
    _, content = get(client, archive_url, q=WORD, type="concert", page="2")
    assert len(hit_titles(content)) == 5
    assert "Page 2 of 2." in content
    previous = re.search(
        r'<a class="pagination__link" href="([^"]+)" rel="prev"', content
    )
    query = parse_qs(urlsplit(html.unescape(previous.group(1))).query)
    assert query == {"q": [WORD], "type": ["concert"]}
    response, content = get(client, archive_url, q=WORD, page="999999")
    assert response.status_code == 200
    assert len(hit_titles(content)) == 5 and "Page 2 of 2." in content
    response, content = get(client, archive_url, q=WORD, page="abc")
    assert response.status_code == 200
    assert len(hit_titles(content)) == 20 and "Page 1 of 2." in content


def test_did_you_mean_links_to_the_corrected_search(client, archive_url):
    index(document(f"{WORD} symphony orchestra"))
    _, content = get(client, archive_url, q=f"{WORD} symphonu")
    link = re.search(r'Did you mean <a href="([^"]+)">“([^”]+)”</a>\?', content)
    assert link, "no suggestion shown"
    assert link.group(2) == f"{WORD} symphony"
    assert parse_qs(urlsplit(html.unescape(link.group(1))).query) == {
        "q": [f"{WORD} symphony"]
    }


def test_subtitle_hit_links_to_that_moment_of_the_recording(client, archive_url):
    (item,) = index(
        document(
            f"{WORD} festival",
            cues=[
                Cue(12.0, 15.0, "Good evening and welcome.", 1),
                Cue(750.4, 755.0, "Now the overture begins.", 2),
            ],
        )
    )
    _, content = get(client, archive_url, q=f"{WORD} overture")
    assert f'href="{item.url}watch/2/?t=750"' in content
    assert "at 12:30" in content
    assert "<mark>overture</mark>" in content
    assert f'href="{item.url}watch/"' in content


@pytest.mark.parametrize(
    "text",
    [
        "",
        "x" * 10_000,
        'concert AND (lecture OR "film") -music* NEAR/3 ~2 ^',
        "'; DROP TABLE cms_searchentry; --",
        "<script>alert(1)</script>",
        "\x00\x01 nul",
        "%%% _ \\",
    ],
)
def test_any_text_gives_a_page_never_an_error(client, archive_url, text):
    index(document(f"{WORD} concert"))
    response, content = get(client, archive_url, q=text)
    assert response.status_code == 200
    assert "<script>alert" not in content


def test_searched_text_and_item_text_are_escaped(client, archive_url):
    index(document(f"<b>{WORD}</b> & <i>co</i>", summary="<img src=x onerror=1>"))
    _, content = get(client, archive_url, q=WORD)
    assert hit_titles(content) == [f"<b>{WORD}</b> & <i>co</i>"]
    assert "<b>" not in content and "<img src=x" not in content
    assert "&lt;b&gt;" in content and "&lt;img src=x" in content
    _, content = get(client, archive_url, q=f"<script>{WORD}")
    assert "<script>" + WORD not in content
    assert f"&lt;script&gt;{WORD}" in content


def test_very_long_text_is_shortened_with_a_notice(client, archive_url):
    response, content = get(client, archive_url, q=f"{WORD} " + "y" * 10_000)
    assert response.status_code == 200
    assert "Your search was very long: only its beginning was used." in content


def test_unknown_filter_values_are_noted_and_the_others_still_apply(
    client, archive_url
):
    index(
        document(f"{WORD} one", facets={"type": ["concert"]}),
        document(f"{WORD} two", facets={"type": ["lecture"]}),
    )
    response, content = get(
        client,
        archive_url,
        q=WORD,
        type=["lecture", "bogus"],
        domain="no-such-domain",
        year="abc",
        sort="sideways",
    )
    assert response.status_code == 200
    assert hit_titles(content) == [f"{WORD} two"]
    text = html.unescape(content)
    assert "Kind of event: “bogus”" in text
    assert "Subject: “no-such-domain”" in text
    assert "Year: “abc”" in text
    assert "Order: “sideways”" in text


def test_institution_filter_is_labelled_by_its_title(client, archive_url):
    institution = (
        InstitutionPage.objects.live().filter(locale__language_code="en").first()
    )
    index(document(f"{WORD} one", facets={"institution": [institution.slug]}))
    _, content = get(client, archive_url, q=WORD, institution=institution.slug)
    assert hit_titles(content) == [f"{WORD} one"]
    text = html.unescape(content)
    assert f"Organiser: {institution.title}" in re.sub(r"<[^>]+>", "", text)


def test_nothing_found_offers_to_remove_filters_and_browse(client, archive_url):
    index(document(f"{WORD} one", facets={"type": ["concert"]}))
    _, content = get(client, archive_url, q=WORD, type="lecture")
    assert hit_titles(content) == []
    assert f"No recordings found for “{WORD}”" in content
    assert "remove this filter" in content
    assert f'<a href="{archive_url}">browse the whole archive</a>' in content


def test_type_and_duration_are_shown_in_words(client, archive_url):
    index(document(f"{WORD} one", duration=5100, facets={"type": ["film_screening"]}))
    _, content = get(client, archive_url, q=WORD)
    assert "Film screening" in content
    assert '<time datetime="PT1H25M0S">1 h 25 min</time>' in content


def test_suggest_answers_titles_as_json(client, archive_pages):
    (item,) = index(document(f"{WORD} gala concert", popularity=5))
    url = archive_pages["en"].url + "suggest/"
    with translation.override("en"):
        response = client.get(url, {"q": "quokkaf gal"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "public" in response["Cache-Control"]
    assert "max-age=60" in response["Cache-Control"]
    data = response.json()
    assert {"title": item.title, "url": item.url} in data["suggestions"]
    assert data["status"].startswith("1 suggestion")


@pytest.mark.parametrize("text", ["", "q", "x" * 10_000, "\x00", "<script>"])
def test_suggest_gives_an_empty_list_for_nonsense(client, archive_pages, text):
    index(document(f"{WORD} gala"))
    response = client.get(archive_pages["en"].url + "suggest/", {"q": text})
    assert response.status_code == 200
    assert response.json()["suggestions"] == []


def test_suggest_is_limited_to_the_page_language(client, archive_pages):
    index(document(f"{WORD} tatar", locale="tt"))
    response = client.get(archive_pages["en"].url + "suggest/", {"q": WORD})
    assert response.json()["suggestions"] == []


def test_the_page_needs_a_bounded_number_of_queries(
    client, archive_url, django_assert_max_num_queries
):
    index(
        *(
            document(
                f"{WORD} item {n}",
                facets={"type": ["concert" if n % 2 else "lecture"]},
                cues=[Cue(60.0 * n, 60.0 * n + 5, f"{WORD} line {n}", 1)],
            )
            for n in range(25)
        )
    )
    get(client, archive_url, q=WORD)  # warm the site's caches
    with django_assert_max_num_queries(30):
        response, content = get(client, archive_url, q=WORD)
    assert len(hit_titles(content)) == 20


RU_VTT = """WEBVTT

00:00:05.000 --> 00:00:09.000
Добрый вечер, дорогие слушатели.

00:12:30.500 --> 00:12:34.000
Звучит токката квоккафеста.
"""


def test_a_published_event_is_found_with_its_subtitle_moment(client, archive_pages):
    programme = ProgrammeIndexPage.objects.get(locale__language_code="ru")
    music = Domain.objects.get(slug="music", locale=programme.locale)
    start = timezone.now() - datetime.timedelta(days=10)
    page = EventPage(
        title="Квоккафест: органный вечер",
        slug="organ-evening-quokkafest",
        event_type="concert",
        domain=music,
        introduction="Токкаты и фуги в исполнении органиста.",
    )
    page.sessions = [
        EventSession(start=start, end=start + datetime.timedelta(minutes=90))
    ]
    page.recordings = [
        Recording(
            locale=programme.locale,
            title="Первое отделение",
            provider="youtube",
            url="https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            duration=datetime.timedelta(minutes=45),
        )
    ]
    page.subtitle_tracks = [
        SubtitleTrack(recording_number=1, language="ru", vtt=RU_VTT)
    ]
    programme.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    reindex_pages([page])

    with translation.override("ru"):
        response = client.get(archive_pages["ru"].url, {"q": "токкату квоккафеста"})
        moment = translation.gettext("at %(time)s") % {"time": "12:30"}
    content = response.content.decode()
    assert response.status_code == 200
    assert hit_titles(content) == ["Квоккафест: органный вечер"]
    assert f'href="{page.url}watch/1/?t=750">{moment}</a>' in content
    assert "<mark>токката</mark>" in content.lower()
    assert html.escape(music.name) in content


class UnavailableBackend(SearchBackend):
    """A backend that cannot answer, as an index server that is down."""

    name = "database"  # so the service has no other to fall back on

    def _down(self, *args, **kwargs):
        raise SearchError("down")

    index = remove = search = suggest = _down
    begin_rebuild = finish_rebuild = count = clear = _down


def test_search_unavailable_gives_a_page_saying_so(client, archive_pages, settings):
    settings.ARCHIVE_SEARCH_BACKEND = f"{__name__}.UnavailableBackend"
    response, content = get(client, archive_pages["en"].url, q=WORD)
    assert response.status_code == 503
    assert "Search is unavailable" in content
    response = client.get(archive_pages["en"].url + "suggest/", {"q": WORD})
    assert response.status_code == 200
    assert response.json()["suggestions"] == []


def test_an_unreachable_elasticsearch_leaves_the_page_as_usual(
    client, archive_url, settings
):
    # Nothing listens on port 9: the service answers from the database instead.
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    settings.ELASTICSEARCH_TIMEOUT = 1
    settings.ARCHIVE_SEARCH_BACKEND = ""
    index(document(f"{WORD} concert"))
    response, content = get(client, archive_url, q=WORD)
    assert response.status_code == 200
    assert hit_titles(content) == [f"{WORD} concert"]
    assert "Search is unavailable" not in content
