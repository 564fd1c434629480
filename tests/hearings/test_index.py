"""The hearings index: groups by stage, filters, notices, pages and cards."""

import datetime
import html
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from wagtail.models import Locale

import pytest

from hearings_plugin.factories import make_hearing
from hearings_plugin.models import District, HearingIndexPage, Stage, Topic
from hearings_plugin.selectors.pages import hearings_below
from tests.hearings.test_register import add_submissions

pytestmark = pytest.mark.django_db

NOTICE = "Some choices in the address were not recognised and were left out:"


@pytest.fixture
def index():
    return HearingIndexPage.objects.get(locale__language_code="ru")


def text(response):
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def in_russian(message):
    with translation.override("ru"):
        return str(translation.gettext(str(message)))


def group(content, key):
    """The HTML of one group of the listing (open, upcoming, past or found)."""
    match = re.search(
        rf'<section class="hearings-group hearings-group--{key}".*?</section>',
        content,
        re.S,
    )
    return match.group(0) if match else ""


def test_index_groups_hearings_by_stage(client, index):
    make_hearing(Stage.OPEN, title="Открытое обсуждение А")
    make_hearing(Stage.ANNOUNCED, title="Объявленное обсуждение Б")
    make_hearing(Stage.CLOSED, title="Закрытое обсуждение В")
    make_hearing(Stage.CONCLUSION, title="Завершённое обсуждение Г")
    make_hearing(Stage.ARCHIVED, title="Архивное обсуждение Д")
    content = text(client.get(index.url))
    assert "Открытое обсуждение А" in group(content, "open")
    assert "Объявленное обсуждение Б" in group(content, "upcoming")
    past = group(content, "past")
    for title in (
        "Закрытое обсуждение В",
        "Завершённое обсуждение Г",
        "Архивное обсуждение Д",
    ):
        assert title in past
    assert "Открытое обсуждение А" not in past
    assert in_russian("Open now: comments accepted") in content
    assert in_russian(Stage.ARCHIVED.label) in past


def test_index_lists_hearings_in_the_visitors_language(client, index):
    page = make_hearing(
        Stage.OPEN, title="Обсуждение на трёх языках", translate_to=("tt", "en")
    )
    for code in ("tt", "en"):
        locale = Locale.objects.get(language_code=code)
        translated_index = index.get_translation(locale)
        content = text(client.get(translated_index.url))
        assert f'href="{page.get_translation(locale).url}"' in content
        assert f'href="{page.url}"' not in content


def test_card_shows_dates_district_topic_and_submission_count(client, index):
    page = make_hearing(
        Stage.OPEN,
        title="Карточка обсуждения",
        district=District.SOVETSKY,
        topic=Topic.STREETS,
    )
    add_submissions(page, 3)
    content = text(client.get(index.url))
    (card,) = [
        piece.split("</li>")[0]
        for piece in content.split('<li class="hearing-card">')
        if "Карточка обсуждения" in piece.split("</li>")[0]
    ]
    with translation.override("ru"):
        count = translation.ngettext(
            "%(counter)s submission", "%(counter)s submissions", 3
        ) % {"counter": 3}
        district = str(District.SOVETSKY.label)
        topic = str(Topic.STREETS.label)
    assert count in card
    assert district in card and topic in card
    assert str(timezone.localtime(page.procedure.closes_at).year) in card


@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ("district=sovetsky", "Советский квартал", "Кировская набережная"),
        ("topic=streets", "Советский квартал", "Кировская набережная"),
        ("stage=closed", "Кировская набережная", "Советский квартал"),
        ("stage=open", "Советский квартал", "Кировская набережная"),
        ("year=2019", "Кировская набережная", "Советский квартал"),
        (
            "district=kirovsky&stage=closed&year=2019",
            "Кировская набережная",
            "Советский квартал",
        ),
    ],
)
def test_index_filters_combine(client, index, query, shown, hidden):
    make_hearing(
        Stage.OPEN,
        title="Советский квартал",
        district=District.SOVETSKY,
        topic=Topic.STREETS,
    )
    make_hearing(
        Stage.CLOSED,
        title="Кировская набережная",
        district=District.KIROVSKY,
        topic=Topic.LANDSCAPING,
        now=datetime.datetime(2019, 9, 1, 12, tzinfo=datetime.UTC),
    )
    content = text(client.get(f"{index.url}?{query}"))
    found = group(content, "found")
    assert shown in found
    assert hidden not in content
    assert in_russian("Only hearings that match your choice:") in content


def test_stage_is_computed_in_sql_like_the_procedure(index):
    pages = {stage: make_hearing(stage, title=f"Стадия {stage}") for stage in Stage}
    annotated = {page.pk: page.stage for page in hearings_below(index)}
    for stage, page in pages.items():
        assert annotated[page.pk] == stage == page.procedure.stage


def test_unknown_filter_values_give_a_notice_not_an_error(client, index):
    make_hearing(Stage.OPEN, title="Остаётся в списке", district=District.VAKHITOVSKY)
    response = client.get(
        index.url
        + "?district=mars&topic=%3Cscript%3Ex&stage=finished&year=abc&page=zzz"
    )
    content = text(response)
    assert in_russian(NOTICE) in content
    assert "mars" in content and "finished" in content
    assert "<script>x" not in response.content.decode()
    assert "Остаётся в списке" in group(content, "open")


def test_known_filter_kept_when_another_is_unknown(client, index):
    make_hearing(Stage.OPEN, title="Сквер на Баумана", district=District.VAKHITOVSKY)
    make_hearing(Stage.OPEN, title="Дорога в Azino", district=District.PRIVOLZHSKY)
    content = text(client.get(index.url + "?district=vakhitovsky&year=1800"))
    assert in_russian(NOTICE) in content
    assert "Сквер на Баумана" in content and "Дорога в Azino" not in content


def test_empty_result_names_the_filters(client, index):
    content = text(client.get(index.url + "?district=aviastroitelny&year=2001"))
    assert in_russian("No hearings found") in content
    with translation.override("ru"):
        assert str(District.AVIASTROITELNY.label) in content
    assert "2001" in content


def test_past_hearings_are_paginated_and_page_clamps(client, index, monkeypatch):
    from hearings_plugin.views import index as index_views

    monkeypatch.setattr(index_views, "HEARINGS_PER_PAGE", 2)
    for letter in "АБВГД":
        make_hearing(Stage.CLOSED, title=f"Прошедшее {letter}")
    past_count = (
        len(group(text(client.get(index.url)), "past").split('hearing-card"')) - 1
    )
    assert past_count == 2
    for page in ("zzz", "-1", "0", "99999", "2.5"):
        response = client.get(f"{index.url}?page={page}")
        assert response.status_code == 200
        assert 'class="pagination"' in response.content.decode()


def listing_queries(context):
    """Queries of the page and its listing, leaving out the site's header and footer."""
    return [q["sql"] for q in context.captured_queries if '"cms_' not in q["sql"]]


def test_index_queries_do_not_grow_with_hearings(client, index):
    make_hearing(Stage.OPEN, title="Первое")
    client.get(index.url)
    with CaptureQueriesContext(connection) as few:
        assert client.get(index.url).status_code == 200
    for stage in (Stage.OPEN, Stage.ANNOUNCED, Stage.CLOSED, Stage.PROTOCOL):
        page = make_hearing(stage)
        add_submissions(page, 3)
    client.get(index.url)
    with CaptureQueriesContext(connection) as many:
        content = text(client.get(index.url))
    assert len(listing_queries(many)) <= len(listing_queries(few))
    assert content.count('<li class="hearing-card">') >= 5
