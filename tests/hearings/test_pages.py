"""The hearing page: stage, timeline, period changes, documents, related pages."""

import datetime
import html
import re

from django.core.files.base import ContentFile
from django.db import connection
from django.template.defaultfilters import filesizeformat
from django.template.loader import get_template
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.formats import date_format

from wagtail.documents import get_document_model
from wagtail.models import Locale

import pytest

from hearings_plugin.factories import make_hearing
from hearings_plugin.models import (
    CommentPeriodChange,
    HearingDocument,
    HearingIndexPage,
    HearingRelatedPage,
    Stage,
    Submission,
)
from hearings_plugin.selectors.pages import hearing_details
from tests.hearings.test_register import add_submissions

pytestmark = pytest.mark.django_db

LANGUAGES = ("ru", "tt", "en")


def text(response):
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def in_language(code, message):
    with translation.override(code):
        return str(translation.gettext(str(message)))


def current_step(content):
    match = re.search(
        r'<li class="timeline__step[^"]*" aria-current="step">(.*?)</li>',
        content,
        re.S,
    )
    assert match, "no current step on the timeline"
    return match.group(1)


@pytest.mark.parametrize("stage", list(Stage))
def test_hearing_page_renders_in_every_language_with_its_stage(client, stage):
    page = make_hearing(
        stage, title="Проект межевания квартала", translate_to=("tt", "en")
    )
    for code in LANGUAGES:
        version = page.get_translation(Locale.objects.get(language_code=code))
        assert version.url.startswith(f"/{code}/")
        content = text(client.get(version.url))
        assert "Проект межевания квартала" in content
        label = in_language(code, stage.label)
        assert label in content
        assert content.count('aria-current="step"') == 1
        assert label in current_step(content)
        assert in_language(code, "current stage") in current_step(content)


def test_timeline_shows_past_stages_done_and_later_ones_planned(client):
    page = make_hearing(Stage.CLOSED)
    content = text(client.get(page.url))
    steps = re.findall(r'<li class="timeline__step timeline__step--(\w+)"', content)
    assert steps == ["done", "done", "current", "planned", "planned", "planned"]
    assert in_language("ru", "date not set yet") in content


def test_timeline_dates_are_moscow_time(client):
    page = make_hearing(Stage.OPEN)
    procedure = page.procedure
    procedure.closes_at = datetime.datetime(2030, 3, 1, 21, 0, tzinfo=datetime.UTC)
    procedure.save()
    content = text(client.get(page.url))
    # 21:00 UTC is midnight in Moscow, the next day.
    assert 'datetime="2030-03-02T00:00:00+03:00"' in content
    with translation.override("ru"):
        assert date_format(datetime.date(2030, 3, 2), "j E Y") in content


def test_period_changes_are_shown_with_their_reason(client):
    page = make_hearing(Stage.OPEN)
    procedure = page.procedure
    extended_to = procedure.closes_at + datetime.timedelta(days=7)
    CommentPeriodChange.objects.create(
        procedure=procedure,
        kind=CommentPeriodChange.Kind.EXTENDED,
        previous_closes_at=procedure.closes_at,
        closes_at=extended_to,
        reason="По просьбе жителей микрорайона",
    )
    closed_at = timezone.now() - datetime.timedelta(hours=1)
    CommentPeriodChange.objects.create(
        procedure=procedure,
        kind=CommentPeriodChange.Kind.CLOSED_EARLY,
        previous_closes_at=extended_to,
        closes_at=closed_at,
        reason="Проект отозван разработчиком",
    )
    procedure.closes_at = closed_at
    procedure.save()
    content = text(client.get(page.url))
    with translation.override("ru"):
        extended = translation.gettext("Extended until %(date)s: %(reason)s") % {
            "date": date_format(timezone.localtime(extended_to), "j E Y, H:i"),
            "reason": "По просьбе жителей микрорайона",
        }
        closed = translation.gettext("Closed early on %(date)s: %(reason)s") % {
            "date": date_format(timezone.localtime(closed_at), "j E Y, H:i"),
            "reason": "Проект отозван разработчиком",
        }
    assert extended in content
    assert closed in content
    assert in_language("ru", Stage.CLOSED.label) in current_step(content)


