"""Three languages: URL prefixes, redirect by browser language, switcher, hreflang."""

from html.parser import HTMLParser

import pytest

from cms.models import StandardPage

pytestmark = pytest.mark.django_db


class LinkCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.html_lang = None
        self.alternates = {}
        self.switcher = {}
        self._in_switcher = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.html_lang = attrs.get("lang")
        if tag == "link" and attrs.get("rel") == "alternate" and "hreflang" in attrs:
            self.alternates[attrs["hreflang"]] = attrs["href"]
        if tag == "nav" and attrs.get("class") == "language-switcher":
            self._in_switcher = True
        if tag == "a" and self._in_switcher:
            self.switcher[attrs["hreflang"]] = attrs

    def handle_endtag(self, tag):
        if tag == "nav":
            self._in_switcher = False


def parse(response):
    collector = LinkCollector()
    collector.feed(response.content.decode())
    return collector


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        ("tt,ru;q=0.8", "/tt/"),
        ("en-GB,en;q=0.9", "/en/"),
        ("ru-RU,ru;q=0.9", "/ru/"),
        ("de-DE,de;q=0.9", "/ru/"),
        ("", "/ru/"),
    ],
)
def test_root_redirects_by_browser_language(client, accept, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 302
    assert response["Location"] == expected


@pytest.mark.parametrize("code", ["ru", "tt", "en"])
def test_home_page_is_served_in_each_language(client, code, home_pages):
    response = client.get(f"/{code}/")
    assert response.status_code == 200
    page = parse(response)
    assert page.html_lang == code
    assert home_pages[code].title in response.content.decode()


def test_language_switcher_leads_to_the_same_page_in_the_other_language(client):
    about = {
        p.locale.language_code: p for p in StandardPage.objects.filter(slug="about")
    }
    response = client.get(about["ru"].url)
    links = parse(response).switcher
    for code in ("ru", "tt", "en"):
        assert links[code]["href"] == about[code].url
        assert links[code]["lang"] == code
    assert links["ru"].get("aria-current") == "true"
    assert "aria-current" not in links["tt"]


def test_every_translation_is_advertised_with_hreflang(client):
    about = {
        p.locale.language_code: p for p in StandardPage.objects.filter(slug="about")
    }
    response = client.get(about["tt"].url)
    alternates = parse(response).alternates
    assert set(alternates) == {"ru", "tt", "en"}
    for code, href in alternates.items():
        assert href.endswith(about[code].url)


def test_untranslated_alias_is_not_advertised_as_a_translation(
    client, home_page, locales
):
    source = home_page.add_child(
        instance=StandardPage(title="Только по-русски", slug="only-ru")
    )
    source.save_revision().publish()
    alias = source.copy_for_translation(locales["en"], alias=True)
    response = client.get(alias.url)
    assert response.status_code == 200
    alternates = parse(response).alternates
    assert "en" not in alternates
    assert "ru" in alternates
    # The switcher still leads to the same page in each language.
    assert parse(response).switcher["ru"]["href"] == source.url


@pytest.mark.parametrize(
    ("path", "accept", "lang", "phrase"),
    [
        ("/ru/no-such-page/", "", "ru", "Страница не найдена"),
        ("/tt/no-such-page/", "", "tt", "Бит табылмады"),
        ("/en/no-such-page/", "", "en", "Page not found"),
    ],
)
def test_unknown_paths_get_a_translated_404(client, path, accept, lang, phrase):
    response = client.get(path, HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 404
    assert parse(response).html_lang == lang
    assert phrase in response.content.decode()


def test_unknown_language_prefix_ends_in_a_translated_404(client):
    response = client.get("/de/", HTTP_ACCEPT_LANGUAGE="tt", follow=True)
    assert response.status_code == 404
    assert "Бит табылмады" in response.content.decode()


def test_404_page_offers_the_switcher_to_each_language_home(client):
    response = client.get("/en/no-such-page/")
    links = parse(response).switcher
    assert links["tt"]["href"] == "/tt/"
    assert links["ru"]["href"] == "/ru/"


@pytest.mark.parametrize(
    "query",
    ["?%ff%fe=%00", "?a=%E0%A4%A", "?" + "x=1&" * 500, "?page=-1&lang=<script>"],
)
def test_malformed_query_strings_never_give_a_500(client, query):
    response = client.get("/ru/" + query)
    assert response.status_code == 200
    assert b"<script>" not in response.content
