"""Wagtail's page search finds inflected Russian words (russian configuration)."""

from django.conf import settings

from wagtail.models import Locale, Page

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.postgresql
@pytest.mark.skipif(
    not settings.IS_POSTGRESQL, reason="needs DATABASE_URL to PostgreSQL"
)
@pytest.mark.parametrize(
    ("query", "slug"),
    [
        ("платформами", "about"),  # "платформе" in the title: same stem
        ("обсуждениях", "hearings"),
        ("связи", "feedback"),
    ],
)
def test_russian_stemming_finds_other_word_forms(query, slug):
    ru = Locale.objects.get(language_code="ru")
    results = Page.objects.live().filter(locale=ru).search(query)
    assert slug in {page.slug for page in results}


def test_search_finds_pages_by_exact_words():
    en = Locale.objects.get(language_code="en")
    results = Page.objects.live().filter(locale=en).search("Feedback")
    assert "feedback" in {page.slug for page in results}