def test_documents_are_listed_with_format_and_size(client):
    page = make_hearing(Stage.OPEN)
    document = get_document_model().objects.create(
        title="Проект планировки, основная часть",
        file=ContentFile(b"%PDF-1.4 " + b"0" * 2039, name="draft.pdf"),
    )
    HearingDocument.objects.create(page=page, document=document, sort_order=0)
    content = text(client.get(page.url))
    assert "Проект планировки, основная часть" in content
    assert f'href="{document.url}"' in content
    with translation.override("ru"):
        size = filesizeformat(2048)
    assert f"(PDF, {size})" in content


def test_related_pages_are_shown_in_the_visitors_language(client, open_hearing):
    tatar = Locale.objects.get(language_code="tt")
    tatar_hearing = open_hearing.get_translation(tatar)
    russian_index = HearingIndexPage.objects.get(locale__language_code="ru")
    hidden = make_hearing(Stage.ANNOUNCED, title="Черновик без публикации")
    hidden.unpublish()
    HearingRelatedPage.objects.create(
        page=tatar_hearing, related_page=russian_index, sort_order=0
    )
    HearingRelatedPage.objects.create(
        page=tatar_hearing, related_page=hidden, sort_order=1
    )
    content = text(client.get(tatar_hearing.url))
    tatar_index = russian_index.get_translation(tatar)
    assert f'href="{tatar_index.url}">{tatar_index.title}</a>' in content
    assert "Черновик без публикации" not in content


def test_hearing_page_shows_key_facts_and_exposition(client):
    page = make_hearing(
        Stage.ANNOUNCED,
        organiser="Комитет по градостроительству",
        organiser_contact="+7 843 000-00-00",
        territory="Квартал между улицами Баумана и Профсоюзной",
        exposition_venue="Здание администрации",
        exposition_address="ул. Кремлёвская, 1",
        exposition_hours="Пн–Пт 9:00–18:00",
    )
    content = text(client.get(page.url))
    for fact in (
        "Комитет по градостроительству",
        "+7 843 000-00-00",
        "Квартал между улицами Баумана и Профсоюзной",
        "Здание администрации",
        "ул. Кремлёвская, 1",
        "Пн–Пт 9:00–18:00",
        page.procedure.reference,
        in_language("ru", page.get_district_display()),
        in_language("ru", page.get_topic_display()),
    ):
        assert fact in content, fact


def test_hearing_page_summarises_the_register(client, open_hearing):
    add_submissions(open_hearing, 7)
    add_submissions(open_hearing, 1, moderation=Submission.Moderation.PENDING)
    content = text(client.get(open_hearing.url))
    with translation.override("ru"):
        published = translation.ngettext(
            "%(counter)s submission published.",
            "%(counter)s submissions published.",
            7,
        ) % {"counter": 7}
    assert published in content
    # The latest five, newest first, and a link to the whole register.
    assert "Предложение номер 7." in content
    assert "Предложение номер 2." not in content
    assert 'href="' + open_hearing.url + 'register/"' in content


def test_panels_come_in_the_agreed_order(client, open_hearing):
    source = get_template("hearings/hearing_page.html").template.source
    positions = [
        source.find(marker)
        for marker in (
            'include "hearings/includes/timeline.html"',
            'include "hearings/includes/submission_panel.html"',
            'id="hearing-register"',
            'include "hearings/includes/results_panel.html"',
            'include "hearings/includes/follow.html"',
            'include "hearings/includes/comments.html"',
        )
    ]
    assert -1 not in positions and positions == sorted(positions)
    assert client.get(open_hearing.url).status_code == 200


def test_details_value_decides_the_stage_from_the_clock():
    page = make_hearing(Stage.OPEN)
    procedure = page.procedure
    assert hearing_details(page).stage == Stage.OPEN
    later = procedure.closes_at + datetime.timedelta(seconds=1)
    details = hearing_details(page, now=later)
    assert details.stage == Stage.CLOSED
    assert not details.accepts_submissions
    assert [step.state for step in details.timeline][:3] == ["done", "done", "current"]


def test_hearing_page_queries_do_not_grow_with_submissions(
    client, open_hearing, django_assert_max_num_queries
):
    (first,) = add_submissions(open_hearing, 1)
    client.get(open_hearing.url)  # warm the site and locale caches
    with CaptureQueriesContext(connection) as one:
        assert client.get(open_hearing.url).status_code == 200
    more = add_submissions(open_hearing, 59)
    Submission.objects.filter(pk__in=[s.pk for s in more[:10]]).update(
        duplicate_of=first, answer_status=Submission.Answer.ACCEPTED
    )
    with django_assert_max_num_queries(len(one.captured_queries)):
        assert client.get(open_hearing.url).status_code == 200
