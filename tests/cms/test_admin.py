"""The Wagtail admin works for every page type, in Russian or English."""

from wagtail.admin.localization import get_available_admin_languages
from wagtail.models import Page
from wagtail.users.models import UserProfile

import pytest

from cms.models import HomePage

pytestmark = pytest.mark.django_db


def test_admin_languages_are_russian_and_english():
    assert [code for code, _name in get_available_admin_languages()] == ["ru", "en"]


def test_admin_speaks_the_editor_preferred_language(admin_client, admin_user):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "ru"
    profile.save()
    assert b'<html lang="ru"' in admin_client.get("/admin/").content
    profile.preferred_language = "en"
    profile.save()
    assert b'<html lang="en"' in admin_client.get("/admin/").content


def test_every_seeded_page_opens_in_the_editor(admin_client):
    for page in Page.objects.filter(depth__gt=1):
        response = admin_client.get(f"/admin/pages/{page.pk}/edit/")
        assert response.status_code == 200, page


def test_editor_can_add_each_allowed_child_of_home(admin_client):
    home = HomePage.objects.get(locale__language_code="ru")
    for model in HomePage.allowed_subpage_models():
        label = f"{model._meta.app_label}/{model._meta.model_name}"
        response = admin_client.get(f"/admin/pages/add/{label}/{home.pk}/")
        # One programme and one hearings index per home: adding a second is refused
        # with a redirect back to the page explorer.
        assert response.status_code in {200, 302}, label
        if response.status_code == 302:
            assert "two-factor" not in response["Location"]


def test_publishing_a_standard_page_through_the_admin(admin_client):
    home = HomePage.objects.get(locale__language_code="ru")
    response = admin_client.post(
        f"/admin/pages/add/cms/standardpage/{home.pk}/",
        {
            "title": "Правила участия",
            "slug": "rules",
            "introduction": "Как участвовать в обсуждениях.",
            "body-count": "0",
            "action-publish": "publish",
        },
    )
    assert response.status_code == 302
    page = Page.objects.get(slug="rules", locale__language_code="ru")
    assert page.live
