"""The demo seed: realistic content in three languages, idempotent, localize-aware."""

import re

from django.core.management import call_command

from wagtail.models import Page
from wagtail_localize.models import Translation

import pytest

from cms.models import FooterText, FormPage, HomePage, StandardPage

pytestmark = pytest.mark.django_db


def counts():
    return {
        "pages": Page.objects.count(),
        "translations": Translation.objects.count(),
        "footers": FooterText.objects.count(),
    }


def test_running_the_seed_twice_duplicates_nothing():
    before = counts()
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert counts() == before


def test_seed_keeps_an_editor_change():
    about = StandardPage.objects.get(slug="about", locale__language_code="ru")
    about.title = "О нас"
    about.save_revision().publish()
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    about.refresh_from_db()
    assert about.title == "О нас"


@pytest.mark.parametrize("model", [HomePage, StandardPage, FormPage])
def test_each_page_exists_live_in_three_languages(model):
    for page in model.objects.filter(locale__language_code="ru"):
        translations = page.get_translations(inclusive=True).live()
        assert {p.locale.language_code for p in translations} == {"ru", "tt", "en"}
        # Real translations with their own text, not aliases of the Russian page.
        assert all(p.alias_of_id is None for p in translations)
        assert len({p.title for p in translations}) == 3 or model is not StandardPage


def test_translations_are_wagtail_localize_translations():
    home = HomePage.objects.get(locale__language_code="ru")
    targets = Translation.objects.filter(source__object_id=home.translation_key)
    assert {t.target_locale.language_code for t in targets} == {"tt", "en"}


def test_tatar_pages_carry_tatar_text():
    about = StandardPage.objects.get(slug="about", locale__language_code="tt")
    assert about.title == "Платформа турында"
    headings = [b.value["text"] for b in about.body if b.block_type == "heading"]
    assert "Иҗтимагый фикер алышулар" in headings


def test_feedback_form_fields_are_translated():
    form = FormPage.objects.get(locale__language_code="en")
    labels = [field.label for field in form.form_fields.all()]
    assert labels[:2] == ["Your name", "Email"]


def test_footer_exists_in_each_language():
    assert {f.locale.language_code for f in FooterText.objects.all()} == {
        "ru",
        "tt",
        "en",
    }


@pytest.mark.parametrize("model", [HomePage, StandardPage, FormPage])
def test_english_pages_show_no_russian_text(client, model):
    for page in model.objects.filter(locale__language_code="en"):
        content = client.get(page.url).content.decode()
        main = content.split("<main", 1)[1].split("</main>", 1)[0]
        assert not re.findall("[а-яё]+", main, re.I), page.url


def test_tatar_key_figures_are_translated():
    home = HomePage.objects.get(locale__language_code="tt")
    figures = next(b for b in home.body if b.block_type == "key_figures")
    labels = [item["label"] for item in figures.value["figures"]]
    assert "бушлай онлайн-чара" in labels[0]
