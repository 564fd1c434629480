"""The low-vision mode: switched by a labelled control, remembered, safe to follow."""

import pytest

pytestmark = pytest.mark.django_db


def test_switching_on_remembers_the_mode_and_returns_to_the_page(client):
    response = client.get("/ru/low-vision/on/?next=/ru/about/")
    assert response.status_code == 302
    assert response["Location"] == "/ru/about/"
    assert response.cookies["low_vision"].value == "1"
    assert response.cookies["low_vision"]["max-age"] > 30 * 24 * 3600

    page = client.get("/ru/about/")
    assert b'<html lang="ru" class="low-vision">' in page.content
    assert "Обычная версия сайта" in page.content.decode()


def test_switching_off_forgets_the_mode(client):
    client.cookies["low_vision"] = "1"
    response = client.get("/en/low-vision/off/?next=/en/")
    assert response.cookies["low_vision"].value == ""
    page = client.get("/en/")
    assert b"low-vision" not in page.content.split(b"<body")[0]
    assert "Version for the visually impaired" in page.content.decode()


@pytest.mark.parametrize(
    "next_url", ["https://evil.example/", "//evil.example/", "javascript:alert(1)", ""]
)
def test_switch_never_redirects_off_site(client, next_url):
    response = client.get("/tt/low-vision/on/", {"next": next_url})
    assert response.status_code == 302
    assert response["Location"] == "/tt/"


def test_unknown_mode_is_a_404_not_an_error(client):
    response = client.get("/ru/low-vision/maybe/")
    assert response.status_code == 404


def test_the_control_is_a_labelled_link_on_every_page(client):
    for code, label in (
        ("ru", "Версия для слабовидящих"),
        ("tt", "Начар күрүчеләр өчен версия"),
        ("en", "Version for the visually impaired"),
    ):
        content = client.get(f"/{code}/").content.decode()
        assert f"/{code}/low-vision/on/?next=/{code}/" in content
        assert label in content
