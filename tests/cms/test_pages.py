"""Pages render in every language with bounded queries; forms never lose input."""

from django.core import mail

from wagtail.contrib.forms.models import FormSubmission

import pytest

from cms.models import FormPage, StandardPage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("code", ["ru", "tt", "en"])
def test_every_seeded_page_renders(client, code):
    for page in StandardPage.objects.filter(locale__language_code=code).live():
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert page.title in response.content.decode()


@pytest.mark.parametrize("code", ["ru", "tt", "en"])
def test_home_page_query_count_is_bounded(client, code, django_assert_max_num_queries):
    client.get(f"/{code}/")  # warm the site-root cache, as a running server has
    with django_assert_max_num_queries(22):
        response = client.get(f"/{code}/")
    assert response.status_code == 200


def test_standard_page_query_count_is_bounded(client, django_assert_max_num_queries):
    page = StandardPage.objects.get(slug="about", locale__language_code="tt")
    client.get(page.url)
    with django_assert_max_num_queries(22):
        assert client.get(page.url).status_code == 200


def test_main_navigation_lists_sections_in_the_active_language(client):
    content = client.get("/tt/").content.decode()
    nav = content.split('class="main-nav"')[1].split("</nav>")[0]
    for title in ("Программа", "Иҗтимагый фикер алышулар", "Платформа турында"):
        assert title in nav
    assert "О платформе" not in nav


def test_current_section_is_marked_in_the_menu(client):
    about = StandardPage.objects.get(slug="about", locale__language_code="en")
    content = client.get(about.url).content.decode()
    assert f'<a href="{about.url}" aria-current="page">' in content


def test_footer_shows_contacts_and_social_links_in_the_language(client):
    content = client.get("/tt/").content.decode()
    footer = content.split('<footer class="site-footer">')[1]
    assert "Казан шәһәре мәдәният идарәсе" in footer
    assert "https://vk.com/kazanculture" in footer
    assert "https://rutube.ru/channel/kazanculture/" in footer


def test_pages_carry_opengraph_and_description(client):
    content = client.get("/en/").content.decode()
    assert '<meta property="og:title"' in content
    assert '<meta name="description" content="The programme of free online' in content
    assert '<link rel="canonical" href="http://' in content


def feedback_page(code):
    return FormPage.objects.get(locale__language_code=code)


def test_feedback_form_stores_and_emails_a_valid_message(client):
    page = feedback_page("en")
    fields = {f.clean_name: f for f in page.form_fields.all()}
    answers = {
        "singleline": "Aigul",
        "email": "aigul@example.org",
        "multiline": "The concert stream had no sound.",
        "checkbox": "on",
    }
    data = {
        name: field.choices.splitlines()[0]
        if field.field_type == "dropdown"
        else answers[field.field_type]
        for name, field in fields.items()
    }
    response = client.post(page.url, data)
    assert response.status_code == 200
    assert "Your message has been received" in response.content.decode()
    submission = FormSubmission.objects.get(page=page)
    assert submission.get_data()["email"] == "aigul@example.org"
    assert len(mail.outbox) == 1


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"email": "not-an-address"},
        {"name": "x" * 100_000},
        {"topic": "<script>alert(1)</script>"},
    ],
)
def test_invalid_feedback_shows_translated_errors_and_keeps_input(client, data):
    page = feedback_page("ru")
    response = client.post(page.url, data)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Исправьте, пожалуйста, ошибки" in content
    assert not FormSubmission.objects.filter(page=page).exists()
    assert "<script>alert(1)</script>" not in content
    if data.get("email"):
        assert 'value="not-an-address"' in content


def test_feedback_form_page_in_tatar_has_tatar_labels(client):
    content = client.get(feedback_page("tt").url).content.decode()
    assert "Исемегез" in content
    assert "Җибәрергә" in content


def test_form_post_without_csrf_token_gets_a_translated_explanation():
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    page = feedback_page("en")
    response = strict.post(page.url, {"name": "Aigul"})
    assert response.status_code == 403
    assert "The form has expired" in response.content.decode()
    assert not FormSubmission.objects.filter(page=page).exists()


def test_disallowed_host_gets_a_400_page_not_a_500(client, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    response = client.get("/ru/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert b"<h1>" in response.content


def test_sitemap_lists_every_language_with_hreflang_alternates(client):
    content = client.get("/sitemap.xml").content.decode()
    about = {
        page.locale.language_code: page
        for page in StandardPage.objects.filter(slug="about")
    }
    for page in about.values():
        assert f"<loc>{page.full_url}</loc>" in content
    assert content.count(f'hreflang="tt" href="{about["tt"].full_url}"') == 3


def test_robots_txt_points_to_the_sitemap(client):
    content = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in content
    assert "Disallow: /admin/" in content
