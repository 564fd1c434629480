"""An editor publishes a repeating event with a changed date, in three languages."""

import datetime

from django.urls import reverse
from django.utils import timezone

from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield
from wagtail_localize.models import StringSegment, Translation

import pytest

from events_plugin import occurrences
from events_plugin.models import (
    Domain,
    EventOccurrence,
    EventPage,
    ProgrammeIndexPage,
)

pytestmark = pytest.mark.django_db

MOSCOW = occurrences.TIME_ZONE
TRANSLATIONS = {
    "tt": {
        "Клуб любителей татарской поэзии": "Татар шигърияте сөючеләр клубы",
        "Читаем вслух Тукая и Джалиля.": (
            "Тукай һәм Җәлил шигырьләрен кычкырып укыйбыз."
        ),
        "Зал на ремонте": "Зал ремонтта",
    },
    "en": {
        "Клуб любителей татарской поэзии": "Tatar poetry lovers' club",
        "Читаем вслух Тукая и Джалиля.": "We read Tukay and Jalil aloud.",
        "Зал на ремонте": "The hall is being repaired",
    },
}


def first_date():
    day = timezone.localdate() + datetime.timedelta(days=3)
    return datetime.datetime.combine(day, datetime.time(18, 30), tzinfo=MOSCOW)


def local(moment):
    return moment.astimezone(MOSCOW).strftime("%Y-%m-%d %H:%M")


def event_form(programme, **overrides):
    start = first_date()
    data = {
        "title": "Клуб любителей татарской поэзии",
        "slug": "poetry-club",
        "introduction": "Читаем вслух Тукая и Джалиля.",
        "event_type": "lecture",
        "domain": Domain.objects.get(slug="literature", locale=programme.locale).pk,
        "language": "ru_tt",
        "tags": "",
        "body": streamfield([]),
        "sessions": inline_formset(
            [
                {
                    "start": local(start),
                    "end": local(start + datetime.timedelta(hours=1)),
                    "recurrence": "FREQ=WEEKLY;COUNT=4",
                }
            ]
        ),
        "occurrence_changes": inline_formset(
            [
                {
                    "original_start": local(start + datetime.timedelta(days=7)),
                    "change": "cancelled",
                    "new_start": "",
                    "new_end": "",
                    "note": "Зал на ремонте",
                }
            ]
        ),
        "platforms": inline_formset(
            [{"platform": "vk_video", "url": "https://vkvideo.ru/video-1_2"}]
        ),
        "people": inline_formset([]),
        "recordings": inline_formset([]),
        "subtitle_tracks": inline_formset([]),
        "comments": inline_formset([]),
        "action-publish": "publish",
    }
    data.update(overrides)
    return nested_form_data(data)


def add_url(programme):
    return reverse("wagtailadmin_pages:add", args=["events", "eventpage", programme.pk])


def translate(admin_client, page, code):
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale__language_code=code
    )
    for segment in StringSegment.objects.filter(source=translation.source):
        text = segment.string.data
        response = admin_client.put(
            reverse(
                "wagtail_localize:edit_string_translation",
                args=[translation.pk, segment.pk],
            ),
            data=f"value={TRANSLATIONS[code].get(text, text)}",
            content_type="application/x-www-form-urlencoded; charset=utf-8",
        )
        assert response.status_code in (200, 201), response.content
    target = page.get_translation(translation.target_locale)
    response = admin_client.post(
        reverse("wagtailadmin_pages:edit", args=[target.pk]), {"action": "publish"}
    )
    assert response.status_code == 302


def test_editor_publishes_a_repeating_event_with_a_cancelled_date_in_three_languages(
    admin_client, client, locales
):
    programme = ProgrammeIndexPage.objects.get(locale__language_code="ru")
    response = admin_client.post(add_url(programme), event_form(programme))
    assert response.status_code == 302, response.context["form"].errors
    page = EventPage.objects.get(slug="poetry-club", locale=programme.locale)
    assert page.live

    response = admin_client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        {"locales": [locales["tt"].pk, locales["en"].pk]},
    )
    assert response.status_code == 302
    for code in ("tt", "en"):
        translate(admin_client, page, code)

    start = first_date()
    for code, title in (
        ("ru", "Клуб любителей татарской поэзии"),
        ("tt", "Татар шигърияте сөючеләр клубы"),
        ("en", "Tatar poetry lovers' club"),
    ):
        version = EventPage.objects.get(
            translation_key=page.translation_key, locale__language_code=code
        )
        assert version.live and version.title == title
        dates = EventOccurrence.objects.filter(page=version).order_by("start")
        assert [d.original_start for d in dates] == [
            start + datetime.timedelta(days=7 * week) for week in range(4)
        ]
        assert [d.cancelled for d in dates] == [False, True, False, False]
        content = client.get(version.url).content.decode()
        assert title.replace("'", "&#x27;") in content
        note = TRANSLATIONS.get(code, {}).get("Зал на ремонте", "Зал на ремонте")
        assert note in content


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("sessions-0-end", "2020-01-01 10:00"),
        ("sessions-0-recurrence", "FREQ=WEEKLY"),
        ("sessions-0-recurrence", "FREQ=HOURLY;COUNT=3"),
        ("sessions-0-start", "2026-02-30 10:00"),
        ("occurrence_changes-0-change", "moved"),
    ],
)
def test_impossible_schedules_are_refused_with_a_message_and_nothing_published(
    admin_client, field, value
):
    programme = ProgrammeIndexPage.objects.get(locale__language_code="ru")
    data = event_form(programme)
    data[field] = value
    response = admin_client.post(add_url(programme), data)
    assert response.status_code == 200
    assert not EventPage.objects.filter(slug="poetry-club").exists()
    assert "error" in response.content.decode()
